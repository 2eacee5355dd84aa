package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;

/** Task 4.1: the vector operations, with their dimension checks. */
@DisplayName("Task 4.1: vector operations")
class VectorsTest {

    /** The worked examples are small integers: exact in floating point but for the last bit of a square root. */
    private static final double EXACT = 1e-15;
    // a sum of n products, each rounded, is off by at most about n eps times the sum of |a_i b_i|: with n <= 20,
    // 1e-13 of that sum allows any order of summation and still catches a term left out
    private static final double SUM_TOLERANCE = 1e-13;
    // the norm is a square root of a sum of squares, with or without scaling: a few eps either way
    private static final double NORM_TOLERANCE = 1e-14;
    private static final int TRIALS = 20;

    @ParameterizedTest(name = "a = [{0}], b = [{1}]: a.b = {2}, |a| = {3}")
    @Graded(task = "4.1", points = 2)
    @DisplayName("4.1 Worked examples of the dot product and the norm")
    @CsvSource(delimiterString = "|", value = {
        "1 2 3  | 4 5 6 | 32  | 3.7416573867739413",
        "3 4    | 1 0   | 3   | 5",
        "1 -1   | 1 1   | 0   | 1.4142135623730951",
        "-2     | 7     | -14 | 2",
        "0 0 0  | 1 2 3 | 0   | 0",
    })
    void workedExamples(String aText, String bText, double dot, double norm) {
        double[] a = Check.vector(aText);
        double[] b = Check.vector(bText);
        Expect.closeTo(Explain.that("Vectors.dot(a, b)").input("a", a, "b", b)
            .hint("a.b = a[0] b[0] + a[1] b[1] + ... : one product per entry, all of them added"),
            dot, Vectors.dot(a, b), EXACT);
        Expect.closeTo(Explain.that("Vectors.norm(a)").input("a", a)
            .hint("|a| = sqrt(a[0]^2 + a[1]^2 + ...), the square root of a.a"),
            norm, Vectors.norm(a), EXACT);
    }

