package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;

/**
 * The instructors' hidden tests of module 5, part 2: the optimizers with memory and the line search, over long runs
 * and at their edges (40 steps, a constant gradient, gradients scaled by 1e-2 to 1e3, a zero gradient, an uphill
 * direction). Their messages are withheld: students see the name and the points only.
 */
@Hidden(showMessage = false)
@DisplayName("Module 5, hidden tests: momentum, Adam, line search")
class OptimizersHiddenTest {

    // ---------------------------------------------------------------------------------------------------------
    // 5.6, momentum

    /**
     * Momentum against the test's own recurrence v = beta v + g, x = x - eta v over 40 steps: the same few
     * operations per step, so agreement to 1e-12 relative to the size of the numbers. Under a constant gradient
     * the velocity after k steps is g (1 - beta^k) / (1 - beta), in closed form: 40 roundings, 1e-12 relative.
     */
    private static final double RECURRENCE = 1e-12;
    private static final double CONSTANT = 1e-12;
    private static final int STEPS = 40;

    @Test
    @Graded(task = "5.6", points = 2)
    @DisplayName("5.6 Momentum over 40 steps follows v = beta v + g; a constant g builds g (1 - beta^k)/(1 - beta)")
    void momentumOverManySteps(TestRandom random) {
        for (int c = 0; c < 5; c++) {
            int n = random.between(1, 5);
            double eta = random.logUniform(1e-3, 1);
            double beta = random.uniform(0.5, 0.95);
            String settings = "Momentum(" + eta + ", " + beta + ")";

            // gradients that change from step to step, often in sign: the terms of the velocity partly cancel
            Momentum momentum = new Momentum(eta, beta);
            double[] x = random.vector(n, -2, 2);
            double[] own = x.clone();
            double[] velocity = new double[n];
            for (int k = 0; k < STEPS; k++) {
                double[] g = random.vector(n, -5, 5);
                for (int i = 0; i < n; i++) {
                    velocity[i] = beta * velocity[i] + g[i];
                    own[i] -= eta * velocity[i];
                }
                double[] before = x;
                double[] received = momentum.update(before, g);
                double[] expected = own.clone();
                double tolerance = RECURRENCE
                    * (1 + TestObjectives.norm(expected) + eta * TestObjectives.norm(velocity) / (1 - beta));
                int step = k + 1;
                // the message is built only if the assertion fails: 40 steps of formatting would cost more than
                // the test
                assertThat(received)
                    .withFailMessage(() -> Explain.that(settings + ".update(x, g), step " + step)
                        .input("x", before, "g", g).expected(expected).received(received).within(tolerance)
                        .hint("keep the velocity between calls: v = beta v + g (the whole gradient, not (1 - beta) "
                            + "g), then x - eta v").get())
                    .containsExactly(expected, within(tolerance));
                x = received;
            }

            // a constant gradient: the velocity builds up towards g / (1 - beta)
            Momentum heavy = new Momentum(eta, beta);
            double[] start = random.vector(n, -2, 2);
            double[] g = random.vector(n, -2, 2);
            double[] point = start;
            double sum = 0;
            for (int k = 1; k <= STEPS; k++) {
                point = heavy.update(point, g);
                sum += (1 - Math.pow(beta, k)) / (1 - beta);
            }
            double[] expected = TestObjectives.step(start, g, eta * sum);
            double scale = 1 + TestObjectives.norm(start) + eta * sum * TestObjectives.norm(g);
            assertThat(point)
                .withFailMessage(Explain.that(settings + " after " + STEPS + " updates with the same gradient")
                    .input("start", start, "g", g).expected(expected).received(point).within(CONSTANT * scale)
                    .hint("v_k = beta v_(k-1) + g sums to g (1 - beta^k) / (1 - beta), heading for g / (1 - beta)"))
                .containsExactly(expected, within(CONSTANT * scale));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5.6, Adam

    /**
     * Adam against the test's own implementation of the formulas in its Javadoc, over 40 steps: the only freedom
     * is where epsilon goes (the paper's "efficient" form divides by sqrt(v) + epsilon sqrt(1 - beta2^t)), which
     * moves a step by at most epsilon / sqrt(v^) ~ 1e-8 / 0.5 = 2e-8 of eta. So 1e-6 eta per step. Gradients
     * scaled by c in [1e-2, 1e3] change the steps by at most epsilon / (c |g|) <= 2e-6 of eta: 1e-5 eta per step.
     */
    private static final double ADAM_ORACLE = 1e-6;
    private static final double ADAM_SCALE = 1e-5;

    @Test
    @Graded(task = "5.6", points = 2)
    @DisplayName("5.6 Adam follows its formulas over 40 steps, and gradients scaled by 1e-2 to 1e3 change nothing")
    void adamOverManySteps(TestRandom random) {
        for (int c = 0; c < 5; c++) {
            int n = random.between(1, 5);
            double eta = random.logUniform(1e-3, 0.1);
            double beta1 = random.uniform(0.5, 0.95);
            double beta2 = random.uniform(0.9, 0.9999);
            double epsilon = Adam.DEFAULT_EPSILON;
            double scale = Math.pow(10, random.uniform(-2, 3));
            double[][] gradients = new double[STEPS][n];
            for (int k = 0; k < STEPS; k++) {
                for (int i = 0; i < n; i++) {
                    gradients[k][i] = random.sign() * random.logUniform(0.5, 5);
                }
            }
            double[] start = random.vector(n, -2, 2);
            double[][] expected = ownAdam(start, gradients, eta, beta1, beta2, epsilon);
            Adam adam = new Adam(eta, beta1, beta2, epsilon);
            Adam scaled = new Adam(eta, beta1, beta2, epsilon);
            double[] x = start;
            double[] xScaled = start;
            String settings = "Adam(" + eta + ", " + beta1 + ", " + beta2 + ", " + epsilon + ")";
            for (int k = 0; k < STEPS; k++) {
                x = adam.update(x, gradients[k]);
                double[] g = gradients[k].clone();
                for (int i = 0; i < n; i++) {
                    g[i] *= scale;
                }
                xScaled = scaled.update(xScaled, g);
                int step = k + 1;
                double[] point = x;
                double[] scaledPoint = xScaled;
                double oracle = ADAM_ORACLE * eta * step;
                // the messages are built only if an assertion fails
                assertThat(point)
                    .withFailMessage(() -> Explain.that(settings + ", the point after update " + step)
                        .input("start", start, "gradients so far",
                            Arrays.deepToString(Arrays.copyOf(gradients, step)))
                        .expected(expected[step - 1]).received(point).within(oracle)
                        .hint("m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2, then x - eta m^ / (sqrt(v^) "
                            + "+ epsilon) with m^ = m / (1 - beta1^t), v^ = v / (1 - beta2^t) and t counting every "
                            + "update of this object").get())
                    .containsExactly(expected[step - 1], within(oracle));
                double invariance = ADAM_SCALE * eta * step;
                assertThat(scaledPoint)
                    .withFailMessage(() -> Explain.that(settings + " on every gradient times " + scale + ", update "
                            + step).input("start", start).expected(point).received(scaledPoint).within(invariance)
                        .hint("m^ scales with the gradients and sqrt(v^) with them too: their ratio, and so every "
                            + "step, does not depend on the gradients' scale (but for epsilon)").get())
                    .containsExactly(point, within(invariance));
            }
        }
    }

    /** The points of Adam's run on the given gradients, written from the formulas of its Javadoc. */
    private static double[][] ownAdam(double[] start, double[][] gradients, double eta, double beta1, double beta2,
                                      double epsilon) {
        int n = start.length;
        double[] m = new double[n];
        double[] v = new double[n];
        double[] x = start.clone();
        double[][] points = new double[gradients.length][];
        for (int t = 1; t <= gradients.length; t++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double g = gradients[t - 1][i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                next[i] = x[i] - eta * mHat / (Math.sqrt(vHat) + epsilon);
            }
            x = next;
            points[t - 1] = x;
        }
        return points;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5.7

    /**
     * Going uphill along the gradient of a convex quadratic, f(x + t g) >= f(x) + t |g|^2, which never meets
     * f(x) - c t |g|^2. With shrink 0.9 the smallest step tried is 0.9^60 t0 ~ 2e-3 t0, where that gap, at least
     * 2e-3 |g|^2 t0, is far above round-off: so none of the tries passes, and the answer is exactly 0.
     */
    private static final double SLOW_SHRINK = 0.9;

    @Test
    @Graded(task = "5.7", points = 2)
    @DisplayName("5.7 A zero gradient takes t0; an uphill 'gradient' finds no step: 0, and update returns a copy of x")
    void lineSearchAtItsEdges(TestRandom random) {
        for (int c = 0; c < 10; c++) {
            int n = random.between(1, 5);
            double[] minimum = random.vector(n, -1, 1);
            Fields.Field field = Fields.convexQuadratic(random, n, minimum);
            Objective f = TestObjectives.of(field);
            double t0 = random.logUniform(0.1, 10);
            double c1 = random.uniform(1e-4, 0.5);
            BacktrackingLineSearch search = new BacktrackingLineSearch(f, t0, SLOW_SHRINK, c1);
            String settings = "new BacktrackingLineSearch(f, " + t0 + ", " + SLOW_SHRINK + ", " + c1 + ")";
            double[] x = random.vector(n, -2, 2);
            double[] xBefore = x.clone();

            double[] zero = new double[n];
            double atRest = search.stepSize(x, zero);
            assertThat(atRest)
                .withFailMessage(Explain.that(settings + ".stepSize(x, 0)").input("x", x).expected(t0)
                    .received(atRest)
                    .hint("with g = 0 the Armijo condition reads f(x) <= f(x): it holds with equality at the first "
                        + "try, so the step is t0 (the Javadoc). Compare with <=, not <"))
                .isEqualTo(t0);
            double[] stay = search.update(x, zero);
            assertThat(stay).as("%s.update(x, 0): the point must not move", settings).containsExactly(xBefore);
            assertThat(stay).as("%s.update(x, 0) must return a new array, not x itself", settings).isNotSameAs(x);

            double[] uphill = field.gradient(x);
            for (int i = 0; i < n; i++) {
                uphill[i] = -uphill[i];
            }
            double none = search.stepSize(x, uphill);
            assertThat(none)
                .withFailMessage(Explain.that(settings + ".stepSize(x, -grad f(x))").input("x", x, "the wrong "
                        + "gradient", uphill).expected(0.0).received(none)
                    .hint("-g points uphill here, so no step lowers f: after MAX_BACKTRACKS halvings (here "
                        + "shrinkings by 0.9) the search gives up and returns 0, as the Javadoc says"))
                .isEqualTo(0.0);
            double[] copy = search.update(x, uphill);
            assertThat(copy).as("%s.update(x, -grad f(x)) when no step passes: x itself, as a copy", settings)
                .containsExactly(xBefore);
            assertThat(copy).as("%s.update(x, -grad f(x)) must return a copy of x, not x itself", settings)
                .isNotSameAs(x);
            assertThat(x).as("the caller's x after stepSize and update").containsExactly(xBefore);
        }
    }
}
