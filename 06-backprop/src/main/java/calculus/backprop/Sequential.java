package calculus.backprop;

import java.util.List;

/**
 * Layers applied one after the other: forward from the first layer to the last, backward from the last to the
 * first, each layer handing the gradient of its input to the layer before it. The chain rule, one matrix at a
 * time.
 */
public final class Sequential implements BatchLayer {

    /**
     * A network of the given layers, first to last.
     *
     * @param layers the layers, at least one
     * @throws IllegalArgumentException if {@code layers} is null, empty or holds a null
     */
    public Sequential(BatchLayer... layers) {
        // TODO(Task 6.4): keep the layers, first to last (README.md, "Task 6.4");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.4: Sequential constructor");
    }

    /** Every layer's forward pass in order, each fed the output of the one before. */
    @Override
    public double[][] forward(double[][] input) {
        // TODO(Task 6.4): return the output of the last layer, each layer fed the output of the one before
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Sequential.forward");
    }

    /** Every layer's backward pass in reverse order, each fed the input gradient of the one after. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // TODO(Task 6.4): return the gradient of the network's input, each layer fed the input gradient of the
        //     one after (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Sequential.backward");
    }

    /** @return every layer's parameter arrays, first layer first */
    @Override
    public List<double[]> parameters() {
        // TODO(Task 6.4): return every layer's parameter arrays, first layer first (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Sequential.parameters");
    }

    /** @return every layer's gradient arrays, in the order of {@link #parameters()} */
    @Override
    public List<double[]> gradients() {
        // TODO(Task 6.4): return every layer's gradient arrays, in the order of the parameters
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Sequential.gradients");
    }

    /** @return the layers, first to last */
    public List<BatchLayer> layers() {
        // TODO(Task 6.4): return the layers, first to last (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Sequential.layers");
    }
}
