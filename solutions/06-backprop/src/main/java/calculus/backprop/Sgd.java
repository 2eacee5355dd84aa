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

    // BEGIN SOLUTION ONLY
    private final List<Value> parameters;
    private final double learningRate;
    // END SOLUTION ONLY

    /**
     * An optimizer for the given parameters.
     *
     * @param parameters   the leaves to train (the list is copied, the values are not)
     * @param learningRate the step size η, positive and finite
     * @throws IllegalArgumentException if {@code parameters} is null or holds a null, or {@code learningRate} is
     *     not positive and finite
     */
    public Sgd(List<Value> parameters, double learningRate) {
        // BEGIN SOLUTION Task 6.3 [Sgd constructor]: keep a copy of the list of parameters and the learning rate
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(parameters, "parameters");
        for (int i = 0; i < parameters.size(); i++) {
            Checks.requireNonNull(parameters.get(i), "parameters[" + i + "]");
        }
        Checks.requirePositive(learningRate, "learningRate");
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        // END SOLUTION
    }

    /** Sets the gradient of every parameter to 0. */
    public void zeroGrad() {
        // BEGIN SOLUTION Task 6.3: set the gradient of every parameter to zero (README.md, "Task 6.3")
        for (Value p : parameters) {
            p.zeroGrad();
        }
        // END SOLUTION
    }

    /**
     * Moves every parameter against its gradient: <em>p</em> ← <em>p</em> − η &part;<em>L</em>/&part;<em>p</em>.
     */
    public void step() {
        // BEGIN SOLUTION Task 6.3: move every parameter against its gradient, by the learning rate
        //     (README.md, "Task 6.3")
        for (Value p : parameters) {
            p.setData(p.data() - learningRate * p.grad());
        }
        // END SOLUTION
    }

    /** @return the learning rate η */
    public double learningRate() {
        // BEGIN SOLUTION Task 6.3: return the learning rate (README.md, "Task 6.3")
        return learningRate;
        // END SOLUTION
    }
}
