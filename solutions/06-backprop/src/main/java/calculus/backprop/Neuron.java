package calculus.backprop;

import java.util.ArrayList;
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

    // BEGIN SOLUTION ONLY
    private final List<Value> weights;
    private final Value bias;
    private final Activation activation;
    // END SOLUTION ONLY

    /**
     * A neuron with random weights.
     *
     * @param inputs     the number of inputs <em>n</em>, at least 1
     * @param activation the nonlinearity φ
     * @param random     the source of the initial weights
     * @throws IllegalArgumentException if {@code inputs} &lt; 1, or {@code activation} or {@code random} is null
     */
    public Neuron(int inputs, Activation activation, RandomGenerator random) {
        // BEGIN SOLUTION Task 6.3 [Neuron constructor]: make the neuron with random weights and zero bias that the
        //     Javadoc describes (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        Checks.requirePositive(inputs, "inputs");
        Checks.requireNonNull(activation, "activation");
        Checks.requireNonNull(random, "random");
        double bound = 1.0 / Math.sqrt(inputs);
        this.weights = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            weights.add(new Value(random.nextDouble(-bound, bound)));
        }
        this.bias = new Value(0.0);
        this.activation = activation;
        // END SOLUTION
    }

    /**
     * The neuron's output for one input vector, as a graph of {@link Value}s that ends at the output.
     *
     * @param x the inputs <em>x</em><sub>1</sub>, …, <em>x</em><sub><em>n</em></sub>
     * @return φ(<em>w</em>·<em>x</em> + <em>b</em>)
     * @throws IllegalArgumentException if {@code x} is null, holds a null, or does not have <em>n</em> entries
     */
    public Value apply(List<Value> x) {
        // BEGIN SOLUTION Task 6.3: return the neuron's output for these inputs, a graph built from its own parameters
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        Checks.requireInputs(x, "x", weights.size());
        // start from the bias: one node fewer than starting from a zero and adding the bias last
        Value sum = bias;
        for (int i = 0; i < weights.size(); i++) {
            sum = sum.add(weights.get(i).mul(x.get(i)));
        }
        return activation.apply(sum);
        // END SOLUTION
    }

    /** @return the parameters: the weights in input order, then the bias (the live values, not copies) */
    public List<Value> parameters() {
        // BEGIN SOLUTION Task 6.3: return the parameters, the weights in input order and then the bias: the live values
        //     (README.md, "Task 6.3")
        List<Value> all = new ArrayList<>(weights);
        all.add(bias);
        return all;
        // END SOLUTION
    }

    /** @return the activation φ */
    public Activation activation() {
        // BEGIN SOLUTION Task 6.3: return the activation (README.md, "Task 6.3")
        return activation;
        // END SOLUTION
    }
}
