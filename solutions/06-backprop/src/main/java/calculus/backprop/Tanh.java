package calculus.backprop;

/**
 * tanh, entry by entry: <em>y</em> = tanh <em>x</em>, with &part;<em>L</em>/&part;<em>x</em> =
 * &part;<em>L</em>/&part;<em>y</em> · (1 − <em>y</em><sup>2</sup>). The derivative is written with the output, so
 * the layer keeps its output for the backward pass and never evaluates tanh twice.
 */
public final class Tanh implements BatchLayer {

    // BEGIN SOLUTION ONLY
    /**
     * ln(3)/2, where tanh = 1/2: below it {@link #tanh(double)} takes a polynomial, above it the exponential, which
     * from here on loses no digits (see there).
     */
    static final double POLYNOMIAL_LIMIT = 0.5493061443340549;

    /**
     * The coefficients of <em>P</em>(<em>s</em>) = <em>P0</em> + <em>P1</em> <em>s</em> + ... + <em>P9</em>
     * <em>s</em><sup>9</sup> in tanh <em>x</em> ≈ <em>x</em> +
     * <em>x</em><sup>3</sup><em>P</em>(<em>x</em><sup>2</sup>) for |<em>x</em>| &lt; ln(3)/2: the degree-9 Chebyshev
     * fit of (tanh √<em>s</em> − √<em>s</em>)/<em>s</em><sup>3/2</sup> on [0, (ln(3)/2)<sup>2</sup>], computed
     * in 60-digit arithmetic by {@code solutions/06-backprop/bench/tanh_fit.py}. Its error, 2.6·10<sup>−16</sup>,
     * reaches the result multiplied by <em>x</em><sup>3</sup> ≤ 0.17: at most 4.4·10<sup>−17</sup>. The constant
     * term is −1/3 and the next 2/15, tanh's Taylor coefficients.
     */
    private static final double P9 = 5.397982394244034e-05;
    private static final double P8 = -0.00021463663642183297;
    private static final double P7 = 0.0005818228773608431;
    private static final double P6 = -0.0014541325199479119;
    private static final double P5 = 0.0035919068247722194;
    private static final double P4 = -0.00886321789814401;
    private static final double P3 = 0.02186948772514329;
    private static final double P2 = -0.05396825394924529;
    private static final double P1 = 0.13333333333316005;
    private static final double P0 = -0.3333333333333331;

    private double[][] output;
    private double[][] inputGradient;
    // END SOLUTION ONLY

    /** tanh entry by entry; keeps the output for the backward pass. */
    @Override
    public double[][] forward(double[][] input) {
        // BEGIN SOLUTION Task 6.4: return the hyperbolic tangent of the input, entry by entry, and keep the output for
        //     the backward pass (README.md, "Task 6.4")
        int n = Checks.requireMatrix(input, "input", -1);
        // the same buffer every step of the same batch size: a training step allocates nothing
        double[][] out = Matrices.reuse(output, input.length, n);
        for (int r = 0; r < input.length; r++) {
            double[] x = input[r];
            double[] y = out[r];
            for (int i = 0; i < n; i++) {
                y[i] = tanh(x[i]);
            }
        }
        this.output = out;
        return out;
        // END SOLUTION
    }

    /** The output gradient times 1 − <em>y</em><sup>2</sup>, entry by entry. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // BEGIN SOLUTION Task 6.4: return the gradient of the input for this output gradient, as the Javadoc says
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        if (output == null) {
            throw new IllegalStateException("backward needs a forward pass first");
        }
        int n = output[0].length;
        Checks.requireShape(outputGradient, "outputGradient", output.length, n);
        inputGradient = Matrices.reuse(inputGradient, output.length, n);
        for (int r = 0; r < output.length; r++) {
            double[] y = output[r];
            double[] g = outputGradient[r];
            double[] dx = inputGradient[r];
            // the derivative from the kept output: a multiply-add per entry, no tanh, vectorised
            for (int i = 0; i < n; i++) {
                dx[i] = g[i] * (1 - y[i] * y[i]);
            }
        }
        return inputGradient;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    /**
     * The hyperbolic tangent, within 1.5 ulps of the exact value (the bound TanhAccuracyTest checks against
     * 40-digit arithmetic; the worst of a million inputs measured 1.0 ulp) and within 3 ulps of {@code Math.tanh},
     * which its specification allows to be 2.5 ulps from the exact value. Odd exactly, tanh(±0) = ±0, tanh(±∞) = ±1,
     * NaN for NaN; never overflows.
     *
     * <p>Why write one: {@code Math.tanh} is a call into the C library on OpenJDK 17 (19 ns a call on the
     * benchmark's machine), and it was half the time of a training step. This one is a few multiply-adds and at
     * most one {@code Math.exp}, which the JIT compiler turns into a fast routine of its own: 5 ns a call, 3.6 times
     * faster (on JDK 25, whose {@code Math.tanh} has such a routine too, 2 times).
     *
     * <p>Two formulas, each where it is accurate:
     * <ul>
     *   <li>|<em>x</em>| ≥ ln(3)/2: tanh |<em>x</em>| = 1 − 2/(e<sup>2|<em>x</em>|</sup> + 1). The
     *       exponential of a positive number overflows only to +∞, which gives 1 − 0 = 1, the right limit; and
     *       2/(e<sup>2|<em>x</em>|</sup> + 1) ≤ 1/2 here, so the subtraction from 1 cancels no digits. (The
     *       textbook (e<sup><em>x</em></sup> − e<sup>−<em>x</em></sup>)/(e<sup><em>x</em></sup> +
     *       e<sup>−<em>x</em></sup>) is ∞/∞ = NaN beyond |<em>x</em>| = 710.)</li>
     *   <li>|<em>x</em>| &lt; ln(3)/2: near 0 the formula above would subtract two numbers close to 1 and lose
     *       digits (at <em>x</em> = 10<sup>−10</sup>, six of them). There tanh <em>x</em> = <em>x</em> +
     *       <em>x</em><sup>3</sup><em>P</em>(<em>x</em><sup>2</sup>) with a polynomial <em>P</em> fitted to
     *       double precision, evaluated by Horner's rule: ten multiply-adds, and the correction
     *       <em>x</em><sup>3</sup><em>P</em> is at most a tenth of <em>x</em>, so its rounding errors shrink ten
     *       times. For tiny <em>x</em> the correction vanishes and the result is <em>x</em> itself, as it should
     *       be.</li>
     * </ul>
     *
     * @param x any double
     * @return tanh <em>x</em>
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        double t;
        if (a < POLYNOMIAL_LIMIT) {
            double s = a * a;
            // Horner's rule written out: no loop, and constants the JIT compiler keeps in registers
            double p = ((((((((P9 * s + P8) * s + P7) * s + P6) * s + P5) * s + P4) * s + P3) * s + P2) * s + P1) * s
                + P0;
            t = a + a * s * p;
        } else {
            // NaN lands here too (every comparison with NaN is false), and stays NaN
            t = 1.0 - 2.0 / (Math.exp(2.0 * a) + 1.0);
        }
        // computed for |x|, given the sign of x: odd exactly, and -0.0 stays -0.0
        return Math.copySign(t, x);
    }
    // END SOLUTION ONLY
}
