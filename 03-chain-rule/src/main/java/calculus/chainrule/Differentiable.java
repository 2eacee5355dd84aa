package calculus.chainrule;

import java.util.function.DoubleUnaryOperator;

/**
 * A function of one variable together with its derivative: the pair (<em>f</em>, <em>f</em>′) that the chain rule
 * works on.
 *
 * <p>The chain rule needs more than the values of the functions it composes: it needs each one's derivative, at
 * the right point. A {@code Differentiable} carries both, so that compositions ({@link ChainRule#compose}),
 * chains ({@link Chain}) and paths ({@link TotalDerivative}) can be built from it and are {@code Differentiable}
 * again.
 *
 * <pre>{@code
 * Differentiable square = Differentiable.of(x -> x * x, x -> 2 * x);
 * square.value(3.0);       // 9.0
 * square.derivative(3.0);  // 6.0
 * }</pre>
 */
public interface Differentiable {

    /**
     * The value <em>f</em>(<em>x</em>).
     *
     * @param x the point
     * @return <em>f</em>(<em>x</em>)
     */
    double value(double x);

    /**
     * The derivative <em>f</em>′(<em>x</em>).
     *
     * @param x the point
     * @return <em>f</em>′(<em>x</em>)
     */
    double derivative(double x);

    /**
     * The function <em>f</em> with the derivative <em>f</em>′. Nothing checks that {@code derivative} really is
     * the derivative of {@code f}: that is the caller's promise.
     *
     * @param f          the function
     * @param derivative its derivative
     * @return the pair as a {@code Differentiable}
     * @throws IllegalArgumentException if {@code f} or {@code derivative} is null
     */
    static Differentiable of(DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        if (f == null) {
            throw new IllegalArgumentException("f must not be null");
        }
        if (derivative == null) {
            throw new IllegalArgumentException("derivative must not be null");
        }
        return new Differentiable() {
            @Override
            public double value(double x) {
                return f.applyAsDouble(x);
            }

            @Override
            public double derivative(double x) {
                return derivative.applyAsDouble(x);
            }
        };
    }
}
