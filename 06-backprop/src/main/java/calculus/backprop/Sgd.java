package calculus.backprop;

import java.util.List;

/**
 * Plain stochastic gradient descent on {@link Value} parameters: <em>p</em> ← <em>p</em> − η
 * &part;<em>L</em>/&part;<em>p</em>, with a fixed learning rate η.
 *
 * <p>One training step is: build the loss (the forward pass), {@link #zeroGrad()}, {@code loss.backward()},
 * {@link #step()}. Zeroing comes first because {@link Value#backward()} adds to the gradients of the leaves.
 */
public final class Sgd {

    /**
     * An optimizer for the given parameters.
     *
     * @param parameters   the leaves to train (the list is copied, the values are not)
     * @param learningRate the step size η, positive and finite
     * @throws IllegalArgumentException if {@code parameters} is null or holds a null, or {@code learningRate} is
     *     not positive and finite
     */
    public Sgd(List<Value> parameters, double learningRate) {
        // TODO(Task 6.3): keep a copy of the list of parameters and the learning rate
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.3: Sgd constructor");
    }

    /** Sets the gradient of every parameter to 0. */
    public void zeroGrad() {
        // TODO(Task 6.3): set the gradient of every parameter to zero (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: Sgd.zeroGrad");
    }

    /**
     * Moves every parameter against its gradient: <em>p</em> ← <em>p</em> − η &part;<em>L</em>/&part;<em>p</em>.
     */
    public void step() {
        // TODO(Task 6.3): move every parameter against its gradient, by the learning rate
        //     (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: Sgd.step");
    }

    /** @return the learning rate η */
    public double learningRate() {
        // TODO(Task 6.3): return the learning rate (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: Sgd.learningRate");
    }
}
