package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import calculus.grader.GradingExtension.NotImplementedYet;
import calculus.grader.report.Status;
import calculus.grader.report.Text;

/** How a test's throwable is classified for the grade, and the one-line reason the scoreboard prints. */
class OutcomeTest {

    private static final String TODO = "Task 1.3: CentralDifference.derivative";

    /** The skeleton's stub, as a graded test calls it. */
    private static double skeleton(double x) {
        throw new UnsupportedOperationException(TODO);
    }

    // ---- TODO

    @Test
    @DisplayName("a message of megabytes is read only as far as a report could show it")
    void hugeMessageReadInPart() {
        Throwable huge = new IllegalStateException("too big to read ".repeat(400_000));

        assertThat(Outcome.fullMessage(huge).length()).isBetween(Outcome.MESSAGE_READ_LIMIT,
            "java.lang.IllegalStateException: ".length() + Outcome.MESSAGE_READ_LIMIT);
        assertThat(Outcome.of(huge).reason()).startsWith("threw IllegalStateException: too big to read");
    }

    @Test
    @DisplayName("the skeleton's UnsupportedOperationException is TODO, with its message as the reason")
    void directUnsupportedOperationIsTodo() {
        assertThat(Outcome.of(new UnsupportedOperationException(TODO))).isEqualTo(new Outcome(Status.TODO, TODO));
    }

    @Test
    @DisplayName("an UnsupportedOperationException without a message is TODO, \"not implemented yet\"")
    void unsupportedOperationWithoutMessageIsTodo() {
        assertThat(Outcome.of(new UnsupportedOperationException()))
            .isEqualTo(new Outcome(Status.TODO, "not implemented yet"));
    }

    @Test
    @DisplayName("an UnsupportedOperationException nested as a cause, or suppressed, is TODO")
    void nestedUnsupportedOperationIsTodo() {
        Throwable wrapped = new IllegalStateException("while fitting",
            new RuntimeException("step 3", new UnsupportedOperationException(TODO)));
        Throwable suppressed = new AssertionError("expected 1.0");
        suppressed.addSuppressed(new UnsupportedOperationException(TODO));

        assertThat(Outcome.of(wrapped)).isEqualTo(new Outcome(Status.TODO, TODO));
        assertThat(Outcome.of(suppressed)).isEqualTo(new Outcome(Status.TODO, TODO));
    }

    @Test
    @DisplayName("the skeleton's exception quoted in AssertJ's isInstanceOf failure is TODO, with the skeleton's text")
    void quotedByAssertjIsTodo() {
        Throwable failure = catchThrowable(
            () -> assertThatThrownBy(() -> skeleton(-1)).isInstanceOf(IllegalArgumentException.class));

        // the case the message scan exists for: AssertJ names the exception it caught, it does not chain it
        assertThat(failure).isInstanceOf(AssertionError.class).hasNoCause()
            .hasMessageContaining(UnsupportedOperationException.class.getName() + ": " + TODO);
        assertThat(Outcome.of(failure)).isEqualTo(new Outcome(Status.TODO, TODO));
    }

    @Test
    @DisplayName("the skeleton's exception quoted by AssertJ's doesNotThrowAnyException is TODO as well")
    void quotedByDoesNotThrowIsTodo() {
        Throwable failure = catchThrowable(() -> assertThatCode(() -> skeleton(1)).doesNotThrowAnyException());

        assertThat(failure).isInstanceOf(AssertionError.class).hasNoCause();
        assertThat(Outcome.of(failure)).isEqualTo(new Outcome(Status.TODO, TODO));
    }

    @Test
    @DisplayName("a failed expectation OF an UnsupportedOperationException is FAILED, not TODO")
    void expectedUnsupportedOperationIsNotTodo() {
        Throwable failure = catchThrowable(() -> assertThatThrownBy(() -> {
            throw new IllegalArgumentException("h must be positive, got h = 0.0");
        }).isInstanceOf(UnsupportedOperationException.class));

        assertThat(Outcome.of(failure).status()).isEqualTo(Status.FAILED);
    }

    @Test
    @DisplayName("a NotImplementedYet, alone or as a cause, is TODO with its own reason")
    void notImplementedYetIsTodo() {
        NotImplementedYet todo = new NotImplementedYet(TODO);

        assertThat(Outcome.of(todo)).isEqualTo(new Outcome(Status.TODO, TODO));
        assertThat(Outcome.of(new RuntimeException("wrapped", todo))).isEqualTo(new Outcome(Status.TODO, TODO));
    }

    // ---- TIMED_OUT

