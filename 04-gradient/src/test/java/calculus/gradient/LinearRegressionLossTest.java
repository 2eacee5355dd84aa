package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.FiniteDifferences;

/** Task 4.4: the mean squared error of linear regression and its gradient. */
@DisplayName("Task 4.4: the mean squared error")
class LinearRegressionLossTest {

    // the worked examples are sums of a few small integers and halves: exact but for rounding
    private static final double EXACT = 1e-14;
    // the same sum of m <= 40 squares in another order: a few hundred eps at most
    private static final double VALUE_TOLERANCE = 1e-12;
    // the five-point oracle on a loss that is quadratic in theta has no truncation error; its round-off,
    // eps |L| / h with h = 1e-3 max(1, |theta_j|), is below 1e-11 against gradients of size 0.1 and more
    private static final double GRADIENT_TOLERANCE = 1e-8;
    private static final int TRIALS = 10;

    /** The worked examples' data: two examples of one feature, (1, 3) and (2, 5). */
    private static final double[][] X = {{1}, {2}};
    private static final double[] Y = {3, 5};

    @ParameterizedTest(name = "theta = [{0}], lambda = {1}: L = {2}, gradient [{3}]")
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 Worked examples of the mean squared error and its gradient on two points")
    @CsvSource(delimiterString = "|", value = {
        "1 0 | 0   | 6.5  | -8 -5",
        "1 0 | 0.5 | 6.75 | -7.5 -5",
        "0 0 | 0   | 17   | -13 -8",
        "2 1 | 0   | 0    | 0 0",
        "2 1 | 0.5 | 1    | 1 0",
    })
    void workedExamples(String thetaText, double lambda, double loss, String gradientText) {
        double[] theta = Check.vector(thetaText);
        Explain value = Explain.that("LinearRegressionLoss.value(theta, x, y, lambda)")
            .input("theta = (w, b)", theta, "x", "[[1], [2]]", "y", Y, "lambda", lambda)
            .hint("L = (1/m) sum (w x_i + b - y_i)^2 + (lambda/2) w^2; here the residuals are w + b - 3 and "
                + "2w + b - 5, and m = 2");
        double receivedLoss = LinearRegressionLoss.value(theta, X, Y, lambda);
        value.matched(LossOracle.diagnoseValue(receivedLoss, LossOracle.meanSquaredError(theta, X, Y), theta, lambda,
            X.length, true));
        Expect.closeTo(value, loss, receivedLoss, EXACT);
        double[] received = LinearRegressionLoss.gradient(theta, X, Y, lambda);
        double[] expected = Check.vector(gradientText);
        Expect.closeTo(Explain.that("LinearRegressionLoss.gradient(theta, x, y, lambda)")
            .input("theta = (w, b)", theta, "x", "[[1], [2]]", "y", Y, "lambda", lambda)
            .hint("dL/dw = (2/m) sum r_i x_i + lambda w and dL/db = (2/m) sum r_i, with r_i = w x_i + b - y_i")
            .matched(LossOracle.diagnoseGradient(received, dataGradient(theta, X, Y), theta, lambda, X.length, true)),
            expected, received, EXACT);
    }

