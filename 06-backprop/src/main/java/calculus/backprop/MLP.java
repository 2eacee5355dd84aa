package calculus.backprop;

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
        // TODO(Task 6.3): make the network of layers the sizes describe, the last one linear
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.3: MLP constructor");
    }

    /**
     * The network's outputs for one input vector.
     *
     * @param x the inputs
     * @return the outputs of the last layer
     * @throws IllegalArgumentException if {@code x} is null, holds a null, or has the wrong length
     */
    public List<Value> apply(List<Value> x) {
        // TODO(Task 6.3): return the outputs of the last layer for these inputs (README.md, "Task 6.3");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.3: MLP.apply(List)");
    }

    /**
     * The network's outputs for plain numbers: each becomes a leaf {@link Value}.
     *
     * @param x the inputs
     * @return the outputs of the last layer
     * @throws IllegalArgumentException if {@code x} is null, has the wrong length, or holds NaN or an infinity
     */
    public List<Value> apply(double... x) {
        // TODO(Task 6.3): return the outputs of the last layer for these numbers, each a new leaf
        //     (README.md, "Task 6.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.3: MLP.apply(double...)");
    }

    /** @return every parameter, layer by layer, each in {@link Layer#parameters()} order */
    public List<Value> parameters() {
        // TODO(Task 6.3): return every parameter of the network, layer by layer (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: MLP.parameters");
    }

    /** @return the layers, input side first */
    public List<Layer> layers() {
        // TODO(Task 6.3): return the layers, input side first, in a list the caller cannot change
        //     (README.md, "Task 6.3")
        throw new UnsupportedOperationException("Task 6.3: MLP.layers");
    }
}
