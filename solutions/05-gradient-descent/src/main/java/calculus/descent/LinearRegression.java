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

    private final double[][] x;
    private final double[] y;

    /**
     * The mean squared error on a data set.
     *
     * @param x one row of <em>k</em> features per example, every row as long, <em>k</em> ≥ 1
     * @param y one target per example
     * @throws IllegalArgumentException if an argument or a row is null, there is no example or no feature, the rows
     *                                  differ in length, or {@code x} and {@code y} hold different numbers of examples
     */
    public LinearRegression(double[][] x, double[] y) {
        // BEGIN SOLUTION Task 5.4 [new LinearRegression(x, y)]: keep copies of the data, row by row
        //     (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(x, "x");
        Checks.requireNonNull(y, "y");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must hold at least one example, got x.length = 0");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must hold as many examples, got x.length = " + x.length
                + " and y.length = " + y.length);
        }
        Checks.requireNonNull(x[0], "x[0]");
        if (x[0].length == 0) {
            throw new IllegalArgumentException("x must have at least one feature, got x[0].length = 0");
        }
        this.x = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            this.x[i] = Checks.requireSameLength(x[0], "x[0]", x[i], "x[" + i + "]").clone();
        }
        this.y = y.clone();
        // END SOLUTION
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
        // BEGIN SOLUTION Task 5.4: return the run of your Minimizer with gradient descent on this loss, from all
        //     parameters zero (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        LinearRegression loss = new LinearRegression(x, y);
        // the loop and the step are the ones of Tasks 5.1 and 5.2: a model is only a new objective
        return Minimizer.minimize(loss, new double[loss.dimension()], new GradientDescent(learningRate), tolerance,
            maxIterations);
        // END SOLUTION
    }

    /**
     * The number of features <em>k</em>.
     *
     * @return <em>k</em>
     */
    public int features() {
        // BEGIN SOLUTION Task 5.4: return the number of features (README.md, "Task 5.4")
        return x[0].length;
        // END SOLUTION
    }

    /** {@inheritDoc} Here <em>k</em> + 1: the weights, then the bias. */
    @Override
    public int dimension() {
        // BEGIN SOLUTION Task 5.4: return the number of parameters: the weights, then the bias (README.md, "Task 5.4")
        return features() + 1;
        // END SOLUTION
    }

    @Override
    public int size() {
        // BEGIN SOLUTION Task 5.4: return the number of examples (README.md, "Task 5.4")
        return y.length;
        // END SOLUTION
    }

    /**
     * The mean squared error <em>L</em>(<em>θ</em>) = (1/<em>n</em>) Σ <em>r</em><sub><em>i</em></sub><sup>2</sup>.
     *
     * @throws IllegalArgumentException if {@code theta} is null or not of length <em>k</em> + 1
     */
    @Override
    public double value(double[] theta) {
        // BEGIN SOLUTION Task 5.4: return the mean squared error at theta (README.md, "Task 5.4"); reject bad input as
        //     the Javadoc's @throws says
        Checks.requireLength(theta, "theta", dimension());
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double r = residual(theta, i);
            sum += r * r;
        }
        return sum / y.length;
        // END SOLUTION
    }

    /**
     * The full gradient ∇<em>L</em>(<em>θ</em>): the batch gradient over every example.
     *
     * @throws IllegalArgumentException if {@code theta} is null or not of length <em>k</em> + 1
     */
    @Override
    public double[] gradient(double[] theta) {
        // BEGIN SOLUTION Task 5.4: return the gradient of the mean squared error at theta, over every example
        //     (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        int[] all = new int[y.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return batchGradient(theta, all);
        // END SOLUTION
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
        // BEGIN SOLUTION Task 5.4: return the gradient of the mean squared error at theta, over the examples of the
        //     batch (README.md, "Task 5.4"); reject bad input as the Javadoc's @throws says
        Checks.requireLength(theta, "theta", dimension());
        Checks.requireNonNull(batch, "batch");
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least one example, got batch.length = 0");
        }
        int k = features();
        double[] g = new double[k + 1];
        for (int i : batch) {
            if (i < 0 || i >= y.length) {
                throw new IllegalArgumentException("batch indices must be in [0, " + y.length + "), got " + i);
            }
            // chain rule: d(r^2)/d theta = 2 r * dr/d theta, and dr/dw_j = x_ij, dr/db = 1
            double twoR = 2 * residual(theta, i);
            for (int j = 0; j < k; j++) {
                g[j] += twoR * x[i][j];
            }
            g[k] += twoR;
        }
        for (int j = 0; j <= k; j++) {
            g[j] /= batch.length;
        }
        return g;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    /** r<sub>i</sub> = w·x<sub>i</sub> + b − y<sub>i</sub>. */
    private double residual(double[] theta, int i) {
        int k = features();
        double prediction = theta[k];
        for (int j = 0; j < k; j++) {
            prediction += theta[j] * x[i][j];
        }
        return prediction - y[i];
    }
    // END SOLUTION ONLY
}
