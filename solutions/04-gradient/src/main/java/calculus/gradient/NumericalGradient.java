package calculus.gradient;

import java.util.function.ToDoubleFunction;

/**
 * The gradient of a function of several variables by central differences, one coordinate at a time.
 *
 * <p>The gradient of <em>f</em>: R<sup><em>n</em></sup> → R at <em>x</em> is the vector of its partial
 * derivatives, ∇<em>f</em>(<em>x</em>) = (&part;<em>f</em>/&part;<em>x</em><sub>1</sub>, …,
 * &part;<em>f</em>/&part;<em>x</em><sub><em>n</em></sub>). Each partial is a central difference along one
 * coordinate axis <em>e</em><sub><em>i</em></sub>:
 *
 * <p>&part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub> ≈ [<em>f</em>(<em>x</em> + <em>h</em>
 * <em>e</em><sub><em>i</em></sub>) − <em>f</em>(<em>x</em> − <em>h</em> <em>e</em><sub><em>i</em></sub>)] /
 * 2<em>h</em>,
 *
 * <p>two evaluations of <em>f</em> per coordinate, 2<em>n</em> in all. That cost is why networks are not trained
 * this way: a model with a million weights would need two million evaluations of the loss for one step. Backprop
 * gets the same vector for the cost of about one evaluation; this method stays the independent check of it
 * ({@link GradientCheck}).
 *
 * <p><b>Accuracy.</b> The truncation error of a central difference is <em>h</em><sup>2</sup>
 * |&part;<sup>3</sup><em>f</em>/&part;<em>x</em><sub><em>i</em></sub><sup>3</sup>| / 6 and its round-off error
 * about ε |<em>f</em>| / <em>h</em> (ε ≈ 2.2·10<sup>−16</sup>); the two balance near
 * <em>h</em> = ∛ε ≈ 6·10<sup>−6</sup>, which is why {@link #DEFAULT_STEP} is 10<sup>−5</sup>. There each
 * partial of a function of moderate scale is good to about 10<sup>−10</sup>. A quadratic has no third
 * derivative: for it the central difference is exact, up to round-off, for any step.
 */
public final class NumericalGradient {

    /**
     * A step size for functions whose inputs and values are of order 1: near ∛ε ≈ 6·10<sup>−6</sup>, where the
     * truncation error <em>h</em><sup>2</sup>|<em>f</em>‴|/6 and the round-off error ε|<em>f</em>|/<em>h</em>
     * are both about 10<sup>−11</sup>.
     */
    public static final double DEFAULT_STEP = 1e-5;

    private NumericalGradient() {
    }

    /**
     * The gradient of {@code f} at {@code x} by central differences with step {@code h}.
     *
     * <p>Evaluates {@code f} exactly 2<em>n</em> times, at <em>x</em> ± <em>h</em> <em>e</em><sub><em>i</em></sub>
     * for <em>i</em> = 1, …, <em>n</em>, each time at a point that differs from <em>x</em> in one coordinate
     * only. The array {@code x} is not changed. A NaN value of {@code f} gives a NaN partial: the method reports what
     * {@code f} computes.
     *
     * @param f a function of {@code x.length} variables
     * @param x the point, a vector of finite numbers
     * @param h the step, positive and finite
     * @return a new array, the approximate gradient ∇<em>f</em>(<em>x</em>), of the length of {@code x}
     * @throws IllegalArgumentException if {@code f} or {@code x} is null, {@code x} is empty or has a NaN or
     *                                  infinite entry, or {@code h} is not positive and finite, or so small that
     *                                  <em>x</em><sub><em>i</em></sub> ± <em>h</em> round to the same number
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        // BEGIN SOLUTION Task 4.2: return the central-difference estimate of the gradient of f at x, leaving x as it
        //     was (README.md, "Task 4.2"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(f, "f");
        Checks.requireVector(x, "x");
        Checks.requirePositive(h, "h");
        // perturb a copy, and one coordinate at a time: restoring x[i] by adding and subtracting h would not
        // always give back the same double, so the caller's x is never touched
        double[] point = x.clone();
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double forward = x[i] + h;
            double backward = x[i] - h;
            Checks.requireStepMoves(x, i, h);
            point[i] = forward;
            double fForward = f.applyAsDouble(point);
            point[i] = backward;
            double fBackward = f.applyAsDouble(point);
            point[i] = x[i];
            // divide by the step actually taken: x[i] + h is rounded, and for |x[i]| >> h the rounding is a
            // visible part of h
            gradient[i] = (fForward - fBackward) / (forward - backward);
        }
        return gradient;
        // END SOLUTION
    }
}
