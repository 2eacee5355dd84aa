package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * The input checks every public method of this module makes before it computes anything: a bad argument is
 * rejected at the boundary with an {@link IllegalArgumentException} that names the parameter and its value, so
 * that the mistake shows where it was made, not three calls later as a NaN.
 *
 * <p>Given, not a task: call these at the start of your methods.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * Checks that a function is there.
     *
     * @param f    the function
     * @param name its parameter name, for the message
     * @return {@code f}
     * @throws IllegalArgumentException if {@code f} is null
     */
    static DoubleUnaryOperator requireFunction(DoubleUnaryOperator f, String name) {
        if (f == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return f;
    }

    /**
     * Checks that a number is finite: not NaN, not infinite.
     *
     * @param value the number
     * @param name  its parameter name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + name + " = " + value);
        }
        return value;
    }

    /**
     * Checks that a step size is positive and finite.
     *
     * @param h    the step
     * @param name its parameter name, for the message
     * @return {@code h}
     * @throws IllegalArgumentException if {@code h} is not positive or not finite (NaN included)
     */
    static double requirePositive(double h, String name) {
        // !(h > 0) is true for NaN too, which h <= 0 would let through
        if (!(h > 0) || h == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + name + " = " + h);
        }
        return h;
    }
}
