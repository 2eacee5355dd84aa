package calculus.gradient;

import java.util.function.Function;

/**
 * The Jacobian matrix of a vector-valued function, by central differences, and the product with its transpose
 * that backprop is made of.
 *
 * <p>For <em>f</em>: R<sup><em>n</em></sup> → R<sup><em>m</em></sup> with outputs <em>f</em><sub>1</sub>, …,
 * <em>f</em><sub><em>m</em></sub>, the Jacobian at <em>x</em> is the <em>m</em> × <em>n</em> matrix
 *
 * <p><em>J</em><sub><em>ij</em></sub> = &part;<em>f</em><sub><em>i</em></sub>/&part;<em>x</em><sub><em>j</em></sub>
 * &nbsp; (row <em>i</em>: output <em>i</em>; column <em>j</em>: input <em>j</em>).
 *
 * <p>Row <em>i</em> is the gradient of output <em>i</em>, laid flat; for <em>m</em> = 1 the Jacobian is a single
 * row, the gradient itself. Column <em>j</em> is how every output moves when input <em>j</em> moves, which is why
 * one central difference in <em>x</em><sub><em>j</em></sub> gives a whole column: 2<em>n</em> evaluations of
 * <em>f</em> give the whole matrix, whatever <em>m</em> is.
 *
 * <p>The chain rule in several variables is a product of Jacobians. For a scalar function <em>g</em> of the
 * outputs, ∇(<em>g</em> ∘ <em>f</em>)(<em>x</em>) = <em>J</em><sup>T</sup> ∇<em>g</em>(<em>f</em>(<em>x</em>)):
 * the vector–Jacobian product {@link #transposeTimes} is the step backprop takes through each layer. With
 * <em>g</em>(<em>y</em>) = <em>v</em>·<em>y</em>, <em>J</em><sup>T</sup><em>v</em> is the gradient of
 * <em>v</em>·<em>f</em>.
 *
 * <p><b>Accuracy</b> is that of {@link NumericalGradient}, entry by entry: with step 10<sup>−5</sup>, about
 * 10<sup>−10</sup> relative for smooth functions of moderate scale.
 */
public final class Jacobian {

    private Jacobian() {
    }

    /**
     * The Jacobian of {@code f} at {@code x} by central differences with step {@code h}: column <em>j</em> is
     * [<em>f</em>(<em>x</em> + <em>h e</em><sub><em>j</em></sub>) − <em>f</em>(<em>x</em> −
     * <em>h e</em><sub><em>j</em></sub>)] / 2<em>h</em>.
     *
     * <p>Evaluates {@code f} exactly 2<em>n</em> times, each time at a point that differs from <em>x</em> in one
     * coordinate only; {@code x} is not changed.
     *
     * @param f a function from vectors of length <em>n</em> = {@code x.length} to vectors of one length
     *          <em>m</em> &ge; 1
     * @param x the point
     * @param h the step, positive and finite
     * @return a new <em>m</em> × <em>n</em> matrix, {@code result[i][j]} =
     *     &part;<em>f</em><sub><em>i</em></sub>/&part;<em>x</em><sub><em>j</em></sub>
     * @throws IllegalArgumentException if {@code f} or {@code x} is null, {@code x} is empty or has a NaN or
     *                                  infinite entry, if {@code h} is not positive and finite or too small to move
     *                                  a coordinate of {@code x}, or if {@code f} returns null, an empty array, or
     *                                  arrays of different lengths
     */
    public static double[][] numerical(Function<double[], double[]> f, double[] x, double h) {
        // TODO(Task 4.6): return the central-difference estimate of the Jacobian of f at x, one column per
        //     coordinate (README.md, "Task 4.6"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.6: Jacobian.numerical");
    }

    /**
     * The vector–Jacobian product <em>J</em><sup>T</sup><em>v</em>, entry <em>j</em> = Σ<sub><em>i</em></sub>
     * <em>J</em><sub><em>ij</em></sub> <em>v</em><sub><em>i</em></sub>: the gradient of <em>v</em>·<em>f</em>
     * when <em>J</em> is the Jacobian of <em>f</em>. With <em>m</em> = 1 and <em>v</em> = (1) it is the gradient of
     * <em>f</em>.
     *
     * @param jacobian an <em>m</em> × <em>n</em> matrix
     * @param v        a vector of length <em>m</em>, one weight per output
     * @return a new vector of length <em>n</em>
     * @throws IllegalArgumentException if {@code jacobian} is null, empty, not rectangular or has a NaN or infinite
     *                                  entry, or if {@code v} is null or has not one finite entry per row
     */
    public static double[] transposeTimes(double[][] jacobian, double[] v) {
        // TODO(Task 4.6): return the product of the transposed Jacobian with v (README.md, "Task 4.6"); reject
        //     bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.6: Jacobian.transposeTimes");
    }
}
