package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;

@DisplayName("Task 1.9: the sensitivity of a loss to a parameter")
class SquaredErrorLossTest {

    private static final double[] EXAMPLE_X = {1, 2, 3};
    private static final double[] EXAMPLE_Y = {2, 3, 5};

    // the example's sums are small integers, divided once by 3: exact to an ulp or two
    private static final double EXAMPLE_TOLERANCE = 1e-12;

    // the loss is a parabola in w, so the central difference of it is exact but for rounding: eps L / h with
    // L <= 9 * 36 ~ 300 and h = 1e-3 gives ~ 7e-11; relative to the size of the derivative, 1e-8 is generous
    private static final double CENTRAL_STEP = 1e-3;
    private static final double RELATIVE_TOLERANCE = 1e-8;

    // a step of 1e-4 |dL/dw| against the slope lowers the loss by about 1e-4 (dL/dw)^2, far above rounding
    private static final double DOWNHILL_RATE = 1e-4;
    private static final double MIN_DISTANCE_FROM_BEST = 1e-2;

    private static final int CASES = 30;

    @ParameterizedTest(name = "on x = [1, 2, 3], y = [2, 3, 5], at w = {0}: L = {1}, dL/dw = {2}")
    @CsvSource(delimiter = '|', textBlock = """
        1 |  2                  | -6
        2 |  0.6666666666666666 |  3.3333333333333335
        0 | 12.666666666666666  | -15.333333333333334
        """)
    @Graded(task = "1.9", points = 2)
    @DisplayName("1.9 Worked example: L(w) = mean of (w x - y)^2 and dL/dw = mean of 2 (w x - y) x")
    void workedExample(double w, double loss, double derivative) {
        SquaredErrorLoss l = new SquaredErrorLoss(EXAMPLE_X, EXAMPLE_Y);
        double receivedLoss = l.loss(w);
        double receivedDerivative = l.derivative(w);
        assertThat(receivedLoss)
            .withFailMessage(Explain.that("loss(w)").input("x", EXAMPLE_X, "y", EXAMPLE_Y, "w", w)
                .expected(loss).received(receivedLoss).within(EXAMPLE_TOLERANCE)
                .averagedOver(EXAMPLE_X.length, "examples")
                .hint("the mean (divide by n) of the squared residuals (w x_i - y_i)^2"))
            .isCloseTo(loss, within(EXAMPLE_TOLERANCE));
        assertThat(receivedDerivative)
            .withFailMessage(Explain.that("derivative(w)").input("x", EXAMPLE_X, "y", EXAMPLE_Y, "w", w)
                .expected(derivative).received(receivedDerivative).within(EXAMPLE_TOLERANCE)
                .averagedOver(EXAMPLE_X.length, "examples")
                .mistake("the factor x_i is left out: the residual w x_i - y_i changes at the rate x_i when w does",
                    meanOfTwiceResidual(EXAMPLE_X, EXAMPLE_Y, w))
                .hint("by the chain rule each (w x_i - y_i)^2 contributes 2 (w x_i - y_i) x_i; then take the mean"))
            .isCloseTo(derivative, within(EXAMPLE_TOLERANCE));
    }

