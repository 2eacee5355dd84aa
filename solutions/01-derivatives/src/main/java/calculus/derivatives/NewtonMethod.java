package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * Newton's method for a root of <em>f</em>: follow the tangent to zero, and repeat.
 *
 * <blockquote><em>x</em><sub><em>n</em>+1</sub> = <em>x</em><sub><em>n</em></sub> −
 * <em>f</em>(<em>x</em><sub><em>n</em></sub>) / <em>f</em>′(<em>x</em><sub><em>n</em></sub>)</blockquote>
 *
 * <p>Each step replaces <em>f</em> by its {@linkplain TangentLine tangent} at the current iterate and jumps to the
 * tangent's root. Near a simple root <em>r</em> (<em>f</em>′(<em>r</em>) ≠ 0) the error is squared at every step,
 * <em>e</em><sub><em>n</em>+1</sub> ≈ (<em>f</em>″/2<em>f</em>′) <em>e</em><sub><em>n</em></sub><sup>2</sup>: the
 * number of correct digits doubles, and a handful of steps reach full precision. Far from a root it can cycle
 * (<em>x</em><sup>3</sup> − 2<em>x</em> + 2 from 0), run away (∛<em>x</em> from any <em>x</em> ≠ 0) or hit a flat
 * tangent, which is why the result says how it ended instead of looping forever.
 *
 * <p>The same idea, one derivative deeper, minimises a loss: a minimum is a root of the loss's derivative.
 */
public final class NewtonMethod {

    private NewtonMethod() {
    }

    /**
     * Runs Newton's method from {@code x0}. Each iteration, with the current iterate <em>x</em>:
     * <ol>
     *   <li>if <em>f</em>(<em>x</em>) or <em>f</em>′(<em>x</em>) is infinite or NaN, stop, {@code DIVERGED};</li>
     *   <li>if <em>f</em>(<em>x</em>) == 0, <em>x</em> is a root: stop, {@code CONVERGED};</li>
     *   <li>if <em>f</em>′(<em>x</em>) == 0, the tangent is horizontal: stop, {@code ZERO_DERIVATIVE};</li>
     *   <li>otherwise step to <em>x</em> − <em>f</em>(<em>x</em>)/<em>f</em>′(<em>x</em>) and count one
     *       iteration; if the new <em>x</em> is not finite, stop, {@code DIVERGED}; if the step was at most
     *       {@code tolerance} long, stop, {@code CONVERGED}.</li>
     * </ol>
     * After {@code maxIterations} iterations without stopping, the result is {@code NOT_CONVERGED}.
     *
     * @param f             the function whose root is sought
     * @param df            its derivative <em>f</em>′
     * @param x0            the starting point, finite
     * @param tolerance     the step length at which to stop, positive and finite
     * @param maxIterations the most Newton steps to take, at least 1
     * @return the last iterate, the number of steps taken, and the status
     * @throws IllegalArgumentException if {@code f} or {@code df} is null, {@code x0} is not finite,
     *                                  {@code tolerance} is not positive and finite, or {@code maxIterations} &lt; 1
     */
    public static NewtonResult solve(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0, double tolerance,
                                     int maxIterations) {
        // BEGIN SOLUTION Task 1.8: return the result of Newton's method from x0, stopping as the class Javadoc lists
        //     (README.md, "Task 1.8"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(f, "f");
        Checks.requireNonNull(df, "df");
        Checks.requireFinite(x0, "x0");
        Checks.requirePositive(tolerance, "tolerance");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got maxIterations = "
                + maxIterations);
        }
        double x = x0;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            TangentLine tangent = TangentLine.at(f, df, x);
            if (!Double.isFinite(tangent.y0()) || !Double.isFinite(tangent.slope())) {
                return new NewtonResult(x, iteration - 1, NewtonResult.Status.DIVERGED);
            }
            if (tangent.y0() == 0) {
                return new NewtonResult(x, iteration - 1, NewtonResult.Status.CONVERGED);
            }
            if (tangent.slope() == 0) {
                return new NewtonResult(x, iteration - 1, NewtonResult.Status.ZERO_DERIVATIVE);
            }
            // the tangent's root is the next iterate; the step is the distance actually moved
            double next = tangent.root();
            double step = next - x;
            x = next;
            if (!Double.isFinite(x)) {
                return new NewtonResult(x, iteration, NewtonResult.Status.DIVERGED);
            }
            if (Math.abs(step) <= tolerance) {
                return new NewtonResult(x, iteration, NewtonResult.Status.CONVERGED);
            }
        }
        return new NewtonResult(x, maxIterations, NewtonResult.Status.NOT_CONVERGED);
        // END SOLUTION
    }
}
