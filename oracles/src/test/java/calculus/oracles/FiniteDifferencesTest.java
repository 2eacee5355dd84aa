package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.TestRandom;

/** The five-point finite-difference oracle, against closed-form derivatives. */
class FiniteDifferencesTest {

    /**
     * First derivatives: the stencil's truncation error h<sup>4</sup>|f<sup>(5)</sup>|/30 with h = 10<sup>−3</sup>
     * max(1, |x|) is below 10<sup>−11</sup> for |x| ≤ 4 and derivatives of order 1 (sin) or e<sup>x</sup>
     * relative; round-off adds about 3·10<sup>−13</sup>. 10<sup>−10</sup> is the accuracy the class promises to tests.
     */
    private static final double FIRST = 1e-10;
    /**
     * Second derivatives: h is ten times larger, error h<sup>4</sup>|f<sup>(6)</sup>|/90 ≤ 2·10<sup>−9</sup> on
     * |x| ≤ 2.
     */
    private static final double SECOND = 1e-8;
    /** Hessians, differences of differences: about 10<sup>−9</sup> as documented, with room to spare. */
    private static final double HESSIAN = 1e-7;
    /** Derivatives below 1 in size are compared absolutely: a slope of 0 has no relative error. */
    private static final double FLOOR = 1.0;
    private static final int POINTS = 500;

    @Test
    @DisplayName("f' of sin, exp and a quartic agree with the closed forms within 1e-10 relative")
    void firstDerivatives() {
        TestRandom random = new TestRandom(11);
        for (int i = 0; i < POINTS; i++) {
            double x = random.uniform(-4, 4);
            assertClose(FiniteDifferences.derivative(Math::sin, x), Math.cos(x), FIRST, "sin'(" + x + ")");
            double e = random.uniform(-3, 3);
            assertClose(FiniteDifferences.derivative(Math::exp, e), Math.exp(e), FIRST, "exp'(" + e + ")");
            assertClose(FiniteDifferences.derivative(FiniteDifferencesTest::quartic, x), quarticSlope(x), FIRST,
                "p'(" + x + ")");
        }
    }

    @Test
    @DisplayName("the stencil is exact for polynomials up to degree 4, down to round-off, far from 0 too")
    void exactForQuartics() {
        for (double x : new double[] {-1e3, -7.5, 0, 1e-9, 2.25, 1e3}) {
            assertClose(FiniteDifferences.derivative(FiniteDifferencesTest::quartic, x), quarticSlope(x), 1e-11,
                "p'(" + x + ")");
        }
    }

    @Test
    @DisplayName("f'' of sin, exp and a quartic agree with the closed forms within 1e-8 relative")
    void secondDerivatives() {
        TestRandom random = new TestRandom(12);
        for (int i = 0; i < POINTS; i++) {
            double x = random.uniform(-2, 2);
            assertClose(FiniteDifferences.secondDerivative(Math::sin, x), -Math.sin(x), SECOND, "sin''(" + x + ")");
            assertClose(FiniteDifferences.secondDerivative(Math::exp, x), Math.exp(x), SECOND, "exp''(" + x + ")");
            assertClose(FiniteDifferences.secondDerivative(FiniteDifferencesTest::quartic, x), 36 * x * x - 12 * x,
                SECOND, "p''(" + x + ")");
        }
    }

    @Test
    @DisplayName("partial and gradient agree with the closed-form gradient, and leave x unchanged")
    void partialsAndGradient() {
        TestRandom random = new TestRandom(13);
        for (int i = 0; i < POINTS; i++) {
            double[] x = random.vector(3, -1.5, 1.5);
            double[] before = x.clone();
            double[] expected = gradientOfF(x);

            double[] g = FiniteDifferences.gradient(FiniteDifferencesTest::f, x);

            assertThat(Explain.largestRelativeError(g, expected, FLOOR)).as("gradient at %s", str(x))
                .isLessThan(FIRST);
            for (int k = 0; k < 3; k++) {
                assertThat(FiniteDifferences.partial(FiniteDifferencesTest::f, x, k)).isEqualTo(g[k]);
            }
            assertThat(x).as("x after the calls").isEqualTo(before);
        }
    }

