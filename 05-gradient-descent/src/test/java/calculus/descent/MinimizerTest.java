package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;

/** Task 5.2: the descent loop, and the three ways it ends. */
class MinimizerTest {

    /** The gradient norm at which the runs stop. */
    private static final double TOLERANCE = 1e-9;
    /**
     * How close to the true minimum m a converged run must be: |x − m| ≤ |∇f(x)| / λ<sub>min</sub>, and the
     * random quadratics have λ<sub>min</sub> ≥ 0.5, so 2 · TOLERANCE, with room for round-off.
     */
    private static final double POINT_TOLERANCE = 1e-7;
    /**
     * Enough for every random quadratic: the rate 1/L shrinks the error by 1 − λ<sub>min</sub>/L ≤ 1 − 0.5/25.5
     * per step (n ≤ 5), so at most about 1,500 steps to gain 11 orders of magnitude.
     */
    private static final int BUDGET = 100_000;
    /** How many random quadratics a test draws. */
    private static final int QUADRATICS = 6;

    /** Plain gradient steps, written here so that these tests do not depend on Task 5.1; counts its calls. */
    private static final class CountingSteps implements Optimizer {
        private final double learningRate;
        private int calls;

        CountingSteps(double learningRate) {
            this.learningRate = learningRate;
        }

        @Override
        public double[] update(double[] x, double[] gradient) {
            calls++;
            return TestObjectives.step(x, gradient, learningRate);
        }
    }

    @Test
    @Graded(task = "5.2", points = 5)
    @DisplayName("5.2 minimize converges to the known minimum of random convex quadratics and reports the run truly")
    void convergesOnRandomQuadratics(TestRandom random) {
        for (int c = 0; c < QUADRATICS; c++) {
            int n = random.between(1, 5);
            double[] minimum = random.vector(n, -2, 2);
            Fields.Field field = Fields.convexQuadratic(random, n, minimum);
            Objective f = TestObjectives.of(field);
            CountingSteps optimizer = new CountingSteps(1 / TestObjectives.curvatureBound(field.hessian(minimum)));
            double[] start = random.vector(n, -3, 3);
            double[] startCopy = start.clone();
            String input = "a random convex quadratic in " + n + " variables with its minimum at "
                + Arrays.toString(minimum) + ", start = " + Arrays.toString(start) + ", plain steps with learning "
                + "rate " + optimizer.learningRate + ", tolerance = " + TOLERANCE + ", maxIterations = " + BUDGET;

            Result result = Minimizer.minimize(f, start, optimizer, TOLERANCE, BUDGET);

            assertThat(result).as("minimize returned null").isNotNull();
            assertThat(result.status())
                .withFailMessage(Explain.that("Minimizer.minimize(...).status()").input(input)
                    .expected(Status.CONVERGED).received(result)
                    .hint("a safe rate on a convex quadratic always converges: is the gradient norm compared with "
                        + "the tolerance (<=), at every iteration, before the budget is checked?"))
                .isEqualTo(Status.CONVERGED);
            assertThat(result.point())
                .withFailMessage(Explain.that("Minimizer.minimize(...).point()").input(input)
                    .expected(minimum).received(result.point()).within(POINT_TOLERANCE))
                .containsExactly(minimum, within(POINT_TOLERANCE));
            List<double[]> path = result.trajectory();
            assertThat(result.iterations())
                .as("iterations must count the updates: the optimizer was called %d times (input: %s)",
                    optimizer.calls, input)
                .isEqualTo(optimizer.calls);
            assertThat(path).as("the trajectory holds the start and one point per update: %d + 1 points for %d "
                + "iterations", result.iterations(), result.iterations()).hasSize(result.iterations() + 1);
            assertThat(path.get(0)).as("the trajectory starts at the start point").containsExactly(startCopy);
            assertThat(path.get(path.size() - 1)).as("the trajectory ends at the result's point")
                .containsExactly(result.point());
            assertThat(result.value()).as("the result's value must be f at the result's point")
                .isCloseTo(field.applyAsDouble(result.point()), within(1e-12));
            double before = TestObjectives.norm(field.gradient(path.get(Math.max(0, path.size() - 2))));
            assertThat(path.size() == 1 || before > TOLERANCE)
                .as("the run must stop at the first point whose gradient norm is <= tolerance, but the gradient "
                    + "norm was already %s one point earlier: is the check made before every update?", before)
                .isTrue();
            assertThat(start).as("minimize changed the caller's start array").containsExactly(startCopy);
        }
    }

