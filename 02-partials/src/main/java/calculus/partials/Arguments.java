package calculus.partials;

/**
 * The input checks every public method of this module makes before it computes anything: a bad argument is
 * rejected at the boundary with an {@link IllegalArgumentException} that names the parameter and its value, so that
 * the mistake shows where it was made. A NaN that slips into a finite difference comes out three calls later as a
 * NaN partial; {@code "x[2] must be finite, got x[2] = NaN"} points at the cause.
 *
 * <p>Given, not a task: call these at the start of your methods, for example
 * {@code Arguments.requireIndex(i, "i", x.length)}. The tests check the messages.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * Checks that a function is there.
     *
     * @param f    the function
     * @param name its parameter name, for the message
     * @param <F>  the type of function
     * @return {@code f}
     * @throws IllegalArgumentException if {@code f} is null
     */
    static <F> F requireFunction(F f, String name) {
        if (f == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return f;
    }

    /**
     * Checks that a point (or a data column) is there, is not empty, and that every entry is finite.
     *
     * @param x    the point
     * @param name its parameter name, for the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is null or empty, or an entry is NaN or infinite
     */
    static double[] requirePoint(double[] x, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one entry, got " + name
                + ".length = 0");
        }
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] must be finite, got " + name + "[" + k
                    + "] = " + x[k]);
            }
        }
        return x;
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
