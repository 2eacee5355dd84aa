package calculus.grader;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import calculus.grader.budget.StepBudget;
import calculus.grader.report.Status;

/**
 * The extension every {@link Graded} test runs with.
 *
 * <ul>
 *   <li>Resolves a {@link TestRandom} parameter with the test's seed, and prints the seed when the test fails.</li>
 *   <li>Turns a {@link StackOverflowError} or {@link OutOfMemoryError} in student code into an ordinary failure of
 *       that one test with an explanation (JUnit would otherwise abort the whole run on an out-of-memory error);
 *       after an out-of-memory error the other tests of its task do not run, as after an exhausted step budget.</li>
 *   <li>Runs only the tests of one task when asked: {@code -Dtask=1.3} (several: {@code -Dtask=1.3,1.4}).</li>
 * </ul>
 *
 * <p>In the grader's test JVM (the sandbox) every test runs on a step budget: the code under test is instrumented to
 * count its loop iterations and calls, and a test that runs out stops, whatever the machine's load
 * ({@link StepBudget}); the other tests of its task then do not run (they would most likely loop too), and the task's
 * points are lost. In an IDE, where nothing is instrumented, JUnit's own default timeout (set in the grader's
 * {@code junit-platform.properties}) stops an endless loop instead.
 */
public final class GradingExtension implements ParameterResolver, ExecutionCondition, InvocationInterceptor,
    TestExecutionExceptionHandler {

    /** The report entry key under which a test's seed is published to the listener. */
    public static final String SEED_KEY = "calculus.seed";
    /** The report entry key under which the steps a test's code ran are published to the listener. */
    public static final String STEPS_KEY = "calculus.steps";
    /** The configuration parameter that turns the step budget on, with the default budget of a test. */
    public static final String STEPS_PARAMETER = "calculus.grader.steps";
    /** The course's base seed; {@code -Dcalculus.seed=N} changes every test's random inputs at once. */
    static final long COURSE_SEED = 20_261_124L;
    /** The steps student code may take while a failure it threw is read (its message, its causes). */
    static final long READ_STEPS = 1_000_000;
    /** Seeds are kept to nine digits, easy to read and to type. */
    private static final long SEED_RANGE = 1_000_000_000L;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
        GradingExtension.class);

    // ---- seeded random inputs

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRandom.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        long seed = seedFor(context);
        context.getStore(NAMESPACE).put(SEED_KEY, seed);
        context.publishReportEntry(SEED_KEY, Long.toString(seed));
        return new TestRandom(seed);
    }

    /** The test's seed: {@code -Dseed=N} if given, else a fixed mix of the course seed and the test's identity. */
    static long seedFor(ExtensionContext context) {
        Optional<Long> forced = context.getConfigurationParameter("seed").map(s -> parseSeed("seed", s));
        if (forced.isPresent()) {
            return forced.get();
        }
        long course = context.getConfigurationParameter("calculus.seed").map(s -> parseSeed("calculus.seed", s))
            .orElse(COURSE_SEED);
        return mix(course, context.getUniqueId());
    }

    private static long parseSeed(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a whole number, got " + name + " = " + value);
        }
    }

    /** A seed from the course seed and a test's unique id: the same on every run and every machine. */
    static long mix(long course, String testId) {
        long h = 0xcbf29ce484222325L ^ course; // FNV-1a, seeded with the course seed
        for (byte b : testId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return Math.floorMod(h, SEED_RANGE);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        // the failure may be student code's own exception, whose getMessage or getCause may never return: read it
        // on a small budget (the test's own has been disarmed), and leave it as it is if it cannot be read
        Outcome outcome;
        StepBudget.arm(READ_STEPS);
        try {
            outcome = Outcome.of(failure);
        } catch (Throwable unreadable) {
            // nothing after this may call into it again: JUnit and the listener get a failure of the grader's own
            throw new Unreadable(failure.getClass().getName(), unreadable);
        } finally {
            StepBudget.disarm();
        }
        if (outcome.status() == Status.TODO) {
            // one line instead of a stack trace: a fresh skeleton has dozens of these, and they all say the same
            throw new NotImplementedYet(outcome.reason());
        }
        Long seed = context.getStore(NAMESPACE).get(SEED_KEY, Long.class);
        if (seed != null) {
            failure.addSuppressed(new SeedNote(seed));
        }
        throw failure;
    }

    /** A failure whose own code (its message, its causes) did not give an answer within a small budget. */
    static final class Unreadable extends AssertionError {
        private static final long serialVersionUID = 1L;

        Unreadable(String className, Throwable whileReading) {
            super("the test failed with " + className + ", whose message could not be read ("
                + whileReading.getClass().getSimpleName() + " while reading it: does its getMessage, toString or "
                + "getCause loop without end?)");
            setStackTrace(new StackTraceElement[0]);
        }
    }

    /** A graded test that met the skeleton's {@code UnsupportedOperationException}: the task is still to do. */
    public static final class NotImplementedYet extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final String reason;

        NotImplementedYet(String reason) {
            super("TODO, not implemented yet: " + reason);
            this.reason = reason;
            setStackTrace(new StackTraceElement[0]);
        }

        String reason() {
            return reason;
        }
    }

    /** Carries the seed along with a failure, so that the report shows how to reproduce it. */
    static final class SeedNote extends Exception {
        private static final long serialVersionUID = 1L;

        SeedNote(long seed) {
            super("random inputs drawn from seed " + seed + "; rerun with -Dseed=" + seed + " to draw them again",
                null, false, false);
        }
    }

    // ---- one task at a time

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        Graded task = method.map(m -> m.getAnnotation(Graded.class)).orElse(null);
        if (task != null && exhaustedTasks(context).contains(task.task())) {
            return ConditionEvaluationResult.disabled("not run: another test of Task " + task.task() + " ran out of "
                + "its step budget or of memory, so this one would most likely loop too");
        }
        Optional<String> wanted = context.getConfigurationParameter("task").map(String::strip)
            .filter(s -> !s.isEmpty());
        if (method.isEmpty() || wanted.isEmpty()) {
            return ConditionEvaluationResult.enabled("no task selected");
        }
        Graded graded = method.get().getAnnotation(Graded.class);
        if (graded == null || Arrays.stream(wanted.get().split(",")).map(String::strip)
            .anyMatch(graded.task()::equals)) {
            return ConditionEvaluationResult.enabled("task " + wanted.get() + " selected");
        }
        return ConditionEvaluationResult.disabled("only task " + wanted.get() + " selected (-Dtask)");
    }

    // ---- a step budget, and errors that must cost one test, not the run

    /**
     * Tasks whose tests are not run any more in this run: one of their tests ran out of its step budget. Kept in the
     * run's root context, so that it ends with the run (a static set would outlive it in a JVM that runs twice).
     */
    @SuppressWarnings("unchecked")
    private static Set<String> exhaustedTasks(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("exhausted-tasks",
            k -> ConcurrentHashMap.newKeySet(), Set.class);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        guard(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        guard(invocation, context);
    }

    private static void guard(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Optional<Long> budget = context.getConfigurationParameter(STEPS_PARAMETER).map(Long::parseLong);
        Graded graded = context.getRequiredTestMethod().getAnnotation(Graded.class);
        if (budget.isEmpty()) {
            try {
                run(invocation);
            } catch (OutOfMemory e) {
                if (graded != null) {
                    exhaustedTasks(context).add(graded.task());
                }
                throw e;
            }
            return;
        }
        long steps = graded != null && graded.steps() > 0 ? graded.steps() : budget.get();
        StepBudget.arm(steps);
        Throwable failure = null;
        try {
            run(invocation);
        } catch (Throwable t) {
            failure = t;
        }
        long used = StepBudget.used();
        boolean exhausted = StepBudget.exhausted();
        StepBudget.disarm();
        context.publishReportEntry(STEPS_KEY, Long.toString(used));
        if (failure instanceof OutOfMemory && graded != null) {
            // a runaway allocation is a runaway loop seen from the heap: whether the budget or the heap runs out
            // first depends on the JVM, so both must cost the same, the task
            exhaustedTasks(context).add(graded.task());
        }
        if (exhausted) {
            if (graded != null) {
                exhaustedTasks(context).add(graded.task());
            }
            // whatever the test made of it (a test may catch Throwable): the code was stopped
            throw new OutOfSteps(steps, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void run(Invocation<Void> invocation) throws Throwable {
        try {
            invocation.proceed();
        } catch (StackOverflowError e) {
            throw new AssertionError("StackOverflowError: the code recursed too deeply, or without end. Check the "
                + "base case of any recursion, or turn the recursion into a loop.");
        } catch (OutOfMemoryError e) {
            throw new OutOfMemory();
        }
    }

    /** A test whose code used up the test JVM's memory: its task's other tests are not run. */
    static final class OutOfMemory extends AssertionError {
        private static final long serialVersionUID = 1L;

        OutOfMemory() {
            super("OutOfMemoryError: the code used up the test's " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB of memory. Does a loop keep adding to a list or array without end?");
        }
    }

    /** A test whose code ran out of its step budget and was stopped. */
    public static final class OutOfSteps extends AssertionError {
        private static final long serialVersionUID = 1L;

        OutOfSteps(long budget, Throwable where) {
            super("stopped after " + String.format("%,d", budget) + " steps (loop iterations and calls), the test's "
                + "budget" + stoppedIn(where) + ": an endless loop, a loop whose exit condition is never met, "
                + "or endless recursion?");
            setStackTrace(new StackTraceElement[0]);
        }

        /** Where the code was when it was stopped: the first frame outside the grader and the JDK. */
        private static String stoppedIn(Throwable where) {
            for (Throwable t = where; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof calculus.grader.budget.StepBudgetExceeded) {
                    for (StackTraceElement e : t.getStackTrace()) {
                        String c = e.getClassName();
                        if (!c.startsWith("calculus.grader.") && !c.startsWith("java.") && !c.startsWith("jdk.")
                            && e.getFileName() != null) {
                            return ", in " + c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName() + " ("
                                + e.getFileName() + ":" + e.getLineNumber() + ")";
                        }
                    }
                }
            }
            return "";
        }
    }
}
