package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.derivatives.NewtonResult.Status;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

@DisplayName("Task 1.8: Newton's method")
class NewtonMethodTest {

    // stop when a step is shorter than 1e-12; near a simple root the next step would be ~1e-24, so the iterate is
    // as close to the root as doubles allow (a few ulps); 1e-10 leaves room
    private static final double TOLERANCE = 1e-12;
    private static final double ROOT_TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 50;

    // from a start where |x0 - r| max|f''| <= |f'(r)| / 4, Newton's error e shrinks like e^2 f''/(2 f'): 0.2, then
    // below 0.007, 1e-5, 2e-11, 1e-22: five or six steps. A method that converges only linearly (a fixed slope, the
    // chord method) needs 15 or more
    private static final int QUADRATIC_STEPS = 8;

    private static final int CASES = 30;

    @ParameterizedTest(name = "{0} from x0 = {1} has the root {2}")
    @CsvSource(delimiter = '|', textBlock = """
        x^2 - 2      | 1 | 1.4142135623730951
        cos(x) - x   | 1 | 0.7390851332151607
        x^3 - 2x - 5 | 2 | 2.0945514815423265
        exp(x) - 2   | 0 | 0.6931471805599453
        """)
    @Graded(task = "1.8", points = 2)
    @DisplayName("1.8 Worked examples: sqrt(2), cos(x) = x, Newton's own cubic, ln 2")
    void workedExamples(String name, double x0, double root) {
        Function1D f = Cases.named(name);
        NewtonResult result = NewtonMethod.solve(f, f.derivativeFunction(), x0, TOLERANCE, MAX_ITERATIONS);
        String what = "NewtonMethod.solve(f, df, x0, " + TOLERANCE + ", " + MAX_ITERATIONS + ")";
        assertThat(result.status())
            .withFailMessage(Explain.that(what + ".status()").input("f(x)", name, "x0", x0)
                .expected(Status.CONVERGED).received(result))
            .isEqualTo(Status.CONVERGED);
        assertThat(result.root())
            .withFailMessage(Explain.that(what + ".root()").input("f(x)", name, "x0", x0)
                .expected(root).received(result.root()).within(ROOT_TOLERANCE)
                .hint("the next iterate is x - f(x) / f'(x)"))
            .isCloseTo(root, within(ROOT_TOLERANCE));
        assertThat(result.iterations()).as("%s.iterations() for f(x) = %s from x0 = %s", what, name, x0)
            .isBetween(1, QUADRATIC_STEPS);
    }

