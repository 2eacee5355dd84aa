package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.TestRandom;
import calculus.oracles.Fields.Field;

/** The random smooth fields and their exact derivatives, checked against the independent finite differences. */
class FieldsTest {

    /** Fields per property: every kind of term and dimensions 1 to 4, many times over. */
    private static final int SEEDS = 200;
    /** Points per field, drawn in the box [−2, 2]<sup>n</sup> the fields are made for. */
    private static final int POINTS = 4;
    /**
     * Gradients: the five-point stencil's own error on these fields (weights up to 1.5, so derivatives of order 5
     * up to a few hundred) is below 10<sup>−10</sup> relative; measured worst 4·10<sup>−11</sup>.
     */
    private static final double GRADIENT = 1e-9;
    /**
     * The Hessian against the five-point Jacobian of the exact gradient: one difference, measured
     * 3·10<sup>−10</sup>.
     */
    private static final double HESSIAN_OF_GRADIENT = 1e-8;
    /** The Hessian against the five-point Hessian of f: differences of differences, measured 2·10<sup>−9</sup>. */
    private static final double HESSIAN_OF_VALUES = 1e-7;
    /** Values and derivatives below 1 in size are compared absolutely. */
    private static final double FLOOR = 1.0;

    @Test
    @DisplayName("random fields: the gradient agrees with finite differences of the values, for every seed")
    void gradientAgreesWithFiniteDifferences() {
        forEachField(Fields::random, (f, x) -> assertThat(Explain.largestRelativeError(
            FiniteDifferences.gradient(f, x), f.gradient(x), FLOOR)).as("gradient of %s at %s", f, str(x))
            .isLessThan(GRADIENT));
    }

    @Test
    @DisplayName("random fields: the Hessian agrees with finite differences of the gradient and of the values")
    void hessianAgreesWithFiniteDifferences() {
        forEachField(Fields::random, (f, x) -> {
            double[][] h = f.hessian(x);
            double[][] ofGradient = FiniteDifferences.jacobian(f::gradient, x);
            double[][] ofValues = FiniteDifferences.hessian(f, x);
            for (int i = 0; i < h.length; i++) {
                assertThat(Explain.largestRelativeError(ofGradient[i], h[i], FLOOR))
                    .as("Hessian row %d of %s at %s, against the gradient", i, f, str(x))
                    .isLessThan(HESSIAN_OF_GRADIENT);
                assertThat(Explain.largestRelativeError(ofValues[i], h[i], FLOOR))
                    .as("Hessian row %d of %s at %s, against the values", i, f, str(x)).isLessThan(HESSIAN_OF_VALUES);
            }
        });
    }

    @Test
    @DisplayName("each kind of term on its own (ridge, product of ridges, quadratic) agrees with finite differences")
    void eachKindAgrees() {
        for (BiFunction<TestRandom, Integer, Field> kind : List.<BiFunction<TestRandom, Integer, Field>>of(
            Fields::ridge, Fields::product, Fields::quadratic)) {
            forEachField(kind, (f, x) -> {
                assertThat(Explain.largestRelativeError(FiniteDifferences.gradient(f, x), f.gradient(x),
                    FLOOR)).as("gradient of %s at %s", f, str(x)).isLessThan(GRADIENT);
                double[][] ofGradient = FiniteDifferences.jacobian(f::gradient, x);
                for (int i = 0; i < x.length; i++) {
                    assertThat(Explain.largestRelativeError(ofGradient[i], f.hessian(x)[i], FLOOR))
                        .as("Hessian row %d of %s at %s", i, f, str(x)).isLessThan(HESSIAN_OF_GRADIENT);
                }
            });
        }
    }

