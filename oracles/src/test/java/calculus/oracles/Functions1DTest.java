package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import calculus.grader.TestRandom;
import calculus.oracles.Functions1D.Function1D;

@DisplayName("Functions1D: random smooth functions with exact derivatives")
class Functions1DTest {

    private static final int DRAWS = 300;

    @Test
    @DisplayName("elementary functions have their textbook derivatives")
    void elementaryDerivatives() {
        for (double x : new double[] {-1.7, -0.3, 0.0, 0.4, 1.9}) {
            assertThat(Functions1D.sin().derivatives(4, x))
                .containsExactly(new double[] {Math.sin(x), Math.cos(x), -Math.sin(x), -Math.cos(x), Math.sin(x)},
                    within(1e-15));
            double e = Math.exp(x);
            assertThat(Functions1D.exp().derivatives(3, x)).containsExactly(new double[] {e, e, e, e},
                within(1e-15 * e));
            double t = Math.tanh(x);
            assertThat(Functions1D.tanh().derivatives(3, x)).containsExactly(
                new double[] {t, 1 - t * t, -2 * t * (1 - t * t), -2 * (1 - t * t) * (1 - 3 * t * t)}, within(1e-14));
            // d/dx log(1 + x^2) = 2x / (1 + x^2), d2 = 2(1 - x^2) / (1 + x^2)^2
            Function1D logistic = Functions1D.log().of(Functions1D.polynomial(1, 0, 1));
            double q = 1 + x * x;
            assertThat(logistic.derivatives(2, x)).containsExactly(
                new double[] {Math.log(q), 2 * x / q, 2 * (1 - x * x) / (q * q)}, within(1e-14));
            // d/dx 1/(1 + x^2) = -2x / (1 + x^2)^2
            Function1D bump = Functions1D.reciprocal().of(Functions1D.polynomial(1, 0, 1));
            assertThat(bump.derivative(x)).isCloseTo(-2 * x / (q * q), within(1e-15));
        }
    }

    @Test
    @DisplayName("cos is differentiated as cos, not as a shifted sin: cos'(0) is exactly 0")
    void cosineIsExactAtZero() {
        // cos, -sin, -cos, sin at 0: exactly 1, 0, -1, 0 (the sign of a zero carries no meaning here)
        double[] d = Functions1D.cos().derivatives(3, 0.0);
        assertThat(new double[] {d[0], d[1] + 0.0, d[2], d[3] + 0.0}).containsExactly(1.0, 0.0, -1.0, 0.0);
        assertThat(Functions1D.cos().derivative(0.0)).isZero();
    }

    @Test
    @DisplayName("polynomials differentiate exactly, down to zero")
    void polynomialDerivatives() {
        Function1D cubic = Functions1D.polynomial(1, -2, 0, 3);  // 3x^3 - 2x + 1
        assertThat(cubic.derivatives(5, 2.0)).containsExactly(21.0, 34.0, 36.0, 18.0, 0.0, 0.0);
    }

    @Test
    @DisplayName("products and compositions follow the product rule and the chain rule")
    void productAndChainRule() {
        Function1D sinOfSquare = Functions1D.sin().of(Functions1D.polynomial(0, 0, 1));
        Function1D sinTimesExp = Functions1D.sin().times(Functions1D.exp());
        for (double x : new double[] {-1.3, 0.2, 1.1}) {
            double u = x * x;
            // chain rule: (sin x^2)' = 2x cos x^2, ..., (sin x^2)''' = -12x sin x^2 - 8x^3 cos x^2
            assertThat(sinOfSquare.derivative(x)).isCloseTo(2 * x * Math.cos(u), within(1e-14));
            assertThat(sinOfSquare.secondDerivative(x)).isCloseTo(2 * Math.cos(u) - 4 * u * Math.sin(u),
                within(1e-14));
            assertThat(sinOfSquare.thirdDerivative(x)).isCloseTo(-12 * x * Math.sin(u) - 8 * x * u * Math.cos(u),
                within(1e-13));
            // product rule: (e^x sin x)' = e^x (sin x + cos x), (e^x sin x)'' = 2 e^x cos x
            assertThat(sinTimesExp.derivative(x)).isCloseTo(Math.exp(x) * (Math.sin(x) + Math.cos(x)),
                within(1e-14));
            assertThat(sinTimesExp.secondDerivative(x)).isCloseTo(2 * Math.exp(x) * Math.cos(x), within(1e-14));
        }
    }

    @Test
    @DisplayName("every derivative of a random function is the derivative of the one before it")
    void derivativesAreConsistent() {
        TestRandom random = new TestRandom(1);
        for (int i = 0; i < DRAWS; i++) {
            Function1D f = Functions1D.random(random);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double[] exact = f.derivatives(Functions1D.MAX_ORDER, x);
            for (int k = 0; k < Functions1D.MAX_ORDER; k++) {
                int order = k;
                // five-point stencil, error h^4 |f^(k+5)| / 30 ~ 1e-12 * 50 * (k+5)!: the tolerance grows with k
                double estimate = fivePoint(t -> f.derivative(order, t), x, 1e-3);
                double factorial = factorial(k + 5);
                assertThat(estimate).as("f^(%d) of %s at x = %s", k + 1, f, x)
                    .isCloseTo(exact[k + 1], within(1e-8 * factorial));
            }
        }
    }

