package calculus.chainrule;

import java.util.List;

/**
 * A chain of functions applied one after the other, <em>f</em><sub><em>n</em></sub> ∘ ... ∘
 * <em>f</em><sub>2</sub> ∘ <em>f</em><sub>1</sub>, differentiated in one forward pass.
 *
 * <p>With <em>v</em><sub>0</sub> = <em>x</em> and <em>v</em><sub><em>k</em></sub> =
 * <em>f</em><sub><em>k</em></sub>(<em>v</em><sub><em>k</em>−1</sub>), the chain rule applied <em>n</em> − 1 times
 * gives a product of local slopes, each taken at the value that enters its function:
 *
 * <p>d<em>v</em><sub><em>n</em></sub>/d<em>x</em> = <em>f</em><sub><em>n</em></sub>′(<em>v</em><sub><em>n</em>−1</sub>)
 * · ... · <em>f</em><sub>2</sub>′(<em>v</em><sub>1</sub>) · <em>f</em><sub>1</sub>′(<em>v</em><sub>0</sub>).
 *
 * <p>One loop computes it: carry the pair (<em>v</em>, d<em>v</em>/d<em>x</em>) from (<em>x</em>, 1) through the
 * functions, updating d<em>v</em>/d<em>x</em> ← <em>f</em><sub><em>k</em></sub>′(<em>v</em>) · d<em>v</em>/d<em>x</em>
 * before <em>v</em> ← <em>f</em><sub><em>k</em></sub>(<em>v</em>). That is <em>forward-mode</em> differentiation: each
 * function is evaluated once and its derivative once, the work grows linearly with <em>n</em>, and no recursion is
 * needed, so a chain of 100 000 functions (a very deep, very thin network) is as easy as a chain of three.
 *
 * <p>The functions are listed in the order they are applied: {@code Chain.of(List.of(g, f))} is
 * <em>f</em>(<em>g</em>(<em>x</em>)). An empty chain is the identity: value <em>x</em>, derivative 1 (the empty
 * product).
 */
public final class Chain implements Differentiable {

    private List<Differentiable> functions;

    private Chain(List<Differentiable> functions) {
        this.functions = functions;
    }

    /**
     * The chain of the given functions, in the order they are applied (innermost first).
     *
     * @param functions the functions <em>f</em><sub>1</sub>, ..., <em>f</em><sub><em>n</em></sub>; the list is
     *                  copied, so changing it later does not change the chain
     * @return the chain
     * @throws IllegalArgumentException if {@code functions} is null or holds a null, naming its index
     */
    public static Chain of(List<Differentiable> functions) {
        // TODO(Task 3.2): return the chain of these functions in order, safe from later changes to the list
        //     (README.md, "Task 3.2"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 3.2: Chain.of");
    }

    /**
     * The number of functions in the chain.
     *
     * @return <em>n</em>
     */
    public int length() {
        return functions.size();
    }

    /**
     * The value <em>f</em><sub><em>n</em></sub>(...<em>f</em><sub>2</sub>(<em>f</em><sub>1</sub>(<em>x</em>))...),
     * computed in a loop.
     *
     * @param x the point
     * @return the value of the chain at {@code x}
     */
    @Override
    public double value(double x) {
        // TODO(Task 3.2): return the value of the chain at x, in a loop: a chain may be very long
        //     (README.md, "Task 3.2")
        throw new UnsupportedOperationException("Task 3.2: Chain.value");
    }

    /**
     * The derivative of the chain at {@code x}, in one forward pass: each function's value and derivative are
     * evaluated exactly once.
     *
     * @param x the point
     * @return the product of the local slopes <em>f</em><sub><em>k</em></sub>′(<em>v</em><sub><em>k</em>−1</sub>)
     */
    @Override
    public double derivative(double x) {
        // TODO(Task 3.2): return the derivative of the chain at x, in one forward pass (README.md, "Task 3.2")
        throw new UnsupportedOperationException("Task 3.2: Chain.derivative");
    }
}
