package calculus.oracles;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import calculus.grader.TestRandom;

/**
 * Seeded random smooth functions of several variables, f: R<sup>n</sup> → R, with their exact gradient and
 * Hessian: the closed-form oracle for partial derivatives, gradients and Hessians.
 *
 * <p>A random field is a sum of two or three terms, each one of
 * <ul>
 *   <li>a ridge <em>g</em>(<em>w</em>·<em>x</em> + <em>c</em>) with <em>g</em> one of sin, tanh, softplus,
 *       log(1 + <em>t</em><sup>2</sup>): ∇ = <em>g</em>′ <em>w</em>, H = <em>g</em>″ <em>w</em><em>w</em><sup>T</sup>;</li>
 *   <li>a product of two ridges <em>g</em>(<em>u</em>·<em>x</em>) <em>k</em>(<em>v</em>·<em>x</em>), whose mixed
 *       partials are not zero: H = <em>g</em>″<em>k</em> <em>uu</em><sup>T</sup> + <em>g</em>′<em>k</em>′
 *       (<em>uv</em><sup>T</sup> + <em>vu</em><sup>T</sup>) + <em>gk</em>″ <em>vv</em><sup>T</sup>;</li>
 *   <li>a quadratic ½ <em>x</em><sup>T</sup><em>Ax</em> + <em>b</em>·<em>x</em> with <em>A</em> symmetric.</li>
 * </ul>
 * Weights are drawn in [−1.5, 1.5], so on the box [−2, 2]<sup>n</sup> values and derivatives stay of order 1–10.
 */
public final class Fields {

    private Fields() {
    }

    /** A smooth function of several variables with its exact derivatives. */
    public interface Field extends ToDoubleFunction<double[]> {
        /** The number of variables. */
        int dimension();

        /** f(x). */
        @Override
        double applyAsDouble(double[] x);

        /** ∇f(x). */
        double[] gradient(double[] x);

        /** The Hessian matrix of f at x. */
        double[][] hessian(double[] x);
    }

    /** A one-variable function with its first two derivatives, the shape of a ridge. */
    private record Profile(String name, java.util.function.DoubleUnaryOperator g,
                           java.util.function.DoubleUnaryOperator d1, java.util.function.DoubleUnaryOperator d2) {
    }

