package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reference's own tanh ({@link TanhKernel}, not part of the students' task) against the exact value,
 * computed in 40-digit arithmetic, and against {@code Math.tanh}: the accuracy its Javadoc states. Not graded; run
 * in the course check by this module's own test profile (its pom.xml).
 */
@DisplayName("The reference's fast tanh")
class TanhAccuracyTest {

    /** The Javadoc's bound against the exact value (the worst measured, here and by bench/tanh_fit.py: 1.43). */
    private static final double EXACT_ULPS = 1.5;
    /** Against Math.tanh (itself within 2.5 ulps by its specification): the worst measured is 3.0 ulps. */
    private static final double MATH_TANH_ULPS = 3.0;

    private static final DfpField FIELD = new DfpField(40);

    /** tanh x to 40 digits: its Taylor series where e^2x - 1 would cancel, (e^2x - 1)/(e^2x + 1) elsewhere. */
    private static double exactTanh(double x) {
        Dfp a = FIELD.newDfp(Math.abs(x));
        Dfp t;
        if (Math.abs(x) < 1e-6) {
            // x - x^3/3 + 2x^5/15: the next term, 17x^7/315, is below 1e-42 of x
            Dfp s = a.multiply(a);
            t = a.subtract(a.multiply(s).divide(3)).add(a.multiply(s).multiply(s).multiply(2).divide(15));
        } else if (Math.abs(x) > 40) {
            return Math.copySign(1.0, x);
        } else {
            Dfp e = DfpMath.exp(a.multiply(2));
            t = e.subtract(1).divide(e.add(1));
        }
        return Math.copySign(t.toDouble(), x);
    }

    /** Inputs of every size, with the region around ln(3)/2, where the formula changes, drawn densely. */
    private static double input(SplittableRandom random, int i) {
        double magnitude = switch (i % 4) {
            case 0 -> Math.pow(10, random.nextDouble(-320, 3));
            case 1 -> random.nextDouble(0, 1.2);
            case 2 -> random.nextDouble(0.5, 0.6);
            default -> random.nextDouble(0, 20);
        };
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    @Test
    @DisplayName("within 1.5 ulps of the exact tanh and 3 ulps of Math.tanh, from subnormal to huge inputs")
    void accurateInUlps() {
        SplittableRandom random = new SplittableRandom(20261203);
        double worstExact = 0;
        double worstMath = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = input(random, i);
            double y = TanhKernel.tanh(x);
            double mathUlps = Math.abs(y - Math.tanh(x)) / Math.ulp(Math.tanh(x));
            assertThat(mathUlps).as("ulps from Math.tanh at x = %s: %s, Math.tanh %s", x, y, Math.tanh(x))
                .isLessThanOrEqualTo(MATH_TANH_ULPS);
            worstMath = Math.max(worstMath, mathUlps);
            // the exact value is dear (40-digit arithmetic): one input in ten
            if (i % 10 == 0) {
                double exact = exactTanh(x);
                double exactUlps = Math.abs(y - exact) / Math.ulp(exact);
                assertThat(exactUlps).as("ulps from the exact tanh at x = %s: %s, exact %s", x, y, exact)
                    .isLessThanOrEqualTo(EXACT_ULPS);
                worstExact = Math.max(worstExact, exactUlps);
            }
        }
        System.out.printf("fast tanh: worst %.3f ulps from the exact tanh, %.3f from Math.tanh%n", worstExact,
            worstMath);
    }

    @Test
    @DisplayName("exact where tanh is: ±0 with its sign, tiny x is x, ±1 from about 19.1 on and at ±infinity; NaN")
    void specialValues() {
        assertThat(Double.doubleToRawLongBits(TanhKernel.tanh(0.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(TanhKernel.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        for (double tiny : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-20, 1e-9}) {
            assertThat(TanhKernel.tanh(tiny)).as("tanh(%s)", tiny).isEqualTo(tiny);
            assertThat(TanhKernel.tanh(-tiny)).as("tanh(%s)", -tiny).isEqualTo(-tiny);
        }
        for (double large : new double[] {19.1, 40, 354, 710, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY}) {
            assertThat(TanhKernel.tanh(large)).as("tanh(%s)", large).isEqualTo(1.0);
            assertThat(TanhKernel.tanh(-large)).as("tanh(%s)", -large).isEqualTo(-1.0);
        }
        assertThat(TanhKernel.tanh(Double.NaN)).isNaN();
    }

    @Test
    @DisplayName("odd exactly, at most 1 in size, and never decreasing")
    void oddBoundedAndMonotone() {
        SplittableRandom random = new SplittableRandom(6);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = input(random, i);
        }
        // and every double from 2^11 ulps below the switch of formulas to as far above it
        double[] around = new double[4096];
        double below = TanhKernel.POLYNOMIAL_LIMIT;
        double above = TanhKernel.POLYNOMIAL_LIMIT;
        for (int i = 0; i < around.length; i += 2) {
            below = Math.nextDown(below);
            above = Math.nextUp(above);
            around[i] = below;
            around[i + 1] = above;
        }
        double[] all = new double[x.length + around.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(around, 0, all, x.length, around.length);
        Arrays.sort(all);
        for (int i = 0; i < all.length; i++) {
            double y = TanhKernel.tanh(all[i]);
            assertThat(TanhKernel.tanh(-all[i])).as("tanh(-x) at x = %s", all[i]).isEqualTo(-y);
            assertThat(Math.abs(y)).as("|tanh x| at x = %s", all[i]).isLessThanOrEqualTo(1.0);
            if (i > 0) {
                assertThat(y).as("tanh at %s, after %s", all[i], all[i - 1])
                    .isGreaterThanOrEqualTo(TanhKernel.tanh(all[i - 1]));
            }
        }
    }

    @Test
    @DisplayName("the layer's vectorised loops give tanh(double) to the last bit, for batches of every shape")
    void batchAgreesWithOneByOne() {
        SplittableRandom random = new SplittableRandom(7);
        // the finite ones: the layer refuses NaN and infinity
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, TanhKernel.POLYNOMIAL_LIMIT,
            -TanhKernel.POLYNOMIAL_LIMIT, 19.1, -1e300, Double.MAX_VALUE};
        Tanh layer = new Tanh();
        // shapes that leave every loop's vectorised part and its rest something to do, and a change of shape
        int[][] shapes = {{1, 1}, {1, 3}, {3, 7}, {64, 24}, {100, 16}, {7, 300}, {2, 2}};
        for (int[] shape : shapes) {
            double[][] x = new double[shape[0]][shape[1]];
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < x[r].length; j++) {
                    int i = r * x[r].length + j;
                    x[r][j] = i < special.length && shape[0] * shape[1] > 20 ? special[i] : input(random, i);
                }
            }
            double[][] y = layer.forward(x);
            if (shape[1] == 24) {
                // a few thousand passes more, so that C2 compiles the loops (and vectorises them where it can):
                // the last pass is the one compared
                for (int pass = 0; pass < 20_000; pass++) {
                    y = layer.forward(x);
                }
            }
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < x[r].length; j++) {
                    assertThat(Double.doubleToRawLongBits(y[r][j]))
                        .as("tanh at x[%d][%d] = %s: the batch's %s, one by one %s", r, j, x[r][j], y[r][j],
                            TanhKernel.tanh(x[r][j]))
                        .isEqualTo(Double.doubleToRawLongBits(TanhKernel.tanh(x[r][j])));
                }
            }
        }
    }
}
