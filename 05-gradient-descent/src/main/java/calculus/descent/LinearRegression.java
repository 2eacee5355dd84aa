package calculus.descent;

/**
 * Least-squares linear regression as an objective: the mean squared error of the model
 * <em>ŷ</em> = <em>w</em>·<em>x</em> + <em>b</em> on a data set (<em>x</em><sub><em>i</em></sub>,
 * <em>y</em><sub><em>i</em></sub>), <em>i</em> = 1 … <em>n</em>, as a function of the parameters
 * <em>θ</em> = (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>, <em>b</em>), bias last:
 *
 * <p><em>L</em>(<em>θ</em>) = (1/<em>n</em>) Σ<sub><em>i</em></sub> <em>r</em><sub><em>i</em></sub><sup>2</sup>,
 * with the residual <em>r</em><sub><em>i</em></sub> = <em>w</em>·<em>x</em><sub><em>i</em></sub> + <em>b</em> −
 * <em>y</em><sub><em>i</em></sub>;
 * &part;<em>L</em>/&part;<em>w</em><sub><em>j</em></sub> = (2/<em>n</em>) Σ<sub><em>i</em></sub>
 * <em>r</em><sub><em>i</em></sub> <em>x</em><sub><em>ij</em></sub> and &part;<em>L</em>/&part;<em>b</em> =
 * (2/<em>n</em>) Σ<sub><em>i</em></sub> <em>r</em><sub><em>i</em></sub>.
 *
 * <p><em>L</em> is a convex quadratic in <em>θ</em>, so gradient descent with a small enough rate finds its unique
 * minimum (when the features are not collinear): the same answer as the closed-form normal equations
 * <em>X</em><sup>T</sup><em>X</em> <em>θ</em> = <em>X</em><sup>T</sup><em>y</em>, reached by a method that also
 * works for models that have no closed form. The data are copied when the objective is made.
 */
public final class LinearRegression implements FiniteSum {

    private double[][] x;
    private double[] y;

    /**
     * The mean squared error on a data set.
     *
     * @param x one row of <em>k</em> features per example, every row as long, <em>k</em> ≥ 1
     * @param y one target per example
     * @throws IllegalArgumentException if an argument or a row is null, there is no example or no feature, the rows
     *                                  differ in length, or {@code x} and {@code y} hold different numbers of examples
     */
    public LinearRegression(double[][] x, double[] y) {
        // TODO(Task 5.4): keep copies of the data, row by row
        //     (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.4: new LinearRegression(x, y)");
    }

    /**
     * Fits <em>w</em> and <em>b</em> by gradient descent from <em>θ</em> = 0.
     *
     * @param x             one row of features per example
     * @param y             one target per example
     * @param learningRate  the step size of gradient descent
     * @param tolerance     stop when ‖∇<em>L</em>(<em>θ</em>)‖ ≤ {@code tolerance}
     * @param maxIterations the largest number of steps
     * @return the run, whose point is <em>θ</em> = (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>,
     *     <em>b</em>)
     * @throws IllegalArgumentException for bad data (see the constructor) or bad settings (see
     *                                  {@link Minimizer#minimize})
     */
    public static Result fit(double[][] x, double[] y, double learningRate, double tolerance, int maxIterations) {
        // TODO(Task 5.4): return the run of your Minimizer with gradient descent on this loss, from all
        //     parameters zero (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.fit");
    }

    /**
     * The number of features <em>k</em>.
     *
     * @return <em>k</em>
     */
    public int features() {
        // TODO(Task 5.4): return the number of features (README.md, "Task 5.4")
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.features");
    }

    /** {@inheritDoc} Here <em>k</em> + 1: the weights, then the bias. */
    @Override
    public int dimension() {
        // TODO(Task 5.4): return the number of parameters: the weights, then the bias (README.md, "Task 5.4")
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.dimension");
    }

    @Override
    public int size() {
        // TODO(Task 5.4): return the number of examples (README.md, "Task 5.4")
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.size");
    }

    /**
     * The mean squared error <em>L</em>(<em>θ</em>) = (1/<em>n</em>) Σ <em>r</em><sub><em>i</em></sub><sup>2</sup>.
     *
     * @throws IllegalArgumentException if {@code theta} is null or not of length <em>k</em> + 1
     */
    @Override
    public double value(double[] theta) {
        // TODO(Task 5.4): return the mean squared error at theta (README.md, "Task 5.4"); reject bad input as
        //     the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.value");
    }

    /**
     * The full gradient ∇<em>L</em>(<em>θ</em>): the batch gradient over every example.
     *
     * @throws IllegalArgumentException if {@code theta} is null or not of length <em>k</em> + 1
     */
    @Override
    public double[] gradient(double[] theta) {
        // TODO(Task 5.4): return the gradient of the mean squared error at theta, over every example
        //     (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.gradient");
    }

    /**
     * The mean over the batch <em>B</em> of the examples' gradients: (2/|<em>B</em>|)
     * Σ<sub><em>i</em> ∈ <em>B</em></sub> <em>r</em><sub><em>i</em></sub> (<em>x</em><sub><em>i</em></sub>, 1).
     * An index that appears twice counts twice.
     *
     * @throws IllegalArgumentException if {@code theta} is null or not of length <em>k</em> + 1, or {@code batch}
     *                                  is null, empty or holds an index outside [0, <em>n</em>)
     */
    @Override
    public double[] batchGradient(double[] theta, int[] batch) {
        // TODO(Task 5.4): return the gradient of the mean squared error at theta, over the examples of the
        //     batch (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.4: LinearRegression.batchGradient");
    }
}
