package calculus.derivatives;

/**
 * The mean squared error of the one-parameter model <em>ŷ</em> = <em>w</em><em>x</em> on a data set, and its
 * derivative with respect to the parameter <em>w</em>: how the loss responds when the one knob moves.
 *
 * <p>For examples (<em>x</em><sub><em>i</em></sub>, <em>y</em><sub><em>i</em></sub>), <em>i</em> = 1..<em>n</em>,
 * with residuals <em>r</em><sub><em>i</em></sub> = <em>w</em><em>x</em><sub><em>i</em></sub> −
 * <em>y</em><sub><em>i</em></sub>,
 *
 * <blockquote><em>L</em>(<em>w</em>) = (1/<em>n</em>) Σ <em>r</em><sub><em>i</em></sub><sup>2</sup>, &nbsp;
 * d<em>L</em>/d<em>w</em> = (2/<em>n</em>) Σ <em>r</em><sub><em>i</em></sub> <em>x</em><sub><em>i</em></sub>,
 * </blockquote>
 *
 * <p>the second by the chain rule: d(<em>r</em><sup>2</sup>)/d<em>w</em> = 2<em>r</em> · d<em>r</em>/d<em>w</em>,
 * and d<em>r</em><sub><em>i</em></sub>/d<em>w</em> = <em>x</em><sub><em>i</em></sub>. The sign of the derivative
 * says which way to move <em>w</em> to lower the loss: against it. This is gradient descent with one parameter,
 * and the loss's derivative is exactly what backpropagation computes for every parameter of a network.
 *
 * <p>The loss is a parabola in <em>w</em>, so its derivative is zero at exactly one point, the best weight
 * <em>w</em>* = Σ <em>x</em><sub><em>i</em></sub><em>y</em><sub><em>i</em></sub> / Σ
 * <em>x</em><sub><em>i</em></sub><sup>2</sup> (least squares through the origin).
 */
public final class SquaredErrorLoss {

    private double[] x;
    private double[] y;

    /**
     * The loss of the model <em>ŷ</em> = <em>w</em><em>x</em> on the examples (x[i], y[i]). The arrays are copied.
     *
     * @param x the inputs, at least one, all finite
     * @param y the targets, as many as inputs, all finite
     * @throws IllegalArgumentException if an array is null, empty, or holds a number that is not finite, or the
     *                                  lengths differ; the message names the array (or the entry, {@code x[1]})
     *                                  and what is wrong with it: its value, or both lengths, or for an empty
     *                                  array its length 0
     */
    public SquaredErrorLoss(double[] x, double[] y) {
        // TODO(Task 1.9): keep copies of the examples (README.md, "Task 1.9"); reject bad input as the
        //     Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.9: new SquaredErrorLoss");
    }

    /**
     * The mean squared error (1/<em>n</em>) Σ (<em>w</em><em>x</em><sub><em>i</em></sub> −
     * <em>y</em><sub><em>i</em></sub>)<sup>2</sup>.
     *
     * @param w the parameter, finite
     * @return <em>L</em>(<em>w</em>), at least 0
     * @throws IllegalArgumentException if {@code w} is not finite
     */
    public double loss(double w) {
        // TODO(Task 1.9): return the mean squared error of the model with weight w (README.md, "Task 1.9");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.9: SquaredErrorLoss.loss");
    }

    /**
     * The derivative d<em>L</em>/d<em>w</em> = (2/<em>n</em>) Σ (<em>w</em><em>x</em><sub><em>i</em></sub> −
     * <em>y</em><sub><em>i</em></sub>) <em>x</em><sub><em>i</em></sub>, in closed form.
     *
     * @param w the parameter, finite
     * @return d<em>L</em>/d<em>w</em> at {@code w}: positive means the loss rises as <em>w</em> grows, so lower
     *         <em>w</em> to lower the loss
     * @throws IllegalArgumentException if {@code w} is not finite
     */
    public double derivative(double w) {
        // TODO(Task 1.9): return the derivative of the loss with respect to the weight, at w
        //     (README.md, "Task 1.9"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 1.9: SquaredErrorLoss.derivative");
    }

    /**
     * The weight where the derivative is zero, the minimum of the loss: <em>w</em>* = Σ
     * <em>x</em><sub><em>i</em></sub><em>y</em><sub><em>i</em></sub> / Σ <em>x</em><sub><em>i</em></sub><sup>2</sup>.
     *
     * @return <em>w</em>*
     * @throws IllegalStateException if every x[i] is 0: then the loss does not depend on <em>w</em> at all
     */
    public double bestWeight() {
        // TODO(Task 1.9): return the weight that minimises the loss (README.md, "Task 1.9"); when no weight is
        //     best, throw the IllegalStateException the Javadoc names
        throw new UnsupportedOperationException("Task 1.9: SquaredErrorLoss.bestWeight");
    }
}
