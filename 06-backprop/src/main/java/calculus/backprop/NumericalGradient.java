package calculus.backprop;

/**
 * The gradient of a network's loss by central differences, parameter by parameter: the slow, simple, independent
 * check that backpropagation is right, and the baseline it is measured against.
 *
 * <p>For each of the <em>n</em> parameters <em>p</em><sub><em>i</em></sub>,
 *
 * <p>&part;<em>L</em>/&part;<em>p</em><sub><em>i</em></sub> ≈
 * [<em>L</em>(<em>p</em> + <em>h</em><em>e</em><sub><em>i</em></sub>) −
 * <em>L</em>(<em>p</em> − <em>h</em><em>e</em><sub><em>i</em></sub>)] / 2<em>h</em>,
 *
 * <p>two forward passes per parameter: 2<em>n</em> forward passes in all, where backpropagation needs one forward
 * and one backward pass whatever <em>n</em> is. For a network of 100,000 parameters that is 200,000 forward passes
 * against the cost of about three.
 *
 * <p>Accuracy: the truncation error is <em>h</em><sup>2</sup>/6 |<em>L</em>‴| and the round-off error about
 * ε|<em>L</em>|/<em>h</em>; {@link #STEP} balances the two.
 */
public final class NumericalGradient {

    /**
     * The default step: near ε<sup>1/3</sup> ≈ 6·10<sup>−6</sup>, where truncation (<em>h</em><sup>2</sup>) and
     * round-off (ε/<em>h</em>) errors are about equal, both near 10<sup>−10</sup> for a loss and parameters of
     * order 1.
     */
    public static final double STEP = 1e-5;

    private NumericalGradient() {
    }

    /**
     * The gradient of the mean {@link SoftmaxCrossEntropy} loss of {@code network} on a batch with respect to every
     * parameter, by central differences. The parameters are changed one at a time and put back exactly as they
     * were (the saved value is written back, since <em>p</em> + <em>h</em> − <em>h</em> need not equal
     * <em>p</em> in floating point).
     *
     * @param network the network, its parameters given by {@link Sequential#parameters()}
     * @param x       the inputs, one row per example
     * @param labels  the class of each example
     * @param h       the step, positive and finite
     * @return one partial derivative per parameter, in the order of {@code parameters()}, array after array and
     *     entry after entry
     * @throws IllegalArgumentException if {@code network} is null, {@code h} is not positive and finite, or the
     *     data do not fit the network
     */
    public static double[] of(Sequential network, double[][] x, int[] labels, double h) {
        // TODO(Task 6.6): return the central-difference gradient of the loss with respect to every parameter,
        //     in the order the Javadoc gives, each parameter put back exactly as it was (README.md, "Task 6.6"); reject
        //     bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.6: NumericalGradient.of");
    }
}
