package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.derivatives.Cases.Case;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D.Function1D;

@DisplayName("Task 1.8: the tangent line")
class TangentLineTest {

    // the worked example is integer arithmetic: exact, whichever way the line is written
    private static final double EXAMPLE_TOLERANCE = 0.0;

    // y0 + slope (x0 - x0) is y0 exactly; a line written as slope x + (y0 - slope x0) rounds by a few ulps
    private static final double TOUCH_TOLERANCE = 1e-12;

    // the gap f(x0 + t) - tangent(x0 + t) is f''(x0) t^2/2 + f'''(x0) t^3/6 + ...; at points where |f''| >= 0.5 and
    // |f'''| t <= 0.05 |f''| (Cases.whereLeadingTermRules) the gap / t^2 is within 1.7 percent of f''/2, and
    // round-off (eps |f| / t^2 ~ 1e-10) does not matter
    private static final double DISTANCE = 1e-2;
    private static final double GAP_TOLERANCE = 0.05;

    private static final int CASES = 30;

    @Test
    @Graded(task = "1.8", points = 1)
    @DisplayName("1.8 Worked example: the tangent of x^2 at 3 is y = 9 + 6 (x - 3), crossing zero at 1.5")
    void workedExample() {
        Function1D square = Cases.named("x^2");
        TangentLine tangent = TangentLine.at(square, square.derivativeFunction(), 3.0);
        String what = "TangentLine.at(x -> x * x, x -> 2 * x, 3.0)";
        assertNumber(what + ".x0()", 3.0, tangent.x0(), EXAMPLE_TOLERANCE);
        assertNumber(what + ".y0()", 9.0, tangent.y0(), EXAMPLE_TOLERANCE);
        assertNumber(what + ".slope()", 6.0, tangent.slope(), EXAMPLE_TOLERANCE);
        assertNumber(what + ".valueAt(4.0)", 15.0, tangent.valueAt(4.0), EXAMPLE_TOLERANCE);
        assertNumber(what + ".valueAt(0.0)", -9.0, tangent.valueAt(0.0), EXAMPLE_TOLERANCE);
        assertNumber(what + ".root()", 1.5, tangent.root(), EXAMPLE_TOLERANCE);
    }

    @Test
    @Graded(task = "1.8", points = 2)
    @DisplayName("1.8 The tangent touches the graph, and the gap grows like (x - x0)^2 f''(x0) / 2")
    void tangentTouchesTheGraph(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Case c = Cases.whereLeadingTermRules(random, 2, DISTANCE);
            Function1D f = c.f();
            double x0 = c.x();
            TangentLine tangent = TangentLine.at(f, f.derivativeFunction(), x0);
            assertNumber("TangentLine.at(f, df, x0).valueAt(x0) for f(x) = " + f + ", x0 = " + x0,
                f.applyAsDouble(x0), tangent.valueAt(x0), TOUCH_TOLERANCE);
            assertNumber("TangentLine.at(f, df, x0).slope() for f(x) = " + f + ", x0 = " + x0,
                f.derivative(x0), tangent.slope(), TOUCH_TOLERANCE);
            for (double t : new double[] {DISTANCE, -DISTANCE}) {
                double gap = (f.applyAsDouble(x0 + t) - tangent.valueAt(x0 + t)) / (t * t);
                double expected = f.secondDerivative(x0) / 2;
                double tolerance = GAP_TOLERANCE * Math.abs(expected);
                assertThat(gap)
                    .withFailMessage(Explain.that("(f(x0 + t) - tangent.valueAt(x0 + t)) / t^2")
                        .input("f(x)", f, "x0", x0, "t", t)
                        .expected(expected).received(gap).within(tolerance)
                        .hint("the tangent is y0 + slope * (x - x0): it matches f and f' at x0, so only the f'' "
                            + "term of the Taylor series is left over"))
                    .isCloseTo(expected, within(tolerance));
            }
        }
    }

    @Test
    @Graded(task = "1.8", points = 1)
    @DisplayName("1.8 A horizontal tangent has no root: root() throws an ArithmeticException that names x0")
    void horizontalTangentHasNoRoot() {
        Function1D cos = Cases.named("cos(x)");
        Expect.thrown(ArithmeticException.class, () -> TangentLine.at(cos, cos.derivativeFunction(), 0.0).root(),
            "the tangent of cos at 0 is horizontal: root() must throw an ArithmeticException naming x0, "
                + "not return infinity or NaN")
            .hasMessageContaining("x0");
        Expect.throwsIllegalArgument(() -> TangentLine.at(null, cos, 0.0),
            "TangentLine.at(null, df, 0.0) must throw an IllegalArgumentException naming f")
            .hasMessageContaining("f");
    }

    private static void assertNumber(String what, double expected, double received, double tolerance) {
        assertThat(received)
            .withFailMessage(Explain.that(what).expected(expected).received(received).within(tolerance))
            .isCloseTo(expected, within(tolerance));
    }
}
