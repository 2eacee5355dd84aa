package calculus.descent;

/**
 * Gradient descent with momentum (the "heavy ball"): the step follows a running sum of past gradients, the velocity
 * <em>v</em>, instead of the current gradient alone:
 *
 * <p><em>v</em><sub><em>k</em>+1</sub> = <em>β</em> <em>v</em><sub><em>k</em></sub> +
 * ∇<em>f</em>(<em>x</em><sub><em>k</em></sub>),
 * &nbsp; <em>x</em><sub><em>k</em>+1</sub> = <em>x</em><sub><em>k</em></sub> −
 * <em>η</em> <em>v</em><sub><em>k</em>+1</sub>,
 * &nbsp; <em>v</em><sub>0</sub> = 0.
 *
 * <p>Where the gradient keeps its direction (along a long valley) the velocity builds up to
 * <em>g</em>/(1 − <em>β</em>), ten times the gradient for <em>β</em> = 0.9; where it flips sign from step to step
 * (across the valley) the terms cancel. So momentum goes fast where plain descent crawls, at the same learning
 * rate. With <em>β</em> = 0 it is plain gradient descent. The velocity is state: one object per run.
 */
public final class Momentum implements Optimizer {

    /** The usual momentum: the velocity remembers about 1/(1 − 0.9) = 10 past gradients. */
    public static final double DEFAULT_BETA = 0.9;

    private final double learningRate;
    private final double beta;
    private double[] velocity;

    /**
     * Momentum with {@link #DEFAULT_BETA}.
     *
     * @param learningRate the step size <em>η</em>
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Momentum(double learningRate) {
        this(learningRate, DEFAULT_BETA);
    }

    /**
     * Momentum with a given decay.
     *
     * @param learningRate the step size <em>η</em>
     * @param beta         how much of the velocity each step keeps, in [0, 1)
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite, or {@code beta} is not in
     *                                  [0, 1)
     */
    public Momentum(double learningRate, double beta) {
        // BEGIN SOLUTION Task 5.6 [new Momentum(learningRate, beta)]: keep the settings (README.md, "Task 5.6"); reject
        //     bad input as the Javadoc's @throws says
        this.learningRate = Checks.requirePositive(learningRate, "learningRate");
        // beta = 1 never forgets: the velocity would grow without bound
        this.beta = Checks.requireInHalfOpenInterval(beta, "beta", 0.0, 1.0);
        // END SOLUTION
    }

    /**
     * One momentum step; the first call fixes the dimension of the velocity.
     *
     * @throws IllegalArgumentException if an argument is null, the lengths differ, or they differ from those of
     *                                  earlier calls
     */
    @Override
    public double[] update(double[] x, double[] gradient) {
        // BEGIN SOLUTION Task 5.6: return the next point of gradient descent with momentum, keeping the velocity from
        //     one call to the next (README.md, "Task 5.6"); reject bad input as the Javadoc's @throws says
        Checks.requireSameLength(x, "x", gradient, "gradient");
        if (velocity == null) {
            velocity = new double[x.length];
        }
        Checks.requireLength(gradient, "gradient", velocity.length);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            velocity[i] = beta * velocity[i] + gradient[i];
            next[i] = x[i] - learningRate * velocity[i];
        }
        return next;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    @Override
    public String toString() {
        return "Momentum[learningRate=" + learningRate + ", beta=" + beta + "]";
    }
    // END SOLUTION ONLY
}
