package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;

/** Task 5.5: stochastic and mini-batch gradient descent over shuffled epochs. */
class StochasticGradientDescentTest {

    /**
     * On data that a line fits exactly every example's gradient vanishes at the fit, so mini-batch descent converges
     * like full descent and can match the closed form to the 1e-6 of Task 5.4.
     */
    private static final double EXACT_FIT_TOLERANCE = 1e-6;
    /**
     * Enough epochs for the slowest case, the full batch: the rate 1/(largest curvature of one example) is about
     * 1/20 on these data, so each epoch (one step) shrinks the error by about 1 − 2/20 and 600 epochs gain
     * some 25 orders of magnitude, many more than needed.
     */
    private static final int EXACT_FIT_EPOCHS = 600;
    /**
     * With noise 0.3 on the targets the batch gradients stay noisy at the fit: at a fixed rate 0.01 and batches of
     * 8 the parameters wander around the least-squares solution with a spread of about sqrt(eta · variance of one
     * example's gradient / (2 · batch · curvature)) ≈ sqrt(0.01 · 0.5 / (2 · 8 · 2)) ≈ 0.01; 0.05 is five times that.
     */
    private static final double NOISY_FIT_TOLERANCE = 0.05;
    /** The noisy fit's rate, batch size and epochs (see NOISY_FIT_TOLERANCE). */
    private static final double NOISY_RATE = 0.01;
    private static final int NOISY_BATCH = 8;
    private static final int NOISY_EPOCHS = 200;

    @Test
    @Graded(task = "5.5", points = 4)
    @DisplayName("5.5 Every epoch shuffles anew and steps once per batch, using every example exactly once")
    void everyEpochUsesEveryExampleOnce(TestRandom random) {
        int n = random.between(10, 40);
        int batchSize = random.between(2, n / 2);
        int epochs = random.between(3, 5);
        double eta = 0.05;
        TestObjectives.Centres objective = new TestObjectives.Centres(random.matrix(n, 2, -2, 2));
        double[] start = random.vector(2, -1, 1);
        String settings = "n = " + n + " examples, batchSize = " + batchSize + ", epochs = " + epochs;

        Result result = new StochasticGradientDescent(eta, batchSize, epochs).fit(objective, start, random.split());

        int perEpoch = (n + batchSize - 1) / batchSize;
        List<int[]> batches = objective.batches;
        assertThat(batches).as("the number of batch gradients asked for (%s): ceil(n / batchSize) = %d per epoch",
            settings, perEpoch).hasSize(epochs * perEpoch);
        assertThat(result.iterations()).as("iterations: one per step (%s)", settings).isEqualTo(epochs * perEpoch);
        List<List<Integer>> orders = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            List<Integer> order = new ArrayList<>();
            for (int b = 0; b < perEpoch; b++) {
                int[] batch = batches.get(e * perEpoch + b);
                int expectedSize = b < perEpoch - 1 ? batchSize : n - batchSize * (perEpoch - 1);
                assertThat(batch).as("epoch %d, batch %d (%s): full batches first, the rest in the last one", e, b,
                    settings).hasSize(expectedSize);
                for (int i : batch) {
                    order.add(i);
                }
            }
            assertThat(order).as("the examples used in epoch %d (%s): each of 0..%d exactly once", e, settings,
                n - 1).containsExactlyInAnyOrderElementsOf(range(n));
            orders.add(order);
        }
        assertThat(orders.get(0)).as("epoch 0 used the examples in their original order: shuffle before every "
            + "epoch (%s)", settings).isNotEqualTo(range(n));
        assertThat(orders.get(1)).as("epochs 0 and 1 used the same order: shuffle anew at every epoch, do not "
            + "reuse one shuffle (%s)", settings).isNotEqualTo(orders.get(0));

