package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;

/**
 * Task 6.4: dense, ReLU, tanh and sequential layers on batches, each gradient-checked against the five-point
 * finite differences of {@link FiniteDifferences} on random shapes.
 *
 * <p>A layer's gradient is checked through a scalar: with a random matrix <em>R</em> of the output's shape,
 * <em>L</em> = &lang;<em>R</em>, layer(<em>X</em>)&rang; = &sum; <em>R</em><sub><em>ij</em></sub>
 * <em>Y</em><sub><em>ij</em></sub> has &part;<em>L</em>/&part;<em>Y</em> = <em>R</em>, so {@code backward(R)} must
 * return &part;<em>L</em>/&part;<em>X</em>, which the finite differences measure entry by entry.
 */
@DisplayName("Task 6.4: matrix backprop for batches")
class MatrixLayersTest {

    // the gradient check of the task: the five-point stencil's own error on these smooth layers of order-1 values
    // is below 1e-10 relative (the worst of 200 random tanh networks measured; on the linear dense layer only
    // round-off remains), so a relative error (largest gap / largest entry) below 1e-7 holds for every right
    // backward and fails every wrong one
    static final double GRADIENT_CHECK = 1e-7;

    // a forward pass is a handful of roundings per entry, compared with the same sums computed here
    private static final double FORWARD_TOLERANCE = 1e-12;

    // the worked example has small binary fractions: every product and sum is exact
    private static final double EXAMPLE_TOLERANCE = 0.0;

    private static final int TRIALS = 12;

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 Worked example: a 2x3 dense layer forward and backward, by hand")
    void denseWorkedExample() {
        double[][] w = {{1, 2, 0}, {-1, 0.5, 3}};
        double[] b = {0.5, -1, 2};
        double[][] x = {{1, 2}, {0, -1}};
        Dense dense = new Dense(w, b);
        double[][] y = dense.forward(x);
        String input = "W = " + Check.show(w) + ", b = [0.5, -1, 2], X = " + Check.show(x);
        Expect.closeTo(Explain.that("dense.forward(X), row by row").input(input)
            .hint("Y = X W + b: row r of Y is sum_i X[r][i] W[i] + b"),
            new double[] {-0.5, 2, 8, 1.5, -1.5, -1}, Entries.flatten(y), EXAMPLE_TOLERANCE);
        double[][] g = {{1, 0, -1}, {2, 1, 0}};
        double[][] dx = dense.backward(g);
        String both = input + ", G = " + Check.show(g);
        Expect.closeTo(Explain.that("dense.backward(G), the input gradient G W^T").input(both)
            .hint("dL/dX[r][i] = sum_j G[r][j] W[i][j]: row r of G times the transpose of W"),
            new double[] {1, -4, 4, -1.5}, Entries.flatten(dx), EXAMPLE_TOLERANCE);
        Expect.closeTo(Explain.that("dense.weightGradient(), X^T G").input(both)
            .hint("dL/dW[i][j] = sum_r X[r][i] G[r][j]: a sum over the examples of the batch"),
            new double[] {1, 0, -1, 0, -1, -2}, Entries.flatten(dense.weightGradient()), EXAMPLE_TOLERANCE);
        Expect.closeTo(Explain.that("dense.biasGradient(), the column sums of G").input(both)
            .hint("the bias is added to every example: its gradient sums G over the batch"),
            new double[] {3, 1, -1}, dense.biasGradient(), EXAMPLE_TOLERANCE);
    }

