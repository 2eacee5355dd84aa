package calculus.partials;

/**
 * The mean squared error of the line <em>y</em> = <em>w</em><em>x</em> + <em>b</em> on a data set, as a function of
 * its two parameters, and its two partial derivatives in closed form.
 *
 * <p>For data (<em>x</em><sub>1</sub>, <em>y</em><sub>1</sub>), …, (<em>x</em><sub><em>n</em></sub>,
 * <em>y</em><sub><em>n</em></sub>) and the residuals
 * <em>r</em><sub><em>k</em></sub> = <em>w</em><em>x</em><sub><em>k</em></sub> + <em>b</em> −
 * <em>y</em><sub><em>k</em></sub> (prediction minus target), the loss is the <b>mean</b> of the squared residuals,
 * <b>without</b> a factor ½:
 *
 * <p><em>L</em>(<em>w</em>, <em>b</em>) =
 * (1/<em>n</em>) Σ<sub><em>k</em></sub> <em>r</em><sub><em>k</em></sub><sup>2</sup>.
 *
 * <p>Holding <em>b</em> still and moving <em>w</em>, then the other way round, the chain rule on each square
 * (&part;<em>r</em><sup>2</sup> = 2<em>r</em> &part;<em>r</em>, with
 * &part;<em>r</em><sub><em>k</em></sub>/&part;<em>w</em> = <em>x</em><sub><em>k</em></sub> and
 * &part;<em>r</em><sub><em>k</em></sub>/&part;<em>b</em> = 1) gives
 *
 * <p>&part;<em>L</em>/&part;<em>w</em> = (2/<em>n</em>) Σ<sub><em>k</em></sub> <em>r</em><sub><em>k</em></sub>
 * <em>x</em><sub><em>k</em></sub>, &nbsp;&nbsp;
 * &part;<em>L</em>/&part;<em>b</em> = (2/<em>n</em>) Σ<sub><em>k</em></sub> <em>r</em><sub><em>k</em></sub>.
 *
 * <p>Other books use the sum instead of the mean, or put a ½ in front to cancel the 2: their partials differ from
 * these by the factor <em>n</em> or 2. The minimum is the same line whatever the convention; the partials, and so a
 * gradient-descent step, are not.
 *
 * <p>Instances are immutable: the data are copied when the loss is made.
 */
public final class LineLoss {

    private double[] x;
    private double[] y;

    /**
     * The mean squared error of a line on the data ({@code x[k]}, {@code y[k]}).
     *
     * @param x the inputs; copied
     * @param y the targets, one per input; copied
     * @throws IllegalArgumentException if {@code x} or {@code y} is {@code null} or empty, their lengths differ, or
     *                                  a value is NaN or infinite
     */
    public LineLoss(double[] x, double[] y) {
        Checks.requireVector(x, "x");
        Checks.requireVector(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got x.length = " + x.length
                + ", y.length = " + y.length);
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    /**
     * The number of data points <em>n</em>.
     *
     * @return <em>n</em>
     */
    public int size() {
        return x.length;
    }

    /**
     * <em>L</em>(<em>w</em>, <em>b</em>) = (1/<em>n</em>) Σ<sub><em>k</em></sub>
     * (<em>w</em><em>x</em><sub><em>k</em></sub> + <em>b</em> − <em>y</em><sub><em>k</em></sub>)<sup>2</sup>.
     *
     * @param w the slope
     * @param b the intercept
     * @return the mean squared error of the line
     */
    public double value(double w, double b) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            double r = residual(w, b, k);
            sum += r * r;
        }
        return sum / x.length;
    }

    /**
     * &part;<em>L</em>/&part;<em>w</em> = (2/<em>n</em>) Σ<sub><em>k</em></sub>
     * (<em>w</em><em>x</em><sub><em>k</em></sub> + <em>b</em> − <em>y</em><sub><em>k</em></sub>)
     * <em>x</em><sub><em>k</em></sub>: how fast the loss changes when the slope moves and the intercept holds still.
     *
     * @param w the slope
     * @param b the intercept
     * @return the partial derivative of the loss with respect to <em>w</em> at (<em>w</em>, <em>b</em>)
     */
    public double partialW(double w, double b) {
        // TODO(Task 2.3): return the partial derivative of the loss with respect to the slope, at the line (w,
        //     b) (README.md, "Task 2.3")
        throw new UnsupportedOperationException("Task 2.3: LineLoss.partialW");
    }

    /**
     * &part;<em>L</em>/&part;<em>b</em> = (2/<em>n</em>) Σ<sub><em>k</em></sub>
     * (<em>w</em><em>x</em><sub><em>k</em></sub> + <em>b</em> − <em>y</em><sub><em>k</em></sub>): how fast the loss
     * changes when the intercept moves and the slope holds still.
     *
     * @param w the slope
     * @param b the intercept
     * @return the partial derivative of the loss with respect to <em>b</em> at (<em>w</em>, <em>b</em>)
     */
    public double partialB(double w, double b) {
        // TODO(Task 2.3): return the partial derivative of the loss with respect to the intercept, at the line
        //     (w, b) (README.md, "Task 2.3")
        throw new UnsupportedOperationException("Task 2.3: LineLoss.partialB");
    }

    /** Prediction minus target for example k: in this order the chain rule brings no minus sign (dr/dw = +x_k). */
    private double residual(double w, double b, int k) {
        return w * x[k] + b - y[k];
    }
}
