package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import calculus.grading.Explain;

/**
 * The assertions this module's tests share: numbers and vectors compared by relative error with a teaching
 * message, rejected input checked by type and message, and small matrix helpers for the oracles.
 */
final class Check {

    private Check() {
    }

    /**
     * Asserts that {@code received} is within a relative error {@code tolerance} of {@code expected}, measured as
     * {@link Explain#relativeError(double, double)} does (absolute when the expected value is 0).
     */
    static void closeTo(Explain message, double expected, double received, double tolerance) {
        double error = Explain.relativeError(expected, received);
        assertThat(error)
            .withFailMessage(message.expected(expected).received(received).withinRelative(tolerance))
            .isLessThanOrEqualTo(tolerance);
    }

    /**
     * Asserts that {@code received} has the length of {@code expected} and lies within a norm-wise relative error
     * {@code tolerance} of it: the largest gap over the largest expected entry, the usual measure of a gradient
     * check. A gradient is judged as a whole, so that a partial derivative that is nearly 0 is not held to a
     * relative accuracy no finite difference can give.
     */
    static void closeTo(Explain message, double[] expected, double[] received, double tolerance) {
        message.expected(expected).received(received).withinRelative(tolerance);
        assertThat(received).withFailMessage(message).isNotNull().hasSize(expected.length);
        assertThat(Explain.relativeError(expected, received)).withFailMessage(message)
            .isLessThanOrEqualTo(tolerance);
    }

    /**
     * Asserts that {@code code} throws an {@link IllegalArgumentException} whose message names {@code parameter}
     * (as a word of its own) and contains each of {@code values}.
     *
     * @param call      the call, as the student would write it, for the failure message
     * @param code      the call to make
     * @param parameter the name of the bad parameter
     * @param values    text the message must contain: the bad value, or both sizes that differ
     */
    static void rejects(String call, ThrowingCallable code, String parameter, String... values) {
        String wanted = "an IllegalArgumentException whose message names the parameter \"" + parameter + "\""
            + (values.length == 0 ? "" : " and contains " + Arrays.toString(values));
        // catchThrowable, not assertThatThrownBy: with the latter a call that throws nothing fails before the
        // description is attached, and the student reads "Expecting code to raise a throwable" with no call named
        Throwable caught = catchThrowable(code);
        var thrown = assertThat(caught)
            .as("%s should throw %s, but %s", call, wanted, caught == null ? "it returned normally" : "it threw")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageFindingMatch("(?<![A-Za-z0-9_])" + Pattern.quote(parameter) + "(?![A-Za-z0-9_])");
        for (String value : values) {
            thrown.hasMessageContaining(value);
        }
    }

    /** The largest |v<sub>i</sub>|. */
    static double maxAbs(double[] v) {
        double largest = 0;
        for (double vi : v) {
            largest = Math.max(largest, Math.abs(vi));
        }
        return largest;
    }

    /** The entries of a matrix, row after row. */
    static double[] flatten(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    /** The entries of a list of arrays, array after array: the order of a network's parameters and gradients. */
    static double[] flatten(List<double[]> arrays) {
        return arrays.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** A deep copy of a matrix. */
    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** A deep copy of a list of arrays. */
    static double[][] copy(List<double[]> arrays) {
        return copy(arrays.toArray(new double[0][]));
    }

    /** Writes the entries of {@code flat} into the arrays, array after array (the inverse of flatten). */
    static void unflatten(double[] flat, List<double[]> arrays) {
        int k = 0;
        for (double[] a : arrays) {
            System.arraycopy(flat, k, a, 0, a.length);
            k += a.length;
        }
    }

    /** The sum of every entry of the element-wise product: the scalar &lang;R, Y&rang; a gradient check projects on. */
    static double project(double[][] r, double[][] y) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                s += r[i][j] * y[i][j];
            }
        }
        return s;
    }

    /** A matrix of the given shape made from the flat entries, row after row. */
    static double[][] reshape(double[] flat, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, m[i], 0, columns);
        }
        return m;
    }

    /** A matrix printed for a failure message, rows on one line. */
    static String show(double[][] m) {
        return Arrays.deepToString(m);
    }
}
