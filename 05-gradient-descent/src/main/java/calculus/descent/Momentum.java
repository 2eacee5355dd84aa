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

    private double learningRate;
    private double beta;
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
        // TODO(Task 5.6): keep the settings (README.md, "Task 5.6"); reject
        //     bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.6: new Momentum(learningRate, beta)");
    }

    /**
     * One momentum step; the first call fixes the dimension of the velocity.
     *
     * @throws IllegalArgumentException if an argument is null, the lengths differ, or they differ from those of
     *                                  earlier calls
     */
    @Override
    public double[] update(double[] x, double[] gradient) {
        // TODO(Task 5.6): return the next point of gradient descent with momentum, keeping the velocity from
        //     one call to the next (README.md, "Task 5.6"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.6: Momentum.update");
    }
}
