package calculus.derivatives;

/**
 * How a run of {@link NewtonMethod} ended: the last iterate, the number of Newton steps taken, and why it stopped.
 *
 * @param root       the last iterate: a root when {@code status} is {@link Status#CONVERGED}, otherwise only where
 *                   the method stopped
 * @param iterations the number of Newton steps taken, from 0 to the maximum allowed
 * @param status     why the method stopped
 */
public record NewtonResult(double root, int iterations, Status status) {

    /** Why Newton's method stopped. */
    public enum Status {
        /** The last step was within the tolerance, or <em>f</em> was exactly 0 at the iterate: a root. */
        CONVERGED,
        /** The maximum number of steps was taken without converging: a cycle, a slow drift or a divergence. */
        NOT_CONVERGED,
        /** <em>f</em>′ was 0 at the iterate: the tangent is horizontal and has no root to step to. */
        ZERO_DERIVATIVE,
        /** An iterate, or <em>f</em> or <em>f</em>′ at an iterate, was infinite or NaN: the method ran away. */
        DIVERGED
    }

    /**
     * Whether the method found a root.
     *
     * @return {@code status() == Status.CONVERGED}
     */
    public boolean converged() {
        return status == Status.CONVERGED;
    }
}
