package calculus.partials;

/**
 * The input checks every public method of this module makes before it computes anything: a bad argument is
 * rejected at the boundary with an {@link IllegalArgumentException} that names the parameter and its value, so that
 * the mistake shows where it was made. A NaN that slips into a finite difference comes out three calls later as a
 * NaN partial; {@code "x[2] must be finite, got x[2] = NaN"} points at the cause.
 *
 * <p>Given, not a task: call these at the start of your methods, the value first and its name second, for example
 * {@code Checks.requireIndex(i, "i", x.length)}. The tests check the messages.
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
     * Checks that an array is a vector: not null, at least one entry, every entry finite. A NaN entry is almost
     * always a bug upstream (a training run that diverged); stopping at the first operation that sees it names the
     * culprit, where letting it through would turn every later number into NaN.
     *
     * @param v    the array
     * @param name its parameter name, for the message
     * @return {@code v}
     * @throws IllegalArgumentException if {@code v} is null or empty, or has a NaN or infinite entry
     */
    static double[] requireVector(double[] v, String name) {
        requireNonNull(v, name);
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one entry, got " + name + ".length = 0");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + name + "[" + i
                    + "] = " + v[i]);
            }
        }
        return v;
    }

    /**
     * Checks that a coordinate index is in [0, {@code dimension}).
     *
     * @param i         the index
     * @param name      its parameter name, for the message
     * @param dimension the number of coordinates of the point it indexes
     * @return {@code i}
     * @throws IllegalArgumentException if {@code i < 0} or {@code i >= dimension}
     */
    static int requireIndex(int i, String name, int dimension) {
        if (i < 0 || i >= dimension) {
            throw new IllegalArgumentException(name + " must be a coordinate index in [0, " + dimension
                + ") for a point with " + dimension + " coordinates, got " + name + " = " + i);
        }
        return i;
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
}
