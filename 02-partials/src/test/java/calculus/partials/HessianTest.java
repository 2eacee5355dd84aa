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
import calculus.oracles.EvaluationRecorder;
import calculus.oracles.Fields;

@DisplayName("Task 2.5: the Hessian matrix")
class HessianTest {

    /**
     * A quadratic has no truncation error in a second difference, so a larger step only lowers the round-off:
     * with h = 1e-3 it is eps |f| / h^2 ~ 2e-16 * 50 / 1e-6 ~ 1e-8.
     */
    private static final double QUADRATIC_STEP = 1e-3;
    /** Round-off 1e-8 on entries of order 1 to 5: the Hessian of a quadratic must come out right to 1e-6. */
    private static final double QUADRATIC = 1e-6;

    /** The step of the second differences on random fields: near the best one, eps^(1/4) ~ 1e-4. */
    private static final double H = 2e-4;
    /** As in Task 2.4: truncation below 4e-7 and round-off below 1e-6 on these fields, relative above 1. */
    private static final double RANDOM = 2e-5;

    @Test
    @Graded(task = "2.5", points = 5)
    @DisplayName("2.5 At the minimum of a convex quadratic the Hessian is its matrix A, and positive definite")
    void recoversTheMatrixOfAConvexQuadratic(TestRandom random) {
        for (int trial = 0; trial < 6; trial++) {
            int n = random.between(1, 5);
            double[] minimum = random.vector(n, -2, 2);
            Fields.Field f = Fields.convexQuadratic(random, n, minimum);
            double[][] a = f.hessian(minimum);
            // at the minimum, and at another point: the Hessian of a quadratic is the same everywhere
            double[][] points = {minimum, random.vector(n, -2, 2)};
            for (double[] x : points) {
                double[][] received = Hessian.of(f, x, QUADRATIC_STEP);
                assertMatrixClose("Hessian.of(f, x, h)", f, x, QUADRATIC_STEP, a, received, QUADRATIC,
                    "f is 1/2 (x - m)'A(x - m) with m = " + Arrays.toString(minimum) + ": its Hessian is A at every "
                        + "point");
            }
            double[][] atMinimum = Hessian.of(f, minimum, QUADRATIC_STEP);
            assertThat(Hessian.isPositiveDefinite(atMinimum))
                .withFailMessage("Hessian.isPositiveDefinite returned false for the Hessian of a convex bowl at its "
                    + "minimum, %s, whose smallest eigenvalue is at least 0.5: every Cholesky pivot is positive. Is a "
                    + "pivot's sign or its sum of squares wrong?", Arrays.deepToString(atMinimum))
                .isTrue();
        }
    }

