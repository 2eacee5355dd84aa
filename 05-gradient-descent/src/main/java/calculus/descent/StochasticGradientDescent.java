package calculus.descent;

import java.util.random.RandomGenerator;

/**
 * Stochastic and mini-batch gradient descent on a mean over examples, <em>L</em> = (1/<em>n</em>) Σ
 * ℓ<sub><em>i</em></sub>: each step follows the gradient of a small batch of examples instead of the full
 * gradient.
 *
 * <p>One epoch shuffles the examples, cuts the shuffled order into batches of {@code batchSize} (the last batch
 * holds what is left, so it may be smaller) and takes one step
 * <em>θ</em> ← <em>θ</em> − <em>η</em> (1/|<em>B</em>|) Σ<sub><em>i</em> ∈ <em>B</em></sub>
 * ∇ℓ<sub><em>i</em></sub>(<em>θ</em>) per batch: ⌈<em>n</em>/<em>b</em>⌉ steps that together use every example
 * exactly once. A batch size of 1 is stochastic gradient descent, of <em>n</em> plain gradient descent.
 *
 * <p>The batch gradient is an unbiased but noisy estimate of the full gradient, so with a fixed learning rate the
 * parameters end in a cloud around the minimum whose size grows with <em>η</em> and shrinks with the batch size;
 * when the model fits every example exactly, every example's gradient vanishes at the minimum and the noise goes
 * with it. The shuffle draws from the generator the caller passes, so the same seed gives the same run.
 */
public final class StochasticGradientDescent {

    private double learningRate;
    private int batchSize;
    private int epochs;

    /**
     * The settings of a run.
     *
     * @param learningRate the step size <em>η</em>
     * @param batchSize    the number of examples per step, <em>b</em> ≥ 1 (and at most the number of examples)
     * @param epochs       the number of passes over the data, at least 1
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite, or {@code batchSize} or
     *                                  {@code epochs} is less than 1
     */
    public StochasticGradientDescent(double learningRate, int batchSize, int epochs) {
        // TODO(Task 5.5): keep the settings (README.md, "Task 5.5");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.5: new StochasticGradientDescent(...)");
    }

    /**
     * Runs every epoch from {@code start}.
     *
     * @param objective the mean loss to minimise
     * @param start     the start parameters, of dimension {@code objective.dimension()}; not changed
     * @param random    the source of the shuffles; the same seed gives the same run
     * @return the run: its point is the last parameters, its value the full loss there, its iterations the number
     *     of steps taken, its trajectory the parameters at the start and after every epoch; its status
     *     {@link Status#MAX_ITERATIONS} after the last epoch (stochastic gradients never tell that the run has
     *     converged) or {@link Status#DIVERGED} as soon as a parameter or, after an epoch, the loss is not finite
     *     or has grown by a factor {@value Minimizer#DIVERGENCE_RATIO}
     * @throws IllegalArgumentException if an argument is null, {@code start} has the wrong dimension, or the batch
     *                                  size exceeds the number of examples
     */
    public Result fit(FiniteSum objective, double[] start, RandomGenerator random) {
        // TODO(Task 5.5): return the run of mini-batch gradient descent the Javadoc describes, in a new order
        //     every epoch (README.md, "Task 5.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.5: StochasticGradientDescent.fit");
    }
}
