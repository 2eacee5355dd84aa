package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * The central difference: the derivative estimated from one neighbour on each side of <em>x</em>,
 *
 * <blockquote><em>f</em>′(<em>x</em>) ≈ (<em>f</em>(<em>x</em> + <em>h</em>) − <em>f</em>(<em>x</em> − <em>h</em>))
 * / 2<em>h</em>.</blockquote>
 *
 * <p>Subtracting the Taylor series of <em>f</em>(<em>x</em> − <em>h</em>) from that of <em>f</em>(<em>x</em> +
 * <em>h</em>) cancels every even power of <em>h</em>, the <em>f</em>″ term with them:
 * the estimate is <em>f</em>′(<em>x</em>) + (<em>h</em><sup>2</sup>/6)<em>f</em>‴(<em>x</em>) +
 * O(<em>h</em><sup>4</sup>). The error is second order: halving <em>h</em> quarters it. It is the average of the
 * forward and the backward difference, whose first-order errors cancel, and it is exact for every quadratic.
 *
 * <p>Numerical limits: the rounding error is about ε|<em>f</em>|/2<em>h</em> (ε ≈ 2.2·10<sup>−16</sup>), so the
 * total error (<em>h</em><sup>2</sup>/6)|<em>f</em>‴| + ε|<em>f</em>|/2<em>h</em> is smallest for <em>h</em> near
 * ∛ε ≈ 6·10<sup>−6</sup> (times the scale of <em>x</em>), where it is about ε<sup>2/3</sup> ≈ 4·10<sup>−11</sup>.
 * Measured for sin at <em>x</em> = 1:
 *
 * <table>
 *   <caption>error of the central difference of sin at 1</caption>
 *   <tr><th><em>h</em></th><td>10<sup>−1</sup></td><td>10<sup>−3</sup></td><td>10<sup>−5</sup></td>
 *       <td>10<sup>−7</sup></td><td>10<sup>−9</sup></td><td>10<sup>−11</sup></td></tr>
 *   <tr><th>error</th><td>9.0·10<sup>−4</sup></td><td>9.0·10<sup>−8</sup></td><td>1.1·10<sup>−11</sup></td>
 *       <td>1.9·10<sup>−10</sup></td><td>3.0·10<sup>−9</sup></td><td>1.2·10<sup>−6</sup></td></tr>
 * </table>
 */
public final class CentralDifference {

    private CentralDifference() {
    }

    /**
     * The central difference (<em>f</em>(<em>x</em> + <em>h</em>) − <em>f</em>(<em>x</em> − <em>h</em>)) /
     * 2<em>h</em>.
     *
     * @param f the function
     * @param x the point, finite
     * @param h the step, positive and finite
     * @return the estimate of <em>f</em>′(<em>x</em>); its error is about
     *         (<em>h</em><sup>2</sup>/6)<em>f</em>‴(<em>x</em>)
     * @throws IllegalArgumentException if {@code f} is null, {@code x} is not finite, or {@code h} is not positive
     *                                  and finite
     */
    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        // BEGIN SOLUTION Task 1.3: return the central-difference estimate of f′(x) with step h (README.md, "Task 1.3");
        //     reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(f, "f");
        Checks.requireFinite(x, "x");
        Checks.requirePositive(h, "h");
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        // END SOLUTION
    }
}
