package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;

/**
 * Task 6.6: the numerical gradient, the baseline backpropagation is measured against. These tests check the
 * properties that make the benchmark's comparison fair (the same numbers, and a cost of exactly 2n forward passes
 * against one forward and one backward pass); they time nothing.
 */
@DisplayName("Task 6.6: the cost of a gradient")
class NumericalGradientTest {

    // a central difference with h = 1e-5: truncation h^2/6 |L'''| ~ 2e-11 and round-off eps |L| / h ~ 2e-11 on a
    // loss of order 1, against gradients whose largest entry is at least 1e-2: a relative error near 1e-8, so
    // 1e-6 flags a wrong formula (one-sided differences are off by about 1e-5) and no right one
    private static final double CENTRAL_TOLERANCE = 1e-6;

    /** An identity layer that counts the passes through it: the network's forward and backward passes. */
    private static final class Counter implements BatchLayer {
        int forwards;
        int backwards;

        @Override
        public double[][] forward(double[][] input) {
            forwards++;
            return input;
        }

        @Override
        public double[][] backward(double[][] outputGradient) {
            backwards++;
            return outputGradient;
        }
    }

    @Test
    @Graded(task = "6.6", points = 3)
    @DisplayName("6.6 The numerical gradient agrees with the five-point oracle and with backprop")
    void agreesWithOracleAndBackprop(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            Problem problem = new Problem(random, null);
            double[] numerical = NumericalGradient.of(problem.network, problem.x, problem.labels,
                NumericalGradient.STEP);
            List<double[]> parameters = problem.network.parameters();
            double[] start = Check.flatten(parameters);
            double[] oracle = FiniteDifferences.gradient(flat -> {
                Check.unflatten(flat, parameters);
                return new SoftmaxCrossEntropy().forward(problem.network.forward(problem.x), problem.labels);
            }, start);
            Check.unflatten(start, parameters);
            Expect.closeTo(Explain.that("NumericalGradient.of(network, x, labels, 1e-5)").input(problem.toString())
                .hint("(L(p + h e_i) - L(p - h e_i)) / 2h for every parameter p_i, in the order of parameters(), "
                    + "with each parameter put back before the next"), oracle, numerical, CENTRAL_TOLERANCE);
            Expect.closeTo(Explain.that("the backprop gradient, network.gradients() after one forward and backward")
                .input(problem.toString()).hint("the numerical gradient passed: backprop must give the same "
                    + "numbers; see the gradient checks of Task 6.4"), numerical, problem.backprop(),
                CENTRAL_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "6.6", points = 3)
    @DisplayName("6.6 The numerical gradient costs exactly 2n forward passes; backprop one forward, one backward")
    void costsTwoForwardPassesPerParameter(TestRandom random) {
        for (int trial = 0; trial < 5; trial++) {
            Counter counter = new Counter();
            Problem problem = new Problem(random, counter);
            int n = Check.flatten(problem.network.parameters()).length;
            double[] before = Check.flatten(problem.network.parameters());
            NumericalGradient.of(problem.network, problem.x, problem.labels, NumericalGradient.STEP);
            assertThat(counter.forwards).withFailMessage(Explain.that("forward passes made by NumericalGradient.of")
                .input(problem + ", n = " + n + " parameters").expected(2 * n).received(counter.forwards)
                .hint("two per parameter, L(p + h) and L(p - h), and no more: the loss at p itself is not needed "
                    + "by a central difference")).isEqualTo(2 * n);
            assertThat(counter.backwards).as("backward passes made by NumericalGradient.of: none, it only "
                + "evaluates the loss").isZero();
            assertThat(Check.flatten(problem.network.parameters())).as("the parameters after NumericalGradient.of "
                + "must be exactly as before: write the saved value back (p + h - h is not always p in floating "
                + "point)").containsExactly(before);
            counter.forwards = 0;
            problem.backprop();
            assertThat(counter.forwards).as("forward passes for the backprop gradient").isEqualTo(1);
            assertThat(counter.backwards).as("backward passes for the backprop gradient: one, for all %d "
                + "parameters at once", n).isEqualTo(1);
        }
    }

    @Test
    @Graded(task = "6.6", points = 2)
    @DisplayName("6.6 A step that is not positive and finite, or a missing network, is rejected")
    void rejectsBadStep(TestRandom random) {
        Problem problem = new Problem(random, null);
        Expect.rejects("NumericalGradient.of(network, x, labels, 0.0)",
            () -> NumericalGradient.of(problem.network, problem.x, problem.labels, 0.0), "h", "0.0");
        Expect.rejects("NumericalGradient.of(network, x, labels, -1e-5)",
            () -> NumericalGradient.of(problem.network, problem.x, problem.labels, -1e-5), "h", "-1.0E-5");
        Expect.rejects("NumericalGradient.of(network, x, labels, NaN)",
            () -> NumericalGradient.of(problem.network, problem.x, problem.labels, Double.NaN), "h", "NaN");
        Expect.rejects("NumericalGradient.of(null, x, labels, 1e-5)",
            () -> NumericalGradient.of(null, problem.x, problem.labels, 1e-5), "network");
        // a well-formed call last, so that a skeleton fails here with its own exception
        assertThat(NumericalGradient.of(problem.network, problem.x, problem.labels, NumericalGradient.STEP))
            .as("NumericalGradient.of on a valid network: one entry per parameter")
            .hasSize(Check.flatten(problem.network.parameters()).length);
    }

    /** A small random classification problem: a tanh network, a batch and its labels. */
    private static final class Problem {
        final Sequential network;
        final double[][] x;
        final int[] labels;
        private final String description;

        Problem(TestRandom random, BatchLayer first) {
            int inputs = random.between(1, 4);
            int hidden = random.between(1, 5);
            int classes = random.between(2, 4);
            List<BatchLayer> layers = new ArrayList<>();
            if (first != null) {
                layers.add(first);
            }
            layers.add(new Dense(random.matrix(inputs, hidden, -1.5, 1.5), random.vector(hidden, -0.5, 0.5)));
            layers.add(new Tanh());
            layers.add(new Dense(random.matrix(hidden, classes, -1.5, 1.5), random.vector(classes, -0.5, 0.5)));
            this.network = new Sequential(layers.toArray(new BatchLayer[0]));
            int batch = random.between(1, 5);
            this.x = random.matrix(batch, inputs, -2, 2);
            this.labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = random.nextInt(classes);
            }
            this.description = "a " + inputs + "-" + hidden + "-" + classes + " tanh network on a batch of " + batch;
        }

        /** One forward pass, the loss, one backward pass: the gradient, flattened as NumericalGradient orders it. */
        double[] backprop() {
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            loss.forward(network.forward(x), labels);
            network.backward(loss.backward());
            return Check.flatten(network.gradients());
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
