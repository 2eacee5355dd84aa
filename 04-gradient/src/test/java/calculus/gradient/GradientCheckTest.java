package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.Fields;

/** Task 4.5: gradient checking. */
@DisplayName("Task 4.5: gradient checking")
class GradientCheckTest {

    private static final double TOLERANCE = GradientCheck.DEFAULT_TOLERANCE;
    // a norm of a difference over a norm, of short vectors: exact but for a few units in the last place
    private static final double EXACT = 1e-14;
    // the report's numerical partial comes from a central difference with h = 1e-5: good to about 1e-9 relative
    // to the gradient on these fields, so 1e-6 of the gradient's size is a safe distance from the oracle
    private static final double NUMERICAL_SLACK = 1e-6;
    private static final int TRIALS = 10;

    @ParameterizedTest(name = "a = [{0}], b = [{1}]: {2}")
    @Graded(task = "4.5", points = 2)
    @DisplayName("4.5 Worked examples of the relative error |a - b| / max(|a|, |b|)")
    @CsvSource(delimiterString = "|", value = {
        "3 4     | 3 4     | 0",
        "0 0     | 0 0     | 0",
        "1 0     | 0 1     | 1.4142135623730951",
        "3 4     | 3 4.5   | 0.09245003270420485",
        "2 0     | -2 0    | 2",
        "1e-8 0  | 2e-8 0  | 0.5",
        "1000 0  | 1001 0  | 0.000999000999000999",
    })
    void relativeErrorWorkedExamples(String aText, String bText, double expected) {
        double[] a = Check.vector(aText);
        double[] b = Check.vector(bText);
        Expect.closeTo(Explain.that("GradientCheck.relativeError(a, b)").input("a", a, "b", b)
            .hint("|a - b| / max(|a|, |b|) with the Euclidean norm; define it as 0 when a and b are both zero"),
            expected, GradientCheck.relativeError(a, b), EXACT);
    }

    @Test
    @Graded(task = "4.5", points = 2)
    @DisplayName("4.5 The relative error is symmetric and does not change when both gradients are scaled")
    void relativeErrorIsSymmetricAndScaleFree(TestRandom random) {
        for (int trial = 0; trial < 5 * TRIALS; trial++) {
            int n = random.between(1, 10);
            double[] a = random.vector(n, -3, 3);
            double[] b = a.clone();
            // a perturbation of every size, from a rounding error to a different vector
            double size = random.logUniform(1e-12, 1);
            for (int i = 0; i < n; i++) {
                b[i] += size * random.uniform(-3, 3);
            }
            double c = random.sign() * random.logUniform(1e-6, 1e6);
            double[] ca = new double[n];
            double[] cb = new double[n];
            double gap = 0;
            double normA = 0;
            double normB = 0;
            for (int i = 0; i < n; i++) {
                ca[i] = c * a[i];
                cb[i] = c * b[i];
                gap += (a[i] - b[i]) * (a[i] - b[i]);
                normA += a[i] * a[i];
                normB += b[i] * b[i];
            }
            double expected = Math.sqrt(gap) / Math.sqrt(Math.max(normA, normB));
            double received = GradientCheck.relativeError(a, b);
            // the difference a - b of two close vectors carries the rounding of a and b: relative to the
            // difference that is up to eps |a| / |a - b|, hence the allowance that grows as b nears a
            double tolerance = EXACT * (1 + 1 / expected);
            Expect.closeTo(Explain.that("GradientCheck.relativeError(a, b)").input("a", a, "b", b), expected, received,
                tolerance);
            Expect.closeTo(Explain.that("GradientCheck.relativeError(b, a)").input("a", a, "b", b)
                .hint("the relative error is symmetric: divide by the larger norm, max(|a|, |b|), not by |a|"),
                received, GradientCheck.relativeError(b, a), tolerance);
            Expect.closeTo(Explain.that("GradientCheck.relativeError(c a, c b)").input("c", c, "a", a, "b", b)
                .hint("scaling a loss by c scales both gradients by c and must not change the verdict: divide the "
                    + "gap by the gradients' size"), received, GradientCheck.relativeError(ca, cb), tolerance);
        }
    }