    @Test
    @Graded(task = "2.5", points = 4)
    @DisplayName("2.5 The Hessian of random smooth functions matches the exact one and is exactly symmetric")
    void matchesRandomFieldsAndIsSymmetric(TestRandom random) {
        for (int trial = 0; trial < 10; trial++) {
            int n = random.between(1, 5);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[][] received = Hessian.of(f, x, H);
            assertMatrixClose("Hessian.of(f, x, h)", f, x, H, f.hessian(x), received, RANDOM,
                "entry [i][j] is the second partial d2f/dx_i dx_j, as SecondPartial.of computes it");
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    assertThat(received[j][i])
                        .withFailMessage("Hessian.of(f, x, h) is not exactly symmetric: H[%d][%d] = %s but H[%d][%d] "
                            + "= %s. The mixed partials agree (Schwarz): compute each entry above the diagonal once "
                            + "and copy it below, which also saves half the work.", i, j, received[i][j], j, i,
                            received[j][i])
                        .isEqualTo(received[i][j]);
                }
            }
        }
    }

    @Test
    @Graded(task = "2.5", points = 3)
    @DisplayName("2.5 The Hessian takes at most 2n^2 + n evaluations and never changes x")
    void usesSymmetryToSaveEvaluations(TestRandom random) {
        for (int trial = 0; trial < 5; trial++) {
            int n = random.between(2, 6);
            EvaluationRecorder recorder = new EvaluationRecorder();
            ToDoubleFunction<double[]> f = recorder.scalar(Fields.random(random, n));
            double[] x = random.vector(n, -2, 2);
            double[] original = x.clone();
            Hessian.of(f, x, H);
            int budget = 2 * n * n + n;
            assertThat(recorder.count())
                .withFailMessage("Hessian.of(f, x, h) with n = %d evaluated f %d times; at most 2n^2 + n = %d are "
                    + "needed: 3 for each of the n diagonal entries, 4 for each of the n(n - 1)/2 entries above it. "
                    + "The entries below the diagonal are copies (Schwarz), not new work.", n, recorder.count(), budget)
                .isLessThanOrEqualTo(budget);
            assertThat(x)
                .withFailMessage("Hessian.of(f, x, h) changed the caller's array x from %s to %s",
                    Arrays.toString(original), Arrays.toString(x))
                .containsExactly(original);
        }
    }

    @ParameterizedTest(name = "[{0}] is positive definite: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
        5                       | true  | a 1 x 1 matrix is positive definite when its entry is positive
        0                       | false | d'Md = 0 for every d: flat, not positive
        2 0; 0 3                | true  | a diagonal matrix is positive definite when every diagonal entry is positive
        4 2; 2 3                | true  | the pivots are 4 and 3 - 2^2/4 = 2, both positive
        1 2; 2 1                | false | a saddle: the diagonal is positive, yet d = (1, -1) gives d'Md = -2
        1 1; 1 1                | false | a ridge: d = (1, -1) gives d'Md = 0, the second pivot is 1 - 1 = 0
        -1 0; 0 -2              | false | a cap (a maximum): the determinant is positive, the first pivot is not
        10 4; 4 0               | false | the Hessian of x^2 y + 3y at (2, 5): a saddle, second pivot 0 - 16/10 < 0
        2 -1 0; -1 2 -1; 0 -1 2 | true  | the second-difference matrix: pivots 2, 3/2, 4/3
        1 2 0; 2 5 0; 0 0 -1    | false | positive in the first two coordinates, curving down in the third
        0 0; 0 0                | false | the zero matrix is symmetric, and flat in every direction: not positive
        1e6 1; 1.000000001 1e6  | true  | off by 1e-9, round-off next to 1e6: symmetry is relative to the largest entry
        """)
    @Graded(task = "2.5", points = 3)
    @DisplayName("2.5 Worked examples: bowls are positive definite; saddles, ridges and caps are not")
    void positiveDefiniteWorkedExamples(String rows, boolean expected, String why) {
        double[][] m = parse(rows);
        boolean received = Hessian.isPositiveDefinite(m);
        assertThat(received)
            .withFailMessage(Explain.that("Hessian.isPositiveDefinite(m)")
                .input("m", "[" + rows + "]")
                .expected(expected).received(received)
                .hint(why))
            .isEqualTo(expected);
    }

    @Test
    @Graded(task = "2.5", points = 3)
    @DisplayName("2.5 Random matrices with known eigenvalues: positive definite exactly when all are positive")
    void positiveDefiniteOnRandomMatrices(TestRandom random) {
        for (int trial = 0; trial < 24; trial++) {
            int n = random.between(1, 6);
            double[] eigenvalues = random.vector(n, 0.1, 3);
            // every other matrix has one negative eigenvalue, hidden by the rotation: its diagonal may be positive
            boolean definite = trial % 2 == 0;
            if (!definite) {
                eigenvalues[random.nextInt(n)] = -random.uniform(0.1, 3);
            }
            double[][] m = rotated(eigenvalues, random.unitVector(n));
            boolean received = Hessian.isPositiveDefinite(m);
            assertThat(received)
                .withFailMessage(Explain.that("Hessian.isPositiveDefinite(m)")
                    .input("m", Arrays.deepToString(m), "its eigenvalues", eigenvalues)
                    .expected(definite).received(received)
                    .hint(definite ? "all eigenvalues are positive, so every Cholesky pivot is: is a pivot computed "
                        + "wrongly (m[j][j] minus the squares of the entries of row j of L left of the diagonal)?"
                        : "one eigenvalue is negative: along its eigenvector the function curves down. A check of "
                        + "the diagonal alone, or of the determinant alone, misses it; Cholesky meets a pivot <= 0."))
                .isEqualTo(definite);
        }
    }

    @Test
    @Graded(task = "2.5", points = 2)
    @DisplayName("2.5 Bad input is rejected with a message naming the parameter and its value")
    void rejectsBadInput() {
        ToDoubleFunction<double[]> f = p -> p[0] * p[0] + p[1] * p[1];
        double[] x = {1, 2};
        BadInput.assertRejected("Hessian.of(null, x, h)", () -> Hessian.of(null, x, H), "f", "null");
        BadInput.assertRejected("Hessian.of(f, null, h)", () -> Hessian.of(f, null, H), "x", "null");
        BadInput.assertRejected("Hessian.of(f, new double[0], h)", () -> Hessian.of(f, new double[0], H), "x", "0");
        BadInput.assertRejected("Hessian.of(f, {1, Infinity}, h)",
            () -> Hessian.of(f, new double[] {1, Double.POSITIVE_INFINITY}, H), "x", "Infinity");
        BadInput.assertRejected("Hessian.of(f, x, h = -2)", () -> Hessian.of(f, x, -2), "h", "-2");
        BadInput.assertRejected("Hessian.of(f, x, h = NaN)", () -> Hessian.of(f, x, Double.NaN), "h", "NaN");
        BadInput.assertRejected("isPositiveDefinite(null)", () -> Hessian.isPositiveDefinite(null), "m", "null");
        BadInput.assertRejected("isPositiveDefinite([1 0; null])",
            () -> Hessian.isPositiveDefinite(new double[][] {{1, 0}, null}), "m", "null");
        BadInput.assertRejected("isPositiveDefinite([1 2; 3])",
            () -> Hessian.isPositiveDefinite(new double[][] {{1, 2}, {3}}), "m", "1");
        BadInput.assertRejected("isPositiveDefinite([1 2; 3 4])",
            () -> Hessian.isPositiveDefinite(new double[][] {{1, 2}, {3, 4}}), "m", "3.0");
        BadInput.assertRejected("isPositiveDefinite([1 NaN; NaN 1])",
            () -> Hessian.isPositiveDefinite(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}), "m", "NaN");
    }

    /** Compares two matrices row by row, with a message that names the row and the usual mistake. */
    private static void assertMatrixClose(String what, ToDoubleFunction<double[]> f, double[] x, double h,
                                          double[][] expected, double[][] received, double tolerance, String hint) {
        int n = expected.length;
        assertThat(received)
            .withFailMessage("%s returned %s for a point with %d coordinates: expected an %d x %d matrix", what,
                received == null ? "null" : received.length + " rows", n, n, n)
            .isNotNull()
            .hasNumberOfRows(n);
        for (int i = 0; i < n; i++) {
            double[] row = received[i];
            for (int j = 0; j < n; j++) {
                double error = row == null || row.length != n ? Double.NaN
                    : Explain.relativeError(row[j], expected[i][j], 1.0);
                assertThat(error)
                    .withFailMessage(Explain.that(what + ", row " + i)
                        .input("f", f, "x", x, "h", h)
                        .expected(expected[i]).received(row).withinRelative(tolerance)
                        .hint(hint))
                    .isLessThanOrEqualTo(tolerance);
            }
        }
    }

    /** The symmetric matrix Q diag(eigenvalues) Q with Q = I - 2vv' a reflection: its eigenvalues are as given. */
    private static double[][] rotated(double[] eigenvalues, double[] v) {
        int n = eigenvalues.length;
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * v[i] * v[j];
            }
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * eigenvalues[k] * q[j][k];
                }
                // computed once and mirrored, so that the matrix is exactly symmetric
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return m;
    }

    /** "1 2; 2 1" is the matrix with rows (1, 2) and (2, 1). */
    private static double[][] parse(String rows) {
        return Arrays.stream(rows.split(";"))
            .map(row -> Arrays.stream(row.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
            .toArray(double[][]::new);
    }
}