    @Test
    @Graded(task = "5.2", points = 4)
    @DisplayName("5.2 A run that is not done after maxIterations updates stops there with MAX_ITERATIONS")
    void stopsAtMaxIterations(TestRandom random) {
        for (int c = 0; c < QUADRATICS; c++) {
            int n = random.between(1, 4);
            double[] minimum = random.vector(n, -1, 1);
            Fields.Field field = Fields.convexQuadratic(random, n, minimum);
            // half the safe rate: every step keeps at least half of the error (1/L would solve a 1-D case at once)
            double eta = 0.5 / TestObjectives.curvatureBound(field.hessian(minimum));
            CountingSteps optimizer = new CountingSteps(eta);
            // start 5 to 6 away: ten such steps leave the gradient far above 1e-9
            double[] start = TestObjectives.step(minimum, random.unitVector(n), -random.uniform(5, 6));
            int budget = random.between(1, 10);

            Result result = Minimizer.minimize(TestObjectives.of(field), start, optimizer, TOLERANCE, budget);

            String input = "maxIterations = " + budget + " on a random quadratic, start " + Arrays.toString(start)
                + " far from the minimum " + Arrays.toString(minimum);
            assertThat(result.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()").input(input)
                    .expected(Status.MAX_ITERATIONS).received(result)).isEqualTo(Status.MAX_ITERATIONS);
            assertThat(result.iterations()).as("iterations for %s", input).isEqualTo(budget);
            assertThat(optimizer.calls).as("the optimizer must be called exactly maxIterations times for %s: an "
                + "off-by-one in the loop?", input).isEqualTo(budget);
            assertThat(result.trajectory()).as("trajectory for %s", input).hasSize(budget + 1);
            for (int k = 0; k < budget; k++) {
                double[] x = result.trajectory().get(k);
                double[] expected = TestObjectives.step(x, field.gradient(x), eta);
                assertThat(result.trajectory().get(k + 1))
                    .withFailMessage(Explain.that("trajectory point " + (k + 1))
                        .input("the update of trajectory point " + k + " = " + Arrays.toString(x))
                        .expected(expected).received(result.trajectory().get(k + 1))
                        .hint("each point must be optimizer.update(x, gradient of f at x) of the point before it: "
                            + "the gradient at the current point, not at the start"))
                    .containsExactly(expected, within(1e-12));
            }
        }
    }

