package calculus.chainrule;

/**
 * The chain rule for a composition of two functions:
 *
 * <p>(<em>f</em> ∘ <em>g</em>)′(<em>x</em>) = <em>f</em>′(<em>g</em>(<em>x</em>)) · <em>g</em>′(<em>x</em>).
 *
 * <p>The outer derivative <em>f</em>′ is taken <em>at the inner value</em> <em>g</em>(<em>x</em>), where
 * <em>f</em> is actually evaluated, and then scaled by how fast the inner function moves, <em>g</em>′(<em>x</em>).
 * Example: for <em>f</em> = sin and <em>g</em>(<em>x</em>) = <em>x</em><sup>2</sup>,
 * (sin <em>x</em><sup>2</sup>)′ = cos(<em>x</em><sup>2</sup>) · 2<em>x</em>; at <em>x</em> = 1.5 that is
 * cos(2.25) · 3 ≈ −1.884.
 *
 * <p>The result is exact whenever <em>f</em>′ and <em>g</em>′ are: no step size, no truncation error, only the
 * round-off of one multiplication.
 */
public final class ChainRule {

    private ChainRule() {
    }

    /**
     * The composition <em>f</em> ∘ <em>g</em>: <em>x</em> ↦ <em>f</em>(<em>g</em>(<em>x</em>)), with its derivative
     * by the chain rule.
     *
     * @param outer the outer function <em>f</em>, applied second
     * @param inner the inner function <em>g</em>, applied first
     * @return the composition, whose {@code value(x)} is <em>f</em>(<em>g</em>(<em>x</em>)) and whose
     *     {@code derivative(x)} is <em>f</em>′(<em>g</em>(<em>x</em>)) · <em>g</em>′(<em>x</em>)
     * @throws IllegalArgumentException if {@code outer} or {@code inner} is null
     */
    public static Differentiable compose(Differentiable outer, Differentiable inner) {
        // BEGIN SOLUTION Task 3.1: return the composition of outer after inner, its derivative by the chain rule
        //     (README.md, "Task 3.1"); reject bad input as the Javadoc's @throws says
        if (outer == null) {
            throw new IllegalArgumentException("outer must not be null");
        }
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        return new Differentiable() {
            @Override
            public double value(double x) {
                return outer.value(inner.value(x));
            }

            @Override
            public double derivative(double x) {
                // chain rule: (f o g)'(x) = f'(g(x)) * g'(x), the outer slope taken where f is evaluated
                double u = inner.value(x);
                return outer.derivative(u) * inner.derivative(x);
            }
        };
        // END SOLUTION
    }
}
