package calculus.descent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a run of an optimizer found: where it stopped, the value there, how many updates it made, why it stopped,
 * and every point it visited.
 *
 * <p>The arrays are copied when the result is made, so later changes to the caller's arrays do not show here.
 *
 * @param point      the last point <em>x</em><sub><em>k</em></sub>
 * @param value      <em>f</em> at the last point (NaN or infinite when the run diverged)
 * @param iterations the number of updates made, <em>k</em>
 * @param status     why the run stopped
 * @param trajectory the points visited: the start point first, then one per update (for stochastic gradient
 *                   descent, one per epoch), ending with {@code point}
 */
public record Result(double[] point, double value, int iterations, Status status, List<double[]> trajectory) {

    /** Copies the arrays, so that a result cannot be changed through the caller's references. */
    public Result {
        point = point.clone();
        List<double[]> copies = new ArrayList<>(trajectory.size());
        for (double[] p : trajectory) {
            copies.add(p.clone());
        }
        trajectory = Collections.unmodifiableList(copies);
    }

    /**
     * The last point.
     *
     * @return a copy of the last point
     */
    @Override
    public double[] point() {
        return point.clone();
    }

    /**
     * One coordinate along the whole trajectory, for plotting: {@code coordinate(0)} against {@code coordinate(1)}
     * draws the path of a two-variable run.
     *
     * @param i the coordinate, in [0, point().length)
     * @return a new array with coordinate {@code i} of every trajectory point, in order
     */
    public double[] coordinate(int i) {
        double[] c = new double[trajectory.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = trajectory.get(k)[i];
        }
        return c;
    }

    @Override
    public String toString() {
        return "Result[status=" + status + ", iterations=" + iterations + ", value=" + value + ", point="
            + Arrays.toString(point) + "]";
    }
}
