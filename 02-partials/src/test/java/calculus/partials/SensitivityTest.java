package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.Fields;
import calculus.oracles.FiniteDifferences;

@DisplayName("Task 2.6: partials as sensitivities")
class SensitivityTest {

    /** The step of the central differences: near the best one for losses of scale 1 to 100. */
    private static final double H = 1e-5;

    /**
     * Points where the two partials are within 25% of each other are left out of the random test: there the
     * answer is right but a close call, and the test is about reading partials, not about ties.
     */
    private static final double CLEAR_WIN = 1.25;

    /**
     * The prediction is the partial (a central difference with h = 1e-5, good to about 1e-9 on these fields) times
     * delta: 1e-7 relative to delta * max(1, |partial|) allows for that error, while the true change, which differs
     * by about f_ii delta^2 / 2, is far outside it.
     */
    private static final double PREDICTION = 1e-7;

    @ParameterizedTest(name = "at (w, b) = ({0}, {1}) the loss is most sensitive to parameter {2}")
    @CsvSource({
        "0,   0, 0",
        "1,   2, 0",
        "3,   0, 0",
        "1.5, 2, 1",
        "2.5, 0, 1",
    })
    @Graded(task = "2.6", points = 2)
    @DisplayName("2.6 Worked example: the line loss on the lesson's points, sometimes w wins, sometimes b")
    void mostSensitiveOnTheLessonData(double w, double b, int expected) {
        ToDoubleFunction<double[]> loss = lineLoss(new double[] {0, 1, 2}, new double[] {1, 3, 5});
        double[] theta = {w, b};
        int received = Sensitivity.mostSensitive(loss, theta, H);
        double dw = FiniteDifferences.partial(loss, theta, 0);
        double db = FiniteDifferences.partial(loss, theta, 1);
        assertThat(received)
            .withFailMessage(Explain.that("Sensitivity.mostSensitive(L, (w, b), h)")
                .input("data", "(0, 1), (1, 3), (2, 5)", "(w, b)", theta)
                .expected(name(expected)).received(name(received))
                .detail("partials", "dL/dw = " + dw + ", dL/db = " + db)
                .hint("the index of the partial with the largest magnitude |dL/dtheta_i|"))
            .isEqualTo(expected);
    }

    @Test
    @Graded(task = "2.6", points = 4)
    @DisplayName("2.6 On random data and parameters the answer follows the partials, whichever parameter wins")
    void mostSensitiveFollowsThePartials(TestRandom random) {
        Datasets.Regression data = Datasets.line(random, random.between(5, 30), random.uniform(-2, 2),
            random.uniform(-2, 2), 0.5);
        ToDoubleFunction<double[]> loss = lineLoss(data.column(0), data.y());
        int[] wins = new int[2];
        for (int draw = 0; draw < 2000 && (wins[0] < 8 || wins[1] < 8); draw++) {
            double[] theta = {random.uniform(-4, 4), random.uniform(-4, 4)};
            double dw = FiniteDifferences.partial(loss, theta, 0);
            double db = FiniteDifferences.partial(loss, theta, 1);
            double larger = Math.max(Math.abs(dw), Math.abs(db));
            double smaller = Math.min(Math.abs(dw), Math.abs(db));
            if (larger < CLEAR_WIN * smaller) {
                continue;
            }
            int expected = Math.abs(dw) > Math.abs(db) ? 0 : 1;
            if (wins[expected] >= 8) {
                continue;
            }
            wins[expected]++;
            int received = Sensitivity.mostSensitive(loss, theta, H);
            assertThat(received)
                .withFailMessage(Explain.that("Sensitivity.mostSensitive(L, (w, b), h)")
                    .input("L", "the mean squared error of a line on " + data.size() + " noisy points",
                        "(w, b)", theta)
                    .expected(name(expected)).received(name(received))
                    .detail("partials", "dL/dw = " + dw + ", dL/db = " + db)
                    .hint(hintFor(dw, db)))
                .isEqualTo(expected);
        }
        assertThat(wins).as("points found where w wins and where b wins").containsExactly(8, 8);
    }

