// SOLUTION ONLY FILE
package calculus.backprop;

/**
 * The reference's tanh, for a whole batch at once: within 1.5 ulps of the exact value, and computed by short loops
 * that the JIT compiler turns into vector instructions.
 *
 * <p><b>Why not one loop.</b> {@code Math.tanh} is a call into the C library on OpenJDK 17 (19 ns a call on the
 * benchmark's machine). A tanh with one branch, a polynomial near 0 and {@code Math.exp} elsewhere, takes about 5 ns:
 * the exponential alone is 3.5, and the branch follows the sign of nothing the processor can predict. The JIT
 * compiler vectorises a loop, 4 or 8 doubles per instruction, only if its body has no branch and no call, and only if
 * it is short: C2 unrolls (and so vectorises) a loop of at most about 60 operations ({@code -XX:LoopUnrollLimit}), and
 * a tanh in one loop is about 100. So the work is split into five loops over one flat array, each short and without
 * a branch, and a last one that puts the sign back, row by row into the output. Measured on a batch of 1,000 × 16:
 * 47 µs against 75, copies in and out included (2.9 ns an entry); a training step of the benchmark's moons network
 * went from 505 µs to 393 with it.
 *
 * <p><b>Without a branch.</b> Both formulas are computed for |<em>x</em>| at every entry, each on an argument
 * clamped to its own side so that it stays finite, and then one is kept by multiplying with a 0-or-1 mask (see
 * {@link #choose}):
 * <ul>
 *   <li>|<em>x</em>| &lt; ln(3)/2: tanh <em>x</em> = <em>x</em> + <em>x</em><sup>3</sup><em>P</em>(<em>x</em><sup>2</sup>)
 *       with a polynomial <em>P</em> fitted to double precision ({@link #nearZero}). The correction is at most a
 *       tenth of <em>x</em>, so its rounding errors shrink ten times, and for tiny <em>x</em> the result is
 *       <em>x</em> itself. (1 − 2/(e<sup>2<em>x</em></sup> + 1) would subtract two numbers close to 1: at
 *       <em>x</em> = 10<sup>−10</sup> it loses six digits.)</li>
 *   <li>|<em>x</em>| ≥ ln(3)/2: tanh |<em>x</em>| = 1 − 2/(e<sup>2|<em>x</em>|</sup> + 1), where 2/(e<sup>2|<em>x</em>|</sup> + 1)
 *       ≤ 1/2, so the subtraction cancels no digits. |<em>x</em>| is clamped to 20 first: tanh rounds to 1 from
 *       19.06 on, and e<sup>40</sup> is finite. (The textbook (e<sup><em>x</em></sup> −
 *       e<sup>−<em>x</em></sup>)/(e<sup><em>x</em></sup> + e<sup>−<em>x</em></sup>) is ∞/∞ = NaN beyond
 *       |<em>x</em>| = 710.)</li>
 * </ul>
 * Last, {@code Math.copySign} gives the result the sign of <em>x</em>: tanh is odd exactly, and tanh(−0) = −0.
 *
 * <p><b>The exponential, in arithmetic the JIT compiler can vectorise</b> (a call to {@code Math.exp} cannot be): for
 * <em>y</em> = 2|<em>x</em>| in [1.09, 40], <em>y</em> = <em>k</em> ln 2 + <em>r</em> with <em>k</em> an integer and
 * |<em>r</em>| ≤ ln(2)/2, so e<sup><em>y</em></sup> = 2<sup><em>k</em></sup> e<sup><em>r</em></sup>: e<sup><em>r</em></sup>
 * from its Taylor series, whose terms after the 13th are below 10<sup>−17</sup>, and 2<sup><em>k</em></sup> exactly,
 * written into a double's exponent bits ({@link #powerOfTwo}).
 *
 * <p><b>Checked</b> by TanhAccuracyTest against 40-digit arithmetic: the worst of 200,000 inputs is 1.0 ulp from the
 * exact value, as it was with {@code Math.exp}; odd exactly, tanh(±0) = ±0, tanh(±∞) = ±1, NaN for NaN. The batch's
 * loops and {@link #tanh(double)} do the same operations in the same order, so they agree bit for bit, which the
 * test checks too.
 */
