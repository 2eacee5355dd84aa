package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.EvaluationRecorder;
import calculus.oracles.Fields;

/** Task 4.2: the numerical gradient by central differences. */
@DisplayName("Task 4.2: the numerical gradient")
class NumericalGradientTest {

    private static final double H = NumericalGradient.DEFAULT_STEP;
    // h = 1e-5 on the worked examples, whose third derivatives are at most about 10: truncation h^2 |f'''| / 6
    // ~ 2e-10 and round-off eps |f| / h ~ 1e-10, so 1e-8 leaves a margin of 50 and still catches a forward
    // difference, whose error h |f''| / 2 ~ 1e-5 is a thousand times larger
    private static final double EXAMPLE_TOLERANCE = 1e-8;
    // random fields on [-2, 2]^n with n <= 8 have third derivatives up to about 100 and values up to about 100:
    // truncation ~ 2e-9 and round-off ~ 2e-9, relative to a gradient of size 1 or more; 1e-6 leaves a factor 200
    private static final double FIELD_TOLERANCE = 1e-6;
    // on a quadratic the central difference has no truncation error at all; the round-off eps |f| / h is at most
    // 2.2e-16 * 100 / 1e-3 ~ 2e-11 relative to a gradient of size 1 or more
    private static final double QUADRATIC_TOLERANCE = 1e-8;
    // how close a result must be to a one-sided difference to be called one (see oneSided)
    private static final double ONE_SIDED_MATCH = 1e-9;
    private static final int TRIALS = 12;

    /** The worked examples' functions, by the formula the table shows. */
    private static final Map<String, ToDoubleFunction<double[]>> EXAMPLES = Map.of(
        "x^2 + y^2", p -> p[0] * p[0] + p[1] * p[1],
        "x y z", p -> p[0] * p[1] * p[2],
        "exp(x) sin(y)", p -> Math.exp(p[0]) * Math.sin(p[1]),
        "x^2 y + y^3", p -> p[0] * p[0] * p[1] + p[1] * p[1] * p[1],
        "3x - 2y + 7", p -> 3 * p[0] - 2 * p[1] + 7);

    @ParameterizedTest(name = "f = {0} at x = [{1}]: gradient [{2}]")
    @Graded(task = "4.2", points = 3)
    @DisplayName("4.2 Worked examples: the gradient collects one partial derivative per variable")
    @CsvSource(delimiterString = "|", value = {
        "x^2 + y^2     | 3 -2  | 6 -4",
        "x y z         | 1 2 3 | 6 3 2",
        "exp(x) sin(y) | 0 0   | 0 1",
        "x^2 y + y^3   | 1 2   | 4 13",
        "3x - 2y + 7   | 5 -9  | 3 -2",
    })
    void workedExamples(String formula, String xText, String gradientText) {
        double[] x = Check.vector(xText);
        double[] expected = Check.vector(gradientText);
        ToDoubleFunction<double[]> f = EXAMPLES.get(formula);
        Explain message = Explain.that("NumericalGradient.gradient(f, x, h)").input("f(x)", formula, "x", x, "h", H)
            .hint("entry i is (f(x + h e_i) - f(x - h e_i)) / 2h, where e_i moves coordinate i only");
        double[] argument = x.clone();
        double[] received = NumericalGradient.gradient(f, argument, H);
        if (!Arrays.equals(argument, x)) {
            message.matched("the call changed the caller's x, from " + Arrays.toString(x) + " to "
                + Arrays.toString(argument) + ": the entries after the first were taken at a moved point. Perturb a "
                + "copy of x (x[i] + h - h is not always x[i] again in floating point)");
        }
        Expect.closeTo(message.matched(oneSided(f, x, H, received)), expected, received, EXAMPLE_TOLERANCE);
        assertThat(argument).as("NumericalGradient.gradient(f, x, h) changed x from %s to %s: perturb a copy of x",
            Arrays.toString(x), Arrays.toString(argument)).containsExactly(x);
    }

