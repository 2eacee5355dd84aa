package calculus.gradient;

/**
 * The cross-entropy of logistic regression with <em>k</em> features, L2-regularised, and its exact gradient,
 * computed without overflow at any logit.
 *
 * <p>The model gives the probability that an example with features <em>x</em> ∈ R<sup><em>k</em></sup> has
 * label 1 as σ(<em>z</em>), with the logit <em>z</em> = <em>w</em>·<em>x</em> + <em>b</em> and σ the
 * {@linkplain Sigmoid sigmoid}. Its parameters are one vector θ = (<em>w</em><sub>1</sub>, …,
 * <em>w</em><sub><em>k</em></sub>, <em>b</em>), <b>the bias last</b>. On <em>m</em> examples with labels
 * <em>y</em><sub><em>i</em></sub> ∈ {0, 1} the loss is the mean negative log-likelihood plus a penalty,
 *
 * <p><em>L</em>(θ) = −(1/<em>m</em>) Σ<sub><em>i</em></sub> [<em>y</em><sub><em>i</em></sub> log
 * σ(<em>z</em><sub><em>i</em></sub>) + (1 − <em>y</em><sub><em>i</em></sub>) log(1 −
 * σ(<em>z</em><sub><em>i</em></sub>))] + (λ/2) ‖<em>w</em>‖<sup>2</sup>,
 *
 * <p>and, because &part;/&part;<em>z</em> of the bracket is <em>y</em> − σ(<em>z</em>), its gradient has the
 * same shape as that of least squares, with σ(<em>z</em><sub><em>i</em></sub>) − <em>y</em><sub><em>i</em></sub>
 * in place of the residual:
 *
 * <p>&part;<em>L</em>/&part;<em>w</em><sub><em>j</em></sub> = (1/<em>m</em>) Σ<sub><em>i</em></sub>
 * (σ(<em>z</em><sub><em>i</em></sub>) − <em>y</em><sub><em>i</em></sub>) <em>x</em><sub><em>ij</em></sub> + λ
 * <em>w</em><sub><em>j</em></sub>, &nbsp; &part;<em>L</em>/&part;<em>b</em> = (1/<em>m</em>)
 * Σ<sub><em>i</em></sub> (σ(<em>z</em><sub><em>i</em></sub>) − <em>y</em><sub><em>i</em></sub>).
 *
 * <p><b>Conventions</b>, the same as {@link LinearRegressionLoss}: the mean over examples, the penalty
 * (λ/2)‖<em>w</em>‖<sup>2</sup> with gradient λ<em>w</em>, and the bias not regularised. (There is no factor 2
 * here: the log-likelihood has no square.)
 *
 * <p><b>Numerical limits.</b> With log σ(<em>z</em>) and log(1 − σ(<em>z</em>)) = log σ(−<em>z</em>) taken from
 * {@link Sigmoid#logSigmoid}, the loss is finite and exact at logits of ±1000, where the textbook formula gives
 * log 0 = −∞ and then 0·(−∞) = NaN; a confidently wrong example then costs about |<em>z</em>|, as it should.
 */
public final class LogisticRegressionLoss {

    private LogisticRegressionLoss() {
    }

    /**
     * The loss <em>L</em>(θ), the mean cross-entropy plus (λ/2)‖<em>w</em>‖<sup>2</sup>.
     *
     * @param theta  the parameters (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>, <em>b</em>), the
     *               bias last, length <em>k</em> + 1
     * @param x      the features, one row of length <em>k</em> per example
     * @param labels the labels, one per example, each 0 or 1
     * @param lambda the regularisation strength λ &ge; 0 (0 for no regularisation)
     * @return the loss, &ge; 0, finite at every finite logit
     * @throws IllegalArgumentException if an argument is null or empty, has a NaN or infinite entry, if the rows of
     *                                  {@code x} differ in length, if {@code labels} has not one entry per row or a
     *                                  label other than 0 and 1, if {@code theta} is not one longer than a row, or
     *                                  if {@code lambda} is negative
     */
    public static double value(double[] theta, double[][] x, int[] labels, double lambda) {
        // BEGIN SOLUTION Task 4.4: return the regularised mean cross-entropy of the logistic model theta on the data,
        //     finite at every finite logit (README.md, "Task 4.4"); reject bad input as the Javadoc's @throws says
        check(theta, x, labels, lambda);
        int m = x.length;
        double sum = 0.0;
        for (int i = 0; i < m; i++) {
            double z = LinearModel.apply(theta, x[i]);
            // -log P(label): -log sigma(z) for label 1, -log(1 - sigma(z)) = -log sigma(-z) for label 0
            sum -= labels[i] == 1 ? Sigmoid.logSigmoid(z) : Sigmoid.logSigmoid(-z);
        }
        return sum / m + 0.5 * lambda * LinearModel.weightsSquared(theta);
        // END SOLUTION
    }

    /**
     * The gradient ∇<em>L</em>(θ), in the order of θ: (&part;<em>L</em>/&part;<em>w</em><sub>1</sub>, …,
     * &part;<em>L</em>/&part;<em>w</em><sub><em>k</em></sub>, &part;<em>L</em>/&part;<em>b</em>).
     *
     * @param theta  the parameters (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>, <em>b</em>), the
     *               bias last, length <em>k</em> + 1
     * @param x      the features, one row of length <em>k</em> per example
     * @param labels the labels, one per example, each 0 or 1
     * @param lambda the regularisation strength λ &ge; 0 (0 for no regularisation)
     * @return a new array of length <em>k</em> + 1, finite at every finite logit
     * @throws IllegalArgumentException as {@link #value}
     */
    public static double[] gradient(double[] theta, double[][] x, int[] labels, double lambda) {
        // BEGIN SOLUTION Task 4.4: return the gradient of that loss with respect to theta, finite at every finite logit
        //     (README.md, "Task 4.4"); reject bad input as the Javadoc's @throws says
        check(theta, x, labels, lambda);
        int m = x.length;
        int k = theta.length - 1;
        double[] gradient = new double[k + 1];
        for (int i = 0; i < m; i++) {
            // chain rule: dL_i/dz = sigma(z) - y, then dz/dw_j = x_ij and dz/db = 1
            double error = Sigmoid.sigmoid(LinearModel.apply(theta, x[i])) - labels[i];
            for (int j = 0; j < k; j++) {
                gradient[j] += error * x[i][j] / m;
            }
            gradient[k] += error / m;
        }
        // d/dw_j of (lambda/2) |w|^2 is lambda w_j; the bias is not in the penalty
        for (int j = 0; j < k; j++) {
            gradient[j] += lambda * theta[j];
        }
        return gradient;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    private static void check(double[] theta, double[][] x, int[] labels, double lambda) {
        Checks.requireNonNull(labels, "labels");
        LinearModel.check(theta, x, "labels", labels.length, lambda);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got labels[" + i + "] = " + labels[i]);
            }
        }
    }
    // END SOLUTION ONLY
}
