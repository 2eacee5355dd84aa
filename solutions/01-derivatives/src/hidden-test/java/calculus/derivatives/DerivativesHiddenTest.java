package calculus.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.derivatives.NewtonResult.Status;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

/**
 * The instructors' hidden tests of module 1: the same tasks as the visible tests, on other functions and regimes
 * (cubics and quintics where the visible tests use parabolas and quartics, |x| down to 1e-300 and up to 1e12,
 * functions scaled by 1e±80) and other properties (symmetry, an error that is known exactly, a stopping rule that
 * does not depend on the size of f).
 */
@Hidden
@DisplayName("Module 1, hidden tests")
class DerivativesHiddenTest {

    private static final int CASES = 40;

    // ---------------------------------------------------------------------------------------------------------
    // 1.1

    // a cubic's values on |x| <= 4 stay below 2 (1 + 4 + 16 + 64) = 170, rounded by ~ eps 170 ~ 4e-14 each; divided
    // by |b - a| >= 0.01 that is below 1e-11, so 1e-9 is generous and still catches any wrong formula
    private static final double CUBIC_SECANT_TOLERANCE = 1e-9;

    @Test
    @Graded(task = "1.1", points = 2)
    @DisplayName("1.1 The secant of a random cubic has slope c1 + c2 (a + b) + c3 (a^2 + ab + b^2), in either order")
    void secantOfCubics(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double[] c = Functions1D.randomCoefficients(random, 3);
            Function1D cubic = Functions1D.polynomial(c);
            double a = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double b = a + random.sign() * random.uniform(0.01, Functions1D.DOMAIN);
            // (b^3 - a^3) / (b - a) = a^2 + ab + b^2, (b^2 - a^2) / (b - a) = a + b
            double expected = c[1] + c[2] * (a + b) + c[3] * (a * a + a * b + b * b);
            double received = SecantSlope.slope(cubic, a, b);
            assertThat(received)
                .withFailMessage(Explain.that("SecantSlope.slope(f, a, b)").input("f(x)", cubic, "a", a, "b", b)
                    .expected(expected).received(received).within(CUBIC_SECANT_TOLERANCE)
                    .hint("the slope is (f(b) - f(a)) / (b - a), for every function, not only for parabolas"))
                .isCloseTo(expected, within(CUBIC_SECANT_TOLERANCE));
            double swapped = SecantSlope.slope(cubic, b, a);
            assertThat(swapped)
                .withFailMessage(Explain.that("SecantSlope.slope(f, b, a)").input("f(x)", cubic, "a", a, "b", b)
                    .expected(received).received(swapped)
                    .hint("the Javadoc promises slope(f, a, b) == slope(f, b, a): exchanging the points negates both "
                        + "the rise and the run, and negation is exact in floating point"))
                .isEqualTo(received);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1.3

    // Even functions f(x) = g(x^2): (-x)^2 == x^2 exactly and -x + h == -(x - h) exactly (rounding is symmetric),
    // so D(f, -x, h) == -D(f, x, h) and D(f, 0, h) == 0 hold exactly; 1e-14 relative only allows for a division
    // written another way. The accuracy check: with h <= 1e-3 the error is (h^2/6) f'''(x) + (h^4/120) f^(5) + ...,
    // where the second term is below 1e-12 |f^(5)|, and round-off eps |f| / h <= 2e-16 * 50 / 1e-4 = 1e-10; so
    // h^2 (|f'''(x)| / 3 + 1) leaves room. A one-sided difference is off by (h/2) |f''| and is not antisymmetric.
    private static final double SYMMETRY_TOLERANCE = 1e-14;
    private static final double PARITY_POINT = 1.4;

    @Test
    @Graded(task = "1.3", points = 2)
    @DisplayName("1.3 For an even function, D(f, -x, h) = -D(f, x, h), D(f, 0, h) = 0, and D is close to f'(x)")
    void centralDifferenceRespectsParity(TestRandom random) {
        Function1D square = Functions1D.polynomial(0, 0, 1);
        for (int i = 0; i < CASES; i++) {
            Function1D even = Functions1D.random(random).of(square);
            double x = random.uniform(0.05, PARITY_POINT);
            double h = random.logUniform(1e-4, 1e-3);
            double atX = CentralDifference.derivative(even, x, h);
            double atMinusX = CentralDifference.derivative(even, -x, h);
            double atZero = CentralDifference.derivative(even, 0.0, h);
            double slope = even.derivative(x);
            double tolerance = h * h * (Math.abs(even.thirdDerivative(x)) / 3 + 1);
            assertThat(atX)
                .withFailMessage(Explain.that("CentralDifference.derivative(f, x, h)")
                    .input("f(x)", even, "x", x, "h", h)
                    .expected(slope).received(atX).within(tolerance))
                .isCloseTo(slope, within(tolerance));
            double symmetry = SYMMETRY_TOLERANCE * Math.max(1.0, Math.abs(atX));
            assertThat(atMinusX)
                .withFailMessage(Explain.that("CentralDifference.derivative(f, -x, h)")
                    .input("f(x)", even, "x", -x, "h", h)
                    .expected(-atX).received(atMinusX).within(symmetry)
                    .hint("f is even, so its slope at -x is minus its slope at x. The central difference keeps that "
                        + "symmetry exactly; a one-sided difference, (f(x + h) - f(x)) / h, does not"))
                .isCloseTo(-atX, within(symmetry));
            assertThat(atZero)
                .withFailMessage(Explain.that("CentralDifference.derivative(f, 0, h)")
                    .input("f(x)", even, "x", 0.0, "h", h)
                    .expected(0.0).received(atZero).within(SYMMETRY_TOLERANCE)
                    .hint("f(h) == f(-h) for an even function: the central difference at 0 is exactly 0"))
                .isCloseTo(0.0, within(SYMMETRY_TOLERANCE));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1.4

    // The promise of NumericalDerivative: a relative error of about 1e-10 for a function that varies on the scale of
    // max(1, |x|), at a point where f' is not small next to f and f''' (in units of that scale). Floating point is
    // scale-free, so the argument of the visible test (|x| up to 1e6) holds at 1e12 too: truncation ~ 6e-12 |g'''|,
    // round-off ~ 2e-11 |g| against |g'| >= 0.25 max(1, |g|, |g'''|). Near 0 the step must not shrink with |x|:
    // cbrt(eps) |x| at x = 1e-200 is 6e-206, and f(x + h) == f(x - h) in doubles for any f with f(0) != 0.
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final double WELL_CONDITIONED = 0.25;
    private static final int MAX_DRAWS = 10_000;

    @Test
    @Graded(task = "1.4", points = 3)
    @DisplayName("1.4 derivative(f, x) keeps a relative error of 1e-9 for |x| down to 1e-300 and up to 1e12")
    void accurateAtExtremeScales(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            boolean tiny = i % 2 == 0;
            double x = random.sign() * (tiny ? random.logUniform(1e-300, 1e-3) : random.logUniform(1e6, 1e12));
            // near 0 the function varies on the scale 1; far out, on a scale of the order of |x|
            double scale = tiny ? 1.0 : Math.abs(x) / random.uniform(0.5, 2);
            Function1D f = wellConditioned(random, x, scale);
            double expected = f.derivative(x);
            double received = NumericalDerivative.derivative(f, x);
            assertThat(Explain.relativeError(expected, received))
                .withFailMessage(Explain.that("NumericalDerivative.derivative(f, x)").input("f(x)", f, "x", x)
                    .expected(expected).received(received).withinRelative(RELATIVE_TOLERANCE)
                    .detail("step", "step(x) should be about " + NumericalDerivative.RELATIVE_STEP
                        * Math.max(1, Math.abs(x)))
                    .hint(tiny ? "near 0 the step is RELATIVE_STEP * max(1, |x|) = RELATIVE_STEP: a step that "
                        + "shrinks with |x| is lost in the rounding of f(x + h) - f(x - h)"
                        : "far from 0 the step grows with |x|: RELATIVE_STEP * |x|, rounded so that (x + h) - x == h"))
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        }
    }

    /** A random function on the length scale {@code scale} whose slope at x is not small (see the tolerance). */
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

    // ---------------------------------------------------------------------------------------------------------
    // 1.5 and 1.6: errors known exactly on quintics

    // For a quintic the Taylor series stops at h^5, so the errors are known exactly:
    //   second difference:  (h^2/12) f''''(x)  (the h^4 term has f^(6) = 0),
    //   Richardson:        -(h^4/480) f^(5)    (the h^6 term has f^(7) = 0), and f^(5) = 120 c5.
    // With h in [0.2, 1] and |x| <= 2, |f| <= 2 (1 + 3 + ... + 3^5) ~ 730 on the stencil, so round-off is at most
    // 4 eps |f| / h^2 ~ 2e-11 (second difference) and a few eps |f| / h ~ 1e-11 (Richardson); the errors themselves
    // are at least (h^4 / 4) |c5| >= 2e-4 for Richardson. 1e-9 separates a right formula from a wrong one.
    private static final double QUINTIC_TOLERANCE = 1e-9;
    private static final double MIN_STEP = 0.2;

    @Test
    @Graded(task = "1.5", points = 2)
    @DisplayName("1.5 On a random quintic the second difference errs by exactly (h^2/12) f''''(x)")
    void secondDifferenceErrorOnQuintics(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D quintic = Functions1D.randomPolynomial(random, 5);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double h = random.uniform(MIN_STEP, 1);
            double expected = quintic.secondDerivative(x) + h * h / 12 * quintic.derivative(4, x);
            double received = SecondDifference.secondDerivative(quintic, x, h);
            assertThat(received)
                .withFailMessage(Explain.that("SecondDifference.secondDerivative(f, x, h)")
                    .input("f(x)", quintic, "x", x, "h", h)
                    .expected(expected).received(received).within(QUINTIC_TOLERANCE)
                    .detail("f''(x)", String.valueOf(quintic.secondDerivative(x)))
                    .hint("(f(x + h) - 2 f(x) + f(x - h)) / h^2 = f'' + (h^2/12) f'''' + (h^4/360) f^(6) + ..., and "
                        + "a quintic has f^(6) = 0: the expected value is f'' plus that one error term"))
                .isCloseTo(expected, within(QUINTIC_TOLERANCE));
        }
    }

    @Test
    @Graded(task = "1.6", points = 2)
    @DisplayName("1.6 On a random quintic Richardson extrapolation errs by exactly -(h^4/480) f^(5)")
    void richardsonErrorOnQuintics(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D quintic = Functions1D.randomPolynomial(random, 5);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double h = random.uniform(MIN_STEP, 1);
            double expected = quintic.derivative(x) - Math.pow(h, 4) / 480 * quintic.derivative(5, x);
            double received = RichardsonExtrapolation.derivative(quintic, x, h);
            assertThat(received)
                .withFailMessage(Explain.that("RichardsonExtrapolation.derivative(f, x, h)")
                    .input("f(x)", quintic, "x", x, "h", h)
                    .expected(expected).received(received).within(QUINTIC_TOLERANCE)
                    .detail("f'(x)", String.valueOf(quintic.derivative(x)))
                    .hint("(4 D(h/2) - D(h)) / 3 cancels the h^2 term of the central difference D and leaves "
                        + "-(h^4/480) f^(5): weights other than 4 and -1, over 3, leave an h^2 term instead"))
                .isCloseTo(expected, within(QUINTIC_TOLERANCE));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1.8

    // f = c (g - g(r)) with |g'(r)| >= 0.5 and a start within 1e-3 of r. On [-2, 2] |g''| <= 2 * 50
    // (Functions1D.BOUND), so within 1e-3 of r, |g'| >= 0.4 and Newton's error obeys
    // e' <= (100 / (2 * 0.4)) e^2 = 125 e^2: 1e-3, 1.3e-4, 2e-6, 5e-10, 3e-17. The step shrinks below 1e-12 by the
    // sixth step whatever c is, because c f / (c f') does not depend on c; a method that stops on
    // |f(x)| <= tolerance stops at once when c = 1e-80, and never when c = 1e80
    private static final double TOLERANCE = 1e-12;
    private static final double ROOT_TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 50;
    private static final int QUADRATIC_STEPS = 8;
    private static final double MIN_SLOPE = 0.5;
    private static final double MAX_START_DISTANCE = 1e-3;
    private static final double MAX_DECADES = 80;

    @Test
    @Hidden(showMessage = false)
    @Graded(task = "1.8", points = 3)
    @DisplayName("1.8 Newton's method finds the same root when f is scaled by 1e-80 or 1e80")
    void newtonIgnoresTheSizeOfF(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            Function1D g;
            double r;
            do {
                g = Functions1D.random(random);
                r = random.uniform(-1.5, 1.5);
            } while (Math.abs(g.derivative(r)) < MIN_SLOPE);
            Function1D shifted = g.plus(-g.applyAsDouble(r));
            double c = Math.pow(10, random.sign() * random.uniform(MAX_DECADES / 2, MAX_DECADES));
            DoubleUnaryOperator f = t -> c * shifted.applyAsDouble(t);
            DoubleUnaryOperator df = t -> c * shifted.derivative(t);
            double x0 = r + random.sign() * random.uniform(MAX_START_DISTANCE / 10, MAX_START_DISTANCE);
            NewtonResult result = NewtonMethod.solve(f, df, x0, TOLERANCE, MAX_ITERATIONS);
            String input = "f(x) = c * (g(x) - g(r)) with c = " + c + ", g(x) = " + g + ", r = " + r + ", x0 = " + x0;
            String what = "NewtonMethod.solve(f, df, x0, " + TOLERANCE + ", " + MAX_ITERATIONS + ")";
            String hint = "multiplying f by a constant does not move its root or Newton's steps x - f(x) / f'(x): "
                + "stop when the step is at most tolerance long, not when |f(x)| is small";
            assertThat(result.status())
                .withFailMessage(Explain.that(what + ".status()").input(input).expected(Status.CONVERGED)
                    .received(result).hint(hint))
                .isEqualTo(Status.CONVERGED);
            assertThat(result.root())
                .withFailMessage(Explain.that(what + ".root()").input(input).expected(r).received(result.root())
                    .within(ROOT_TOLERANCE).hint(hint))
                .isCloseTo(r, within(ROOT_TOLERANCE));
            assertThat(result.iterations())
                .withFailMessage(Explain.that(what + ".iterations()").input(input)
                    .expected("between 1 and " + QUADRATIC_STEPS).received(result.iterations()).hint(hint))
                .isBetween(1, QUADRATIC_STEPS);
        }
    }
}