    private static final List<Profile> PROFILES = List.of(
        new Profile("sin", Math::sin, Math::cos, t -> -Math.sin(t)),
        new Profile("tanh", Math::tanh, t -> 1 - Math.tanh(t) * Math.tanh(t),
            t -> -2 * Math.tanh(t) * (1 - Math.tanh(t) * Math.tanh(t))),
        new Profile("softplus", t -> Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))), Fields::sigmoid,
            t -> sigmoid(t) * (1 - sigmoid(t))),
        new Profile("log1p_sq", t -> Math.log1p(t * t), t -> 2 * t / (1 + t * t),
            t -> 2 * (1 - t * t) / ((1 + t * t) * (1 + t * t))));

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** A random smooth field in {@code n} variables: two or three random terms. */
    public static Field random(TestRandom random, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got n = " + n);
        }
        List<Field> terms = new ArrayList<>();
        int count = random.between(2, 3);
        for (int k = 0; k < count; k++) {
            switch (random.nextInt(3)) {
                case 0 -> terms.add(ridge(random, n));
                case 1 -> terms.add(product(random, n));
                default -> terms.add(quadratic(random, n));
            }
        }
        return sum(terms);
    }

    /** A random ridge g(w·x + c). */
    public static Field ridge(TestRandom random, int n) {
        Profile p = random.pick(PROFILES);
        double[] w = random.vector(n, -1.5, 1.5);
        double c = random.uniform(-1, 1);
        return new Field() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double applyAsDouble(double[] x) {
                return p.g().applyAsDouble(dot(w, x) + c);
            }

            @Override
            public double[] gradient(double[] x) {
                return scale(w, p.d1().applyAsDouble(dot(w, x) + c));
            }

            @Override
            public double[][] hessian(double[] x) {
                return outer(w, w, p.d2().applyAsDouble(dot(w, x) + c));
            }

            @Override
            public String toString() {
                return p.name() + "(w.x + c)";
            }
        };
    }

    /** A random product of two ridges g(u·x) k(v·x): its mixed partials are not zero. */
    public static Field product(TestRandom random, int n) {
        Profile g = random.pick(PROFILES);
        Profile k = random.pick(PROFILES);
        double[] u = random.vector(n, -1.5, 1.5);
        double[] v = random.vector(n, -1.5, 1.5);
        return new Field() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double applyAsDouble(double[] x) {
                return g.g().applyAsDouble(dot(u, x)) * k.g().applyAsDouble(dot(v, x));
            }

            @Override
            public double[] gradient(double[] x) {
                double s = dot(u, x);
                double t = dot(v, x);
                // product rule: (gk)' = g'k u + g k' v
                return add(scale(u, g.d1().applyAsDouble(s) * k.g().applyAsDouble(t)),
                    scale(v, g.g().applyAsDouble(s) * k.d1().applyAsDouble(t)));
            }

            @Override
            public double[][] hessian(double[] x) {
                double s = dot(u, x);
                double t = dot(v, x);
                double[][] h = outer(u, u, g.d2().applyAsDouble(s) * k.g().applyAsDouble(t));
                addInPlace(h, outer(u, v, g.d1().applyAsDouble(s) * k.d1().applyAsDouble(t)));
                addInPlace(h, outer(v, u, g.d1().applyAsDouble(s) * k.d1().applyAsDouble(t)));
                addInPlace(h, outer(v, v, g.g().applyAsDouble(s) * k.d2().applyAsDouble(t)));
                return h;
            }

            @Override
            public String toString() {
                return g.name() + "(u.x) * " + k.name() + "(v.x)";
            }
        };
    }

    /** A random quadratic ½ xᵀAx + b·x with A symmetric (not necessarily definite). */
    public static Field quadratic(TestRandom random, int n) {
        double[][] a = random.matrix(n, n, -1.5, 1.5);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
        }
        return quadratic(a, random.vector(n, -1, 1));
    }

    /** The quadratic ½ xᵀAx + b·x for a symmetric A: gradient Ax + b, Hessian A. */
    public static Field quadratic(double[][] a, double[] b) {
        int n = b.length;
        double[][] sym = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("A must be " + n + " x " + n + ", row " + i + " has "
                    + a[i].length + " entries");
            }
            for (int j = 0; j < n; j++) {
                sym[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return new Field() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double applyAsDouble(double[] x) {
                return 0.5 * dot(x, multiply(sym, x)) + dot(b, x);
            }

            @Override
            public double[] gradient(double[] x) {
                return add(multiply(sym, x), b);
            }

            @Override
            public double[][] hessian(double[] x) {
                double[][] copy = new double[n][];
                for (int i = 0; i < n; i++) {
                    copy[i] = sym[i].clone();
                }
                return copy;
            }

            @Override
            public String toString() {
                return "0.5 x'Ax + b.x";
            }
        };
    }

    /**
     * A random convex quadratic ½ (x − m)ᵀA(x − m) with A = BᵀB + λI symmetric positive definite (smallest
     * eigenvalue at least λ = 0.5): its minimum is at m and its Hessian is A everywhere.
     */
    public static Field convexQuadratic(TestRandom random, int n, double[] minimum) {
        if (minimum.length != n) {
            throw new IllegalArgumentException("minimum must have n = " + n + " coordinates, got "
                + minimum.length);
        }
        double[][] b = random.matrix(n, n, -1, 1);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.5 : 0.0;
                for (int k = 0; k < n; k++) {
                    s += b[k][i] * b[k][j];
                }
                a[i][j] = s;
            }
        }
        // 1/2 (x-m)'A(x-m) = 1/2 x'Ax - (Am).x + const: drop the constant, it moves no derivative
        double[] am = multiply(a, minimum);
        return quadratic(a, scale(am, -1));
    }

    /** The sum of fields of the same dimension. */
    public static Field sum(List<Field> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("sum needs at least one term");
        }
        int n = terms.get(0).dimension();
        for (Field f : terms) {
            if (f.dimension() != n) {
                throw new IllegalArgumentException("every term must have dimension " + n + ", got " + f.dimension());
            }
        }
        return new Field() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double applyAsDouble(double[] x) {
                double s = 0;
                for (Field f : terms) {
                    s += f.applyAsDouble(x);
                }
                return s;
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = new double[n];
                for (Field f : terms) {
                    g = add(g, f.gradient(x));
                }
                return g;
            }

            @Override
            public double[][] hessian(double[] x) {
                double[][] h = new double[n][n];
                for (Field f : terms) {
                    addInPlace(h, f.hessian(x));
                }
                return h;
            }

            @Override
            public String toString() {
                List<String> parts = new ArrayList<>();
                terms.forEach(t -> parts.add(t.toString()));
                return String.join(" + ", parts);
            }
        };
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] scale(double[] a, double c) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = c * a[i];
        }
        return r;
    }

    private static double[] add(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    private static double[] multiply(double[][] m, double[] x) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], x);
        }
        return r;
    }

    private static double[][] outer(double[] a, double[] b, double c) {
        double[][] r = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i][j] = c * a[i] * b[j];
            }
        }
        return r;
    }

    private static void addInPlace(double[][] target, double[][] m) {
        for (int i = 0; i < target.length; i++) {
            for (int j = 0; j < target[i].length; j++) {
                target[i][j] += m[i][j];
            }
        }
    }
}
