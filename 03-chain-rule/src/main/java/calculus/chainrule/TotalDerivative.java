package calculus.chainrule;

import java.util.List;
import java.util.function.Function;

/**
 * The multivariable chain rule: the rate of change of <em>z</em> = <em>f</em>(<em>x</em><sub>1</sub>(<em>t</em>),
 * ..., <em>x</em><sub><em>n</em></sub>(<em>t</em>)) along a path <em>t</em> ↦ <em>x</em>(<em>t</em>),
 *
 * <p>d<em>z</em>/d<em>t</em> = Σ<sub><em>i</em></sub>
 * &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>(<em>t</em>)) ·
 * d<em>x</em><sub><em>i</em></sub>/d<em>t</em>(<em>t</em>) = ∇<em>f</em>(<em>x</em>(<em>t</em>)) ·
 * <em>x</em>′(<em>t</em>).
 *
 * <p>Each coordinate is a route by which <em>t</em> reaches <em>z</em>; along route <em>i</em> the one-variable
 * chain rule gives &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub> · <em>x</em><sub><em>i</em></sub>′, and
 * the routes add up. Example: <em>z</em> = <em>x</em><em>y</em> with <em>x</em> = cos <em>t</em>, <em>y</em> =
 * sin <em>t</em> gives d<em>z</em>/d<em>t</em> = <em>y</em>·(−sin <em>t</em>) + <em>x</em>·cos <em>t</em> =
 * cos 2<em>t</em>. This sum over routes is exactly what backpropagation computes when a value feeds several
 * others.
 */
public final class TotalDerivative {

    private TotalDerivative() {
    }

    /**
     * The derivative d<em>z</em>/d<em>t</em> of <em>z</em> = <em>f</em>(<em>x</em>(<em>t</em>)) at {@code t}.
     *
     * @param gradient the gradient of <em>f</em>: given a point <em>x</em> of <em>n</em> coordinates, the
     *                 <em>n</em> partial derivatives
     *                 &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>); the values of <em>f</em>
     *                 itself are not needed
     * @param path     the coordinates <em>x</em><sub>1</sub>(<em>t</em>), ...,
     *                 <em>x</em><sub><em>n</em></sub>(<em>t</em>) of the path, each with its derivative
     * @param t        the point on the path
     * @return Σ<sub><em>i</em></sub> &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>(<em>t</em>)) ·
     *     <em>x</em><sub><em>i</em></sub>′(<em>t</em>)
     * @throws IllegalArgumentException if {@code gradient} or {@code path} is null, the path is empty or holds a
     *                                  null (naming its index), or the gradient does not return one partial
     *                                  derivative per coordinate (naming both counts)
     */
    public static double derivative(Function<double[], double[]> gradient, List<Differentiable> path, double t) {
        // TODO(Task 3.4): return the rate of change of f along the path at t, by the multivariable chain rule
        //     (README.md, "Task 3.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 3.4: TotalDerivative.derivative");
    }
}
