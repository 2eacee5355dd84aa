package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.Fields;

/**
 * The instructors' hidden tests of module 4: the same tasks as the visible tests, in other regimes (500 to 5000
 * entries scaled by 2<sup>±1000</sup>, 100 to 300 variables, directions and losses scaled by up to 10<sup>±250</sup>,
 * features on scales from 0.01 to 100, losses as small as 10<sup>−260</sup>) and with other properties (invariance
 * under a permutation of the variables, the promised errors and NaNs, a vanishing gradient at the minimiser that the
 * normal equations give, the chain rule for Jacobians layer by layer).
 */
@Hidden
@DisplayName("Module 4, hidden tests")
class GradientHiddenTest {

    private static final double H = NumericalGradient.DEFAULT_STEP;

    // ---------------------------------------------------------------------------------------------------------
    // 4.1

    // v = 2^e u with |u_i| in [0.5, 2): every entry is normal and scaling by a power of 2 is exact, so the norm is
    // 2^e |u| exactly. |u| is a sum of at most 5000 squares, each rounded: even added up the worst way that is
    // 5000 eps / 2 ~ 6e-13 relative, in the test's sum and in the code's; 1e-11 leaves room and still tells a norm
    // apart from Infinity (2^1000 squared overflows), 0 (2^-1000 squared underflows) or a wrong scale factor
    private static final double NORM_TOLERANCE = 1e-11;

    @Test
    @Graded(task = "4.1", points = 2)
    @DisplayName("4.1 The norm is exact in 500 to 5000 dimensions with entries scaled by 2^-1000 to 2^1000")
    void normInManyDimensionsAtExtremeScales(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            int n = random.between(500, 5000);
            int exponent = (int) random.sign() * random.between(500, 1000);
            // every other trial all entries are negative: a largest entry found without |.| is then 0
            boolean allNegative = trial % 2 == 0;
            double[] u = new double[n];
            double[] v = new double[n];
            double sumOfSquares = 0;
            for (int i = 0; i < n; i++) {
                u[i] = (allNegative ? -1 : random.sign()) * random.uniform(0.5, 2);
                v[i] = Math.scalb(u[i], exponent);
                sumOfSquares += u[i] * u[i];
            }
            double expected = Math.scalb(Math.sqrt(sumOfSquares), exponent);
            double received = Vectors.norm(v);
            String hint;
            if (received == Double.POSITIVE_INFINITY) {
                hint = "received Infinity: the squares of entries near 2^" + exponent + " overflow. Divide by the "
                    + "largest |v[i]| before squaring and multiply the root by it afterwards";
            } else if (received == 0) {
                hint = "received 0 for a vector with no zero entry: the squares of entries near 2^" + exponent
                    + " underflow, or the largest entry was found without Math.abs (every entry is negative here)";
            } else {
                hint = "the norm must be accurate to a few units in the last place whatever the scale of the entries "
                    + "and their number";
            }
            assertThat(Explain.relativeError(expected, received))
                .withFailMessage(Explain.that("Vectors.norm(v)")
                    .input("v", v, "v", n + " entries 2^" + exponent + " u_i with |u_i| in [0.5, 2)"
                        + (allNegative ? ", all negative" : ""))
                    .expected(expected).received(received).withinRelative(NORM_TOLERANCE).hint(hint))
                .isLessThanOrEqualTo(NORM_TOLERANCE);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4.2

    // f(x) = sum_i a_i sin(b_i x_i + c_i) with |a_i| <= 2, |b_i| <= 1.5: truncation h^2 |a b^3| / 6 < 2e-10, and the
    // round-off of a sum of up to 300 terms of size 2, eps * 600 / 2h ~ 7e-9, against partials of size up to 3;
    // 1e-7 of the largest partial leaves a margin of 40
    private static final double SEPARABLE_TOLERANCE = 1e-7;
    // permuting the variables makes the code evaluate f at exactly the same points, so the partials are the same
    // numbers; 1e-14 only allows for arithmetic that depends on the order of the coordinates
    private static final double PERMUTATION_TOLERANCE = 1e-14;

    @Test
    @Graded(task = "4.2", points = 2)
    @DisplayName("4.2 In 100 to 300 variables each partial is g_i'(x_i), and permuting the variables permutes them")
    void separableFunctionInManyVariables(TestRandom random) {
        for (int trial = 0; trial < 4; trial++) {
            int n = random.between(100, 300);
            double[] a = random.vector(n, -2, 2);
            double[] b = random.vector(n, -1.5, 1.5);
            double[] c = random.vector(n, -1, 1);
            ToDoubleFunction<double[]> f = p -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += a[i] * Math.sin(b[i] * p[i] + c[i]);
                }
                return sum;
            };
            double[] x = random.vector(n, -2, 2);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = a[i] * b[i] * Math.cos(b[i] * x[i] + c[i]);
            }
            String formula = "f(x) = sum_i a_i sin(b_i x_i + c_i) in " + n + " variables";
            double[] received = NumericalGradient.gradient(f, x.clone(), H);
            Expect.closeTo(Explain.that("NumericalGradient.gradient(f, x, h)").input("f", formula, "x", x, "h", H)
                .hint("partial i of a sum of functions of one coordinate each is g_i'(x_i): every coordinate, up to "
                    + "the last of the " + n + ", must be moved by +h and -h"), expected, received,
                SEPARABLE_TOLERANCE);

