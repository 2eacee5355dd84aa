package calculus.backprop;

import java.util.ArrayList;
import java.util.Arrays;
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

    // BEGIN SOLUTION ONLY
    private final double[][] weights;
    private final double[] bias;
    private final double[][] weightGradient;
    private final double[] biasGradient;
    // Wᵀ, copied from W where a product needs W's columns (the weights move between steps): it walks Wᵀ's rows
    private final double[][] weightsTransposed;
    private double[][] input;
    // buffers for one batch size, allocated again only when it changes
    private double[][] output;
    private double[][] inputGradient;
    // one row per output and one per input, a column per example: for the products that run along the batch
    // (Yᵀ and Xᵀ forward, Gᵀ and (dL/dX)ᵀ backward)
    private double[][] outputsByExample;
    private double[][] inputsByExample;
    // (dL/dW)ᵀ, for layers with fewer outputs than inputs (null for the others)
    private final double[][] weightGradientTransposed;
    // END SOLUTION ONLY

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
        // BEGIN SOLUTION Task 6.4 [Dense(inputs, outputs, random)]: make the layer with Glorot-uniform weights and zero
        //     bias that the Javadoc describes (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        Checks.requirePositive(inputs, "inputs");
        Checks.requirePositive(outputs, "outputs");
        Checks.requireNonNull(random, "random");
        double a = Math.sqrt(6.0 / (inputs + outputs));
        this.weights = new double[inputs][outputs];
        for (double[] row : weights) {
            for (int j = 0; j < outputs; j++) {
                row[j] = random.nextDouble(-a, a);
            }
        }
        this.bias = new double[outputs];
        this.weightGradient = new double[inputs][outputs];
        this.biasGradient = new double[outputs];
        this.weightsTransposed = new double[outputs][inputs];
        this.weightGradientTransposed = outputs < inputs ? new double[outputs][inputs] : null;
        // END SOLUTION
    }

    /**
     * A layer with the given weights and bias (both copied).
     *
     * @param weights <em>W</em>, <em>n</em> rows of <em>m</em> finite entries
     * @param bias    <em>b</em>, <em>m</em> finite entries
     * @throws IllegalArgumentException if either is null, empty, ragged, not finite, or the sizes disagree
     */
    public Dense(double[][] weights, double[] bias) {
        // BEGIN SOLUTION Task 6.4 [Dense(weights, bias)]: make the layer with copies of these weights and this bias
        //     (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        int outputs = Checks.requireMatrix(weights, "weights", -1);
        Checks.requireNonNull(bias, "bias");
        if (bias.length != outputs) {
            throw new IllegalArgumentException("bias has " + bias.length + " entries, expected one per column of "
                + "weights: " + outputs);
        }
        Checks.requireMatrix(new double[][] {bias}, "bias", outputs);
        this.weights = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = weights[i].clone();
        }
        this.bias = bias.clone();
        this.weightGradient = new double[weights.length][outputs];
        this.biasGradient = new double[outputs];
        this.weightsTransposed = new double[outputs][weights.length];
        this.weightGradientTransposed = outputs < weights.length ? new double[outputs][weights.length] : null;
        // END SOLUTION
    }

    /** <em>Y</em> = <em>XW</em> + <b>1</b><em>b</em><sup>T</sup>; keeps a reference to {@code input}. */
    @Override
    public double[][] forward(double[][] input) {
        // BEGIN SOLUTION Task 6.4: return the layer's output for this batch, and keep the input for the backward pass
        //     (README.md, "Task 6.4")
        Checks.requireMatrix(input, "input", inputs());
        int batch = input.length;
        output = Matrices.reuse(output, batch, outputs());
        if (Matrices.forwardAlongTheBatch(batch, inputs(), outputs())) {
            // the rows of Y are short, and XW's inner loop would run along them: compute Yᵀ = WᵀXᵀ, whose rows are as
            // long as the batch, then transpose it (measured 1.3 to 1.9 times faster, the transposes included, on the
            // benchmark's layers with 16, 10 and 2 outputs)
            outputsByExample = Matrices.reuse(outputsByExample, outputs(), batch);
            inputsByExample = Matrices.reuse(inputsByExample, inputs(), batch);
            for (int j = 0; j < outputs(); j++) {
                Arrays.fill(outputsByExample[j], bias[j]);
            }
            Matrices.addProduct(Matrices.transpose(weights, weightsTransposed),
                Matrices.transpose(input, inputsByExample), outputsByExample);
            Matrices.transpose(outputsByExample, output);
        } else {
            // every row starts as b, then XW is added
            for (double[] y : output) {
                System.arraycopy(bias, 0, y, 0, y.length);
            }
            if (outputs() >= Matrices.SHORT_ROW) {
                // row r of XW is a sum of rows of W, each walked in memory order
                Matrices.addProduct(input, weights, output);
            } else {
                // a few outputs: each a dot product of a row of X and a column of W, a row of Wᵀ
                Matrices.addProductTransposed(input, Matrices.transpose(weights, weightsTransposed), output);
            }
        }
        this.input = input;
        return output;
        // END SOLUTION
    }

    /**
     * Stores &part;L/&part;W = XᵀG and &part;L/&part;b = the column sums of G, replacing the last ones; returns
     * GWᵀ.
     */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // BEGIN SOLUTION Task 6.4: store the gradients of the weights and the bias for this output gradient, replacing
        //     the last ones, and return the gradient of the input, as the Javadoc says (README.md, "Task 6.4"); refuse
        //     a backward pass before any forward one
        if (input == null) {
            throw new IllegalStateException("backward needs a forward pass first");
        }
        int batch = input.length;
        Checks.requireShape(outputGradient, "outputGradient", batch, outputs());
        // dL/dW = XᵀG: each weight touches every example, and the product sums over them
        if (outputs() >= inputs()) {
            Matrices.clear(weightGradient);
            Matrices.addTransposedProduct(input, outputGradient, weightGradient);
        } else {
            // fewer outputs than inputs: XᵀG has short rows, and its transpose GᵀX long ones, which the product's
            // inner loop walks; the same sums in the same order, then one pass to transpose them (measured 3 times
            // faster for the 300-to-10 layer of the benchmark)
            Matrices.clear(weightGradientTransposed);
            Matrices.addTransposedProduct(outputGradient, input, weightGradientTransposed);
            Matrices.transpose(weightGradientTransposed, weightGradient);
        }
        // the bias is added to every example: its gradient sums G over the batch, row after row
        Arrays.fill(biasGradient, 0.0);
        for (double[] g : outputGradient) {
            for (int j = 0; j < g.length; j++) {
                biasGradient[j] += g[j];
            }
        }
        // dL/dX = GWᵀ
        inputGradient = Matrices.reuse(inputGradient, batch, inputs());
        if (inputs() >= batch) {
            // row r a sum of rows of Wᵀ, copied from this step's weights
            Matrices.clear(inputGradient);
            Matrices.addProduct(outputGradient, Matrices.transpose(weights, weightsTransposed), inputGradient);
        } else {
            // fewer inputs than examples: GWᵀ has short rows, and its transpose WGᵀ rows as long as the batch;
            // compute that, then transpose it (measured 1.3 to 1.7 times faster for the benchmark's 10-input layers
            // and the moons network's 2- and 16-input ones)
            outputsByExample = Matrices.reuse(outputsByExample, outputs(), batch);
            inputsByExample = Matrices.reuse(inputsByExample, inputs(), batch);
            Matrices.clear(inputsByExample);
            Matrices.addProduct(weights, Matrices.transpose(outputGradient, outputsByExample), inputsByExample);
            Matrices.transpose(inputsByExample, inputGradient);
        }
        return inputGradient;
        // END SOLUTION
    }

    /** @return the rows of <em>W</em>, then <em>b</em>: the live arrays */
    @Override
    public List<double[]> parameters() {
        // BEGIN SOLUTION Task 6.4: return the rows of the weights, then the bias: the live arrays
        //     (README.md, "Task 6.4")
        List<double[]> all = new ArrayList<>(List.of(weights));
        all.add(bias);
        return all;
        // END SOLUTION
    }

    /** @return the rows of &part;<em>L</em>/&part;<em>W</em>, then &part;<em>L</em>/&part;<em>b</em>: live arrays */
    @Override
    public List<double[]> gradients() {
        // BEGIN SOLUTION Task 6.4: return the rows of the weights' gradient, then the bias's: the live arrays
        //     (README.md, "Task 6.4")
        List<double[]> all = new ArrayList<>(List.of(weightGradient));
        all.add(biasGradient);
        return all;
        // END SOLUTION
    }

    /** @return <em>W</em>, <em>n</em> × <em>m</em>, the live array */
    public double[][] weights() {
        // BEGIN SOLUTION Task 6.4: return the weights, the live array (README.md, "Task 6.4")
        return weights;
        // END SOLUTION
    }

    /** @return <em>b</em>, the live array */
    public double[] bias() {
        // BEGIN SOLUTION Task 6.4: return the bias, the live array (README.md, "Task 6.4")
        return bias;
        // END SOLUTION
    }

    /** @return &part;<em>L</em>/&part;<em>W</em> of the last backward pass, the live array */
    public double[][] weightGradient() {
        // BEGIN SOLUTION Task 6.4: return the gradient of the weights from the last backward pass, the live array
        //     (README.md, "Task 6.4")
        return weightGradient;
        // END SOLUTION
    }

    /** @return &part;<em>L</em>/&part;<em>b</em> of the last backward pass, the live array */
    public double[] biasGradient() {
        // BEGIN SOLUTION Task 6.4: return the gradient of the bias from the last backward pass, the live array
        //     (README.md, "Task 6.4")
        return biasGradient;
        // END SOLUTION
    }

    /** @return <em>n</em>, the number of inputs */
    public int inputs() {
        // BEGIN SOLUTION Task 6.4: return the number of inputs (README.md, "Task 6.4")
        return weights.length;
        // END SOLUTION
    }

    /** @return <em>m</em>, the number of outputs */
    public int outputs() {
        // BEGIN SOLUTION Task 6.4: return the number of outputs (README.md, "Task 6.4")
        return bias.length;
        // END SOLUTION
    }
}
