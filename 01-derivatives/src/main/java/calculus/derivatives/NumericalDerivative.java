package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * The derivative of a function at a point, with the step chosen for you: a central difference whose step is scaled
 * to |<em>x</em>| and to the precision of {@code double}.
 *
 * <p>The error of a central difference with step <em>h</em> has two parts that pull in opposite directions:
 * truncation, (<em>h</em><sup>2</sup>/6)|<em>f</em>‴|, which shrinks with <em>h</em>, and rounding,
 * about ε|<em>f</em>|/<em>h</em> with ε = 2<sup>−52</sup> ≈ 2.2·10<sup>−16</sup> (the gap between 1 and the next
 * double), which grows as <em>h</em> shrinks. Their sum is smallest for <em>h</em> of the order of ∛ε times the
 * length over which <em>f</em> changes. Not knowing <em>f</em>, we take that length to be max(1, |<em>x</em>|):
 *
 * <blockquote><em>h</em> = ∛ε · max(1, |<em>x</em>|) ≈ 6.06·10<sup>−6</sup> · max(1, |<em>x</em>|).</blockquote>
 *
 * <p>Scaling with |<em>x</em>| matters for large <em>x</em>: at <em>x</em> = 10<sup>6</sup> neighbouring doubles
 * are 1.2·10<sup>−10</sup> apart, so a fixed <em>h</em> = 10<sup>−5</sup> would already be rounded by 10<sup>−5</sup>
 * of itself. The {@code max(1, ...)} keeps the step from vanishing near 0. Finally the step is rounded to one that
 * floating point can take exactly: <em>x</em> + <em>h</em> is rounded to a double, so we use
 * <em>h</em> = (<em>x</em> + <em>h</em>) − <em>x</em>, the distance actually stepped, which is exact.
 *
 * <p>For a function that varies on the scale of max(1, |<em>x</em>|), at a point where <em>f</em>′ is not tiny
 * compared with <em>f</em>, the relative error is about 10<sup>−10</sup>; no difference quotient can do much better
 * than ε<sup>2/3</sup> ≈ 4·10<sup>−11</sup> this way. For a function that changes much faster than that (sin <em>x</em>
 * at <em>x</em> = 10<sup>6</sup>, where the step is 6 long), no step rule of this kind works: pass your own step to
 * {@link CentralDifference#derivative}.
 */
public final class NumericalDerivative {

    /** ∛ε ≈ 6.06·10<sup>−6</sup>: the step, relative to max(1, |x|), that balances truncation against rounding. */
    public static final double RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

    private NumericalDerivative() {
    }

    /**
     * The step for a central difference at {@code x}: ∛ε · max(1, |<em>x</em>|), adjusted so that
     * (<em>x</em> + <em>h</em>) − <em>x</em> == <em>h</em> exactly.
     *
     * @param x the point, finite
     * @return the step, positive; (x + step(x)) - x == step(x)
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public static double step(double x) {
        // TODO(Task 1.4): return the step this class takes at x, scaled to x and exactly representable, as the
        //     Javadoc asks (README.md, "Task 1.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.4: NumericalDerivative.step");
    }

    /**
     * <em>f</em>′(<em>x</em>) by the central difference with step {@link #step(double) step(x)}.
     *
     * @param f the function
     * @param x the point, finite
     * @return the estimate of <em>f</em>′(<em>x</em>), to a relative error of about 10<sup>−10</sup> for a
     *         function that varies on the scale of max(1, |<em>x</em>|)
     * @throws IllegalArgumentException if {@code f} is null or {@code x} is not finite
     */
    public static double derivative(DoubleUnaryOperator f, double x) {
        // TODO(Task 1.4): return the central-difference estimate of f′(x) with the step this class chooses for
        //     x (README.md, "Task 1.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.4: NumericalDerivative.derivative");
    }
}