    @Test
    @Graded(task = "4.1", points = 3)
    @DisplayName("4.1 The dot product adds every product a[i] b[i], in either order of a and b")
    void dotProductOfRandomVectors(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 20);
            double[] a = random.vector(n, -5, 5);
            double[] b = random.vector(n, -5, 5);
            double expected = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                expected += a[i] * b[i];
                size += Math.abs(a[i] * b[i]);
            }
            double received = Vectors.dot(a, b);
            double tolerance = SUM_TOLERANCE * size;
            assertThat(received)
                .withFailMessage(Explain.that("Vectors.dot(a, b)").input("a", a, "b", b)
                    .expected(expected).received(received).within(tolerance)
                    .hint("is every index 0 .. n-1 visited once (no i <= n, no i < n - 1), and is it a[i] * b[i], "
                        + "not a[i] * a[i]?"))
                .isBetween(expected - tolerance, expected + tolerance);
            assertThat(Vectors.dot(b, a))
                .withFailMessage("Vectors.dot(b, a) = %s but Vectors.dot(a, b) = %s for a = %s, b = %s: the dot "
                    + "product is symmetric, a.b = b.a", Vectors.dot(b, a), received, Arrays.toString(a),
                    Arrays.toString(b))
                .isEqualTo(received);
        }
    }

    @Test
    @Graded(task = "4.1", points = 3)
    @DisplayName("4.1 add, subtract and scale work entry by entry, return new arrays and leave their inputs alone")
    void entryByEntryOperations(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 12);
            double[] a = random.vector(n, -10, 10);
            double[] b = random.vector(n, -10, 10);
            double c = random.uniform(-3, 3);
            double[] aBefore = a.clone();
            double[] bBefore = b.clone();
            double[] sum = new double[n];
            double[] difference = new double[n];
            double[] multiple = new double[n];
            for (int i = 0; i < n; i++) {
                sum[i] = a[i] + b[i];
                difference[i] = a[i] - b[i];
                multiple[i] = c * a[i];
            }
            double[] receivedSum = Vectors.add(a, b);
            double[] receivedDifference = Vectors.subtract(a, b);
            double[] receivedMultiple = Vectors.scale(c, a);
            // one addition or multiplication per entry rounds the same way however it is written: exact equality
            Expect.closeTo(Explain.that("Vectors.add(a, b)").input("a", a, "b", b), sum, receivedSum, 0.0);
            Expect.closeTo(Explain.that("Vectors.subtract(a, b)").input("a", a, "b", b)
                .hint("a - b, not b - a"), difference, receivedDifference, 0.0);
            Expect.closeTo(Explain.that("Vectors.scale(c, v)").input("c", c, "v", a), multiple, receivedMultiple, 0.0);
            assertThat(a).as("Vectors.add, subtract or scale changed its argument a (or v): write the result into "
                + "a new array, the caller still needs a").containsExactly(aBefore);
            assertThat(b).as("Vectors.add or subtract changed its argument b: write the result into a new array")
                .containsExactly(bBefore);
            assertThat(receivedSum).as("Vectors.add(a, b) must return a new array, not a or b itself")
                .isNotSameAs(a).isNotSameAs(b);
            assertThat(receivedMultiple).as("Vectors.scale(c, v) must return a new array, not v itself")
                .isNotSameAs(a);
        }
    }

    @Test
    @Graded(task = "4.1", points = 3)
    @DisplayName("4.1 The norm is sqrt(v.v), grows like |c| under scaling, and neither overflows nor underflows")
    void normOfRandomAndExtremeVectors(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] v = random.vector(random.between(1, 15), -4, 4);
            double sumOfSquares = 0;
            for (double vi : v) {
                sumOfSquares += vi * vi;
            }
            Expect.closeTo(Explain.that("Vectors.norm(v)").input("v", v), Math.sqrt(sumOfSquares), Vectors.norm(v),
                NORM_TOLERANCE);
            double c = random.sign() * random.logUniform(1e-3, 1e3);
            double[] cv = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                cv[i] = c * v[i];
            }
            Expect.closeTo(Explain.that("Vectors.norm(c v)").input("c", c, "v", v)
                .hint("|c v| = |c| |v|: a length is never negative"), Math.abs(c) * Math.sqrt(sumOfSquares),
                Vectors.norm(cv), NORM_TOLERANCE);
        }
        double[] huge = {3e200, 4e200};
        Expect.closeTo(Explain.that("Vectors.norm(v)").input("v", huge)
            .hint("(3e200)^2 = 9e400 is beyond the largest double (about 1.8e308) and overflows to Infinity: divide "
                + "every entry by the largest |v[i]| before squaring, and multiply the root by it afterwards"),
            5e200, Vectors.norm(huge), NORM_TOLERANCE);
        double[] tiny = {3e-200, 4e-200};
        Expect.closeTo(Explain.that("Vectors.norm(v)").input("v", tiny)
            .hint("(3e-200)^2 = 9e-400 is below the smallest double and underflows to 0: divide every entry by the "
                + "largest |v[i]| before squaring, and multiply the root by it afterwards"),
            5e-200, Vectors.norm(tiny), NORM_TOLERANCE);
    }

    @Test
    @Graded(task = "4.1", points = 3)
    @DisplayName("4.1 Null, empty, mismatched or non-finite vectors are rejected with the parameter and its value")
    void rejectsBadVectors() {
        double[] two = {1, 2};
        double[] three = {1, 2, 3};
        Expect.rejects("Vectors.dot(null, b)", () -> Vectors.dot(null, two), "a", "null");
        Expect.rejects("Vectors.dot(a, null)", () -> Vectors.dot(two, null), "b", "null");
        Expect.rejects("Vectors.dot(a, b) with a.length = 2, b.length = 3", () -> Vectors.dot(two, three), "a",
            "2", "3");
        Expect.rejects("Vectors.add(a, b) with a.length = 3, b.length = 2", () -> Vectors.add(three, two), "b",
            "3", "2");
        Expect.rejects("Vectors.subtract(a, b) with a.length = 2, b.length = 3", () -> Vectors.subtract(two, three),
            "a", "2", "3");
        Expect.rejects("Vectors.norm(new double[0])", () -> Vectors.norm(new double[0]), "v");
        Expect.rejects("Vectors.norm(null)", () -> Vectors.norm(null), "v", "null");
        Expect.rejects("Vectors.dot(a, b) with b[1] = NaN", () -> Vectors.dot(two, new double[] {1, Double.NaN}),
            "b", "NaN");
        Expect.rejects("Vectors.add(a, b) with a[0] = Infinity",
            () -> Vectors.add(new double[] {Double.POSITIVE_INFINITY, 0}, two), "a", "Infinity");
        Expect.rejects("Vectors.scale(NaN, v)", () -> Vectors.scale(Double.NaN, two), "c", "NaN");
        Expect.rejects("Vectors.scale(2, null)", () -> Vectors.scale(2, null), "v", "null");
    }
}
