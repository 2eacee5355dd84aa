package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.FiniteDifferences;

@DisplayName("Task 2.3: the partials of the squared-error loss of a line")
class LineLossTest {

    /** The lesson's data: three points on the line y = 2x + 1. */
    private static final double[] LESSON_X = {0, 1, 2};
    private static final double[] LESSON_Y = {1, 3, 5};

    /** Hand-computed fractions such as -26/3 are given to 16 digits: 1e-12 is their rounding, with room. */
    private static final double WORKED = 1e-12;

    /**
     * The oracle is the five-point stencil on the test's own loss, a quadratic in (w, b), so its only error is
     * round-off, eps |L| / h ~ 2e-16 * 200 / 1e-3 ~ 4e-11: 1e-8 (relative, absolute below 1) covers it, and a
     * factor of 2 or n is far outside it.
     */
    private static final double ORACLE = 1e-8;

    /** Residuals and data of order 1 to 10, summed over at most 40 points: round-off stays far below 1e-9. */
    private static final double LINEAR = 1e-9;

    /** How close a ratio must be to a suspected factor (2, n, ...) to name it in the message. */
    private static final double FACTOR = 0.02;

    @ParameterizedTest(name = "at (w, b) = ({0}, {1}): dL/dw = {2}, dL/db = {3}")
    @CsvSource({
        "2,   1,  0,                   0",
        "0,   0, -8.666666666666666,  -6",
        "3,   1,  3.3333333333333335,  2",
        "1,   2, -1.3333333333333333,  0",
        "2.5, 0, -0.3333333333333333, -1",
    })
    @Graded(task = "2.3", points = 3)
    @DisplayName("2.3 Worked example: the partials on the lesson's three points (0, 1), (1, 3), (2, 5)")
    void partialsOnTheLessonData(double w, double b, double dw, double db) {
        LineLoss loss = new LineLoss(LESSON_X, LESSON_Y);
        double receivedW = loss.partialW(w, b);
        double receivedB = loss.partialB(w, b);
        assertThat(receivedW)
            .withFailMessage(explain("partialW", w, b, dw, receivedW, db, 3).within(WORKED)
                .input("x", LESSON_X, "y", LESSON_Y, "w", w, "b", b))
            .isCloseTo(dw, within(WORKED));
        assertThat(receivedB)
            .withFailMessage(explain("partialB", w, b, db, receivedB, dw, 3).within(WORKED)
                .input("x", LESSON_X, "y", LESSON_Y, "w", w, "b", b))
            .isCloseTo(db, within(WORKED));
        assertThat(loss.size()).as("LineLoss.size() on the lesson's three points (given code: was it changed?)")
            .isEqualTo(3);
    }

