package calculus.backprop;

/**
 * The rectified linear unit, entry by entry: <em>y</em> = max(0, <em>x</em>), with &part;<em>L</em>/&part;<em>x</em>
 * = &part;<em>L</em>/&part;<em>y</em> where <em>x</em> &gt; 0 and 0 elsewhere (0 at the kink <em>x</em> = 0, as
 * most libraries take it). A gate: the gradient flows through the units that were on, and nowhere else.
 */
public final class Relu implements BatchLayer {

    // BEGIN SOLUTION ONLY
    private double[][] input;
    // buffers for one batch size, allocated again only when it changes
    private double[][] output;
    private double[][] inputGradient;
    // END SOLUTION ONLY

    /** max(0, <em>x</em>) entry by entry; keeps a reference to {@code input}. */
    @Override
    public double[][] forward(double[][] input) {
        // BEGIN SOLUTION Task 6.4: return the rectified input, entry by entry, and keep the input for the backward pass
        //     (README.md, "Task 6.4")
        int n = Checks.requireMatrix(input, "input", -1);
        output = Matrices.reuse(output, input.length, n);
        for (int r = 0; r < input.length; r++) {
            double[] x = input[r];
            double[] y = output[r];
            for (int i = 0; i < n; i++) {
                // a comparison and a select, no branch to mispredict: the JIT compiler vectorises it
                y[i] = x[i] > 0 ? x[i] : 0.0;
            }
        }
        this.input = input;
        return output;
        // END SOLUTION
    }

    /** The output gradient where the input was positive, 0 elsewhere. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // BEGIN SOLUTION Task 6.4: return the gradient of the input for this output gradient, as the Javadoc says
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        if (input == null) {
            throw new IllegalStateException("backward needs a forward pass first");
        }
        int n = input[0].length;
        Checks.requireShape(outputGradient, "outputGradient", input.length, n);
        inputGradient = Matrices.reuse(inputGradient, input.length, n);
        for (int r = 0; r < input.length; r++) {
            double[] x = input[r];
            double[] g = outputGradient[r];
            double[] dx = inputGradient[r];
            for (int i = 0; i < n; i++) {
                dx[i] = x[i] > 0 ? g[i] : 0.0;
            }
        }
        return inputGradient;
        // END SOLUTION
    }
}
