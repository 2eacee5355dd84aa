package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;

/** Task 5.6: momentum and Adam, by hand and on the Rosenbrock valley. */
@ExtendWith(TrajectoryPicture.class)
class MomentumAndAdamTest {

    /** The hand-computed steps below are exact to the digits written: 1e-12 for short decimals, 1e-9 for Adam's. */
    private static final double HAND = 1e-12;
    private static final double HAND_ADAM = 1e-9;
    /**
     * The learning rate of the Rosenbrock race. Plain descent needs about 17,000 steps at this rate to get within
     * 1e-3 of (1, 1) from the left half of the valley; it cannot go much faster, since near the minimum the
     * largest curvature is about 1002 and 2/1002 ≈ 0.002 is the stability limit (Task 5.3).
     */
    private static final double RACE_RATE = 1e-3;
    /**
     * The steps each optimizer gets. Measured over a grid of starts in the race's box: momentum needs at most about
     * 2,000 and Adam (with beta2 = 0.99) about 4,500 (after 8,000 it is within 1.5e-4), while plain descent is
     * still more than 0.03 away after 8,000.
     */
    private static final int RACE_STEPS = 8000;
    /** "Reaches the minimum": the task asks for (1, 1) within 1e-3. */
    private static final double RACE_DISTANCE = 1e-3;
    /**
     * Adam's second-moment decay in the race. The default 0.999 averages the squared gradient over about 1,000
     * steps, so on this valley the step sizes lag the shrinking gradient and Adam needs some 20,000 steps to settle;
     * 0.99 follows the gradient's scale within about 100 steps.
     */
    private static final double RACE_BETA2 = 0.99;
    /** The classic start on the far side of the valley, and the box the random starts come from. */
    private static final double[] CLASSIC_START = {-1.2, 1.0};
    private static final double[] START_BOX_X = {-1.5, -0.5};
    private static final double[] START_BOX_Y = {0.5, 2.0};

    @Test
    @Graded(task = "5.6", points = 3)
    @DisplayName("5.6 Momentum's first steps: worked example, the velocity carries over from step to step")
    void momentumByHand() {
        Momentum momentum = new Momentum(0.1, 0.9);
        double[] x0 = {1.0, 2.0};
        double[] g1 = {2.0, -1.0};
        double[] g2 = {1.0, 0.5};

        // v1 = 0.9 * 0 + g1 = (2, -1);            x1 = x0 - 0.1 v1 = (0.8, 2.1)
        double[] x1 = momentum.update(x0, g1);
        // v2 = 0.9 * (2, -1) + (1, 0.5) = (2.8, -0.4);  x2 = x1 - 0.1 v2 = (0.52, 2.14)
        double[] x2 = momentum.update(x1, g2);

        assertThat(x1).withFailMessage(Explain.that("first Momentum(0.1, 0.9).update(x, g)")
                .input("x", x0, "g", g1).expected(new double[] {0.8, 2.1}).received(x1).within(HAND)
                .hint(Arrays.equals(round(x1), new double[] {0.98, 2.01}) ? "a step of 0.1 eta g: this course's "
                    + "momentum adds the whole gradient, v = beta v + g, not (1 - beta) g" : "the velocity starts "
                    + "at 0, so the first step is plain descent: v = g, x - eta v"))
            .containsExactly(new double[] {0.8, 2.1}, within(HAND));
        double[] expected = {0.52, 2.14};
        assertThat(x2).withFailMessage(Explain.that("second Momentum(0.1, 0.9).update(x, g)")
                .input("x", x1, "g", g2, "velocity before", new double[] {2, -1})
                .expected(expected).received(x2).within(HAND)
                .hint(Arrays.equals(round(x2), new double[] {0.7, 2.05}) ? "that is a plain gradient step: keep "
                    + "the velocity in a field between calls, v = beta v + g" : "v = beta v + g, then x - eta v"))
            .containsExactly(expected, within(HAND));
        assertThat(x0).as("update changed its argument x").containsExactly(1.0, 2.0);
    }

