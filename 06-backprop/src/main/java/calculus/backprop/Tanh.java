package calculus.backprop;

/**
 * tanh, entry by entry: <em>y</em> = tanh <em>x</em>, with &part;<em>L</em>/&part;<em>x</em> =
 * &part;<em>L</em>/&part;<em>y</em> · (1 − <em>y</em><sup>2</sup>). The derivative is written with the output, so
 * the layer keeps its output for the backward pass and never evaluates tanh twice.
 */
public final class Tanh implements BatchLayer {

    /** tanh entry by entry; keeps the output for the backward pass. */
    @Override
    public double[][] forward(double[][] input) {
        // TODO(Task 6.4): return the hyperbolic tangent of the input, entry by entry, and keep the output for
        //     the backward pass (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Tanh.forward");
    }

    /** The output gradient times 1 − <em>y</em><sup>2</sup>, entry by entry. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // TODO(Task 6.4): return the gradient of the input for this output gradient, as the Javadoc says
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        throw new UnsupportedOperationException("Task 6.4: Tanh.backward");
    }
}
