package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;

/**
 * The instructors' hidden tests of module 5, part 1: the step, the loop, the regression loss and stochastic
 * descent, in other regimes than the visible tests (a thousand coordinates, NaN passing through, values of 1e-120
 * and 1e120, twenty features, a batch of every example) and with other properties (the exact divergence rule,
 * a loss that keeps its own copy of the data, full-batch SGD that is plain descent).
 */
@Hidden
@DisplayName("Module 5, hidden tests: the step, the loop, the loss, SGD")
class DescentHiddenTest {

    // ---------------------------------------------------------------------------------------------------------
    // 5.1

    /** One multiplication and one subtraction per coordinate, rounded once each: 1e-15 relative with room. */
    private static final double STEP = 1e-15;

    @Test
    @Graded(task = "5.1", points = 1)
    @DisplayName("5.1 A step checks shapes, not numbers: 1000 coordinates, rates 1e-6 to 1e3, NaN passes through")
    void stepInManyDimensionsAndWithNaN(TestRandom random) {
        for (int c = 0; c < 5; c++) {
            int n = 1000;
            double[] x = random.vector(n, -10, 10);
            double[] g = random.vector(n, -10, 10);
            double eta = random.logUniform(1e-6, 1e3);
            double[] expected = TestObjectives.step(x, g, eta);
            GradientDescent optimizer = new GradientDescent(eta);
            double[] received = optimizer.update(x, g);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(received[i] - expected[i])
                    / Math.max(1, Math.abs(x[i]) + Math.abs(eta * g[i])));
            }
            assertThat(worst)
                .withFailMessage(Explain.that("new GradientDescent(eta).update(x, g) in " + n + " dimensions")
                    .input("eta", eta).expected(expected).received(received).withinRelative(STEP)
                    .hint("x[i] - eta * g[i] for every i, with the learning rate given to the constructor"))
                .isLessThanOrEqualTo(STEP);
            assertThat(optimizer.learningRate()).as("learningRate() of new GradientDescent(%s)", eta).isEqualTo(eta);
        }
        // the loop, not the step, decides what to do with numbers that are not finite
        double[] x = {1.0, 2.0, Double.NaN, 4.0};
        double[] g = {Double.NaN, Double.POSITIVE_INFINITY, 1.0, 0.0};
        double[] received = GradientDescent.step(x, g, 0.5);
        double[] expected = {Double.NaN, Double.NEGATIVE_INFINITY, Double.NaN, 4.0};
        assertThat(received)
            .withFailMessage(Explain.that("GradientDescent.step(x, g, 0.5)").input("x", x, "g", g)
                .expected(expected).received(received)
                .hint("the Javadoc: the step does no check of the numbers themselves, NaN and infinities pass "
                    + "through, so that the loop sees the run diverge. Check only null, lengths and the rate"))
            .containsExactly(expected);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5.2

    /** Budgets that never run out in these runs: only the rules under test can end them. */
    private static final int NO_BUDGET = Integer.MAX_VALUE;
    /** On a x^2 with rate 1/(4a) every step halves x: 31 steps take |x| from 2 to about 1e-9. */
    private static final double CONVERGED_X = 1e-9;

    @Test
    @Graded(task = "5.2", points = 2)
    @DisplayName("5.2 The divergence limit is 1e12 max(1, |f(start)|), from f(start) = 1e-120 as from 1e120")
    void divergenceLimitAtExtremeScales(TestRandom random) {
        for (int c = 0; c < 4; c++) {
            // tiny values: from f(start) = 1e-120 the limit is still 1e12 * max(1, 1e-120) = 1e12
            double[] tiny = {random.sign() * 1e-60 * random.uniform(1, 2)};
            double rate = random.uniform(1.2, 1.4);
            int expected = iterationsUntilTheLimit(tiny[0], rate);
            // tolerance 0: the gradient 2x is never exactly 0 here, so only the divergence check can end the run
            Result slow = Minimizer.minimize(TestObjectives.parabola(1), tiny, plain(rate), 0.0, NO_BUDGET);
            String input = "f(x) = x^2 from x = " + tiny[0] + " (f = " + tiny[0] * tiny[0] + ") with rate " + rate
                + ": every step multiplies x by 1 - 2 * rate, about -1.5, and f by about 2.25";
            assertThat(slow.status())
                .withFailMessage(Explain.that("Minimizer.minimize(...).status()").input(input)
                    .expected(Status.DIVERGED).received(slow))
                .isEqualTo(Status.DIVERGED);
            assertThat(slow.iterations())
                .withFailMessage(Explain.that("Minimizer.minimize(...).iterations()").input(input)
                    .expected((double) expected).received(slow.iterations())
                    .hint("the run ends after the first update whose |f| exceeds DIVERGENCE_RATIO * max(1, "
                        + "|f(start)|) = 1e12 here: not 1e12 * |f(start)| (far too early), and not only at infinity "
                        + "(far too late)"))
                .isEqualTo(expected);
            assertThat(slow.trajectory()).as("the trajectory of that run: start plus one point per update")
                .hasSize(expected + 1);

            // huge values: the limit is relative to |f(start)|, so a run at 1e60 to 1e120 that halves x converges
            double huge = Math.pow(10, random.uniform(60, 120));
            double[] far = {random.sign() * random.uniform(1, 2)};
            double tolerance = 2 * huge * CONVERGED_X;
            Result big = Minimizer.minimize(TestObjectives.parabola(huge), far, plain(0.25 / huge), tolerance, 1000);
            assertThat(big.status())
                .withFailMessage(Explain.that("Minimizer.minimize(a x^2, start, rate 1/(4a), ...).status()")
                    .input("a", huge, "start", far, "tolerance", tolerance).expected(Status.CONVERGED).received(big)
                    .hint("f(start) is about " + huge + " and every step lowers it: the divergence limit is "
                        + "DIVERGENCE_RATIO * max(1, |f(start)|), relative to where the run began, not a fixed 1e12"))
                .isEqualTo(Status.CONVERGED);
            assertThat(Math.abs(big.point()[0])).as("|x| where that run stopped, about 1e-9 or less")
                .isLessThanOrEqualTo(2 * CONVERGED_X);
        }
    }

    /** Plain gradient steps, written here so that the loop's tests do not depend on Task 5.1. */
    private static Optimizer plain(double rate) {
        return (x, g) -> TestObjectives.step(x, g, rate);
    }

    /** The update after which x^2 first exceeds 1e12 * max(1, x0^2), with the same arithmetic as the run. */
    private static int iterationsUntilTheLimit(double x0, double rate) {
        Objective f = TestObjectives.parabola(1);
        double limit = Minimizer.DIVERGENCE_RATIO * Math.max(1, f.value(new double[] {x0}));
        double[] x = {x0};
        for (int k = 1; ; k++) {
            x = TestObjectives.step(x, f.gradient(x), rate);
            if (Math.abs(f.value(x)) > limit) {
                return k;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5.4

    /**
     * The least-squares solution of the normal equations in up to 21 unknowns (features uniform in [-2, 2], far
     * from collinear) is accurate to ~1e-13, so the gradient there is ~1e-13: 1e-9 is generous. The gradient at a
     * random theta, against the test's own sum: a few roundings per term, 1e-12 relative to its scale.
     */
    private static final double AT_THE_FIT = 1e-9;
    private static final double SAME_SUM = 1e-12;

    @Test
    @Graded(task = "5.4", points = 2)
    @DisplayName("5.4 The loss copies its data row by row; in 10 to 20 features its gradient vanishes at the fit")
    void keepsItsDataAndVanishesAtTheFit(TestRandom random) {
        for (int c = 0; c < 3; c++) {
            int k = random.between(10, 20);
            Datasets.Regression data = Datasets.linear(random, random.between(60, 150), random.vector(k, -2, 2),
                random.uniform(-1, 1), 0.5);
            double[][] x = data.x();
            double[] y = data.y();
            double[][] xCopy = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                xCopy[i] = x[i].clone();
            }
            double[] yCopy = y.clone();
            LinearRegression loss = new LinearRegression(x, y);
            // the caller reuses its arrays: the rows' contents, and the targets, change
            for (int i = 0; i < x.length; i++) {
                Arrays.fill(x[i], 100.0);
                y[i] = -100.0;
            }
            double[] best = LeastSquares.solve(xCopy, yCopy);
            double[] atBest = loss.gradient(best);
            String input = x.length + " examples with " + k + " features (the caller then overwrote its arrays)";
            String hint = "the constructor must copy x row by row (x.clone() copies only the outer array: the rows "
                + "are still the caller's) and y; at the least-squares fit the gradient is 0";
            assertThat(TestObjectives.norm(atBest))
                .withFailMessage(Explain.that("|LinearRegression.gradient(theta*)| at the least-squares fit theta*")
                    .input(input).expected(0.0).received(TestObjectives.norm(atBest)).within(AT_THE_FIT)
                    .hint(hint))
                .isLessThanOrEqualTo(AT_THE_FIT);
            double[] theta = random.vector(k + 1, -2, 2);
            double[] expected = ownGradient(xCopy, yCopy, theta);
            double[] received = loss.gradient(theta);
            double scale = Math.max(1, TestObjectives.norm(expected));
            assertThat(TestObjectives.distance(expected, received))
                .withFailMessage(Explain.that("LinearRegression.gradient(theta)").input(input)
                    .expected(expected).received(received).within(SAME_SUM * scale).hint(hint))
                .isLessThanOrEqualTo(SAME_SUM * scale);
        }
    }

    /** (2/n) sum_i r_i (x_i, 1), the test's own. */
    private static double[] ownGradient(double[][] x, double[] y, double[] theta) {
        int k = x[0].length;
        double[] g = new double[k + 1];
        for (int i = 0; i < y.length; i++) {
            double r = theta[k] - y[i];
            for (int j = 0; j < k; j++) {
                r += theta[j] * x[i][j];
            }
            for (int j = 0; j < k; j++) {
                g[j] += 2 * r * x[i][j] / y.length;
            }
            g[k] += 2 * r / y.length;
        }
        return g;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5.5

    /**
     * A batch of every example is plain descent whatever the shuffle: the batch's mean gradient differs from the
     * full gradient only by the order of the sum, ~1e-16 relative per step, over at most 10 steps: 1e-12.
     */
    private static final double FULL_BATCH = 1e-12;

    @Test
    @Graded(task = "5.5", points = 2)
    @DisplayName("5.5 With a batch of every example, SGD is plain descent: one step per epoch, the same points")
    void fullBatchIsPlainDescent(TestRandom random) {
        for (int c = 0; c < 5; c++) {
            int n = random.between(5, 40);
            int d = random.between(1, 4);
            int epochs = random.between(3, 10);
            double eta = random.uniform(0.05, 0.4);
            TestObjectives.Centres objective = new TestObjectives.Centres(random.matrix(n, d, -2, 2));
            double[] start = random.vector(d, -3, 3);

            Result result = new StochasticGradientDescent(eta, n, epochs).fit(objective, start, random.split());

            String input = n + " examples, batchSize = " + n + ", epochs = " + epochs + ", learningRate = " + eta;
            assertThat(result.iterations()).as("iterations for %s: one step per epoch", input).isEqualTo(epochs);
            assertThat(result.status()).as("status for %s: every epoch run", input)
                .isEqualTo(Status.MAX_ITERATIONS);
            List<double[]> path = result.trajectory();
            assertThat(path).as("the trajectory for %s: the start and one point per epoch", input)
                .hasSize(epochs + 1);
            double[] theta = start.clone();
            for (int e = 1; e <= epochs; e++) {
                theta = TestObjectives.step(theta, objective.gradient(theta), eta);
                assertThat(path.get(e))
                    .withFailMessage(Explain.that("StochasticGradientDescent.fit(...).trajectory().get(" + e + ")")
                        .input(input).expected(theta).received(path.get(e)).within(FULL_BATCH)
                        .hint("a batch of every example is the full gradient: each epoch must be exactly one plain "
                            + "step theta - eta * batchGradient(theta, batch), and the trajectory keeps the "
                            + "parameters after each epoch"))
                    .containsExactly(theta, within(FULL_BATCH));
            }
            assertThat(result.value()).as("the value for %s: the full loss at the last point", input)
                .isCloseTo(objective.value(theta), within(FULL_BATCH * Math.max(1, objective.value(theta))));
        }
    }
}
