package calculus.descent;

/** How a run of an optimizer ended. */
public enum Status {

    /** The gradient's norm fell to the tolerance or below: a stationary point, to that tolerance. */
    CONVERGED,

    /** The run used its whole budget of iterations (or epochs) without converging. */
    MAX_ITERATIONS,

    /**
     * The run stopped because it blew up: a value, a coordinate or a gradient became NaN or infinite, or the value
     * grew by many orders of magnitude. The usual cause is a learning rate that is too large.
     */
    DIVERGED
}
