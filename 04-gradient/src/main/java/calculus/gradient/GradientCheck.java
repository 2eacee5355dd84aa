package calculus.gradient;

import java.util.function.ToDoubleFunction;

/**
 * Gradient checking: comparing a gradient computed by a formula (or by backprop) with the numerical gradient, the
 * test every hand-written derivative should pass before it is trusted.
 *
 * <p>The two gradients <em>a</em> (analytic) and <em>n</em> (numerical) are compared by their relative error
 *
 * <p><em>e</em> = ‖<em>a</em> − <em>n</em>‖ / max(‖<em>a</em>‖, ‖<em>n</em>‖) &nbsp; (0 when both are zero),
 *
 * <p>which does not depend on the scale of the loss: multiplying the loss by 1000 multiplies both gradients, and
 * their difference, by 1000. An absolute error would call a good gradient of a large loss wrong and a wrong
 * gradient of a small loss right. The coordinate where |<em>a</em><sub><em>i</em></sub> −
 * <em>n</em><sub><em>i</em></sub>| is largest is reported too: it says which partial derivative to look at.
 *
 * <p><b>Reading the error.</b> The numerical gradient ({@link NumericalGradient} with its
 * {@link NumericalGradient#DEFAULT_STEP}) is good to about 10<sup>−10</sup> relative on smooth functions of
 * moderate scale, so a right gradient gives <em>e</em> ≈ 10<sup>−10</sup>, and a wrong one (a factor 2, a wrong
 * sign, a forgotten term) gives <em>e</em> ≥ 10<sup>−3</sup> or so: {@link #DEFAULT_TOLERANCE} = 10<sup>−7</sup>
 * sits between. The check is unreliable where the gradient is nearly zero (there the numerical gradient's
 * round-off dominates) and at kinks (ReLU at 0, |<em>x</em>| at 0), where no derivative exists.
 */
public final class GradientCheck {

    /**
     * The default tolerance on the relative error: three orders of magnitude above the numerical gradient's own
     * error (about 10<sup>−10</sup> with step 10<sup>−5</sup>), and orders of magnitude below the error of a wrong
     * formula.
     */
    public static final double DEFAULT_TOLERANCE = 1e-7;

    /**
     * The outcome of a gradient check.
     *
     * @param passed        whether {@code relativeError} is at most the tolerance
     * @param relativeError ‖<em>a</em> − <em>n</em>‖ / max(‖<em>a</em>‖, ‖<em>n</em>‖)
     * @param worstIndex    the coordinate <em>i</em> where |<em>a</em><sub><em>i</em></sub> −
     *                      <em>n</em><sub><em>i</em></sub>| is largest (the first such, if several tie)
     * @param analytic      <em>a</em><sub><em>i</em></sub> at that coordinate
     * @param numerical     <em>n</em><sub><em>i</em></sub> at that coordinate
     */
    public record Report(boolean passed, double relativeError, int worstIndex, double analytic, double numerical) {
    }

    private GradientCheck() {
    }

    /**
     * The relative error ‖<em>a</em> − <em>b</em>‖ / max(‖<em>a</em>‖, ‖<em>b</em>‖) of two gradients, 0 when
     * both are the zero vector. Symmetric in <em>a</em> and <em>b</em>, unchanged when both are multiplied by the
     * same non-zero number, and at most 2.
     *
     * @param a a gradient
     * @param b a gradient of the same length
     * @return the relative error, in [0, 2]
     * @throws IllegalArgumentException if {@code a} or {@code b} is null or empty, has a NaN or infinite entry, or
     *                                  if their lengths differ
     */
    public static double relativeError(double[] a, double[] b) {
        // TODO(Task 4.5): return the relative error between a and b, as the class Javadoc defines it
        //     (README.md, "Task 4.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.5: GradientCheck.relativeError");
    }

    /**
     * Checks an analytic gradient of {@code f} at {@code x} against the numerical gradient
     * {@link NumericalGradient#gradient} with step {@link NumericalGradient#DEFAULT_STEP}.
     *
     * <p>Evaluates {@code f} 2<em>n</em> times; changes neither {@code analytic} nor {@code x}.
     *
     * @param f         a function of {@code x.length} variables
     * @param analytic  the gradient of {@code f} at {@code x} to check
     * @param x         the point
     * @param tolerance the largest relative error that passes, positive (typically {@link #DEFAULT_TOLERANCE})
     * @return the report: passed or not, the relative error, and the worst coordinate with both values there
     * @throws IllegalArgumentException if {@code f} is null, if {@code analytic} or {@code x} is null or empty, has
     *                                  a NaN or infinite entry, if their lengths differ, if {@code tolerance} is
     *                                  not positive and finite, or if {@code f} is not finite near {@code x}
     */
    public static Report check(ToDoubleFunction<double[]> f, double[] analytic, double[] x, double tolerance) {
        // TODO(Task 4.5): return the report of comparing analytic with the numerical gradient of f at x
        //     (README.md, "Task 4.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.5: GradientCheck.check");
    }
}
