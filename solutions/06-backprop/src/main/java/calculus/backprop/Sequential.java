package calculus.backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers applied one after the other: forward from the first layer to the last, backward from the last to the
 * first, each layer handing the gradient of its input to the layer before it. The chain rule, one matrix at a
 * time.
 */
public final class Sequential implements BatchLayer {

    private final List<BatchLayer> layers;

    /**
     * A network of the given layers, first to last.
     *
     * @param layers the layers, at least one
     * @throws IllegalArgumentException if {@code layers} is null, empty or holds a null
     */
    public Sequential(BatchLayer... layers) {
        Checks.nonNull("layers", layers);
        if (layers.length == 0) {
            throw new IllegalArgumentException("layers must hold at least one layer, got none");
        }
        for (int k = 0; k < layers.length; k++) {
            Checks.nonNull("layers[" + k + "]", layers[k]);
        }
        this.layers = List.of(layers);
    }

    /** Every layer's forward pass in order, each fed the output of the one before. */
    @Override
    public double[][] forward(double[][] input) {
        double[][] x = input;
        for (BatchLayer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /** Every layer's backward pass in reverse order, each fed the input gradient of the one after. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        double[][] g = outputGradient;
        for (int k = layers.size() - 1; k >= 0; k--) {
            g = layers.get(k).backward(g);
        }
        return g;
    }

    /** @return every layer's parameter arrays, first layer first */
    @Override
    public List<double[]> parameters() {
        List<double[]> all = new ArrayList<>();
        for (BatchLayer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    /** @return every layer's gradient arrays, in the order of {@link #parameters()} */
    @Override
    public List<double[]> gradients() {
        List<double[]> all = new ArrayList<>();
        for (BatchLayer layer : layers) {
            all.addAll(layer.gradients());
        }
        return all;
    }

    /** @return the layers, first to last */
    public List<BatchLayer> layers() {
        return layers;
    }
}