    @Test
    @DisplayName("a TimeoutException is TIMED_OUT, with its message and a hint about endless loops")
    void timeoutIsTimedOut() {
        Outcome outcome = Outcome.of(new TimeoutException("order() timed out after 10 seconds"));

        assertThat(outcome.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(outcome.reason()).isEqualTo("threw java.util.concurrent.TimeoutException: order() timed out "
            + "after 10 seconds (an endless loop? a loop whose exit condition is never met?)");
    }

    @Test
    @DisplayName("a timeout anywhere in the chain wins over the skeleton's exception: the loop is the news")
    void timeoutWinsOverTodo() {
        Throwable failure = new RuntimeException("outer", new TimeoutException("late"));
        failure.addSuppressed(new UnsupportedOperationException(TODO));

        assertThat(Outcome.of(failure).status()).isEqualTo(Status.TIMED_OUT);
    }

    // ---- FAILED

    @Test
    @DisplayName("a failed assertion is FAILED, its message on one line with white space collapsed")
    void assertionFailureIsOneLine() {
        Throwable failure = new AssertionError("\n  derivative of sin at 0.5\n\texpected: 0.8775825618903728"
            + "\r\n   but was:  0.479425538604203  \n");

        assertThat(Outcome.of(failure)).isEqualTo(new Outcome(Status.FAILED,
            "derivative of sin at 0.5 expected: 0.8775825618903728 but was: 0.479425538604203"));
    }

    @Test
    @DisplayName("a long reason is cut to 200 characters, ending in \"...\"; the full message keeps everything")
    void longReasonIsCut() {
        String message = "x".repeat(150) + " " + "y".repeat(150);
        Outcome outcome = Outcome.of(new AssertionError(message));

        assertThat(outcome.reason()).hasSize(Text.REASON_WIDTH).isEqualTo(message.substring(0, 197) + "...");
        assertThat(Outcome.fullMessage(new AssertionError(message))).isEqualTo(message);
        assertThat(Text.shorten("z".repeat(200))).isEqualTo("z".repeat(200));
    }

    @Test
    @DisplayName("an exception that is not an assertion reads \"threw X: message\", java.lang left out")
    void exceptionReadsThrew() {
        assertThat(Outcome.of(new IllegalStateException("matrix  is\nsingular")))
            .isEqualTo(new Outcome(Status.FAILED, "threw IllegalStateException: matrix is singular"));
        assertThat(Outcome.of(new NullPointerException()))
            .isEqualTo(new Outcome(Status.FAILED, "threw NullPointerException"));
        assertThat(Outcome.of(new UncheckedIOException("no disk", new IOException("gone"))))
            .isEqualTo(new Outcome(Status.FAILED, "threw java.io.UncheckedIOException: no disk"));
    }

    @Test
    @DisplayName("the full message of an exception names its class; that of an assertion is the message alone")
    void fullMessage() {
        assertThat(Outcome.fullMessage(null)).isEmpty();
        assertThat(Outcome.fullMessage(new AssertionError("  expected 2  "))).isEqualTo("expected 2");
        assertThat(Outcome.fullMessage(new ArithmeticException("/ by zero")))
            .isEqualTo("java.lang.ArithmeticException: / by zero");
        assertThat(Outcome.fullMessage(new IllegalArgumentException()))
            .isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    @DisplayName("an error that only wraps another, such as ExceptionInInitializerError, is followed by what it wraps")
    void wrappersSayWhatTheyWrap() {
        Throwable init = new ExceptionInInitializerError(new IllegalStateException("no table"));
        Throwable twice = new ExceptionInInitializerError(new ExceptionInInitializerError(new AssertionError("x")));

        assertThat(Outcome.fullMessage(init))
            .isEqualTo("java.lang.ExceptionInInitializerError, caused by java.lang.IllegalStateException: no table");
        assertThat(Outcome.fullMessage(twice)).isEqualTo("java.lang.ExceptionInInitializerError, caused by "
            + "java.lang.ExceptionInInitializerError, caused by x");
        assertThat(Outcome.of(init)).isEqualTo(new Outcome(Status.FAILED, "threw ExceptionInInitializerError, caused "
            + "by java.lang.IllegalStateException: no table"));
        assertThat(Outcome.fullMessage(new RuntimeException(new IllegalStateException("inner"))))
            .as("a wrapper with a message of its own says only that")
            .isEqualTo("java.lang.RuntimeException: java.lang.IllegalStateException: inner");
    }

    @Test
    @DisplayName("running out of steps is TIMED_OUT, whatever else the chain holds")
    void outOfStepsIsTimedOut() {
        Throwable failure = new AssertionError("caught and rethrown", new GradingExtension.OutOfSteps(1000, null));
        failure.addSuppressed(new UnsupportedOperationException(TODO));

        assertThat(Outcome.of(failure).status()).isEqualTo(Status.TIMED_OUT);
    }

    @Test
    @DisplayName("no throwable is PASSED, with an empty reason")
    void nullIsPassed() {
        assertThat(Outcome.of(null)).isEqualTo(Outcome.passed()).isEqualTo(new Outcome(Status.PASSED, ""));
    }

    @Test
    // a regression loops for ever: the separate thread lets the timeout stop it and fail this test
    @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("cycles among causes and suppressed throwables end the search instead of hanging it")
    void cyclesDoNotHang() {
        Throwable a = new IllegalStateException("a");
        Throwable b = new IllegalArgumentException("b");
        a.initCause(b);
        b.initCause(a);
        Throwable c = new AssertionError("c");
        Throwable d = new AssertionError("d");
        c.addSuppressed(d);
        d.addSuppressed(c);
        Throwable e = new RuntimeException("e");
        Throwable todo = new UnsupportedOperationException(TODO, e);
        e.initCause(todo);

        assertThat(Outcome.of(a)).isEqualTo(new Outcome(Status.FAILED, "threw IllegalStateException: a"));
        assertThat(Outcome.of(c)).isEqualTo(new Outcome(Status.FAILED, "c"));
        assertThat(Outcome.of(e)).isEqualTo(new Outcome(Status.TODO, TODO));
    }
}
