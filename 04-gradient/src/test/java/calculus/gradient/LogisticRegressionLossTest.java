package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.FiniteDifferences;

/** Task 4.4: the cross-entropy of logistic regression and its gradient, at any logit. */
@DisplayName("Task 4.4: the cross-entropy")
class LogisticRegressionLossTest {

    // the worked examples' expected values are correctly rounded; the code's sigmoid and logs may be off by a few
    // units in the last place, and sigma(2) - 1 cancels a digit
    private static final double EXAMPLE_TOLERANCE = 1e-13;
    // the same sum of m <= 40 stable terms in another order, or with another stable formula: a few hundred eps
    private static final double VALUE_TOLERANCE = 1e-12;
    // the five-point oracle with h = 1e-3 max(1, |theta_j|): truncation h^4 |L^(5)| / 30 with |L^(5)| up to a few
    // hundred for N(0, 1) features, ~ 1e-11, against gradients of size 0.01 and more
    private static final double GRADIENT_TOLERANCE = 1e-7;
    // at logits in the hundreds, sigma is 0 or 1 to the last bit and the loss is a sum of |z|s: exact but for
    // rounding, relative to the loss or to 1 when the loss is smaller (log(1 + e^z) - y z loses a tiny loss to
    // cancellation, harmlessly); a NaN or an infinity, which the textbook formula gives, is infinitely far off
    private static final double EXTREME_TOLERANCE = 1e-12;
    private static final int TRIALS = 10;

    /** The worked examples' data: x = 1 with label 1, x = -1 with label 0. */
    private static final double[][] X = {{1}, {-1}};
    private static final int[] LABELS = {1, 0};

    @ParameterizedTest(name = "theta = [{0}], lambda = {1}: L = {2}, gradient [{3}]")
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 Worked examples of the cross-entropy and its gradient on two points")
    @CsvSource(delimiterString = "|", value = {
        "0 0    | 0    | 0.6931471805599453 | -0.5 0",
        "2 0    | 0    | 0.1269280110429725 | -0.11920292202211756 0",
        "2 0    | 1    | 2.1269280110429727 | 1.8807970779778824 0",
        "0 1    | 0    | 0.8132616875182228 | -0.5 0.23105857863000487",
        "-1 0.5 | 0.25 | 1.4627451310814295 | -0.9700169036977491 0.09755757249589454",
    })
    void workedExamples(String thetaText, double lambda, double loss, String gradientText) {
        double[] theta = Check.vector(thetaText);
        double receivedLoss = LogisticRegressionLoss.value(theta, X, LABELS, lambda);
        Expect.closeTo(Explain.that("LogisticRegressionLoss.value(theta, x, labels, lambda)")
            .input("theta = (w, b)", theta, "x", "[[1], [-1]]", "labels", LABELS, "lambda", lambda)
            .hint("L = -(1/m) sum [y log sigma(z) + (1 - y) log(1 - sigma(z))] + (lambda/2) w^2 with z = w x + b; at "
                + "theta = 0 every sigma is 1/2 and L = log 2")
            .matched(LossOracle.diagnoseValue(receivedLoss, LossOracle.crossEntropy(theta, X, LABELS), theta, lambda,
                X.length, false)), loss, receivedLoss, EXAMPLE_TOLERANCE);
        double[] received = LogisticRegressionLoss.gradient(theta, X, LABELS, lambda);
        Expect.closeTo(Explain.that("LogisticRegressionLoss.gradient(theta, x, labels, lambda)")
            .input("theta = (w, b)", theta, "x", "[[1], [-1]]", "labels", LABELS, "lambda", lambda)
            .hint("dL/dw = (1/m) sum (sigma(z_i) - y_i) x_i + lambda w and dL/db = (1/m) sum (sigma(z_i) - y_i)")
            .matched(LossOracle.diagnoseGradient(received, LossOracle.crossEntropyGradient(theta, X, LABELS), theta,
                lambda, X.length, false)), Check.vector(gradientText), received, EXAMPLE_TOLERANCE);
    }

