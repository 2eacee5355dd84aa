package calculus.grader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import calculus.grader.fixtures.BrokenSetup;
import calculus.grader.fixtures.GradedModule;
import calculus.grader.fixtures.SkeletonInSetup;
import calculus.grader.fixtures.TaskSelection;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Scoreboard;
import calculus.grader.report.Status;
import calculus.grader.report.TaskSummary;
import calculus.grader.report.TestResult;

/**
 * The scoreboard of a run from an IDE: the listener driven through JUnit's Launcher on fixture classes, its report
 * read from the listener itself. (The grade that counts is computed by the engine, not here.)
 */
class GradingListenerTest {

    private static final String FIXTURES = "calculus.grader.fixtures.";

    @TempDir
    Path root;

    private Map<String, String> settings;
    /** What the listener printed: the module's scoreboard. */
    private String printed;
    private GradingListener listener;

    @BeforeEach
    void layOutModule() throws IOException {
        settings = new HashMap<>(FixtureRuns.parameters());
        settings.put("calculus.grader.module", "01-fixtures");
        settings.put("calculus.grader.title", "Fixtures");
        settings.put("calculus.grader.lesson", "01-fixtures");
        settings.put("calculus.grader.root", root.toString());
        Files.createDirectories(root.resolve("01-fixtures"));
        Files.writeString(root.resolve("01-fixtures").resolve("README.md"), String.join("\n",
            "# Fixtures", "", "## Task 1.1: Passing", "", "## Task 1.2: Parameterized", "",
            "## Task 1.3: Not yet", "", "## Task 1.4: Withheld", "", "## Task 1.10: Seeded", ""), UTF_8);
    }

