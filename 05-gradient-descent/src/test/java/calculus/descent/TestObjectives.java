package calculus.descent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import calculus.oracles.Fields;

/**
 * The functions the tests minimise, written out independently of the code under test: the Rosenbrock function,
 * the parabola <em>a</em><em>x</em><sup>2</sup>, and the grader's random fields seen as {@link Objective}s.
 * Public for the lesson's figures, which draw the same Rosenbrock function.
 */
public final class TestObjectives {

    /** The minimum of the Rosenbrock function. */
    static final double[] ROSENBROCK_MINIMUM = {1.0, 1.0};

    private TestObjectives() {
    }

    /** The Rosenbrock function (1 − x)² + 100 (y − x²)²: a curved valley, minimum 0 at (1, 1). */
    public static double rosenbrock(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    /** The Rosenbrock function as an objective, with its exact gradient. */
    public static Objective rosenbrock() {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] p) {
                return rosenbrock(p[0], p[1]);
            }

            @Override
            public double[] gradient(double[] p) {
                double x = p[0];
                double b = p[1] - x * x;
                // d/dx: -2(1 - x) + 100 * 2b * (-2x);  d/dy: 100 * 2b
                return new double[] {-2 * (1 - x) - 400 * x * b, 200 * b};
            }

            @Override
            public String toString() {
                return "(1 - x)^2 + 100 (y - x^2)^2";
            }
        };
    }

    /** f(x) = a x², one variable: f' = 2ax, minimum 0 at 0. */
    public static Objective parabola(double a) {
        return new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double value(double[] x) {
                return a * x[0] * x[0];
            }

            @Override
            public double[] gradient(double[] x) {
                return new double[] {2 * a * x[0]};
            }

            @Override
            public String toString() {
                return "f(x) = " + a + " x^2";
            }
        };
    }

    /** A random field of the grader, with its exact gradient, as an objective. */
    static Objective of(Fields.Field field) {
        return new Objective() {
            @Override
            public int dimension() {
                return field.dimension();
            }

            @Override
            public double value(double[] x) {
                return field.applyAsDouble(x);
            }

            @Override
            public double[] gradient(double[] x) {
                return field.gradient(x);
            }

            @Override
            public String toString() {
                return field.toString();
            }
        };
    }

    /**
     * An upper bound on the largest eigenvalue of a symmetric matrix: the largest absolute row sum (Gershgorin's
     * circles). A learning rate of 1/bound is then stable for the quadratic with that Hessian.
     */
    static double curvatureBound(double[][] hessian) {
        double bound = 0;
        for (double[] row : hessian) {
            double sum = 0;
            for (double v : row) {
                sum += Math.abs(v);
            }
            bound = Math.max(bound, sum);
        }
        return bound;
    }

    /** The trace of a square matrix: the sum of its eigenvalues, so trace / n is at most the largest of them. */
    static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        return t;
    }

    /** The Euclidean norm. */
    static double norm(double[] v) {
        double s = 0;
        for (double vi : v) {
            s += vi * vi;
        }
        return Math.sqrt(s);
    }

    /** The Euclidean distance. */
    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** x − t g, computed here so that the tests need not trust the code under test. */
    static double[] step(double[] x, double[] g, double t) {
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - t * g[i];
        }
        return next;
    }

    /**
     * The mean of ℓ<sub>i</sub>(θ) = |θ − c<sub>i</sub>|² over random centres c<sub>i</sub>: its minimum is their
     * mean. Written here, not Task 5.4's, so that the tests of the loop do not depend on it; it records every batch
     * asked for.
     */
    static final class Centres implements FiniteSum {
        private final double[][] centres;
        final List<int[]> batches = new ArrayList<>();

        Centres(double[][] centres) {
            this.centres = centres;
        }

        @Override
        public int dimension() {
            return centres[0].length;
        }

        @Override
        public int size() {
            return centres.length;
        }

        @Override
        public double value(double[] theta) {
            double sum = 0;
            for (double[] c : centres) {
                sum += Math.pow(TestObjectives.distance(theta, c), 2);
            }
            return sum / centres.length;
        }

        @Override
        public double[] gradient(double[] theta) {
            int[] all = new int[centres.length];
            Arrays.setAll(all, i -> i);
            return meanGradient(theta, all);
        }

        @Override
        public double[] batchGradient(double[] theta, int[] batch) {
            batches.add(batch.clone());
            return meanGradient(theta, batch);
        }

        double[] meanGradient(double[] theta, int[] batch) {
            double[] g = new double[theta.length];
            for (int i : batch) {
                for (int j = 0; j < g.length; j++) {
                    g[j] += 2 * (theta[j] - centres[i][j]) / batch.length;
                }
            }
            return g;
        }
    }
}