final class TanhKernel {

    /** ln(3)/2, where tanh = 1/2: below it the polynomial, from it on the exponential. */
    static final double POLYNOMIAL_LIMIT = 0.5493061443340549;

    /** tanh x rounds to 1 from about 19.06 on: larger |x| are clamped to this, where e^2x is still finite. */
    private static final double SATURATION = 20.0;

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

    private static final double INVERSE_LN2 = 1.4426950408889634;
    /**
     * ln 2 in two parts, fdlibm's: the high part has 32 zero bits at its end, so <em>k</em> · LN2_HIGH is exact for
     * every <em>k</em> here, and <em>y</em> − <em>k</em> ln 2 loses nothing to rounding.
     */
    private static final double LN2_HIGH = 6.93147180369123816490e-01;
    private static final double LN2_LOW = 1.90821492927058770002e-10;

    /** 1/n! for n = 2 to 13: the Taylor coefficients of e^r after 1 + r. */
    private static final double E2 = 1.0 / 2;
    private static final double E3 = 1.0 / 6;
    private static final double E4 = 1.0 / 24;
    private static final double E5 = 1.0 / 120;
    private static final double E6 = 1.0 / 720;
    private static final double E7 = 1.0 / 5040;
    private static final double E8 = 1.0 / 40320;
    private static final double E9 = 1.0 / 362880;
    private static final double E10 = 1.0 / 3628800;
    private static final double E11 = 1.0 / 39916800;
    private static final double E12 = 1.0 / 479001600;
    private static final double E13 = 1.0 / 6227020800.0;

    /**
     * 1.5 · 2<sup>52</sup>: adding it to a number below 2<sup>51</sup> rounds that number to an integer (the sum has
     * no bits for fractions), which then sits in the sum's last bits.
     */
    private static final double ROUNDER = 0x1.8p52;
    /** The bits of 1.0: 1023 in the exponent's field. */
    private static final long ONE_BITS = 0x3FF0000000000000L;

    // one entry per entry of the batch, reused while the batch keeps its size
    private double[] flat = new double[0];
    private double[] rounded;
    private double[] part;

    /** Writes tanh of every entry of {@code input} into {@code output}, of the same shape. */
    void apply(double[][] input, double[][] output) {
        int n = input[0].length;
        int size = input.length * n;
        if (flat.length != size) {
            flat = new double[size];
            rounded = new double[size];
            part = new double[size];
        }
        // one flat array: a row of 16 is too short for a vectorised loop, which must first reach an aligned address
        // and then works in blocks of 32 or more
        for (int r = 0; r < input.length; r++) {
            System.arraycopy(input[r], 0, flat, r * n, n);
        }
        double[] t = flat;
        double[] k = rounded;
        double[] p = part;
        // the steps of tanh(double), a loop each: t holds x, then tanh |x|; k holds k + ROUNDER, then 2^k; p holds r,
        // then e^r, then tanh |x| by the exponential
        for (int i = 0; i < size; i++) {
            double y = doubled(Math.abs(t[i]));
            k[i] = rounded(y);
            p[i] = reduced(y, k[i]);
        }
        for (int i = 0; i < size; i++) {
            p[i] = expOfReduced(p[i]);
        }
        // this loop is not vectorised on JDK 17 (a double's bits), but it is three operations of one cycle each
        for (int i = 0; i < size; i++) {
            k[i] = powerOfTwo(k[i]);
        }
        for (int i = 0; i < size; i++) {
            p[i] = awayFromZero(p[i], k[i]);
        }
        for (int i = 0; i < size; i++) {
            t[i] = choose(Math.abs(t[i]), p[i]);
        }
        // the sign of x, row by row into the output
        for (int r = 0; r < output.length; r++) {
            double[] x = input[r];
            double[] y = output[r];
            int base = r * n;
            for (int j = 0; j < n; j++) {
                y[j] = Math.copySign(t[base + j], x[j]);
            }
        }
    }

