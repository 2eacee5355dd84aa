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
        // TODO(Task 6.4): check the layers (none null, at least one), keep them in order
        throw new UnsupportedOperationException("Task 6.4: Sequential constructor");
    }

    /** Every layer's forward pass in order, each fed the output of the one before. */
    @Override
    public double[][] forward(double[][] input) {
        // TODO(Task 6.4): each layer's forward, in order, on the output of the one before
        throw new UnsupportedOperationException("Task 6.4: Sequential.forward");
    }

    /** Every layer's backward pass in reverse order, each fed the input gradient of the one after. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // TODO(Task 6.4): each layer's backward, in REVERSE order, on the input gradient of the one after
        throw new UnsupportedOperationException("Task 6.4: Sequential.backward");
    }

    /** @return every layer's parameter arrays, first layer first */
    @Override
    public List<double[]> parameters() {
        // TODO(Task 6.4): every layer's parameters(), first layer first
        throw new UnsupportedOperationException("Task 6.4: Sequential.parameters");
    }

    /** @return every layer's gradient arrays, in the order of {@link #parameters()} */
    @Override
    public List<double[]> gradients() {
        // TODO(Task 6.4): every layer's gradients(), first layer first
        throw new UnsupportedOperationException("Task 6.4: Sequential.gradients");
    }

    /** @return the layers, first to last */
    public List<BatchLayer> layers() {
        // TODO(Task 6.4): return the layers
        throw new UnsupportedOperationException("Task 6.4: Sequential.layers");
    }
}