    @Test
    @DisplayName("a random function stays within BOUND * k! on [-DOMAIN, DOMAIN]")
    void derivativesAreBounded() {
        TestRandom random = new TestRandom(2);
        double factorial = 1;
        double[] largest = new double[Functions1D.MAX_ORDER + 1];
        for (int i = 0; i < 20 * DRAWS; i++) {
            Function1D f = Functions1D.random(random);
            double[] d = f.derivatives(Functions1D.MAX_ORDER, random.uniform(-Functions1D.DOMAIN,
                Functions1D.DOMAIN));
            for (int k = 0; k < d.length; k++) {
                largest[k] = Math.max(largest[k], Math.abs(d[k]));
            }
        }
        for (int k = 0; k < largest.length; k++) {
            factorial *= Math.max(k, 1);
            assertThat(largest[k]).as("largest |f^(%d)|", k).isLessThan(Functions1D.BOUND * factorial);
        }
    }

    @Test
    @DisplayName("a function at scale s varies on that scale: f^(k) shrinks by s^k")
    void atScale() {
        TestRandom random = new TestRandom(3);
        for (int i = 0; i < DRAWS; i++) {
            long seed = random.nextLong();
            double s = random.logUniform(1e-3, 1e6);
            Function1D g = Functions1D.random(new TestRandom(seed));
            Function1D f = Functions1D.random(new TestRandom(seed), s);
            double u = random.uniform(-2, 2);
            double[] dg = g.derivatives(3, u);
            double[] df = f.derivatives(3, u * s);
            for (int k = 0; k <= 3; k++) {
                assertThat(df[k] * Math.pow(s, k)).isCloseTo(dg[k], within(1e-12 * Math.max(1, Math.abs(dg[k]))));
            }
            assertThat(f.formula()).contains("x/");
        }
    }

    @Test
    @DisplayName("formulas print exactly, with parentheses only where needed")
    void formulas() {
        assertThat(Functions1D.sin().of(Functions1D.affine(1.27, 0.41)).times(0.83))
            .hasToString("0.83*sin(1.27*x + 0.41)");
        assertThat(Functions1D.polynomial(1, -2, 0, 3)).hasToString("3*x^3 - 2*x + 1");
        assertThat(Functions1D.polynomial(0, -1, 1)).hasToString("x^2 - x");
        assertThat(Functions1D.polynomial(0)).hasToString("0");
        assertThat(Functions1D.reciprocal().of(Functions1D.polynomial(1, 0, 1).of(Functions1D.affine(0.5, -1)))
            .times(-0.99)).hasToString("-0.99/((0.5*x - 1)^2 + 1)");
        assertThat(Functions1D.exp().times(-1).plus(Functions1D.sin().times(-2)))
            .hasToString("-exp(x) - 2*sin(x)");
        assertThat(Functions1D.sin().plus(Functions1D.x()).times(Functions1D.cos()))
            .hasToString("(sin(x) + x)*cos(x)");
        assertThat(Functions1D.exp().of(Functions1D.sin()).plus(-1.5)).hasToString("exp(sin(x)) - 1.5");
        assertThat(Functions1D.polynomial(0, 0, 1).atScale(1000)).hasToString("(x/1000)^2");
        assertThat(Functions1D.tanh().atScale(0.5)).hasToString("tanh(x/0.5)");
    }

    @Test
    @DisplayName("random formulas use two-decimal coefficients, so a student can type them in")
    void randomFormulasAreExact() {
        TestRandom random = new TestRandom(4);
        for (int i = 0; i < DRAWS; i++) {
            String formula = Functions1D.random(random).formula();
            assertThat(formula).doesNotContainPattern("\\d\\.\\d{3}").doesNotContain("E");
        }
    }

    @Test
    @DisplayName("the same seed draws the same function")
    void seeded() {
        Function1D a = Functions1D.random(new TestRandom(99));
        Function1D b = Functions1D.random(new TestRandom(99));
        assertThat(a.formula()).isEqualTo(b.formula());
        assertThat(a.derivative(0.3)).isEqualTo(b.derivative(0.3));
    }

    @Test
    @DisplayName("random polynomials have the degree asked for, with matching coefficients")
    void randomPolynomials() {
        TestRandom random = new TestRandom(5);
        for (int degree = 0; degree <= 5; degree++) {
            double[] c = Functions1D.randomCoefficients(new TestRandom(degree), degree);
            Function1D p = Functions1D.randomPolynomial(new TestRandom(degree), degree);
            assertThat(c).hasSize(degree + 1);
            assertThat(Math.abs(c[degree])).isGreaterThanOrEqualTo(0.5);
            double x = random.uniform(-2, 2);
            double horner = 0;
            for (int k = degree; k >= 0; k--) {
                horner = horner * x + c[k];
            }
            assertThat(p.applyAsDouble(x)).isCloseTo(horner, within(1e-13));
            assertThat(p.derivative(degree, x)).isCloseTo(c[degree] * factorial(degree), within(1e-12));
        }
    }

    @Test
    @DisplayName("derivativeFunction is f'")
    void derivativeFunction() {
        DoubleUnaryOperator cosine = Functions1D.sin().derivativeFunction();
        assertThat(cosine.applyAsDouble(0.7)).isEqualTo(Math.cos(0.7));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Functions1D.MAX_ORDER + 1})
    @DisplayName("derivative orders outside [0, MAX_ORDER] are rejected")
    void rejectsOrders(int order) {
        assertThatThrownBy(() -> Functions1D.exp().derivative(order, 0.0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order = " + order);
    }

    @Test
    @DisplayName("bad scales and coefficients are rejected")
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Functions1D.exp().atScale(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("s = 0.0");
        assertThatThrownBy(() -> Functions1D.polynomial()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Functions1D.polynomial(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("coefficients[1]");
        assertThatThrownBy(() -> Functions1D.sin().plus(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("g must not be null");
        assertThatThrownBy(() -> Functions1D.sin().of(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("inner");
        assertThatThrownBy(() -> Functions1D.randomPolynomial(new TestRandom(1), -1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("degree = -1");
    }

    private static double fivePoint(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
            - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }
}
