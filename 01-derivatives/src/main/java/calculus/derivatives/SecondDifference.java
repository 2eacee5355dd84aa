package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * The second derivative by a central difference: how fast the slope itself changes,
 *
 * <blockquote><em>f</em>″(<em>x</em>) ≈ (<em>f</em>(<em>x</em> + <em>h</em>) − 2<em>f</em>(<em>x</em>) +
 * <em>f</em>(<em>x</em> − <em>h</em>)) / <em>h</em><sup>2</sup>.</blockquote>
 *
 * <p>It is the difference of two slopes, (<em>f</em>(<em>x</em> + <em>h</em>) − <em>f</em>(<em>x</em>))/<em>h</em>
 * and (<em>f</em>(<em>x</em>) − <em>f</em>(<em>x</em> − <em>h</em>))/<em>h</em>, divided by the distance
 * <em>h</em> between their midpoints. Adding the Taylor series of <em>f</em>(<em>x</em> ± <em>h</em>) cancels every
 * odd power: the estimate is <em>f</em>″(<em>x</em>) + (<em>h</em><sup>2</sup>/12)<em>f</em><sup>(4)</sup>(<em>x</em>)
 * + O(<em>h</em><sup>4</sup>), second order, and exact for every cubic.
 *
 * <p>Numerical limits: rounding is divided by <em>h</em><sup>2</sup> here, about 4ε|<em>f</em>|/<em>h</em><sup>2</sup>,
 * so the best step is larger than for a first derivative, near ε<sup>1/4</sup> ≈ 10<sup>−4</sup>, and the best
 * accuracy lower, about √ε ≈ 10<sup>−8</sup>. Measured for sin at <em>x</em> = 1: error 7.0·10<sup>−8</sup> at
 * <em>h</em> = 10<sup>−3</sup>, 7.6·10<sup>−7</sup> at 10<sup>−5</sup>, 8.8·10<sup>−3</sup> at 10<sup>−7</sup>.
 */
public final class SecondDifference {

    private SecondDifference() {
    }

    /**
     * The central second difference (<em>f</em>(<em>x</em> + <em>h</em>) − 2<em>f</em>(<em>x</em>) +
     * <em>f</em>(<em>x</em> − <em>h</em>)) / <em>h</em><sup>2</sup>.
     *
     * @param f the function
     * @param x the point, finite
     * @param h the step, positive and finite
     * @return the estimate of <em>f</em>″(<em>x</em>); its error is about
     *         (<em>h</em><sup>2</sup>/12)<em>f</em><sup>(4)</sup>(<em>x</em>)
     * @throws IllegalArgumentException if {@code f} is null, {@code x} is not finite, or {@code h} is not positive
     *                                  and finite
     */
    public static double secondDerivative(DoubleUnaryOperator f, double x, double h) {
        // TODO(Task 1.5): return the second-difference estimate of f″(x) with step h (README.md, "Task 1.5");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.5: SecondDifference.secondDerivative");
    }
}
