package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.EvaluationRecorder;
import calculus.oracles.Fields;
import calculus.oracles.FiniteDifferences;

/** Task 4.6: the Jacobian, and its relation to the gradient. */
@DisplayName("Task 4.6: the Jacobian")
class JacobianTest {

    private static final double H = NumericalGradient.DEFAULT_STEP;
    // polar coordinates: third derivatives at most r <= 3, so the central difference's truncation error is at most
    // 3 h^2 / 6 ~ 5e-11 and its round-off about 1e-11; 1e-8 of the matrix's largest entry is a safe margin
    private static final double EXAMPLE_TOLERANCE = 1e-8;
    // as for the numerical gradient of the same random fields (see NumericalGradientTest)
    private static final double FIELD_TOLERANCE = 1e-6;
    // J^T v with an exact J is exact but for rounding; the five-point oracle of the gradient of v.f it is
    // compared with is good to about 1e-11 of its largest entry
    private static final double TRANSPOSE_TOLERANCE = 1e-8;
    private static final int TRIALS = 10;

    @ParameterizedTest(name = "r = {0}, theta = {1}")
    @Graded(task = "4.6", points = 2)
    @DisplayName("4.6 Worked examples: the Jacobian of polar coordinates (r, theta) -> (r cos theta, r sin theta)")
    @CsvSource({
        "2,   0,                  1.0,                  0.0,                  0.0,                2.0",
        "1,   1.5707963267948966, 0.0,                  -1.0,                 1.0,                0.0",
        "3,   0.7853981633974483, 0.7071067811865476,   -2.1213203435596424,  0.7071067811865475, 2.121320343559643",
        "0.5, 3.141592653589793,  -1.0,                 0.0,                  0.0,                -0.5",
    })
    void polarCoordinates(double r, double theta, double xr, double xTheta, double yr, double yTheta) {
        Function<double[], double[]> polar = p -> new double[] {p[0] * Math.cos(p[1]), p[0] * Math.sin(p[1])};
        double[] point = {r, theta};
        double[][] received = Jacobian.numerical(polar, point, H);
        double[][] expected = {{xr, xTheta}, {yr, yTheta}};
        assertThat(received).as("Jacobian.numerical(f, x, h) for f: R^2 -> R^2 must be a 2 x 2 matrix").isNotNull()
            .hasDimensions(2, 2);
        Expect.closeTo(Explain.that("Jacobian.numerical(f, x, h), row by row")
            .input("f(r, theta)", "(r cos theta, r sin theta)", "x = (r, theta)", point, "h", H)
            .hint(transposed(expected, received))
            .hint("row i is output i, column j is input j: [[dx/dr, dx/dtheta], [dy/dr, dy/dtheta]] = "
                + "[[cos theta, -r sin theta], [sin theta, r cos theta]]"),
            Entries.flatten(expected), Entries.flatten(received), EXAMPLE_TOLERANCE);
    }