    @Test
    @Graded(task = "5.2", points = 2)
    @DisplayName("5.2 A run converges as soon as the gradient is small: at the start, or on its last allowed update")
    void convergesAsSoonAsTheGradientIsSmall(TestRandom random) {
        int n = random.between(1, 5);
        double[] minimum = random.vector(n, -2, 2);
        Fields.Field field = Fields.convexQuadratic(random, n, minimum);
        CountingSteps optimizer = new CountingSteps(0.01);

        Result result = Minimizer.minimize(TestObjectives.of(field), minimum.clone(), optimizer, TOLERANCE, BUDGET);

        assertThat(result.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()")
                .input("start at the minimum " + Arrays.toString(minimum) + ", where the gradient is 0")
                .expected(Status.CONVERGED).received(result)
                .hint("check the gradient before the first update, not only after it"))
            .isEqualTo(Status.CONVERGED);
        assertThat(result.iterations()).as("iterations when the start is already the minimum").isZero();
        assertThat(optimizer.calls).as("optimizer calls when the start is already the minimum").isZero();
        assertThat(result.trajectory()).as("the trajectory of a run without updates: the start alone").hasSize(1);
        assertThat(result.point()).as("the point of a run without updates").containsExactly(minimum);

        // on a x^2 the rate 1/(2a) lands on the minimum in one step: with a budget of one, that is still CONVERGED
        double a = random.logUniform(0.1, 10);
        double[] start = {random.sign() * random.uniform(1, 2)};
        Result oneStep = Minimizer.minimize(TestObjectives.parabola(a), start, new CountingSteps(0.5 / a), TOLERANCE,
            1);
        assertThat(oneStep.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()")
                .input("f(x) = a x^2 with a = " + a + ", start = " + start[0] + ", learning rate 1/(2a), "
                    + "maxIterations = 1: the only update lands on the minimum")
                .expected(Status.CONVERGED).received(oneStep)
                .hint("check the gradient at the new point before checking the budget: a run whose last allowed "
                    + "update reaches the minimum has converged"))
            .isEqualTo(Status.CONVERGED);
        assertThat(oneStep.iterations()).as("iterations of that run").isEqualTo(1);
    }

    @Test
    @Graded(task = "5.2", points = 1)
    @DisplayName("5.2 The stopping rules at their edges: tolerance 0, the Euclidean norm, a far start, a NaN start")
    void stoppingRulesAtTheirEdges() {
        // on x^2 from 1.5 the rate 0.5 lands on 0 exactly: the gradient is exactly 0, which tolerance 0 accepts
        Result exact = Minimizer.minimize(TestObjectives.parabola(1), new double[] {1.5}, new CountingSteps(0.5), 0.0,
            10);
        assertThat(exact.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()")
                .input("f(x) = x^2, start = 1.5, learning rate 0.5 (one step lands on 0), tolerance = 0")
                .expected(Status.CONVERGED).received(exact)
                .hint("tolerance 0 is allowed and asks for an exactly zero gradient: converged when |g| <= 0"))
            .isEqualTo(Status.CONVERGED);
        assertThat(exact.iterations()).as("iterations of that run: one update reaches the minimum").isEqualTo(1);

        // on x^2 + y^2 the rate 0.25 halves the point: |g| = 2 sqrt(2) / 2^k, that is 2.83, 1.41, 0.71, 0.35, ...
        Objective bowl = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return x[0] * x[0] + x[1] * x[1];
            }

