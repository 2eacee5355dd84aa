package calculus.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;

/** Task 5.1: one gradient step, x − η ∇f(x). */
class GradientDescentTest {

    /** The step is one multiplication and one subtraction per coordinate: exact up to a rounding or two. */
    private static final double STEP_TOLERANCE = 1e-12;
    /** How many random cases a randomised test draws: enough to meet every dimension from 1 to 6. */
    private static final int CASES = 20;

    @ParameterizedTest(name = "x = {0}, gradient = {1}, learning rate = {2}: the step lands on {3}")
    @CsvSource({
        // x,   f'(x), eta,  x - eta f'(x)
        "1.0,   2.0,   0.1,  0.8",   // f = x^2 at 1: a tenth of the way downhill
        "-3.0,  -6.0,  0.5,  0.0",   // f = x^2 at -3 with eta = 1/f'' = 0.5: straight to the minimum
        "0.5,   -1.0,  0.25, 0.75",  // a negative slope: the step goes right, still downhill
        "2.0,   0.0,   1.0,  2.0",   // a zero gradient: nowhere to go
    })
    @Graded(task = "5.1", points = 3)
    @DisplayName("5.1 A gradient step moves against the gradient: worked examples")
    void workedExamples(double x, double gradient, double learningRate, double expected) {
        double[] received = GradientDescent.step(new double[] {x}, new double[] {gradient}, learningRate);

        assertThat(received).as("GradientDescent.step returned null or the wrong length").isNotNull().hasSize(1);
        assertThat(received[0])
            .withFailMessage(Explain.that("GradientDescent.step(x, gradient, learningRate)")
                .input("x", new double[] {x}, "gradient", new double[] {gradient}, "learningRate", learningRate)
                .expected(expected).received(received[0]).within(STEP_TOLERANCE)
                .mistake("the step goes along the gradient, x + learningRate * gradient: that climbs uphill",
                    x + learningRate * gradient)
                .mistake("the learning rate is left out: x - gradient", x - gradient)
                .mistake("the gradient is returned instead of the new point", gradient)
                .mistake("the change learningRate * gradient is returned instead of the new point",
                    learningRate * gradient)
                .hint("the step is x - learningRate * gradient: against the gradient, because the gradient points "
                    + "uphill"))
            .isCloseTo(expected, within(STEP_TOLERANCE));
    }

    @Test
    @Graded(task = "5.1", points = 3)
    @DisplayName("5.1 step and update compute x - eta * g coordinate by coordinate, in a new array, on random vectors")
    void stepOnRandomVectors(TestRandom random) {
        for (int c = 0; c < CASES; c++) {
            int n = random.between(1, 6);
            double[] x = random.vector(n, -5, 5);
            double[] g = random.vector(n, -5, 5);
            double eta = random.logUniform(1e-4, 1);
            double[] xBefore = x.clone();
            double[] gBefore = g.clone();
            double[] expected = TestObjectives.step(x, g, eta);

            double[] received = GradientDescent.step(x, g, eta);

            assertThat(received)
                .withFailMessage(Explain.that("GradientDescent.step(x, gradient, learningRate)")
                    .input("x", x, "gradient", g, "learningRate", eta)
                    .expected(expected).received(received).within(STEP_TOLERANCE))
                .isNotNull().hasSize(n).containsExactly(expected, within(STEP_TOLERANCE));
            assertThat(x).as("step changed its argument x: return a new array and leave x as it was")
                .containsExactly(xBefore);
            assertThat(g).as("step changed its argument gradient: leave it as it was").containsExactly(gBefore);

            GradientDescent optimizer = new GradientDescent(eta);
            assertThat(optimizer.learningRate()).as("new GradientDescent(%s).learningRate()", eta).isEqualTo(eta);
            double[] updated = optimizer.update(x, g);
            assertThat(updated).as("new GradientDescent(%s).update(x, g) must equal step(x, g, %s): update is a step "
                + "with the optimizer's own learning rate", eta, eta)
                .containsExactly(expected, within(STEP_TOLERANCE));
            assertThat(updated).as("update must return a new array, not x itself (the descent loop keeps every "
                + "point it visits)").isNotSameAs(x);
        }
    }

    @Test
    @Graded(task = "5.1", points = 2)
    @DisplayName("5.1 With a small enough rate a step lowers a random convex quadratic by at least eta/2 |g|^2")
    void stepDescends(TestRandom random) {
        for (int c = 0; c < CASES; c++) {
            int n = random.between(2, 5);
            Fields.Field f = Fields.convexQuadratic(random, n, random.vector(n, -2, 2));
            // for eta <= 1/L (L the largest curvature) the descent lemma promises f(x - eta g) <= f(x) - eta/2 |g|^2
            double eta = 1 / TestObjectives.curvatureBound(f.hessian(new double[n]));
            double[] x = random.vector(n, -3, 3);
            double[] g = f.gradient(x);
            double promised = f.applyAsDouble(x) - eta / 2 * Math.pow(TestObjectives.norm(g), 2);

            double[] next = GradientDescent.step(x, g, eta);

            double reached = f.applyAsDouble(next);
            assertThat(reached)
                .withFailMessage(Explain.that("f(GradientDescent.step(x, gradient, learningRate))")
                    .input("a convex quadratic 1/2 (x - m)'A(x - m), x = " + Arrays.toString(x)
                        + ", learningRate = " + eta)
                    .expected("at most f(x) - eta/2 |g|^2 = " + promised + " (f(x) = " + f.applyAsDouble(x) + ")")
                    .received(reached)
                    .hint(reached > f.applyAsDouble(x) ? "f went up: does the step add the gradient instead of "
                        + "subtracting it?" : "f went down, but not by enough: is the whole gradient used, scaled "
                        + "by the learning rate once?"))
                .isLessThanOrEqualTo(promised + 1e-12 * Math.max(1, Math.abs(promised)));
        }
    }

    @Test
    @Graded(task = "5.1", points = 2)
    @DisplayName("5.1 Bad input is refused with an IllegalArgumentException that names the parameter and its value")
    void badInput() {
        double[] x = {1, 2};
        double[] g = {0.5, -0.5};
        Expect.throwsIllegalArgument(() -> GradientDescent.step(null, g, 0.1),
            "step(null, gradient, 0.1)")
            .hasMessageContaining("x");
        Expect.throwsIllegalArgument(() -> GradientDescent.step(x, null, 0.1),
            "step(x, null, 0.1)")
            .hasMessageContaining("gradient");
        Expect.throwsIllegalArgument(() -> GradientDescent.step(x, new double[] {1, 2, 3}, 0.1),
            "step with x of length 2 and a gradient of length 3")
            .hasMessageContaining("gradient").hasMessageContaining("3");
        for (double eta : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            Expect.throwsIllegalArgument(() -> GradientDescent.step(x, g, eta),
                "step(x, g, learningRate = %s)", eta)
                .hasMessageContaining("learningRate").hasMessageContaining(String.valueOf(eta));
            Expect.throwsIllegalArgument(() -> new GradientDescent(eta),
                "new GradientDescent(%s)", eta)
                .hasMessageContaining("learningRate").hasMessageContaining(String.valueOf(eta));
        }
    }
}
