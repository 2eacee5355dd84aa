package calculus.gradient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A function that remembers where it was evaluated: for the tests that count evaluations and check that each one
 * moves a single coordinate. It keeps a copy of each point, because the code under test may reuse one array.
 */
final class Recorder {

    private final List<double[]> points = new ArrayList<>();

    /** {@code f}, recording each point it is called at. */
    ToDoubleFunction<double[]> scalar(ToDoubleFunction<double[]> f) {
        return p -> {
            points.add(p.clone());
            return f.applyAsDouble(p);
        };
    }

    /** {@code f}, recording each point it is called at. */
    Function<double[], double[]> vector(Function<double[], double[]> f) {
        return p -> {
            points.add(p.clone());
            return f.apply(p);
        };
    }

    /** The number of evaluations so far. */
    int count() {
        return points.size();
    }

    /**
     * What is wrong with the evaluation points of a central-difference scheme at {@code x} with step {@code h}:
     * each point must differ from {@code x} in exactly one coordinate, by +h or -h (up to the rounding of
     * x<sub>i</sub> ± h), and each coordinate must be moved once each way. Empty when all is well.
     */
    String centralDifferenceProblems(double[] x, double h) {
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
            // x_i + h is rounded: allow the rounding of x_i, about 1e-16 |x_i|, which is far below 1e-6 h
            if (Math.abs(Math.abs(step) - h) > 1e-6 * h) {
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
