package calculus.backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers applied one after the other: forward from the first layer to the last, backward from the last to the
 * first, each layer handing the gradient of its input to the layer before it. The chain rule, one matrix at a
 * time.
 */
public final class Sequential implements BatchLayer {

    // BEGIN SOLUTION ONLY
    private final List<BatchLayer> layers;
    // END SOLUTION ONLY

    /**
     * A network of the given layers, first to last.
     *
     * @param layers the layers, at least one
     * @throws IllegalArgumentException if {@code layers} is null, empty or holds a null
     */
    public Sequential(BatchLayer... layers) {
        // BEGIN SOLUTION Task 6.4 [Sequential constructor]: keep the layers, first to last (README.md, "Task 6.4");
        //     reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(layers, "layers");
        if (layers.length == 0) {
            throw new IllegalArgumentException("layers must hold at least one layer, got none");
        }
        for (int k = 0; k < layers.length; k++) {
            Checks.requireNonNull(layers[k], "layers[" + k + "]");
        }
        this.layers = List.of(layers);
        // END SOLUTION
    }

    /** Every layer's forward pass in order, each fed the output of the one before. */
    @Override
    public double[][] forward(double[][] input) {
        // BEGIN SOLUTION Task 6.4: return the output of the last layer, each layer fed the output of the one before
        //     (README.md, "Task 6.4")
        double[][] x = input;
        for (BatchLayer layer : layers) {
            x = layer.forward(x);
        }
        return x;
        // END SOLUTION
    }

    /** Every layer's backward pass in reverse order, each fed the input gradient of the one after. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // BEGIN SOLUTION Task 6.4: return the gradient of the network's input, each layer fed the input gradient of the
        //     one after (README.md, "Task 6.4")
        double[][] g = outputGradient;
        for (int k = layers.size() - 1; k >= 0; k--) {
            g = layers.get(k).backward(g);
        }
        return g;
        // END SOLUTION
    }

    /** @return every layer's parameter arrays, first layer first */
    @Override
    public List<double[]> parameters() {
        // BEGIN SOLUTION Task 6.4: return every layer's parameter arrays, first layer first (README.md, "Task 6.4")
        List<double[]> all = new ArrayList<>();
        for (BatchLayer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
        // END SOLUTION
    }

    /** @return every layer's gradient arrays, in the order of {@link #parameters()} */
    @Override
    public List<double[]> gradients() {
        // BEGIN SOLUTION Task 6.4: return every layer's gradient arrays, in the order of the parameters
        //     (README.md, "Task 6.4")
        List<double[]> all = new ArrayList<>();
        for (BatchLayer layer : layers) {
            all.addAll(layer.gradients());
        }
        return all;
        // END SOLUTION
    }

    /** @return the layers, first to last */
    public List<BatchLayer> layers() {
        // BEGIN SOLUTION Task 6.4: return the layers, first to last (README.md, "Task 6.4")
        return layers;
        // END SOLUTION
    }
}
