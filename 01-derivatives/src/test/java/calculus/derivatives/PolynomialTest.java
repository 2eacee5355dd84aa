package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

@DisplayName("Task 1.7: polynomials, Horner's rule and the power rule")
class PolynomialTest {

    // the examples have small integer or binary-fraction coefficients and points: Horner's rule computes them exactly
    private static final double EXAMPLE_TOLERANCE = 1e-12;

    // Horner's rule on degree <= 6, |c_k| <= 2, |x| <= 2: each of the n steps rounds by eps times a partial sum of
    // at most sum |c_k| |x|^k <= 254, so the error stays below 1e-12 (relative to that sum, 1e-13 is generous)
    private static final double EVALUATION_TOLERANCE = 1e-13;

    // k * c_k is one multiplication, rounded once: relative error eps
    private static final double POWER_RULE_TOLERANCE = 1e-15;

    // central difference of p.evaluate with h = 1e-4: truncation (h^2/6) |p'''| <= 1e-8/6 * 2000 ~ 3e-6 for
    // degree 6 on [-2, 2] (|p'''| <= sum k(k-1)(k-2) |c_k| 2^(k-3)), round-off eps * 254 / h ~ 6e-10
    private static final double NUMERICAL_STEP = 1e-4;
    private static final double NUMERICAL_TOLERANCE = 1e-5;

    private static final int CASES = 30;
    private static final int MAX_DEGREE = 6;

    @ParameterizedTest(name = "p(x) with coefficients [{0}] at x = {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
        1 -2 3    |  2   |  9
        5         |  100 |  5
        0 0 0 1   | -3   | -27
        1 1 1 1 1 |  0.5 |  1.9375
        -1 0 2    |  0   | -1
        """)
    @Graded(task = "1.7", points = 2)
    @DisplayName("1.7 Worked examples: evaluate, lowest power first")
    void evaluateWorkedExamples(String coefficients, double x, double expected) {
        double[] c = parse(coefficients);
        double received = new Polynomial(c).evaluate(x);
        assertThat(received)
            .withFailMessage(Explain.that("new Polynomial(c).evaluate(x)").input("c", c, "x", x)
                .expected(expected).received(received).within(EXAMPLE_TOLERANCE)
                .hint("c[k] multiplies x^k, lowest power first: [1, -2, 3] is 1 - 2x + 3x^2"))
            .isCloseTo(expected, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.7", points = 2)
    @DisplayName("1.7 evaluate matches the exact value of random polynomials of degree 0 to 6")
    void evaluateRandomPolynomials(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            int degree = random.between(0, MAX_DEGREE);
            double[] c = Functions1D.randomCoefficients(random, degree);
            Function1D oracle = Functions1D.polynomial(c);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double expected = oracle.applyAsDouble(x);
            double received = new Polynomial(c).evaluate(x);
            double tolerance = EVALUATION_TOLERANCE * sumOfTerms(c, x);
            assertThat(received)
                .withFailMessage(Explain.that("new Polynomial(c).evaluate(x)").input("p(x)", oracle, "x", x)
                    .expected(expected).received(received).within(tolerance))
                .isCloseTo(expected, within(tolerance));
        }
    }

    @ParameterizedTest(name = "the derivative of [{0}] is [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
        1 -2 3      | -2 6
        5           |  0
        0 0 0 1     |  0 0 3
        7 1         |  1
        2 0 0 0 0.5 |  0 0 0 2
        """)
    @Graded(task = "1.7", points = 2)
    @DisplayName("1.7 Worked examples: the power rule, (c x^k)' = k c x^(k-1)")
    void derivativeWorkedExamples(String coefficients, String derivative) {
        double[] c = parse(coefficients);
        double[] expected = parse(derivative);
        Polynomial received = new Polynomial(c).derivative();
        assertThat(received.coefficients())
            .withFailMessage(Explain.that("new Polynomial(c).derivative().coefficients()").input("c", c)
                .expected(expected).received(received.coefficients())
                .hint("the coefficient of x^(k-1) in p' is k * c[k]; the constant c[0] disappears, and the "
                    + "derivative of a constant is the zero polynomial [0.0]"))
            .containsExactly(expected);
        assertThat(received.degree())
            .as("the degree of the derivative of %s", Arrays.toString(c))
            .isEqualTo(expected.length - 1);
    }

