package calculus.gradient;

/**
 * The input checks every public method of this module makes before it computes anything: a bad argument is
 * rejected at the boundary with an {@link IllegalArgumentException} that names the parameter and its value, so
 * that the mistake shows where it was made, not three calls later as a NaN.
 *
 * <p>Given, not a task: the checks of numbers and functions. Call them at the start of your methods, the value first
 * and its name second, for example {@code Checks.requirePositive(h, "h")}. The checks of vectors (not null, not
 * empty, every entry finite, two vectors of the same length, with messages such as
 * {@code "a and b must have the same length, got a.length = 3, b.length = 2"}) are part of Task 4.1: they belong
 * here, beside these, where every later task can call them.
 */
final class Checks {

    private Checks() {
    }

    /**
     * Checks that an object (a function, an array, a list) is there.
     *
     * @param value the object
     * @param name  its parameter name, for the message
     * @param <T>   its type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null
     */
    static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
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
     * Checks that a number (a step, a tolerance, a rate) is positive and finite.
     *
     * @param value the number
     * @param name  its parameter name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is not positive or not finite (NaN included)
     */
    static double requirePositive(double value, String name) {
        // !(value > 0) is true for NaN too, which value <= 0 would let through
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + name + " = " + value);
        }
        return value;
    }

    /**
     * Checks that a number (a regularisation strength, a tolerance) is zero or positive, and finite.
     *
     * @param value the number
     * @param name  its parameter name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is negative, NaN or infinite
     */
    static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be zero or positive and finite, got " + name + " = "
                + value);
        }
        return value;
    }

    /**
     * Checks that a step moves coordinate {@code i} of {@code x} at all: far below the spacing of doubles near
     * x<sub>i</sub>, x<sub>i</sub> + h and x<sub>i</sub> − h round to the same number and a difference quotient
     * would divide zero by zero.
     *
     * @param x the point
     * @param i the coordinate to move
     * @param h the step
     * @throws IllegalArgumentException if x<sub>i</sub> + h and x<sub>i</sub> − h are the same double
     */
    static void requireStepMoves(double[] x, int i, double h) {
        if (x[i] + h == x[i] - h) {
            throw new IllegalArgumentException("h is too small to move x[" + i + "]: x[" + i + "] = " + x[i]
                + " plus or minus h = " + h + " rounds to the same double");
        }
    }
}
