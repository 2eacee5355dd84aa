package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;

/** Task 5.7 (bonus): the step size chosen by backtracking until the Armijo condition holds. */
@ExtendWith(TrajectoryPicture.class)
class BacktrackingLineSearchTest {

    /** The worked examples' steps are products of short decimals: exact to a rounding or two. */
    private static final double EXACT = 1e-12;
    /**
     * Slack when this test re-checks the Armijo condition: the code under test may add and multiply in another
     * order, which moves the two sides by a few roundings of |f|.
     */
    private static final double ROUNDING = 1e-12;
    /** How many random fields and points the Armijo test draws. */
    private static final int CASES = 30;
    /** The quadratics are scaled by 10, so their curvatures lie in [5, 255] and the first step t0 = 1 overshoots. */
    private static final double SCALE = 10;
    /**
     * Steps for the quadratics. With the default c = 0.1 every accepted step keeps tλ ≤ 1.8 on the largest
     * curvature and backtracking settles near t = 1/L; measured over 5,000 random quadratics, a few hundred steps
     * reach the tolerance, and 3,000 leave a wide margin.
     */
    private static final int QUADRATIC_STEPS = 3000;
    /** The line-search runs stop here: far from round-off, where every Armijo test is still decided cleanly. */
    private static final double GRADIENT_TOLERANCE = 1e-6;
    /** |x − m| ≤ |∇f| / λ<sub>min</sub> and λ<sub>min</sub> ≥ 5 after scaling: 1e-6 / 5, with room. */
    private static final double POINT_TOLERANCE = 1e-6;
    /** Steps on the Rosenbrock function: enough to follow the valley most of the way to (1, 1). */
    private static final int ROSENBROCK_STEPS = 2000;

    @ParameterizedTest(name = "f = {0} x^2 at x = {1}, t0 = {2}, shrink = {3}, c = {4}: t = {5}")
    @CsvSource({
        // a, x,   t0,  shrink, c,     t
        "1,   1,   1,   0.5,    1e-4,  0.5",     // t = 1 jumps to x = -1, no decrease; t = 0.5 lands on 0
        "1,   3,   1,   0.5,    0.5,   0.5",     // f(0) = 0 <= 9 - 0.5 * 0.5 * 36 = 0: equality passes
        "10,  1,   1,   0.5,    1e-4,  0.0625",  // a steep parabola: four halvings
        "1,   1,   0.1, 0.3,    1e-4,  0.1",     // the first try is short enough: taken as it is
        "1,   1,   4,   0.3,    1e-4,  0.36",    // 4 and 1.2 overshoot, 0.36 passes
    })
    @Graded(task = "5.7", points = 2)
    @DisplayName("5.7 Backtracking takes the first of t0, rho t0, rho^2 t0, ... with sufficient decrease: examples")
    void workedExamples(double a, double x, double t0, double shrink, double c, double expected) {
        Objective f = TestObjectives.parabola(a);
        double[] point = {x};
        double[] g = f.gradient(point);

        double received = new BacktrackingLineSearch(f, t0, shrink, c).stepSize(point, g);

        assertThat(received).withFailMessage(Explain.that("new BacktrackingLineSearch(f, t0, shrink, c).stepSize(x, g)")
                .input("f(x)", a + " x^2", "x", x, "g", g[0], "t0", t0, "shrink", shrink, "c", c)
                .expected(expected).received(received).within(EXACT)
                .hint("accept t when f(x - t g) <= f(x) - c t |g|^2 (with <=, not <), else t = shrink * t"))
            .isCloseTo(expected, within(EXACT));
    }

