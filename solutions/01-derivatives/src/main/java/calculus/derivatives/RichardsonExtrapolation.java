package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * Richardson extrapolation of the central difference: two central differences, with steps <em>h</em> and
 * <em>h</em>/2, combined so that their leading errors cancel.
 *
 * <p>Write <em>D</em>(<em>h</em>) for the central difference. Its error is a series in even powers of <em>h</em>:
 * <em>D</em>(<em>h</em>) = <em>f</em>′ + <em>c</em><em>h</em><sup>2</sup> + O(<em>h</em><sup>4</sup>), with
 * <em>c</em> = <em>f</em>‴/6, and <em>D</em>(<em>h</em>/2) = <em>f</em>′ + <em>c</em><em>h</em><sup>2</sup>/4 +
 * O(<em>h</em><sup>4</sup>). Four times the second minus the first removes <em>c</em> without knowing it:
 *
 * <blockquote><em>f</em>′(<em>x</em>) ≈ (4<em>D</em>(<em>h</em>/2) − <em>D</em>(<em>h</em>)) / 3,</blockquote>
 *
 * <p>with the error −(<em>h</em><sup>4</sup>/480)<em>f</em><sup>(5)</sup>(<em>x</em>) + O(<em>h</em><sup>6</sup>):
 * fourth order, and exact for every polynomial of degree 4 or less. It is the five-point stencil
 * (<em>f</em>(<em>x</em> − <em>h</em>) − 8<em>f</em>(<em>x</em> − <em>h</em>/2) + 8<em>f</em>(<em>x</em> +
 * <em>h</em>/2) − <em>f</em>(<em>x</em> + <em>h</em>)) / 6<em>h</em>, found by reasoning about errors instead of
 * solving for weights. The same trick works for any method whose error is a known power series in <em>h</em>.
 *
 * <p>Numerical limits: rounding is a few times ε|<em>f</em>|/<em>h</em>, so the best step is larger than for the plain
 * central difference, near ε<sup>1/5</sup> ≈ 10<sup>−3</sup>. Measured for sin at <em>x</em> = 1: error
 * 1.1·10<sup>−7</sup> at <em>h</em> = 10<sup>−1</sup>, 3.5·10<sup>−14</sup> at 10<sup>−3</sup>, 1.1·10<sup>−11</sup>
 * at 10<sup>−5</sup>, where rounding has taken over.
 */
public final class RichardsonExtrapolation {

    private RichardsonExtrapolation() {
    }

    /**
     * The extrapolated derivative (4<em>D</em>(<em>h</em>/2) − <em>D</em>(<em>h</em>)) / 3, where
     * <em>D</em>(<em>h</em>) is the {@linkplain CentralDifference central difference} with step <em>h</em>.
     *
     * @param f the function
     * @param x the point, finite
     * @param h the larger of the two steps, positive and finite
     * @return the estimate of <em>f</em>′(<em>x</em>); its error is about
     *         (<em>h</em><sup>4</sup>/480)|<em>f</em><sup>(5)</sup>(<em>x</em>)|
     * @throws IllegalArgumentException if {@code f} is null, {@code x} is not finite, or {@code h} is not positive
     *                                  and finite
     */
    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        // BEGIN SOLUTION Task 1.6: return the Richardson extrapolation of the central differences with step h and half
        //     of it (README.md, "Task 1.6"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(f, "f");
        Checks.requireFinite(x, "x");
        Checks.requirePositive(h, "h");
        double coarse = CentralDifference.derivative(f, x, h);
        double fine = CentralDifference.derivative(f, x, h / 2);
        // coarse = f' + c h^2 + ..., fine = f' + c h^2 / 4 + ...: 4 fine - coarse = 3 f' + O(h^4)
        return (4 * fine - coarse) / 3;
        // END SOLUTION
    }
}
