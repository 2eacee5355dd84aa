package calculus.partials;

import java.util.function.ToDoubleFunction;

/**
 * The Hessian matrix: every second partial of a function of several variables, in one symmetric matrix, and the
 * test that tells a bowl (positive definite) from a saddle or a ridge.
 *
 * <p>For <em>f</em>: R<sup><em>n</em></sup> → R the Hessian at <em>x</em> is the <em>n</em> × <em>n</em> matrix
 *
 * <p><em>H</em><sub><em>ij</em></sub>(<em>x</em>) =
 * &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>i</em></sub>&part;<em>x</em><sub><em>j</em></sub>(<em>x</em>).
 *
 * <p>It is symmetric when the second partials are continuous (Schwarz's theorem), so only the
 * <em>n</em>(<em>n</em> + 1)/2 entries on and above the diagonal need computing. Near <em>x</em>,
 *
 * <p><em>f</em>(<em>x</em> + <em>d</em>) ≈ <em>f</em>(<em>x</em>) + ∇<em>f</em>·<em>d</em> +
 * ½ <em>d</em><sup>T</sup><em>H</em><em>d</em>,
 *
 * <p>so where the gradient is zero, <em>x</em> is a strict local minimum if <em>H</em> is positive definite
 * (<em>d</em><sup>T</sup><em>H</em><em>d</em> &gt; 0 for every <em>d</em> ≠ 0), and a saddle if
 * <em>d</em><sup>T</sup><em>H</em><em>d</em> takes both signs.
 */
public final class Hessian {

    /**
     * How far apart <em>m</em><sub><em>ij</em></sub> and <em>m</em><sub><em>ji</em></sub> may be, relative to the
     * largest entry, for {@link #isPositiveDefinite} to call a matrix symmetric: a Hessian computed in floating point
     * (by nested differences, or by automatic differentiation) may differ from its transpose by round-off, some
     * 10<sup>−16</sup> relative; a difference above 10<sup>−10</sup> is no longer round-off but a different matrix.
     */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private Hessian() {
    }

    /**
     * The Hessian of {@code f} at {@code x} by central differences with step {@code h}: each entry on or above the
     * diagonal is {@link SecondPartial#of SecondPartial.of(f, x, i, j, h)}, and the entries below mirror them, so the
     * result is exactly symmetric and takes at most 2<em>n</em><sup>2</sup> + <em>n</em> evaluations of {@code f}
     * (3 for each of the <em>n</em> diagonal entries, 4 for each of the <em>n</em>(<em>n</em> − 1)/2 above it).
     *
     * @param f the function of several variables
     * @param x the point; not changed
     * @param h the step, positive and finite; about 10<sup>−4</sup> for a function of scale 1
     * @return the <em>n</em> × <em>n</em> Hessian, <em>n</em> = {@code x.length}, a new array
     * @throws IllegalArgumentException if {@code f} or {@code x} is {@code null}, {@code x} is empty or has a NaN or
     *                                  infinite coordinate, or {@code h} is not positive and finite
     */
    public static double[][] of(ToDoubleFunction<double[]> f, double[] x, double h) {
        // TODO(Task 2.5): return the matrix of the second partials of f at x, symmetric
        //     (README.md, "Task 2.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 2.5: Hessian.of");
    }

    /**
     * Whether a symmetric matrix is positive definite (<em>d</em><sup>T</sup><em>M</em><em>d</em> &gt; 0 for every
     * <em>d</em> ≠ 0), by attempting its Cholesky factorisation <em>M</em> = <em>L</em><em>L</em><sup>T</sup>.
     *
     * <p>Column by column, the pivot <em>M</em><sub><em>jj</em></sub> − Σ<sub><em>k</em>&lt;<em>j</em></sub>
     * <em>L</em><sub><em>jk</em></sub><sup>2</sup> is the square of <em>L</em><sub><em>jj</em></sub>; the matrix is
     * positive definite exactly when every pivot is positive. This needs about <em>n</em><sup>3</sup>/6
     * multiplications, and it is numerically stable, unlike the determinants of Sylvester's criterion. A matrix
     * that is positive <em>semi</em>definite (a zero pivot: a flat direction) is not positive definite; one whose
     * smallest eigenvalue is within round-off of zero may be reported either way.
     *
     * @param m a square, symmetric matrix with finite entries (symmetric to within {@link #SYMMETRY_TOLERANCE}
     *          of its largest entry); not changed
     * @return {@code true} if {@code m} is positive definite
     * @throws IllegalArgumentException if {@code m} or one of its rows is {@code null}, {@code m} is empty or not
     *                                  square, an entry is NaN or infinite, or {@code m} is not symmetric
     */
    public static boolean isPositiveDefinite(double[][] m) {
        // TODO(Task 2.5): return whether the symmetric matrix m is positive definite, by the test the lesson
        //     gives (README.md, "Task 2.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 2.5: Hessian.isPositiveDefinite");
    }
}
