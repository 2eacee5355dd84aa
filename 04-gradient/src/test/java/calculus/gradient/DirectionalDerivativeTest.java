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
import calculus.oracles.EvaluationRecorder;
import calculus.oracles.Fields;
import calculus.oracles.FiniteDifferences;

/** Task 4.3: the directional derivative, and the directions of steepest ascent and descent. */
@DisplayName("Task 4.3: directional derivatives")
class DirectionalDerivativeTest {

    private static final double H = NumericalGradient.DEFAULT_STEP;
    // a dot product and a norm of short vectors of small integers: exact but for a few units in the last place
    private static final double EXACT = 1e-14;
    // a central difference with h = 1e-5 along a unit vector, on fields with third derivatives up to about 100:
    // truncation ~ 2e-9, round-off ~ 2e-9, against derivatives of size 0.1 or more
    private static final double NUMERICAL_TOLERANCE = 1e-6;
    // the five-point oracle of a directional derivative is good to about 1e-11 on these fields: a random direction
    // may tie with the steepest one only up to that
    private static final double ORACLE_SLACK = 1e-9;
    private static final int TRIALS = 12;
    private static final int RANDOM_DIRECTIONS = 200;

    @ParameterizedTest(name = "gradient [{0}], direction [{1}]: {2}")
    @Graded(task = "4.3", points = 3)
    @DisplayName("4.3 Worked examples: the derivative along v is the gradient dotted with v / |v|")
    @CsvSource(delimiterString = "|", value = {
        "3 4   | 1 0   | 3",
        "3 4   | 0 2   | 4",
        "3 4   | 1 1   | 4.949747468305833",
        "3 4   | 3 4   | 5",
        "3 4   | -4 3  | 0",
        "3 4   | -6 -8 | -5",
        "1 2 2 | 0 0 7 | 2",
    })
    void workedExamples(String gradientText, String directionText, double expected) {
        double[] gradient = Check.vector(gradientText);
        double[] direction = Check.vector(directionText);
        Expect.closeTo(Explain.that("DirectionalDerivative.fromGradient(gradient, direction)")
            .input("gradient", gradient, "direction", direction)
            .hint("the direction need not be a unit vector: divide by its length, so that [0, 2] and [0, 1] give "
                + "the same rate of change"), expected, DirectionalDerivative.fromGradient(gradient, direction), EXACT);
    }

