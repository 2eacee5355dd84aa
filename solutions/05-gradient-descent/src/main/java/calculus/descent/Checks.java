package calculus.descent;

/**
 * The input checks every public method of this module makes before it computes anything: a bad argument is
 * rejected at the boundary with an {@link IllegalArgumentException} that names the parameter and its value, so
 * that the mistake shows where it was made, not three calls later as a NaN.
 *
 * <p>Given, not a task: call these at the start of your methods, the value first and its name second, for example
 * {@code Checks.requirePositive(h, "h")}. The tests check the messages.
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
     * Checks that a count (a size, a number of steps) is positive: at least 1.
     *
     * @param value the count
     * @param name  its parameter name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is less than 1
     */
    static int requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + name + " = " + value);
        }
        return value;
    }

    /**
     * Checks that a number lies in the open interval (<em>lo</em>, <em>hi</em>).
     *
     * @param value the number
     * @param name  its parameter name, for the message
     * @param lo    the lower end, excluded
     * @param hi    the upper end, excluded
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is not in the interval (NaN included)
     */
    static double requireInOpenInterval(double value, String name, double lo, double hi) {
        if (!(value > lo && value < hi)) {
            throw new IllegalArgumentException(name + " must be in (" + lo + ", " + hi + "), got " + name + " = "
                + value);
        }
        return value;
    }

    /**
     * Checks that a number lies in the half-open interval [<em>lo</em>, <em>hi</em>).
     *
     * @param value the number
     * @param name  its parameter name, for the message
     * @param lo    the lower end, included
     * @param hi    the upper end, excluded
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is not in the interval (NaN included)
     */
    static double requireInHalfOpenInterval(double value, String name, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "), got " + name + " = "
                + value);
        }
        return value;
    }

    /**
     * Checks that an array is there and has {@code length} coordinates; its entries may be anything, NaN included.
     *
     * @param v      the array
     * @param name   its parameter name, for the message
     * @param length the number of coordinates it must have
     * @return {@code v}
     * @throws IllegalArgumentException if {@code v} is null or does not have {@code length} coordinates
     */
    static double[] requireLength(double[] v, String name, int length) {
        requireNonNull(v, name);
        if (v.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " coordinates, got " + name
                + ".length = " + v.length);
        }
        return v;
    }

    /**
     * Checks that two arrays are there and have the same length. Their entries may be anything, NaN included: a run
     * that diverged must still reach the loop that notices it.
     *
     * @param a     the first array
     * @param nameA its parameter name
     * @param b     the second array
     * @param nameB its parameter name
     * @return {@code b}
     * @throws IllegalArgumentException if either is null, or if their lengths differ
     */
    static double[] requireSameLength(double[] a, String nameA, double[] b, String nameB) {
        requireNonNull(a, nameA);
        requireNonNull(b, nameB);
        if (a.length != b.length) {
            throw new IllegalArgumentException(nameB + " must have as many coordinates as " + nameA + ", got "
                + nameA + ".length = " + a.length + " and " + nameB + ".length = " + b.length);
        }
        return b;
    }
}
