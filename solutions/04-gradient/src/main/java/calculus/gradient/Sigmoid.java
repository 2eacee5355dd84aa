package calculus.gradient;

/**
 * The logistic sigmoid σ(<em>z</em>) = 1 / (1 + <em>e</em><sup>−<em>z</em></sup>) and its logarithm, computed so
 * that neither overflows nor loses its tail for any logit <em>z</em>.
 *
 * <p>σ maps a logit <em>z</em> ∈ R to a probability in (0, 1); σ(−<em>z</em>) = 1 − σ(<em>z</em>) and
 * σ′(<em>z</em>) = σ(<em>z</em>)(1 − σ(<em>z</em>)). Its logarithm is minus the softplus of −<em>z</em>:
 *
 * <p>log σ(<em>z</em>) = −log(1 + <em>e</em><sup>−<em>z</em></sup>) = −softplus(−<em>z</em>).
 *
 * <p><b>Numerical limits.</b> The textbook formulas fail at large logits, and logistic regression meets large
 * logits whenever it is confident:
 * <ul>
 *   <li><em>e</em><sup><em>z</em></sup> / (1 + <em>e</em><sup><em>z</em></sup>) at <em>z</em> = 1000 is ∞/∞ =
 *       NaN. Here σ uses 1/(1 + <em>e</em><sup>−<em>z</em></sup>) for <em>z</em> ≥ 0 and
 *       <em>e</em><sup><em>z</em></sup>/(1 + <em>e</em><sup><em>z</em></sup>) for <em>z</em> &lt; 0, so the
 *       exponent is never positive.</li>
 *   <li>log σ(−1000) = log 0 = −∞, and log(1 − σ(40)) = log 0 too, because 1 − σ(40) ≈ 4·10<sup>−18</sup> is
 *       below the resolution of doubles near 1. Here log σ(<em>z</em>) = −max(−<em>z</em>, 0) −
 *       log1p(<em>e</em><sup>−|<em>z</em>|</sup>), exact in both tails: log σ(−1000) = −1000 and
 *       log σ(40) ≈ −4.2·10<sup>−18</sup>. The log of 1 − σ(<em>z</em>) is {@code logSigmoid(-z)}.</li>
 * </ul>
 * Both functions are accurate to a few units in the last place for every finite <em>z</em>, return the limits at
 * ±∞ (σ(∞) = 1, σ(−∞) = 0, log σ(∞) = 0, log σ(−∞) = −∞) and NaN for NaN, like {@link Math#exp}.
 */
public final class Sigmoid {

    private Sigmoid() {
    }

    /**
     * The logistic sigmoid σ(<em>z</em>) = 1 / (1 + <em>e</em><sup>−<em>z</em></sup>), never NaN for a number. (That
     * formula itself is safe in IEEE arithmetic: at <em>z</em> = −1000, <em>e</em><sup>1000</sup> overflows to ∞
     * and 1/(1 + ∞) = 0, the right limit; the form <em>e</em><sup><em>z</em></sup>/(1 +
     * <em>e</em><sup><em>z</em></sup>) is not, see above.)
     *
     * @param z a logit
     * @return σ(<em>z</em>) in [0, 1]; NaN for NaN
     */
    public static double sigmoid(double z) {
        // BEGIN SOLUTION Task 4.4: return the sigmoid of z, a number in [0, 1] for every z that is not NaN
        //     (README.md, "Task 4.4")
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        // for z < 0, e^z is at most 1: the same value as 1/(1 + e^-z), without forming an infinity. (1/(1 + e^-z)
        // would be right too: for z < -709, e^-z overflows to infinity and 1/infinity is 0, the right limit)
        double ez = Math.exp(z);
        return ez / (1.0 + ez);
        // END SOLUTION
    }

    /**
     * The logarithm of the sigmoid, log σ(<em>z</em>) = −log(1 + <em>e</em><sup>−<em>z</em></sup>), exact in both
     * tails. Minus the softplus of −<em>z</em>; log(1 − σ(<em>z</em>)) is {@code logSigmoid(-z)}.
     *
     * @param z a logit
     * @return log σ(<em>z</em>) ≤ 0; NaN for NaN
     */
    public static double logSigmoid(double z) {
        // BEGIN SOLUTION Task 4.4: return the logarithm of the sigmoid of z, accurate in both tails
        //     (README.md, "Task 4.4")
        // log(1 + e^-z) = max(-z, 0) + log(1 + e^-|z|): the exponent is never positive, so nothing overflows,
        // and log1p keeps the tiny e^-|z| that 1 + e^-|z| would round away
        return -(Math.max(-z, 0.0) + Math.log1p(Math.exp(-Math.abs(z))));
        // END SOLUTION
    }
}