    @Test
    @Graded(task = "1.7", points = 3)
    @DisplayName("1.7 The power rule agrees with the exact derivative and with a central difference of evaluate")
    void derivativeOfRandomPolynomials(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            int degree = random.between(1, MAX_DEGREE);
            double[] c = Functions1D.randomCoefficients(random, degree);
            Function1D oracle = Functions1D.polynomial(c);
            Polynomial p = new Polynomial(c);
            Polynomial dp = p.derivative();
            assertThat(dp.degree()).as("the degree of the derivative of %s", oracle).isEqualTo(degree - 1);
            for (int k = 1; k <= degree; k++) {
                double expected = k * c[k];
                double tolerance = POWER_RULE_TOLERANCE * Math.abs(expected);
                assertThat(dp.coefficient(k - 1))
                    .withFailMessage(Explain.that("p.derivative().coefficient(" + (k - 1) + ")").input("p(x)", oracle)
                        .expected(expected).received(dp.coefficient(k - 1)).within(tolerance))
                    .isCloseTo(expected, within(tolerance));
            }
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double exact = oracle.derivative(x);
            double fromPowerRule = dp.evaluate(x);
            double numerical = (p.evaluate(x + NUMERICAL_STEP) - p.evaluate(x - NUMERICAL_STEP)) / (2 * NUMERICAL_STEP);
            assertThat(fromPowerRule)
                .withFailMessage(Explain.that("p.derivative().evaluate(x)").input("p(x)", oracle, "x", x)
                    .expected(exact).received(fromPowerRule).within(NUMERICAL_TOLERANCE))
                .isCloseTo(exact, within(NUMERICAL_TOLERANCE));
            assertThat(fromPowerRule)
                .withFailMessage(Explain.that("p.derivative().evaluate(x) against the central difference of "
                        + "p.evaluate").input("p(x)", oracle, "x", x, "h", NUMERICAL_STEP)
                    .expected(numerical).received(fromPowerRule).within(NUMERICAL_TOLERANCE)
                    .hint("the exact derivative and the slope of your own evaluate must agree"))
                .isCloseTo(numerical, within(NUMERICAL_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.7", points = 1)
    @DisplayName("1.7 A polynomial is a value: trailing zeros dropped, copies kept, equal by coefficients")
    void polynomialIsAValue() {
        double[] c = {1, 2, 0, 0};
        Polynomial p = new Polynomial(c);
        c[1] = 99;
        assertThat(p.degree()).as("degree of [1, 2, 0, 0]: trailing zeros do not count").isEqualTo(1);
        assertThat(p.coefficients()).as("coefficients of [1, 2, 0, 0], after the caller changed its array")
            .containsExactly(1.0, 2.0);
        p.coefficients()[0] = 99;
        assertThat(p.coefficient(0)).as("coefficient(0) after a caller changed the array coefficients() returned")
            .isEqualTo(1.0);
        assertThat(p.coefficient(2)).as("coefficient(2) of [1, 2], the first power beyond the degree").isZero();
        assertThat(p.coefficient(5)).as("coefficient(5) beyond the degree").isZero();
        assertThat(new Polynomial(0, 0).degree()).as("degree of the zero polynomial [0, 0]").isZero();
        assertThat(new Polynomial(0, 0).coefficients()).as("coefficients of the zero polynomial")
            .containsExactly(0.0);
        // compared through equals and hashCode only, so that a failure here never depends on toString (Task 1.7's
        // last test)
        assertThat(p.equals(new Polynomial(1, 2))).as("[1, 2, 0, 0] equals [1, 2]").isTrue();
        assertThat(p.hashCode()).as("the hash codes of [1, 2, 0, 0] and [1, 2]")
            .isEqualTo(new Polynomial(1, 2).hashCode());
        assertThat(p.equals(new Polynomial(1, 3))).as("[1, 2] equals [1, 3]").isFalse();
        assertThat(p.equals(new Polynomial(1, 2, 1))).as("[1, 2] equals [1, 2, 1]").isFalse();
        assertThat(p.equals("1 + 2x")).as("a polynomial equals a String").isFalse();
        assertThat(new Polynomial(-0.0).equals(new Polynomial(0.0))).as("[-0.0] equals [0.0]: both are zero")
            .isTrue();
        assertThat(new Polynomial(-0.0).hashCode()).as("the hash codes of [-0.0] and [0.0]")
            .isEqualTo(new Polynomial(0.0).hashCode());
    }

    @ParameterizedTest(name = "[{0}] prints as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
        1 -2 3    | 3.0x^2 - 2.0x + 1.0
        0 0 -1    | -1.0x^2
        -0.5      | -0.5
        0 0       | 0.0
        2 0 0 1   | 1.0x^3 + 2.0
        0 -0.5    | -0.5x
        """)
    @Graded(task = "1.7", points = 1)
    @DisplayName("1.7 toString prints the highest power first, as 3.0x^2 - 2.0x + 1.0")
    void toStringPrintsHighestPowerFirst(String coefficients, String expected) {
        assertThat(new Polynomial(parse(coefficients)).toString())
            .as("new Polynomial(%s).toString()", Arrays.toString(parse(coefficients)))
            .isEqualTo(expected);
    }

    @Test
    @Graded(task = "1.7", points = 2)
    @DisplayName("1.7 It rejects null, empty and non-finite coefficients, and a negative power")
    void rejectsBadInput() {
        Expect.throwsIllegalArgument(() -> new Polynomial((double[]) null),
            "new Polynomial(null): the message must name coefficients and null")
            .hasMessageContaining("coefficients").hasMessageContaining("null");
        Expect.throwsIllegalArgument(() -> new Polynomial(),
            "new Polynomial() with no coefficients")
            .hasMessageContaining("coefficients");
        Expect.throwsIllegalArgument(() -> new Polynomial(1, Double.NaN, 3),
            "new Polynomial(1, NaN, 3): the message must name coefficients[1] and NaN")
            .hasMessageContaining("coefficients[1]").hasMessageContaining("NaN");
        Expect.throwsIllegalArgument(() -> new Polynomial(1, 2, Double.NEGATIVE_INFINITY),
            "new Polynomial(1, 2, -Infinity): the message must name coefficients[2] and -Infinity")
            .hasMessageContaining("coefficients[2]").hasMessageContaining("-Infinity");
        Expect.throwsIllegalArgument(() -> new Polynomial(1, 2).coefficient(-1),
            "coefficient(-1): the message must name k and -1")
            .hasMessageContaining("k").hasMessageContaining("-1");
    }

    private static double[] parse(String numbers) {
        return Arrays.stream(numbers.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The sum of |c_k x^k|: the size of the numbers Horner's rule adds, which sets its rounding error. */
    private static double sumOfTerms(double[] c, double x) {
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            sum += Math.abs(c[k]) * Math.pow(Math.abs(x), k);
        }
        return Math.max(sum, 1);
    }
}
