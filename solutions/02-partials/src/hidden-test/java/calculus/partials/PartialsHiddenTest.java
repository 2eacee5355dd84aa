package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.oracles.Fields;

/**
 * The instructors' hidden tests of module 2: the same tasks as the visible tests, in other regimes (30 to 60
 * variables, inputs far from 0, steps far from small, matrices scaled by 1e±150 with eigenvalues spread over nine
 * decades) and with other properties (exact zeros, invariances of the loss, exactness on cubics, a loss that is
 * undefined on one side).
 */
@Hidden
@DisplayName("Module 2, hidden tests")
class PartialsHiddenTest {

    // ---------------------------------------------------------------------------------------------------------
    // 2.2

    /** A step near the best one for functions of scale 1, as in the visible tests. */
    private static final double H = 1e-5;

    /**
     * As in the visible tests: with h = 1e-5 the truncation error h^2 |f'''| / 6 of the random fields is below 1e-9
     * and the round-off eps |f| / h below 5e-10, so 1e-7 (relative, absolute below 1) has a wide margin. Along a
     * coordinate f ignores, f(x + h e_i) and f(x - h e_i) are the same number, so the partial is exactly 0.
     */
    private static final double RANDOM = 1e-7;

    @Test
    @Graded(task = "2.2", points = 3)
    @DisplayName("2.2 In 30 to 60 variables, partials along ignored coordinates are exactly 0, the others exact")
    void partialsInManyDimensions(TestRandom random) {
        for (int trial = 0; trial < 4; trial++) {
            int n = random.between(30, 60);
            int k = random.between(2, 4);
            // f reads k coordinates of x, at random places, and ignores the others
            int[] used = Arrays.copyOf(permutation(n, random), k);
            Fields.Field g = Fields.random(random, k);
            ToDoubleFunction<double[]> f = p -> g.applyAsDouble(gather(p, used));
            double[] x = random.vector(n, -2, 2);
            double[] exact = new double[n];
            double[] partialsOfG = g.gradient(gather(x, used));
            for (int m = 0; m < k; m++) {
                exact[used[m]] = partialsOfG[m];
            }
            String description = "g(x" + Arrays.toString(used) + ") with g = " + g + ", in " + n + " variables";
            for (int i = 0; i < n; i++) {
                double received = PartialDerivative.partial(f, x, i, H);
                Explain message = Explain.that("PartialDerivative.partial(f, x, " + i + ", h)")
                    .input("f", description, "x", x, "i", i, "h", H)
                    .expected(exact[i]).received(received);
                if (exact[i] == 0) {
                    assertThat(received)
                        .withFailMessage(message.hint("f does not read x[" + i + "]: moving only that coordinate "
                            + "leaves f unchanged, so the two values of the central difference are equal and the "
                            + "partial is exactly 0. Is another coordinate moving (an index mix-up)?"))
                        .isEqualTo(0.0);
                } else {
                    assertThat(Explain.relativeError(received, exact[i], 1.0))
                        .withFailMessage(message.withinRelative(RANDOM)
                            .hint("f reads x[" + i + "]: move coordinate i, and only it, by +h and -h"))
                        .isLessThanOrEqualTo(RANDOM);
                }
            }
        }
    }

