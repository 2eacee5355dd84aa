package calculus.backprop;

/**
 * Softmax and cross-entropy fused into one loss, for classification into <em>k</em> classes: for logits
 * <em>z</em> (one row per example) and labels <em>y</em>,
 *
 * <p><em>L</em> = (1/<em>B</em>) &sum;<sub><em>r</em></sub> [log &sum;<sub><em>j</em></sub>
 * e<sup><em>z</em><sub><em>rj</em></sub></sup> − <em>z</em><sub><em>r</em></sub>[<em>y</em><sub><em>r</em></sub>]],
 * the mean of −log softmax(<em>z</em><sub><em>r</em></sub>)[<em>y</em><sub><em>r</em></sub>], with
 * <em>v</em>[<em>j</em>] entry <em>j</em> of a vector.
 *
 * <p>Fused, its gradient is simply &part;<em>L</em>/&part;<em>z</em><sub><em>rj</em></sub> =
 * (<em>p</em><sub><em>rj</em></sub> − [<em>j</em> = <em>y</em><sub><em>r</em></sub>]) / <em>B</em>, with
 * <em>p</em> = softmax(<em>z</em>): the predicted probabilities minus the one-hot labels. Computed apart, the
 * softmax's Jacobian and the log's 1/<em>p</em> would meet and cancel, after losing digits (or dividing by an
 * underflowed 0).
 *
 * <p>Numerically stable for any finite logits: log-sum-exp subtracts the row's largest logit <em>M</em> first,
 * log &sum; e<sup><em>z</em><sub><em>j</em></sub></sup> = <em>M</em> + log &sum;
 * e<sup><em>z</em><sub><em>j</em></sub> − <em>M</em></sup>, so no exponential overflows (the largest term is
 * e<sup>0</sup> = 1) and the sum is at least 1, whose log is safe.
 */
public final class SoftmaxCrossEntropy {

    /**
     * The mean cross-entropy of a batch, remembering the probabilities for {@link #backward()}.
     *
     * @param logits the scores, one row per example, one column per class (at least one)
     * @param labels the class of each example, in [0, <em>k</em>)
     * @return the mean loss, at least 0
     * @throws IllegalArgumentException if either is null, empty, ragged, not finite, their lengths differ, or a
     *     label is not a class
     */
    public double forward(double[][] logits, int[] labels) {
        // TODO(Task 6.4): return the mean cross-entropy of the batch, stable for any finite logits, and keep
        //     what the backward pass needs (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.4: SoftmaxCrossEntropy.forward");
    }

    /**
     * The gradient of the last {@link #forward} loss with respect to its logits. It may be called more than once
     * after one forward pass: each call gives the same gradient and leaves what forward kept as it was. (The array
     * returned may be reused by a later call: copy it to keep it.)
     *
     * @return (softmax(<em>z</em>) − one-hot(<em>y</em>)) / <em>B</em>, the shape of the logits
     * @throws IllegalStateException if {@link #forward} has not been called
     */
    public double[][] backward() {
        // TODO(Task 6.4): return the gradient of the last loss with respect to its logits
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        throw new UnsupportedOperationException("Task 6.4: SoftmaxCrossEntropy.backward");
    }

    /**
     * The softmax of each row, stable for any finite logits.
     *
     * @param logits the scores, one row per example
     * @return the probabilities, each row positive-or-zero and summing to 1
     * @throws IllegalArgumentException if {@code logits} is null, empty, ragged or not finite
     */
    public static double[][] softmax(double[][] logits) {
        // TODO(Task 6.4): return the softmax of each row, stable for any finite logits
        //     (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.4: SoftmaxCrossEntropy.softmax");
    }
}