    @Test
    @Graded(task = "5.6", points = 4)
    @DisplayName("5.6 Adam's first steps with bias correction: worked example")
    void adamByHand() {
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        double[] x0 = {1.0, 2.0};
        double[] g1 = {2.0, -1.0};
        double[] g2 = {1.0, 0.5};

        // t = 1: m = 0.1 g1 = (0.2, -0.1), v = 0.001 g1^2 = (0.004, 0.001); corrected by 1 - 0.9 and 1 - 0.999:
        // m^ = (2, -1), v^ = (4, 1); step 0.1 m^ / (sqrt(v^) + 1e-8) = (0.0999999995, -0.099999999)
        double[] x1 = adam.update(x0, g1);
        // t = 2: m = (0.28, -0.04), v = (0.004996, 0.001249); m^ = m / 0.19, v^ = v / 0.001999;
        // step = (0.093217963, -0.026633704)
        double[] x2 = adam.update(x1, g2);

        double[] expected1 = {0.9000000005, 2.099999999};
        assertThat(x1).withFailMessage(Explain.that("first Adam(0.1, 0.9, 0.999, 1e-8).update(x, g)")
                .input("x", x0, "g", g1).expected(expected1).received(x1).within(HAND_ADAM)
                .matched(adamMistake(0.1, 1e-8, x0, g1, x1)).hint(FIRST_STEP_RULE))
            .containsExactly(expected1, within(HAND_ADAM));
        double[] expected2 = {0.806782037, 2.126633703};
        assertThat(x2).withFailMessage(Explain.that("second Adam(0.1, 0.9, 0.999, 1e-8).update(x, g)")
                .input("x", x1, "g", g2).expected(expected2).received(x2).within(HAND_ADAM)
                .hint("the moments and the step count t are kept between calls; the correction uses beta^t with "
                    + "t = 2 now"))
            .containsExactly(expected2, within(HAND_ADAM));
    }

    @Test
    @Graded(task = "5.6", points = 2)
    @DisplayName("5.6 Adam's first step is about eta per coordinate, whatever the gradient's scale")
    void adamFirstStepIgnoresScale(TestRandom random) {
        for (int c = 0; c < 20; c++) {
            int n = random.between(1, 5);
            double eta = random.logUniform(1e-4, 1e-1);
            double[] x = random.vector(n, -2, 2);
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                // |g_i| from 1e-3 to 1e3: epsilon = 1e-8 changes the step by at most 1e-5 of eta
                g[i] = random.sign() * random.logUniform(1e-3, 1e3);
            }
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = x[i] - eta * Math.signum(g[i]);
            }

            double[] received = new Adam(eta).update(x, g);