    @Test
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 The loss is the mean negative log-likelihood plus (lambda/2)|w|^2 on random data")
    void valueMatchesTheDefinition(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Problem p = Problem.draw(random, trial, 2);
            double data = LossOracle.crossEntropy(p.theta, p.data.x(), p.data.labels());
            double expected = data + LossOracle.penalty(p.theta, p.lambda);
            double received = LogisticRegressionLoss.value(p.theta, p.data.x(), p.data.labels(), p.lambda);
            Expect.closeTo(p.explain("LogisticRegressionLoss.value(theta, x, labels, lambda)")
                .matched(LossOracle.diagnoseValue(received, data, p.theta, p.lambda, p.data.size(), false)),
                expected, received, VALUE_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.4", points = 4)
    @DisplayName("4.4 The gradient of the cross-entropy agrees with finite differences, with k features")
    void gradientAgreesWithFiniteDifferences(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Problem p = Problem.draw(random, trial, 2);
            double[][] x = p.data.x();
            int[] labels = p.data.labels();
            double[] expected = FiniteDifferences.gradient(
                t -> LossOracle.crossEntropy(t, x, labels) + LossOracle.penalty(t, p.lambda), p.theta);
            double[] dataGradient = FiniteDifferences.gradient(t -> LossOracle.crossEntropy(t, x, labels), p.theta);
            double[] thetaBefore = p.theta.clone();
            double[] received = LogisticRegressionLoss.gradient(p.theta, x, labels, p.lambda);
            Expect.closeTo(p.explain("LogisticRegressionLoss.gradient(theta, x, labels, lambda)")
                .matched(LossOracle.diagnoseGradient(received, dataGradient, p.theta, p.lambda, p.data.size(), false)),
                expected, received, GRADIENT_TOLERANCE);
            assertThat(p.theta).as("LogisticRegressionLoss.gradient changed theta").containsExactly(thetaBefore);
        }
    }

    @Test
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 At logits of +-1000 the loss and its gradient are finite and exact, never NaN")
    void extremeLogits(TestRandom random) {
        // z = +-1000 exactly: two examples classified right with certainty (loss 0), two wrong (loss 1000 each)
        double[][] x = {{1}, {-1}, {1}, {-1}};
        int[] labels = {1, 0, 0, 1};
        for (double w : new double[] {1000, -1000}) {
            double[] theta = {w, 0};
            Explain value = Explain.that("LogisticRegressionLoss.value(theta, x, labels, 0)")
                .input("theta", theta, "x", "[[1], [-1], [1], [-1]]", "labels", labels)
                .hint("the logits are +-1000: sigma(1000) = 1 and sigma(-1000) = 0 in doubles, so log(sigma) and "
                    + "log(1 - sigma) meet log(0) = -Infinity, and 0 * -Infinity = NaN. Use -log sigma(z) = "
                    + "softplus(-z) and -log(1 - sigma(z)) = softplus(z), that is Sigmoid.logSigmoid(z) and "
                    + "logSigmoid(-z)");
            Expect.closeTo(value, 500.0, LogisticRegressionLoss.value(theta, x, labels, 0), EXTREME_TOLERANCE);
            Expect.closeTo(Explain.that("LogisticRegressionLoss.gradient(theta, x, labels, 0)")
                .input("theta", theta, "x", "[[1], [-1], [1], [-1]]", "labels", labels)
                .hint("sigma(z) - y is -1, 0 or 1 here: compute sigma without exp of a large positive number"),
                new double[] {Math.signum(w) * 0.5, 0}, LogisticRegressionLoss.gradient(theta, x, labels, 0),
                EXTREME_TOLERANCE);
        }
        for (int trial = 0; trial < TRIALS; trial++) {
            // weights of a few hundred on N(0, 1) features: logits of hundreds to a thousand or more
            Problem p = Problem.draw(random, trial, 400);
            double[][] xs = p.data.x();
            int[] ys = p.data.labels();
            double expected = LossOracle.crossEntropy(p.theta, xs, ys) + LossOracle.penalty(p.theta, p.lambda);
            Check.closeToScaled(p.explain("LogisticRegressionLoss.value(theta, x, labels, lambda)")
                .hint("the logits are in the hundreds: use Sigmoid.logSigmoid for log sigma(z) and log(1 - sigma(z))"),
                expected, LogisticRegressionLoss.value(p.theta, xs, ys, p.lambda), EXTREME_TOLERANCE);
            double[] gradient = LossOracle.crossEntropyGradient(p.theta, xs, ys);
            double[] penalty = LossOracle.penaltyGradient(p.theta, p.lambda);
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] += penalty[j];
            }
            Expect.closeTo(p.explain("LogisticRegressionLoss.gradient(theta, x, labels, lambda)")
                .hint("the logits are in the hundreds: use the stable Sigmoid.sigmoid"),
                gradient, LogisticRegressionLoss.gradient(p.theta, xs, ys, p.lambda), EXTREME_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.4", points = 1)
    @DisplayName("4.4 Labels other than 0 and 1, mismatched data or a negative lambda are rejected")
    void rejectsBadInput() {
        double[] theta = {1, 0};
        Expect.rejects("LogisticRegressionLoss.value(theta, x, [1, 2], 0)",
            () -> LogisticRegressionLoss.value(theta, X, new int[] {1, 2}, 0), "labels", "2");
        Expect.rejects("LogisticRegressionLoss.gradient(theta, x, [1, -1], 0)",
            () -> LogisticRegressionLoss.gradient(theta, X, new int[] {1, -1}, 0), "labels", "-1");
        Expect.rejects("LogisticRegressionLoss.gradient(theta, x, labels, 0) with 3 labels for 2 rows",
            () -> LogisticRegressionLoss.gradient(theta, X, new int[] {1, 0, 1}, 0), "labels", "3", "2");
        Expect.rejects("LogisticRegressionLoss.value(theta, x, null, 0)",
            () -> LogisticRegressionLoss.value(theta, X, null, 0), "labels", "null");
        Expect.rejects("LogisticRegressionLoss.gradient(theta, x, labels, 0) with 1 parameter for 1 feature",
            () -> LogisticRegressionLoss.gradient(new double[] {1}, X, LABELS, 0), "theta", "1");
        Expect.rejects("LogisticRegressionLoss.value(theta, x, labels, NaN)",
            () -> LogisticRegressionLoss.value(theta, X, LABELS, Double.NaN), "lambda", "NaN");
    }

    /** A random classification problem: N(0, 1) features, parameters of the given scale, lambda 0 every other trial. */
    private record Problem(Datasets.Classification data, double[] theta, double lambda) {

        static Problem draw(TestRandom random, int trial, double scale) {
            int k = random.between(1, 5);
            int m = random.between(3, 40);
            Datasets.Classification data = Datasets.logistic(random, m, random.vector(k, -2, 2),
                random.uniform(-1, 1));
            double lambda = trial % 2 == 0 ? 0.0 : random.logUniform(0.01, 2);
            return new Problem(data, random.vector(k + 1, -scale, scale), lambda);
        }

        Explain explain(String what) {
            return Explain.that(what).input("theta = (w, b)", theta, "lambda", lambda, "data",
                data.size() + " examples with " + (theta.length - 1) + " features");
        }
    }
}