            // g(x) = f(P x) with (P x)_j = x[perm[j]]: partial perm[j] of g at x is partial j of f at P x
            int[] perm = permutation(random, n);
            ToDoubleFunction<double[]> g = p -> f.applyAsDouble(permute(p, perm));
            double[] xg = new double[n];
            for (int j = 0; j < n; j++) {
                xg[perm[j]] = x[j];
            }
            double[] permuted = new double[n];
            for (int j = 0; j < n; j++) {
                permuted[perm[j]] = received[j];
            }
            double[] receivedG = NumericalGradient.gradient(g, xg, H);
            Expect.closeTo(Explain.that("NumericalGradient.gradient(g, y, h)")
                .input("g(y)", "f(P y), the variables of f in another order", "y", xg, "h", H)
                .hint("g reads the same numbers as f, in another order, so its partials are those of f in that "
                    + "order: each partial may depend only on its own coordinate, on h and on the two values of f"),
                permuted, receivedG, PERMUTATION_TOLERANCE);
        }
    }

    // x[i] + h rounds to x[i] when h is below half the spacing of doubles near x[i] (about 1.2e-4 near 1e12)
    private static final double HUGE_COORDINATE = 1e12;
    private static final double LOST_STEP = 1e-6;
    // the partials of a linear function with a sqrt(x_j) term at x_j = 0: f(x +- h e_i) is exact but for the
    // rounding of a sum of terms of size 2, eps * 10 / 2h ~ 1e-10
    private static final double LINEAR_TOLERANCE = 1e-8;

    @Test
    @Hidden(showMessage = false)
    @Graded(task = "4.2", points = 1)
    @DisplayName("4.2 A step too small to move a coordinate is rejected, and a NaN value of f gives a NaN partial")
    void stepTooSmallAndNaNValues(TestRandom random) {
        for (int trial = 0; trial < 6; trial++) {
            int n = random.between(2, 6);
            int big = random.nextInt(n);
            double[] x = random.vector(n, -2, 2);
            x[big] = random.sign() * HUGE_COORDINATE * random.uniform(1, 2);
            Expect.rejects("NumericalGradient.gradient(f, x, " + LOST_STEP + ") with x[" + big + "] = " + x[big],
                () -> NumericalGradient.gradient(p -> p[0], x, LOST_STEP), "h", String.valueOf(LOST_STEP));

            // f(x) = sqrt(x_j) + sum of a_i x_i over i != j, at x_j = 0: f(x - h e_j) is NaN
            int j = random.nextInt(n);
            double[] a = random.vector(n, -2, 2);
            double[] point = random.vector(n, -2, 2);
            point[j] = 0.0;
            ToDoubleFunction<double[]> f = p -> {
                double sum = Math.sqrt(p[j]);
                for (int i = 0; i < n; i++) {
                    sum += i == j ? 0 : a[i] * p[i];
                }
                return sum;
            };
            double[] received = NumericalGradient.gradient(f, point, H);
            assertThat(received).as("NumericalGradient.gradient(f, x, h) for f(x) = sqrt(x[%d]) + a linear term, at "
                + "x[%d] = 0, must return one partial per variable", j, j).isNotNull().hasSize(n);
            assertThat(received[j]).as("partial %d of f(x) = sqrt(x[%d]) + ... at x[%d] = 0: f(x - h e_%d) is "
                + "sqrt(-h) = NaN, and the Javadoc promises that the method reports what f computes, a NaN partial",
                j, j, j, j).isNaN();
            for (int i = 0; i < n; i++) {
                if (i != j) {
                    assertThat(Math.abs(received[i] - a[i])).as("partial %d of f(x) = sqrt(x[%d]) + sum a_i x_i is "
                        + "a[%d] = %s, got %s: a NaN in one coordinate must not spill into the others", i, j, i, a[i],
                        received[i]).isLessThanOrEqualTo(LINEAR_TOLERANCE);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4.3

    // a dot product with a direction scaled by a power of 2 and divided by its norm: exact but for a few roundings
    // of each product, relative to sum |g_i u_i|
    private static final double EXACT = 1e-13;
    // as in the visible tests: the central difference along a unit vector with h = 1e-5 on random fields
    private static final double NUMERICAL_TOLERANCE = 1e-6;

    @Test
    @Graded(task = "4.3", points = 2)
    @DisplayName("4.3 Directions and gradients as short as 2^-1000 or as long as 2^1000 are normalised, not rejected")
    void extremeLengthsAreNormalised(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            int n = random.between(2, 10);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double[] gradient = f.gradient(x);
            double[] u = random.unitVector(n);
            int exponent = (int) random.sign() * random.between(600, 1000);
            double[] v = new double[n];
            double expected = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                v[i] = Math.scalb(u[i], exponent);
                expected += gradient[i] * u[i];
                size += Math.abs(gradient[i] * u[i]);
            }
            String length = "direction = 2^" + exponent + " u for a unit vector u, a length of about "
                + String.format("%.1e", Math.scalb(1.0, exponent));
            String normHint = "its length is not 0: compare it with 0, not with a small threshold, and compute it "
                + "with Vectors.norm, whose squares neither overflow nor underflow";
            double received = call(() -> DirectionalDerivative.fromGradient(gradient, v),
                "DirectionalDerivative.fromGradient(gradient, direction) rejected " + length + ": " + normHint);
            double tolerance = EXACT * size;
            assertThat(Math.abs(received - expected))
                .withFailMessage(Explain.that("DirectionalDerivative.fromGradient(gradient, direction)")
                    .input("gradient", gradient, "direction", v).detail("direction", length)
                    .expected(expected).received(received).within(tolerance)
                    .hint("the rate along v is gradient.v / |v| whatever the length of v: " + normHint))
                .isLessThanOrEqualTo(tolerance);
            double numerical = call(() -> DirectionalDerivative.numerical(f, x, v, H),
                "DirectionalDerivative.numerical(f, x, direction, h) rejected " + length + ": " + normHint);
            double allowed = NUMERICAL_TOLERANCE * Math.max(1, Math.abs(expected));
            assertThat(Math.abs(numerical - expected))
                .withFailMessage(Explain.that("DirectionalDerivative.numerical(f, x, direction, h)")
                    .input("f(x)", f, "x", x, "direction", v, "h", H).detail("direction", length)
                    .expected(expected).received(numerical).within(allowed)
                    .hint("it must agree with fromGradient(gradient, direction): step by h along the unit vector "
                        + "direction / |direction|"))
                .isLessThanOrEqualTo(allowed);

            int scale = (int) random.sign() * random.between(600, 1000);
            double[] scaled = new double[n];
            double[] unit = new double[n];
            double gradientNorm = Math.sqrt(dot(gradient, gradient));
            for (int i = 0; i < n; i++) {
                scaled[i] = Math.scalb(gradient[i], scale);
                unit[i] = gradient[i] / gradientNorm;
            }
            String gradientLength = "gradient = 2^" + scale + " times " + Arrays.toString(gradient);
            double[] ascent = call(() -> DirectionalDerivative.steepestAscent(scaled),
                "DirectionalDerivative.steepestAscent rejected the " + gradientLength + ": only the zero vector has "
                    + "no direction; " + normHint);
            Expect.closeTo(Explain.that("DirectionalDerivative.steepestAscent(gradient)").input("gradient", scaled)
                .detail("gradient", gradientLength)
                .hint("the direction of steepest ascent is a unit vector, gradient / |gradient|, whatever the "
                    + "gradient's length"), unit, ascent, EXACT);
            double[] descent = call(() -> DirectionalDerivative.steepestDescent(scaled),
                "DirectionalDerivative.steepestDescent rejected the " + gradientLength + ": only the zero vector "
                    + "has no direction; " + normHint);
            Expect.closeTo(Explain.that("DirectionalDerivative.steepestDescent(gradient)").input("gradient", scaled)
                .detail("gradient", gradientLength)
                .hint("the direction of steepest descent is -gradient / |gradient|, whatever the gradient's length"),
                times(-1, unit), descent, EXACT);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4.4

    // At the minimiser theta* of the ridge loss the gradient is a sum of terms that cancel; the code's sum is off
    // by about (k + m) eps times the size S_j of those terms (m <= 200), whatever the conditioning: the solve is
    // backward stable. 1e-10 S_j leaves a factor 50; a gradient with another convention (2 lambda w, lambda w / 2,
    // a regularised bias, a sum for the mean) leaves a term of about lambda |theta_j|, some 1e-3 S_j or more
    private static final double STATIONARY_TOLERANCE = 1e-10;
    // a step of 1e-3 max(1, |theta_j|) raises the loss by at least 1e-10 here, far above its rounding (~ 1e-14)
    private static final double PROBE = 1e-3;

    @Test
    @Hidden(showMessage = false)
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 At the ridge minimiser of the normal equations the gradient is 0, features on scales 0.01-100")
    void gradientVanishesAtTheRidgeMinimiser(TestRandom random) {
        for (int trial = 0; trial < 6; trial++) {
            int k = random.between(1, 6);
            int m = random.between(k + 10, 200);
            double[] scales = new double[k];
            for (int j = 0; j < k; j++) {
                scales[j] = Math.pow(10, random.uniform(-2, 2));
            }
            double bias = random.sign() * random.uniform(1, 3);
            Datasets.Regression data = Datasets.linear(random, m, random.vector(k, -3, 3), bias, 0.5);
            double[][] x = new double[m][k];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < k; j++) {
                    x[i][j] = scales[j] * data.x()[i][j];
                }
            }
            double[] y = data.y();
            double lambda = trial == 0 ? 0.0 : random.logUniform(0.01, 1);
            double[] theta = ridgeMinimiser(x, y, lambda);
            String input = m + " examples, " + k + " features on the scales " + Arrays.toString(scales);
            Explain message = Explain.that("LinearRegressionLoss.gradient(theta*, x, y, lambda)")
                .input("theta* = (w, b)", theta, "lambda", lambda, "data", input)
                .detail("theta*", "the minimiser: ((2/m) X^T X + lambda D) theta = (2/m) X^T y, X with a column of "
                    + "ones last, D = diag(1, ..., 1, 0)")
                .hint("at the minimiser the gradient is 0 only with this course's conventions: the mean (2/m) sum r_i "
                    + "x_i, the penalty's gradient lambda w, nothing for the bias");
            double[] received = LinearRegressionLoss.gradient(theta, x, y, lambda);
            double[] size = stationaryScale(theta, x, y, lambda);
            assertThat(received).withFailMessage(message.expected(new double[k + 1]).received(received))
                .isNotNull().hasSize(k + 1);
            for (int j = 0; j <= k; j++) {
                assertThat(Math.abs(received[j]))
                    .withFailMessage(message.expected(new double[k + 1]).received(received)
                        .within(STATIONARY_TOLERANCE * size[j]).detail("entry", j + (j == k ? " (the bias)" : "")))
                    .isLessThanOrEqualTo(STATIONARY_TOLERANCE * size[j]);
            }
            double lowest = LinearRegressionLoss.value(theta, x, y, lambda);
            for (int j = 0; j <= k; j++) {
                for (double sign : new double[] {-1, 1}) {
                    double[] near = theta.clone();
                    near[j] += sign * PROBE * Math.max(1, Math.abs(theta[j]));
                    double nearby = LinearRegressionLoss.value(near, x, y, lambda);
                    assertThat(nearby).as("LinearRegressionLoss.value at theta* = %s is %s, but at %s, with entry %d "
                        + "moved, it is lower, %s: theta* minimises (1/m) sum r_i^2 + (lambda/2)|w|^2 (lambda = %s, "
                        + "bias not regularised), so the loss computes something else", Arrays.toString(theta),
                        lowest, Arrays.toString(near), j, nearby, lambda).isGreaterThanOrEqualTo(lowest);
                }
            }
        }
    }

    // The test's logits and the code's are the same sums in perhaps another order: they differ by about
    // 6 eps sum |theta_j x_j| <= 3e-11 (logits up to 1200 |z| / 0.5), which changes e^-z by as much relatively;
    // 1e-8 leaves room and still catches a loss of 0 where the right one is 1e-200
    private static final double TINY_LOSS_TOLERANCE = 1e-8;
    private static final double MIN_RAW_MARGIN = 0.5;
    // every logit is at least 40 on the right side, so |sigma(z) - y| <= e^-40 ~ 4e-18 and the gradient is tiny
    private static final double TINY_GRADIENT = 1e-12;

    @Test
    @Graded(task = "4.4", points = 1)
    @DisplayName("4.4 A confident model on separable data costs e^-margin, exact even when that is 1e-260, not 0")
    void confidentModelsHaveTinyExactLosses(TestRandom random) {
        for (int trial = 0; trial < 10; trial++) {
            int k = random.between(1, 5);
            int m = random.between(5, 100);
            // every weight at least 0.5 in size: the logit of a Gaussian example then spreads over at least
            // 0.5 around the bias, so the rejection below needs about three draws at worst, never thousands
            double[] direction = new double[k + 1];
            for (int j = 0; j <= k; j++) {
                direction[j] = random.sign() * random.uniform(0.5, 2);
            }
            double[][] x = new double[m][];
            int[] labels = new int[m];
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double z;
                do {
                    x[i] = new double[k];
                    for (int j = 0; j < k; j++) {
                        x[i][j] = random.nextGaussian();
                    }
                    z = logit(direction, x[i]);
                } while (Math.abs(z) < MIN_RAW_MARGIN);
                labels[i] = z > 0 ? 1 : 0;
                smallest = Math.min(smallest, Math.abs(z));
            }
            // scale the separating parameters so that the closest example has a logit of 40 to 600 on its side
            double t = random.uniform(40, 600) / smallest;
            double[] theta = times(t, direction);
            double expected = 0;
            double smallestLogit = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double margin = Math.abs(logit(theta, x[i]));
                expected += Math.log1p(Math.exp(-margin));
                smallestLogit = Math.min(smallestLogit, margin);
            }
            expected /= m;
            double received = LogisticRegressionLoss.value(theta, x, labels, 0.0);
            String hint = received == 0 ? "received exactly 0: -log sigma(z) computed as -log(1 / (1 + e^-z)) rounds "
                + "to -log(1) = 0 once e^-z is below 1e-16. Use Sigmoid.logSigmoid: -log sigma(z) = log1p(e^-z) for "
                + "z > 0 keeps the tiny cost" : "each example classified right with logit z costs log(1 + e^-|z|), "
                + "about e^-|z|: compute it with Sigmoid.logSigmoid, never as the log of a probability near 1";
            assertThat(Explain.relativeError(expected, received))
                .withFailMessage(Explain.that("LogisticRegressionLoss.value(theta, x, labels, 0)")
                    .input("theta", theta, "data", m + " examples with " + k + " features, separated by theta")
                    .detail("logits", "every example is on its right side with |z| >= " + smallestLogit)
                    .expected(expected).received(received).withinRelative(TINY_LOSS_TOLERANCE).hint(hint))
                .isLessThanOrEqualTo(TINY_LOSS_TOLERANCE);
            double[] gradient = LogisticRegressionLoss.gradient(theta, x, labels, 0.0);
            assertThat(gradient).as("LogisticRegressionLoss.gradient(theta, x, labels, 0) where every logit is at "
                + "least %s on its right side: one entry per parameter", smallestLogit).isNotNull().hasSize(k + 1);
            for (int j = 0; j <= k; j++) {
                assertThat(Math.abs(gradient[j])).as("entry %d of LogisticRegressionLoss.gradient is %s where every "
                    + "logit is at least %s on its right side: sigma(z) - y is at most e^-40 there, so every entry is "
                    + "tiny (a NaN means sigma overflowed: never exp of a large positive number)", j, gradient[j],
                    smallestLogit).isLessThanOrEqualTo(TINY_GRADIENT);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4.5

    @Test
    @Graded(task = "4.5", points = 2)
    @DisplayName("4.5 The check's verdict ignores the loss's scale, from 1e-250 to 1e250, and f must be finite")
    void checkIgnoresTheScaleOfTheLoss(TestRandom random) {
        for (int trial = 0; trial < 10; trial++) {
            int n = random.between(2, 8);
            Fields.Field f = Fields.random(random, n);
            double[] x = Check.pointAwayFromStationary(random, f);
            double c = Math.pow(10, random.sign() * random.uniform(100, 250));
            ToDoubleFunction<double[]> scaledF = p -> c * f.applyAsDouble(p);
            double[] right = times(c, f.gradient(x));
            String setting = "f(x) = c * " + f + " with c = " + c + ", at x = " + Arrays.toString(x);
            GradientCheck.Report good = GradientCheck.check(scaledF, right, x, GradientCheck.DEFAULT_TOLERANCE);
            assertThat(good.passed()).as("GradientCheck.check rejected the exact gradient %s of %s, relative error "
                + "%s: the verdict must not depend on the scale c of the loss. Compare |a - n| with max(|a|, |n|), "
                + "not with 1, and compute the norms with Vectors.norm, which does not overflow",
                Arrays.toString(right), setting, good.relativeError()).isTrue();

            int j = plantable(random, right);
            double[] wrong = right.clone();
            wrong[j] *= 2;
            GradientCheck.Report bad = GradientCheck.check(scaledF, wrong, x, GradientCheck.DEFAULT_TOLERANCE);
            assertThat(bad.passed()).as("GradientCheck.check passed the gradient %s, the exact one with entry %d "
                + "doubled, for %s (relative error reported: %s): a gap as large as the gradient itself is wrong at "
                + "every scale; an absolute error is tiny when c is tiny", Arrays.toString(wrong), j, setting,
                bad.relativeError()).isFalse();
            assertThat(bad.worstIndex()).as("the report's worstIndex for the gradient %s with entry %d doubled, for %s",
                Arrays.toString(wrong), j, setting).isEqualTo(j);
        }
        // the Javadoc promises an IllegalArgumentException when f is not finite near x: log of a negative number
        double[] x = {NumericalGradient.DEFAULT_STEP / 2, 1.0};
        Expect.rejects("GradientCheck.check(f, analytic, x, 1e-7) for f(x) = log(x[0]) + x[1] at x[0] = h / 2, where "
            + "f(x - h e_0) is NaN", () -> GradientCheck.check(p -> Math.log(p[0]) + p[1], new double[] {2e5, 1}, x,
            GradientCheck.DEFAULT_TOLERANCE), "f");
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4.6

    // two tanh layers with weights N(0, 1/fan-in) on x in [-2, 2]^n: third derivatives of a few units, so the
    // central difference is off by h^2 |f'''| / 6 ~ 1e-10; 1e-6 of the largest entry, as in the visible tests
    private static final double LAYER_TOLERANCE = 1e-6;
    // J^T v from exact Jacobians: sums of at most 12 x 12 products, exact but for rounding
    private static final double PRODUCT_TOLERANCE = 1e-12;
    // a point where the two layers are not saturated, so that relative errors mean something
    private static final double SMALLEST_LARGEST_ENTRY = 0.05;

    @Test
    @Graded(task = "4.6", points = 2)
    @DisplayName("4.6 Two tanh layers: J of the stack is J2 J1, and J^T v taken layer by layer is the same vector")
    void chainRuleForTwoLayers(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            int n = random.between(2, 12);
            int p = random.between(2, 12);
            int m = random.between(1, 12);
            double[][] w1 = gaussianMatrix(random, p, n);
            double[][] w2 = gaussianMatrix(random, m, p);
            double[] b1 = random.vector(p, -0.5, 0.5);
            double[] b2 = random.vector(m, -0.5, 0.5);
            Function<double[], double[]> stack = in -> layer(w2, b2, layer(w1, b1, in));
            double[] x;
            double[][] j1;
            double[][] j2;
            double[][] expected;
            do {
                x = random.vector(n, -2, 2);
                j1 = layerJacobian(w1, b1, x);
                j2 = layerJacobian(w2, b2, layer(w1, b1, x));
                expected = multiply(j2, j1);
            } while (Entries.maxAbs(Entries.flatten(expected)) < SMALLEST_LARGEST_ENTRY);
            String input = "y = tanh(W2 tanh(W1 x + b1) + b2), R^" + n + " -> R^" + p + " -> R^" + m;
            double[][] received = Jacobian.numerical(stack, x, H);
            assertThat(received).as("Jacobian.numerical of %s must be m x n = %d x %d", input, m, n).isNotNull()
                .hasDimensions(m, n);
            Expect.closeTo(Explain.that("Jacobian.numerical(f, x, h), row by row").input("f", input, "x", x, "h", H)
                .hint("the chain rule: the Jacobian of a composition is the product of the layers' Jacobians, "
                    + "J2 J1, with J = diag(1 - y^2) W for a layer y = tanh(W x + b)"),
                Entries.flatten(expected), Entries.flatten(received), LAYER_TOLERANCE);

            double[] v = random.vector(m, -2, 2);
            double[] whole = transposeTimesByHand(expected, v);
            double[] backwards = Jacobian.transposeTimes(j1, Jacobian.transposeTimes(j2, v));
            Expect.closeTo(Explain.that("Jacobian.transposeTimes(J1, Jacobian.transposeTimes(J2, v))")
                .input("J1", Arrays.deepToString(j1), "J2", Arrays.deepToString(j2), "v", v)
                .hint("(J2 J1)^T v = J1^T (J2^T v): backprop takes the vector-Jacobian product one layer at a time, "
                    + "from the output back; entry j of J^T v is sum over the rows i of J[i][j] v[i], and its length "
                    + "is the number of columns"), whole, backwards, PRODUCT_TOLERANCE);
            Expect.closeTo(Explain.that("Jacobian.transposeTimes(Jacobian.numerical(f, x, h), v)")
                .input("f", input, "x", x, "v", v)
                .hint("J^T v of the numerical Jacobian of the stack is the gradient of v.f"),
                whole, Jacobian.transposeTimes(received, v), LAYER_TOLERANCE);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /**
     * Calls the code under test; an {@link IllegalArgumentException} it throws becomes a failure with
     * {@code message}, since the input was valid. Anything else (the skeleton's exception) passes through.
     */
    private static <T> T call(Supplier<T> code, String message) {
        try {
            return code.get();
        } catch (IllegalArgumentException e) {
            return fail(message + " (it threw IllegalArgumentException: " + e.getMessage() + ")");
        }
    }

    /** A random permutation of 0 .. n-1. */
    private static int[] permutation(TestRandom random, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int r = random.nextInt(i + 1);
            int swap = perm[i];
            perm[i] = perm[r];
            perm[r] = swap;
        }
        return perm;
    }

    /** (P p)_j = p[perm[j]]. */
    private static double[] permute(double[] p, int[] perm) {
        double[] q = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            q[j] = p[perm[j]];
        }
        return q;
    }

    /**
     * The minimiser of the ridge loss (1/m)|X theta - y|^2 + (lambda/2)|w|^2, X with a column of ones last: the
     * solution of ((2/m) X^T X + lambda D) theta = (2/m) X^T y, by Gaussian elimination with partial pivoting.
     */
    private static double[] ridgeMinimiser(double[][] x, double[] y, double lambda) {
        int m = x.length;
        int size = x[0].length + 1;
        double[][] a = new double[size][size + 1];
        for (int i = 0; i < m; i++) {
            double[] row = withOne(x[i]);
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    a[r][c] += 2.0 * row[r] * row[c] / m;
                }
                a[r][size] += 2.0 * row[r] * y[i] / m;
            }
        }
        for (int r = 0; r < size - 1; r++) {
            a[r][r] += lambda;
        }
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < size; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= size; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] theta = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double s = a[r][size];
            for (int c = r + 1; c < size; c++) {
                s -= a[r][c] * theta[c];
            }
            theta[r] = s / a[r][r];
        }
        return theta;
    }

    /**
     * Per entry of the gradient, the size of the terms that cancel at the minimiser: (2/m) sum |r_i-terms| |x_ij|
     * with the residual's terms taken in absolute value, plus lambda |w_j|.
     */
    private static double[] stationaryScale(double[] theta, double[][] x, double[] y, double lambda) {
        int size = theta.length;
        double[] scale = new double[size];
        for (int i = 0; i < x.length; i++) {
            double[] row = withOne(x[i]);
            double terms = Math.abs(y[i]);
            for (int c = 0; c < size; c++) {
                terms += Math.abs(theta[c] * row[c]);
            }
            for (int j = 0; j < size; j++) {
                scale[j] += 2.0 * terms * Math.abs(row[j]) / x.length;
            }
        }
        for (int j = 0; j < size - 1; j++) {
            scale[j] += lambda * Math.abs(theta[j]);
        }
        return scale;
    }

    /** The features with a 1 appended, for the bias. */
    private static double[] withOne(double[] features) {
        double[] row = Arrays.copyOf(features, features.length + 1);
        row[features.length] = 1.0;
        return row;
    }

    /** w.x + b for theta = (w, b). */
    private static double logit(double[] theta, double[] features) {
        int k = features.length;
        double z = theta[k];
        for (int j = 0; j < k; j++) {
            z += theta[j] * features[j];
        }
        return z;
    }

    /**
     * A coordinate whose partial is at least a fifth of the largest: a bug planted there stands out from the
     * central difference's own error, and is the worst coordinate of the comparison.
     */
    private static int plantable(TestRandom random, double[] gradient) {
        double largest = Entries.maxAbs(gradient);
        int j;
        do {
            j = random.nextInt(gradient.length);
        } while (Math.abs(gradient[j]) < 0.2 * largest);
        return j;
    }

    /** A rows x cols matrix of N(0, 1/cols) entries: a layer whose outputs stay of order 1. */
    private static double[][] gaussianMatrix(TestRandom random, int rows, int cols) {
        double[][] w = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r][c] = random.nextGaussian() / Math.sqrt(cols);
            }
        }
        return w;
    }

    /** tanh(W x + b). */
    private static double[] layer(double[][] w, double[] b, double[] x) {
        double[] y = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            y[r] = Math.tanh(dot(w[r], x) + b[r]);
        }
        return y;
    }

    /** The Jacobian diag(1 - y^2) W of y = tanh(W x + b). */
    private static double[][] layerJacobian(double[][] w, double[] b, double[] x) {
        double[] y = layer(w, b, x);
        double[][] j = new double[w.length][];
        for (int r = 0; r < w.length; r++) {
            j[r] = new double[w[r].length];
            for (int c = 0; c < w[r].length; c++) {
                j[r][c] = (1 - y[r] * y[r]) * w[r][c];
            }
        }
        return j;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b[0].length; c++) {
                for (int i = 0; i < b.length; i++) {
                    product[r][c] += a[r][i] * b[i][c];
                }
            }
        }
        return product;
    }

    private static double[] transposeTimesByHand(double[][] j, double[] v) {
        double[] product = new double[j[0].length];
        for (int r = 0; r < j.length; r++) {
            for (int c = 0; c < product.length; c++) {
                product[c] += j[r][c] * v[r];
            }
        }
        return product;
    }

    /** c v, a new array: the tests do not lean on the student's Vectors where Vectors is not what they test. */
    private static double[] times(double c, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = c * v[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
