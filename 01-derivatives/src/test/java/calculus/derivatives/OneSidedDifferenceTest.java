package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.derivatives.Cases.Case;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;

@DisplayName("Task 1.2: forward and backward differences")
class OneSidedDifferenceTest {

    // the table holds what the formulas give in exact arithmetic, to 13 digits; rounding in doubles adds at most
    // eps |f| / h ~ 1e-13 for h = 0.001
    private static final double EXAMPLE_TOLERANCE = 1e-11;

    // h = 1e-3 at points where |f''| >= 0.5 and |f'''| h <= 0.05 |f''| (see Cases.whereLeadingTermRules): the error
    // divided by h is f''/2 + h f'''/6 + ..., within 1.7 percent of f''/2; round-off adds 2 eps |f| / h^2 ~ 1e-8.
    // 5 percent of f''/2 allows for both; a central difference (error / h ~ 0) or a sign error is far outside
    private static final double STEP = 1e-3;
    private static final double LEADING_TERM_TOLERANCE = 0.05;

    // at these points the measured order of a first-order method is 1 + (h f'''/f'') / (6 ln 2) = 1 +- 0.02
    private static final double ORDER_TOLERANCE = 0.25;

    private static final int CASES = 30;

    @ParameterizedTest(name = "{0} at x = {1}, h = {2}: forward {3}, backward {4}")
    @CsvSource(delimiter = '|', textBlock = """
        x^2    | 3 | 0.5   | 6.5                | 5.5
        x^3    | 1 | 0.1   | 3.31               | 2.71
        exp(x) | 0 | 0.001 | 1.000500166708342  | 0.9995001666249781
        3x + 1 | 7 | 0.25  | 3                  | 3
        """)
    @Graded(task = "1.2", points = 2)
    @DisplayName("1.2 Worked examples: x^2 gives 2x + h forward and 2x - h backward")
    void workedExamples(String name, double x, double h, double forward, double backward) {
        DoubleUnaryOperator f = Cases.named(name);
        double receivedForward = OneSidedDifference.forward(f, x, h);
        double receivedBackward = OneSidedDifference.backward(f, x, h);
        double up = f.applyAsDouble(x + h);
        double here = f.applyAsDouble(x);
        double down = f.applyAsDouble(x - h);
        assertThat(receivedForward)
            .withFailMessage(Explain.that("OneSidedDifference.forward(f, x, h)").input("f(x)", name, "x", x, "h", h)
                .expected(forward).received(receivedForward).within(EXAMPLE_TOLERANCE)
                .mistake("the backward difference is taken: forward uses x and x + h", (here - down) / h)
                .mistake("the central difference is taken: forward uses x and x + h", (up - down) / (2 * h))
                .mistake("the difference is not divided by h", up - here)
                .hint("forward: (f(x + h) - f(x)) / h"))
            .isCloseTo(forward, within(EXAMPLE_TOLERANCE));
        assertThat(receivedBackward)
            .withFailMessage(Explain.that("OneSidedDifference.backward(f, x, h)").input("f(x)", name, "x", x, "h", h)
                .expected(backward).received(receivedBackward).within(EXAMPLE_TOLERANCE)
                .mistake("the forward difference is taken: backward uses x - h and x", (up - here) / h)
                .mistake("the central difference is taken: backward uses x - h and x", (up - down) / (2 * h))
                .mistake("the difference is taken the wrong way round, (f(x - h) - f(x)) / h: the sign flips",
                    (down - here) / h)
                .mistake("the difference is not divided by h", here - down)
                .hint("backward: (f(x) - f(x - h)) / h"))
            .isCloseTo(backward, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.2", points = 3)
    @DisplayName("1.2 The forward difference overshoots by (h/2) f''(x), the backward one undershoots by as much")
    void errorIsHalfHTimesSecondDerivative(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Case c = Cases.whereLeadingTermRules(random, 2, STEP);
            double slope = c.f().derivative(c.x());
            double halfCurvature = c.f().secondDerivative(c.x()) / 2;
            double forwardError = (OneSidedDifference.forward(c.f(), c.x(), STEP) - slope) / STEP;
            double backwardError = (OneSidedDifference.backward(c.f(), c.x(), STEP) - slope) / STEP;
            double tolerance = LEADING_TERM_TOLERANCE * Math.abs(halfCurvature);
            assertThat(forwardError)
                .withFailMessage(Explain.that("(forward(f, x, h) - f'(x)) / h")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP)
                    .expected(halfCurvature).received(forwardError).within(tolerance)
                    .hint("Taylor: f(x + h) = f(x) + h f'(x) + (h^2/2) f''(x) + ..., so the forward difference is "
                        + "f'(x) + (h/2) f''(x) + ..."))
                .isCloseTo(halfCurvature, within(tolerance));
            assertThat(backwardError)
                .withFailMessage(Explain.that("(backward(f, x, h) - f'(x)) / h")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP)
                    .expected(-halfCurvature).received(backwardError).within(tolerance)
                    .hint("the backward difference is f'(x) - (h/2) f''(x) + ...: it errs the other way"))
                .isCloseTo(-halfCurvature, within(tolerance));
        }
    }

    @Test
    @Graded(task = "1.2", points = 3)
    @DisplayName("1.2 One-sided differences converge with order 1: halving h halves the error")
    void oneSidedDifferencesAreFirstOrder(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Case c = Cases.whereLeadingTermRules(random, 2, STEP);
            double slope = c.f().derivative(c.x());
            double forward = Explain.measuredOrder(OneSidedDifference.forward(c.f(), c.x(), STEP) - slope,
                OneSidedDifference.forward(c.f(), c.x(), STEP / 2) - slope);
            double backward = Explain.measuredOrder(OneSidedDifference.backward(c.f(), c.x(), STEP) - slope,
                OneSidedDifference.backward(c.f(), c.x(), STEP / 2) - slope);
            assertThat(forward)
                .withFailMessage(Explain.that("OneSidedDifference.forward(f, x, h)")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP + " and " + STEP / 2).order(1, forward))
                .isCloseTo(1.0, within(ORDER_TOLERANCE));
            assertThat(backward)
                .withFailMessage(Explain.that("OneSidedDifference.backward(f, x, h)")
                    .input("f(x)", c.f(), "x", c.x(), "h", STEP + " and " + STEP / 2).order(1, backward))
                .isCloseTo(1.0, within(ORDER_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.2", points = 2)
    @DisplayName("1.2 Both reject a missing f, a non-finite x, and a step that is not positive and finite")
    void rejectsBadInput() {
        BadInput.assertRejected("OneSidedDifference.forward", OneSidedDifference::forward);
        BadInput.assertRejected("OneSidedDifference.backward", OneSidedDifference::backward);
    }
}
