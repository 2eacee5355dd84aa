package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.derivatives.Cases.Case;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

@DisplayName("Task 1.5: the second derivative")
class SecondDifferenceTest {

    // the table holds what the formula gives in exact arithmetic; rounding in doubles adds about
    // 4 eps |f| / h^2 ~ 1e-11 for h = 0.01
    private static final double EXAMPLE_TOLERANCE = 1e-9;

    // exact for a cubic: only rounding remains, 4 eps |p| / h^2 <= 4 * 2.2e-16 * 50 / 1e-2 ~ 4e-12 for h >= 0.1.
    // Forgetting the factor 2, or dividing by h instead of h^2, is off by orders of magnitude more
    private static final double CUBIC_TOLERANCE = 1e-9;

    // h = 1e-2 at points where |f''''| >= 0.5 and |f^(6)| h^2 <= 0.05 |f''''|: the measured order is
    // 2 +- 0.01; round-off (4 eps |f| / (h/2)^2 ~ 2e-9) is far below the error (h^2 / 48 |f''''| ~ 1e-6)
    private static final double STEP = 1e-2;
    private static final double ORDER_TOLERANCE = 0.25;

    private static final int CASES = 30;

    @ParameterizedTest(name = "{0} at x = {1}, h = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        x^2    | 5 | 0.5  | 2
        x^3    | 1 | 0.1  | 6
        sin(x) | 0 | 0.1  | 0
        exp(x) | 0 | 0.01 | 1.0000083333611
        """)
    @Graded(task = "1.5", points = 2)
    @DisplayName("1.5 Worked examples: exact for x^2 and x^3")
    void workedExamples(String name, double x, double h, double expected) {
        DoubleUnaryOperator f = Cases.named(name);
        double received = SecondDifference.secondDerivative(f, x, h);
        double up = f.applyAsDouble(x + h);
        double here = f.applyAsDouble(x);
        double down = f.applyAsDouble(x - h);
        double numerator = up - 2 * here + down;
        assertThat(received)
            .withFailMessage(Explain.that("SecondDifference.secondDerivative(f, x, h)")
                .input("f(x)", name, "x", x, "h", h).expected(expected).received(received).within(EXAMPLE_TOLERANCE)
                .mistake("the sum is divided by (2h)^2: the three points are h apart, so it is divided by h^2",
                    numerator / (4 * h * h))
                .mistake("the sum is divided by 2h^2", numerator / (2 * h * h))
                .mistake("the sum is divided by h and then multiplied by h: in Java a / h * h is (a / h) * h; "
                    + "write a / (h * h)", numerator / h * h)
                .mistake("the sum is divided by h only, not by h^2", numerator / h)
                .mistake("f(x) is subtracted once, not twice", (up - here + down) / (h * h))
                .hint("(f(x + h) - 2 f(x) + f(x - h)) / h^2: mind the 2, and divide by h * h"))
            .isCloseTo(expected, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.5", points = 2)
    @DisplayName("1.5 The second difference of a random cubic is exact")
    void exactForCubics(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D cubic = Functions1D.randomPolynomial(random, 3);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double h = random.uniform(0.1, 1);
            double expected = cubic.secondDerivative(x);
            double received = SecondDifference.secondDerivative(cubic, x, h);
            assertThat(received)
                .withFailMessage(Explain.that("SecondDifference.secondDerivative(f, x, h)")
                    .input("f(x)", cubic, "x", x, "h", h)
                    .expected(expected).received(received).within(CUBIC_TOLERANCE)
                    .hint("for a cubic the odd powers of h cancel and the h^4 term is 0: the result is exact"))
                .isCloseTo(expected, within(CUBIC_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.5", points = 3)
    @DisplayName("1.5 The second difference converges with order 2 on random smooth functions")
    void secondDifferenceIsSecondOrder(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Case c = Cases.whereLeadingTermRules(random, 4, STEP);
            double curvature = c.f().secondDerivative(c.x());
            double errorAtH = SecondDifference.secondDerivative(c.f(), c.x(), STEP) - curvature;
            double errorAtHalfH = SecondDifference.secondDerivative(c.f(), c.x(), STEP / 2) - curvature;
            double order = Explain.measuredOrder(errorAtH, errorAtHalfH);
            assertThat(order)
                .withFailMessage(Explain.that("SecondDifference.secondDerivative(f, x, h)")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP + " and " + STEP / 2)
                    .order(2, order)
                    .detail("errors", String.format(Locale.ROOT,
                        "%.3e at h, %.3e at h/2; expected about (h^2/12) f''''(x) = %.3e",
                        errorAtH, errorAtHalfH, STEP * STEP / 12 * c.f().derivative(4, c.x()))))
                .isCloseTo(2.0, within(ORDER_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.5", points = 2)
    @DisplayName("1.5 It rejects a missing f, a non-finite x, and a step that is not positive and finite")
    void rejectsBadInput() {
        BadInput.assertRejected("SecondDifference.secondDerivative", SecondDifference::secondDerivative);
    }
}
