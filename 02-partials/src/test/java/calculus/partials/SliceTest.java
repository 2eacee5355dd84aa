package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.EvaluationRecorder;
import calculus.oracles.Fields;
import calculus.oracles.FiniteDifferences;

@DisplayName("Task 2.1: the slice along one coordinate")
class SliceTest {

    /** The lesson's example f(x, y) = x^2 y + 3y. */
    private static final ToDoubleFunction<double[]> LESSON = p -> p[0] * p[0] * p[1] + 3 * p[1];

    /**
     * The slice evaluates f at the very point the test builds, so the two agree to the last bit; 1e-12 (relative,
     * absolute below 1) leaves room for a point built as x + (t - x_i) e_i, which rounds t by one unit.
     */
    private static final double SAME_POINT = 1e-12;

    /**
     * The five-point oracle differentiates the slice to about 1e-11 on these functions (values and derivatives of
     * order 1 to 10), so 1e-8 (relative, absolute below 1) is the oracle's error with a wide margin.
     */
    private static final double ORACLE = 1e-8;

    @ParameterizedTest(name = "the slice of x^2 y + 3y through (2, 5) along {0}, at t = {1}, is {2}")
    @CsvSource({
        "0,  1, 20",
        "0, -3, 60",
        "0,  2, 35",
        "1,  0,  0",
        "1,  2, 14",
        "1,  5, 35",
    })
    @Graded(task = "2.1", points = 2)
    @DisplayName("2.1 Worked example: the slices of x^2 y + 3y through (2, 5)")
    void slicesOfTheLessonExample(int i, double t, double expected) {
        double[] x = {2, 5};
        double received = Slice.along(LESSON, x, i).applyAsDouble(t);
        assertThat(received)
            .withFailMessage(Explain.that("Slice.along(f, x, " + i + ").applyAsDouble(" + t + ")")
                .input("f(x, y)", "x^2 y + 3y", "x", x, "i", i, "t", t)
                .expected(expected).received(received).within(SAME_POINT)
                .hint(i == 0 ? "along 0 the slice is t -> f(t, 5) = 5t^2 + 15: y holds still at 5"
                    : "along 1 the slice is t -> f(2, t) = 4t + 3t = 7t: x holds still at 2"))
            .isCloseTo(expected, within(SAME_POINT));
    }

    @Test
    @Graded(task = "2.1", points = 4)
    @DisplayName("2.1 The slice is f on the line through x: coordinate i is t, every other coordinate holds still")
    void sliceIsTheFunctionOnTheLine(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            int n = random.between(1, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[] original = x.clone();
            int i = random.nextInt(n);
            EvaluationRecorder recorder = new EvaluationRecorder();
            DoubleUnaryOperator slice = Slice.along(recorder.scalar(f), x, i);
            for (int k = 0; k < 3; k++) {
                double t = random.uniform(-2, 2);
                recorder.reset();
                double received = slice.applyAsDouble(t);
                double[] onTheLine = original.clone();
                onTheLine[i] = t;
                double expected = f.applyAsDouble(onTheLine);
                assertThat(recorder.count())
                    .as("evaluating the slice once at t = %s should evaluate f once, not %d times", t,
                        recorder.count())
                    .isEqualTo(1);
                assertOnlyCoordinateMoved(recorder.points().get(0), original, i, t);
                assertThat(Explain.relativeError(received, expected, 1.0))
                    .withFailMessage(Explain.that("Slice.along(f, x, i).applyAsDouble(t)")
                        .input("f", f, "x", original, "i", i, "t", t)
                        .expected(expected).received(received).withinRelative(SAME_POINT)
                        .hint("the slice is f(x with x[i] replaced by t)"))
                    .isLessThanOrEqualTo(SAME_POINT);
            }
        }
    }

    @Test
    @Graded(task = "2.1", points = 3)
    @DisplayName("2.1 The derivative of the slice at x_i is the partial derivative of f")
    void derivativeOfTheSliceIsThePartial(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            int n = random.between(1, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            int i = random.nextInt(n);
            double expected = f.gradient(x)[i];
            double received = FiniteDifferences.derivative(Slice.along(f, x, i), x[i]);
            assertThat(Explain.relativeError(received, expected, 1.0))
                .withFailMessage(Explain.that("the derivative of Slice.along(f, x, i) at t = x[i]")
                    .input("f", f, "x", x, "i", i)
                    .expected(expected).received(received).withinRelative(ORACLE)
                    .hint("this is the exact partial df/dx_i(x): if the slice is f on the line through x along "
                        + "axis i, its derivative at t = x[i] is exactly that. Does the slice pass through x, with "
                        + "the right coordinate moving?"))
                .isLessThanOrEqualTo(ORACLE);
        }
    }