    @Test
    @DisplayName("the Hessian is symmetric, n by n, and a product of ridges has mixed partials that are not zero")
    void hessianIsSymmetric() {
        forEachField(Fields::random, (f, x) -> {
            double[][] h = f.hessian(x);
            assertThat(h).hasDimensions(x.length, x.length);
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < i; j++) {
                    // u_i v_j c and v_j u_i c are rounded in different orders: equal to a few ulps
                    double scale = Math.max(1, Math.max(Math.abs(h[i][j]), Math.abs(h[j][i])));
                    assertThat(h[i][j]).as("H[%d][%d] of %s", i, j, f).isCloseTo(h[j][i], within(1e-13 * scale));
                }
            }
        });
        Field product = Fields.product(new TestRandom(3), 2);
        assertThat(product.hessian(new double[] {0.3, -0.7})[0][1]).isNotZero();
    }

    @Test
    @DisplayName("a convex quadratic has zero gradient at its minimum and a Hessian whose eigenvalues are >= 0.5")
    void convexQuadratic() {
        for (int seed = 0; seed < SEEDS; seed++) {
            TestRandom random = new TestRandom(seed);
            int n = random.between(1, 5);
            double[] m = random.vector(n, -2, 2);
            Field f = Fields.convexQuadratic(random, n, m);

            double[] g = f.gradient(m);
            // A m - A m, each entry a sum of n products of order 10: a few ulps of 10
            assertThat(Arrays.stream(g).map(Math::abs).max().orElseThrow()).as("|gradient| at the minimum of %s", f)
                .isLessThan(1e-12);
            double[][] a = f.hessian(random.vector(n, -2, 2));
            for (int k = 0; k < 20; k++) {
                double[] v = random.unitVector(n);
                // v'Av >= lambda_min |v|^2 = 0.5 for a unit v: a test of every eigenvalue at once, many times
                assertThat(quadraticForm(a, v)).as("v'Av for unit v, %s", str(v)).isGreaterThan(0.5 - 1e-12);
                double[] away = m.clone();
                for (int i = 0; i < n; i++) {
                    away[i] += 0.1 * v[i];
                }
                assertThat(f.applyAsDouble(away)).as("f beside its minimum").isGreaterThan(f.applyAsDouble(m));
            }
        }
    }

    @Test
    @DisplayName("quadratic(A, b): gradient Ax + b and Hessian A for symmetric A, symmetrised otherwise, copied out")
    void quadraticWithGivenMatrix() {
        double[][] a = {{2, 1}, {3, 4}};
        Field f = Fields.quadratic(a, new double[] {1, -1});
        double[] x = {0.5, 2};

        assertThat(f.dimension()).isEqualTo(2);
        // the symmetric part of A is [[2, 2], [2, 4]]
        assertThat(f.applyAsDouble(x)).isCloseTo(0.5 * (2 * 0.25 + 4 * 0.5 * 2 + 4 * 4) + 0.5 - 2, within(1e-15));
        assertThat(f.gradient(x)).containsExactly(2 * 0.5 + 2 * 2 + 1, 2 * 0.5 + 4 * 2 - 1);
        double[][] h = f.hessian(x);
        assertThat(h).isDeepEqualTo(new double[][] {{2, 2}, {2, 4}});
        h[0][0] = 99;
        assertThat(f.hessian(x)[0][0]).as("changing a returned Hessian changes nothing").isEqualTo(2);
        a[0][0] = 99;
        assertThat(f.hessian(x)[0][0]).as("changing the matrix given changes nothing").isEqualTo(2);
    }

    @Test
    @DisplayName("a field is reproducible from its seed and reports its dimension and its terms")
    void reproducible() {
        Field one = Fields.random(new TestRandom(77), 3);
        Field two = Fields.random(new TestRandom(77), 3);
        double[] x = {0.1, -0.2, 0.3};

        assertThat(two.applyAsDouble(x)).isEqualTo(one.applyAsDouble(x));
        assertThat(two.gradient(x)).isEqualTo(one.gradient(x));
        assertThat(two).hasToString(one.toString());
        assertThat(one.dimension()).isEqualTo(3);
        assertThat(one.toString()).containsAnyOf("(w.x + c)", "(u.x) * ", "0.5 x'Ax + b.x");
    }

    @Test
    @DisplayName("bad arguments are rejected with IllegalArgumentException naming the values")
    void badArguments() {
        assertThatThrownBy(() -> Fields.random(new TestRandom(1), 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("n must be at least 1, got n = 0");
        assertThatThrownBy(() -> Fields.quadratic(new double[][] {{1, 2}, {3, 4, 5}}, new double[] {0, 0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("A must be 2 x 2, row 1 has 3 entries");
    }

    // ---- helpers

    /** Runs a check at a few points of one field per seed, in 1 to 4 dimensions. */
    private static void forEachField(BiFunction<TestRandom, Integer, Field> make, FieldCheck check) {
        for (int seed = 0; seed < SEEDS; seed++) {
            TestRandom random = new TestRandom(seed);
            int n = random.between(1, 4);
            Field f = make.apply(random, n);
            assertThat(f.dimension()).isEqualTo(n);
            for (int k = 0; k < POINTS; k++) {
                check.at(f, random.vector(n, -2, 2));
            }
        }
    }

    /** A property of a field at a point. */
    private interface FieldCheck {
        void at(Field f, double[] x);
    }

    private static double quadraticForm(double[][] a, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * a[i][j] * v[j];
            }
        }
        return s;
    }

    private static String str(double[] x) {
        return Arrays.toString(x);
    }
}
