package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.FiniteDifferences;

/** Task 5.4: the mean squared error of a linear model, its gradient, and a fit by gradient descent. */
class LinearRegressionTest {

    /** The worked example's numbers are small fractions: exact to a few roundings. */
    private static final double EXACT = 1e-12;
    /**
     * The five-point finite differences of the oracle are exact for a quadratic up to round-off, about 1e-12 of the
     * values here (losses of order 1 to 100), so 1e-7 relative (floor 1) flags any wrong term and nothing else.
     */
    private static final double GRADIENT_TOLERANCE = 1e-7;
    /** The task: gradient descent matches the closed-form least-squares solution to 1e-6. */
    private static final double FIT_TOLERANCE = 1e-6;
    /**
     * The fits stop at |∇L| ≤ 1e-10; the Hessian's smallest eigenvalue is about 1 on these data, so the parameters
     * are then within about 1e-10 of the minimum, far inside FIT_TOLERANCE.
     */
    private static final double FIT_GRADIENT = 1e-10;
    /** The rate 1/trace needs a few hundred steps on these data; 100,000 leaves a margin of a hundred. */
    private static final int FIT_BUDGET = 100_000;
    /** How many random data sets a test draws. */
    private static final int DATA_SETS = 4;

    @Test
    @Graded(task = "5.4", points = 3)
    @DisplayName("5.4 Loss and gradient on a small data set: worked example")
    void workedExample() {
        // y = 2x exactly; at w = 1, b = 1 the residuals w x + b - y are 0, -1, -2
        double[][] x = {{1}, {2}, {3}};
        double[] y = {2, 4, 6};
        double[] theta = {1, 1};

        LinearRegression loss = new LinearRegression(x, y);
        double value = loss.value(theta);
        double[] gradient = loss.gradient(theta);

        assertThat(loss.dimension()).as("dimension(): one weight per feature and a bias").isEqualTo(2);
        assertThat(loss.size()).as("size(): the number of examples").isEqualTo(3);
        // L = (0^2 + 1^2 + 2^2) / 3 = 5/3
        assertThat(value).withFailMessage(Explain.that("new LinearRegression(x, y).value(theta)")
                .input("x", x, "y", y, "theta = (w, b)", theta).expected(5.0 / 3).received(value).within(EXACT)
                .hint("the residuals are 0, -1, -2; the MEAN of their squares is 5/3"))
            .isCloseTo(5.0 / 3, within(EXACT));
        // dL/dw = (2/3)(0*1 - 1*2 - 2*3) = -16/3,  dL/db = (2/3)(0 - 1 - 2) = -2
        double[] expected = {-16.0 / 3, -2};
        assertThat(gradient).withFailMessage(Explain.that("new LinearRegression(x, y).gradient(theta)")
                .input("x", x, "y", y, "theta = (w, b)", theta).expected(expected).received(gradient).within(EXACT)
                .hint("dL/dw = (2/n) sum r_i x_i and dL/db = (2/n) sum r_i, with r_i = w x_i + b - y_i; the weights "
                    + "come first, the bias last"))
            .containsExactly(expected, within(EXACT));
    }

