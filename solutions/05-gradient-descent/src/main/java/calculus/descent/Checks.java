// SOLUTION ONLY FILE
package calculus.descent;

/**
 * The input checks of the public methods, in one place so that every message reads the same way: the parameter's
 * name, what was expected, and the value received.
 */
final class Checks {

    private Checks() {
    }

    /** {@code value}, if it is not null. */
    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** {@code value}, if it is positive and finite (NaN fails, since NaN &gt; 0 is false). */
    static double positive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + name + " = " + value);
        }
        return value;
    }

    /** {@code value}, if it lies in the open interval (lo, hi). */
    static double inOpenInterval(String name, double value, double lo, double hi) {
        if (!(value > lo && value < hi)) {
            throw new IllegalArgumentException(name + " must be in (" + lo + ", " + hi + "), got " + name + " = "
                + value);
        }
        return value;
    }

    /** {@code value}, if it lies in [lo, hi). */
    static double inHalfOpenInterval(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "), got " + name + " = "
                + value);
        }
        return value;
    }

    /** {@code value}, if it is at least {@code min}. */
    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + name + " = " + value);
        }
        return value;
    }

    /** {@code v}, if it is not null and has {@code length} coordinates. */
    static double[] length(String name, double[] v, int length) {
        notNull(name, v);
        if (v.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " coordinates, got " + name
                + ".length = " + v.length);
        }
        return v;
    }

    /** {@code b}, if it is not null and as long as {@code a} (named {@code aName}). */
    static double[] sameLength(String aName, double[] a, String bName, double[] b) {
        notNull(aName, a);
        notNull(bName, b);
        if (a.length != b.length) {
            throw new IllegalArgumentException(bName + " must have as many coordinates as " + aName + ", got "
                + aName + ".length = " + a.length + " and " + bName + ".length = " + b.length);
        }
        return b;
    }
}
