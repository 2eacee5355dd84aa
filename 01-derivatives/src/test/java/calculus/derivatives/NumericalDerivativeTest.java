package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

@DisplayName("Task 1.4: a derivative with a well-chosen step")
class NumericalDerivativeTest {

    // The promise of derivative(f, x): a relative error of at most 1e-9. Why that is achievable and fair:
    // the central difference with h = cbrt(eps) max(1, |x|) errs by truncation (h^2/6)|f'''| and by round-off
    // about eps M / h, where M (up to ~30) is the size of the terms f is computed from. The test functions vary
    // on a length scale s of the order of max(1, |x|) (Functions1D.random(random, s)), which is what the step rule
    // assumes; in units of s the step is cbrt(eps) ~ 6e-6, so truncation is ~ 6e-12 |g'''| and round-off ~ 2e-11 M,
    // against a slope |g'| (g the function in units of s). At points where |g'| >= 0.25 max(1, |g|, |g'''|)
    // (WELL_CONDITIONED) the relative error of the reference stayed below 4e-10 over 400 000 draws, so 1e-9 leaves
    // room. What fails, as it should: a forward difference (error ~ h |g''| / 2 ~ 3e-6), a step of sqrt(eps)
    // (round-off ~ 1e-7), a fixed step of 1e-5 at |x| = 1e6 (10^-5 of the step lost to rounding x + h), and
    // a step of cbrt(eps) |x| without the max (it vanishes at x = 0 and is too small below |x| = 1).
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final double WELL_CONDITIONED = 0.25;

    // step(x) may differ from RELATIVE_STEP max(1, |x|) only by the rounding of x + h: at most ulp(x) / 2, which
    // relative to h is eps / (2 cbrt(eps)) ~ 2e-11
    private static final double STEP_TOLERANCE = 1e-9;

    private static final int CASES = 100;
    private static final int MAX_DRAWS = 10_000;

    @Test
    @Graded(task = "1.4", points = 4)
    @DisplayName("1.4 step(x) is RELATIVE_STEP * max(1, |x|), rounded so that (x + h) - x == h exactly")
    void stepIsScaledAndExact(TestRandom random) {
        List<Double> points = new ArrayList<>(List.of(0.0, 1.0, -1.0, 0.5, 1e-300, 1e6, -1e6, 0.1 + 0.2));
        for (int i = 0; i < CASES; i++) {
            points.add(random.sign() * random.logUniform(1e-8, 1e12));
        }
        for (double x : points) {
            double expected = NumericalDerivative.RELATIVE_STEP * Math.max(1.0, Math.abs(x));
            double h = NumericalDerivative.step(x);
            double scale = Math.max(1.0, Math.abs(x));
            Explain message = Explain.that("NumericalDerivative.step(x)").input("x", x)
                .expected(expected).received(h).withinRelative(STEP_TOLERANCE)
                .mistake("the step is scaled by |x| alone: near 0 it shrinks with |x| (to 0 at x = 0); scale it by "
                    + "max(1, |x|)", NumericalDerivative.RELATIVE_STEP * Math.abs(x))
                .mistake("the step is not scaled: far from 0 it must grow with |x|, RELATIVE_STEP * max(1, |x|)",
                    NumericalDerivative.RELATIVE_STEP)
                .mistake("the step is not scaled: far from 0 it must grow with |x|, RELATIVE_STEP * max(1, |x|)",
                    (x + NumericalDerivative.RELATIVE_STEP) - x)
                .mistake("the step is sqrt(eps) * max(1, |x|), the best step of a one-sided difference: the central "
                    + "difference's truncation error shrinks like h^2, which moves the balance with round-off to "
                    + "cbrt(eps)", Math.sqrt(Math.ulp(1.0)) * scale);
            double fixed = NumericalDerivative.RELATIVE_STEP;
            boolean unscaled = h == fixed || h == (x + fixed) - x;
            if (h > 0 && h < 1e-3 * expected && !unscaled) {
                message.matched("the step is far too small: round-off, about eps |f| / h, grows as h shrinks, and "
                    + "below about cbrt(eps) max(1, |x|) it outweighs the truncation error the smaller step saves");
            }
            assertThat(Explain.relativeError(expected, h))
                .withFailMessage(message.hint("the step is RELATIVE_STEP * max(1, |x|), with RELATIVE_STEP = "
                    + "cbrt(eps) ~ 6.06e-6"))
                .isLessThanOrEqualTo(STEP_TOLERANCE);
            double stepped = (x + h) - x;
            assertThat(stepped)
                .withFailMessage(Explain.that("(x + h) - x for h = NumericalDerivative.step(x)").input("x", x, "h", h)
                    .expected(h).received(stepped)
                    .hint("x + h is rounded to a double, so the step actually taken is (x + h) - x: compute "
                        + "x + h first, then return (x + h) - x, and the two are equal"))
                .isEqualTo(h);
        }
    }

