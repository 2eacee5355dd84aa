package calculus.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;
import calculus.oracles.Fields.Field;
import calculus.oracles.FiniteDifferences;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

/** Task 3.4: the multivariable chain rule, dz/dt = sum over i of (df/dx_i)(x(t)) x_i'(t). */
class TotalDerivativeTest {

    /** A sum of n exact products: a few units in the last place of the largest term. */
    private static final double EXACT = 1e-12;
    /**
     * The five-point stencil of t ↦ f(x(t)) for smooth fields along curved paths: typically 10<sup>−10</sup>, at
     * worst about 10<sup>−7</sup> relative where the composition's fifth derivative is large, so 10<sup>−5</sup>;
     * the exact sum is then checked to 10<sup>−12</sup>.
     */
    private static final double STENCIL = 1e-5;
    /** Random fields and paths per test. */
    private static final int TRIALS = 40;

    private static final Differentiable COS = Differentiable.of(Math::cos, t -> -Math.sin(t));
    private static final Differentiable SIN = Differentiable.of(Math::sin, Math::cos);
    /** z = x y: gradient (y, x). */
    private static final Function<double[], double[]> PRODUCT = p -> new double[] {p[1], p[0]};
    /** z = x^2 + y^2: gradient (2x, 2y). */
    private static final Function<double[], double[]> RADIUS_SQUARED = p -> new double[] {2 * p[0], 2 * p[1]};

    @ParameterizedTest(name = "t = {0}")
    @CsvSource({
        // t,    d/dt (cos t sin t) = cos 2t
        "0.0,  1.0",
        "0.5,  0.5403023058681398",
        "1.2,  -0.7373937155412454",
        "2.0,  -0.6536436208636119",
    })
    @Graded(task = "3.4", points = 3)
    @DisplayName("3.4 Worked examples: z = xy and z = x^2 + y^2 along the circle x = cos t, y = sin t")
    void workedExamples(double t, double cos2t) {
        List<Differentiable> circle = List.of(COS, SIN);
        double received = TotalDerivative.derivative(PRODUCT, circle, t);
        assertThat(received)
            .withFailMessage(Explain.that("TotalDerivative.derivative(grad(xy), (cos t, sin t), t)").input("t", t)
                .expected(cos2t).received(received).withinRelative(EXACT)
                .hint("dz/dt = y * (-sin t) + x * cos t with x = cos t and y = sin t, which is cos 2t")
                .matched(Mistakes.hint(cos2t, received,
                    "the partials are taken at (t, t) instead of at (x(t), y(t))", t * -Math.sin(t) + t * Math.cos(t),
                    "the partials are added without the path's velocity", Math.sin(t) + Math.cos(t))))
            .isCloseTo(cos2t, within(EXACT));
        // on the unit circle x^2 + y^2 stays 1: its rate of change is 0 at every t
        double flat = TotalDerivative.derivative(RADIUS_SQUARED, circle, t);
        assertThat(flat)
            .withFailMessage(Explain.that("TotalDerivative.derivative(grad(x^2 + y^2), (cos t, sin t), t)")
                .input("t", t).expected(0.0).received(flat).within(EXACT)
                .hint("x^2 + y^2 = 1 all along the circle, so it does not change: the two routes cancel"))
            .isCloseTo(0.0, within(EXACT));
    }

