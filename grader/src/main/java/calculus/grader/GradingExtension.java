package calculus.grader;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The extension every {@link Graded} test runs with.
 *
 * <ul>
 *   <li>Resolves a {@link TestRandom} parameter with the test's seed, and prints the seed when the test fails.</li>
 *   <li>Turns a {@link StackOverflowError} or {@link OutOfMemoryError} in student code into an ordinary failure of
 *       that one test with an explanation (JUnit would otherwise abort the whole run on an out-of-memory error).</li>
 *   <li>Runs only the tests of one task when asked: {@code -Dtask=1.3} (several: {@code -Dtask=1.3,1.4}).</li>
 * </ul>
 *
 * <p>The default timeout that stops an endless loop is JUnit's own, set in the grader's
 * {@code junit-platform.properties} (so that it holds in an IDE too) and run in a separate thread.
 */
public final class GradingExtension implements ParameterResolver, ExecutionCondition, InvocationInterceptor,
    TestExecutionExceptionHandler {

    /** The report entry key under which a test's seed is published to the listener. */
    static final String SEED_KEY = "calculus.seed";
    /** The course's base seed; {@code -Dcalculus.seed=N} changes every test's random inputs at once. */
    static final long COURSE_SEED = 20_261_124L;
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
        Outcome outcome = Outcome.of(failure);
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

    /** A graded test that met the skeleton's {@code UnsupportedOperationException}: the task is still to do. */
    static final class NotImplementedYet extends AssertionError {
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

    // ---- errors that must cost one test, not the run

    private static final Map<List<Path>, List<String>> VIOLATIONS = new HashMap<>();

    /**
     * The graded code's breaches of the rules for student code ({@link GradedCode}), checked once per test JVM and
     * pair of folders, before the first test: by the listener when the plan starts, or here on first use when the
     * listener is not there.
     */
    static synchronized List<String> policyViolations(Path classes, Path testClasses) {
        List<Path> key = List.of(classes.toAbsolutePath().normalize(), testClasses.toAbsolutePath().normalize());
        return VIOLATIONS.computeIfAbsent(key, k -> GradedCode.violations(k.get(0), k.get(1)));
    }

    /** The breaches of the code a module's settings name. */
    static List<String> policyViolations(ModuleSettings settings) {
        return policyViolations(settings.classes(), settings.testClasses());
    }

    private static List<String> policyViolations(ExtensionContext context) {
        return policyViolations(ModuleSettings.from(context::getConfigurationParameter));
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
        List<String> violations = policyViolations(context);
        if (!violations.isEmpty()) {
            invocation.skip();
            throw new AssertionError("not run: the code breaks the rules for student code (listed under the "
                + "scoreboard): " + String.join("; ", violations));
        }
        try {
            invocation.proceed();
        } catch (StackOverflowError e) {
            throw new AssertionError("StackOverflowError: the code recursed too deeply, or without end. Check the "
                + "base case of any recursion, or turn the recursion into a loop.");
        } catch (OutOfMemoryError e) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            throw new AssertionError("OutOfMemoryError: the code used up the test's " + mb + " MB of memory. Does "
                + "a loop keep adding to a list or array without end?");
        }
    }
}
