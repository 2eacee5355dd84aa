package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

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

@DisplayName("Task 1.1: the secant slope")
class SecantSlopeTest {

    // the examples' slopes are exact in real arithmetic; computing them in doubles rounds a few times, at most
    // about 1e-15 each, so 1e-12 is generous and still catches any wrong formula
    private static final double EXAMPLE_TOLERANCE = 1e-12;

    // a parabola's secant slope is exactly its derivative at the midpoint; the rounding of f(a) and f(b) (values
    // below 30 on [-2, 2]) is about 1e-14, divided by |b - a| >= 0.01 that is at most 1e-12
    private static final double MIDPOINT_TOLERANCE = 1e-9;

    private static final int CASES = 50;

    @ParameterizedTest(name = "the slope of {0} over [{1}, {2}] is {3}")
    @CsvSource(delimiter = '|', textBlock = """
        x^2         |  1   | 3    |  4
        x^2         |  3   | 1    |  4
        x^2         | -0.5 | 0.25 | -0.25
        x^3         |  0   | 2    |  4
        3x + 1      | -2   | 5    |  3
        exp(x)      |  0   | 1    |  1.718281828459045
        1/(1 + x^2) | -1   | 1    |  0
        """)
    @Graded(task = "1.1", points = 3)
    @DisplayName("1.1 Worked examples: rise over run, in either order")
    void workedExamples(String name, double a, double b, double expected) {
        double received = SecantSlope.slope(Cases.named(name), a, b);
        assertThat(received)
            .withFailMessage(Explain.that("SecantSlope.slope(f, a, b)").input("f(x)", name, "a", a, "b", b)
                .expected(expected).received(received).within(EXAMPLE_TOLERANCE)
                .hint("the slope is (f(b) - f(a)) / (b - a): the same change in f over the same change in x"))
            .isCloseTo(expected, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.1", points = 3)
    @DisplayName("1.1 The secant of a random parabola has the slope of its tangent at the midpoint")
    void parabolaSecantMatchesMidpointTangent(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D parabola = Functions1D.randomPolynomial(random, 2);
            double a = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double b = a + random.sign() * random.uniform(0.01, Functions1D.DOMAIN);
            double expected = parabola.derivative((a + b) / 2);
            double received = SecantSlope.slope(parabola, a, b);
            assertThat(received)
                .withFailMessage(Explain.that("SecantSlope.slope(f, a, b)").input("f(x)", parabola, "a", a, "b", b)
                    .expected(expected).received(received).within(MIDPOINT_TOLERANCE)
                    .hint("for a parabola the secant slope equals f'((a + b) / 2)"))
                .isCloseTo(expected, within(MIDPOINT_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.1", points = 2)
    @DisplayName("1.1 A secant needs two different points, finite ones, and a function")
    void rejectsBadInput() {
        DoubleUnaryOperator square = x -> x * x;
        Expect.throwsIllegalArgument(() -> SecantSlope.slope(square, 1.5, 1.5),
            "slope(f, 1.5, 1.5): one point has no secant; the message must name a, b and the value 1.5")
            .hasMessageContaining("a").hasMessageContaining("b").hasMessageContaining("1.5");
        Expect.throwsIllegalArgument(() -> SecantSlope.slope(square, Double.NaN, 1.0),
            "slope(f, NaN, 1.0): the message must name a and NaN")
            .hasMessageContaining("a").hasMessageContaining("NaN");
        Expect.throwsIllegalArgument(() -> SecantSlope.slope(square, 0.0, Double.POSITIVE_INFINITY),
            "slope(f, 0.0, Infinity): the message must name b and Infinity")
            .hasMessageContaining("b").hasMessageContaining("Infinity");
        Expect.throwsIllegalArgument(() -> SecantSlope.slope(null, 0.0, 1.0),
            "slope(null, 0.0, 1.0): the message must name f")
            .hasMessageContaining("f");
    }
}
