package calculus.grader;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The seeded source of random inputs for hidden-style tests.
 *
 * <p>A graded test asks for one as a parameter. Its seed is fixed per test (derived from the course seed and the
 * test's name), so every run draws the same inputs; when the test fails the seed is printed, and
 * {@code -Dseed=N} runs every test with seed {@code N}. Instructors can vary every random input of the course at
 * once with {@code -Dcalculus.seed=N}.
 *
 * <p>It is a {@link RandomGenerator}, so {@code nextDouble(lo, hi)}, {@code nextInt(bound)} and
 * {@code nextGaussian()} are there; the methods below add the draws that numerical tests keep needing.
 */
public final class TestRandom implements RandomGenerator {

    private final long seed;
    private final SplittableRandom source;

    /** A generator with the given seed. */
    public TestRandom(long seed) {
        this.seed = seed;
        this.source = new SplittableRandom(seed);
    }

    /** The seed this generator started from: rerun a test with {@code -Dseed=<seed>} to draw the same inputs. */
    public long seed() {
        return seed;
    }

    @Override
    public long nextLong() {
        return source.nextLong();
    }

    /** A uniform draw from [lo, hi). */
    public double uniform(double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("uniform needs lo < hi, got lo = " + lo + ", hi = " + hi);
        }
        return lo + (hi - lo) * nextDouble();
    }

    /** A draw whose logarithm is uniform: every decade in [lo, hi) is equally likely (0 &lt; lo &lt; hi). */
    public double logUniform(double lo, double hi) {
        if (!(lo > 0 && lo < hi)) {
            throw new IllegalArgumentException("logUniform needs 0 < lo < hi, got lo = " + lo + ", hi = " + hi);
        }
        return Math.exp(uniform(Math.log(lo), Math.log(hi)));
    }

    /** {@code +1} or {@code -1}, each with probability 1/2. */
    public double sign() {
        return nextBoolean() ? 1.0 : -1.0;
    }

    /** A uniform integer in [lo, hi], both ends included. */
    public int between(int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("between needs lo <= hi, got lo = " + lo + ", hi = " + hi);
        }
        return (int) nextLong(lo, (long) hi + 1);
    }

    /** A vector of {@code n} uniform draws from [lo, hi). */
    public double[] vector(int n, double lo, double hi) {
        if (n < 0) {
            throw new IllegalArgumentException("vector needs n >= 0, got n = " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = uniform(lo, hi);
        }
        return v;
    }

    /** A {@code rows} by {@code cols} matrix of uniform draws from [lo, hi). */
    public double[][] matrix(int rows, int cols, double lo, double hi) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix needs rows, cols >= 0, got rows = " + rows + ", cols = "
                + cols);
        }
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = vector(cols, lo, hi);
        }
        return m;
    }

    /** A unit vector in {@code n} dimensions, uniform in direction. */
    public double[] unitVector(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("unitVector needs n >= 1, got n = " + n);
        }
        double[] v = new double[n];
        double norm = 0;
        while (norm < 1e-3) {
            norm = 0;
            for (int i = 0; i < n; i++) {
                v[i] = nextGaussian();
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
        }
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    /** One of the given choices, uniformly. */
    public <T> T pick(List<T> choices) {
        return choices.get(nextInt(choices.size()));
    }

    /** A new generator whose seed is drawn from this one: for handing to code that consumes draws of its own. */
    public TestRandom split() {
        return new TestRandom(nextLong());
    }

    @Override
    public String toString() {
        return "TestRandom[seed=" + seed + "]";
    }
}
