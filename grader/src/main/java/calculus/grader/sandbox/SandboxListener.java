package calculus.grader.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import calculus.grader.GradingExtension;
import calculus.grader.Outcome;
import calculus.grader.budget.StepBudget;
import calculus.grader.protocol.Event;
import calculus.grader.report.Status;
import calculus.grader.report.Text;

/**
 * Reports every test's outcome to the grader as it happens. A failure's message is read from the throwable, which
 * the code under test may have made (an exception of its own with a {@code getMessage()} that never returns): it is
 * read on a small step budget, and whatever happens, the event goes out.
 */
final class SandboxListener implements TestExecutionListener {

    /** Room kept at the end of a failure message for where an exception was raised. */
    private static final int PLACE_LIMIT = 400;
    /** The budget for reading one failure's message: far more than any honest message needs. */
    private static final long MESSAGE_STEPS = 1_000_000;

    private final Sandbox sandbox;
    private final StudentClassLoader loader;
    private final long defaultSteps;
    private Long seed;
    private long steps = -1;

    SandboxListener(Sandbox sandbox, StudentClassLoader loader, long defaultSteps) {
        this.sandbox = sandbox;
        this.loader = loader;
        this.defaultSteps = defaultSteps;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        StepBudget.arm(defaultSteps); // code outside a test (a static initialiser, a data source) runs on a budget too
        sandbox.started(key(id));
        if (id.isTest()) {
            seed = null;
            steps = -1;
            sandbox.capture();
            sandbox.emit(new Event(Event.STARTED, key(id), invocation(id), "", "", null, -1, ""));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String s = entry.getKeyValuePairs().get(GradingExtension.SEED_KEY);
        if (s != null) {
            seed = Long.parseLong(s);
        }
        String n = entry.getKeyValuePairs().get(GradingExtension.STEPS_KEY);
        if (n != null) {
            steps = Long.parseLong(n);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        String why = reason == null ? "" : reason;
        Status status = why.startsWith("not run") ? Status.NOT_RUN : Status.SKIPPED;
        if (id.getSource().orElse(null) instanceof MethodSource) {
            sandbox.emit(new Event(Event.FINISHED, key(id), invocation(id), status.name(), why, null, -1, ""));
        } else if (id.getSource().orElse(null) instanceof ClassSource c) {
            sandbox.emit(new Event(Event.CLASS_FAILED, c.getClassName(), "", status.name(), why, null, -1, ""));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        sandbox.stopped();
        boolean exhausted = StepBudget.exhausted();
        Throwable failure = result.getThrowable().orElse(null);
        String output = id.isTest() ? sandbox.captured() : "";
        boolean method = id.getSource().orElse(null) instanceof MethodSource;
        if (!id.isTest() && !method && failure == null) {
            return;
        }
        String[] verdict = verdict(result, failure, exhausted);
        StepBudget.arm(defaultSteps);
        if (method) {
            // a parameterized test's container reports too, with invocation "*": all its cases are done
            sandbox.emit(new Event(Event.FINISHED, key(id), id.isTest() ? invocation(id) : Event.ALL_INVOCATIONS,
                verdict[0], verdict[1], id.isTest() ? seed : null, id.isTest() ? steps : -1,
                Text.sanitize(output, 16_384)));
        } else if (id.getSource().orElse(null) instanceof ClassSource c) {
            sandbox.emit(new Event(Event.CLASS_FAILED, c.getClassName(), "", verdict[0],
                "the test class failed before its tests could run: " + verdict[1], null, -1, ""));
        }
    }

    /** The status and the message, read on a small budget from a throwable that student code may have made. */
    private String[] verdict(TestExecutionResult result, Throwable failure, boolean exhausted) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            return new String[] {Status.SKIPPED.name(), "aborted"};
        }
        if (failure == null) {
            return new String[] {Status.PASSED.name(), ""};
        }
        StepBudget.arm(MESSAGE_STEPS);
        try {
            String[] earlier = failedInitialisations.get(notInitialised(failure));
            if (earlier != null && !exhausted) {
                return new String[] {earlier[0], Text.sanitize("the class " + notInitialised(failure) + " could not "
                    + "be initialised, as an earlier test found: " + earlier[1], Text.MESSAGE_LIMIT)};
            }
            Status status = exhausted ? Status.TIMED_OUT : Outcome.of(failure).status();
            String message = status == Status.TODO ? Outcome.of(failure).reason() : Outcome.fullMessage(failure);
            if (status == Status.FAILED && !(failure instanceof AssertionError)) {
                // an exception from the code under test: say where it came from, not only what it was
                // the place goes after the message, which is cut first so that the place survives
                message = "threw " + Text.sanitize(message.replaceFirst("^java\\.lang\\.", ""),
                    Text.MESSAGE_LIMIT - PLACE_LIMIT) + raisedAt(failure);
            }
            String[] verdict = {status.name(), Text.sanitize(message, Text.MESSAGE_LIMIT)};
            for (String c : initialisationsFailed(failure)) {
                failedInitialisations.putIfAbsent(c, verdict);
            }
            return verdict;
        } catch (Throwable t) {
            // the throwable's own code failed us: say what we can without calling into it again
            return new String[] {exhausted ? Status.TIMED_OUT.name() : Status.FAILED.name(),
                "the test failed with " + failure.getClass().getName() + ", whose message could not be read ("
                    + t.getClass().getSimpleName() + " while reading it)"};
        } finally {
            StepBudget.disarm();
        }
    }

    /** Where an exception was raised in the code under test, and the test's line that called it. */
    private String raisedAt(Throwable failure) {
        StackTraceElement raised = null;
        StackTraceElement caller = null;
        for (StackTraceElement e : failure.getStackTrace()) {
            if (raised == null && loader.isStudentClass(e.getClassName())) {
                raised = e;
            } else if (raised != null && !loader.isStudentClass(e.getClassName()) && loader.isTestClass(
                e.getClassName())) {
                caller = e;
                break;
            }
        }
        if (raised == null) {
            return "";
        }
        return "\n  raised in " + frame(raised) + (caller == null ? "" : ", called by the test at " + frame(caller));
    }

    private static String frame(StackTraceElement e) {
        String cls = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1);
        return cls + "." + e.getMethodName() + " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
    }

