package calculus.descent;

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

/** Task 5.3: the largest stable learning rate of f(x) = a x², and what happens on either side of it. */
class LearningRateTest {

    /** 1/a is one division: exact to a rounding, so a relative 1e-12 leaves only round-off. */
    private static final double RELATIVE_TOLERANCE = 1e-12;
    /** The runs stop when |f'(x)| = 2a|x| is this small. */
    private static final double GRADIENT_TOLERANCE = 1e-9;
    /**
     * Enough for both sides of the threshold: at 0.99 of it every step multiplies x by −0.98, so about 1,400 steps
     * take |f'| from 200 (a = 100, |x| = 1) to 1e-9; at 1.01 of it |f| grows by 1.0404 per step and passes
     * 10<sup>12</sup> times its start after about 700 steps (or overflows after about 18,000).
     */
    private static final int BUDGET = 100_000;
    /** How many random coefficients a test draws. */
    private static final int CASES = 20;

    @Test
    @Graded(task = "5.3", points = 3)
    @DisplayName("5.3 The largest stable rate of f(x) = a x^2 is 2/f'' = 1/a, for random a")
    void largestStableRate(TestRandom random) {
        for (int c = 0; c < CASES; c++) {
            double a = random.logUniform(1e-2, 1e2);
            double expected = 1 / a;

            double received = LearningRate.largestStable(a);

            assertThat(received)
                .withFailMessage(Explain.that("LearningRate.largestStable(a)").input("a", a)
                    .expected(expected).received(received).withinRelative(RELATIVE_TOLERANCE)
                    .hint("one step maps x to (1 - 2 a eta) x, and |1 - 2 a eta| < 1 means eta < 2 / (2a): two over "
                        + "the curvature f'' = 2a, not over a"))
                .isCloseTo(expected, within(RELATIVE_TOLERANCE * expected));
        }
    }

    @ParameterizedTest(name = "a = {0}, eta = {1}: every step multiplies x by {2}")
    @CsvSource({
        // a,   eta,  1 - 2 a eta
        "1.0,   0.25,  0.5",   // half the way to the minimum per step
        "1.0,   0.5,   0.0",   // eta = 1/(2a): one step lands on the minimum
        "1.0,   0.75, -0.5",   // past the minimum, zig-zagging in
        "1.0,   1.0,  -1.0",   // the threshold 1/a: bouncing between x and -x for ever
        "2.0,   0.75, -2.0",   // beyond 1/a = 0.5: each step doubles the distance, with alternating sign
        "0.5,   0.1,   0.9",   // a gentle slope and a small rate: a slow crawl
    })
    @Graded(task = "5.3", points = 3)
    @DisplayName("5.3 One step on a x^2 multiplies x by 1 - 2 a eta: worked examples")
    void contractionFactor(double a, double eta, double expected) {
        double received = LearningRate.contraction(a, eta);

        assertThat(received)
            .withFailMessage(Explain.that("LearningRate.contraction(a, learningRate)").input("a", a,
                    "learningRate", eta).expected(expected).received(received).within(1e-12)
                .hint("x - eta f'(x) with f'(x) = 2 a x is (1 - 2 a eta) x"))
            .isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "eta = {0} x the largest stable rate: {1}")
    @CsvSource({
        "0.5,  CONVERGED",  // eta = 1/(2a): straight to the minimum in one step
        "0.99, CONVERGED",  // just below the threshold: slow, zig-zagging, but it gets there
        "1.01, DIVERGED",   // just above: the zig-zag grows by 2 percent per step
        "1.5,  DIVERGED",   // well above: each step doubles |x|
    })
    @Graded(task = "5.3", points = 5)
    @DisplayName("5.3 Gradient descent on a x^2 converges just below the largest stable rate and diverges just above")
    void convergesBelowDivergesAbove(double fraction, Status expected, TestRandom random) {
        double a = random.logUniform(1e-2, 1e2);
        double[] start = {random.sign() * random.uniform(0.5, 1)};
        double eta = fraction * LearningRate.largestStable(a);
        String input = "f(x) = a x^2 with a = " + a + ", start x = " + start[0] + ", learning rate " + fraction
            + " x largestStable(a) = " + eta;

        Result result = Minimizer.minimize(TestObjectives.parabola(a), start, new GradientDescent(eta),
            GRADIENT_TOLERANCE, BUDGET);

        assertThat(result.status())
            .withFailMessage(Explain.that("Minimizer.minimize(f, start, new GradientDescent(eta), ...).status()")
                .input(input).expected(expected).received(result)
                .hint("this test runs your GradientDescent (Task 5.1) and Minimizer (Task 5.2) at a rate set by your "
                    + "largestStable(a); if those pass their own tests, the threshold is the suspect"))
            .isEqualTo(expected);
        if (fraction == 0.5) {
            assertThat(result.iterations()).as("at eta = 1/(2a) one step lands on the minimum (input: %s)", input)
                .isEqualTo(1);
        }
    }

    @Test
    @Graded(task = "5.3", points = 1)
    @DisplayName("5.3 A coefficient or rate that is not positive is refused, naming the parameter and value")
    void badInput() {
        for (double a : new double[] {0.0, -2.0, Double.NaN}) {
            Expect.throwsIllegalArgument(() -> LearningRate.largestStable(a),
                "largestStable(%s)", a)
                .hasMessageContaining("a").hasMessageContaining(String.valueOf(a));
            Expect.throwsIllegalArgument(() -> LearningRate.contraction(a, 0.1),
                "contraction(%s, 0.1)", a)
                .hasMessageContaining("a").hasMessageContaining(String.valueOf(a));
        }
        Expect.throwsIllegalArgument(() -> LearningRate.contraction(1.0, -0.1),
            "contraction(1.0, -0.1)")
            .hasMessageContaining("learningRate").hasMessageContaining("-0.1");
    }
}
