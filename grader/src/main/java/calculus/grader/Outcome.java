package calculus.grader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import calculus.grader.report.Status;
import calculus.grader.report.Text;

/**
 * What a test's throwable means for the grade: {@link Status#TODO}, {@link Status#TIMED_OUT} or
 * {@link Status#FAILED}, with a one-line reason for the scoreboard.
 *
 * @param status how the test ended
 * @param reason one line, empty when the test passed
 */
public record Outcome(Status status, String reason) {

    /** The most throwables of a cause chain that are read. */
    private static final int CHAIN_LIMIT = 32;
    /**
     * The most characters of one message read: far more than any report keeps ({@link Text#MESSAGE_LIMIT}), and
     * little enough that a message of megabytes costs no time to read (it once cost a minute per module).
     */
    static final int MESSAGE_READ_LIMIT = 65_536;

    private static final String NOT_IMPLEMENTED = UnsupportedOperationException.class.getName();
    /** The skeleton's exception as AssertJ quotes one it caught ("but was:"), not one it expected. */
    private static final Pattern QUOTED_TODO = Pattern.compile("(?:but was:|but caught)\\s*\"?"
        + Pattern.quote(NOT_IMPLEMENTED) + ":? *([^\\n\"]*)");

    /** A passed test. */
    public static Outcome passed() {
        return new Outcome(Status.PASSED, "");
    }

    /**
     * Classifies a test's throwable.
     *
     * <p>"Not implemented yet" is the skeleton's {@code UnsupportedOperationException} anywhere in the cause chain,
     * or quoted in an assertion's message: AssertJ's {@code assertThatThrownBy(...).isInstanceOf(X.class)} fails
     * with an {@code AssertionError} that only names the exception it caught.
     *
     * @param failure what the test threw, or {@code null} if it passed
     * @return the outcome
     */
    public static Outcome of(Throwable failure) {
        if (failure == null) {
            return passed();
        }
        if (mentions(failure, GradingExtension.OutOfSteps.class)) {
            return new Outcome(Status.TIMED_OUT, oneLine(failure));
        }
        if (mentions(failure, TimeoutException.class)) {
            return new Outcome(Status.TIMED_OUT, oneLine(failure)
                + " (an endless loop? a loop whose exit condition is never met?)");
        }
        if (mentions(failure, UnsupportedOperationException.class)) {
            return new Outcome(Status.TODO, Text.shorten(todoReason(failure)));
        }
        return new Outcome(Status.FAILED, oneLine(failure));
    }

    /**
     * The whole failure message, as the JSON keeps it: an assertion's message, or an exception's class and message.
     * An error that only wraps another and says nothing itself ({@code ExceptionInInitializerError},
     * {@code InvocationTargetException}) is followed by what it wraps.
     */
    public static String fullMessage(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < CHAIN_LIMIT; depth++) {
            String message = t.getMessage();
            if (message != null && message.length() > MESSAGE_READ_LIMIT) {
                message = message.substring(0, MESSAGE_READ_LIMIT);
            }
            if (t instanceof AssertionError && message != null) {
                return text.append(message.strip()).toString();
            }
            text.append(t.getClass().getName()).append(message == null ? "" : ": " + message.strip());
            Throwable cause = t.getCause();
            if (message != null || cause == null || cause == t) {
                break;
            }
            text.append(", caused by ");
            t = cause;
        }
        return text.toString();
    }

    /** The message of a throwable on one line, at most {@link #REASON_WIDTH} characters. */
    static String oneLine(Throwable failure) {
        String text = fullMessage(failure);
        if (!(failure instanceof AssertionError)) {
            text = "threw " + text.replaceFirst("^java\\.lang\\.", "");
        }
        return Text.brief(text);
    }

    /** What the skeleton's exception says, such as "Task 1.3: CentralDifference.derivative". */
    private static String todoReason(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof GradingExtension.NotImplementedYet todo) {
                return todo.reason();
            }
            if (t instanceof UnsupportedOperationException) {
                return t.getMessage() == null ? "not implemented yet" : t.getMessage();
            }
        }
        Matcher quoted = QUOTED_TODO.matcher(String.valueOf(failure.getMessage()));
        return quoted.find() ? quoted.group(1) : "not implemented yet";
    }

    private static boolean mentions(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return true;
            }
            if (type == UnsupportedOperationException.class && t instanceof GradingExtension.NotImplementedYet) {
                return true;
            }
            if (type == UnsupportedOperationException.class && t instanceof AssertionError
                && t.getMessage() != null && QUOTED_TODO.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The throwable, its causes and its suppressed throwables, each once. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> inOrder = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        // a chain made by student code may be endless (a getCause() that makes a new exception each time)
        while (!todo.isEmpty() && inOrder.size() < CHAIN_LIMIT) {
            Throwable t = todo.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            inOrder.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return inOrder;
    }
}
