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

@DisplayName("Task 1.3: the central difference")
class CentralDifferenceTest {

    // the table holds what the formula gives in exact arithmetic; rounding in doubles adds at most eps |f| / h,
    // about 1e-13 for h = 0.001
    private static final double EXAMPLE_TOLERANCE = 1e-11;

    // exact for a parabola: only rounding remains, eps |p| / h <= 2.2e-16 * 30 / 1e-3 ~ 7e-12. A one-sided
    // difference would be off by |c2| h >= 0.5e-3
    private static final double QUADRATIC_TOLERANCE = 1e-9;

    // h = 1e-2 at points where |f'''| >= 0.5 and |f^(5)| h^2 <= 0.05 |f'''|: the measured order is
    // 2 + O(h^2 f^(5) / f''') = 2 +- 0.01, and round-off (eps |f| / h ~ 1e-12) is far below the error (~ 1e-5)
    private static final double STEP = 1e-2;
    private static final double ORDER_TOLERANCE = 0.25;

    private static final int CASES = 30;

    @ParameterizedTest(name = "{0} at x = {1}, h = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        x^2    |  3 | 0.5   | 6
        x^3    |  2 | 0.1   | 12.01
        3x + 1 | -4 | 2     | 3
        sin(x) |  0 | 0.5   | 0.958851077208406
        exp(x) |  0 | 0.001 | 1.000000166666675
        """)
    @Graded(task = "1.3", points = 3)
    @DisplayName("1.3 Worked examples: exact for x^2, 3x^2 + h^2 for x^3")
    void workedExamples(String name, double x, double h, double expected) {
        DoubleUnaryOperator f = Cases.named(name);
        double received = CentralDifference.derivative(f, x, h);
        double up = f.applyAsDouble(x + h);
        double here = f.applyAsDouble(x);
        double down = f.applyAsDouble(x - h);
        assertThat(received)
            .withFailMessage(Explain.that("CentralDifference.derivative(f, x, h)").input("f(x)", name, "x", x, "h", h)
                .expected(expected).received(received).within(EXAMPLE_TOLERANCE)
                .mistake("the forward difference (f(x + h) - f(x)) / h is taken: the central one uses one point on "
                    + "each side of x", (up - here) / h)
                .mistake("the backward difference (f(x) - f(x - h)) / h is taken: the central one uses one point on "
                    + "each side of x", (here - down) / h)
                .mistake("the difference is divided by h: f(x + h) and f(x - h) are 2h apart", (up - down) / h)
                .mistake("the difference is divided by 2 and then multiplied by h: in Java a / 2 * h is (a / 2) * h; "
                    + "write a / (2 * h)", (up - down) / 2 * h)
                .hint("the central difference is (f(x + h) - f(x - h)) / (2h): one point on each side of x"))
            .isCloseTo(expected, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.3", points = 3)
    @DisplayName("1.3 The central difference of a random parabola is exact, whatever the step")
    void exactForParabolas(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D parabola = Functions1D.randomPolynomial(random, 2);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double h = random.logUniform(1e-3, 1);
            double expected = parabola.derivative(x);
            double received = CentralDifference.derivative(parabola, x, h);
            assertThat(received)
                .withFailMessage(Explain.that("CentralDifference.derivative(f, x, h)")
                    .input("f(x)", parabola, "x", x, "h", h)
                    .expected(expected).received(received).within(QUADRATIC_TOLERANCE)
                    .hint("for a parabola the h^2 terms of f(x + h) and f(x - h) cancel exactly; an error of about "
                        + "c2 * h means a one-sided difference"))
                .isCloseTo(expected, within(QUADRATIC_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.3", points = 6)
    @DisplayName("1.3 The central difference converges with order 2 on random smooth functions")
    void centralDifferenceIsSecondOrder(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Case c = Cases.whereLeadingTermRules(random, 3, STEP);
            double slope = c.f().derivative(c.x());
            double errorAtH = CentralDifference.derivative(c.f(), c.x(), STEP) - slope;
            double errorAtHalfH = CentralDifference.derivative(c.f(), c.x(), STEP / 2) - slope;
            double order = Explain.measuredOrder(errorAtH, errorAtHalfH);
            assertThat(order)
                .withFailMessage(Explain.that("CentralDifference.derivative(f, x, h)")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP + " and " + STEP / 2)
                    .order(2, order)
                    .detail("errors", String.format(Locale.ROOT,
                        "%.3e at h, %.3e at h/2; expected about (h^2/6) f'''(x) = %.3e",
                        errorAtH, errorAtHalfH, STEP * STEP / 6 * c.f().thirdDerivative(c.x()))))
                .isCloseTo(2.0, within(ORDER_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.3", points = 2)
    @DisplayName("1.3 It rejects a missing f, a non-finite x, and a step that is not positive and finite")
    void rejectsBadInput() {
        BadInput.assertRejected("CentralDifference.derivative", CentralDifference::derivative);
    }
}