    @Test
    @Graded(task = "4.3", points = 2)
    @DisplayName("4.3 fromGradient depends on the direction only, not on its length, and flips sign with it")
    void fromGradientIgnoresTheLength(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 10);
            double[] gradient = random.vector(n, -3, 3);
            double[] u = random.unitVector(n);
            double c = random.sign() * random.logUniform(0.01, 100);
            double[] v = new double[n];
            double expected = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                v[i] = c * u[i];
                expected += gradient[i] * u[i] * Math.signum(c);
                size += Math.abs(gradient[i] * u[i]);
            }
            double received = DirectionalDerivative.fromGradient(gradient, v);
            // a dot product is exact up to about n eps times the sum of |g_i u_i|, however small the result
            double tolerance = EXACT * size;
            boolean unnormalised = Math.abs(Math.abs(c) - 1) > 0.01
                && Math.abs(received - expected * Math.abs(c)) <= tolerance * Math.abs(c);
            assertThat(received)
                .withFailMessage(Explain.that("DirectionalDerivative.fromGradient(gradient, direction)")
                    .input("gradient", gradient, "direction", v)
                    .expected(expected).received(received).within(tolerance)
                    .detail("note", "direction = " + c + " times a unit vector u: the answer is sign(c) gradient.u")
                    .hint(unnormalised ? "received |direction| times the answer: divide the dot product by the "
                        + "length of the direction" : ""))
                .isBetween(expected - tolerance, expected + tolerance);
        }
    }

    @Test
    @Graded(task = "4.3", points = 4)
    @DisplayName("4.3 The numerical directional derivative matches the oracle with only 2 evaluations of f")
    void numericalMatchesTheOracleWithTwoEvaluations(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(1, 8);
            Fields.Field f = Fields.random(random, n);
            double[] x = random.vector(n, -2, 2);
            double[] u = random.unitVector(n);
            double length = random.logUniform(0.1, 10);
            double[] direction = new double[n];
            for (int i = 0; i < n; i++) {
                direction[i] = length * u[i];
            }
            double expected = FiniteDifferences.derivative(t -> f.applyAsDouble(along(x, u, t)), 0.0);
            double[] xBefore = x.clone();
            double[] directionBefore = direction.clone();
            EvaluationRecorder recorder = new EvaluationRecorder();
            double received = DirectionalDerivative.numerical(recorder.scalar(f), x, direction, H);
            boolean unnormalised = Math.abs(received - length * expected) <= 1e-6 * Math.abs(length * expected);
            double tolerance = NUMERICAL_TOLERANCE * Math.max(1, Math.abs(expected));
            assertThat(Math.abs(received - expected))
                .withFailMessage(Explain.that("DirectionalDerivative.numerical(f, x, direction, h)")
                    .input("f(x)", f, "x", x, "direction", direction, "h", H)
                    .expected(expected).received(received).within(tolerance)
                    .hint(unnormalised ? "received |direction| = " + length + " times the answer: step along the "
                        + "unit vector direction / |direction|, so that h is a distance" : ""))
                .isLessThanOrEqualTo(tolerance);
            assertThat(recorder.count()).as("f was evaluated %d times; a directional derivative needs only 2, "
                + "f(x + h u) and f(x - h u), whatever the dimension (here n = %d): do not compute the whole gradient",
                recorder.count(), n).isEqualTo(2);
            assertThat(x).as("DirectionalDerivative.numerical changed x: compute x + h u into a new array")
                .containsExactly(xBefore);
            assertThat(direction).as("DirectionalDerivative.numerical changed direction: normalise into a new array")
                .containsExactly(directionBefore);
        }
    }

    @Test
    @Graded(task = "4.3", points = 4)
    @DisplayName("4.3 The gradient direction is the steepest ascent: no random unit direction climbs faster")
    void steepestAscentBeatsRandomDirections(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(2, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double[] gradient = f.gradient(x);
            double[] ascent = DirectionalDerivative.steepestAscent(gradient);
            double[] expected = new double[n];
            double gradientNorm = Math.sqrt(dot(gradient, gradient));
            for (int i = 0; i < n; i++) {
                expected[i] = gradient[i] / gradientNorm;
            }
            Expect.closeTo(Explain.that("DirectionalDerivative.steepestAscent(gradient)").input("gradient", gradient)
                .hint("the steepest direction is the gradient divided by its length: a unit vector"),
                expected, ascent, EXACT);
            double steepest = FiniteDifferences.derivative(t -> f.applyAsDouble(along(x, ascent, t)), 0.0);
            Expect.closeTo(Explain.that("the derivative along steepestAscent(gradient)").input("gradient", gradient)
                .hint("along the unit gradient direction f climbs at the rate |gradient|"),
                gradientNorm, steepest, NUMERICAL_TOLERANCE);
            for (int k = 0; k < RANDOM_DIRECTIONS; k++) {
                double[] u = random.unitVector(n);
                double rate = FiniteDifferences.derivative(t -> f.applyAsDouble(along(x, u, t)), 0.0);
                assertThat(rate).as("along the random unit direction u = %s, f climbs at the rate %s, faster than "
                    + "along steepestAscent(gradient) = %s (rate %s): that is not the steepest direction",
                    Arrays.toString(u), rate, Arrays.toString(ascent), steepest)
                    .isLessThanOrEqualTo(steepest + ORACLE_SLACK);
            }
        }
    }

    @Test
    @Graded(task = "4.3", points = 2)
    @DisplayName("4.3 The negative gradient direction is the steepest descent, and a small step along it goes down")
    void steepestDescentGoesDownFastest(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(2, 6);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double[] gradient = f.gradient(x);
            double[] descent = DirectionalDerivative.steepestDescent(gradient);
            double gradientNorm = Math.sqrt(dot(gradient, gradient));
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = -gradient[i] / gradientNorm;
            }
            Expect.closeTo(Explain.that("DirectionalDerivative.steepestDescent(gradient)").input("gradient", gradient)
                .hint("the steepest way down is minus the gradient, divided by its length"), expected, descent, EXACT);
            double steepest = FiniteDifferences.derivative(t -> f.applyAsDouble(along(x, descent, t)), 0.0);
            for (int k = 0; k < RANDOM_DIRECTIONS; k++) {
                double[] u = random.unitVector(n);
                double rate = FiniteDifferences.derivative(t -> f.applyAsDouble(along(x, u, t)), 0.0);
                assertThat(rate).as("along the random unit direction u = %s, f falls at the rate %s, faster than "
                    + "along steepestDescent(gradient) (rate %s)", Arrays.toString(u), rate, steepest)
                    .isGreaterThanOrEqualTo(steepest - ORACLE_SLACK);
            }
            // a step of 1e-4 changes f by -1e-4 |gradient| (at most -1e-5 here) plus a curvature term of about
            // 5e-9 |f''| (at most 5e-7 on these fields): the first wins, so f must go down
            double[] stepped = along(x, descent, 1e-4);
            assertThat(f.applyAsDouble(stepped)).as("a step of 0.0001 from x = %s along steepestDescent(gradient) = %s "
                + "should lower f(x) = %s", Arrays.toString(x), Arrays.toString(descent), f.applyAsDouble(x))
                .isLessThan(f.applyAsDouble(x));
        }
    }

    @Test
    @Graded(task = "4.3", points = 1)
    @DisplayName("4.3 A zero direction, a zero gradient, mismatched lengths or a step h <= 0 are rejected")
    void rejectsBadInput() {
        double[] gradient = {3, 4};
        double[] zero = {0, 0};
        Expect.rejects("DirectionalDerivative.fromGradient(gradient, [0, 0])",
            () -> DirectionalDerivative.fromGradient(gradient, zero), "direction", "zero");
        Expect.rejects("DirectionalDerivative.numerical(f, x, [0, 0], h)",
            () -> DirectionalDerivative.numerical(p -> p[0], gradient, zero, H), "direction", "zero");
        Expect.rejects("DirectionalDerivative.steepestAscent([0, 0])",
            () -> DirectionalDerivative.steepestAscent(zero), "gradient", "zero");
        Expect.rejects("DirectionalDerivative.steepestDescent([0, 0])",
            () -> DirectionalDerivative.steepestDescent(zero), "gradient", "zero");
        Expect.rejects("DirectionalDerivative.fromGradient(gradient, direction) with lengths 2 and 3",
            () -> DirectionalDerivative.fromGradient(gradient, new double[] {1, 2, 3}), "direction", "2", "3");
        Expect.rejects("DirectionalDerivative.numerical(f, x, direction, -1.0)",
            () -> DirectionalDerivative.numerical(p -> p[0], gradient, gradient, -1.0), "h", "-1.0");
        Expect.rejects("DirectionalDerivative.numerical(null, x, direction, h)",
            () -> DirectionalDerivative.numerical(null, gradient, gradient, H), "f", "null");
        Expect.rejects("DirectionalDerivative.numerical(f, x, direction, h) with lengths 2 and 3",
            () -> DirectionalDerivative.numerical(p -> p[0], gradient, new double[] {1, 2, 3}, H), "direction", "2",
            "3");
    }

    /** x + t u, a new array. */
    private static double[] along(double[] x, double[] u, double t) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = x[i] + t * u[i];
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