    @Test
    @DisplayName("the Hessian agrees with the closed form, is exactly symmetric, and leaves x unchanged")
    void hessian() {
        TestRandom random = new TestRandom(14);
        for (int i = 0; i < 100; i++) {
            double[] x = random.vector(3, -1.5, 1.5);
            double[] before = x.clone();
            double[][] expected = hessianOfF(x);

            double[][] h = FiniteDifferences.hessian(FiniteDifferencesTest::f, x);

            for (int r = 0; r < 3; r++) {
                assertThat(Explain.largestRelativeError(h[r], expected[r], FLOOR))
                    .as("Hessian row %d at %s", r, str(x)).isLessThan(HESSIAN);
                for (int c = 0; c < 3; c++) {
                    assertThat(h[r][c]).isEqualTo(h[c][r]);
                }
            }
            assertThat(x).as("x after the call").isEqualTo(before);
        }
    }

    @Test
    @DisplayName("the Jacobian of R^2 -> R^3 agrees with the closed form, row i the gradient of output i")
    void jacobian() {
        Function<double[], double[]> map = p -> new double[] {p[0] * p[1], Math.sin(p[0]) + p[1] * p[1],
            Math.exp(p[0] - p[1])};
        TestRandom random = new TestRandom(15);
        for (int i = 0; i < POINTS; i++) {
            double[] x = random.vector(2, -2, 2);
            double[] before = x.clone();
            double e = Math.exp(x[0] - x[1]);
            double[][] expected = {{x[1], x[0]}, {Math.cos(x[0]), 2 * x[1]}, {e, -e}};

            double[][] jac = FiniteDifferences.jacobian(map, x);

            assertThat(jac).hasDimensions(3, 2);
            for (int r = 0; r < 3; r++) {
                assertThat(Explain.largestRelativeError(jac[r], expected[r], FLOOR))
                    .as("Jacobian row %d at %s", r, str(x)).isLessThan(FIRST);
            }
            assertThat(x).as("x after the call").isEqualTo(before);
        }
    }

    @Test
    @DisplayName("the step is exactly representable: (x + h) - x == h, with h = 1e-3 max(1, |x|) up to rounding")
    void stepIsRepresentable() {
        TestRandom random = new TestRandom(16);
        for (int i = 0; i < POINTS; i++) {
            double x = random.sign() * random.logUniform(1e-6, 1e6);
            double h = FiniteDifferences.step(x);
            assertThat((x + h) - x).as("step at %s", x).isEqualTo(h);
            double scale = Math.max(1, Math.abs(x));
            assertThat(h).isCloseTo(FiniteDifferences.STEP * scale, within(1e-12 * scale));
        }
    }

    // ---- the test functions and their closed forms

    /** A quartic, whose fifth derivative is 0: the five-point stencil has no truncation error on it. */
    private static double quartic(double x) {
        return 3 * x * x * x * x - 2 * x * x * x + x - 5;
    }

    private static double quarticSlope(double x) {
        return 12 * x * x * x - 6 * x * x + 1;
    }

    /** f(x, y, z) = x<sup>2</sup>y + y sin z + e<sup>xz</sup>: every second partial is non-zero somewhere. */
    private static double f(double[] p) {
        return p[0] * p[0] * p[1] + p[1] * Math.sin(p[2]) + Math.exp(p[0] * p[2]);
    }

    private static double[] gradientOfF(double[] p) {
        double e = Math.exp(p[0] * p[2]);
        return new double[] {2 * p[0] * p[1] + p[2] * e, p[0] * p[0] + Math.sin(p[2]),
            p[1] * Math.cos(p[2]) + p[0] * e};
    }

    private static double[][] hessianOfF(double[] p) {
        double e = Math.exp(p[0] * p[2]);
        double xz = (1 + p[0] * p[2]) * e;
        return new double[][] {
            {2 * p[1] + p[2] * p[2] * e, 2 * p[0], xz},
            {2 * p[0], 0, Math.cos(p[2])},
            {xz, Math.cos(p[2]), -p[1] * Math.sin(p[2]) + p[0] * p[0] * e}};
    }

    private static void assertClose(double actual, double expected, double tolerance, String what) {
        assertThat(Explain.relativeError(actual, expected, FLOOR))
            .as("%s: expected %s, got %s", what, expected, actual).isLessThan(tolerance);
    }

    private static String str(double[] x) {
        return Arrays.toString(x);
    }
}
