package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

@DisplayName("Task 2.2: partial derivatives by central differences")
class PartialDerivativeTest {

    /** The lesson's example f(x, y) = x^2 y + 3y. */
    private static final ToDoubleFunction<double[]> LESSON = p -> p[0] * p[0] * p[1] + 3 * p[1];

    /** A step near the best one for functions of scale 1, where the central difference is good to about 1e-10. */
    private static final double H = 1e-5;

    /**
     * f is quadratic in x and linear in y, so the central difference has no truncation error at all: only the
     * round-off eps |f| / h ~ 2e-16 * 60 / 1e-5 ~ 1e-9 is left, and 1e-7 allows for it a hundred times over.
     */
    private static final double WORKED = 1e-7;

    /**
     * With h = 1e-5 the truncation error h^2 |f'''| / 6 of the random fields (|f'''| up to about 50 on the box) is
     * below 1e-9, and the round-off eps |f| / h (|f| up to about 20) below 5e-10: 1e-7 (relative, absolute below 1)
     * has a wide margin, while a one-sided difference, off by h |f''| / 2 ~ 5e-6 |f''|, fails it.
     */
    private static final double RANDOM = 1e-7;

    /**
     * The two steps of the order measurement: large enough that round-off (eps |f| / h ~ 1e-12) is negligible
     * against the truncation error (~1e-5 |f'''|), small enough that the h^2 term dominates the h^4 term.
     */
    private static final double ORDER_STEP = 0.02;

    /** Below this |f'''| the h^2 term is too small to measure an order from: such points are skipped. */
    private static final double MEASURABLE_THIRD_DERIVATIVE = 0.2;

    /** How far the measured order may be from 2: the next term of the error moves it by about 0.01. */
    private static final double ORDER_TOLERANCE = 0.25;

    @ParameterizedTest(name = "d/dx_{2} of x^2 y + 3y at ({0}, {1}) is {3}")
    @CsvSource({
        " 2, 5, 0, 20",
        " 2, 5, 1,  7",
        "-1, 4, 0, -8",
        "-1, 4, 1,  4",
        " 0, 7, 0,  0",
        " 3, 0, 1, 12",
    })
    @Graded(task = "2.2", points = 3)
    @DisplayName("2.2 Worked example: the partials of x^2 y + 3y are 2xy and x^2 + 3")
    void partialsOfTheLessonExample(double x, double y, int i, double expected) {
        double[] point = {x, y};
        double received = PartialDerivative.partial(LESSON, point, i, H);
        double here = LESSON.applyAsDouble(point);
        double up = LESSON.applyAsDouble(moved(point, i, H));
        double down = LESSON.applyAsDouble(moved(point, i, -H));
        double[] all = {x + H, y + H};
        double[] allDown = {x - H, y - H};
        assertThat(received)
            .withFailMessage(Explain.that("PartialDerivative.partial(f, x, " + i + ", h)")
                .input("f(x, y)", "x^2 y + 3y", "x", point, "i", i, "h", H)
                .expected(expected).received(received).within(WORKED)
                .mistake("a forward difference (f(x + h e_i) - f(x)) / h is taken: the central one steps to both "
                    + "sides of x_i", (up - here) / H)
                .mistake("a backward difference (f(x) - f(x - h e_i)) / h is taken: the central one steps to both "
                    + "sides of x_i", (here - down) / H)
                .mistake("every coordinate is moved by h, not only coordinate " + i + ": that is the slope along "
                    + "(1, 1), the sum of the partials", (LESSON.applyAsDouble(all) - LESSON.applyAsDouble(allDown))
                    / (2 * H))
                .mistake("coordinate " + (1 - i) + " is moved instead of coordinate " + i,
                    (LESSON.applyAsDouble(moved(point, 1 - i, H)) - LESSON.applyAsDouble(moved(point, 1 - i, -H)))
                        / (2 * H))
                .hint(i == 0 ? "along x, y holds still: d/dx (x^2 y + 3y) = 2xy" : "along y, x holds still: "
                    + "d/dy (x^2 y + 3y) = x^2 + 3"))
            .isCloseTo(expected, within(WORKED));
    }

    /** A copy of {@code point} with coordinate {@code i} moved by {@code by}. */
    private static double[] moved(double[] point, int i, double by) {
        double[] copy = point.clone();
        copy[i] += by;
        return copy;
    }

    @Test
    @Graded(task = "2.2", points = 6)
    @DisplayName("2.2 The partials of random smooth functions match their exact values")
    void matchesExactPartialsOfRandomFunctions(TestRandom random) {
        for (int trial = 0; trial < 20; trial++) {
            int n = random.between(1, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[] exact = f.gradient(x);
            for (int i = 0; i < n; i++) {
                double received = PartialDerivative.partial(f, x, i, H);
                assertThat(Explain.relativeError(received, exact[i], 1.0))
                    .withFailMessage(Explain.that("PartialDerivative.partial(f, x, i, h)")
                        .input("f", f, "x", x, "i", i, "h", H)
                        .expected(exact[i]).received(received).withinRelative(RANDOM))
                    .isLessThanOrEqualTo(RANDOM);
            }
        }
    }

    @Test
    @Graded(task = "2.2", points = 4)
    @DisplayName("2.2 The error shrinks like h^2: halving h divides it by 4")
    void convergesWithOrderTwo(TestRandom random) {
        List<String> measured = new ArrayList<>();
        int checked = 0;
        for (int draw = 0; draw < 500 && checked < 6; draw++) {
            int n = random.between(1, 4);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -1.5, 1.5);
            int i = random.nextInt(n);
            if (Math.abs(thirdPartial(f, x, i)) < MEASURABLE_THIRD_DERIVATIVE) {
                continue;
            }
            double exact = f.gradient(x)[i];
            double errorAtH = PartialDerivative.partial(f, x, i, ORDER_STEP) - exact;
            double errorAtHalfH = PartialDerivative.partial(f, x, i, ORDER_STEP / 2) - exact;
            double order = Explain.measuredOrder(errorAtH, errorAtHalfH);
            measured.add(String.format(Locale.ROOT, "%.2f", order));
            checked++;
            assertThat(Math.abs(order - 2))
                .withFailMessage(Explain.that("the convergence of PartialDerivative.partial(f, x, i, h)")
                    .input("f", f, "x", x, "i", i, "h", ORDER_STEP + " and " + ORDER_STEP / 2)
                    .order(2, order)
                    .detail("errors", String.format(Locale.ROOT, "%.3e at h, %.3e at h/2", errorAtH, errorAtHalfH))
                    .detail("orders so far", String.join(", ", measured)))
                .isLessThanOrEqualTo(ORDER_TOLERANCE);
        }
        assertThat(checked).as("the test found too few points with a measurable third derivative").isEqualTo(6);
    }

