package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;

@DisplayName("Task 2.4: second and mixed partials")
class SecondPartialTest {

    /** The lesson's example f(x, y) = x^2 y + 3y. */
    private static final ToDoubleFunction<double[]> LESSON = p -> p[0] * p[0] * p[1] + 3 * p[1];
    /** A cubic whose mixed partial is not constant: f(x, y) = x^3 y^2. */
    private static final ToDoubleFunction<double[]> CUBIC = p -> p[0] * p[0] * p[0] * p[1] * p[1];

    /**
     * A step near the best one for second differences of functions of scale 1 (truncation ~h^2, round-off
     * ~eps |f| / h^2 meet near eps^(1/4) ~ 1e-4).
     */
    private static final double H = 2e-4;

    /**
     * On the worked examples the truncation error is at most h^2 |f_xxxy| / 6 ~ 4e-8 * 12 / 6 ~ 1e-7 and the
     * round-off eps |f| / h^2 ~ 2e-16 * 35 / 4e-8 ~ 2e-7: 1e-5 leaves a wide margin.
     */
    private static final double WORKED = 1e-5;

    /**
     * On the random fields (fourth derivatives up to about 100, values up to about 20) the truncation error
     * h^2 |f''''| / 12 stays below 4e-7 and the round-off below 1e-6: 2e-5 (relative, absolute below 1) has a
     * margin, while a one-sided second difference (error ~h |f'''|) or a wrong factor (2h^2 for 4h^2) fails it.
     */
    private static final double RANDOM = 2e-5;

    @ParameterizedTest(name = "{0} at ({1}, {2}): d2f/dx_{4} dx_{3} = {5}")
    @CsvSource({
        "x^2 y + 3y,  2, 5, 0, 0,  10",
        "x^2 y + 3y,  2, 5, 1, 1,   0",
        "x^2 y + 3y,  2, 5, 0, 1,   4",
        "x^2 y + 3y,  2, 5, 1, 0,   4",
        "x^2 y + 3y, -1, 4, 0, 1,  -2",
        "x^3 y^2,     1, 2, 0, 0,  24",
        "x^3 y^2,     1, 2, 1, 1,   2",
        "x^3 y^2,     1, 2, 0, 1,  12",
        "x^3 y^2,    -2, 1, 0, 0, -12",
        "x^3 y^2,    -2, 1, 1, 1, -16",
        "x^3 y^2,    -2, 1, 1, 0,  24",
    })
    @Graded(task = "2.4", points = 3)
    @DisplayName("2.4 Worked examples: the second partials of x^2 y + 3y and of x^3 y^2")
    void secondPartialsOfWorkedExamples(String formula, double x, double y, int i, int j, double expected) {
        ToDoubleFunction<double[]> f = formula.equals("x^3 y^2") ? CUBIC : LESSON;
        double[] point = {x, y};
        double received = SecondPartial.of(f, point, i, j, H);
        String rules = formula.equals("x^3 y^2") ? "f_xx = 6xy^2, f_yy = 2x^3, f_xy = f_yx = 6x^2 y"
            : "f_xx = 2y, f_yy = 0, f_xy = f_yx = 2x";
        assertThat(received)
            .withFailMessage(Explain.that("SecondPartial.of(f, x, " + i + ", " + j + ", h)")
                .input("f(x, y)", formula, "x", point, "i", i, "j", j, "h", H)
                .expected(expected).received(received).within(WORKED)
                .hint("for f = " + formula + ": " + rules))
            .isCloseTo(expected, within(WORKED));
    }

    @Test
    @Graded(task = "2.4", points = 4)
    @DisplayName("2.4 Pure second partials of random smooth functions match their exact values")
    void pureSecondPartialsMatchExactValues(TestRandom random) {
        for (int trial = 0; trial < 15; trial++) {
            int n = random.between(1, 5);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[][] exact = f.hessian(x);
            for (int i = 0; i < n; i++) {
                double received = SecondPartial.of(f, x, i, i, H);
                assertThat(Explain.relativeError(received, exact[i][i], 1.0))
                    .withFailMessage(Explain.that("SecondPartial.of(f, x, i, i, h)")
                        .input("f", f, "x", x, "i", i, "h", H)
                        .expected(exact[i][i]).received(received).withinRelative(RANDOM)
                        .hint("the second difference of the slice: (f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2"))
                    .isLessThanOrEqualTo(RANDOM);
            }
        }
    }