    /**
     * The hyperbolic tangent of one number: the steps of {@link #apply} in the same order, so the same value to the
     * last bit.
     *
     * @param x any double
     * @return tanh <em>x</em>
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        double y = doubled(a);
        double k = rounded(y);
        double e = expOfReduced(reduced(y, k));
        // computed for |x|, given the sign of x: odd exactly, and -0.0 stays -0.0
        return Math.copySign(choose(a, awayFromZero(e, powerOfTwo(k))), x);
    }

    /** <em>y</em> = 2|<em>x</em>|, clamped to [2 ln(3)/2, 2 · 20]: the exponential's argument. */
    private static double doubled(double a) {
        return 2.0 * Math.min(Math.max(a, POLYNOMIAL_LIMIT), SATURATION);
    }

    /** <em>k</em>, the integer nearest <em>y</em>/ln 2 (from 2 to 58 here), plus {@link #ROUNDER}. */
    private static double rounded(double y) {
        return y * INVERSE_LN2 + ROUNDER;
    }

    /** <em>r</em> = <em>y</em> − <em>k</em> ln 2, |<em>r</em>| ≤ ln(2)/2. */
    private static double reduced(double y, double rounded) {
        double k = rounded - ROUNDER;
        return (y - k * LN2_HIGH) - k * LN2_LOW;
    }

    /**
     * e<sup><em>r</em></sup> = 1 + <em>r</em> + <em>r</em><sup>2</sup>(1/2! + <em>r</em>/3! + ... +
     * <em>r</em><sup>11</sup>/13!), by Horner's rule; 1 is added last, to the small rest, so that the rest's
     * rounding errors shrink.
     */
    private static double expOfReduced(double r) {
        double q = ((((((((((E13 * r + E12) * r + E11) * r + E10) * r + E9) * r + E8) * r + E7) * r + E6) * r + E5)
            * r + E4) * r + E3) * r + E2;
        return 1.0 + (r + r * r * q);
    }

    /**
     * 2<sup><em>k</em></sup>, exactly: <em>k</em> sits in the last bits of <em>k</em> + {@link #ROUNDER}; shifted
     * into the exponent's field and added to the bits of 1.0, it gives the double 2<sup><em>k</em></sup> (as
     * {@code Math.scalb} does, without its checks for overflow, which <em>k</em> ≤ 58 cannot reach).
     */
    private static double powerOfTwo(double rounded) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(rounded) << 52) + ONE_BITS);
    }

    /** tanh |<em>x</em>| = 1 − 2/(e<sup>2|<em>x</em>|</sup> + 1), given e<sup><em>r</em></sup> and 2<sup><em>k</em></sup>. */
    private static double awayFromZero(double expOfReduced, double power) {
        return 1.0 - 2.0 / (expOfReduced * power + 1.0);
    }

    /**
     * tanh |<em>x</em>|, given it by the exponential: the polynomial's value where |<em>x</em>| &lt; ln(3)/2, else
     * the exponential's. The mask <em>m</em> = ⌈max(ln(3)/2 − |<em>x</em>|, 0)⌉ is 1 below the limit and 0 from it
     * on; <em>m</em> · a + (1 − <em>m</em>) · b is then a or b exactly, both being finite. NaN gives NaN.
     */
    private static double choose(double a, double awayFromZero) {
        double mask = Math.ceil(Math.max(POLYNOMIAL_LIMIT - a, 0.0));
        return mask * nearZero(Math.min(a, POLYNOMIAL_LIMIT)) + (1.0 - mask) * awayFromZero;
    }

    /** tanh <em>x</em> = <em>x</em> + <em>x</em><sup>3</sup><em>P</em>(<em>x</em><sup>2</sup>), by Horner's rule. */
    private static double nearZero(double x) {
        double s = x * x;
        double p = ((((((((P9 * s + P8) * s + P7) * s + P6) * s + P5) * s + P4) * s + P3) * s + P2) * s + P1) * s + P0;
        return x + x * s * p;
    }
}