    @Test
    @Graded(task = "5.4", points = 4)
    @DisplayName("5.4 The full and batch gradients match finite differences of the loss on random data")
    void gradientsMatchFiniteDifferences(TestRandom random) {
        for (int c = 0; c < DATA_SETS; c++) {
            int k = random.between(1, 4);
            Datasets.Regression data = Datasets.linear(random, random.between(5, 30), random.vector(k, -2, 2),
                random.uniform(-1, 1), 0.5);
            double[] theta = random.vector(k + 1, -2, 2);
            LinearRegression loss = new LinearRegression(data.x(), data.y());

            double expectedValue = LeastSquares.meanSquaredError(data.x(), data.y(), theta);
            assertThat(loss.value(theta)).as("value(theta) on random data: the mean squared error %s",
                expectedValue).isCloseTo(expectedValue, within(EXACT * Math.max(1, expectedValue)));
            double[] expected = FiniteDifferences.gradient(t -> LeastSquares.meanSquaredError(data.x(), data.y(), t),
                theta);
            double[] received = loss.gradient(theta);
            assertThat(Explain.largestRelativeError(expected, received, 1.0))
                .withFailMessage(Explain.that("LinearRegression.gradient(theta)")
                    .input(data.size() + " random examples with " + k + " features, theta = "
                        + Arrays.toString(theta))
                    .expected(expected).received(received).withinRelative(GRADIENT_TOLERANCE))
                .isLessThanOrEqualTo(GRADIENT_TOLERANCE);

            // a batch's gradient is the gradient of the batch's own mean loss
            int[] batch = random.ints(random.between(1, data.size()), 0, data.size()).toArray();
            double[][] bx = new double[batch.length][];
            double[] by = new double[batch.length];
            for (int i = 0; i < batch.length; i++) {
                bx[i] = data.x()[batch[i]];
                by[i] = data.y()[batch[i]];
            }
            double[] expectedBatch = FiniteDifferences.gradient(t -> LeastSquares.meanSquaredError(bx, by, t), theta);
            double[] receivedBatch = loss.batchGradient(theta, batch);
            assertThat(Explain.largestRelativeError(expectedBatch, receivedBatch, 1.0))
                .withFailMessage(Explain.that("LinearRegression.batchGradient(theta, batch)")
                    .input("batch = " + Arrays.toString(batch) + " (an index may repeat: it counts twice), theta = "
                        + Arrays.toString(theta))
                    .expected(expectedBatch).received(receivedBatch).withinRelative(GRADIENT_TOLERANCE)
                    .hint("the MEAN over the batch: divide by the batch's size, not by the number of examples"))
                .isLessThanOrEqualTo(GRADIENT_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "5.4", points = 7)
    @DisplayName("5.4 Gradient descent fits random linear data to the closed-form least-squares solution within 1e-6")
    void fitMatchesClosedForm(TestRandom random) {
        for (int c = 0; c < DATA_SETS; c++) {
            int k = random.between(1, 4);
            double[] weights = random.vector(k, -2, 2);
            double bias = random.uniform(-1, 1);
            Datasets.Regression data = Datasets.linear(random, random.between(30, 80), weights, bias, 0.3);
            double[] expected = LeastSquares.solve(data.x(), data.y());
            // the trace of the Hessian bounds its largest eigenvalue, so 1/trace is a safe rate
            double eta = 1 / LeastSquares.hessianTrace(data.x());
            String input = data.size() + " examples y = w.x + b + noise with w = " + Arrays.toString(weights)
                + ", b = " + bias + "; learningRate = " + eta + ", tolerance = " + FIT_GRADIENT;

            Result result = LinearRegression.fit(data.x(), data.y(), eta, FIT_GRADIENT, FIT_BUDGET);

            assertThat(result.status()).withFailMessage(Explain.that("LinearRegression.fit(x, y, ...).status()")
                    .input(input).expected(Status.CONVERGED).received(result)
                    .hint("fit runs your Minimizer (Task 5.2) with plain gradient steps from theta = 0"))
                .isEqualTo(Status.CONVERGED);
            assertThat(result.point())
                .withFailMessage(Explain.that("LinearRegression.fit(x, y, ...).point()").input(input)
                    .expected(expected).received(result.point()).within(FIT_TOLERANCE)
                    .hint("the closed form solves the normal equations X'X theta = X'y; a different answer with "
                        + "status CONVERGED means the gradient is zero somewhere else: is it the gradient of THIS "
                        + "loss (the weights first, the bias last)?"))
                .containsExactly(expected, within(FIT_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "5.4", points = 2)
    @DisplayName("5.4 Bad data and parameters are refused with an IllegalArgumentException naming them")
    void badInput() {
        double[][] x = {{1, 2}, {3, 4}, {5, 6}};
        double[] y = {1, 2, 3};
        Expect.throwsIllegalArgument(() -> new LinearRegression(null, y),
            "x = null")
            .hasMessageContaining("x");
        Expect.throwsIllegalArgument(() -> new LinearRegression(x, null),
            "y = null")
            .hasMessageContaining("y");
        Expect.throwsIllegalArgument(() -> new LinearRegression(x, new double[] {1, 2}),
            "3 rows of x but 2 targets")
            .hasMessageContaining("3").hasMessageContaining("2");
        Expect.throwsIllegalArgument(() -> new LinearRegression(new double[][] {{1, 2}, {3}, {5, 6}}, y),
            "a ragged x: row 1 has 1 feature, the others 2")
            .hasMessageContaining("x[1]");
        Expect.throwsIllegalArgument(() -> new LinearRegression(new double[0][], new double[0]),
            "no examples")
            .hasMessageContaining("x");
        LinearRegression loss = new LinearRegression(x, y);
        Expect.throwsIllegalArgument(() -> loss.value(new double[] {1, 2}),
            "theta of length 2 for 2 features + bias")
            .hasMessageContaining("theta").hasMessageContaining("2");
        Expect.throwsIllegalArgument(() -> loss.batchGradient(new double[3], new int[] {0, 3}),
            "batch index 3 of 3")
            .hasMessageContaining("batch").hasMessageContaining("3");
        Expect.throwsIllegalArgument(() -> loss.batchGradient(new double[3], new int[0]),
            "an empty batch")
            .hasMessageContaining("batch");
    }
}