    @Test
    @DisplayName("the listener is registered with JUnit through META-INF/services, so an IDE's test run loads it")
    void listenerIsAService() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
            .contains(GradingListener.class);
    }

    @Test
    @DisplayName("each graded method is one result: its status, the points it earned and its message")
    void gradesEachMethod() {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(report.tests()).extracting(TestResult::method).containsExactlyInAnyOrder(
            FIXTURES + "GradedModule#passes", FIXTURES + "GradedModule#oneInvocationFails",
            FIXTURES + "GradedModule#everyInvocationPasses", FIXTURES + "GradedModule#notImplemented",
            FIXTURES + "GradedModule#withheldFailure", FIXTURES + "GradedModule#failsWithSeed");
        TestResult passes = test(report, "passes");
        assertThat(passes).extracting(TestResult::status, TestResult::points, TestResult::max, TestResult::message,
            TestResult::module, TestResult::task, TestResult::name)
            .containsExactly(Status.PASSED, 30, 30, "", "01-fixtures", "1.1", "1.1 Passes with random inputs");
        TestResult todo = test(report, "notImplemented");
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.points()).isZero();
        assertThat(todo.message()).isEqualTo("TODO, not implemented yet: Task 1.3: Thing.compute");
        assertThat(report.score()).isEqualTo(40);
        assertThat(report.max()).isEqualTo(115);
    }

    @Test
    @DisplayName("one failing invocation makes a parameterized method FAILED and worth 0, with that failure's message")
    void parameterizedInvocationsCombine() {
        ModuleReport report = grade(selectClass(GradedModule.class));

        TestResult oneFails = test(report, "oneInvocationFails");
        assertThat(oneFails.status()).isEqualTo(Status.FAILED);
        assertThat(oneFails.points()).isZero();
        assertThat(oneFails.message()).as("the failing invocation's message, though a passing one came after it")
            .isEqualTo(GradedModule.PARAMETER_FAILURE);
        assertThat(test(report, "everyInvocationPasses").status()).isEqualTo(Status.PASSED);
    }

    @Test
    @DisplayName("a test with a TestRandom records its seed, and its task's reason says how to rerun it")
    void seeds() {
        ModuleReport report = grade(selectClass(GradedModule.class));

        long seed = test(report, "failsWithSeed").seed();
        assertThat(test(report, "passes").seed()).isNotNull().isNotEqualTo(seed);
        assertThat(test(report, "notImplemented").seed()).isNull();
        assertThat(report.tasks().get(report.tasks().size() - 1).reason())
            .startsWith("[a draw from [0, 1)]").endsWith("[seed " + seed + ": rerun with -Dseed=" + seed + "]");
    }

    @Test
    @DisplayName("@Hidden tests are listed as hidden or withheld; a withheld message does not reach the board")
    void hiddenTests() {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(test(report, "passes").visibility()).isEqualTo(TestResult.VISIBLE);
        assertThat(test(report, "everyInvocationPasses").visibility()).isEqualTo(TestResult.HIDDEN);
        assertThat(test(report, "withheldFailure").visibility()).isEqualTo(TestResult.WITHHELD);
        assertThat(test(report, "withheldFailure").message()).isEqualTo(GradedModule.WITHHELD_FAILURE);
        assertThat(printed).doesNotContain("secret").contains("   (2 hidden tests included)");
    }

    @Test
    @DisplayName("the listener prints the module's scoreboard, with the lesson's titles, marked as an IDE run")
    void printsTheScoreboard() {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(printed).isEqualTo(Scoreboard.module(report));
        assertThat(report.build()).isEqualTo("ide");
        assertThat(report.selection()).isEqualTo("the tests run from the IDE");
        assertThat(report.tasks()).extracting(TaskSummary::task, TaskSummary::title).containsExactly(
            tuple("1.1", "Passing"), tuple("1.2", "Parameterized"), tuple("1.3", "Not yet"),
            tuple("1.4", "Withheld"), tuple("1.10", "Seeded"));
        assertThat(printed).contains(" 01-fixtures  Fixtures").contains(" Next: Task 1.2 Parameterized (FAILED)");
    }

    @Test
    @DisplayName("a test class whose setup fails leaves its tests FAILED with that failure; the skeleton's, TODO")
    void classFailuresReachTheirTests() {
        ModuleReport report = grade(selectClass(BrokenSetup.class), selectClass(SkeletonInSetup.class));

        TestResult broken = test(report, "neverStarts");
        assertThat(broken.status()).isEqualTo(Status.FAILED);
        assertThat(broken.message()).isEqualTo("the test class failed before its tests could run: "
            + "java.lang.IllegalStateException: " + BrokenSetup.FAILURE);
        TestResult todo = test(report, "needsTheModel");
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).startsWith("the test class failed before its tests could run: ")
            .contains("Task 1.2: Model.fit");
    }

    @Test
    @DisplayName("with -Dtask in an IDE, the graded tests of other tasks are SKIPPED, with the reason")
    void otherTasksAreSkipped() {
        settings.put("task", "1.1");
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(test(report, "passes").status()).isEqualTo(Status.PASSED);
        assertThat(report.tests()).filteredOn(t -> !t.task().equals("1.1")).hasSize(5).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(Status.SKIPPED);
            assertThat(t.message()).isEqualTo("only task 1.1 selected (-Dtask)");
        });
        assertThat(report.nextTask()).as("skipped tasks are not the next task").isNull();
    }

    @Test
    @DisplayName("a graded test that did not run is left off the board; a run without graded tests prints nothing")
    void onlyWhatRanIsShown() {
        ModuleReport report = grade(selectMethod(GradedModule.class, "notImplemented"));
        assertThat(report.tests()).extracting(TestResult::method)
            .containsExactly(FIXTURES + "GradedModule#notImplemented");

        grade(selectMethod(TaskSelection.class, "ungraded"));
        assertThat(printed).isEmpty();
    }

    // ---- helpers

    /** Runs the selected fixtures with a fresh listener, keeping what it printed, and returns its report. */
    private ModuleReport grade(DiscoverySelector... selectors) {
        listener = new GradingListener();
        // this listener only: the one registered through META-INF/services would print a second board
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).addTestExecutionListeners(listener).build());
        PrintStream console = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, UTF_8));
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .enableImplicitConfigurationParameters(false).configurationParameters(settings).build());
        } finally {
            System.setOut(console);
        }
        printed = bytes.toString(UTF_8);
        return listener.report();
    }

    private static TestResult test(ModuleReport report, String method) {
        return report.tests().stream().filter(t -> t.method().endsWith("#" + method)).findFirst()
            .orElseThrow(() -> new AssertionError("no result for " + method + " in " + report.tests()));
    }
}
