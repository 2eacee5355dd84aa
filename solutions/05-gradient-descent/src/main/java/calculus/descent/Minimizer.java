package calculus.descent;

import java.util.ArrayList;
import java.util.List;

/**
 * The descent loop: applies an {@link Optimizer}'s update until the gradient is small, the budget is spent, or the
 * run blows up.
 *
 * <pre>
 * x<sub>0</sub> = start
 * for k = 0, 1, 2, …
 *     g = ∇f(x<sub>k</sub>)
 *     if g is not finite:          DIVERGED
 *     if ‖g‖ ≤ tolerance:          CONVERGED
 *     if k = maxIterations:        MAX_ITERATIONS
 *     x<sub>k+1</sub> = optimizer.update(x<sub>k</sub>, g)
 *     if x<sub>k+1</sub> or f(x<sub>k+1</sub>) is not finite,
 *        or |f(x<sub>k+1</sub>)| &gt; {@value #DIVERGENCE_RATIO} · max(1, |f(x<sub>0</sub>)|):   DIVERGED
 * </pre>
 *
 * <p>Every run ends, and ends with a {@link Result}, never with an exception: a learning rate that is too large
 * is an outcome to report, not an error. A small gradient means a stationary point, which for a convex function
 * is the minimum; elsewhere it may be a saddle point or a local minimum.
 */
public final class Minimizer {

    /**
     * How far the value may grow before the run counts as diverged: a descent method should lower <em>f</em>, and
     * one that has raised |<em>f</em>| by twelve orders of magnitude is not coming back. Waiting for an overflow
     * instead would also stop the run, but only after thousands of useless iterations.
     */
    public static final double DIVERGENCE_RATIO = 1e12;

    private Minimizer() {
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param f             the function to minimise
     * @param start         the start point <em>x</em><sub>0</sub>, of dimension {@code f.dimension()}; not changed
     * @param optimizer     the update rule, fresh for this run (momentum and Adam keep state)
     * @param tolerance     the run has converged when ‖∇<em>f</em>(<em>x</em>)‖ ≤ {@code tolerance}; 0 asks
     *                      for an exactly zero gradient
     * @param maxIterations the largest number of updates, at least 1
     * @return where the run stopped, and why; its trajectory has {@code iterations + 1} points
     * @throws IllegalArgumentException if an argument is null, {@code start} has the wrong dimension,
     *                                  {@code tolerance} is negative, NaN or infinite, or {@code maxIterations} &lt; 1
     */
    public static Result minimize(Objective f, double[] start, Optimizer optimizer, double tolerance,
                                  int maxIterations) {
        // BEGIN SOLUTION Task 5.2: return where the descent loop of the class Javadoc stops, and why, with the points
        //     it visited (README.md, "Task 5.2"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(f, "f");
        Checks.requireLength(start, "start", f.dimension());
        Checks.requireNonNull(optimizer, "optimizer");
        if (!(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance must be non-negative and finite, got tolerance = "
                + tolerance);
        }
        Checks.requirePositive(maxIterations, "maxIterations");

        List<double[]> trajectory = new ArrayList<>();
        double[] x = start.clone();
        double value = f.value(x);
        trajectory.add(x);
        if (!Double.isFinite(value) || !Vectors.allFinite(x)) {
            // the start itself is outside the function's domain: nothing to descend from
            return new Result(x, value, 0, Status.DIVERGED, trajectory);
        }
        double limit = DIVERGENCE_RATIO * Math.max(1.0, Math.abs(value));
        for (int k = 0; ; k++) {
            double[] g = f.gradient(x);
            double norm = Vectors.norm(g);
            if (!Double.isFinite(norm)) {
                return new Result(x, value, k, Status.DIVERGED, trajectory);
            }
            if (norm <= tolerance) {
                return new Result(x, value, k, Status.CONVERGED, trajectory);
            }
            if (k == maxIterations) {
                return new Result(x, value, k, Status.MAX_ITERATIONS, trajectory);
            }
            x = optimizer.update(x, g);
            value = f.value(x);
            trajectory.add(x);
            if (!Vectors.allFinite(x) || !Double.isFinite(value) || Math.abs(value) > limit) {
                return new Result(x, value, k + 1, Status.DIVERGED, trajectory);
            }
        }
        // END SOLUTION
    }
}
