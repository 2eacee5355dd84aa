package calculus.descent;

/**
 * A differentiable function <em>f</em>: R<sup><em>n</em></sup> → R to be minimised: its value and its gradient.
 *
 * <p>Every optimizer of this module sees a function only through this interface. The gradient is whatever the
 * implementation says it is: a wrong gradient is not detected here, it shows as a descent that does not descend
 * (module 4 is where gradients are checked against finite differences).
 */
public interface Objective {

    /**
     * The number of variables <em>n</em>.
     *
     * @return <em>n</em>, at least 1
     */
    int dimension();

    /**
     * The value <em>f</em>(<em>x</em>).
     *
     * @param x a point of dimension {@link #dimension()}; not changed
     * @return <em>f</em>(<em>x</em>), NaN or infinite where <em>f</em> is not defined or overflows
     */
    double value(double[] x);

    /**
     * The gradient ∇<em>f</em>(<em>x</em>) = (&part;<em>f</em>/&part;<em>x</em><sub>1</sub>, …,
     * &part;<em>f</em>/&part;<em>x</em><sub><em>n</em></sub>).
     *
     * @param x a point of dimension {@link #dimension()}; not changed
     * @return a new array of length {@link #dimension()}
     */
    double[] gradient(double[] x);
}
