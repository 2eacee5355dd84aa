package calculus.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The check every bad-input test makes: an {@link IllegalArgumentException} (not any exception) whose message names
 * the parameter and shows the value it got, so that the caller can tell what to fix.
 */
final class BadInput {

    private BadInput() {
    }

    /**
     * Asserts that {@code code} throws an {@code IllegalArgumentException} whose message names {@code parameter}
     * (as a word of its own: "h", not the h in "the") and contains {@code value}.
     *
     * @param call      the call, as the message shows it: {@code "partial(f, x, 0, h = -0.1)"}
     * @param code      the call itself
     * @param parameter the parameter the message must name
     * @param value     the text of the bad value the message must show: {@code "-0.1"}, {@code "NaN"}, {@code "null"}
     */
    static void assertRejected(String call, ThrowingCallable code, String parameter, String value) {
        Throwable thrown = catchThrowable(code);
        if (thrown instanceof UnsupportedOperationException notYet) {
            // the skeleton: report the task as not done yet, not as a wrong answer
            throw notYet;
        }
        String expectation = call + " must throw an IllegalArgumentException whose message names the parameter "
            + parameter + " and its value " + value;
        assertThat(thrown)
            .withFailMessage("%s returned normally. %s: check the arguments first, before any computation (or "
                + "before making a function that would only fail later, when it is called).", call, expectation)
            .isNotNull();
        assertThat(thrown)
            .withFailMessage("%s threw %s. %s: a specific exception, thrown on purpose, tells the caller what to fix.",
                call, thrown, expectation)
            .isInstanceOf(IllegalArgumentException.class);
        String word = "(?<![A-Za-z])" + Pattern.quote(parameter) + "(?![A-Za-z])";
        assertThat(thrown.getMessage())
            .withFailMessage("%s threw an IllegalArgumentException with the message \"%s\". %s, as in \"%s must be "
                + "..., got %s = %s\".", call, thrown.getMessage(), expectation, parameter, parameter, value)
            .isNotNull()
            .containsPattern(word)
            .contains(value);
    }
}