    @Test
    @Graded(task = "5.7", points = 3)
    @DisplayName("5.7 The step satisfies the Armijo condition and is the longest of its sequence, on random fields")
    void armijoOnRandomFields(TestRandom random) {
        for (int k = 0; k < CASES; k++) {
            int n = random.between(1, 4);
            Objective f = TestObjectives.of(Fields.random(random, n));
            double[] x = random.vector(n, -2, 2);
            double[] g = f.gradient(x);
            double t0 = random.logUniform(0.1, 10);
            double shrink = random.uniform(0.2, 0.8);
            double c = random.uniform(1e-4, 0.5);
            String input = "f = " + f + ", x = " + Arrays.toString(x) + ", t0 = " + t0 + ", shrink = " + shrink
                + ", c = " + c;
            BacktrackingLineSearch search = new BacktrackingLineSearch(f, t0, shrink, c);

            double t = search.stepSize(x, g);

            assertThat(t).as("stepSize for %s: a positive step, since g = %s is not 0", input, Arrays.toString(g))
                .isPositive();
            double tries = Math.log(t / t0) / Math.log(shrink);
            assertThat(Math.abs(tries - Math.rint(tries))).as("stepSize %s for %s must be t0 * shrink^j for a whole "
                + "number j, got j = %s", t, input, tries).isLessThan(1e-6);
            assertThat(armijoGap(f, x, g, t, c)).as("f(x - t g) - (f(x) - c t |g|^2) at the returned t = %s for %s: "
                + "the Armijo condition asks for <= 0", t, input).isLessThanOrEqualTo(ROUNDING * scale(f, x));
            if (Math.rint(tries) >= 1) {
                assertThat(armijoGap(f, x, g, t / shrink, c)).as("the step before it, t / shrink = %s, already "
                    + "satisfied the condition for %s: backtracking must stop at the FIRST step that passes",
                    t / shrink, input).isGreaterThan(-ROUNDING * scale(f, x));
            }
            double[] updated = search.update(x, g);
            assertThat(updated).as("update(x, g) must be x - stepSize(x, g) * g for %s", input)
                .containsExactly(TestObjectives.step(x, g, t), within(EXACT));
        }
        // the sequence has MAX_BACKTRACKS + 1 = 61 tries, t0 to t0 / 2^60: on a * x^2 at x = 1 with c = 0.1, a
        // step passes when t <= 0.9 / a, so with a = 0.6 * 2^60 only the last try passes, and with 4a none does
        double a = 0.6 * 0x1p60;
        double last = new BacktrackingLineSearch(TestObjectives.parabola(a), 1, 0.5, 0.1)
            .stepSize(new double[] {1}, new double[] {2 * a});
        assertThat(last).as("stepSize on %s x^2 at x = 1, t0 = 1, shrink = 0.5, c = 0.1: only the 61st try, "
            + "2^-60, passes; the search tries t0 and then MAX_BACKTRACKS = 60 shorter steps", a)
            .isEqualTo(0x1p-60);
        double none = new BacktrackingLineSearch(TestObjectives.parabola(4 * a), 1, 0.5, 0.1)
            .stepSize(new double[] {1}, new double[] {8 * a});
        assertThat(none).as("stepSize on %s x^2 at x = 1, t0 = 1, shrink = 0.5, c = 0.1: no try passes, and the "
            + "search gives up with 0", 4 * a).isZero();
    }

    @Test
    @Graded(task = "5.7", points = 3)
    @DisplayName("5.7 With the line search every step lowers f, and descent finds the minimum with no rate to tune")
    void descendsWithoutTuning(TestRandom random) {
        for (int k = 0; k < 3; k++) {
            int n = random.between(2, 5);
            double[] minimum = random.vector(n, -2, 2);
            Fields.Field field = Fields.convexQuadratic(random, n, minimum);
            Objective f = scaled(field);
            double[] start = random.vector(n, -3, 3);

            List<double[]> path = descend(new BacktrackingLineSearch(f), f, start, QUADRATIC_STEPS);

            double[] end = path.get(path.size() - 1);
            assertThat(TestObjectives.distance(end, minimum))
                .withFailMessage(Explain.that("the end of " + (path.size() - 1) + " line-search steps")
                    .input("10 x a random convex quadratic in " + n + " variables (curvatures 5 to 255, so a fixed "
                        + "step of 1 would diverge), start " + Arrays.toString(start))
                    .expected(minimum).received(end).within(POINT_TOLERANCE))
                .isLessThanOrEqualTo(POINT_TOLERANCE);
        }
        Objective rosenbrock = TestObjectives.rosenbrock();
        List<double[]> path = descend(new BacktrackingLineSearch(rosenbrock), rosenbrock, new double[] {-1.2, 1},
            ROSENBROCK_STEPS);
        TrajectoryPicture.record("your BacktrackingLineSearch", path);
    }