    @Test
    @Graded(task = "4.5", points = 3)
    @DisplayName("4.5 The check accepts the exact gradient of random smooth functions at tolerance 1e-7")
    void acceptsTheExactGradient(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 8);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double[] gradient = f.gradient(x);
            double[] xBefore = x.clone();
            double[] gradientBefore = gradient.clone();
            GradientCheck.Report report = GradientCheck.check(f, gradient, x, TOLERANCE);
            assertThat(report.passed()).as("GradientCheck.check(f, analytic, x, 1e-7) rejected the exact gradient "
                + "%s of f(x) = %s at x = %s with relative error %s; a right gradient has an error near 1e-10 "
                + "against the central difference with h = NumericalGradient.DEFAULT_STEP. Is the relative error "
                + "computed as in relativeError, and is passed = (error <= tolerance)?", Arrays.toString(gradient),
                f, Arrays.toString(x), report.relativeError()).isTrue();
            assertThat(report.relativeError()).as("the report's relativeError for the exact gradient")
                .isBetween(0.0, TOLERANCE);
            assertThat(report.worstIndex()).as("the report's worstIndex must be a coordinate of x (0 to %d)", n - 1)
                .isBetween(0, n - 1);
            assertThat(x).as("GradientCheck.check changed x").containsExactly(xBefore);
            assertThat(gradient).as("GradientCheck.check changed the analytic gradient")
                .containsExactly(gradientBefore);
        }
    }

    @Test
    @Graded(task = "4.5", points = 4)
    @DisplayName("4.5 The check catches a bug planted at a random coordinate and reports that coordinate")
    void catchesAPlantedBug(TestRandom random) {
        List<String> kinds = List.of("doubled", "sign flipped", "set to 0", "off by 1e-4 of |gradient|");
        for (int trial = 0; trial < 2 * TRIALS; trial++) {
            int n = random.between(2, 8);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double[] right = f.gradient(x);
            double size = Math.sqrt(dot(right, right));
            int j = plantable(random, right);
            String kind = kinds.get(trial % kinds.size());
            double[] wrong = right.clone();
            switch (kind) {
                case "doubled" -> wrong[j] *= 2;
                case "sign flipped" -> wrong[j] = -wrong[j];
                case "set to 0" -> wrong[j] = 0;
                default -> wrong[j] += random.sign() * 1e-4 * size;
            }
            GradientCheck.Report report = GradientCheck.check(f, wrong, x, TOLERANCE);
            String setting = String.format("analytic gradient %s: the right one %s with entry %d %s; f(x) = %s at "
                + "x = %s", Arrays.toString(wrong), Arrays.toString(right), j, kind, f, Arrays.toString(x));
            assertThat(report.passed()).as("GradientCheck.check passed a wrong %s (relative error reported: %s)",
                setting, report.relativeError()).isFalse();
            assertThat(report.worstIndex()).as("the report's worstIndex for a wrong %s: the coordinate where "
                + "|analytic[i] - numerical[i]| is largest", setting).isEqualTo(j);
            assertThat(report.analytic()).as("the report's analytic value at the worst coordinate, for a %s",
                setting).isEqualTo(wrong[j]);
            assertThat(Math.abs(report.numerical() - right[j])).as("the report's numerical value %s at the worst "
                + "coordinate should be the central difference, close to the right %s, for a %s", report.numerical(),
                right[j], setting).isLessThanOrEqualTo(NUMERICAL_SLACK * size);
            double[] gap = new double[n];
            for (int i = 0; i < n; i++) {
                gap[i] = wrong[i] - right[i];
            }
            double expected = Math.sqrt(dot(gap, gap)) / Math.max(size, Math.sqrt(dot(wrong, wrong)));
            Expect.closeTo(Explain.that("the report's relativeError").input(setting), expected,
                report.relativeError(), NUMERICAL_SLACK * size / Math.sqrt(dot(gap, gap)) + EXACT);
        }
        // f = x0 + x1 at (0, 0): the central differences are exactly (1, 1), so the analytic (2, 0) is off by 1 in
        // both coordinates; on a tie the report names the first
        GradientCheck.Report tie = GradientCheck.check(p -> p[0] + p[1], new double[] {2, 0}, new double[] {0, 0},
            TOLERANCE);
        assertThat(tie.worstIndex()).as("the report's worstIndex for f = x0 + x1 at (0, 0) with the analytic "
            + "gradient (2, 0): |2 - 1| and |0 - 1| tie, and the first such coordinate is the worst").isZero();
        assertThat(tie.analytic()).as("the report's analytic value at the worst coordinate 0").isEqualTo(2.0);
        // f = x0 at 0 with the analytic 2: the relative error |2 - 1| / 2 is exactly 0.5, the largest that passes
        GradientCheck.Report edge = GradientCheck.check(p -> p[0], new double[] {2}, new double[] {0}, 0.5);
        assertThat(edge.passed()).as("GradientCheck.check(x0, [2], [0], tolerance 0.5), relative error %s: an error "
            + "of exactly the tolerance passes (at most, <=)", edge.relativeError()).isTrue();
    }

    @Test
    @Graded(task = "4.5", points = 2)
    @DisplayName("4.5 The check catches a logistic-regression gradient that forgot to divide by m")
    void catchesAForgottenMean(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int k = random.between(1, 4);
            int m = random.between(5, 30);
            Datasets.Classification data = Datasets.logistic(random, m, random.vector(k, -2, 2), 0.5);
            double[] theta = random.vector(k + 1, -1, 1);
            ToDoubleFunction<double[]> loss = t -> LossOracle.crossEntropy(t, data.x(), data.labels());
            double[] right = LossOracle.crossEntropyGradient(theta, data.x(), data.labels());
            double[] summed = new double[k + 1];
            for (int j = 0; j <= k; j++) {
                summed[j] = m * right[j];
            }
            GradientCheck.Report good = GradientCheck.check(loss, right, theta, TOLERANCE);
            assertThat(good.passed()).as("GradientCheck.check rejected the right gradient %s of the cross-entropy on "
                + "%d examples at theta = %s, relative error %s", Arrays.toString(right), m, Arrays.toString(theta),
                good.relativeError()).isTrue();
            GradientCheck.Report bad = GradientCheck.check(loss, summed, theta, TOLERANCE);
            assertThat(bad.passed()).as("GradientCheck.check passed the gradient %s, which is m = %d times too large "
                + "(a sum over the examples where the loss takes a mean), relative error %s", Arrays.toString(summed),
                m, bad.relativeError()).isFalse();
            Expect.closeTo(Explain.that("the report's relativeError for a gradient m times too large")
                .input("m", m).hint("|m g - g| / max(|m g|, |g|) = (m - 1) / m"),
                (m - 1.0) / m, bad.relativeError(), NUMERICAL_SLACK);
        }
    }

    @Test
    @Graded(task = "4.5", points = 1)
    @DisplayName("4.5 Null or mismatched gradients and a tolerance <= 0 are rejected")
    void rejectsBadInput() {
        ToDoubleFunction<double[]> f = p -> p[0] * p[1];
        double[] x = {1, 2};
        Expect.rejects("GradientCheck.relativeError(null, b)", () -> GradientCheck.relativeError(null, x), "a", "null");
        Expect.rejects("GradientCheck.relativeError(a, b) with lengths 2 and 3",
            () -> GradientCheck.relativeError(x, new double[] {1, 2, 3}), "b", "2", "3");
        Expect.rejects("GradientCheck.check(f, analytic, x, 1e-7) with 3 partials for 2 variables",
            () -> GradientCheck.check(f, new double[] {1, 2, 3}, x, TOLERANCE), "analytic", "3", "2");
        Expect.rejects("GradientCheck.check(f, analytic, x, 0.0)", () -> GradientCheck.check(f, x, x, 0.0),
            "tolerance", "0.0");
        Expect.rejects("GradientCheck.check(null, analytic, x, 1e-7)", () -> GradientCheck.check(null, x, x, TOLERANCE),
            "f", "null");
        // ln x at x = 0: the central difference needs ln(-h), which is NaN
        Expect.rejects("GradientCheck.check(ln, analytic, [0], 1e-7), where f is NaN left of x",
            () -> GradientCheck.check(p -> Math.log(p[0]), new double[] {1}, new double[] {0}, TOLERANCE), "f");
    }

    /**
     * A coordinate whose partial derivative is at least a fifth of the largest: a bug planted there stands out
     * from the central difference's own error, and is the worst coordinate of the comparison.
     */
    private static int plantable(TestRandom random, double[] gradient) {
        double largest = Entries.maxAbs(gradient);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < gradient.length; i++) {
            if (Math.abs(gradient[i]) >= 0.2 * largest) {
                candidates.add(i);
            }
        }
        return random.pick(candidates);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