            assertThat(received).withFailMessage(Explain.that("new Adam(eta).update(x, g), a first step")
                    .input("x", x, "g", g, "eta", eta).expected(expected).received(received).within(1e-5 * eta)
                    .matched(adamMistake(eta, 1e-8, x, g, received)).hint(FIRST_STEP_RULE))
                .containsExactly(expected, within(1e-5 * eta));
        }
    }

    @Test
    @Graded(task = "5.6", points = 3)
    @DisplayName("5.6 Momentum reaches the Rosenbrock minimum (1, 1) within 1e-3 in 8000 steps; plain descent does not")
    void momentumWinsTheRace(TestRandom random) {
        race("Momentum(" + RACE_RATE + ", 0.9)", () -> new Momentum(RACE_RATE, 0.9), randomStart(random));
        // for the picture only: your plain GradientDescent beside it, if it runs; never fails this test
        try {
            TrajectoryPicture.record("your GradientDescent(" + RACE_RATE + ")",
                run(new GradientDescent(RACE_RATE), TestObjectives.rosenbrock(), CLASSIC_START, RACE_STEPS));
        } catch (RuntimeException | Error e) {
            // Task 5.1 not done yet, or failing: the picture shows the other paths, and this test is not affected
        }
    }

    @Test
    @Graded(task = "5.6", points = 3)
    @DisplayName("5.6 Adam reaches the Rosenbrock minimum (1, 1) within 1e-3 in 8000 steps; plain descent does not")
    void adamWinsTheRace(TestRandom random) {
        race("Adam(" + RACE_RATE + ", 0.9, " + RACE_BETA2 + ", 1e-8)",
            () -> new Adam(RACE_RATE, 0.9, RACE_BETA2, 1e-8), randomStart(random));
    }

    @Test
    @Graded(task = "5.6", points = 3)
    @DisplayName("5.6 Bad settings and mismatched vectors are refused with an IllegalArgumentException naming them")
    void badInput() {
        for (double beta : new double[] {1.0, -0.1, Double.NaN}) {
            Expect.throwsIllegalArgument(() -> new Momentum(0.1, beta),
                "new Momentum(0.1, beta = %s)", beta)
                .hasMessageContaining("beta").hasMessageContaining(String.valueOf(beta));
            Expect.throwsIllegalArgument(() -> new Adam(0.1, beta, 0.999, 1e-8),
                "new Adam(0.1, beta1 = %s, ...)", beta)
                .hasMessageContaining("beta1").hasMessageContaining(String.valueOf(beta));
            Expect.throwsIllegalArgument(() -> new Adam(0.1, 0.9, beta, 1e-8),
                "new Adam(0.1, 0.9, beta2 = %s, ...)", beta)
                .hasMessageContaining("beta2").hasMessageContaining(String.valueOf(beta));
        }
        // 0 is in [0, 1): no memory at all, so momentum is a plain gradient step and Adam a sign step
        assertThat(new Momentum(0.1, 0.0).update(new double[] {1, 2}, new double[] {1, -1}))
            .as("new Momentum(0.1, beta = 0.0).update((1, 2), (1, -1)): beta = 0 is allowed, a plain gradient step")
            .containsExactly(new double[] {0.9, 2.1}, within(1e-15));
        assertThat(new Adam(0.1, 0.0, 0.0, 1e-8).update(new double[] {1, 2}, new double[] {1, -1}))
            .as("new Adam(0.1, beta1 = 0.0, beta2 = 0.0, 1e-8).update((1, 2), (1, -1)): both betas 0 are allowed, "
                + "and the step is 0.1 g / |g|")
            .containsExactly(new double[] {0.9, 2.1}, within(1e-8));
        Expect.throwsIllegalArgument(() -> new Adam(0.1, 0.9, 0.999, 0.0),
            "new Adam(..., epsilon = 0.0)")
            .hasMessageContaining("epsilon");
        Expect.throwsIllegalArgument(() -> new Momentum(-1.0, 0.9),
            "new Momentum(learningRate = -1.0, 0.9)")
            .hasMessageContaining("learningRate")
            .hasMessageContaining("-1.0");
        Expect.throwsIllegalArgument(() -> new Adam(0.0),
            "new Adam(learningRate = 0.0)")
            .hasMessageContaining("learningRate");
        Momentum momentum = new Momentum(0.1, 0.9);
        Expect.throwsIllegalArgument(() -> momentum.update(new double[] {1, 2}, new double[] {1}),
            "Momentum.update with x of length 2 and a gradient of length 1")
            .hasMessageContaining("gradient");
        Adam adam = new Adam(0.1);
        adam.update(new double[] {1, 2}, new double[] {1, 1});
        Expect.throwsIllegalArgument(() -> adam.update(new double[] {1, 2, 3}, new double[] {1, 1, 1}),
            "Adam.update in 3 dimensions after a first update in 2: the moments are 2-dimensional")
            .hasMessageContaining("3");
    }

    /**
     * Runs the optimizer from the classic start and from a random one for RACE_STEPS steps, asks that both end
     * within RACE_DISTANCE of (1, 1), and checks that plain descent at the same rate does not.
     */
    private static void race(String name, Supplier<Optimizer> make, double[] randomStart) {
        Objective f = TestObjectives.rosenbrock();
        for (double[] start : List.of(CLASSIC_START, randomStart)) {
            List<double[]> path = run(make.get(), f, start, RACE_STEPS);
            if (start == CLASSIC_START) {
                TrajectoryPicture.record("your " + name, path);
            }
            double[] end = path.get(path.size() - 1);
            double distance = TestObjectives.distance(end, TestObjectives.ROSENBROCK_MINIMUM);
            assertThat(distance).withFailMessage(Explain.that("the distance to (1, 1) after " + RACE_STEPS + " steps")
                    .input(name + " on the Rosenbrock function from " + Arrays.toString(start))
                    .expected("at most " + RACE_DISTANCE).received(distance + " at " + Arrays.toString(end))
                    .hint(Double.isFinite(distance) ? "the right direction, too slow or unsettled: compare the first "
                        + "steps with the worked examples of this task" : "the run blew up to NaN or infinity: check "
                        + "the update against the worked examples of this task; a sign error sends it uphill"))
                .isLessThanOrEqualTo(RACE_DISTANCE);
            // the race is fair: plain descent at the same rate and budget does not get there (the test's own code)
            double plain = TestObjectives.distance(run((x, g) -> TestObjectives.step(x, g, RACE_RATE), f, start,
                RACE_STEPS).get(RACE_STEPS), TestObjectives.ROSENBROCK_MINIMUM);
            assertThat(plain).as("plain descent at rate %s from %s", RACE_RATE, Arrays.toString(start))
                .isGreaterThan(RACE_DISTANCE);
        }
    }

    /** The points of a run of the bare update rule, without the loop of Task 5.2. */
    private static List<double[]> run(Optimizer optimizer, Objective f, double[] start, int steps) {
        List<double[]> path = new ArrayList<>();
        double[] x = start.clone();
        path.add(x);
        for (int k = 0; k < steps; k++) {
            x = optimizer.update(x, f.gradient(x));
            path.add(x);
        }
        return path;
    }

    private static double[] randomStart(TestRandom random) {
        return new double[] {random.uniform(START_BOX_X[0], START_BOX_X[1]),
            random.uniform(START_BOX_Y[0], START_BOX_Y[1])};
    }

    private static final String FIRST_STEP_RULE = "the first step moves each coordinate by about eta against the "
        + "sign of its gradient, since after the bias correction m^ = g and v^ = g^2";

    /**
     * The usual mistake behind a wrong first Adam step, recognised from the step's length: without the bias
     * correction the step is (1 − β1)/√(1 − β2) ≈ 3.16 times eta, with only m corrected 31.6 times, with only v
     * corrected 0.1 times; and recognised exactly, a step with epsilon inside the square root, g / √(g² + ε), which
     * differs from the right one only where |g| is not far above √ε. Empty when none matches.
     */
    private static String adamMistake(double eta, double epsilon, double[] x, double[] g, double[] next) {
        if (next == null || next.length != x.length) {
            return "update must return a new array as long as x";
        }
        boolean epsilonInside = true;
        boolean distinct = false;
        for (int i = 0; i < x.length; i++) {
            double inside = x[i] - eta * g[i] / Math.sqrt(g[i] * g[i] + epsilon);
            double right = x[i] - eta * g[i] / (Math.abs(g[i]) + epsilon);
            epsilonInside &= Math.abs(next[i] - inside) <= 1e-12 * Math.max(1, Math.abs(inside));
            distinct |= Math.abs(inside - right) > 1e-9 * eta;
        }
        if (epsilonInside && distinct) {
            return "received exactly what you get with epsilon inside the square root, m^ / sqrt(v^ + eps): it "
                + "belongs outside, m^ / (sqrt(v^) + eps). For a small gradient such as |g| = 1e-3, sqrt(g^2 + 1e-8) "
                + "is 0.5% above |g|, so the step is 0.5% short";
        }
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            mean += Math.abs(next[i] - x[i]) / eta / x.length;
        }
        if (Math.abs(mean - 3.162) < 0.05) {
            return "steps of 3.16 eta: the bias correction m / (1 - beta1^t), v / (1 - beta2^t) is missing";
        }
        if (Math.abs(mean - 31.62) < 0.5) {
            return "steps of 31.6 eta: m is corrected but v is not (divide v by 1 - beta2^t)";
        }
        if (Math.abs(mean - 0.1) < 0.002) {
            return "steps of 0.1 eta: v is corrected but m is not (divide m by 1 - beta1^t)";
        }
        return "";
    }

    /** v rounded to 9 decimals, to recognise a known wrong answer; empty for null. */
    private static double[] round(double[] v) {
        if (v == null) {
            return new double[0];
        }
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1e9) / 1e9;
        }
        return r;
    }
}
