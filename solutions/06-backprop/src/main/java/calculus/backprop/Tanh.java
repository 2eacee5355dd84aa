package calculus.backprop;

/**
 * tanh, entry by entry: <em>y</em> = tanh <em>x</em>, with &part;<em>L</em>/&part;<em>x</em> =
 * &part;<em>L</em>/&part;<em>y</em> · (1 − <em>y</em><sup>2</sup>). The derivative is written with the output, so
 * the layer keeps its output for the backward pass and never evaluates tanh twice.
 */
public final class Tanh implements BatchLayer {

    // BEGIN SOLUTION ONLY
    // the tanh itself, in loops the JIT compiler vectorises, with its buffers (see there)
    private final TanhKernel kernel = new TanhKernel();
    private double[][] output;
    private double[][] inputGradient;
    // END SOLUTION ONLY

    /** tanh entry by entry; keeps the output for the backward pass. */
    @Override
    public double[][] forward(double[][] input) {
        // BEGIN SOLUTION Task 6.4: return the hyperbolic tangent of the input, entry by entry, and keep the output for
        //     the backward pass (README.md, "Task 6.4")
        int n = Checks.requireMatrix(input, "input", -1);
        // the same buffer every step of the same batch size: a training step allocates nothing
        double[][] out = Matrices.reuse(output, input.length, n);
        kernel.apply(input, out);
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
        inputGradient = Matrices.reuse(inputGradient, output.length, n);
        for (int r = 0; r < output.length; r++) {
            double[] y = output[r];
            double[] g = outputGradient[r];
            double[] dx = inputGradient[r];
            // the derivative from the kept output: a multiply-add per entry, no tanh, vectorised
            for (int i = 0; i < n; i++) {
                dx[i] = g[i] * (1 - y[i] * y[i]);
            }
        }
        return inputGradient;
        // END SOLUTION
    }
}
