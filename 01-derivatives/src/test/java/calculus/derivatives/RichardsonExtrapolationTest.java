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

@DisplayName("Task 1.6: Richardson extrapolation")
class RichardsonExtrapolationTest {

    // the table holds what the formula gives in exact arithmetic; rounding in doubles adds a few eps |f| / h
    private static final double EXAMPLE_TOLERANCE = 1e-11;

    // exact for a quartic: only rounding remains, a few eps |p| / h <= 4 * 2.2e-16 * 50 / 0.05 ~ 1e-12. The plain
    // central difference is off by (h^2/6) |p'''|, and the draws keep that above 1e-4
    private static final double QUARTIC_TOLERANCE = 1e-9;
    private static final double CENTRAL_ERROR_AT_LEAST = 1e-4;

    // h = 0.05 at points where |f^(5)| >= 0.5 and |f^(7)| h^2 <= 0.05 |f^(5)|: the measured order is 4 +- 0.01,
    // and round-off (a few eps |f| / h ~ 1e-12) is far below the error at h/2 ((h/2)^4 / 480 |f^(5)| ~ 4e-10)
    private static final double STEP = 0.05;
    private static final double ORDER_TOLERANCE = 0.3;

    private static final int CASES = 30;

    @ParameterizedTest(name = "{0} at x = {1}, h = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        x^3    | 2 | 0.1  | 12
        x^5    | 1 | 0.1  | 4.999975
        sin(x) | 1 | 0.1  | 0.5403021933386563
        """)
    @Graded(task = "1.6", points = 2)
    @DisplayName("1.6 Worked examples: exact for x^3, off by (h^4/480) f^(5) for x^5")
    void workedExamples(String name, double x, double h, double expected) {
        DoubleUnaryOperator f = Cases.named(name);
        double received = RichardsonExtrapolation.derivative(f, x, h);
        double coarse = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double fine = (f.applyAsDouble(x + h / 2) - f.applyAsDouble(x - h / 2)) / h;
        assertThat(received)
            .withFailMessage(Explain.that("RichardsonExtrapolation.derivative(f, x, h)")
                .input("f(x)", name, "x", x, "h", h).expected(expected).received(received).within(EXAMPLE_TOLERANCE)
                .mistake("the weights of a first-order method are used, 2 D(h/2) - D(h): the central difference D "
                    + "errs like h^2, so halving h quarters its error, and the weights are 4/3 and -1/3",
                    2 * fine - coarse)
                .mistake("the plain central difference D(h) is returned, without the extrapolation", coarse)
                .mistake("the central difference D(h/2) is returned, without the extrapolation", fine)
                .mistake("the weights are swapped, (4 D(h) - D(h/2)) / 3", (4 * coarse - fine) / 3)
                .hint("(4 D(h/2) - D(h)) / 3 with D the central difference; the plain D(h) gives 12.01 for x^3"))
            .isCloseTo(expected, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.6", points = 2)
    @DisplayName("1.6 Richardson extrapolation of a random quartic is exact")
    void exactForQuartics(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D quartic;
            double x;
            double h;
            do {
                quartic = Functions1D.randomPolynomial(random, 4);
                x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
                h = random.uniform(STEP, 0.5);
            } while (h * h / 6 * Math.abs(quartic.thirdDerivative(x)) < CENTRAL_ERROR_AT_LEAST);
            double expected = quartic.derivative(x);
            double received = RichardsonExtrapolation.derivative(quartic, x, h);
            assertThat(received)
                .withFailMessage(Explain.that("RichardsonExtrapolation.derivative(f, x, h)")
                    .input("f(x)", quartic, "x", x, "h", h)
                    .expected(expected).received(received).within(QUARTIC_TOLERANCE)
                    .hint("the extrapolation cancels the h^2 error term, and a quartic has no h^4 term (f^(5) = 0)"))
                .isCloseTo(expected, within(QUARTIC_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.6", points = 4)
    @DisplayName("1.6 Richardson extrapolation converges with order 4 on random smooth functions")
    void richardsonIsFourthOrder(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Case c = Cases.whereLeadingTermRules(random, 5, STEP);
            double slope = c.f().derivative(c.x());
            double errorAtH = RichardsonExtrapolation.derivative(c.f(), c.x(), STEP) - slope;
            double errorAtHalfH = RichardsonExtrapolation.derivative(c.f(), c.x(), STEP / 2) - slope;
            double order = Explain.measuredOrder(errorAtH, errorAtHalfH);
            assertThat(order)
                .withFailMessage(Explain.that("RichardsonExtrapolation.derivative(f, x, h)")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP + " and " + STEP / 2)
                    .order(4, order)
                    .detail("errors", String.format(Locale.ROOT,
                        "%.3e at h, %.3e at h/2; expected about -(h^4/480) f^(5)(x) = %.3e",
                        errorAtH, errorAtHalfH, -Math.pow(STEP, 4) / 480 * c.f().derivative(5, c.x()))))
                .isCloseTo(4.0, within(ORDER_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.6", points = 2)
    @DisplayName("1.6 It rejects a missing f, a non-finite x, and a step that is not positive and finite")
    void rejectsBadInput() {
        BadInput.assertRejected("RichardsonExtrapolation.derivative", RichardsonExtrapolation::derivative);
    }
}