    @Test
    @Graded(task = "5.7", points = 2)
    @DisplayName("5.7 Bad settings are refused with an IllegalArgumentException naming the parameter and value")
    void badInput() {
        Objective f = TestObjectives.parabola(1);
        Expect.throwsIllegalArgument(() -> new BacktrackingLineSearch(null),
            "f = null")
            .hasMessageContaining("f");
        for (double t0 : new double[] {0.0, -1.0, Double.NaN}) {
            Expect.throwsIllegalArgument(() -> new BacktrackingLineSearch(f, t0, 0.5, 1e-4),
                "initialStep = %s", t0)
                .hasMessageContaining("initialStep").hasMessageContaining(String.valueOf(t0));
        }
        for (double bad : new double[] {0.0, 1.0, 1.5, Double.NaN}) {
            Expect.throwsIllegalArgument(() -> new BacktrackingLineSearch(f, 1, bad, 1e-4),
                "shrink = %s", bad)
                .hasMessageContaining("shrink").hasMessageContaining(String.valueOf(bad));
            Expect.throwsIllegalArgument(() -> new BacktrackingLineSearch(f, 1, 0.5, bad),
                "sufficientDecrease = %s", bad)
                .hasMessageContaining("sufficientDecrease").hasMessageContaining(String.valueOf(bad));
        }
        BacktrackingLineSearch search = new BacktrackingLineSearch(f);
        Expect.throwsIllegalArgument(() -> search.stepSize(new double[] {1, 2}, new double[] {1, 2}),
            "stepSize with x of dimension 2 for a function of 1 variable")
            .hasMessageContaining("x").hasMessageContaining("2");
    }

    /**
     * Runs the update rule, stopping when the gradient is small, and asks at every step that f does not go up:
     * the promise of the Armijo condition.
     */
    private static List<double[]> descend(Optimizer optimizer, Objective f, double[] start, int steps) {
        List<double[]> path = new ArrayList<>();
        double[] x = start.clone();
        path.add(x);
        for (int k = 0; k < steps; k++) {
            double[] g = f.gradient(x);
            if (TestObjectives.norm(g) <= GRADIENT_TOLERANCE) {
                break;
            }
            double[] next = optimizer.update(x, g);
            double before = f.value(x);
            double after = f.value(next);
            assertThat(after).withFailMessage(Explain.that("f after line-search step " + (k + 1))
                    .input("f = " + f + ", from x = " + Arrays.toString(x))
                    .expected("at most f(x) = " + before).received(after + " at " + Arrays.toString(next))
                    .hint("an accepted step must satisfy f(x - t g) <= f(x) - c t |g|^2, so f never goes up"))
                .isLessThanOrEqualTo(before);
            x = next;
            path.add(x);
        }
        return path;
    }

    /** f(x − t g) − (f(x) − c t |g|²): at most 0 when the Armijo condition holds. */
    private static double armijoGap(Objective f, double[] x, double[] g, double t, double c) {
        double squared = Math.pow(TestObjectives.norm(g), 2);
        return f.value(TestObjectives.step(x, g, t)) - (f.value(x) - c * t * squared);
    }

    /** The size of the numbers in the Armijo condition at x, for a slack relative to it. */
    private static double scale(Objective f, double[] x) {
        return Math.max(1, Math.abs(f.value(x)));
    }

    /** SCALE times a field. */
    private static Objective scaled(Fields.Field field) {
        return new Objective() {
            @Override
            public int dimension() {
                return field.dimension();
            }

            @Override
            public double value(double[] x) {
                return SCALE * field.applyAsDouble(x);
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = field.gradient(x);
                for (int i = 0; i < g.length; i++) {
                    g[i] *= SCALE;
                }
                return g;
            }

            @Override
            public String toString() {
                return SCALE + " x (" + field + ")";
            }
        };
    }
}