    @Test
    @Graded(task = "6.4", points = 4)
    @DisplayName("6.4 Dense: forward, and the input, weight and bias gradients pass a gradient check")
    void denseGradientCheck(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int batch = random.between(1, 6);
            int n = random.between(1, 5);
            int m = random.between(1, 5);
            double[][] x = random.matrix(batch, n, -2, 2);
            double[][] w = random.matrix(n, m, -1, 1);
            double[] b = random.vector(m, -1, 1);
            double[][] r = random.matrix(batch, m, -1, 1);
            String input = "a " + n + " -> " + m + " layer on a batch of " + batch;
            Dense dense = new Dense(w, b);
            double[][] xCopy = Entries.copy(x);
            double[][] y = dense.forward(x);
            Expect.closeTo(Explain.that("dense.forward(X)").input(input).hint("Y = X W + b"),
                Entries.flatten(affine(x, w, b)), Entries.flatten(y), FORWARD_TOLERANCE);
            double[][] dx = dense.backward(r);
            double[] expectedDx = FiniteDifferences.gradient(
                flat -> Check.project(r, new Dense(w, b).forward(Check.reshape(flat, batch, n))), Entries.flatten(x));
            gradientCheck("dense.backward(R), dL/dX", input, expectedDx, Entries.flatten(dx),
                "dL/dX = G W^T, of the shape of X");
            double[] expectedDw = FiniteDifferences.gradient(
                flat -> Check.project(r, new Dense(Check.reshape(flat, n, m), b).forward(x)), Entries.flatten(w));
            gradientCheck("dense.weightGradient(), dL/dW", input, expectedDw, Entries.flatten(dense.weightGradient()),
                "dL/dW = X^T G, of the shape of W, summed over the batch");
            double[] expectedDb = FiniteDifferences.gradient(
                flat -> Check.project(r, new Dense(w, flat).forward(x)), b);
            gradientCheck("dense.biasGradient(), dL/db", input, expectedDb, dense.biasGradient(),
                "dL/db = the column sums of G");
            gradientCheck("dense.gradients(): the rows of dL/dW, then dL/db", input,
                concat(expectedDw, expectedDb), Check.flatten(dense.gradients()),
                "gradients() lists the same arrays as parameters(): the rows of W, then b");
            assertThat(Entries.flatten(x)).as("dense.forward and backward must not change their input X")
                .containsExactly(Entries.flatten(xCopy));
            dense.backward(r);
            gradientCheck("dense.weightGradient() after a second backward(R)", input, expectedDw,
                Entries.flatten(dense.weightGradient()), "each backward pass replaces the stored gradients: reset them "
                    + "to 0 before summing over the batch, or a second call doubles them");
        }
    }

    @Test
    @Graded(task = "6.4", points = 3)
    @DisplayName("6.4 Relu and Tanh: forward, and backward passes a gradient check")
    void activationGradientCheck(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int batch = random.between(1, 6);
            int n = random.between(1, 6);
            // away from relu's kink at 0 by more than the stencil's reach, so the finite differences are exact
            double[][] x = new double[batch][n];
            for (double[] row : x) {
                for (int i = 0; i < n; i++) {
                    row[i] = random.sign() * random.uniform(0.1, 3);
                }
            }
            double[][] r = random.matrix(batch, n, -1, 1);
            String input = "a batch of " + batch + " x " + n;
            layerCheck("relu", new Relu(), Relu::new, x, r, input, v -> Math.max(0, v),
                "the gradient passes where the input was > 0 and is 0 elsewhere: test the INPUT (or the output), "
                    + "and multiply the incoming gradient, do not replace it by 1");
            layerCheck("tanh", new Tanh(), Tanh::new, x, r, input, Math::tanh,
                "dL/dx = dL/dy (1 - y^2) with y = tanh(x) the OUTPUT kept from forward, not the input");
        }
    }

    @Test
    @Graded(task = "6.4", points = 3)
    @DisplayName("6.4 Sequential: every parameter's and the input's gradient pass a gradient check")
    void sequentialGradientCheck(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int depth = random.between(1, 3);
            int[] widths = new int[depth + 1];
            for (int k = 0; k <= depth; k++) {
                widths[k] = random.between(1, 5);
            }
            widths[depth] = random.between(2, 4);
            List<BatchLayer> layers = new ArrayList<>();
            for (int k = 0; k < depth; k++) {
                layers.add(new Dense(random.matrix(widths[k], widths[k + 1], -1.5, 1.5),
                    random.vector(widths[k + 1], -0.5, 0.5)));
                if (k < depth - 1) {
                    layers.add(new Tanh());
                }
            }
            Sequential network = new Sequential(layers.toArray(new BatchLayer[0]));
            int batch = random.between(1, 5);
            double[][] x = random.matrix(batch, widths[0], -2, 2);
            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = random.nextInt(widths[depth]);
            }
            String input = "a network " + Arrays.toString(widths) + " (dense, tanh between) on a batch of "
                + batch + ", softmax cross-entropy loss";
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            loss.forward(network.forward(x), labels);
            double[][] dx = network.backward(loss.backward());
            double[] received = Check.flatten(network.gradients());
            List<double[]> parameters = network.parameters();
            assertThat(network.gradients()).as("network.gradients(): one array per array of parameters(), "
                + "in the same order").hasSameSizeAs(parameters);
            double[] start = Check.flatten(parameters);
            ToDoubleFunction<double[]> lossOfParameters = flat -> {
                Check.unflatten(flat, parameters);
                return new SoftmaxCrossEntropy().forward(network.forward(x), labels);
            };
            double[] expected = FiniteDifferences.gradient(lossOfParameters, start);
            Check.unflatten(start, parameters);
            gradientCheck("network.gradients(), every parameter's dL/dp", input, expected, received,
                "backward runs the layers in reverse order, each fed the input gradient of the layer after it");
            double[] expectedDx = FiniteDifferences.gradient(flat -> new SoftmaxCrossEntropy()
                .forward(network.forward(Check.reshape(flat, batch, widths[0])), labels), Entries.flatten(x));
            gradientCheck("network.backward(G), dL/dX", input, expectedDx, Entries.flatten(dx),
                "the value backward returns is the first layer's input gradient");
        }
    }

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 Shapes that do not fit throw IllegalArgumentException naming them; backward needs forward")
    void rejectsBadShapes(TestRandom random) {
        Dense dense = new Dense(3, 2, random);
        Expect.throwsIllegalState(() -> dense.backward(new double[][] {{1, 2}}),
            "dense.backward before any forward pass: nothing to differentiate yet");
        Expect.rejects("dense.forward(X) with 2 columns for 3 inputs", () -> dense.forward(new double[][] {{1, 2}}),
            "input", "2", "3");
        Expect.rejects("dense.forward(ragged X)", () -> dense.forward(new double[][] {{1, 2, 3}, {1, 2}}), "input");
        Expect.rejects("dense.forward(new double[0][])", () -> dense.forward(new double[0][]), "input");
        dense.forward(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Expect.rejects("dense.backward(G) with 1 row for a batch of 2", () -> dense.backward(new double[][] {{1, 2}}),
            "outputGradient", "1", "2");
        Expect.rejects("dense.backward(G) with 3 columns for 2 outputs",
            () -> dense.backward(new double[][] {{1, 2, 3}, {4, 5, 6}}), "outputGradient", "3", "2");
        Expect.rejects("new Dense(W 2x3, b of 2)", () -> new Dense(new double[][] {{1, 2, 3}, {4, 5, 6}},
            new double[] {1, 2}), "bias", "2", "3");
        Expect.rejects("new Dense(0, 2, random)", () -> new Dense(0, 2, random), "inputs", "0");
        Expect.rejects("new Sequential()", Sequential::new, "layers");
        Expect.rejects("relu.forward(null)", () -> new Relu().forward(null), "input");
    }

    /** Forward against the closed form, backward against the finite differences, for an entry-wise layer. */
    private static void layerCheck(String name, BatchLayer layer, Supplier<BatchLayer> fresh,
                                   double[][] x, double[][] r, String input,
                                   DoubleUnaryOperator f, String hint) {
        double[][] y = layer.forward(x);
        double[] expectedY = Entries.flatten(x).clone();
        for (int i = 0; i < expectedY.length; i++) {
            expectedY[i] = f.applyAsDouble(expectedY[i]);
        }
        Expect.closeTo(Explain.that(name + ".forward(X)").input(input), expectedY, Entries.flatten(y),
            FORWARD_TOLERANCE);
        double[][] dx = layer.backward(r);
        int batch = x.length;
        int n = x[0].length;
        double[] expected = FiniteDifferences.gradient(
            flat -> Check.project(r, fresh.get().forward(Check.reshape(flat, batch, n))), Entries.flatten(x));
        gradientCheck(name + ".backward(R), dL/dX", input, expected, Entries.flatten(dx), hint);
    }

    static void gradientCheck(String what, String input, double[] expected, double[] received, String hint) {
        Expect.closeTo(Explain.that(what).input(input).hint(hint), expected, received, GRADIENT_CHECK);
    }

    /** X W + b, computed here for the forward checks. */
    private static double[][] affine(double[][] x, double[][] w, double[] b) {
        double[][] y = new double[x.length][b.length];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < b.length; j++) {
                double s = b[j];
                for (int i = 0; i < w.length; i++) {
                    s += x[r][i] * w[i][j];
                }
                y[r][j] = s;
            }
        }
        return y;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