        // replay the steps: each must be theta - eta * (mean gradient over its batch)
        double[] theta = start.clone();
        for (int[] batch : batches) {
            theta = TestObjectives.step(theta, objective.meanGradient(theta, batch), eta);
        }
        assertThat(result.point()).withFailMessage(Explain.that("StochasticGradientDescent.fit(...).point()")
                .input(settings + "; the replay of your batches")
                .expected(theta).received(result.point())
                .hint("one step theta - eta * batchGradient(theta, batch) per batch, at the current theta"))
            .containsExactly(theta, within(1e-9));
        assertThat(result.trajectory()).as("the trajectory: the start and the parameters after each epoch")
            .hasSize(epochs + 1);
    }

    @Test
    @Graded(task = "5.5", points = 3)
    @DisplayName("5.5 The same seed gives the same run; another seed gives another")
    void reproducibleForASeed(TestRandom random) {
        TestObjectives.Centres objective = new TestObjectives.Centres(random.matrix(30, 3, -2, 2));
        double[] start = random.vector(3, -1, 1);
        long seed = random.nextLong();
        StochasticGradientDescent sgd = new StochasticGradientDescent(0.05, 4, 5);

        Result first = sgd.fit(objective, start, new SplittableRandom(seed));
        Result second = sgd.fit(objective, start, new SplittableRandom(seed));
        Result other = sgd.fit(objective, start, new SplittableRandom(seed + 1));

        assertThat(second.trajectory()).as("two runs with seed %d", seed).hasSameSizeAs(first.trajectory());
        for (int k = 0; k < first.trajectory().size(); k++) {
            assertThat(second.trajectory().get(k))
                .as("epoch %d of two runs with the same seed %d must agree exactly: draw every random number from "
                    + "the generator passed in, nothing from Math.random() or a new Random()", k, seed)
                .containsExactly(first.trajectory().get(k));
        }
        assertThat(other.point()).as("runs with seeds %d and %d ended at the same point: is the shuffle drawn "
            + "from the generator passed in?", seed, seed + 1).isNotEqualTo(first.point());
    }

    @ParameterizedTest(name = "batch size {0} (0 = every example)")
    @ValueSource(ints = {1, 7, 0})
    @Graded(task = "5.5", points = 3)
    @DisplayName("5.5 On exactly linear data SGD and mini-batches reach the closed-form fit within 1e-6")
    void reachesTheExactFit(int size, TestRandom random) {
        int k = random.between(1, 3);
        Datasets.Regression data = Datasets.linear(random, random.between(20, 40), random.vector(k, -2, 2),
            random.uniform(-1, 1), 0.0);
        int batchSize = size == 0 ? data.size() : size;
        double[] expected = LeastSquares.solve(data.x(), data.y());
        // one example's loss has curvature 2(|x_i|^2 + 1): a rate of 1 over the largest is safe for every step
        double eta = 1 / LeastSquares.largestExampleCurvature(data.x());

        Result result = new StochasticGradientDescent(eta, batchSize, EXACT_FIT_EPOCHS)
            .fit(new LinearRegression(data.x(), data.y()), new double[k + 1], random.split());

        assertThat(result.point()).withFailMessage(Explain.that("StochasticGradientDescent.fit(...).point()")
                .input(data.size() + " examples on an exact line (no noise), batchSize = " + batchSize
                    + ", learningRate = " + eta + ", epochs = " + EXACT_FIT_EPOCHS)
                .expected(expected).received(result.point()).within(EXACT_FIT_TOLERANCE)
                .hint("this test fits your LinearRegression (Task 5.4); with every example fitted exactly the "
                    + "batch gradients vanish at the fit, so a correct loop gets there"))
            .containsExactly(expected, within(EXACT_FIT_TOLERANCE));
    }

    @Test
    @Graded(task = "5.5", points = 2)
    @DisplayName("5.5 On noisy data mini-batches end close to the least-squares fit")
    void endsNearTheNoisyFit(TestRandom random) {
        int k = random.between(1, 3);
        Datasets.Regression data = Datasets.linear(random, 200, random.vector(k, -2, 2), random.uniform(-1, 1), 0.3);
        double[] expected = LeastSquares.solve(data.x(), data.y());

        Result result = new StochasticGradientDescent(NOISY_RATE, NOISY_BATCH, NOISY_EPOCHS)
            .fit(new LinearRegression(data.x(), data.y()), new double[k + 1], random.split());

        assertThat(result.point()).withFailMessage(Explain.that("StochasticGradientDescent.fit(...).point()")
                .input("200 examples on a line with noise 0.3, batchSize = " + NOISY_BATCH + ", learningRate = "
                    + NOISY_RATE + ", epochs = " + NOISY_EPOCHS)
                .expected(expected).received(result.point()).within(NOISY_FIT_TOLERANCE)
                .hint("the batch gradient is the MEAN over the batch: a sum would make the steps 8 times too long"))
            .containsExactly(expected, within(NOISY_FIT_TOLERANCE));
    }

    @Test
    @Graded(task = "5.5", points = 1)
    @DisplayName("5.5 A learning rate far too large ends the run with DIVERGED, not with an exception")
    void divergesWithoutException(TestRandom random) {
        TestObjectives.Centres objective = new TestObjectives.Centres(random.matrix(20, 2, -2, 2));
        // each example's loss has curvature 2, so the rate 5 multiplies the error by 1 - 2 * 5 = -9 per step

        Result result = new StochasticGradientDescent(5.0, 1, 1000).fit(objective, new double[] {1, 1},
            random.split());

        assertThat(result.status()).withFailMessage(Explain.that("StochasticGradientDescent.fit(...).status()")
                .input("learningRate = 5 on losses of curvature 2, batchSize = 1, epochs = 1000")
                .expected(Status.DIVERGED).received(result))
            .isEqualTo(Status.DIVERGED);

        // the rate 1e300 overflows the parameters within the first epoch: the run stops at that step
        Result overflow = new StochasticGradientDescent(1e300, 1, 3).fit(objective, new double[] {1, 1},
            random.split());
        assertThat(overflow).as("fit returned null when the parameters overflowed").isNotNull();
        assertThat(overflow.status()).withFailMessage(Explain.that("StochasticGradientDescent.fit(...).status()")
                .input("learningRate = 1e300, batchSize = 1: the second step overflows to infinity")
                .expected(Status.DIVERGED).received(overflow))
            .isEqualTo(Status.DIVERGED);
        assertThat(overflow.iterations()).as("iterations when the parameters overflowed in the first epoch of 20 "
            + "steps: the run ends as soon as a parameter is not finite, not at the end of the epoch")
            .isLessThan(objective.size());
        assertThat(Arrays.stream(overflow.point()).allMatch(Double::isFinite))
            .as("the point of the run that overflowed, %s, must be the parameters that were not finite",
                Arrays.toString(overflow.point()))
            .isFalse();

        // far from the centres the loss starts near 2e8: the divergence limit is relative to it
        Result far = new StochasticGradientDescent(0.1, 1, 3).fit(objective, new double[] {1e4, 1e4}, random.split());
        assertThat(far.status()).withFailMessage(Explain.that("StochasticGradientDescent.fit(...).status()")
                .input("start = (1e4, 1e4), loss about 2e8, learningRate = 0.1 on losses of curvature 2, 3 epochs")
                .expected(Status.MAX_ITERATIONS).received(far)
                .hint("the run diverges when the loss exceeds DIVERGENCE_RATIO * max(1, |loss at the start|): "
                    + "relative to the start, so that a far start is not mistaken for a blow-up"))
            .isEqualTo(Status.MAX_ITERATIONS);
    }

    @Test
    @Graded(task = "5.5", points = 1)
    @DisplayName("5.5 Bad settings are refused with an IllegalArgumentException naming the parameter and value")
    void badInput(TestRandom random) {
        TestObjectives.Centres objective = new TestObjectives.Centres(random.matrix(10, 2, -2, 2));
        double[] start = {0, 0};
        Expect.throwsIllegalArgument(() -> new StochasticGradientDescent(0.1, 0, 5),
            "batchSize = 0")
            .hasMessageContaining("batchSize").hasMessageContaining("0");
        Expect.throwsIllegalArgument(() -> new StochasticGradientDescent(0.1, 11, 5).fit(objective, start, random),
            "batchSize = 11 with 10 examples")
            .hasMessageContaining("batchSize").hasMessageContaining("11");
        Expect.throwsIllegalArgument(() -> new StochasticGradientDescent(0.1, 2, 0),
            "epochs = 0")
            .hasMessageContaining("epochs").hasMessageContaining("0");
        Expect.throwsIllegalArgument(() -> new StochasticGradientDescent(-0.1, 2, 5),
            "learningRate = -0.1")
            .hasMessageContaining("learningRate")
            .hasMessageContaining("-0.1");
        StochasticGradientDescent sgd = new StochasticGradientDescent(0.1, 2, 5);
        Expect.throwsIllegalArgument(() -> sgd.fit(objective, start, null),
            "random = null")
            .hasMessageContaining("random");
        Expect.throwsIllegalArgument(() -> sgd.fit(null, start, random),
            "objective = null")
            .hasMessageContaining("objective");
        Expect.throwsIllegalArgument(() -> sgd.fit(objective, new double[3], random),
            "a start of dimension 3 for 2")
            .hasMessageContaining("start").hasMessageContaining("3");
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