    @Test
    @Graded(task = "3.4", points = 5)
    @DisplayName("3.4 Random fields along random paths in 2 to 4 dimensions match the exact sum and finite differences")
    void randomFieldsAndPaths(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.between(2, 4);
            Field f = Fields.random(random, n);
            List<Function1D> coordinates = new ArrayList<>();
            List<Differentiable> path = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // 1.5 tanh(...) keeps the path inside [-2, 2]^n, where a random field is of moderate size
                Function1D c = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
                coordinates.add(c);
                path.add(Differentiable.of(c, c::derivative));
            }
            double t = random.uniform(-2, 2);
            double[] x = new double[n];
            double[] velocity = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = coordinates.get(i).applyAsDouble(t);
                velocity[i] = coordinates.get(i).derivative(t);
            }
            double[] partials = f.gradient(x);
            double expected = dot(partials, velocity);
            double stencil = FiniteDifferences.derivative(s -> {
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = coordinates.get(i).applyAsDouble(s);
                }
                return f.applyAsDouble(p);
            }, t);
            double received = TotalDerivative.derivative(f::gradient, path, t);
            double[] atT = new double[n];
            Arrays.fill(atT, t);
            String input = "f = " + f + " in " + n + " variables, the path's coordinates x_i(t) (printed as "
                + "functions of x) = " + coordinates + ", t = " + t;
            assertThat(Explain.relativeError(received, stencil, 1.0))
                .withFailMessage(Explain.that("TotalDerivative.derivative(grad f, path, t)").input(input)
                    .expected(expected).received(received).withinRelative(STENCIL)
                    .detail("x(t)", Arrays.toString(x)).detail("x'(t)", Arrays.toString(velocity))
                    .detail("grad f(x(t))", Arrays.toString(partials))
                    .detail("central differences", Double.toString(stencil))
                    .matched(Mistakes.hint(expected, received,
                        "the gradient is taken at (t, ..., t) instead of at x(t)", dot(f.gradient(atT), velocity),
                        "the partials are summed without the velocities x_i'(t)", sum(partials),
                        "the velocities are summed without the partials", sum(velocity),
                        "only the first coordinate's route is counted", partials[0] * velocity[0],
                        "only the last coordinate's route is counted (= instead of +=)",
                        partials[n - 1] * velocity[n - 1])))
                .isLessThanOrEqualTo(STENCIL);
            assertThat(received)
                .withFailMessage(Explain.that("TotalDerivative.derivative(grad f, path, t)").input(input)
                    .expected(expected).received(received).withinRelative(EXACT))
                .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @Graded(task = "3.4", points = 2)
    @DisplayName("3.4 With one coordinate, the total derivative is the chain rule f'(x(t)) x'(t) of task 3.1")
    void oneCoordinateIsTheChainRule(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Function1D f = Functions1D.random(random);
            Function1D x = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
            double t = random.uniform(-2, 2);
            double expected = f.of(x).derivative(t);
            double received = TotalDerivative.derivative(p -> new double[] {f.derivative(p[0])},
                List.of(Differentiable.of(x, x::derivative)), t);
            assertThat(received)
                .withFailMessage(Explain.that("TotalDerivative.derivative(f', [x], t)")
                    .input("f(x) = " + f + ", x(t) = " + x + ", t = " + t).expected(expected).received(received)
                    .withinRelative(EXACT)
                    .matched(Mistakes.hint(expected, received,
                        "f' is taken at t instead of at x(t)", f.derivative(t) * x.derivative(t),
                        "the velocity x'(t) is missing", f.derivative(x.applyAsDouble(t)))))
                .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @Graded(task = "3.4", points = 4)
    @DisplayName("3.4 Bad input is refused: null gradient, empty path, missing coordinate, gradient of the wrong size")
    void badInputIsRefused() {
        List<Differentiable> circle = List.of(COS, SIN);
        Expect.throwsIllegalArgument(() -> TotalDerivative.derivative(null, circle, 0.3),
            "a null gradient must be refused with IllegalArgumentException naming gradient")
            .hasMessageContaining("gradient");
        Expect.throwsIllegalArgument(() -> TotalDerivative.derivative(PRODUCT, List.of(), 0.3),
            "an empty path has no coordinates: refuse it with IllegalArgumentException naming path")
            .hasMessageContaining("path");
        Expect.throwsIllegalArgument(() -> TotalDerivative.derivative(PRODUCT, null, 0.3),
            "a null path must be refused with IllegalArgumentException naming path")
            .hasMessageContaining("path");
        Expect.throwsIllegalArgument(() -> TotalDerivative.derivative(PRODUCT, Arrays.asList(COS, null), 0.3),
            "path [cos, null] misses coordinate 1: refuse it with IllegalArgumentException naming index 1")
            .hasMessageContaining("1");
        Function<double[], double[]> threePartials = p -> new double[] {1, 2, 3};
        Expect.throwsIllegalArgument(() -> TotalDerivative.derivative(threePartials, circle, 0.3),
            "a gradient with 3 partials for a path of 2 coordinates does not fit: refuse it with "
                + "IllegalArgumentException naming both counts, 3 and 2")
            .hasMessageContaining("3").hasMessageContaining("2");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
