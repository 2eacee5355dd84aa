package calculus.backprop;

/**
 * The rectified linear unit, entry by entry: <em>y</em> = max(0, <em>x</em>), with &part;<em>L</em>/&part;<em>x</em>
 * = &part;<em>L</em>/&part;<em>y</em> where <em>x</em> &gt; 0 and 0 elsewhere (0 at the kink <em>x</em> = 0, as
 * most libraries take it). A gate: the gradient flows through the units that were on, and nowhere else.
 */
public final class Relu implements BatchLayer {

    /** max(0, <em>x</em>) entry by entry; keeps a reference to {@code input}. */
    @Override
    public double[][] forward(double[][] input) {
        // TODO(Task 6.4): return the rectified input, entry by entry, and keep the input for the backward pass
        //     (README.md, "Task 6.4")
        throw new UnsupportedOperationException("Task 6.4: Relu.forward");
    }

    /** The output gradient where the input was positive, 0 elsewhere. */
    @Override
    public double[][] backward(double[][] outputGradient) {
        // TODO(Task 6.4): return the gradient of the input for this output gradient, as the Javadoc says
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        throw new UnsupportedOperationException("Task 6.4: Relu.backward");
    }
}
