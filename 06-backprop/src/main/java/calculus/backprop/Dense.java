package calculus.backprop;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fully connected (dense, affine) layer on batches: <em>Y</em> = <em>XW</em> + <b>1</b><em>b</em><sup>T</sup>,
 * with <em>X</em> the batch (<em>B</em> × <em>n</em>), <em>W</em> the weights (<em>n</em> × <em>m</em>) and
 * <em>b</em> the bias (<em>m</em>).
 *
 * <p>Backward, from <em>G</em> = &part;<em>L</em>/&part;<em>Y</em> (<em>B</em> × <em>m</em>):
 * <ul>
 *   <li>&part;<em>L</em>/&part;<em>W</em> = <em>X</em><sup>T</sup><em>G</em> (<em>n</em> × <em>m</em>): each
 *       weight <em>W</em><sub><em>ij</em></sub> touches every example, so its gradient sums over the batch;</li>
 *   <li>&part;<em>L</em>/&part;<em>b</em> = the column sums of <em>G</em> (<em>m</em>);</li>
 *   <li>&part;<em>L</em>/&part;<em>X</em> = <em>GW</em><sup>T</sup> (<em>B</em> × <em>n</em>), returned.</li>
 * </ul>
 * Two matrix products of the size of the forward one, and a column sum: backward costs about twice forward.
 */
public final class Dense implements BatchLayer {

    /**
     * A layer with Glorot-uniform weights, uniform in [−<em>a</em>, <em>a</em>) with <em>a</em> =
     * √(6/(<em>n</em> + <em>m</em>)), drawn row by row, which keeps the variance of the signal about the same forward
     * and backward; bias 0.
     *
     * @param inputs  <em>n</em>, at least 1
     * @param outputs <em>m</em>, at least 1
     * @param random  the source of the initial weights
     * @throws IllegalArgumentException if a size is below 1 or {@code random} is null
     */
    public Dense(int inputs, int outputs, RandomGenerator random) {
        // TODO(Task 6.4): make the layer with Glorot-uniform weights and zero
        //     bias that the Javadoc describes (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.4: Dense(inputs, outputs, random)");
    }

    /**
     * A layer with the given weights and bias (both copied).
     *
     * @param weights <em>W</em>, <em>n</em> rows of <em>m</em> finite entries
     * @param bias    <em>b</em>, <em>m</em> finite entries
     * @throws IllegalArgumentException if either is null, empty, ragged, not finite, or the sizes disagree
     */
    public Dense(double[][] weights, double[] bias) {
        // TODO(Task 6.4): make the layer with copies of these weights and this bias
        //     (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.4: Dense(weights, bias)");
    }

    /** <em>Y</em> = <em>XW</em> + <b>1</b><em>b</em><sup>T</sup>; keeps a reference to {@code input}. */
    @Override
    public double[][] forward(double[][] input) {
        // TODO(Task 6.4): return the layer's output for this batch, and keep the input for the backward pass
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.forward");
    }

    /**
     * Stores &part;L/&part;W = XᵀG and &part;L/&part;b = the column sums of G, replacing the last ones; returns
     * GWᵀ.
     */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // TODO(Task 6.4): store the gradients of the weights and the bias for this output gradient, replacing
        //     the last ones, and return the gradient of the input, as the Javadoc says (README.md, "Task 6.4"); refuse
        //     a backward pass before any forward one
        throw new UnsupportedOperationException("Task 6.4: Dense.backward");
    }

    /** @return the rows of <em>W</em>, then <em>b</em>: the live arrays */
    @Override
    public List<double[]> parameters() {
        // TODO(Task 6.4): return the rows of the weights, then the bias: the live arrays
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.parameters");
    }

    /** @return the rows of &part;<em>L</em>/&part;<em>W</em>, then &part;<em>L</em>/&part;<em>b</em>: live arrays */
    @Override
    public List<double[]> gradients() {
        // TODO(Task 6.4): return the rows of the weights' gradient, then the bias's: the live arrays
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.gradients");
    }

    /** @return <em>W</em>, <em>n</em> × <em>m</em>, the live array */
    public double[][] weights() {
        // TODO(Task 6.4): return the weights, the live array (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.weights");
    }

    /** @return <em>b</em>, the live array */
    public double[] bias() {
        // TODO(Task 6.4): return the bias, the live array (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.bias");
    }

    /** @return &part;<em>L</em>/&part;<em>W</em> of the last backward pass, the live array */
    public double[][] weightGradient() {
        // TODO(Task 6.4): return the gradient of the weights from the last backward pass, the live array
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.weightGradient");
    }

    /** @return &part;<em>L</em>/&part;<em>b</em> of the last backward pass, the live array */
    public double[] biasGradient() {
        // TODO(Task 6.4): return the gradient of the bias from the last backward pass, the live array
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.biasGradient");
    }

    /** @return <em>n</em>, the number of inputs */
    public int inputs() {
        // TODO(Task 6.4): return the number of inputs (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.inputs");
    }

    /** @return <em>m</em>, the number of outputs */
    public int outputs() {
        // TODO(Task 6.4): return the number of outputs (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Dense.outputs");
    }
}
