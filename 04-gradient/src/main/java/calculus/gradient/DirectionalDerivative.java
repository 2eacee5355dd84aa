package calculus.gradient;

import java.util.function.ToDoubleFunction;

/**
 * The directional derivative: how fast <em>f</em> changes when <em>x</em> moves in a given direction, and the
 * directions in which it changes fastest.
 *
 * <p>For a direction <em>v</em> ≠ 0 with unit vector <em>u</em> = <em>v</em> / ‖<em>v</em>‖, the directional
 * derivative of <em>f</em>: R<sup><em>n</em></sup> → R at <em>x</em> is
 *
 * <p><em>D</em><sub><em>u</em></sub><em>f</em>(<em>x</em>) = lim<sub><em>t</em>→0</sub>
 * [<em>f</em>(<em>x</em> + <em>t u</em>) − <em>f</em>(<em>x</em>)] / <em>t</em> = ∇<em>f</em>(<em>x</em>)·<em>u</em>,
 *
 * <p>the rate of change per unit of distance travelled. <b>Convention:</b> every method here accepts any non-zero
 * direction and normalises it first, so <em>v</em> and 3<em>v</em> give the same derivative; the zero vector has
 * no direction and is rejected.
 *
 * <p>By the Cauchy–Schwarz inequality, ∇<em>f</em>·<em>u</em> ≤ ‖∇<em>f</em>‖ ‖<em>u</em>‖ = ‖∇<em>f</em>‖,
 * with equality only for <em>u</em> = ∇<em>f</em> / ‖∇<em>f</em>‖: the gradient points in the direction of
 * steepest ascent, its length is that steepest rate, and −∇<em>f</em> is the direction of steepest descent, the
 * direction gradient descent steps in.
 */
public final class DirectionalDerivative {

    private DirectionalDerivative() {
    }

    /**
     * The directional derivative from a known gradient: ∇<em>f</em>·<em>v</em> / ‖<em>v</em>‖.
     *
     * @param gradient  the gradient ∇<em>f</em>(<em>x</em>)
     * @param direction a non-zero direction <em>v</em> of the same length; it need not be a unit vector
     * @return the rate of change of <em>f</em> per unit distance along <em>v</em>
     * @throws IllegalArgumentException if either vector is null or empty, has a NaN or infinite entry, if their
     *                                  lengths differ, or if {@code direction} is the zero vector
     */
    public static double fromGradient(double[] gradient, double[] direction) {
        // TODO(Task 4.3): return the directional derivative along direction, from the gradient
        //     (README.md, "Task 4.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.3: DirectionalDerivative.fromGradient");
    }

    /**
     * The directional derivative by a central difference along the unit vector <em>u</em> =
     * <em>v</em> / ‖<em>v</em>‖:
     * [<em>f</em>(<em>x</em> + <em>h u</em>) − <em>f</em>(<em>x</em> − <em>h u</em>)] / 2<em>h</em>.
     *
     * <p>Evaluates {@code f} exactly twice, whatever the dimension: one directional derivative is <em>n</em> times
     * cheaper than the whole gradient ({@link NumericalGradient} needs 2<em>n</em> evaluations). Neither
     * {@code x} nor {@code direction} is changed.
     *
     * @param f         a function of {@code x.length} variables
     * @param x         the point
     * @param direction a non-zero direction <em>v</em> of the same length; it need not be a unit vector
     * @param h         the step along <em>u</em>, positive and finite
     * @return the approximate rate of change of <em>f</em> per unit distance along <em>v</em>
     * @throws IllegalArgumentException if {@code f} is null, if {@code x} or {@code direction} is null or empty,
     *                                  has a NaN or infinite entry, if their lengths differ, if {@code direction}
     *                                  is the zero vector, or if {@code h} is not positive and finite
     */
    public static double numerical(ToDoubleFunction<double[]> f, double[] x, double[] direction, double h) {
        // TODO(Task 4.3): return the central-difference estimate of the directional derivative of f at x along
        //     direction (README.md, "Task 4.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.3: DirectionalDerivative.numerical");
    }

    /**
     * The direction of steepest ascent, ∇<em>f</em> / ‖∇<em>f</em>‖: the unit vector along which <em>f</em>
     * increases fastest, at the rate ‖∇<em>f</em>‖.
     *
     * @param gradient the gradient ∇<em>f</em>(<em>x</em>)
     * @return a new unit vector
     * @throws IllegalArgumentException if {@code gradient} is null or empty, has a NaN or infinite entry, or is the
     *                                  zero vector (at a stationary point no direction is steepest)
     */
    public static double[] steepestAscent(double[] gradient) {
        // TODO(Task 4.3): return the unit vector of steepest ascent for this gradient (README.md, "Task 4.3");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.3: DirectionalDerivative.steepestAscent");
    }

    /**
     * The direction of steepest descent, −∇<em>f</em> / ‖∇<em>f</em>‖: the unit vector along which <em>f</em>
     * decreases fastest, at the rate ‖∇<em>f</em>‖. Gradient descent steps this way.
     *
     * @param gradient the gradient ∇<em>f</em>(<em>x</em>)
     * @return a new unit vector
     * @throws IllegalArgumentException if {@code gradient} is null or empty, has a NaN or infinite entry, or is the
     *                                  zero vector (at a stationary point no direction is steepest)
     */
    public static double[] steepestDescent(double[] gradient) {
        // TODO(Task 4.3): return the unit vector of steepest descent for this gradient
        //     (README.md, "Task 4.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.3: DirectionalDerivative.steepestDescent");
    }
}
