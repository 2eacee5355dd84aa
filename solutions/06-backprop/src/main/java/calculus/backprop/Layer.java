package calculus.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A layer of {@link Neuron}s on {@link Value}s that all read the same inputs: <em>n</em> inputs in, one output per
 * neuron out.
 */
public final class Layer {

    // BEGIN SOLUTION ONLY
    private final List<Neuron> neurons;
    // END SOLUTION ONLY

    /**
     * A layer of fresh neurons.
     *
     * @param inputs     the number of inputs of every neuron, at least 1
     * @param outputs    the number of neurons, at least 1
     * @param activation the nonlinearity of every neuron
     * @param random     the source of the initial weights
     * @throws IllegalArgumentException if a size is below 1, or {@code activation} or {@code random} is null
     */
    public Layer(int inputs, int outputs, Activation activation, RandomGenerator random) {
        // BEGIN SOLUTION Task 6.3 [Layer constructor]: make a layer of fresh neurons, one per output
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        Checks.requirePositive(inputs, "inputs");
        Checks.requirePositive(outputs, "outputs");
        this.neurons = new ArrayList<>(outputs);
        for (int j = 0; j < outputs; j++) {
            neurons.add(new Neuron(inputs, activation, random));
        }
        // END SOLUTION
    }

    /**
     * The layer's outputs for one input vector.
     *
     * @param x the inputs, as many as each neuron has
     * @return one output per neuron, in order
     * @throws IllegalArgumentException if {@code x} is null, holds a null, or has the wrong length
     */
    public List<Value> apply(List<Value> x) {
        // BEGIN SOLUTION Task 6.3: return the output of every neuron for these inputs, in order
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron neuron : neurons) {
            out.add(neuron.apply(x));
        }
        return out;
        // END SOLUTION
    }

    /** @return the parameters of every neuron, neuron by neuron, each in {@link Neuron#parameters()} order */
    public List<Value> parameters() {
        // BEGIN SOLUTION Task 6.3: return the parameters of every neuron, neuron by neuron (README.md, "Task 6.3")
        List<Value> all = new ArrayList<>();
        for (Neuron neuron : neurons) {
            all.addAll(neuron.parameters());
        }
        return all;
        // END SOLUTION
    }

    /** @return the neurons, in output order */
    public List<Neuron> neurons() {
        // BEGIN SOLUTION Task 6.3: return the neurons, in output order, in a list the caller cannot change
        //     (README.md, "Task 6.3")
        return List.copyOf(neurons);
        // END SOLUTION
    }
}
