package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The assertions the graded tests of several modules share: numbers and vectors compared by relative error, with
 * the teaching message of an {@link Explain}, and rejected input checked by type and by message.
 *
 * <p>Errors are measured as {@link Explain#relativeError(double, double)} and
 * {@link Explain#relativeError(double[], double[])} measure them, so that the number a failure message shows is the
 * number that was compared with the tolerance.
 */
public final class Expect {

    /** A parameter's name counts only as a word of its own: "h", not the h in "the", nor "x" in "x0". */
    private static final String NOT_A_WORD_CHARACTER = "[A-Za-z0-9_]";

    private Expect() {
    }

    /**
     * Asserts that {@code received} is within a relative error {@code tolerance} of {@code expected}: |received −
     * expected| / |expected|, or the absolute error when the expected value is 0.
     *
     * @param message   what was computed and from what; this method adds the expected and received values
     * @param expected  the right answer
     * @param received  the answer of the code under test
     * @param tolerance the largest relative error allowed
     * @throws AssertionError if the error is larger than {@code tolerance}, or is NaN
     */
    public static void closeTo(Explain message, double expected, double received, double tolerance) {
        double error = Explain.relativeError(expected, received);
        assertThat(error)
            .withFailMessage(message.expected(expected).received(received).withinRelative(tolerance))
            .isLessThanOrEqualTo(tolerance);
    }

    /**
     * Asserts that {@code received} has the length of {@code expected} and lies within a norm-wise relative error
     * {@code tolerance} of it: the largest gap |received<sub>i</sub> − expected<sub>i</sub>| over the largest
     * |expected<sub>i</sub>|, the usual measure of a gradient check. A gradient is judged as a whole this way, so
     * that a partial derivative that is nearly 0 is not held to a relative accuracy that no finite difference (nor
     * the oracle itself) can reach.
     *
     * @param message   what was computed and from what; this method adds the expected and received vectors
     * @param expected  the right answer
     * @param received  the answer of the code under test
     * @param tolerance the largest norm-wise relative error allowed
     * @throws AssertionError if {@code received} is null, has another length, or is further than {@code tolerance}
     */
    public static void closeTo(Explain message, double[] expected, double[] received, double tolerance) {
        message.expected(expected).received(received).withinRelative(tolerance);
        assertThat(received).withFailMessage(message).isNotNull().hasSize(expected.length);
        assertThat(Explain.relativeError(expected, received)).withFailMessage(message)
            .isLessThanOrEqualTo(tolerance);
    }

    /**
     * Asserts that {@code code} throws an {@link IllegalArgumentException} whose message names {@code parameter}
     * (as a word of its own) and contains each of {@code values}. Against a skeleton the call throws an
     * {@link UnsupportedOperationException}; the failure then names it, and the grader reports the task as TODO.
     *
     * @param call      the call, as the student would write it, for the failure message
     * @param code      the call to make
     * @param parameter the name of the bad parameter
     * @param values    text the message must contain: the bad value, or both lengths that differ
     * @throws AssertionError if the call returns normally, throws another exception, or throws one whose message
     *                        does not name the parameter and each value
     */
    public static void rejects(String call, ThrowingCallable code, String parameter, String... values) {
        String wanted = "an IllegalArgumentException whose message names the parameter \"" + parameter + "\""
            + (values.length == 0 ? "" : " and contains " + Arrays.toString(values));
        // catchThrowable, not assertThatThrownBy: with the latter a call that throws nothing fails before the
        // description is attached, and the student reads "Expecting code to raise a throwable" with no call named
        Throwable caught = catchThrowable(code);
        var thrown = assertThat(caught)
            .as("%s should throw %s, but %s", call, wanted, caught == null ? "it returned normally" : "it threw")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageFindingMatch("(?<!" + NOT_A_WORD_CHARACTER + ")" + Pattern.quote(parameter) + "(?!"
                + NOT_A_WORD_CHARACTER + ")");
        for (String value : values) {
            thrown.hasMessageContaining(value);
        }
    }
}
