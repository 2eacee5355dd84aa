package calculus.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Grades a module while its tests run, then prints the scoreboard and writes {@code results.json}.
 *
 * <p>JUnit finds it through {@code META-INF/services}, so it runs in every test JVM that has the grader on its
 * class path, Maven's or an IDE's. It does nothing in a run without {@link Graded} tests. If the JVM ends early
 * ({@code System.exit} in student code), a shutdown hook still prints and writes what was graded so far.
 */
public final class GradingListener implements TestExecutionListener {

    private static final Pattern TASK = Pattern.compile("\\d+\\.\\d+");

    /** One graded test method, with its invocations taken together. */
    private static final class Entry {
        final String task;
        final int points;
        final String name;
        final String method;
        final String className;
        final Hidden hidden;
        Status status;
        String message = "";
        Long seed;

        Entry(String task, int points, String name, String method, String className, Hidden hidden) {
            this.task = task;
            this.points = points;
            this.name = name;
            this.method = method;
            this.className = className;
            this.hidden = hidden;
        }

        void record(Status outcome, String text) {
            Status before = status;
            status = before == null ? outcome : Status.combine(before, outcome);
            // the message that explains the status: that of the most telling outcome so far
            if (status != before && status == outcome && outcome != Status.PASSED) {
                message = text;
            }
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Entry> running = new LinkedHashMap<>();
    private final Map<String, Throwable> failedClasses = new HashMap<>();
    private final Map<String, String> skippedClasses = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private List<String> rules = List.of();
    private ModuleSettings settings;
    private boolean finished;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        try {
            settings = ModuleSettings.from(plan.getConfigurationParameters()::get);
            if (plan.getConfigurationParameters().getBoolean(ModuleSettings.PREFIX + "disabled").orElse(false)) {
                return; // tools such as PIT run the tests many times over: no scoreboard for them
            }
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    register(id);
                }
            }
            if (!entries.isEmpty()) {
                rules = GradingExtension.policyViolations(settings);
                Runtime.getRuntime().addShutdownHook(new Thread(this::exitedEarly, "grading-shutdown"));
            }
        } catch (RuntimeException | LinkageError e) {
            errors.add("the grader could not read the test plan: " + e);
        }
    }

    private void register(TestIdentifier id) {
        Optional<Method> method = javaMethod(id);
        if (method.isEmpty() || entries.containsKey(key(id))) {
            return;
        }
        Graded graded = method.get().getAnnotation(Graded.class);
        if (graded == null) {
            return;
        }
        MethodSource source = (MethodSource) id.getSource().orElseThrow();
        Class<?> testClass = source.getJavaClass();
        Hidden hidden = Optional.ofNullable(method.get().getAnnotation(Hidden.class))
            .orElse(testClass.getAnnotation(Hidden.class));
        String where = source.getClassName() + "#" + source.getMethodName();
        String name = id.getDisplayName();
        Entry entry = new Entry(graded.task(), graded.points(), name, where, source.getClassName(), hidden);
        entries.put(key(id), entry);
        validate(entry);
    }

    /** Problems with a test's own annotations: the course's mistakes, reported so they get fixed. */
    private void validate(Entry e) {
        if (!TASK.matcher(e.task).matches()) {
            errors.add(e.method + ": task \"" + e.task + "\" is not of the form M.N");
        } else if (settings.number() >= 0 && Integer.parseInt(e.task.split("\\.")[0]) != settings.number()) {
            errors.add(e.method + ": task " + e.task + " does not belong to module " + settings.module());
        }
        if (e.points < 1) {
            errors.add(e.method + ": a graded test is worth at least 1 point, not " + e.points);
        }
        if (!e.name.startsWith(e.task + " ")) {
            errors.add(e.method + ": its @DisplayName must start with its task number \"" + e.task + " \", not \""
                + e.name + "\"");
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        Entry e = entries.get(key(id));
        if (e != null) {
            running.put(id.getUniqueId(), e);
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        Entry e = entries.get(key(id));
        if (e != null) {
            e.record(Status.SKIPPED, reason);
        } else if (id.getSource().orElse(null) instanceof ClassSource c) {
            skippedClasses.put(c.getClassName(), reason);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        running.remove(id.getUniqueId());
        Throwable failure = result.getThrowable().orElse(null);
        Entry e = entries.get(key(id));
        if (e != null) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                e.record(Status.SKIPPED, Outcome.fullMessage(failure));
            } else if (id.isTest() || failure != null) {
                // a parameterized test's container finishes successfully even when invocations failed: only its
                // own failure (no arguments, say) counts; the invocations report themselves
                e.record(Outcome.of(failure).status(), Outcome.fullMessage(failure));
            }
        } else if (failure != null && id.getSource().orElse(null) instanceof ClassSource c) {
            failedClasses.put(c.getClassName(), failure);
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String seed = entry.getKeyValuePairs().get(GradingExtension.SEED_KEY);
        Entry e = entries.get(key(id));
        if (seed != null && e != null && e.seed == null) {
            e.seed = Long.parseLong(seed);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (entries.isEmpty() || finished) {
            return;
        }
        finished = true;
        for (Entry e : entries.values()) {
            if (e.status == null) {
                settleUnfinished(e, null);
            }
        }
        publish(System.out);
    }

    /** A test that never reported back: its class failed or was skipped, or the JVM is going down. */
    private void settleUnfinished(Entry e, String exitReason) {
        Throwable classFailure = failedClasses.get(e.className);
        if (classFailure != null) {
            e.record(Outcome.of(classFailure).status(), "the test class failed before its tests could run: "
                + Outcome.fullMessage(classFailure));
        } else if (skippedClasses.containsKey(e.className)) {
            e.record(Status.SKIPPED, skippedClasses.get(e.className));
        } else if (exitReason != null) {
            e.record(Status.NOT_RUN, exitReason);
        } else {
            e.record(Status.NOT_RUN, "this test did not run");
        }
    }

    /** Runs when the JVM shuts down before the test plan finished, for example on {@code System.exit}. */
    private synchronized void exitedEarly() {
        if (finished) {
            return;
        }
        finished = true;
        for (Entry e : running.values()) {
            e.record(Status.FAILED, "the test JVM shut down while this test ran: does the code call System.exit "
                + "or Runtime.halt? Remove the call; report a problem by throwing an exception.");
        }
        for (Entry e : entries.values()) {
            if (e.status == null) {
                settleUnfinished(e, "not run: the test JVM shut down early (System.exit in the code?)");
            }
        }
        publish(System.out);
    }

    /** The report of what has been graded. */
    ModuleReport report() {
        List<TestResult> results = new ArrayList<>();
        for (Entry e : entries.values()) {
            Status status = e.status == null ? Status.NOT_RUN : e.status;
            int earned = status == Status.PASSED ? e.points : 0;
            String visibility = e.hidden == null ? TestResult.VISIBLE
                : e.hidden.showMessage() ? TestResult.HIDDEN : TestResult.WITHHELD;
            String message = status == Status.PASSED ? "" : e.message;
            results.add(new TestResult(settings.module(), e.task, e.name, e.method, earned, e.points, status, message,
                e.seed, visibility));
        }
        Map<String, String> titles = Lesson.titles(settings.root().resolve(settings.lesson()).resolve("README.md"));
        return new ModuleReport(settings.module(), settings.title(), settings.role(), settings.check(),
            settings.build(), settings.lesson(), titles, results, List.copyOf(errors), rules);
    }

    private void publish(PrintStream console) {
        try {
            ModuleReport report = report();
            if (settings.print()) {
                console.print(Scoreboard.module(report));
                console.flush();
            }
            Files.createDirectories(settings.output());
            Path file = settings.output().resolve("results.json");
            Files.writeString(file, report.toJson(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            console.println("[grading] could not write the results: " + e);
        }
    }

    /** The graded method an identifier belongs to: the test itself, or each invocation of a parameterized test. */
    private static String key(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource m) {
            return m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
        }
        return "";
    }

    private static Optional<Method> javaMethod(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        if (!(source instanceof MethodSource m)) {
            return Optional.empty();
        }
        try {
            return Optional.of(m.getJavaMethod());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