            @Override
            public double[] gradient(double[] x) {
                return new double[] {2 * x[0], 2 * x[1]};
            }
        };
        Result halving = Minimizer.minimize(bowl, new double[] {1, 1}, new CountingSteps(0.25), 0.5, 10);
        assertThat(halving.iterations()).withFailMessage(Explain.that("Minimizer.minimize(...).iterations()")
                .input("f = x^2 + y^2, start = (1, 1), learning rate 0.25, tolerance = 0.5: the gradients are "
                    + "(2, 2), (1, 1), (0.5, 0.5), (0.25, 0.25), with Euclidean norms 2.83, 1.41, 0.71, 0.35")
                .expected(3).received(halving.iterations())
                .hint("the gradient's norm is the Euclidean one, sqrt(g_1^2 + ... + g_n^2): not its largest "
                    + "coordinate, which stops one update early at (0.5, 0.5)"))
            .isEqualTo(3);

        // far from the minimum f(x0) = 4e6: the divergence limit is relative to it, so a good run is not stopped
        Result far = Minimizer.minimize(TestObjectives.parabola(1), new double[] {2000}, new CountingSteps(0.1),
            TOLERANCE, BUDGET);
        assertThat(far.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()")
                .input("f(x) = x^2, start = 2000 (f = 4e6), learning rate 0.1: every update multiplies x by 0.8")
                .expected(Status.CONVERGED).received(far)
                .hint("the run diverges when |f| > DIVERGENCE_RATIO * max(1, |f(start)|): relative to the start's "
                    + "value, so that a far start is not mistaken for a blow-up"))
            .isEqualTo(Status.CONVERGED);

        // a start that is not a number: there is nothing to descend from
        Result nan = Minimizer.minimize(TestObjectives.parabola(1), new double[] {Double.NaN}, new CountingSteps(0.1),
            TOLERANCE, 10);
        assertThat(nan).as("minimize from a NaN start returned null").isNotNull();
        assertThat(nan.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()")
                .input("f(x) = x^2, start = NaN").expected(Status.DIVERGED).received(nan)
                .hint("the gradient at the start is already NaN: DIVERGED before any update"))
            .isEqualTo(Status.DIVERGED);
        assertThat(nan.iterations()).as("iterations from a NaN start").isZero();
        assertThat(nan.trajectory()).as("the trajectory from a NaN start: the start alone").hasSize(1);
    }

    /** Five ways a run blows up. */
    enum Blowup {
        /** A learning rate beyond 2/λ<sub>max</sub>: the values grow geometrically. */
        RATE_TOO_LARGE,
        /** The optimizer returns NaN. */
        OPTIMIZER_RETURNS_NAN,
        /** A step lands outside the function's domain, where f is NaN. */
        STEP_LEAVES_THE_DOMAIN,
        /** The gradient is NaN at the start. */
        GRADIENT_IS_NAN,
        /** The iterate overflows to −∞, where f = atan stays finite and its gradient is 0. */
        ITERATE_OVERFLOWS
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Blowup.class)
    @Graded(task = "5.2", points = 5)
    @DisplayName("5.2 A run that blows up ends with DIVERGED, never with an exception or an endless loop")
    void divergesWithoutException(Blowup blowup, TestRandom random) {
        Objective f;
        Optimizer optimizer;
        double[] start;
        int expectedIterations;
        switch (blowup) {
            case RATE_TOO_LARGE -> {
                int n = random.between(1, 4);
                Fields.Field field = Fields.convexQuadratic(random, n, random.vector(n, -1, 1));
                double[][] hessian = field.hessian(new double[n]);
                // trace / n <= largest eigenvalue, so this rate is at least 2.5 / lambda_max: |1 - eta lambda| >= 1.5
                f = TestObjectives.of(field);
                optimizer = new CountingSteps(2.5 * n / TestObjectives.trace(hessian));
                start = random.vector(n, -3, 3);
                expectedIterations = -1;
            }
            case OPTIMIZER_RETURNS_NAN -> {
                f = TestObjectives.parabola(1);
                optimizer = (x, g) -> new double[] {Double.NaN};
                start = new double[] {random.uniform(1, 2)};
                expectedIterations = 1;
            }
            case STEP_LEAVES_THE_DOMAIN -> {
                // f(x) = x^2 - ln x lives on x > 0; from 3, one step of rate 1 lands near -2.7, where ln is NaN
                f = new Objective() {
                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public double value(double[] x) {
                        return x[0] * x[0] - Math.log(x[0]);
                    }

                    @Override
                    public double[] gradient(double[] x) {
                        return new double[] {2 * x[0] - 1 / x[0]};
                    }
                };
                optimizer = new CountingSteps(1.0);
                start = new double[] {3.0};
                expectedIterations = 1;
            }
            case ITERATE_OVERFLOWS -> {
                // atan(-Infinity) = -pi/2 is finite and the slope 1/(1 + x^2) there is 0: only x shows the blow-up
                f = new Objective() {
                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public double value(double[] x) {
                        return Math.atan(x[0]);
                    }

                    @Override
                    public double[] gradient(double[] x) {
                        return new double[] {1 / (1 + x[0] * x[0])};
                    }
                };
                optimizer = (x, g) -> new double[] {Double.NEGATIVE_INFINITY};
                start = new double[] {random.uniform(1, 2)};
                expectedIterations = 1;
            }
            default -> {
                f = new Objective() {
                    @Override
                    public int dimension() {
                        return 2;
                    }

                    @Override
                    public double value(double[] x) {
                        return x[0] * x[0] + x[1] * x[1];
                    }

                    @Override
                    public double[] gradient(double[] x) {
                        return new double[] {Double.NaN, 2 * x[1]};
                    }
                };
                optimizer = new CountingSteps(0.1);
                start = random.vector(2, 1, 2);
                expectedIterations = 0;
            }
        }

        // no budget to run out of: only the divergence check can end these runs
        Result result = Minimizer.minimize(f, start, optimizer, TOLERANCE, Integer.MAX_VALUE);

        assertThat(result.status()).withFailMessage(Explain.that("Minimizer.minimize(...).status()")
                .input(blowup + ", start = " + Arrays.toString(start) + ", maxIterations = Integer.MAX_VALUE")
                .expected(Status.DIVERGED).received(result)
                .hint("after every update, check the new point and its value: not finite, or |f| beyond "
                    + "DIVERGENCE_RATIO * max(1, |f(start)|), ends the run with DIVERGED; a non-finite gradient too"))
            .isEqualTo(Status.DIVERGED);
        if (expectedIterations >= 0) {
            assertThat(result.iterations()).as("%s: the run must stop at the first non-finite number, after %d "
                + "updates", blowup, expectedIterations).isEqualTo(expectedIterations);
        } else {
            double limit = Minimizer.DIVERGENCE_RATIO * Math.max(1, Math.abs(f.value(start)));
            List<double[]> path = result.trajectory();
            for (int k = 0; k < path.size() - 1; k++) {
                double v = f.value(path.get(k));
                assertThat(Math.abs(v)).as("the run went on past |f| = %s at iteration %d, beyond the limit "
                    + "DIVERGENCE_RATIO * max(1, |f(start)|) = %s: check the value after every update, not only for "
                    + "NaN and infinity", v, k, limit).isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    @Graded(task = "5.2", points = 3)
    @DisplayName("5.2 Bad arguments are refused with an IllegalArgumentException that names the parameter and value")
    void badInput() {
        Objective f = TestObjectives.parabola(1);
        Optimizer plain = new CountingSteps(0.1);
        double[] start = {1.0};
        Expect.throwsIllegalArgument(() -> Minimizer.minimize(null, start, plain, TOLERANCE, 10),
            "f = null")
            .hasMessageContaining("f");
        Expect.throwsIllegalArgument(() -> Minimizer.minimize(f, null, plain, TOLERANCE, 10),
            "start = null")
            .hasMessageContaining("start");
        Expect.throwsIllegalArgument(() -> Minimizer.minimize(f, start, null, TOLERANCE, 10),
            "optimizer = null")
            .hasMessageContaining("optimizer");
        Expect.throwsIllegalArgument(() -> Minimizer.minimize(f, new double[] {1, 2}, plain, TOLERANCE, 10),
            "a start of dimension 2 for a function of 1 variable")
            .hasMessageContaining("start").hasMessageContaining("2");
        for (double tolerance : new double[] {-1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            Expect.throwsIllegalArgument(() -> Minimizer.minimize(f, start, plain, tolerance, 10),
                "tolerance = %s", tolerance)
                .hasMessageContaining("tolerance").hasMessageContaining(String.valueOf(tolerance));
        }
        for (int max : new int[] {0, -5}) {
            Expect.throwsIllegalArgument(() -> Minimizer.minimize(f, start, plain, TOLERANCE, max),
                "maxIterations = %s", max)
                .hasMessageContaining("maxIterations").hasMessageContaining(String.valueOf(max));
        }
    }
}