    /** The numbers 0 to n - 1 in a random order (Fisher-Yates). */
    private static int[] permutation(int n, TestRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    private static double[] gather(double[] p, int[] used) {
        double[] u = new double[used.length];
        for (int m = 0; m < used.length; m++) {
            u[m] = p[used[m]];
        }
        return u;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2.3

    /**
     * The test's own partials on the unshifted data (inputs in [-2, 2]) are exact to ~1e-14. On data shifted by t
     * (|t| up to 1000) each residual w (x + t) + (b - w t) - y is rounded by a few eps |w t| ~ 5e-12, which dL/dw
     * multiplies by |x + t| <= 1002: an absolute error up to ~1e-8 for dL/dw, ~1e-11 for dL/db. So the tolerance is
     * 1e-10 (1 + |t|)^2 absolute: 1e-4 at t = 1000, while a wrong partial is off by O(|t| dL/db) or O(1).
     */
    private static final double SHIFTED = 1e-10;
    /** Data repeated m times: the same sums times m, divided by m n instead of n; rounding stays near 1e-14. */
    private static final double REPEATED = 1e-10;

    @Test
    @Graded(task = "2.3", points = 3)
    @DisplayName("2.3 Data repeated, or inputs shifted by t (with b - w t), give the partials the calculus predicts")
    void partialsUnderDataTransformations(TestRandom random) {
        for (int trial = 0; trial < 10; trial++) {
            Datasets.Regression data = Datasets.line(random, random.between(5, 30), random.uniform(-2, 2),
                random.uniform(-2, 2), random.uniform(0.1, 1));
            double[] x = data.column(0);
            double[] y = data.y();
            double w = random.uniform(-3, 3);
            double b = random.uniform(-3, 3);
            double dw = ownPartialW(x, y, w, b);
            double db = ownPartialB(x, y, w, b);

            // every point m times: the mean, and so each partial, is unchanged
            int m = random.between(2, 4);
            double[] xm = repeat(x, m);
            double[] ym = repeat(y, m);
            LineLoss repeated = new LineLoss(xm, ym);
            double receivedW = repeated.partialW(w, b);
            double receivedB = repeated.partialB(w, b);
            String hint = "the loss is the MEAN of the squared residuals: repeating every point " + m + " times "
                + "changes no mean, so neither partial may change. A partial " + m + " (or " + m + " n) times too "
                + "large means a sum where the loss has a mean";
            assertThat(receivedW)
                .withFailMessage(Explain.that("LineLoss.partialW(w, b) on the data repeated " + m + " times")
                    .input("x", x, "y", y, "w", w, "b", b).expected(dw).received(receivedW).within(REPEATED)
                    .hint(hint))
                .isCloseTo(dw, within(REPEATED));
            assertThat(receivedB)
                .withFailMessage(Explain.that("LineLoss.partialB(w, b) on the data repeated " + m + " times")
                    .input("x", x, "y", y, "w", w, "b", b).expected(db).received(receivedB).within(REPEATED)
                    .hint(hint))
                .isCloseTo(db, within(REPEATED));

            // inputs far from 0 (years, say): x + t, with the intercept b - w t the line predicts the same values
            double t = random.sign() * random.logUniform(10, 1000);
            double[] shifted = x.clone();
            for (int k = 0; k < shifted.length; k++) {
                shifted[k] += t;
            }
            LineLoss far = new LineLoss(shifted, y);
            double bShifted = b - w * t;
            double expectedW = dw + t * db;
            double receivedFarW = far.partialW(w, bShifted);
            double receivedFarB = far.partialB(w, bShifted);
            double tolerance = SHIFTED * (1 + Math.abs(t)) * (1 + Math.abs(t));
            String why = "the residuals w (x_k + t) + (b - w t) - y_k are the same as before, so dL/db = (2/n) sum r_k "
                + "is unchanged and dL/dw = (2/n) sum r_k (x_k + t) = dL/dw + t dL/db";
            assertThat(receivedFarB)
                .withFailMessage(Explain.that("LineLoss.partialB(w, b - w t) on the inputs x + t")
                    .input("x", x, "t", t, "y", y, "w", w, "b", b).expected(db).received(receivedFarB)
                    .within(tolerance).hint(why))
                .isCloseTo(db, within(tolerance));
            assertThat(receivedFarW)
                .withFailMessage(Explain.that("LineLoss.partialW(w, b - w t) on the inputs x + t")
                    .input("x", x, "t", t, "y", y, "w", w, "b", b).expected(expectedW).received(receivedFarW)
                    .within(tolerance).hint(why))
                .isCloseTo(expectedW, within(tolerance));
        }
    }

    private static double ownPartialW(double[] x, double[] y, double w, double b) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += (w * x[k] + b - y[k]) * x[k];
        }
        return 2 * sum / x.length;
    }