    @Test
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 The loss is the mean of the squared residuals plus (lambda/2)|w|^2 on random data")
    void valueMatchesTheDefinition(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Problem p = Problem.draw(random, trial);
            double data = LossOracle.meanSquaredError(p.theta, p.data.x(), p.data.y());
            double expected = data + LossOracle.penalty(p.theta, p.lambda);
            double received = LinearRegressionLoss.value(p.theta, p.data.x(), p.data.y(), p.lambda);
            Expect.closeTo(p.explain("LinearRegressionLoss.value(theta, x, y, lambda)")
                .matched(LossOracle.diagnoseValue(received, data, p.theta, p.lambda, p.data.size(), true)),
                expected, received, VALUE_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.4", points = 4)
    @DisplayName("4.4 The gradient of the mean squared error agrees with finite differences, with k features")
    void gradientAgreesWithFiniteDifferences(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Problem p = Problem.draw(random, trial);
            double[][] x = p.data.x();
            double[] y = p.data.y();
            double[] xBefore = Entries.flatten(x);
            double[] expected = FiniteDifferences.gradient(
                t -> LossOracle.meanSquaredError(t, x, y) + LossOracle.penalty(t, p.lambda), p.theta);
            double[] thetaBefore = p.theta.clone();
            double[] received = LinearRegressionLoss.gradient(p.theta, x, y, p.lambda);
            Expect.closeTo(p.explain("LinearRegressionLoss.gradient(theta, x, y, lambda)")
                .matched(LossOracle.diagnoseGradient(received, dataGradient(p.theta, x, y), p.theta, p.lambda,
                    p.data.size(), true)), expected, received, GRADIENT_TOLERANCE);
            assertThat(p.theta).as("LinearRegressionLoss.gradient changed theta").containsExactly(thetaBefore);
            assertThat(Entries.flatten(x)).as("LinearRegressionLoss.gradient changed x").containsExactly(xBefore);
        }
    }

    @Test
    @Graded(task = "4.4", points = 1)
    @DisplayName("4.4 Regularisation adds lambda w to the weights' entries and nothing to the bias's")
    void penaltyAddsLambdaW(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Problem p = Problem.draw(random, 1);
            double[] with = LinearRegressionLoss.gradient(p.theta, p.data.x(), p.data.y(), p.lambda);
            double[] without = LinearRegressionLoss.gradient(p.theta, p.data.x(), p.data.y(), 0.0);
            double[] difference = new double[with.length];
            for (int j = 0; j < with.length; j++) {
                difference[j] = with[j] - without[j];
            }
            Expect.closeTo(p.explain("gradient(theta, x, y, lambda) - gradient(theta, x, y, 0)")
                .hint("the penalty (lambda/2)|w|^2 has gradient lambda w: lambda w_j for weight j, and 0 for the "
                    + "bias, which is not regularised"), LossOracle.penaltyGradient(p.theta, p.lambda), difference,
                GRADIENT_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.4", points = 1)
    @DisplayName("4.4 Mismatched data, a wrong number of parameters or a negative lambda is rejected")
    void rejectsBadInput() {
        double[] theta = {1, 0};
        Expect.rejects("LinearRegressionLoss.value(null, x, y, 0)",
            () -> LinearRegressionLoss.value(null, X, Y, 0), "theta", "null");
        Expect.rejects("LinearRegressionLoss.gradient(theta, x, y, 0) with 3 parameters for 1 feature",
            () -> LinearRegressionLoss.gradient(new double[] {1, 2, 3}, X, Y, 0), "theta", "3");
        Expect.rejects("LinearRegressionLoss.gradient(theta, x, y, 0) with 3 targets for 2 rows",
            () -> LinearRegressionLoss.gradient(theta, X, new double[] {3, 5, 7}, 0), "y", "3", "2");
        Expect.rejects("LinearRegressionLoss.value(theta, x, y, -1.0)",
            () -> LinearRegressionLoss.value(theta, X, Y, -1.0), "lambda", "-1.0");
        Expect.rejects("LinearRegressionLoss.gradient(theta, x, y, 0) with rows of lengths 1 and 2",
            () -> LinearRegressionLoss.gradient(theta, new double[][] {{1}, {2, 3}}, Y, 0), "x");
        Expect.rejects("LinearRegressionLoss.value(theta, x, y, 0) with y[1] = NaN",
            () -> LinearRegressionLoss.value(theta, X, new double[] {3, Double.NaN}, 0), "y", "NaN");
        Expect.rejects("LinearRegressionLoss.gradient(theta, null, y, 0)",
            () -> LinearRegressionLoss.gradient(theta, null, Y, 0), "x", "null");
    }

    /** The oracle's gradient of the data term alone, for the diagnosis. */
    private static double[] dataGradient(double[] theta, double[][] x, double[] y) {
        return FiniteDifferences.gradient(t -> LossOracle.meanSquaredError(t, x, y), theta);
    }

    /** A random regression problem: data with k features, parameters, and a lambda (0 in every other trial). */
    private record Problem(Datasets.Regression data, double[] theta, double lambda) {

        static Problem draw(TestRandom random, int trial) {
            int k = random.between(1, 5);
            int m = random.between(3, 40);
            Datasets.Regression data = Datasets.linear(random, m, random.vector(k, -3, 3), random.uniform(-2, 2),
                0.5);
            double lambda = trial % 2 == 0 ? 0.0 : random.logUniform(0.01, 2);
            return new Problem(data, random.vector(k + 1, -2, 2), lambda);
        }

        Explain explain(String what) {
            return Explain.that(what).input("theta = (w, b)", theta, "lambda", lambda, "data",
                data.size() + " examples with " + (theta.length - 1) + " features");
        }
    }
}