    @Test
    @Graded(task = "2.2", points = 4)
    @DisplayName("2.2 Two evaluations, at x + h e_i and x - h e_i: only coordinate i moves, and x is not changed")
    void evaluatesOnlyAlongCoordinateI(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            int n = random.between(2, 6);
            EvaluationRecorder recorder = new EvaluationRecorder();
            ToDoubleFunction<double[]> f = recorder.scalar(Fields.random(random, n));
            double[] x = random.vector(n, -2, 2);
            double[] original = x.clone();
            int i = random.nextInt(n);
            double h = random.logUniform(1e-6, 1e-2);
            PartialDerivative.partial(f, x, i, h);
            assertThat(recorder.count())
                .withFailMessage("PartialDerivative.partial(f, x, %d, h) evaluated f %d times; the central difference "
                    + "needs exactly 2 evaluations, f(x + h e_i) and f(x - h e_i)", i, recorder.count())
                .isEqualTo(2);
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] p : recorder.points()) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        assertThat(p[j])
                            .withFailMessage("partial(f, x, %d, h) evaluated f at %s, where coordinate %d moved from "
                                + "%s: only coordinate i = %d may move, the others hold still (x = %s)", i,
                                Arrays.toString(p), j, x[j], i, Arrays.toString(original))
                            .isEqualTo(original[j]);
                    }
                }
                low = Math.min(low, p[i]);
                high = Math.max(high, p[i]);
            }
            // x_i + h and x_i - h are rounded: allow a few units in the last place of x_i
            double rounding = 4 * Math.ulp(Math.abs(original[i]) + h);
            assertThat(new double[] {low, high})
                .withFailMessage("partial(f, x, %d, h = %s) moved coordinate %d to %s and %s; the central difference "
                    + "moves it to x_i - h = %s and x_i + h = %s", i, h, i, low, high, original[i] - h,
                    original[i] + h)
                .containsExactly(new double[] {original[i] - h, original[i] + h}, within(rounding));
            assertThat(x)
                .withFailMessage("partial(f, x, %d, h) changed the caller's array x from %s to %s: move coordinate "
                    + "i in a copy (the slice of Task 2.1 does that)", i, Arrays.toString(original),
                    Arrays.toString(x))
                .containsExactly(original);
        }
    }

    @Test
    @Graded(task = "2.2", points = 3)
    @DisplayName("2.2 Bad input is rejected with a message naming the parameter and its value")
    void rejectsBadInput() {
        double[] x = {2, 5};
        BadInput.assertRejected("partial(null, x, 0, h)", () -> PartialDerivative.partial(null, x, 0, H), "f",
            "null");
        BadInput.assertRejected("partial(f, null, 0, h)", () -> PartialDerivative.partial(LESSON, null, 0, H), "x",
            "null");
        BadInput.assertRejected("partial(f, new double[0], 0, h)",
            () -> PartialDerivative.partial(LESSON, new double[0], 0, H), "x", "0");
        BadInput.assertRejected("partial(f, {NaN, 5}, 0, h)",
            () -> PartialDerivative.partial(LESSON, new double[] {Double.NaN, 5}, 0, H), "x", "NaN");
        BadInput.assertRejected("partial(f, {2, 5}, 2, h)", () -> PartialDerivative.partial(LESSON, x, 2, H), "i",
            "2");
        BadInput.assertRejected("partial(f, {2, 5}, -1, h)", () -> PartialDerivative.partial(LESSON, x, -1, H), "i",
            "-1");
        BadInput.assertRejected("partial(f, x, 0, h = 0)", () -> PartialDerivative.partial(LESSON, x, 0, 0.0), "h",
            "0");
        BadInput.assertRejected("partial(f, x, 0, h = -0.1)", () -> PartialDerivative.partial(LESSON, x, 0, -0.1),
            "h", "-0.1");
        BadInput.assertRejected("partial(f, x, 0, h = NaN)",
            () -> PartialDerivative.partial(LESSON, x, 0, Double.NaN), "h", "NaN");
        BadInput.assertRejected("partial(f, x, 0, h = Infinity)",
            () -> PartialDerivative.partial(LESSON, x, 0, Double.POSITIVE_INFINITY), "h", "Infinity");
    }

    /** The third partial along i: the oracle's second derivative of the exact partial, along the slice. */
    private static double thirdPartial(Fields.Field f, double[] x, int i) {
        double[] point = x.clone();
        return FiniteDifferences.secondDerivative(t -> {
            point[i] = t;
            return f.gradient(point)[i];
        }, x[i]);
    }
}