    @Test
    @Graded(task = "4.2", points = 5)
    @DisplayName("4.2 The numerical gradient agrees with the exact gradient of random smooth functions")
    void agreesWithExactGradients(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 8);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            Explain message = Explain.that("NumericalGradient.gradient(f, x, h)").input("f(x)", f, "x", x, "h", H);
            double[] received = NumericalGradient.gradient(f, x.clone(), H);
            Expect.closeTo(message.matched(oneSided(f, x, H, received)), f.gradient(x), received, FIELD_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.2", points = 3)
    @DisplayName("4.2 On a quadratic the central difference is exact for any step h")
    void exactOnQuadraticsForAnyStep(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 6);
            Fields.Field f = Fields.quadratic(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double h = random.logUniform(1e-3, 0.5);
            Explain message = Explain.that("NumericalGradient.gradient(f, x, h)").input("f(x)", f, "x", x, "h", h);
            double[] received = NumericalGradient.gradient(f, x.clone(), h);
            message.matched(oneSided(f, x, h, received))
                .hint("a quadratic has no third derivative, so (f(x + h e_i) - f(x - h e_i)) / 2h is exact even for a "
                    + "large h; an error that grows with h means a one-sided difference, or the wrong step in the "
                    + "denominator");
            Expect.closeTo(message, f.gradient(x), received, QUADRATIC_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "4.2", points = 4)
    @DisplayName("4.2 f is evaluated exactly 2n times, at x + h e_i and x - h e_i, and x is left unchanged")
    void evaluatesTwicePerCoordinateAndLeavesXAlone(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 12);
            Fields.Field field = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[] before = x.clone();
            double h = random.logUniform(1e-6, 1e-2);
            EvaluationRecorder recorder = new EvaluationRecorder();
            NumericalGradient.gradient(recorder.scalar(field), x, h);
            assertThat(x).as("NumericalGradient.gradient(f, x, h) changed x from %s to %s: perturb a copy of x (x[i] "
                + "+ h - h is not always x[i] again in floating point)", Arrays.toString(before),
                Arrays.toString(x)).containsExactly(before);
            assertThat(recorder.count()).as("f was evaluated %d times for n = %d variables; the central difference "
                + "needs exactly 2n = %d evaluations: f(x + h e_i) and f(x - h e_i) for each i, and nothing else",
                recorder.count(), n, 2 * n).isEqualTo(2 * n);
            String problems = recorder.centralDifferenceProblems(before, h);
            assertThat(problems).withFailMessage("%s", problems).isEmpty();
        }
    }

    /**
     * The hint for a gradient that is the one-sided difference (f(x ± h e_i) − f(x)) / ±h, whose error h|f''|/2 makes
     * it close to right but not close enough; empty if {@code received} is not that.
     */
    private static String oneSided(ToDoubleFunction<double[]> f, double[] x, double h, double[] received) {
        if (received == null || received.length != x.length) {
            return "";
        }
        double[] forward = new double[x.length];
        double[] backward = new double[x.length];
        double fx = f.applyAsDouble(x.clone());
        for (int i = 0; i < x.length; i++) {
            double[] p = x.clone();
            p[i] = x[i] + h;
            forward[i] = (f.applyAsDouble(p) - fx) / h;
            p[i] = x[i] - h;
            backward[i] = (fx - f.applyAsDouble(p)) / h;
        }
        // both one-sided differences carry the same round-off as the student's: 1e-9 tells them apart from the
        // central difference, which differs from them by h |f''| / 2
        if (Explain.relativeError(forward, received) <= ONE_SIDED_MATCH
            || Explain.relativeError(backward, received) <= ONE_SIDED_MATCH) {
            return "this is the one-sided difference (f(x + h e_i) - f(x)) / h, whose error is about h |f''| / 2; the "
                + "central difference (f(x + h e_i) - f(x - h e_i)) / 2h cancels that term and is far more accurate";
        }
        return "";
    }

    @Test
    @Graded(task = "4.2", points = 3)
    @DisplayName("4.2 A null function or point, an empty or non-finite point, or a step h <= 0 is rejected")
    void rejectsBadInput() {
        ToDoubleFunction<double[]> f = p -> p[0] * p[0];
        double[] x = {1.0, 2.0};
        Expect.rejects("NumericalGradient.gradient(null, x, h)", () -> NumericalGradient.gradient(null, x, H), "f",
            "null");
        Expect.rejects("NumericalGradient.gradient(f, null, h)", () -> NumericalGradient.gradient(f, null, H), "x",
            "null");
        Expect.rejects("NumericalGradient.gradient(f, new double[0], h)",
            () -> NumericalGradient.gradient(f, new double[0], H), "x");
        Expect.rejects("NumericalGradient.gradient(f, x, h) with x[1] = NaN",
            () -> NumericalGradient.gradient(f, new double[] {1.0, Double.NaN}, H), "x", "NaN");
        Expect.rejects("NumericalGradient.gradient(f, x, 0.0)", () -> NumericalGradient.gradient(f, x, 0.0), "h",
            "0.0");
        Expect.rejects("NumericalGradient.gradient(f, x, -0.1)", () -> NumericalGradient.gradient(f, x, -0.1), "h",
            "-0.1");
        Expect.rejects("NumericalGradient.gradient(f, x, NaN)", () -> NumericalGradient.gradient(f, x, Double.NaN),
            "h", "NaN");
        Expect.rejects("NumericalGradient.gradient(f, x, Infinity)",
            () -> NumericalGradient.gradient(f, x, Double.POSITIVE_INFINITY), "h", "Infinity");
        // next to 1e20 the doubles are 16384 apart: 1e20 + 1e-5 and 1e20 - 1e-5 are both 1e20, a difference of 0/0
        Expect.rejects("NumericalGradient.gradient(f, [1e20, 2], 1e-5), where x[0] +- h rounds to x[0]",
            () -> NumericalGradient.gradient(f, new double[] {1e20, 2.0}, H), "h");
    }
}