    @Test
    @Graded(task = "2.4", points = 5)
    @DisplayName("2.4 Mixed partials match the exact Hessian in either order (Schwarz) on random smooth functions")
    void mixedPartialsAgreeInEitherOrder(TestRandom random) {
        int pairs = 0;
        for (int trial = 0; trial < 15; trial++) {
            int n = random.between(2, 5);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[][] exact = f.hessian(x);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ij = SecondPartial.of(f, x, i, j, H);
                    double ji = SecondPartial.of(f, x, j, i, H);
                    pairs++;
                    assertThat(Explain.relativeError(ij, exact[i][j], 1.0))
                        .withFailMessage(Explain.that("SecondPartial.of(f, x, i, j, h)")
                            .input("f", f, "x", x, "i", i, "j", j, "h", H)
                            .expected(exact[i][j]).received(ij).withinRelative(RANDOM)
                            .hint("the mixed partial moves two coordinates: (f(x + h e_i + h e_j) - f(x - h e_i + "
                                + "h e_j) - f(x + h e_i - h e_j) + f(x - h e_i - h e_j)) / (4 h^2)"))
                        .isLessThanOrEqualTo(RANDOM);
                    assertThat(Explain.relativeError(ji, ij, 1.0))
                        .withFailMessage(Explain.that("SecondPartial.of(f, x, j, i, h), the other order")
                            .input("f", f, "x", x, "i", i, "j", j, "h", H)
                            .expected(ij).received(ji).withinRelative(RANDOM)
                            .hint("for a smooth f the order of differentiation does not matter (Schwarz): "
                                + "d/dx_i (df/dx_j) = d/dx_j (df/dx_i). Here of(f, x, i, j, h) = " + ij
                                + " but of(f, x, j, i, h) = " + ji + ": are i and j treated differently?"))
                        .isLessThanOrEqualTo(RANDOM);
                }
            }
        }
        assertThat(pairs).as("pairs checked").isPositive();
    }

    @Test
    @Graded(task = "2.4", points = 3)
    @DisplayName("2.4 Bad input is rejected with a message naming the parameter, and x is never changed")
    void rejectsBadInputAndKeepsX(TestRandom random) {
        double[] x = random.vector(3, -2, 2);
        double[] original = x.clone();
        ToDoubleFunction<double[]> f = Fields.random(random, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                SecondPartial.of(f, x, i, j, H);
                assertThat(x)
                    .withFailMessage("SecondPartial.of(f, x, %d, %d, h) changed the caller's array x from %s to %s: "
                        + "move coordinates in a copy", i, j, Arrays.toString(original), Arrays.toString(x))
                    .containsExactly(original);
            }
        }
        BadInput.assertRejected("of(null, x, 0, 1, h)", () -> SecondPartial.of(null, x, 0, 1, H), "f", "null");
        BadInput.assertRejected("of(f, null, 0, 1, h)", () -> SecondPartial.of(f, null, 0, 1, H), "x", "null");
        BadInput.assertRejected("of(f, new double[0], 0, 0, h)", () -> SecondPartial.of(f, new double[0], 0, 0, H),
            "x", "0");
        BadInput.assertRejected("of(f, {1, NaN, 2}, 0, 1, h)",
            () -> SecondPartial.of(f, new double[] {1, Double.NaN, 2}, 0, 1, H), "x", "NaN");
        BadInput.assertRejected("of(f, x, 3, 0, h)", () -> SecondPartial.of(f, x, 3, 0, H), "i", "3");
        BadInput.assertRejected("of(f, x, 0, 3, h)", () -> SecondPartial.of(f, x, 0, 3, H), "j", "3");
        BadInput.assertRejected("of(f, x, 1, -1, h)", () -> SecondPartial.of(f, x, 1, -1, H), "j", "-1");
        BadInput.assertRejected("of(f, x, 0, 0, h = 0)", () -> SecondPartial.of(f, x, 0, 0, 0.0), "h", "0");
        BadInput.assertRejected("of(f, x, 0, 1, h = -1e-4)", () -> SecondPartial.of(f, x, 0, 1, -1e-4), "h",
            "-1.0E-4");
        BadInput.assertRejected("of(f, x, 0, 1, h = NaN)", () -> SecondPartial.of(f, x, 0, 1, Double.NaN), "h",
            "NaN");
    }
}
