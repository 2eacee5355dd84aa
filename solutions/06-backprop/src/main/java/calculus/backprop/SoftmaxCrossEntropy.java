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

    // BEGIN SOLUTION ONLY
    private double[][] probabilities;
    private int[] labels;
    private double[][] gradient;
    // END SOLUTION ONLY

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
        // BEGIN SOLUTION Task 6.4: return the mean cross-entropy of the batch, stable for any finite logits, and keep
        //     what the backward pass needs (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        int k = Checks.requireMatrix(logits, "logits", -1);
        checkLabels(labels, logits.length, k);
        // buffers for one batch size, allocated again only when it changes
        double[][] p = Matrices.reuse(probabilities, logits.length, k);
        double total = 0.0;
        for (int r = 0; r < logits.length; r++) {
            double[] z = logits[r];
            double[] e = p[r];
            double max = max(z);
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                e[j] = Math.exp(z[j] - max);
                sum += e[j];
            }
            // -log p_y = log-sum-exp(z) - z_y, never log of an underflowed probability
            total += max + Math.log(sum) - z[labels[r]];
            // one division, then multiplications: a division costs several times more
            double inverse = 1.0 / sum;
            for (int j = 0; j < k; j++) {
                e[j] *= inverse;
            }
        }
        this.probabilities = p;
        if (this.labels == null || this.labels.length != labels.length) {
            this.labels = new int[labels.length];
        }
        // a copy: the caller may change its array before backward
        System.arraycopy(labels, 0, this.labels, 0, labels.length);
        return total / logits.length;
        // END SOLUTION
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
        // BEGIN SOLUTION Task 6.4: return the gradient of the last loss with respect to its logits
        //     (README.md, "Task 6.4"); refuse a backward pass before any forward one
        if (probabilities == null) {
            throw new IllegalStateException("backward needs a forward pass first");
        }
        int batch = probabilities.length;
        int k = probabilities[0].length;
        double[][] g = Matrices.reuse(gradient, batch, k);
        double scale = 1.0 / batch;
        for (int r = 0; r < batch; r++) {
            double[] p = probabilities[r];
            double[] gr = g[r];
            for (int j = 0; j < k; j++) {
                gr[j] = p[j] * scale;
            }
            // the one-hot label's -1: only the true class's logit is pulled up
            gr[labels[r]] -= scale;
        }
        this.gradient = g;
        return g;
        // END SOLUTION
    }

    /**
     * The softmax of each row, stable for any finite logits.
     *
     * @param logits the scores, one row per example
     * @return the probabilities, each row positive-or-zero and summing to 1
     * @throws IllegalArgumentException if {@code logits} is null, empty, ragged or not finite
     */
    public static double[][] softmax(double[][] logits) {
        // BEGIN SOLUTION Task 6.4: return the softmax of each row, stable for any finite logits
        //     (README.md, "Task 6.4"); reject bad input as the Javadoc's @throws says
        int k = Checks.requireMatrix(logits, "logits", -1);
        double[][] p = new double[logits.length][k];
        for (int r = 0; r < logits.length; r++) {
            double max = max(logits[r]);
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                // shifting by the max changes nothing mathematically and keeps every exponent at most 0
                p[r][j] = Math.exp(logits[r][j] - max);
                sum += p[r][j];
            }
            for (int j = 0; j < k; j++) {
                p[r][j] /= sum;
            }
        }
        return p;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    private static double max(double[] z) {
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        return max;
    }
    // END SOLUTION ONLY

    // BEGIN SOLUTION ONLY
    private static void checkLabels(int[] labels, int batch, int classes) {
        Checks.requireNonNull(labels, "labels");
        if (labels.length != batch) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, expected one per row of "
                + "logits: " + batch);
        }
        for (int r = 0; r < batch; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException("labels[" + r + "] = " + labels[r] + " is not a class in [0, "
                    + classes + ")");
            }
        }
    }
    // END SOLUTION ONLY
}