    @Test
    @Graded(task = "2.1", points = 4)
    @DisplayName("2.1 The slice never changes the caller's array, and stays on its line whatever is done to it later")
    void sliceNeverChangesTheCallersArray(TestRandom random) {
        for (int trial = 0; trial < 6; trial++) {
            int n = random.between(2, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[] original = x.clone();
            int i = random.nextInt(n);

            // 1. evaluating the slice leaves the caller's x alone
            DoubleUnaryOperator slice = Slice.along(f, x, i);
            double first = random.uniform(-2, 2);
            slice.applyAsDouble(first);
            assertThat(x)
                .withFailMessage("Slice.along(f, x, %d) changed the caller's array x: it was %s, and after the "
                    + "slice was evaluated at t = %s it is %s. Copy x (x.clone()) and change the copy.", i,
                    Arrays.toString(original), first, Arrays.toString(x))
                .containsExactly(original);

            // 2. the caller moves on and reuses its array, as an optimiser updating parameters in place does
            for (int k = 0; k < n; k++) {
                x[k] = random.uniform(-2, 2);
            }
            double t = random.uniform(-2, 2);
            assertStaysOnTheLine(slice, f, original, i, t, "the caller changed x after making the slice: copy x "
                + "when the slice is made (in along, not inside the function it returns), so that the slice keeps "
                + "the point it was made at");

            // 3. a careless f scribbles over the array it is given, once it has read it
            ToDoubleFunction<double[]> scribbler = p -> {
                double value = f.applyAsDouble(p);
                Arrays.fill(p, 99.0);
                return value;
            };
            DoubleUnaryOperator scribbled = Slice.along(scribbler, original.clone(), i);
            scribbled.applyAsDouble(random.uniform(-2, 2));
            assertStaysOnTheLine(scribbled, f, original, i, t, "f changed the array it was given (to all 99s) at the "
                + "previous evaluation: give f a fresh copy of the point at every evaluation, so that nothing f "
                + "does can move the line");
        }
    }

    @Test
    @Graded(task = "2.1", points = 2)
    @DisplayName("2.1 Bad input is rejected with a message naming the parameter and its value")
    void rejectsBadInput() {
        double[] x = {2, 5};
        BadInput.assertRejected("Slice.along(null, x, 0)", () -> Slice.along(null, x, 0), "f", "null");
        BadInput.assertRejected("Slice.along(f, null, 0)", () -> Slice.along(LESSON, null, 0), "x", "null");
        BadInput.assertRejected("Slice.along(f, new double[0], 0)", () -> Slice.along(LESSON, new double[0], 0),
            "x", "0");
        BadInput.assertRejected("Slice.along(f, {2, 5}, -1)", () -> Slice.along(LESSON, x, -1), "i", "-1");
        BadInput.assertRejected("Slice.along(f, {2, 5}, 2)", () -> Slice.along(LESSON, x, 2), "i", "2");
        BadInput.assertRejected("Slice.along(f, {2, NaN}, 0)",
            () -> Slice.along(LESSON, new double[] {2, Double.NaN}, 0), "x", "NaN");
        BadInput.assertRejected("Slice.along(f, {Infinity, 5}, 1)",
            () -> Slice.along(LESSON, new double[] {Double.POSITIVE_INFINITY, 5}, 1), "x", "Infinity");
    }

    /** Fails unless the slice at t is f at the original point with coordinate i set to t. */
    private static void assertStaysOnTheLine(DoubleUnaryOperator slice, Fields.Field f, double[] original, int i,
                                             double t, String hint) {
        double received = slice.applyAsDouble(t);
        double[] onTheLine = original.clone();
        onTheLine[i] = t;
        double expected = f.applyAsDouble(onTheLine);
        assertThat(Explain.relativeError(received, expected, 1.0))
            .withFailMessage(Explain.that("the slice at t")
                .input("f", f, "x when the slice was made", original, "i", i, "t", t)
                .expected(expected).received(received).withinRelative(SAME_POINT)
                .hint(hint))
            .isLessThanOrEqualTo(SAME_POINT);
    }

    /** Fails unless {@code p} is {@code x} with coordinate {@code i} set to {@code t}. */
    private static void assertOnlyCoordinateMoved(double[] p, double[] x, int i, double t) {
        assertThat(p.length)
            .as("f was given a point with %d coordinates, but x has %d", p.length, x.length)
            .isEqualTo(x.length);
        for (int j = 0; j < x.length; j++) {
            double want = j == i ? t : x[j];
            // t may be rounded once if the point is built as x + (t - x_i) e_i
            assertThat(p[j])
                .withFailMessage("the slice along i = %d at t = %s evaluated f at %s, but coordinate %d should be "
                    + "%s: one variable moves (coordinate i becomes t), the others hold still at x = %s", i, t,
                    Arrays.toString(p), j, want, Arrays.toString(x))
                .isCloseTo(want, within(4 * Math.ulp(Math.max(Math.abs(want), 1.0))));
        }
    }
}