    private static double ownPartialB(double[] x, double[] y, double w, double b) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += w * x[k] + b - y[k];
        }
        return 2 * sum / x.length;
    }

    private static double[] repeat(double[] v, int times) {
        double[] r = new double[v.length * times];
        for (int k = 0; k < r.length; k++) {
            r[k] = v[k % v.length];
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2.4

    /**
     * f = 1/2 x'Ax + b.x + sum_k c_k (w_k.x)^3 / 6 is a cubic: its fourth derivatives are 0, so the central second
     * and mixed differences have no truncation error at any step. With h in [0.1, 0.5] and |x| <= 1, |f| stays below
     * ~500 on the stencil, and round-off is about eps |f| / h^2 ~ 1e-11. A one-sided (forward) difference is off by
     * about h times a third derivative, 1e-3 or more.
     */
    private static final double CUBIC = 1e-8;
    private static final int CUBIC_TERMS = 2;

    @Test
    @Graded(task = "2.4", points = 2)
    @DisplayName("2.4 Second and mixed partials of a cubic in n variables are exact, even with a step of 0.5")
    void exactOnCubicsWithLargeSteps(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            int n = random.between(2, 5);
            Fields.Field quadratic = Fields.quadratic(random, n);
            double[][] w = random.matrix(CUBIC_TERMS, n, -1, 1);
            double[] c = random.vector(CUBIC_TERMS, -1, 1);
            ToDoubleFunction<double[]> f = p -> {
                double value = quadratic.applyAsDouble(p);
                for (int k = 0; k < CUBIC_TERMS; k++) {
                    double s = dot(w[k], p);
                    value += c[k] * s * s * s / 6;
                }
                return value;
            };
            double[] x = random.vector(n, -1, 1);
            // the Hessian of c (w.x)^3 / 6 is c (w.x) w w'
            double[][] exact = quadratic.hessian(x);
            for (int k = 0; k < CUBIC_TERMS; k++) {
                double s = dot(w[k], x);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        exact[i][j] += c[k] * s * w[k][i] * w[k][j];
                    }
                }
            }
            double h = random.uniform(0.1, 0.5);
            String description = "0.5 x'Ax + b.x + sum_k c_k (w_k.x)^3 / 6 with A = "
                + Arrays.deepToString(quadratic.hessian(x)) + ", b = " + Arrays.toString(quadratic.gradient(
                new double[n])) + ", c = " + Arrays.toString(c) + ", w = " + Arrays.deepToString(w);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double received = SecondPartial.of(f, x, i, j, h);
                    assertThat(Explain.relativeError(received, exact[i][j], 1.0))
                        .withFailMessage(Explain.that("SecondPartial.of(f, x, " + i + ", " + j + ", h)")
                            .input("f", description, "x", x, "i", i, "j", j, "h", h)
                            .expected(exact[i][j]).received(received).withinRelative(CUBIC)
                            .hint("f is a cubic, so CENTRAL second differences are exact at any step: points "
                                + "x +- h e_i (and +- h e_j), symmetric about x. A one-sided stencil such as f(x + h "
                                + "e_i + h e_j) - f(x + h e_i) - f(x + h e_j) + f(x) errs by h times a third "
                                + "derivative"))
                        .isLessThanOrEqualTo(CUBIC);
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2.5

    /**
     * Eigenvalues from 1e-6 to 1e3: the smallest is still ~1e6 times the round-off of the matrix entries
     * (eps * 1e3 ~ 2e-13) and of the Cholesky factorisation (backward error ~ n eps |M| ~ 1e-12), so the answer is
     * not "within round-off of zero" and is the same for M and for any positive multiple of M: the scale goes from
     * 1e-150 to 1e150, far from underflow and overflow of the pivots (their squares stay within 1e±310).
     */
    private static final double SMALLEST_EIGENVALUE = 1e-6;
    private static final double LARGEST_EIGENVALUE = 1e3;
    private static final double DECADES_OF_SCALE = 150;

    @Test
    @Hidden(showMessage = false)
    @Graded(task = "2.5", points = 3)
    @DisplayName("2.5 Positive definiteness ignores the scale (1e-150 to 1e150) and survives a condition of 1e9")
    void positiveDefiniteAtAnyScale(TestRandom random) {
        for (int trial = 0; trial < 24; trial++) {
            int n = random.between(2, 6);
            double[] eigenvalues = new double[n];
            for (int k = 0; k < n; k++) {
                eigenvalues[k] = random.logUniform(SMALLEST_EIGENVALUE, LARGEST_EIGENVALUE);
            }
            // the extremes, so that every matrix is as ill-conditioned as promised
            eigenvalues[0] = SMALLEST_EIGENVALUE;
            eigenvalues[n - 1] = LARGEST_EIGENVALUE;
            boolean definite = trial % 2 == 0;
            if (!definite) {
                // one barely negative eigenvalue, hidden among large positive ones
                eigenvalues[random.nextInt(n)] = -random.logUniform(SMALLEST_EIGENVALUE, 1e-3);
            }
            double scale = Math.pow(10, random.uniform(-DECADES_OF_SCALE, DECADES_OF_SCALE));
            double[][] m = withEigenvalues(eigenvalues, random.unitVector(n), scale);
            boolean received = Hessian.isPositiveDefinite(m);
            assertThat(received)
                .withFailMessage(Explain.that("Hessian.isPositiveDefinite(m)")
                    .input("m", Arrays.deepToString(m), "its eigenvalues", "scale * " + Arrays.toString(eigenvalues)
                        + " with scale = " + scale)
                    .expected(definite).received(received)
                    .hint(definite ? "every eigenvalue is positive, so every Cholesky pivot is, however small or "
                        + "large the entries: compare a pivot with 0, not with a fixed threshold such as 1e-10"
                        : "one eigenvalue is negative, though small next to the others: along its eigenvector d, "
                        + "d'Md < 0. Cholesky meets a pivot <= 0; the diagonal alone does not show it"))
                .isEqualTo(definite);
        }
    }

    /**
     * scale * Q diag(eigenvalues) Q with Q = I - 2vv' a reflection (orthogonal and symmetric): its eigenvalues are
     * scale times the given ones. Computed once above the diagonal and mirrored, so exactly symmetric.
     */
    private static double[][] withEigenvalues(double[] eigenvalues, double[] v, double scale) {
        int n = eigenvalues.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double qik = (i == k ? 1 : 0) - 2 * v[i] * v[k];
                    double qjk = (j == k ? 1 : 0) - 2 * v[j] * v[k];
                    s += qik * eigenvalues[k] * qjk;
                }
                m[i][j] = scale * s;
                m[j][i] = m[i][j];
            }
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2.6

    @Test
    @Graded(task = "2.6", points = 2)
    @DisplayName("2.6 A loss that is not defined near theta (a NaN partial) is refused, not answered with an index")
    void nanPartialIsRefused(TestRandom random) {
        for (int trial = 0; trial < 10; trial++) {
            int n = random.between(2, 8);
            Fields.Field smooth = Fields.random(random, n);
            double[] theta = random.vector(n, -2, 2);
            int edge = random.nextInt(n);
            double wall = theta[edge];
            // sqrt(p_edge - theta_edge): defined at theta and to its right, NaN one step h to its left, so the
            // central difference along coordinate edge is NaN and every other partial is an ordinary number
            ToDoubleFunction<double[]> loss = p -> smooth.applyAsDouble(p) + Math.sqrt(p[edge] - wall);
            String call = "Sensitivity.mostSensitive(L, theta, h) with L = " + smooth + " + sqrt(theta_" + edge
                + " - " + wall + "), theta = " + Arrays.toString(theta) + ", h = " + H;
            Throwable thrown = catchThrowable(() -> Sensitivity.mostSensitive(loss, theta, H));
            if (thrown instanceof UnsupportedOperationException notYet) {
                // the skeleton: the task is not done yet, which is not a wrong answer
                throw notYet;
            }
            assertThat(thrown)
                .withFailMessage("%s returned normally, but the loss is not defined on one side of theta: its partial "
                    + "along parameter %d is NaN. A NaN loses every comparison (NaN > x is false), so a loop that "
                    + "keeps the largest magnitude silently hands the answer to another parameter. The Javadoc asks "
                    + "for an IllegalArgumentException instead.", call, edge)
                .isNotNull();
            assertThat(thrown)
                .withFailMessage("%s threw %s; a NaN partial must be refused with an IllegalArgumentException whose "
                    + "message says NaN", call, thrown)
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage())
                .withFailMessage("%s threw an IllegalArgumentException with the message \"%s\": it should say what "
                    + "went wrong, a partial that is NaN", call, thrown.getMessage())
                .isNotNull()
                .contains("NaN");
        }
    }
}