    // ---- classes whose static initialisation failed

    /** The prefix of the JVM's message when a class whose initialisation failed is used again. */
    private static final String NOT_INITIALISED = "Could not initialize class ";

    /**
     * The verdicts of the tests that met a class's failed static initialisation, by class: the JVM says why only
     * the first time; later uses of the class meet a bare {@code NoClassDefFoundError}, which gets that verdict.
     */
    private final Map<String, String[]> failedInitialisations = new HashMap<>();

    /** The class a {@code NoClassDefFoundError} says could not be initialised earlier, or {@code null}. */
    private static String notInitialised(Throwable failure) {
        // a chain made by student code may be endless (a getCause() that makes a new exception each time)
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof NoClassDefFoundError && t.getMessage() != null
                && t.getMessage().startsWith(NOT_INITIALISED)) {
                return t.getMessage().substring(NOT_INITIALISED.length()).strip();
            }
        }
        return null;
    }

    /**
     * The classes whose static initialisation this failure ended: for each {@code ExceptionInInitializerError} in
     * the cause chain, the innermost {@code <clinit>} on its cause's stack.
     */
    private static List<String> initialisationsFailed(Throwable failure) {
        List<String> classes = new ArrayList<>();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
                for (StackTraceElement frame : t.getCause().getStackTrace()) {
                    if ("<clinit>".equals(frame.getMethodName())) {
                        classes.add(frame.getClassName());
                        break;
                    }
                }
            }
        }
        return classes;
    }

    private static String key(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource m) {
            return m.getClassName() + "#" + m.getMethodName();
        }
        if (id.getSource().orElse(null) instanceof ClassSource c) {
            return c.getClassName();
        }
        return id.getUniqueId();
    }

    private static String invocation(TestIdentifier id) {
        String u = id.getUniqueId();
        int at = u.lastIndexOf("-invocation:");
        return at < 0 ? "" : u.substring(at + "-invocation:".length()).replace("]", "");
    }
}
