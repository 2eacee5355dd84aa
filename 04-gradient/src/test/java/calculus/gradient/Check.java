package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import calculus.grading.Explain;
import calculus.grading.TestRandom;
import calculus.grading.oracle.Fields;

/**
 * The assertions this module's tests share: numbers and vectors compared by relative error with a teaching
 * message, rejected input checked by type and message, and the vectors of the worked examples read from text.
 */
final class Check {

    /** The smallest gradient entry a test point must have somewhere (see {@link #pointAwayFromStationary}). */
    static final double GRADIENT_FLOOR = 0.1;
    private static final int MAX_ATTEMPTS = 1000;

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
     * Asserts that {@code received} is within {@code tolerance} max(1, |expected|) of {@code expected}: a relative
     * error for values above 1, an absolute one below. For losses, whose tiny values (every example classified
     * right with certainty) matter only next to the loss's usual size of about 1.
     */
    static void closeToScaled(Explain message, double expected, double received, double tolerance) {
        double allowed = tolerance * Math.max(1.0, Math.abs(expected));
        assertThat(Math.abs(received - expected))
            .withFailMessage(message.expected(expected).received(received).within(allowed))
            .isLessThanOrEqualTo(allowed);
    }

    /**
     * Asserts that {@code received} has the length of {@code expected} and lies within a norm-wise relative error
     * {@code tolerance} of it: the largest gap over the largest expected entry, as in
     * {@link Explain#relativeError(double[], double[])}. A gradient is judged as a whole this way, so that a tiny
     * partial derivative is not held to a relative accuracy that the oracle itself cannot reach.
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
     * @param values    text the message must contain: the bad value, or both lengths that differ
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

    /**
     * A random point of [−2, 2]<sup>n</sup> where the gradient of {@code f} has an entry of size at least
     * {@link #GRADIENT_FLOOR}. Near a stationary point every gradient is tiny and a relative error measures only
     * round-off; tests that judge gradients by relative error stay away from there.
     */
    static double[] pointAwayFromStationary(TestRandom random, Fields.Field f) {
        double[] x = random.vector(f.dimension(), -2, 2);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && maxAbs(f.gradient(x)) < GRADIENT_FLOOR; attempt++) {
            x = random.vector(f.dimension(), -2, 2);
        }
        return x;
    }

    /** The largest |v<sub>i</sub>|. */
    static double maxAbs(double[] v) {
        double largest = 0;
        for (double vi : v) {
            largest = Math.max(largest, Math.abs(vi));
        }
        return largest;
    }

    /** A vector written as numbers separated by spaces: {@code "3 -4 0.5"}. */
    static double[] vector(String text) {
        return Arrays.stream(text.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    /** A copy of a matrix, row by row, to check later that the code under test left it alone. */
    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** The entries of a matrix, row after row: for comparing matrices with the vector diagnoses. */
    static double[] flatten(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }
}
