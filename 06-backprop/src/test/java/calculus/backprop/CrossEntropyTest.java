package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;

/**
 * Task 6.4: softmax and cross-entropy fused, with a numerically stable forward pass. (Named so that it runs before
 * {@code MatrixLayersTest}, whose whole-network checks use this loss: a slip in the loss is reported here, by the
 * test that names it.)
 */
@DisplayName("Task 6.4: softmax cross-entropy")
class CrossEntropyTest {

    // the loss is a sum of B log-sum-exps of at most 6 terms: a few roundings each, against the same computation
    // done here
    private static final double LOSS_TOLERANCE = 1e-12;

    // the worked example: a log-sum-exp of three terms of size 3 at most and a division by 2, a few ulps each
    private static final double WORKED_TOLERANCE = 1e-14;

    // equal logits: log k and (1/k - [j = y]) / B, each one rounding away
    private static final double EXAMPLE_TOLERANCE = 1e-15;

    // far out the loss is a difference of logits of size 1000: exact to 1e-12 relative even for a stable formula
    private static final double HUGE_TOLERANCE = 1e-12;

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 Worked example: cross-entropy of two rows, its gradient, and backward called twice")
    void workedExample() {
        // row 0: equal logits, p = (1/3, 1/3, 1/3), label 0; row 1: logits (ln 3, 0, 0), p = (3/5, 1/5, 1/5), label 2
        double[][] logits = {{0, 0, 0}, {Math.log(3), 0, 0}};
        int[] labels = {0, 2};
        String input = "logits [[0, 0, 0], [ln 3, 0, 0]], labels [0, 2]";
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        // the mean of -log p_label: (log 3 + log 5) / 2
        Expect.closeTo(Explain.that("loss.forward(logits, labels)").input(input).averagedOver(2, "rows")
            .mistake("the rows' losses are summed, not averaged", Math.log(3) + Math.log(5))
            .hint("the mean over the rows of -log p_label, with p = (1/3, 1/3, 1/3) and (3/5, 1/5, 1/5)"),
            (Math.log(3) + Math.log(5)) / 2, loss.forward(logits, labels), WORKED_TOLERANCE);
        double[] probabilities = {1.0 / 3, 1.0 / 3, 1.0 / 3, 3.0 / 5, 1.0 / 5, 1.0 / 5};
        double[] oneHot = {1, 0, 0, 0, 0, 1};
        double[] expected = new double[6];
        double[] noMinus = new double[6];
        for (int j = 0; j < 6; j++) {
            expected[j] = (probabilities[j] - oneHot[j]) / 2;
            noMinus[j] = probabilities[j] / 2;
        }
        double[] first = Entries.flatten(loss.backward());
        Expect.closeTo(Explain.that("loss.backward()").input(input).averagedOver(2, "rows")
            .mistake("the one-hot label is not subtracted: that is softmax(z) / B alone", noMinus)
            .hint("(softmax(z) - one-hot(label)) / B, row by row, with B = 2 rows"), expected, first,
            WORKED_TOLERANCE);
        double[] second = Entries.flatten(loss.backward());
        Expect.closeTo(Explain.that("a second loss.backward() after the same forward").input(input)
            .withoutDiagnosis()
            .hint("the first backward() changed what forward kept (the probabilities): subtracting the label and "
                + "dividing by B in place on the kept rows makes each call differ. Compute the gradient in arrays "
                + "of its own, not in the kept ones; the Javadoc: backward may be called again and gives the same "
                + "gradient"),
            first, second, WORKED_TOLERANCE);
    }

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 Softmax cross-entropy: equal logits give log k; random logits pass a gradient check")
    void gradientCheck(TestRandom random) {
        // equal logits: every class has probability 1/k, the loss is log k, the gradient (1/k - one-hot) / B
        int k = random.between(2, 6);
        int batch = random.between(1, 4);
        double[][] equal = new double[batch][k];
        int[] labels = new int[batch];
        for (int r = 0; r < batch; r++) {
            Arrays.fill(equal[r], random.uniform(-3, 3));
            labels[r] = random.nextInt(k);
        }
        SoftmaxCrossEntropy fused = new SoftmaxCrossEntropy();
        String same = batch + " rows of " + k + " equal logits";
        Expect.closeTo(Explain.that("loss.forward(logits, labels)").input(same)
            .hint("every class gets probability 1/k, and -log(1/k) = log k; the loss is the MEAN over the rows"),
            Math.log(k), fused.forward(equal, labels), EXAMPLE_TOLERANCE);
        double[] expectedGradient = new double[batch * k];
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < k; j++) {
                expectedGradient[r * k + j] = ((j == labels[r] ? -1.0 : 0.0) + 1.0 / k) / batch;
            }
        }
        Expect.closeTo(Explain.that("loss.backward()").input(same + ", labels " + Arrays.toString(labels))
            .hint("(softmax - one-hot) / B: the probabilities, minus 1 at the true class, divided by the batch "
                + "size because the loss is a mean"), expectedGradient, Entries.flatten(fused.backward()),
            EXAMPLE_TOLERANCE);

        for (int trial = 0; trial < 20; trial++) {
            int classes = random.between(2, 6);
            int rows = random.between(1, 6);
            double[][] z = random.matrix(rows, classes, -4, 4);
            int[] y = new int[rows];
            for (int r = 0; r < rows; r++) {
                y[r] = random.nextInt(classes);
            }
            String input = rows + " x " + classes + " logits in [-4, 4]";
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            Expect.closeTo(Explain.that("loss.forward(logits, labels)").input(input)
                .hint("the mean over the rows of log(sum_j e^z_j) - z_label"), meanCrossEntropy(z, y),
                loss.forward(z, y), LOSS_TOLERANCE);
            double[] expected = FiniteDifferences.gradient(
                flat -> new SoftmaxCrossEntropy().forward(Check.reshape(flat, rows, classes), y), Entries.flatten(z));
            MatrixLayersTest.gradientCheck("loss.backward(), dL/dlogits", input, expected,
                Entries.flatten(loss.backward()), "(softmax(z) - one-hot(label)) / B, row by row");
            double[][] p = SoftmaxCrossEntropy.softmax(z);
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int j = 0; j < classes; j++) {
                    Expect.closeTo(Explain.that("SoftmaxCrossEntropy.softmax(z)[" + r + "][" + j + "]").input(input)
                        .hint("e^z_j / sum_i e^z_i, row by row"), softmax(z[r])[j], p[r][j], LOSS_TOLERANCE);
                    sum += p[r][j];
                }
                Expect.closeTo(Explain.that("the sum of row " + r + " of softmax(z)").input(input), 1.0, sum, 1e-14);
            }
        }
    }

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 Softmax cross-entropy is finite and exact for logits of size 1000 (log-sum-exp)")
    void stableForHugeLogits(TestRandom random) {
        double shift = random.uniform(500, 1000);
        double[][] z = {{1000, 0, -1000}, {1000, 0, -1000}, {-1000, 1000, 0}, {shift, shift, shift}};
        int[] labels = {0, 2, 0, 1};
        // row by row -log p_label: e^-1000 vanishes next to 1, so log-sum-exp is the largest logit
        double[] rowLosses = {0, 2000, 2000, Math.log(3)};
        double expected = (rowLosses[0] + rowLosses[1] + rowLosses[2] + rowLosses[3]) / 4;
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        double received = loss.forward(z, labels);
        String input = "logits " + Check.show(z) + ", labels [0, 2, 0, 1]";
        Expect.closeTo(Explain.that("loss.forward(logits, labels)").input(input)
            .hint("e^1000 overflows to infinity: subtract each row's largest logit M first, "
                + "log sum e^z = M + log sum e^(z - M); and use log-sum-exp minus z_label, never log(p) of a "
                + "probability that underflowed to 0"), expected, received, HUGE_TOLERANCE);
        double[][] g = loss.backward();
        double[] expectedGradient = {0, 0, 0, 0.25, 0, -0.25, -0.25, 0.25, 0, 1.0 / 12, -1.0 / 6, 1.0 / 12};
        Expect.closeTo(Explain.that("loss.backward()").input(input)
            .hint("the probabilities must be computed from the shifted logits too, or they are NaN"),
            expectedGradient, Entries.flatten(g), 1e-15);
        double[][] p = SoftmaxCrossEntropy.softmax(z);
        assertThat(p[0][0]).as("softmax([1000, 0, -1000])[0], of a huge logit: 1, not NaN").isEqualTo(1.0);
    }

    /** The mean cross-entropy, computed here by log-sum-exp. */
    private static double meanCrossEntropy(double[][] z, int[] y) {
        double total = 0;
        for (int r = 0; r < z.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[r]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[r]) {
                sum += Math.exp(v - max);
            }
            total += max + Math.log(sum) - z[r][y[r]];
        }
        return total / z.length;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
