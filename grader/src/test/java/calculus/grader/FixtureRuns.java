package calculus.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import calculus.grader.fixtures.FixtureGuard;

/**
 * Runs a fixture class of {@code calculus.grader.fixtures} through the Jupiter engine, as the build would, and
 * reads what became of each test method.
 *
 * <p>The configuration is explicit and complete: implicit parameters are off, so that a {@code -Dtask} or
 * {@code -Dseed} given to the build that runs these tests cannot change what they see.
 */
final class FixtureRuns {

    /** JUnit's default timeout, the grader's default too, shortened by the tests of the timeout. */
    static final String TIMEOUT = "junit.jupiter.execution.timeout.default";
    private static final String THREAD_MODE = "junit.jupiter.execution.timeout.thread.mode.default";

    private final Map<String, TestExecutionResult> finished = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Map<String, Long> seeds = new HashMap<>();
    private final Map<String, String> uniqueIds = new HashMap<>();

    private FixtureRuns(EngineExecutionResults results) {
        for (Event event : results.allEvents().list()) {
            String method = methodName(event.getTestDescriptor());
            if (method.isEmpty()) {
                continue;
            }
            uniqueIds.put(method, event.getTestDescriptor().getUniqueId().toString());
            if (event.getType() == EventType.FINISHED) {
                finished.put(method, event.getRequiredPayload(TestExecutionResult.class));
            } else if (event.getType() == EventType.SKIPPED) {
                skipped.put(method, event.getRequiredPayload(String.class));
            } else if (event.getType() == EventType.REPORTING_ENTRY_PUBLISHED) {
                String seed = event.getRequiredPayload(ReportEntry.class).getKeyValuePairs()
                    .get(GradingExtension.SEED_KEY);
                if (seed != null) {
                    seeds.put(method, Long.parseLong(seed));
                }
            }
        }
    }

    /** Runs every test of a fixture class with the grader's defaults, changed by {@code parameters}. */
    static FixtureRuns run(Class<?> fixture, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters());
        all.putAll(parameters);
        return new FixtureRuns(EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .enableImplicitConfigurationParameters(false)
            .configurationParameters(all)
            .execute());
    }

    /** Runs every test of a fixture class with the grader's defaults. */
    static FixtureRuns run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    /**
     * The grader's defaults for a fixture run: its 10 s timeout in a separate thread, as in its
     * {@code junit-platform.properties}, and a folder of graded classes that does not exist, so that the code
     * policy has nothing to object to (the grader's own classes, its default, would break every rule). The tests
     * are the fixtures' own, so the graded code's package is the grader's.
     */
    static Map<String, String> parameters() {
        Map<String, String> p = new HashMap<>();
        p.put(FixtureGuard.LAUNCHED, "true");
        p.put(TIMEOUT, "10 s");
        p.put(THREAD_MODE, "SEPARATE_THREAD");
        p.put(ModuleSettings.PREFIX + "classes", noClasses().toString());
        p.put(ModuleSettings.PREFIX + "testClasses", testClasses().toString());
        return p;
    }

    /** A folder that does not exist, under the test classes so that it never will. */
    static Path noClasses() {
        return testClasses().resolve("no-graded-classes-here");
    }

    /**
     * A folder of compiled tests that holds one class copied from the fixtures: the tests of a module whose graded
     * code is in that class's package, and that are not the graded code itself.
     */
    static Path testsLike(Path folder, Class<?> testClass) throws IOException {
        String file = testClass.getName().replace('.', '/') + ".class";
        Files.createDirectories(folder.resolve(file).getParent());
        Files.copy(testClasses().resolve(file), folder.resolve(file));
        return folder;
    }

    /** The folder the fixtures were compiled into. */
    static Path testClasses() {
        try {
            return Paths.get(FixtureGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the test classes have no file location", e);
        }
    }

    /** How a test method finished; fails the calling test if it never did. */
    TestExecutionResult result(String method) {
        TestExecutionResult result = finished.get(method);
        if (result == null) {
            throw new AssertionError("test method " + method + " did not finish; finished: " + finished.keySet()
                + ", skipped: " + skipped.keySet());
        }
        return result;
    }

    /** The throwable a test method failed with; fails the calling test if it did not fail. */
    Throwable failure(String method) {
        return result(method).getThrowable().orElseThrow(() -> new AssertionError(method + " did not fail"));
    }

    /** Whether a test method finished successfully. */
    boolean succeeded(String method) {
        return result(method).getStatus() == TestExecutionResult.Status.SUCCESSFUL;
    }

    /** Why a test method was skipped, if it was. */
    Optional<String> skipReason(String method) {
        return Optional.ofNullable(skipped.get(method));
    }

    /** The seed a test method's {@link TestRandom} got, if it had one. */
    Optional<Long> seed(String method) {
        return Optional.ofNullable(seeds.get(method));
    }

    /** A test method's unique id in JUnit's tree, from which its seed is derived. */
    String uniqueId(String method) {
        return uniqueIds.get(method);
    }

    private static String methodName(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance)
            .map(s -> ((MethodSource) s).getMethodName()).orElse("");
    }
}