    @Test
    @Graded(task = "1.8", points = 2)
    @DisplayName("1.8 Newton's method finds random simple roots in a handful of steps")
    void convergesQuadraticallyToSimpleRoots(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D g;
            double r;
            double slope;
            do {
                g = Functions1D.random(random);
                r = random.uniform(-1.5, 1.5);
                slope = Math.abs(g.derivative(r));
            } while (slope < 0.5);
            // f = g - g(r) has the simple root r; start where the tangent steps are sure to close in on it
            Function1D f = g.plus(-g.applyAsDouble(r));
            double x0 = r + random.sign() * random.uniform(0.5, 1) * safeDistance(g, r, slope);
            NewtonResult result = NewtonMethod.solve(f, f.derivativeFunction(), x0, TOLERANCE, MAX_ITERATIONS);
            String what = "NewtonMethod.solve(f, df, x0, " + TOLERANCE + ", " + MAX_ITERATIONS + ")";
            assertThat(result.status())
                .withFailMessage(Explain.that(what + ".status()").input("f(x)", f, "x0", x0)
                    .expected(Status.CONVERGED).received(result))
                .isEqualTo(Status.CONVERGED);
            assertThat(result.root())
                .withFailMessage(Explain.that(what + ".root()").input("f(x)", f, "x0", x0)
                    .expected(r).received(result.root()).within(ROOT_TOLERANCE))
                .isCloseTo(r, within(ROOT_TOLERANCE));
            assertThat(result.iterations())
                .withFailMessage(Explain.that(what + ".iterations()").input("f(x)", f, "x0", x0)
                    .expected("at most " + QUADRATIC_STEPS).received(result.iterations())
                    .hint("Newton's method squares the error at every step; a method that needs more steps is "
                        + "not stepping to the tangent's root x - f(x) / f'(x) each time (a fixed slope?)"))
                .isLessThanOrEqualTo(QUADRATIC_STEPS);
        }
    }

    @Test
    @Graded(task = "1.8", points = 1)
    @DisplayName("1.8 The stopping rules at their edges: a start on a root or off f's domain, a step of exactly "
        + "the tolerance, one iteration")
    void stoppingRulesAtTheirEdges() {
        // x^2 - 1 is exactly 0 at x0 = 1: a root before any step is taken
        Function1D onRoot = Cases.named("x^2 - 1");
        NewtonResult start = NewtonMethod.solve(onRoot, onRoot.derivativeFunction(), 1.0, TOLERANCE, MAX_ITERATIONS);
        assertStatus("x^2 - 1 from x0 = 1, where f(1) = 0 exactly", Status.CONVERGED, start);
        assertThat(start.iterations()).as("iterations for x^2 - 1 from its root x0 = 1: no step was needed").isZero();
        assertThat(start.root()).as("root() for x^2 - 1 from its root x0 = 1").isEqualTo(1.0);

        // f(x) = 1/x - 2 is infinite at x0 = 0: there is no tangent to follow
        DoubleUnaryOperator reciprocal = x -> 1 / x - 2;
        DoubleUnaryOperator dReciprocal = x -> -1 / (x * x);
        NewtonResult offDomain = NewtonMethod.solve(reciprocal, dReciprocal, 0.0, TOLERANCE, MAX_ITERATIONS);
        assertStatus("1/x - 2 from x0 = 0, where f(0) = Infinity", Status.DIVERGED, offDomain);
        assertThat(offDomain.iterations()).as("iterations for 1/x - 2 from x0 = 0: no step can be taken").isZero();
        assertThat(offDomain.root()).as("root() for 1/x - 2 from x0 = 0: the iterate where the method stopped")
            .isZero();

        // f = 1e300 with a slope of 1e-10: the first step, 1e300 / 1e-10, overflows, so the new iterate is -Infinity;
        // the method must stop there with DIVERGED, even when that step was the last one allowed
        DoubleUnaryOperator huge = x -> 1e300;
        DoubleUnaryOperator flat = x -> 1e-10;
        for (int max : new int[] {1, MAX_ITERATIONS}) {
            NewtonResult overflow = NewtonMethod.solve(huge, flat, 1.0, TOLERANCE, max);
            assertStatus("f(x) = 1e300, f'(x) = 1e-10 from x0 = 1 with maxIterations = " + max + ": the first step "
                + "overflows to x = -Infinity, and a new iterate that is not finite stops the method",
                Status.DIVERGED, overflow);
            assertThat(overflow.iterations()).as("iterations when the first step overflowed (maxIterations = %d)", max)
                .isEqualTo(1);
            assertThat(overflow.root()).as("root(), the iterate that overflowed (maxIterations = %d)", max)
                .isEqualTo(Double.NEGATIVE_INFINITY);
        }

        // x^2 - 2 from x0 = 1: the first step goes to 1 - (-1)/2 = 1.5, exactly 0.5 long, then to 1.41666...
        Function1D f = Cases.named("x^2 - 2");
        NewtonResult atTolerance = NewtonMethod.solve(f, f.derivativeFunction(), 1.0, 0.5, MAX_ITERATIONS);
        assertStatus("x^2 - 2 from x0 = 1 with tolerance 0.5: the first step is exactly 0.5 long, \"at most "
            + "tolerance\"", Status.CONVERGED, atTolerance);
        assertThat(atTolerance.iterations()).as("iterations for x^2 - 2 from x0 = 1 with tolerance 0.5: a step of "
            + "exactly the tolerance stops the method").isEqualTo(1);
        assertThat(atTolerance.root()).as("root() for x^2 - 2 from x0 = 1 with tolerance 0.5").isEqualTo(1.5);

        NewtonResult oneStep = NewtonMethod.solve(f, f.derivativeFunction(), 1.0, TOLERANCE, 1);
        assertStatus("x^2 - 2 from x0 = 1 with maxIterations = 1 (allowed: at least 1)", Status.NOT_CONVERGED,
            oneStep);
        assertThat(oneStep.iterations()).as("iterations for x^2 - 2 with maxIterations = 1").isEqualTo(1);
        assertThat(oneStep.root()).as("root() for x^2 - 2 from x0 = 1 after one step: 1 - (-1)/2").isEqualTo(1.5);
    }

    @Test
    @Graded(task = "1.8", points = 1)
    @DisplayName("1.8 A cycle and a runaway are reported, not looped over: NOT_CONVERGED and DIVERGED")
    void reportsNonConvergence() {
        Function1D cubic = Cases.named("x^3 - 2x + 2");
        NewtonResult cycle = NewtonMethod.solve(cubic, cubic.derivativeFunction(), 0.0, TOLERANCE, 25);
        assertStatus("x^3 - 2x + 2 from x0 = 0 cycles 0, 1, 0, 1, ...: after 25 steps", Status.NOT_CONVERGED,
            cycle);
        assertThat(cycle.iterations()).as("iterations after a cycle of 25 steps").isEqualTo(25);
        assertThat(cycle.converged()).as("converged() after a cycle").isFalse();

        // the cube root: Newton's step from x is -2x, so the iterates are 1, -2, 4, -8, ... and never settle
        DoubleUnaryOperator cbrt = Math::cbrt;
        DoubleUnaryOperator dcbrt = x -> 1 / (3 * Math.cbrt(x) * Math.cbrt(x));
        NewtonResult drift = NewtonMethod.solve(cbrt, dcbrt, 1.0, TOLERANCE, 30);
        assertStatus("cbrt(x) from x0 = 1, iterates (-2)^n: after 30 steps", Status.NOT_CONVERGED, drift);
        assertThat(drift.iterations()).as("iterations for cbrt(x) with maxIterations = 30").isEqualTo(30);
        assertThat(Math.abs(drift.root())).as("|root()|, the last iterate, after 30 steps of cbrt(x)")
            .isCloseTo(Math.pow(2, 30), within(1e-6 * Math.pow(2, 30)));
        NewtonResult runaway = NewtonMethod.solve(cbrt, dcbrt, 1.0, TOLERANCE, 5000);
        assertStatus("cbrt(x) from x0 = 1 until the iterate (-2)^n overflows to infinity, near n = 1024",
            Status.DIVERGED, runaway);
        assertThat(runaway.iterations()).as("iterations when the iterate overflowed").isBetween(1000, 1100);
    }

    @Test
    @Graded(task = "1.8", points = 1)
    @DisplayName("1.8 A zero derivative stops the method with ZERO_DERIVATIVE, before dividing by it")
    void zeroDerivativeIsReported() {
        for (String name : new String[] {"x^2 - 1", "cos(x)"}) {
            Function1D f = Cases.named(name);
            NewtonResult result = NewtonMethod.solve(f, f.derivativeFunction(), 0.0, TOLERANCE, MAX_ITERATIONS);
            assertStatus(name + " from x0 = 0, where f'(0) = 0", Status.ZERO_DERIVATIVE, result);
            assertThat(result.iterations()).as("iterations for %s from x0 = 0: no step can be taken", name)
                .isZero();
            assertThat(result.root()).as("root() for %s: the iterate where the method stopped", name).isZero();
        }
    }

    @Test
    @Graded(task = "1.8", points = 1)
    @DisplayName("1.8 It rejects missing functions, a non-finite start, a bad tolerance and maxIterations < 1")
    void rejectsBadInput() {
        DoubleUnaryOperator f = x -> x * x - 2;
        DoubleUnaryOperator df = x -> 2 * x;
        Expect.throwsIllegalArgument(() -> NewtonMethod.solve(null, df, 1, TOLERANCE, 10),
            "solve(null, df, ...)")
            .hasMessageContaining("f");
        Expect.throwsIllegalArgument(() -> NewtonMethod.solve(f, null, 1, TOLERANCE, 10),
            "solve(f, null, ...)")
            .hasMessageContaining("df");
        Expect.throwsIllegalArgument(() -> NewtonMethod.solve(f, df, Double.NaN, TOLERANCE, 10),
            "solve(f, df, NaN, ...)")
            .hasMessageContaining("x0").hasMessageContaining("NaN");
        for (double tolerance : new double[] {0.0, -1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            Expect.throwsIllegalArgument(() -> NewtonMethod.solve(f, df, 1, tolerance, 10),
                "solve(f, df, 1, tolerance = %s, 10): the message must name tolerance and %s", tolerance,
                    tolerance)
                .hasMessageContaining("tolerance")
                .hasMessageContaining(String.valueOf(tolerance));
        }
        Expect.throwsIllegalArgument(() -> NewtonMethod.solve(f, df, 1, TOLERANCE, 0),
            "solve(f, df, 1, tolerance, maxIterations = 0): the message must name maxIterations and 0")
            .hasMessageContaining("maxIterations")
            .hasMessageContaining("0");
    }

    /** A distance from r within which |x - r| max|g''| <= |g'(r)| / 4, capped at 0.2: Newton's sure ground. */
    private static double safeDistance(Function1D g, double r, double slope) {
        double largestCurvature = 1e-3;
        for (int k = -20; k <= 20; k++) {
            largestCurvature = Math.max(largestCurvature, Math.abs(g.secondDerivative(r + k * 0.01)));
        }
        return Math.min(0.2, slope / (4 * largestCurvature));
    }

    private static void assertStatus(String situation, Status expected, NewtonResult result) {
        assertThat(result.status())
            .withFailMessage(Explain.that("NewtonMethod.solve(...).status()").input(situation)
                .expected(expected).received(result.status()).detail("result", String.valueOf(result))
                .hint(expected == Status.DIVERGED ? "check Double.isFinite on each new iterate, and stop with "
                    + "DIVERGED when it is not" : expected == Status.ZERO_DERIVATIVE ? "check f'(x) == 0 before "
                    + "dividing by it" : "stop after maxIterations steps and report NOT_CONVERGED"))
            .isEqualTo(expected);
    }
}