    @ParameterizedTest(name = "the derivative of {0} at x = {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
        exp(x)       |  0     |  1
        sin(x)       |  1     |  0.5403023058681398
        1/(1 + x^2)  |  1     | -0.5
        x^2          |  1e6   |  2e6
        x^3          | -1000  |  3e6
        log(1 + x^2) |  1000  |  0.001999998000002
        """)
    @Graded(task = "1.4", points = 3)
    @DisplayName("1.4 Worked examples: near 0 and far from it, to a relative error of 1e-9")
    void workedExamples(String name, double x, double expected) {
        double received = NumericalDerivative.derivative(Cases.named(name), x);
        assertThat(Explain.relativeError(expected, received))
            .withFailMessage(Explain.that("NumericalDerivative.derivative(f, x)").input("f(x)", name, "x", x)
                .expected(expected).received(received).withinRelative(RELATIVE_TOLERANCE)
                .hint("use the central difference with the step step(x); at x = 0 a step RELATIVE_STEP * |x| is 0"))
            .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    @Test
    @Graded(task = "1.4", points = 5)
    @DisplayName("1.4 derivative(f, x) is within 1e-9 relative error on random smooth functions, |x| up to 1e6")
    void accurateAtEveryScale(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double x = random.sign() * (random.nextBoolean() ? random.logUniform(1e-3, 1) : random.logUniform(1, 1e6));
            // the function varies on a scale of the order of max(1, |x|): x / s lies in [-2, 2]
            double scale = Math.max(1.0, Math.abs(x)) / random.uniform(0.5, 2);
            Function1D f = wellConditioned(random, x, scale);
            double expected = f.derivative(x);
            double received = NumericalDerivative.derivative(f, x);
            assertThat(Explain.relativeError(expected, received))
                .withFailMessage(Explain.that("NumericalDerivative.derivative(f, x)").input("f(x)", f, "x", x)
                    .expected(expected).received(received).withinRelative(RELATIVE_TOLERANCE)
                    .detail("step", "step(x) should be about " + NumericalDerivative.RELATIVE_STEP
                        * Math.max(1, Math.abs(x)))
                    .hint("a central difference with h = RELATIVE_STEP * max(1, |x|) stays within about 4e-10 here; "
                        + "a one-sided difference, a step of sqrt(eps), or a fixed step do not"))
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "1.4", points = 2)
    @DisplayName("1.4 derivative and step reject a missing f and a non-finite x")
    void rejectsBadInput() {
        DoubleUnaryOperator sin = Math::sin;
        Expect.throwsIllegalArgument(() -> NumericalDerivative.derivative(null, 1.0),
            "derivative(null, 1.0) must throw an IllegalArgumentException whose message names f")
            .hasMessageContaining("f");
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Expect.throwsIllegalArgument(() -> NumericalDerivative.derivative(sin, x),
                "derivative(sin, %s) must throw an IllegalArgumentException whose message names x and %s", x, x)
                .hasMessageContaining("x")
                .hasMessageContaining(String.valueOf(x));
            Expect.throwsIllegalArgument(() -> NumericalDerivative.step(x),
                "step(%s) must throw an IllegalArgumentException whose message names x and %s", x, x)
                .hasMessageContaining("x")
                .hasMessageContaining(String.valueOf(x));
        }
    }

    /**
     * A random function on the length scale {@code scale} whose slope at {@code x} is not small compared with its
     * value and its third derivative (all in units of the scale): there, and only there, can any difference
     * quotient promise a small relative error. Near a point where f' = 0 even the best step cannot.
     */
    private static Function1D wellConditioned(TestRandom random, double x, double scale) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            Function1D f = Functions1D.random(random, scale);
            double[] d = f.derivatives(3, x);
            double slope = Math.abs(d[1]) * scale;
            double size = Math.max(1.0, Math.max(Math.abs(d[0]), Math.abs(d[3]) * scale * scale * scale));
            if (slope >= WELL_CONDITIONED * size) {
                return f;
            }
        }
        throw new IllegalStateException("no well-conditioned function in " + MAX_DRAWS + " draws: a bug in the test");
    }
}