    @Test
    @Graded(task = "1.9", points = 3)
    @DisplayName("1.9 The closed-form dL/dw agrees with the central difference of the loss on random data")
    void derivativeMatchesCentralDifference(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            int n = random.between(1, 10);
            double[] x = random.vector(n, -3, 3);
            double[] y = random.vector(n, -3, 3);
            double w = random.uniform(-3, 3);
            SquaredErrorLoss l = new SquaredErrorLoss(x, y);
            double expectedLoss = meanSquaredError(x, y, w);
            double receivedLoss = l.loss(w);
            assertThat(Explain.relativeError(expectedLoss, receivedLoss))
                .withFailMessage(Explain.that("loss(w)").input("x", x, "y", y, "w", w)
                    .expected(expectedLoss).received(receivedLoss).withinRelative(RELATIVE_TOLERANCE))
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
            double expected = (meanSquaredError(x, y, w + CENTRAL_STEP) - meanSquaredError(x, y, w - CENTRAL_STEP))
                / (2 * CENTRAL_STEP);
            double received = l.derivative(w);
            double scale = Math.max(1.0, Math.abs(expected));
            assertThat(received)
                .withFailMessage(Explain.that("derivative(w)").input("x", x, "y", y, "w", w)
                    .expected(expected).received(received).within(RELATIVE_TOLERANCE * scale)
                    .averagedOver(n, "examples")
                    .hint("each residual r_i = w x_i - y_i changes at the rate dr_i/dw = x_i: forgetting that "
                        + "factor, or the 2 from d(r^2)/dr = 2r, or the 1/n, are the usual slips"))
                .isCloseTo(expected, within(RELATIVE_TOLERANCE * scale));
        }
    }

    @Test
    @Graded(task = "1.9", points = 1)
    @DisplayName("1.9 The loss keeps copies of the data: changing the caller's arrays afterwards changes nothing")
    void keepsCopiesOfTheData() {
        double[] x = EXAMPLE_X.clone();
        double[] y = EXAMPLE_Y.clone();
        SquaredErrorLoss l = new SquaredErrorLoss(x, y);
        double before = l.loss(1.0);
        double slopeBefore = l.derivative(1.0);
        // the caller reuses its arrays for other data, as a training loop refilling a batch buffer does
        x[0] = 100;
        y[2] = -100;
        double after = l.loss(1.0);
        double slopeAfter = l.derivative(1.0);
        assertThat(new double[] {after, slopeAfter})
            .withFailMessage(Explain.that("loss(1.0) and derivative(1.0), after the caller changed x[0] and y[2]")
                .input("x", EXAMPLE_X, "y", EXAMPLE_Y, "then", "x[0] = 100, y[2] = -100 in the caller's arrays")
                .expected(new double[] {before, slopeBefore}).received(new double[] {after, slopeAfter})
                .withoutDiagnosis()
                .hint("the constructor kept the caller's arrays, not copies of them, so the loss changes when the "
                    + "caller reuses its arrays; the Javadoc says \"The arrays are copied\""))
            .containsExactly(before, slopeBefore);
    }

    @Test
    @Graded(task = "1.9", points = 2)
    @DisplayName("1.9 Stepping w against the sign of dL/dw lowers the loss; at the best weight dL/dw is 0")
    void signOfDerivativePointsDownhill(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            int n = random.between(2, 10);
            double[] x = random.vector(n, -3, 3);
            double[] y = random.vector(n, -3, 3);
            double w;
            do {
                // away from the minimum, so that one small step downhill lowers the loss by more than rounding
                w = random.uniform(-3, 3);
            } while (Math.abs(w - bestWeight(x, y)) < MIN_DISTANCE_FROM_BEST);
            SquaredErrorLoss l = new SquaredErrorLoss(x, y);
            double slope = l.derivative(w);
            double stepped = w - DOWNHILL_RATE * slope;
            assertThat(meanSquaredError(x, y, stepped))
                .withFailMessage(Explain.that("the loss after the step w - 1e-4 * derivative(w)")
                    .input("x", x, "y", y, "w", w)
                    .expected("below L(w) = " + meanSquaredError(x, y, w))
                    .received(meanSquaredError(x, y, stepped) + " (derivative(w) = " + slope + ")")
                    .hint("a positive dL/dw means the loss rises with w: moving against it must go downhill. A loss "
                        + "that rises instead means the sign of the derivative is wrong (y - w x for w x - y?)"))
                .isLessThan(meanSquaredError(x, y, w));
            double expectedBest = bestWeight(x, y);
            double receivedBest = l.bestWeight();
            assertThat(receivedBest)
                .withFailMessage(Explain.that("bestWeight()").input("x", x, "y", y)
                    .expected(expectedBest).received(receivedBest).within(RELATIVE_TOLERANCE * Math.max(1,
                        Math.abs(expectedBest)))
                    .hint("set dL/dw = (2/n) sum (w x_i - y_i) x_i to 0 and solve for w"))
                .isCloseTo(expectedBest, within(RELATIVE_TOLERANCE * Math.max(1, Math.abs(expectedBest))));
            double slopeAtBest = l.derivative(receivedBest);
            assertThat(slopeAtBest)
                .withFailMessage(Explain.that("derivative(bestWeight())").input("x", x, "y", y)
                    .expected(0.0).received(slopeAtBest).within(RELATIVE_TOLERANCE))
                .isCloseTo(0.0, within(RELATIVE_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.9", points = 2)
    @DisplayName("1.9 It rejects missing, empty, mismatched or non-finite data, a non-finite w, and all-zero x")
    void rejectsBadInput() {
        double[] three = {1, 2, 3};
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(null, three),
            "new SquaredErrorLoss(null, y)")
            .hasMessageContaining("x");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(three, null),
            "new SquaredErrorLoss(x, null)")
            .hasMessageContaining("y");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(three, new double[] {1, 2}),
            "x of length 3 and y of length 2: the message must give both lengths")
            .hasMessageContaining("3").hasMessageContaining("2");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(new double[0], new double[0]),
            "an empty data set: the message must name x and its length 0")
            .hasMessageContaining("x").hasMessageContaining("0");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(new double[] {1, Double.NaN}, new double[] {1, 2}),
            "x = [1, NaN]: the message must name x[1] and NaN")
            .hasMessageContaining("x[1]").hasMessageContaining("NaN");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(three, new double[] {1, 2, Double.POSITIVE_INFINITY}),
            "y = [1, 2, Infinity]: the message must name y[2] and Infinity")
            .hasMessageContaining("y[2]")
            .hasMessageContaining("Infinity");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(three, three).derivative(Double.NaN),
            "derivative(NaN)")
            .hasMessageContaining("w").hasMessageContaining("NaN");
        Expect.throwsIllegalArgument(() -> new SquaredErrorLoss(three, three).loss(Double.NEGATIVE_INFINITY),
            "loss(-Infinity)")
            .hasMessageContaining("w").hasMessageContaining("-Infinity");
        Expect.throwsIllegalState(() -> new SquaredErrorLoss(new double[] {0, 0}, new double[] {1, 2}).bestWeight(),
            "bestWeight() when every x is 0: the loss does not depend on w");
    }

    /** The test's own loss, to check against: the mean of the squared residuals. */
    private static double meanSquaredError(double[] x, double[] y, double w) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (w * x[i] - y[i]) * (w * x[i] - y[i]);
        }
        return sum / x.length;
    }

    /** What the derivative gives when the factor x_i of the chain rule is forgotten: the mean of 2 (w x_i - y_i). */
    private static double meanOfTwiceResidual(double[] x, double[] y, double w) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += 2 * (w * x[i] - y[i]);
        }
        return sum / x.length;
    }

    /** The test's own least-squares weight through the origin. */
    private static double bestWeight(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        for (int i = 0; i < x.length; i++) {
            xy += x[i] * y[i];
            xx += x[i] * x[i];
        }
        return xy / xx;
    }
}
