package calculus.backprop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron on {@link Value}s: {@link Layer}s applied one after the other, every hidden layer with
 * the same activation and the last one {@link Activation#LINEAR}, so that the network returns unbounded scores
 * for a loss to judge.
 *
 * <p>{@code new MLP(random, Activation.TANH, 2, 16, 16, 1)} has 2 inputs, two hidden layers of 16 tanh neurons
 * and one linear output: (2 + 1)·16 + (16 + 1)·16 + (16 + 1)·1 = 337 parameters.
 */
public final class MLP {

    // BEGIN SOLUTION ONLY
    private final List<Layer> layers;
    private final int inputs;
    // END SOLUTION ONLY

    /**
     * A network with fresh random weights.
     *
     * @param random the source of the initial weights
     * @param hidden the activation of every hidden layer
     * @param sizes  the number of inputs, then the size of each layer: at least two numbers, each at least 1
     * @throws IllegalArgumentException if {@code random}, {@code hidden} or {@code sizes} is null, fewer than two
     *     sizes are given, or a size is below 1
     */
    public MLP(RandomGenerator random, Activation hidden, int... sizes) {
        // BEGIN SOLUTION Task 6.3 [MLP constructor]: make the network of layers the sizes describe, the last one linear
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(random, "random");
        Checks.requireNonNull(hidden, "hidden");
        Checks.requireNonNull(sizes, "sizes");
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes must hold the inputs and at least one layer, got sizes = "
                + Arrays.toString(sizes));
        }
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 1) {
                throw new IllegalArgumentException("sizes must all be at least 1, got sizes[" + k + "] = "
                    + sizes[k]);
            }
        }
        this.inputs = sizes[0];
        this.layers = new ArrayList<>(sizes.length - 1);
        for (int k = 1; k < sizes.length; k++) {
            boolean last = k == sizes.length - 1;
            layers.add(new Layer(sizes[k - 1], sizes[k], last ? Activation.LINEAR : hidden, random));
        }
        // END SOLUTION
    }

    /**
     * The network's outputs for one input vector.
     *
     * @param x the inputs
     * @return the outputs of the last layer
     * @throws IllegalArgumentException if {@code x} is null, holds a null, or has the wrong length
     */
    public List<Value> apply(List<Value> x) {
        // BEGIN SOLUTION Task 6.3: return the outputs of the last layer for these inputs (README.md, "Task 6.3");
        //     reject bad input as the Javadoc's @throws says
        Checks.requireInputs(x, "x", inputs);
        List<Value> out = x;
        for (Layer layer : layers) {
            out = layer.apply(out);
        }
        return out;
        // END SOLUTION
    }

    /**
     * The network's outputs for plain numbers: each becomes a leaf {@link Value}.
     *
     * @param x the inputs
     * @return the outputs of the last layer
     * @throws IllegalArgumentException if {@code x} is null, has the wrong length, or holds NaN or an infinity
     */
    public List<Value> apply(double... x) {
        // BEGIN SOLUTION Task 6.3: return the outputs of the last layer for these numbers, each a new leaf
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(x, "x");
        List<Value> leaves = new ArrayList<>(x.length);
        for (double xi : x) {
            leaves.add(new Value(xi));
        }
        return apply(leaves);
        // END SOLUTION
    }

    /** @return every parameter, layer by layer, each in {@link Layer#parameters()} order */
    public List<Value> parameters() {
        // BEGIN SOLUTION Task 6.3: return every parameter of the network, layer by layer (README.md, "Task 6.3")
        List<Value> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
        // END SOLUTION
    }

    /** @return the layers, input side first */
    public List<Layer> layers() {
        // BEGIN SOLUTION Task 6.3: return the layers, input side first, in a list the caller cannot change
        //     (README.md, "Task 6.3")
        return List.copyOf(layers);
        // END SOLUTION
    }
}
