package calculus.backprop;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One neuron on {@link Value}s: <em>y</em> = φ(<em>w</em><sub>1</sub><em>x</em><sub>1</sub> + … +
 * <em>w</em><sub><em>n</em></sub><em>x</em><sub><em>n</em></sub> + <em>b</em>), with φ its {@link Activation}.
 *
 * <p>Its weights start uniform in [−1/√<em>n</em>, 1/√<em>n</em>) (as PyTorch's {@code Linear} does), so that the
 * weighted sum of <em>n</em> inputs of order 1 stays of order 1 and tanh does not start saturated; its bias starts
 * at 0. Random weights break the symmetry: neurons that start equal receive equal gradients and stay equal forever.
 */
public final class Neuron {

    /**
     * A neuron with random weights.
     *
     * @param inputs     the number of inputs <em>n</em>, at least 1
     * @param activation the nonlinearity φ
     * @param random     the source of the initial weights
     * @throws IllegalArgumentException if {@code inputs} &lt; 1, or {@code activation} or {@code random} is null
     */
    public Neuron(int inputs, Activation activation, RandomGenerator random) {
        // TODO(Task 6.3): make the neuron with random weights and zero bias that the
        //     Javadoc describes (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.3: Neuron constructor");
    }

    /**
     * The neuron's output for one input vector, as a graph of {@link Value}s that ends at the output.
     *
     * @param x the inputs <em>x</em><sub>1</sub>, …, <em>x</em><sub><em>n</em></sub>
     * @return φ(<em>w</em>·<em>x</em> + <em>b</em>)
     * @throws IllegalArgumentException if {@code x} is null, holds a null, or does not have <em>n</em> entries
     */
    public Value apply(List<Value> x) {
        // TODO(Task 6.3): return the neuron's output for these inputs, a graph built from its own parameters
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.3: Neuron.apply");
    }

    /** @return the parameters: the weights in input order, then the bias (the live values, not copies) */
    public List<Value> parameters() {
        // TODO(Task 6.3): return the parameters, the weights in input order and then the bias: the live values
        //     (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: Neuron.parameters");
    }

    /** @return the activation φ */
    public Activation activation() {
        // TODO(Task 6.3): return the activation (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: Neuron.activation");
    }
}