    @Test
    @Graded(task = "2.3", points = 6)
    @DisplayName("2.3 dL/dw matches finite differences of the loss on random data")
    void partialWMatchesFiniteDifferences(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            Datasets.Regression data = randomLine(random);
            double[] x = data.column(0);
            double[] y = data.y();
            double w = random.uniform(-3, 3);
            double b = random.uniform(-3, 3);
            double[] wb = {w, b};
            double expected = FiniteDifferences.partial(meanSquaredError(x, y), wb, 0);
            double other = FiniteDifferences.partial(meanSquaredError(x, y), wb, 1);
            double received = new LineLoss(x, y).partialW(w, b);
            assertThat(Explain.relativeError(received, expected, 1.0))
                .withFailMessage(explain("partialW", w, b, expected, received, other, x.length).withinRelative(ORACLE)
                    .input("n", x.length, "x", x, "y", y, "w", w, "b", b))
                .isLessThanOrEqualTo(ORACLE);
        }
    }

    @Test
    @Graded(task = "2.3", points = 5)
    @DisplayName("2.3 dL/db matches finite differences of the loss on random data")
    void partialBMatchesFiniteDifferences(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            Datasets.Regression data = randomLine(random);
            double[] x = data.column(0);
            double[] y = data.y();
            double w = random.uniform(-3, 3);
            double b = random.uniform(-3, 3);
            double[] wb = {w, b};
            double expected = FiniteDifferences.partial(meanSquaredError(x, y), wb, 1);
            double other = FiniteDifferences.partial(meanSquaredError(x, y), wb, 0);
            double received = new LineLoss(x, y).partialB(w, b);
            assertThat(Explain.relativeError(received, expected, 1.0))
                .withFailMessage(explain("partialB", w, b, expected, received, other, x.length).withinRelative(ORACLE)
                    .input("n", x.length, "x", x, "y", y, "w", w, "b", b))
                .isLessThanOrEqualTo(ORACLE);
        }
    }

    @Test
    @Graded(task = "2.3", points = 3)
    @DisplayName("2.3 Both partials vanish at the least-squares line and grow linearly away from it")
    void partialsVanishAtTheBestLine(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            Datasets.Regression data = randomLine(random);
            double[] x = data.column(0);
            double[] y = data.y();
            int n = x.length;
            double meanX = mean(x);
            double meanY = mean(y);
            double meanXX = 0;
            double covariance = 0;
            double variance = 0;
            for (int k = 0; k < n; k++) {
                meanXX += x[k] * x[k] / n;
                covariance += (x[k] - meanX) * (y[k] - meanY);
                variance += (x[k] - meanX) * (x[k] - meanX);
            }
            // the least-squares line, from the normal equations
            double bestW = covariance / variance;
            double bestB = meanY - bestW * meanX;
            // first at the best line itself, then away from it
            double dw = trial == 0 ? 0 : random.uniform(-1, 1);
            double db = trial == 0 ? 0 : random.uniform(-1, 1);
            double w = bestW + dw;
            double b = bestB + db;
            // L is quadratic, so its partials are linear in (dw, db), with the second partials as coefficients
            double expectedW = 2 * (dw * meanXX + db * meanX);
            double expectedB = 2 * (dw * meanX + db);
            LineLoss loss = new LineLoss(x, y);
            double receivedW = loss.partialW(w, b);
            double receivedB = loss.partialB(w, b);
            assertThat(receivedW)
                .withFailMessage(explain("partialW", w, b, expectedW, receivedW, expectedB, n).within(LINEAR)
                    .input("n", n, "x", x, "y", y, "best line (w*, b*)", new double[] {bestW, bestB},
                        "(w, b) - (w*, b*)", new double[] {dw, db}))
                .isCloseTo(expectedW, within(LINEAR));
            assertThat(receivedB)
                .withFailMessage(explain("partialB", w, b, expectedB, receivedB, expectedW, n).within(LINEAR)
                    .input("n", n, "x", x, "y", y, "best line (w*, b*)", new double[] {bestW, bestB},
                        "(w, b) - (w*, b*)", new double[] {dw, db}))
                .isCloseTo(expectedB, within(LINEAR));
            // and the loss itself, the given value(w, b), grows away from the best line by the same quadratic:
            // L(w, b) - L(w*, b*) = mean of (dw x_k + db)^2
            double expectedRise = dw * dw * meanXX + 2 * dw * db * meanX + db * db;
            double rise = loss.value(w, b) - loss.value(bestW, bestB);
            assertThat(rise)
                .withFailMessage(Explain.that("LineLoss.value(w, b) - LineLoss.value(w*, b*)")
                    .input("n", n, "x", x, "y", y, "best line (w*, b*)", new double[] {bestW, bestB},
                        "(w, b) - (w*, b*)", new double[] {dw, db})
                    .expected(expectedRise).received(rise).within(LINEAR)
                    .hint("value(w, b) is given: the mean of (w x_k + b - y_k)^2. Was it changed?"))
                .isCloseTo(expectedRise, within(LINEAR));
        }
    }

    /** A noisy line with 5 to 40 points: never 2 or 4, so that a factor n or n/2 cannot be mistaken for a 2. */
    private static Datasets.Regression randomLine(TestRandom random) {
        return Datasets.line(random, random.between(5, 40), random.uniform(-2, 2), random.uniform(-2, 2),
            random.uniform(0.1, 1));
    }

    /** The test's own loss, independent of the code under test: the mean of the squared residuals. */
    private static ToDoubleFunction<double[]> meanSquaredError(double[] x, double[] y) {
        return wb -> {
            double sum = 0;
            for (int k = 0; k < x.length; k++) {
                double r = wb[0] * x[k] + wb[1] - y[k];
                sum += r * r;
            }
            return sum / x.length;
        };
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double e : v) {
            sum += e;
        }
        return sum / v.length;
    }

    /**
     * The message for a wrong partial, with the usual mistakes of this task named: a sum where the loss is a mean
     * (a factor n), a missing 2 or an extra 1/2, a missing inner derivative x_k, the two partials exchanged.
     *
     * @param method the method tested, partialW or partialB
     * @param other  the expected value of the other partial, to recognise an exchange
     */
    private static Explain explain(String method, double w, double b, double expected, double received,
                                   double other, int n) {
        Explain message = Explain.that("LineLoss." + method + "(w = " + w + ", b = " + b + ")")
            .expected(expected).received(received);
        boolean isW = method.equals("partialW");
        if (expected != 0 && Double.isFinite(received)) {
            double ratio = received / expected;
            if (near(ratio, n)) {
                message.matched(n + " times the expected value, and n = " + n + ": the sum of the squared residuals "
                    + "where the loss is their mean? Divide by n.");
            } else if (near(ratio, n / 2.0)) {
                message.matched(n + "/2 times the expected value (n = " + n + "): the derivative of "
                    + "(1/2) sum r_k^2? This course's loss is (1/n) sum r_k^2: divide by n, and keep the 2 of "
                    + "d(r^2)/dr = 2r.");
            } else if (near(ratio, 1.0 / n)) {
                message.matched("1/" + n + " of the expected value (n = " + n + "): divided by n twice?");
            } else if (near(ratio, -1)) {
                message.matched("the wrong sign: with the residual written target minus prediction, y_k - (w x_k + b), "
                    + "the inner derivative " + (isW ? "dr_k/dw = -x_k" : "dr_k/db = -1") + " brings a minus sign. "
                    + "This course writes r_k = w x_k + b - y_k, prediction minus target.");
            } else if (near(ratio, 0.5)) {
                message.matched("the 2 of d(r^2)/dr = 2r is missing: this course's loss is the mean of r_k^2, without "
                    + "a 1/2 in front, so each partial carries a factor 2/n.");
            }
        }
        if (other != expected && Math.abs(received - other) <= FACTOR * Math.max(Math.abs(other), 1e-3)) {
            message.matched(isW ? "this is dL/db: the inner derivative dr_k/dw = x_k is missing (w multiplies x_k)"
                : "this is dL/dw: x_k belongs in dL/dw only, since dr_k/db = 1");
        }
        return message;
    }

    private static boolean near(double ratio, double factor) {
        return Math.abs(ratio - factor) <= FACTOR * Math.abs(factor);
    }
}
