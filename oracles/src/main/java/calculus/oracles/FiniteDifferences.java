package calculus.oracles;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * High-accuracy finite differences for checking students' derivatives: the five-point central stencil
 *
 * <p><em>f</em>′(<em>x</em>) ≈ [<em>f</em>(<em>x</em>−2<em>h</em>) − 8<em>f</em>(<em>x</em>−<em>h</em>)
 * + 8<em>f</em>(<em>x</em>+<em>h</em>) − <em>f</em>(<em>x</em>+2<em>h</em>)] / 12<em>h</em>,
 *
 * <p>whose truncation error is <em>h</em><sup>4</sup> |<em>f</em><sup>(5)</sup>| / 30. With
 * <em>h</em> = 10<sup>−3</sup> max(1, |<em>x</em>|) that is about 3·10<sup>−14</sup> for a function whose fifth
 * derivative is of order 1, and the round-off error about ε |<em>f</em>| / <em>h</em> ≈ 2·10<sup>−13</sup>
 * |<em>f</em>|: an oracle some 10<sup>4</sup> times more accurate than the plain central difference the students
 * write, so a test may compare the two at 10<sup>−7</sup> without the oracle's own error mattering.
 *
 * <p>Its limit: the error grows with the fifth derivative. For a function whose higher derivatives are large (a
 * long composition of curved functions, a narrow bump, a function of large values), the oracle can be off by
 * 10<sup>−6</sup> relative or more; check such functions against a closed form (the random functions in this
 * package carry exact derivatives) rather than against this stencil.
 */
public final class FiniteDifferences {

    /** Relative step: near the optimum eps^(1/5) ~ 7e-4 of the five-point stencil. */
    static final double STEP = 1e-3;

    private FiniteDifferences() {
    }

    /** The step used at {@code x}: relative to |x| so that x ± 2h stays well resolved in floating point. */
    static double step(double x) {
        double h = STEP * Math.max(1.0, Math.abs(x));
        // make x + h exactly representable, so that the step taken is the step divided by
        double t = x + h;
        return t - x;
    }

    /** f′(x) by the five-point stencil. */
    public static double derivative(DoubleUnaryOperator f, double x) {
        double h = step(x);
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
            - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    /** f″(x) by the five-point stencil for the second derivative (error h<sup>4</sup>|f<sup>(6)</sup>|/90). */
    public static double secondDerivative(DoubleUnaryOperator f, double x) {
        // a larger step than for f': the round-off of a second difference grows like eps / h^2
        double h = 10 * step(x);
        return (-f.applyAsDouble(x - 2 * h) + 16 * f.applyAsDouble(x - h) - 30 * f.applyAsDouble(x)
            + 16 * f.applyAsDouble(x + h) - f.applyAsDouble(x + 2 * h)) / (12 * h * h);
    }

    /** ∂f/∂x<sub>i</sub> at x; x is not changed. */
    public static double partial(ToDoubleFunction<double[]> f, double[] x, int i) {
        double[] point = x.clone();
        return derivative(t -> {
            point[i] = t;
            return f.applyAsDouble(point);
        }, x[i]);
    }

    /** The gradient ∇f(x), one {@link #partial} per coordinate; x is not changed. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = partial(f, x, i);
        }
        return g;
    }

    /**
     * The Hessian of f at x: the five-point derivative of the five-point gradient, symmetrised. Accurate to about
     * 10<sup>−9</sup> relative for smooth functions of moderate scale; x is not changed.
     */
    public static double[][] hessian(ToDoubleFunction<double[]> f, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            final int col = j;
            double[] point = x.clone();
            for (int i = 0; i < n; i++) {
                final int row = i;
                h[i][j] = derivative(t -> {
                    point[col] = t;
                    double v = partial(f, point, row);
                    point[col] = x[col];
                    return v;
                }, x[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return h;
    }

    /** The Jacobian of f: R<sup>n</sup> → R<sup>m</sup> at x, row i the gradient of output i; x is not changed. */
    public static double[][] jacobian(Function<double[], double[]> f, double[] x) {
        int m = f.apply(x.clone()).length;
        double[][] jac = new double[m][x.length];
        for (int i = 0; i < m; i++) {
            final int out = i;
            double[] row = gradient(p -> f.apply(p)[out], x);
            jac[i] = row;
        }
        return jac;
    }
}
