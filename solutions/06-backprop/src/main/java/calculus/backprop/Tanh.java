package calculus.backprop;

/**
 * tanh, entry by entry: <em>y</em> = tanh <em>x</em>, with &part;<em>L</em>/&part;<em>x</em> =
 * &part;<em>L</em>/&part;<em>y</em> · (1 − <em>y</em><sup>2</sup>). The derivative is written with the output, so
 * the layer keeps its output for the backward pass and never evaluates tanh twice.
 */
public final class Tanh implements BatchLayer {

    // BEGIN SOLUTION ONLY
    private double[][] output;
    // END SOLUTION ONLY

    /** tanh entry by entry; keeps the output for the backward pass. */
    @Override
    public double[][] forward(double[][] input) {
        // BEGIN SOLUTION Task 6.4: return the hyperbolic tangent of the input, entry by entry, and keep the output for
        //     the backward pass (README.md, "Task 6.4")
        int n = Checks.requireMatrix(input, "input", -1);
        double[][] out = new double[input.length][n];
        for (int r = 0; r < input.length; r++) {
            for (int i = 0; i < n; i++) {
                out[r][i] = Math.tanh(input[r][i]);
            }
        }
        this.output = out;
        return out;
        // END SOLUTION
    }

    /** The output gradient times 1 − <em>y</em><sup>2</sup>, entry by entry. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // BEGIN SOLUTION Task 6.4: return the gradient of the input for this output gradient, as the Javadoc says
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        if (output == null) {
            throw new IllegalStateException("backward needs a forward pass first");
        }
        int n = output[0].length;
        Checks.requireShape(outputGradient, "outputGradient", output.length, n);
        double[][] inputGradient = new double[output.length][n];
        for (int r = 0; r < output.length; r++) {
            for (int i = 0; i < n; i++) {
                double y = output[r][i];
                inputGradient[r][i] = outputGradient[r][i] * (1 - y * y);
            }
        }
        return inputGradient;
        // END SOLUTION
    }
}
