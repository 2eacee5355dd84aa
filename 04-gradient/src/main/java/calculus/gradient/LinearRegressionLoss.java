package calculus.gradient;

/**
 * The mean squared error of linear regression with <em>k</em> features, L2-regularised, and its exact gradient.
 *
 * <p>The model predicts <em>ŷ</em> = <em>w</em>·<em>x</em> + <em>b</em> from the features <em>x</em> ∈
 * R<sup><em>k</em></sup>. Its parameters are one vector θ = (<em>w</em><sub>1</sub>, …,
 * <em>w</em><sub><em>k</em></sub>, <em>b</em>) of length <em>k</em> + 1, <b>the bias last</b>. On <em>m</em>
 * examples (<em>x</em><sub><em>i</em></sub>, <em>y</em><sub><em>i</em></sub>) with residuals
 * <em>r</em><sub><em>i</em></sub> = <em>w</em>·<em>x</em><sub><em>i</em></sub> + <em>b</em> −
 * <em>y</em><sub><em>i</em></sub>, the loss is
 *
 * <p><em>L</em>(θ) = (1/<em>m</em>) Σ<sub><em>i</em></sub> <em>r</em><sub><em>i</em></sub><sup>2</sup> +
 * (λ/2) ‖<em>w</em>‖<sup>2</sup>
 *
 * <p>and its gradient
 *
 * <p>&part;<em>L</em>/&part;<em>w</em><sub><em>j</em></sub> = (2/<em>m</em>) Σ<sub><em>i</em></sub>
 * <em>r</em><sub><em>i</em></sub> <em>x</em><sub><em>ij</em></sub> + λ <em>w</em><sub><em>j</em></sub>,
 * &nbsp; &part;<em>L</em>/&part;<em>b</em> = (2/<em>m</em>) Σ<sub><em>i</em></sub>
 * <em>r</em><sub><em>i</em></sub>.
 *
 * <p><b>Conventions</b> (each one a factor that papers and libraries choose differently):
 * <ul>
 *   <li>the <b>mean</b> over examples, not the sum, so the loss and the gradient do not grow with the data set;</li>
 *   <li>the square of the residual with no ½ in front: its derivative brings down the factor 2;</li>
 *   <li>the penalty is (λ/2)‖<em>w</em>‖<sup>2</sup>, whose gradient is λ<em>w</em> (not 2λ<em>w</em>);</li>
 *   <li>the <b>bias is not regularised</b>: shrinking <em>b</em> towards 0 would pull every prediction towards 0,
 *       which only helps when the targets happen to be centred.</li>
 * </ul>
 */
public final class LinearRegressionLoss {

    private LinearRegressionLoss() {
    }

    /**
     * The loss <em>L</em>(θ) = (1/<em>m</em>) Σ (<em>w</em>·<em>x</em><sub><em>i</em></sub> + <em>b</em> −
     * <em>y</em><sub><em>i</em></sub>)<sup>2</sup> + (λ/2)‖<em>w</em>‖<sup>2</sup>.
     *
     * @param theta  the parameters (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>, <em>b</em>), the
     *               bias last, length <em>k</em> + 1
     * @param x      the features, one row of length <em>k</em> per example
     * @param y      the targets, one per example
     * @param lambda the regularisation strength λ &ge; 0 (0 for no regularisation)
     * @return the loss, &ge; 0
     * @throws IllegalArgumentException if an argument is null or empty, has a NaN or infinite entry, if the rows of
     *                                  {@code x} differ in length, if {@code y} has not one entry per row or
     *                                  {@code theta} not one more than a row, or if {@code lambda} is negative
     */
    public static double value(double[] theta, double[][] x, double[] y, double lambda) {
        // TODO(Task 4.4): return the regularised mean squared error of the linear model theta on the data
        //     (README.md, "Task 4.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.4: LinearRegressionLoss.value");
    }

    /**
     * The gradient ∇<em>L</em>(θ), in the order of θ: (&part;<em>L</em>/&part;<em>w</em><sub>1</sub>, …,
     * &part;<em>L</em>/&part;<em>w</em><sub><em>k</em></sub>, &part;<em>L</em>/&part;<em>b</em>).
     *
     * @param theta  the parameters (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>, <em>b</em>), the
     *               bias last, length <em>k</em> + 1
     * @param x      the features, one row of length <em>k</em> per example
     * @param y      the targets, one per example
     * @param lambda the regularisation strength λ &ge; 0 (0 for no regularisation)
     * @return a new array of length <em>k</em> + 1
     * @throws IllegalArgumentException as {@link #value}
     */
    public static double[] gradient(double[] theta, double[][] x, double[] y, double lambda) {
        // TODO(Task 4.4): return the gradient of that loss with respect to theta (README.md, "Task 4.4");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.4: LinearRegressionLoss.gradient");
    }
}
