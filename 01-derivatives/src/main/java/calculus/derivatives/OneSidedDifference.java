package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * One-sided differences: the derivative estimated from the point <em>x</em> and one neighbour, on one side.
 *
 * <blockquote>forward: <em>f</em>′(<em>x</em>) ≈ (<em>f</em>(<em>x</em> + <em>h</em>) − <em>f</em>(<em>x</em>))
 * / <em>h</em>, &nbsp; backward: <em>f</em>′(<em>x</em>) ≈ (<em>f</em>(<em>x</em>) − <em>f</em>(<em>x</em> −
 * <em>h</em>)) / <em>h</em>.</blockquote>
 *
 * <p>Both are secant slopes. By Taylor's theorem, <em>f</em>(<em>x</em> + <em>h</em>) = <em>f</em>(<em>x</em>) +
 * <em>h</em><em>f</em>′(<em>x</em>) + <em>h</em><sup>2</sup><em>f</em>″(<em>x</em>)/2 + ..., so the forward
 * difference is <em>f</em>′(<em>x</em>) + (<em>h</em>/2)<em>f</em>″(<em>x</em>) + O(<em>h</em><sup>2</sup>) and the
 * backward one <em>f</em>′(<em>x</em>) − (<em>h</em>/2)<em>f</em>″(<em>x</em>) + O(<em>h</em><sup>2</sup>): the
 * error is proportional to <em>h</em>, first order. Halving <em>h</em> only halves it.
 *
 * <p>Numerical limits: the rounding error of the difference of two values of <em>f</em> is about
 * ε|<em>f</em>|/<em>h</em> (ε ≈ 2.2·10<sup>−16</sup>), so a smaller <em>h</em> is not always better. Measured for
 * sin at <em>x</em> = 1, forward: error 4.2·10<sup>−4</sup> at <em>h</em> = 10<sup>−3</sup>,
 * 4.2·10<sup>−8</sup> at 10<sup>−7</sup>, about 7·10<sup>−9</sup> near the best step √ε ≈ 1.5·10<sup>−8</sup>
 * (where truncation and rounding meet; at a single <em>h</em> rounding may happen to cancel and dip lower), then
 * growing again: 5·10<sup>−8</sup> at 10<sup>−9</sup>, 1.2·10<sup>−6</sup> at 10<sup>−11</sup>.
 */
public final class OneSidedDifference {

    private OneSidedDifference() {
    }

    /**
     * The forward difference (<em>f</em>(<em>x</em> + <em>h</em>) − <em>f</em>(<em>x</em>)) / <em>h</em>.
     *
     * @param f the function
     * @param x the point, finite
     * @param h the step, positive and finite
     * @return the estimate of <em>f</em>′(<em>x</em>); its error is about (<em>h</em>/2)<em>f</em>″(<em>x</em>)
     * @throws IllegalArgumentException if {@code f} is null, {@code x} is not finite, or {@code h} is not positive
     *                                  and finite
     */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        // TODO(Task 1.2): return the forward-difference estimate of f′(x) with step h (README.md, "Task 1.2");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.2: OneSidedDifference.forward");
    }

    /**
     * The backward difference (<em>f</em>(<em>x</em>) − <em>f</em>(<em>x</em> − <em>h</em>)) / <em>h</em>.
     *
     * @param f the function
     * @param x the point, finite
     * @param h the step, positive and finite
     * @return the estimate of <em>f</em>′(<em>x</em>); its error is about −(<em>h</em>/2)<em>f</em>″(<em>x</em>)
     * @throws IllegalArgumentException if {@code f} is null, {@code x} is not finite, or {@code h} is not positive
     *                                  and finite
     */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        // TODO(Task 1.2): return the backward-difference estimate of f′(x) with step h
        //     (README.md, "Task 1.2"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.2: OneSidedDifference.backward");
    }
}