    @Test
    @Graded(task = "4.6", points = 3)
    @DisplayName("4.6 The m x n Jacobian of random smooth maps R^n -> R^m has the outputs' gradients as rows")
    void agreesWithExactJacobians(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 5);
            int m = random.between(1, 4);
            Fields.Field[] outputs = new Fields.Field[m];
            for (int i = 0; i < m; i++) {
                outputs[i] = Fields.random(random, n);
            }
            double[] x = random.vector(n, -2, 2);
            double[][] expected = new double[m][];
            for (int i = 0; i < m; i++) {
                expected[i] = outputs[i].gradient(x);
            }
            double[][] received = Jacobian.numerical(map(outputs), x, H);
            String shape = received == null ? "null" : received.length + " x "
                + (received.length == 0 || received[0] == null ? "?" : received[0].length);
            assertThat(received).as("Jacobian.numerical for f: R^%d -> R^%d must be an m x n = %d x %d matrix "
                + "(one row per output, one column per input), got %s%s", n, m, m, n, shape,
                shape.equals(n + " x " + m) && m != n ? ": rows and columns exchanged" : "")
                .isNotNull().hasDimensions(m, n);
            Expect.closeTo(Explain.that("Jacobian.numerical(f, x, h), row by row")
                .input("f", Arrays.toString(outputs), "x", x, "h", H)
                .hint(transposed(expected, received))
                .hint("entry [i][j] is the partial derivative of output i with respect to input j"),
                Entries.flatten(expected), Entries.flatten(received), FIELD_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.6", points = 2)
    @DisplayName("4.6 The Jacobian costs exactly 2n evaluations of f, whatever m is, and leaves x unchanged")
    void evaluatesTwicePerInput(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 6);
            int m = random.between(1, 4);
            Fields.Field[] outputs = new Fields.Field[m];
            for (int i = 0; i < m; i++) {
                outputs[i] = Fields.random(random, n);
            }
            double[] x = random.vector(n, -2, 2);
            double[] before = x.clone();
            EvaluationRecorder recorder = new EvaluationRecorder();
            Jacobian.numerical(recorder.vector(map(outputs)), x, H);
            assertThat(x).as("Jacobian.numerical changed x from %s to %s: perturb a copy", Arrays.toString(before),
                Arrays.toString(x)).containsExactly(before);
            assertThat(recorder.count()).as("f: R^%d -> R^%d was evaluated %d times; one call gives all m outputs, "
                + "so a whole column needs only f(x + h e_j) and f(x - h e_j): 2n = %d calls in all", n, m,
                recorder.count(), 2 * n).isEqualTo(2 * n);
            String problems = recorder.centralDifferenceProblems(before, H);
            assertThat(problems).withFailMessage("%s", problems).isEmpty();
        }
    }

    @Test
    @Graded(task = "4.6", points = 2)
    @DisplayName("4.6 For m = 1 the Jacobian is the gradient as one row, and J^T v is the gradient of v.f")
    void relationToTheGradient(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double[][] row = Jacobian.numerical(p -> new double[] {f.applyAsDouble(p)}, x, H);
            assertThat(row).as("the Jacobian of a scalar function of %d variables is 1 x %d: a single row", n, n)
                .isNotNull().hasDimensions(1, n);
            Expect.closeTo(Explain.that("Jacobian.numerical(f, x, h)[0] for a scalar f").input("f(x)", f, "x", x)
                .hint("for m = 1 the only row is the gradient of f"), f.gradient(x), row[0], FIELD_TOLERANCE);

            int m = random.between(1, 4);
            Fields.Field[] outputs = new Fields.Field[m];
            double[][] exact = new double[m][];
            for (int i = 0; i < m; i++) {
                outputs[i] = Fields.random(random, n);
                exact[i] = outputs[i].gradient(x);
            }
            double[] v = random.vector(m, -2, 2);
            // the gradient of v.f, by the oracle, with no Jacobian in sight: the chain rule is what is tested
            double[] expected = FiniteDifferences.gradient(p -> {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += v[i] * outputs[i].applyAsDouble(p);
                }
                return s;
            }, x);
            double[] received = Jacobian.transposeTimes(exact, v);
            // the terms v[i] * jacobian[i][j] may cancel: the oracle is good to a tiny fraction of the terms' size,
            // not of their sum, so the error is measured against the larger of the two
            double terms = 0;
            for (int j = 0; j < n; j++) {
                double size = 0;
                for (int i = 0; i < m; i++) {
                    size += Math.abs(v[i] * exact[i][j]);
                }
                terms = Math.max(terms, size);
            }
            Explain message = Explain.that("Jacobian.transposeTimes(jacobian, v)")
                .input("jacobian", Arrays.deepToString(exact), "v", v)
                .hint("entry j is sum over the rows i of jacobian[i][j] * v[i]: the outputs' gradients weighted by v, "
                    + "which is the gradient of v.f (the chain rule)")
                .expected(expected).received(received).withinRelative(TRANSPOSE_TOLERANCE);
            assertThat(received).withFailMessage(message).isNotNull().hasSize(n);
            assertThat(Explain.largestRelativeError(expected, received, terms)).withFailMessage(message)
                .isLessThanOrEqualTo(TRANSPOSE_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.6", points = 1)
    @DisplayName("4.6 A null map, a bad step, outputs of changing length or a mismatched v are rejected")
    void rejectsBadInput() {
        double[] x = {1, 2};
        Expect.rejects("Jacobian.numerical(null, x, h)", () -> Jacobian.numerical(null, x, H), "f", "null");
        Expect.rejects("Jacobian.numerical(f, x, -1.0)", () -> Jacobian.numerical(p -> p.clone(), x, -1.0), "h",
            "-1.0");
        Expect.rejects("Jacobian.numerical(f, [], h)", () -> Jacobian.numerical(p -> p.clone(), new double[0], H), "x");
        Expect.rejects("Jacobian.numerical(f, x, h) with f returning one value, then two",
            () -> Jacobian.numerical(p -> p[0] > 1 ? new double[] {1} : new double[] {1, 2}, new double[] {1}, H),
            "f", "1", "2");
        // the first column fixes m = 1; the second column's evaluations return two values
        Expect.rejects("Jacobian.numerical(f, [0, 0], h) with f returning one value for column 0, then two",
            () -> Jacobian.numerical(p -> p[1] != 0 ? new double[] {1, 2} : new double[] {1}, new double[] {0, 0}, H),
            "f", "1", "2");
        Expect.rejects("Jacobian.numerical(f, x, h) with f returning null", () -> Jacobian.numerical(p -> null, x, H),
            "f", "null");
        Expect.rejects("Jacobian.numerical(f, [1e20], h), where x[0] +- h rounds to x[0]",
            () -> Jacobian.numerical(p -> p.clone(), new double[] {1e20}, H), "h");
        double[][] jacobian = {{1, 2, 3}, {4, 5, 6}};
        Expect.rejects("Jacobian.transposeTimes(2 x 3 jacobian, v of length 3)",
            () -> Jacobian.transposeTimes(jacobian, new double[] {1, 2, 3}), "v", "3", "2");
        Expect.rejects("Jacobian.transposeTimes(null, v)", () -> Jacobian.transposeTimes(null, x), "jacobian",
            "null");
    }

    /** The hint for a Jacobian whose rows are the columns of the expected one; empty if it is not that. */
    private static String transposed(double[][] expected, double[][] received) {
        double[][] t = new double[expected[0].length][expected.length];
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                t[j][i] = expected[i][j];
            }
        }
        boolean sameShape = received != null && received.length == t.length
            && Arrays.stream(received).allMatch(row -> row != null && row.length == t[0].length);
        if (sameShape && Explain.relativeError(Entries.flatten(t), Entries.flatten(received)) <= 1e-6) {
            return "this is the transpose of the Jacobian: entry [i][j] must be d f_i / d x_j, so the central "
                + "difference in x_j fills column j, not row j";
        }
        return "";
    }

    /** The map x -> (f_1(x), ..., f_m(x)). */
    private static Function<double[], double[]> map(Fields.Field[] outputs) {
        return p -> {
            double[] y = new double[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                y[i] = outputs[i].applyAsDouble(p);
            }
            return y;
        };
    }
}
