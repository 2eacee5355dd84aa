package calculus.descent;

/**
 * An objective that is a mean over examples, <em>L</em>(<em>θ</em>) = (1/<em>n</em>) Σ<sub><em>i</em></sub>
 * ℓ<sub><em>i</em></sub>(<em>θ</em>), the shape of every training loss: the mean over the data set of a loss per
 * example.
 *
 * <p>Its gradient is the mean of the examples' gradients, so the mean over a random batch of examples is an
 * unbiased estimate of it, at a fraction of the cost: the idea behind stochastic gradient descent.
 */
public interface FiniteSum extends Objective {

    /**
     * The number of examples <em>n</em>.
     *
     * @return <em>n</em>, at least 1
     */
    int size();

    /**
     * The mean gradient over some examples, (1/|<em>B</em>|) Σ<sub><em>i</em> ∈ <em>B</em></sub>
     * ∇ℓ<sub><em>i</em></sub>(<em>θ</em>). Over every example it is the full gradient ∇<em>L</em>(<em>θ</em>).
     *
     * @param theta the parameters, of dimension {@link #dimension()}; not changed
     * @param batch the indices of the examples, each in [0, {@link #size()}), at least one; not changed
     * @return a new array of length {@link #dimension()}
     */
    double[] batchGradient(double[] theta, int[] batch);
}