    @Test
    @Graded(task = "2.6", points = 2)
    @DisplayName("2.6 A steep way down counts as much as a steep way up: magnitudes decide, not signs")
    void magnitudesDecideNotSigns(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            int n = random.between(2, 6);
            int winner = random.nextInt(n);
            // the partials at theta: the winner steeply downhill, every other parameter gently uphill
            double[] slopes = random.vector(n, 0.2, 1.5);
            slopes[winner] = -random.uniform(2, 4);
            double[] theta = random.vector(n, -2, 2);
            // L(p) = sum_k (slopes_k - theta_k) p_k + p_k^2 / 2 has partials slopes_k - theta_k + p_k: slopes at theta
            ToDoubleFunction<double[]> loss = p -> {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += (slopes[k] - theta[k]) * p[k] + 0.5 * p[k] * p[k];
                }
                return sum;
            };
            int received = Sensitivity.mostSensitive(loss, theta, H);
            int largestSigned = 0;
            int smallestMagnitude = 0;
            for (int k = 1; k < n; k++) {
                largestSigned = slopes[k] > slopes[largestSigned] ? k : largestSigned;
                smallestMagnitude = Math.abs(slopes[k]) < Math.abs(slopes[smallestMagnitude]) ? k
                    : smallestMagnitude;
            }
            Explain message = Explain.that("Sensitivity.mostSensitive(L, theta, h)")
                .input("theta", theta)
                .expected((Object) winner).received((Object) received)
                .detail("partials", Arrays.toString(slopes));
            if (received == largestSigned) {
                message.matched("parameter " + received + " has the largest partial with its sign, " + slopes[received]
                    + "; parameter " + winner + " has the largest magnitude, " + Math.abs(slopes[winner]) + ", though "
                    + "its partial is negative: compare |dL/dtheta_i|, not dL/dtheta_i");
            } else if (received == smallestMagnitude) {
                message.matched("parameter " + received + " has the smallest magnitude: the comparison is the wrong "
                    + "way round");
            }
            assertThat(received)
                .withFailMessage(message.hint("the index of the partial with the largest magnitude |dL/dtheta_i|"))
                .isEqualTo(winner);
        }
        // L = sum theta_k^2 at (0.5, 1, -1): partials 1, 2 and -2, exact in binary with h = 2^-10 (any central
        // difference computes them without rounding), so parameters 1 and 2 tie in magnitude
        ToDoubleFunction<double[]> bowl = p -> p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
        double[] theta = {0.5, 1, -1};
        double h = 0x1p-10;
        int received = Sensitivity.mostSensitive(bowl, theta, h);
        assertThat(received)
            .withFailMessage(Explain.that("Sensitivity.mostSensitive(L, theta, h)")
                .input("L", "theta_0^2 + theta_1^2 + theta_2^2", "theta", theta, "h", h)
                .expected((Object) 1).received((Object) received)
                .detail("partials", "[1.0, 2.0, -2.0]")
                .hint("parameters 1 and 2 tie, |2| = |-2|: on a tie the smaller index wins, so replace the best "
                    + "only on a strictly larger magnitude"))
            .isEqualTo(1);
    }

    @Test
    @Graded(task = "2.6", points = 3)
    @DisplayName("2.6 The predicted change of a small nudge is the partial times the nudge")
    void predictedChangeIsThePartialTimesTheNudge(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            int n = random.between(1, 5);
            Fields.Field loss = Fields.random(random, n);
            double[] theta = random.vector(n, -2, 2);
            int i = random.nextInt(n);
            double delta = random.sign() * random.logUniform(1e-3, 0.2);
            double partial = loss.gradient(theta)[i];
            double expected = partial * delta;
            double received = Sensitivity.predictedChange(loss, theta, i, delta, H);
            double[] moved = theta.clone();
            moved[i] += delta;
            double trueChange = loss.applyAsDouble(moved) - loss.applyAsDouble(theta);
            Explain message = Explain.that("Sensitivity.predictedChange(L, theta, i, delta, h)")
                .input("L", loss, "theta", theta, "i", i, "delta", delta, "h", H)
                .expected(expected).received(received).withinRelative(PREDICTION)
                .detail("true change", "L(theta + delta e_i) - L(theta) = " + trueChange);
            if (Math.abs(received - partial) <= 1e-6 * Math.max(1, Math.abs(partial))) {
                message.matched("that is the partial itself: the predicted change is the partial times delta");
            } else if (Math.abs(received - trueChange) <= 1e-9 * Math.max(1, Math.abs(trueChange))) {
                message.matched("that is the true change L(theta + delta e_i) - L(theta); the task is its first-order "
                    + "prediction from the partial, dL/dtheta_i * delta, which needs no evaluation at the new point");
            }
            assertThat(Explain.relativeError(received / delta, partial, 1.0))
                .withFailMessage(message)
                .isLessThanOrEqualTo(PREDICTION);
        }
    }

    @Test
    @Graded(task = "2.6", points = 2)
    @DisplayName("2.6 Bad input is rejected with a message naming the parameter and its value")
    void rejectsBadInput() {
        ToDoubleFunction<double[]> loss = lineLoss(new double[] {0, 1, 2}, new double[] {1, 3, 5});
        double[] theta = {1, 2};
        BadInput.assertRejected("mostSensitive(null, theta, h)", () -> Sensitivity.mostSensitive(null, theta, H),
            "loss", "null");
        BadInput.assertRejected("mostSensitive(L, null, h)", () -> Sensitivity.mostSensitive(loss, null, H),
            "theta", "null");
        BadInput.assertRejected("mostSensitive(L, new double[0], h)",
            () -> Sensitivity.mostSensitive(loss, new double[0], H), "theta", "0");
        BadInput.assertRejected("mostSensitive(L, {1, NaN}, h)",
            () -> Sensitivity.mostSensitive(loss, new double[] {1, Double.NaN}, H), "theta", "NaN");
        BadInput.assertRejected("mostSensitive(L, theta, h = 0)", () -> Sensitivity.mostSensitive(loss, theta, 0),
            "h", "0");
        BadInput.assertRejected("predictedChange(L, theta, 2, 0.1, h)",
            () -> Sensitivity.predictedChange(loss, theta, 2, 0.1, H), "i", "2");
        BadInput.assertRejected("predictedChange(L, theta, 0, NaN, h)",
            () -> Sensitivity.predictedChange(loss, theta, 0, Double.NaN, H), "delta", "NaN");
        BadInput.assertRejected("predictedChange(L, theta, 0, Infinity, h)",
            () -> Sensitivity.predictedChange(loss, theta, 0, Double.POSITIVE_INFINITY, H), "delta", "Infinity");
        BadInput.assertRejected("predictedChange(L, theta, 0, 0.1, h = -1)",
            () -> Sensitivity.predictedChange(loss, theta, 0, 0.1, -1), "h", "-1");
    }

    /** The mean squared error of the line y = w x + b, as a function of theta = (w, b): the test's own code. */
    private static ToDoubleFunction<double[]> lineLoss(double[] x, double[] y) {
        return theta -> {
            double sum = 0;
            for (int k = 0; k < x.length; k++) {
                double r = theta[0] * x[k] + theta[1] - y[k];
                sum += r * r;
            }
            return sum / x.length;
        };
    }

    /** A parameter index as the messages show it: "0 (w)" or "1 (b)". */
    private static String name(int index) {
        return index + (index == 0 ? " (w)" : index == 1 ? " (b)" : "");
    }

    /** What a wrong answer at this point usually means. */
    private static String hintFor(double dw, double db) {
        boolean signedWouldDiffer = (dw > db) != (Math.abs(dw) > Math.abs(db));
        if (signedWouldDiffer) {
            return "here comparing the signed partials gives the other answer: the loss is as sensitive to a partial "
                + "of -3 as to one of +3, so compare magnitudes";
        }
        return "the index of the partial with the largest magnitude |dL/dtheta_i|: is the index of the other one "
            + "returned, or the larger partial's value instead of its index?";
    }
}
