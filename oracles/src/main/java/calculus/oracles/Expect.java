package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.assertj.core.api.AbstractThrowableAssert;
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
        if (caught == null) {
            throw new AssertionError(call + " should throw " + wanted + ", but it returned normally: is the input "
                + "check missing, or does it let this value through?");
        }
        if (!(caught instanceof IllegalArgumentException)) {
            // named in full, with where it was raised: "it threw" alone hides the exception behind AssertJ's text
            throw new AssertionError(call + " should throw " + wanted + ", but it threw " + caught.getClass().getName()
                + (caught.getMessage() == null ? "" : ": " + caught.getMessage()) + where(caught) + ": check the "
                + "input at the start of the method, before it is used", caught);
        }
        var thrown = assertThat(caught)
            .as("%s should throw %s, but it threw one with the message \"%s\"", call, wanted, caught.getMessage())
            .hasMessageFindingMatch("(?<!" + NOT_A_WORD_CHARACTER + ")" + Pattern.quote(parameter) + "(?!"
                + NOT_A_WORD_CHARACTER + ")");
        for (String value : values) {
            thrown.hasMessageContaining(value);
        }
    }

    /**
     * Asserts that {@code code} throws an {@link IllegalArgumentException}, and returns an assertion on it for
     * checks of its message. Unlike {@code assertThatThrownBy(code).as(description)}, whose failure reads only
     * "Expecting code to raise a throwable" when nothing is thrown, every failure here starts with
     * {@code description} (the call, its input, and what its message must say) and says what happened instead:
     * the call returned normally, or threw another exception (named, with its message and where it was raised).
     * Against a skeleton the call throws an {@link UnsupportedOperationException}; the failure keeps it as its
     * cause, and the grader reports the task as TODO.
     *
     * @param code        the call to make
     * @param description the call and its input, and what is required: {@code "new SquaredErrorLoss(x, y) with x
     *                    of length 3 and y of length 2: the message must give both lengths"}; a format string for
     *                    {@code args}
     * @param args        the arguments of the format string
     * @return an assertion on the exception thrown, described by {@code description}
     * @throws AssertionError if the call returns normally or throws another exception
     */
    public static AbstractThrowableAssert<?, ? extends Throwable> throwsIllegalArgument(ThrowingCallable code,
        String description, Object... args) {
        return thrown(IllegalArgumentException.class, code, description, args);
    }

    /**
     * As {@link #throwsIllegalArgument(ThrowingCallable, String, Object...)}, for a call that must throw an
     * {@link IllegalStateException} (an object used in the wrong state, a data set with no answer).
     */
    public static AbstractThrowableAssert<?, ? extends Throwable> throwsIllegalState(ThrowingCallable code,
        String description, Object... args) {
        return thrown(IllegalStateException.class, code, description, args);
    }

    /**
     * As {@link #throwsIllegalArgument(ThrowingCallable, String, Object...)}, for a call that must throw an
     * exception of {@code type}.
     */
    public static AbstractThrowableAssert<?, ? extends Throwable> thrown(Class<? extends Throwable> type,
        ThrowingCallable code, String description, Object... args) {
        String what = args.length == 0 ? description : String.format(java.util.Locale.ROOT, description, args);
        Throwable caught = catchThrowable(code);
        if (caught == null) {
            throw new AssertionError(what + "\n  expected        an " + type.getSimpleName() + " (see the Javadoc's "
                + "@throws)\n  received        nothing: the call returned normally\n  hint            is the input "
                + "check missing, or does it let this value through?");
        }
        if (!type.isInstance(caught)) {
            throw new AssertionError(what + "\n  expected        an " + type.getSimpleName() + "\n  received        "
                + caught.getClass().getName() + (caught.getMessage() == null ? "" : ": " + caught.getMessage())
                + where(caught) + "\n  hint            check the input at the start of the method, before it is "
                + "used, and throw the exception the Javadoc's @throws names", caught);
        }
        return assertThat(caught).as(what);
    }

    /** Where a throwable was raised, as " (at Class.method(File.java:12))", or "" when it has no stack. */
    private static String where(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        for (StackTraceElement e : stack) {
            if (!e.getClassName().startsWith("java.") && !e.getClassName().startsWith("jdk.")) {
                return " (at " + e + ")";
            }
        }
        return stack.length == 0 ? "" : " (at " + stack[0] + ")";
    }
}
