package calculus.oracles;

import calculus.grader.TestRandom;

/**
 * Seeded data sets for the tests and the lessons' demos, made in code so that nothing is downloaded: noisy lines,
 * linear models with k features, XOR, two moons, spirals with k classes, and a logistic-regression sample.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Inputs and real-valued targets.
     *
     * @param x one row per example, one column per feature
     * @param y one target per example
     */
    public record Regression(double[][] x, double[] y) {
        /** The number of examples. */
        public int size() {
            return y.length;
        }

        /** The single feature of every example, for one-feature data sets. */
        public double[] column(int j) {
            double[] c = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                c[i] = x[i][j];
            }
            return c;
        }
    }

    /**
     * Inputs and class labels.
     *
     * @param x       one row per example
     * @param labels  one class per example, in [0, classes)
     * @param classes the number of classes
     */
    public record Classification(double[][] x, int[] labels, int classes) {
        /** The number of examples. */
        public int size() {
            return labels.length;
        }

        /** Column j of the inputs. */
        public double[] column(int j) {
            double[] c = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                c[i] = x[i][j];
            }
            return c;
        }
    }

    /** {@code n} points y = slope·x + intercept + N(0, noise²), x uniform in [−2, 2]. */
    public static Regression line(TestRandom random, int n, double slope, double intercept, double noise) {
        return linear(random, n, new double[] {slope}, intercept, noise);
    }

    /** {@code n} points y = w·x + b + N(0, noise²), each feature uniform in [−2, 2]. */
    public static Regression linear(TestRandom random, int n, double[] weights, double bias, double noise) {
        requirePositive("n", n);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.vector(weights.length, -2, 2);
            double t = bias;
            for (int j = 0; j < weights.length; j++) {
                t += weights[j] * x[i][j];
            }
            y[i] = t + noise * random.nextGaussian();
        }
        return new Regression(x, y);
    }

    /** The four XOR points: (0,0) and (1,1) are class 0, (0,1) and (1,0) class 1. */
    public static Classification xor() {
        return new Classification(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0}, 2);
    }

    /**
     * Two interleaving half circles ("two moons"), {@code n} points in all: the upper moon (cos t, sin t) is
     * class 0, the lower (1 − cos t, ½ − sin t) class 1, t evenly spaced in [0, π], plus N(0, noise²) per
     * coordinate. Not linearly separable; a small network separates it.
     */
    public static Classification moons(TestRandom random, int n, double noise) {
        requirePositive("n", n);
        int upper = n / 2;
        double[][] x = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean first = i < upper;
            int k = first ? i : i - upper;
            int count = first ? upper : n - upper;
            double t = count == 1 ? 0 : Math.PI * k / (count - 1);
            double px = first ? Math.cos(t) : 1 - Math.cos(t);
            double py = first ? Math.sin(t) : 0.5 - Math.sin(t);
            x[i] = new double[] {px + noise * random.nextGaussian(), py + noise * random.nextGaussian()};
            labels[i] = first ? 0 : 1;
        }
        return new Classification(x, labels, 2);
    }

    /**
     * {@code classes} interleaved spiral arms of {@code perClass} points each: arm j has radius r from 0 to 1
     * and angle 4j + 4r, plus N(0, noise²) on the angle. The classic test that a linear model cannot pass.
     */
    public static Classification spirals(TestRandom random, int perClass, int classes, double noise) {
        requirePositive("perClass", perClass);
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got classes = " + classes);
        }
        int n = perClass * classes;
        double[][] x = new double[n][];
        int[] labels = new int[n];
        for (int j = 0; j < classes; j++) {
            for (int i = 0; i < perClass; i++) {
                double r = perClass == 1 ? 1 : (double) i / (perClass - 1);
                double angle = 4.0 * j + 4.0 * r + noise * random.nextGaussian();
                x[j * perClass + i] = new double[] {r * Math.sin(angle), r * Math.cos(angle)};
                labels[j * perClass + i] = j;
            }
        }
        return new Classification(x, labels, classes);
    }

    /**
     * {@code n} examples for logistic regression: features N(0, 1), label 1 with probability
     * σ(w·x + b), where σ is the logistic sigmoid.
     */
    public static Classification logistic(TestRandom random, int n, double[] weights, double bias) {
        requirePositive("n", n);
        double[][] x = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[weights.length];
            double t = bias;
            for (int j = 0; j < weights.length; j++) {
                x[i][j] = random.nextGaussian();
                t += weights[j] * x[i][j];
            }
            double p = t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
            labels[i] = random.nextDouble() < p ? 1 : 0;
        }
        return new Classification(x, labels, 2);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + name + " = " + value);
        }
    }
}
