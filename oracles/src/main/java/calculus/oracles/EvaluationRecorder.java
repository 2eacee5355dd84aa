package calculus.oracles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Remembers every point a function is evaluated at, for the tests that count evaluations and check where they are:
 * a partial derivative may move only coordinate <em>i</em>, a central difference moves each coordinate once each way.
 *
 * <p>Wrap the function with {@link #scalar} or {@link #vector} and hand the wrapper to the code under test. The
 * recorder keeps a copy of each point, because the code under test may reuse one array and change it afterwards.
 */
public final class EvaluationRecorder {

    /**
     * How far a step may be from h, relative to h: x<sub>i</sub> + h is rounded, by about
     * 10<sup>−16</sup> |x<sub>i</sub>|, which for the points and steps of the tests is far below 10<sup>−6</sup> h.
     */
    private static final double STEP_ROUNDING = 1e-6;

    private final List<double[]> points = new ArrayList<>();

    /**
     * {@code f}, recording each point it is called at. Its {@code toString} is that of {@code f}, so that failure
     * messages still name the function.
     *
     * @param f the function to record
     * @return a function that records the point, then returns {@code f} at it
     */
    public ToDoubleFunction<double[]> scalar(ToDoubleFunction<double[]> f) {
        return new ToDoubleFunction<>() {
            @Override
            public double applyAsDouble(double[] x) {
                points.add(x.clone());
                return f.applyAsDouble(x);
            }

            @Override
            public String toString() {
                return f.toString();
            }
        };
    }

    /**
     * {@code f}, a function with vector values, recording each point it is called at. Its {@code toString} is that
     * of {@code f}.
     *
     * @param f the function to record
     * @return a function that records the point, then returns {@code f} at it
     */
    public Function<double[], double[]> vector(Function<double[], double[]> f) {
        return new Function<>() {
            @Override
            public double[] apply(double[] x) {
                points.add(x.clone());
                return f.apply(x);
            }

            @Override
            public String toString() {
                return f.toString();
            }
        };
    }

    /**
     * The number of evaluations so far.
     *
     * @return how many times a recorded function was called since this recorder was made or last reset
     */
    public int count() {
        return points.size();
    }

    /**
     * The points of the evaluations so far.
     *
     * @return copies of the points, in the order of the calls
     */
    public List<double[]> points() {
        return points;
    }

    /** Forgets the evaluations so far. */
    public void reset() {
        points.clear();
    }

    /**
     * What is wrong with the evaluation points of a central-difference scheme at {@code x} with step {@code h}:
     * each point must differ from {@code x} in exactly one coordinate, by +h or −h (up to the rounding of
     * x<sub>i</sub> ± h), and each coordinate must be moved once each way.
     *
     * @param x the point the derivatives were taken at
     * @param h the step
     * @return the first problem found, in words for a student; empty when all is well
     */
    public String centralDifferenceProblems(double[] x, double h) {
        int[] up = new int[x.length];
        int[] down = new int[x.length];
        for (double[] p : points) {
            if (p.length != x.length) {
                return "f was called with a point of " + p.length + " coordinates, x has " + x.length;
            }
            int moved = -1;
            for (int i = 0; i < x.length; i++) {
                if (p[i] != x[i]) {
                    if (moved >= 0) {
                        return "f was called at " + Arrays.toString(p) + ", which differs from x = "
                            + Arrays.toString(x) + " in coordinates " + moved + " and " + i + ": each evaluation "
                            + "should move one coordinate only (put x[i] back before moving on to i + 1)";
                    }
                    moved = i;
                }
            }
            if (moved < 0) {
                return "f was called at x itself, " + Arrays.toString(x) + ": the central difference needs "
                    + "f(x + h e_i) and f(x - h e_i), never f(x) (that is the one-sided difference)";
            }
            double step = p[moved] - x[moved];
            if (Math.abs(Math.abs(step) - h) > STEP_ROUNDING * h) {
                return "f was called at " + Arrays.toString(p) + ": coordinate " + moved + " moved by " + step
                    + " where the step is h = " + h;
            }
            if (step > 0) {
                up[moved]++;
            } else {
                down[moved]++;
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (up[i] != 1 || down[i] != 1) {
                return "coordinate " + i + " was moved up " + up[i] + " and down " + down[i] + " times; the central "
                    + "difference moves each coordinate once each way, to x[i] + h and to x[i] - h";
            }
        }
        return "";
    }
}
