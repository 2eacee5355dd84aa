package calculus.grader;

import java.io.IOException;
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

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import calculus.grader.report.Lesson;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Scoreboard;
import calculus.grader.report.Status;
import calculus.grader.report.Tally;
import calculus.grader.report.TestResult;

/**
 * The scoreboard of a test run in an IDE: a student who runs a test class from the editor sees the same board as
 * after {@code ./mvnw test}, for the tests that ran.
 *
 * <p>JUnit finds it through {@code META-INF/services}. It does nothing in a run without {@link Graded} tests, and
 * nothing in the grader's own test JVM, which reports to the grader instead (it is switched off there with
 * {@code junit.platform.execution.listeners.deactivate}). An IDE run is the student's own business: it runs the
 * code in the IDE's JVM, without the grader's rules and step budget, and writes no results. The grade that counts
 * is the one {@code ./mvnw test} computes.
 */
public final class GradingListener implements TestExecutionListener {

    /** One graded test method. */
    private record Entry(String task, int points, String name, String method, String className, String visibility,
                         Tally tally) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Throwable> failedClasses = new HashMap<>();
    private ModuleSettings settings;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        settings = ModuleSettings.from(plan.getConfigurationParameters()::get);
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                register(id);
            }
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
        Hidden hidden = Optional.ofNullable(method.get().getAnnotation(Hidden.class))
            .orElse(source.getJavaClass().getAnnotation(Hidden.class));
        String visibility = hidden == null ? TestResult.VISIBLE
            : hidden.showMessage() ? TestResult.HIDDEN : TestResult.WITHHELD;
        entries.put(key(id), new Entry(graded.task(), graded.points(), id.getDisplayName(),
            source.getClassName() + "#" + source.getMethodName(), source.getClassName(), visibility, new Tally()));
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        Entry e = entries.get(key(id));
        if (e != null) {
            e.tally().record(Status.SKIPPED, reason);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Throwable failure = result.getThrowable().orElse(null);
        Entry e = entries.get(key(id));
        if (e != null) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                e.tally().record(Status.SKIPPED, Outcome.fullMessage(failure));
            } else if (id.isTest() || failure != null) {
                // a parameterized test's container finishes successfully even when invocations failed: only its
                // own failure (no arguments, say) counts; the invocations report themselves
                e.tally().record(Outcome.of(failure).status(), Outcome.fullMessage(failure));
            }
        } else if (failure != null && id.getSource().orElse(null) instanceof ClassSource c) {
            failedClasses.put(c.getClassName(), failure);
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Entry e = entries.get(key(id));
        String seed = entry.getKeyValuePairs().get(GradingExtension.SEED_KEY);
        if (e != null && seed != null) {
            e.tally().seed(Long.parseLong(seed));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (entries.isEmpty()) {
            return;
        }
        ModuleReport report = report();
        System.out.print(Scoreboard.module(report));
        System.out.flush();
    }

    /** The report of what ran. */
    ModuleReport report() {
        List<TestResult> results = new ArrayList<>();
        for (Entry e : entries.values()) {
            Throwable classFailure = failedClasses.get(e.className());
            if (!e.tally().recorded() && classFailure != null) {
                e.tally().record(Outcome.of(classFailure).status(), "the test class failed before its tests could "
                    + "run: " + Outcome.fullMessage(classFailure));
            }
            if (e.tally().recorded()) {
                results.add(e.tally().result(settings.module(), e.task(), e.name(), e.method(), e.points(),
                    e.visibility(), ""));
            }
        }
        Map<String, String> titles = Lesson.titles(settings.root().resolve(settings.lesson()).resolve("README.md"));
        return new ModuleReport(settings.module(), settings.title(), ModuleReport.EXERCISE, false, "ide",
            settings.lesson(), titles, results, List.of(), null, "the tests run from the IDE");
    }

    /** Writes the report where a tool may look for it (tests of the grader use it). */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, report().toJson(), StandardCharsets.UTF_8);
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
