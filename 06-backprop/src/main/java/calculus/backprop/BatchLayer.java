package calculus.backprop;

import java.util.List;

/**
 * A layer of a network that works on a whole batch at once: one row per example.
 *
 * <p>The contract of backpropagation, matrix by matrix: {@link #forward} maps the input batch <em>X</em> to the
 * output <em>Y</em> and keeps what the backward pass will need; {@link #backward} receives
 * &part;<em>L</em>/&part;<em>Y</em> (same shape as <em>Y</em>), stores the gradients of the layer's own parameters,
 * and returns &part;<em>L</em>/&part;<em>X</em> (same shape as <em>X</em>) for the layer before it. Backward costs
 * about as much as forward: that is the whole point of backpropagation.
 *
 * <p>A layer may return the same array from one call to the next, a buffer it fills anew each time (fast layers
 * do, so that a training step allocates nothing): a caller that keeps a result past the layer's next call
 * copies it.
 */
public interface BatchLayer {

    /**
     * The layer's output for a batch, remembering what {@link #backward} needs.
     *
     * @param input the batch, one row per example
     * @return the output, one row per example
     * @throws IllegalArgumentException if {@code input} is null, empty, ragged, of the wrong width or not finite
     */
    double[][] forward(double[][] input);

    /**
     * Backpropagates through the layer of the last {@link #forward} call.
     *
     * @param outputGradient &part;<em>L</em>/&part;<em>Y</em>, the shape of the last output
     * @return &part;<em>L</em>/&part;<em>X</em>, the shape of the last input
     * @throws IllegalArgumentException if {@code outputGradient} has the wrong shape
     * @throws IllegalStateException    if {@link #forward} has not been called
     */
    double[][] backward(double[][] outputGradient);

    /**
     * The layer's parameters as live arrays: an optimizer changes them in place. Empty for a layer without
     * parameters.
     *
     * @return the parameter arrays
     */
    default List<double[]> parameters() {
        return List.of();
    }

    /**
     * The gradients of the last {@link #backward} call, array for array and entry for entry the shape of
     * {@link #parameters()}, as live arrays. Empty for a layer without parameters.
     *
     * @return the gradient arrays
     */
    default List<double[]> gradients() {
        return List.of();
    }
}
