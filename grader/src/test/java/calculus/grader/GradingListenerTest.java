package calculus.grader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import calculus.grader.fixtures.BrokenSetup;
import calculus.grader.fixtures.FixtureGuard;
import calculus.grader.fixtures.ForbiddenCalls;
import calculus.grader.fixtures.GradedModule;
import calculus.grader.fixtures.MislabelledAnnotations;
import calculus.grader.fixtures.SkeletonInSetup;
import calculus.grader.fixtures.TaskSelection;

/**
 * The listener that grades a module while its tests run, driven through JUnit's Launcher on fixture classes, with
 * its results read back from the {@code results.json} it writes.
 */
class GradingListenerTest {

    private static final String FIXTURES = "calculus.grader.fixtures.";

    @TempDir
    Path root;

    private Path output;
    private Map<String, String> settings;
    /** What the listener printed: the module's scoreboard. */
    private String printed;

    @BeforeEach
    void layOutModule() throws IOException {
        output = root.resolve("01-fixtures").resolve("target").resolve("grading");
        settings = new HashMap<>(FixtureRuns.parameters());
        settings.put("calculus.grader.module", "01-fixtures");
        settings.put("calculus.grader.title", "Fixtures");
        settings.put("calculus.grader.role", "exercise");
        settings.put("calculus.grader.lesson", "01-fixtures");
        settings.put("calculus.grader.check", "false");
        settings.put("calculus.grader.build", "20261124T120000000");
        settings.put("calculus.grader.output", output.toString());
        settings.put("calculus.grader.root", root.toString());
        Files.createDirectories(root.resolve("01-fixtures"));
        Files.writeString(root.resolve("01-fixtures").resolve("README.md"), String.join("\n",
            "# Fixtures", "", "## Task 1.1: Passing", "", "## Task 1.2: Parameterized", "",
            "## Task 1.3: Not yet", "", "## Task 1.4: Withheld", "", "## Task 1.10: Seeded", ""), UTF_8);
    }

    // ---- per-method results

    @Test
    @DisplayName("each graded method is one result: its status, the points it earned and its message")
    void gradesEachMethod() throws IOException {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(report.tests()).extracting(TestResult::method).containsExactlyInAnyOrder(
            FIXTURES + "GradedModule#passes", FIXTURES + "GradedModule#oneInvocationFails",
            FIXTURES + "GradedModule#everyInvocationPasses", FIXTURES + "GradedModule#notImplemented",
            FIXTURES + "GradedModule#withheldFailure", FIXTURES + "GradedModule#failsWithSeed");
        TestResult passes = test(report, "passes");
        assertThat(passes.status()).isEqualTo(Status.PASSED);
        assertThat(passes.points()).isEqualTo(30);
        assertThat(passes.max()).isEqualTo(30);
        assertThat(passes.message()).isEmpty();
        assertThat(passes.module()).isEqualTo("01-fixtures");
        assertThat(passes.task()).isEqualTo("1.1");
        assertThat(passes.name()).isEqualTo("1.1 Passes with random inputs");
        TestResult todo = test(report, "notImplemented");
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.points()).isZero();
        assertThat(todo.message()).isEqualTo("TODO, not implemented yet: Task 1.3: Thing.compute");
        assertThat(report.score()).isEqualTo(40);
        assertThat(report.max()).isEqualTo(115);
        assertThat(report.errors()).isEmpty();
        assertThat(report.rules()).isEmpty();
    }

    @Test
    @DisplayName("one failing invocation makes a parameterized method FAILED and worth 0, with that failure's message")
    void parameterizedInvocationsCombine() throws IOException {
        ModuleReport report = grade(selectClass(GradedModule.class));

        TestResult oneFails = test(report, "oneInvocationFails");
        assertThat(oneFails.status()).isEqualTo(Status.FAILED);
        assertThat(oneFails.points()).isZero();
        assertThat(oneFails.max()).isEqualTo(20);
        assertThat(oneFails.message()).as("the failing invocation's message, though a passing one came after it")
            .isEqualTo(GradedModule.PARAMETER_FAILURE);
        assertThat(oneFails.name()).isEqualTo("1.2 Fails for one of three inputs");
        TestResult allPass = test(report, "everyInvocationPasses");
        assertThat(allPass.status()).isEqualTo(Status.PASSED);
        assertThat(allPass.points()).isEqualTo(10);
        assertThat(report.tasks()).filteredOn(t -> t.task().equals("1.2")).singleElement()
            .satisfies(t -> {
                assertThat(t.status()).isEqualTo(Status.FAILED);
                assertThat(t.points()).isEqualTo(10);
                assertThat(t.passed()).isEqualTo(1);
                assertThat(t.tests()).isEqualTo(2);
            });
    }

    @Test
    @DisplayName("a test with a TestRandom records its seed, and its task's reason says how to rerun it")
    void seeds() throws IOException {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(test(report, "passes").seed()).isNotNull().isBetween(0L, 999_999_999L);
        assertThat(test(report, "failsWithSeed").seed()).isNotNull().isNotEqualTo(test(report, "passes").seed());
        assertThat(test(report, "notImplemented").seed()).isNull();
        String reason = report.tasks().get(report.tasks().size() - 1).reason();
        long seed = test(report, "failsWithSeed").seed();
        assertThat(reason).as("the message, not the test's name, then the seed").startsWith("[a draw from [0, 1)]")
            .endsWith("[seed " + seed + ": rerun with -Dseed=" + seed + "]");
    }

    @Test
    @DisplayName("@Hidden tests are listed as hidden, or withheld: their message kept for the instructor only")
    void hiddenTests() throws IOException {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(test(report, "passes").visibility()).isEqualTo(TestResult.VISIBLE);
        assertThat(test(report, "everyInvocationPasses").visibility()).isEqualTo(TestResult.HIDDEN);
        TestResult withheld = test(report, "withheldFailure");
        assertThat(withheld.visibility()).isEqualTo(TestResult.WITHHELD);
        assertThat(withheld.status()).isEqualTo(Status.FAILED);
        assertThat(withheld.message()).as("results.json keeps it").isEqualTo(GradedModule.WITHHELD_FAILURE);
        assertThat(printed).as("the student's scoreboard does not show it").doesNotContain("secret")
            .contains("a hidden test failed (its message is withheld by the instructor)")
            .contains("   (2 hidden tests included)");
        assertThat(report.checkViolations()).as("hidden points do not count towards the module's 100")
            .noneMatch(v -> v.contains("add up to"));
    }

    @Test
    @DisplayName("the module's settings reach the report: module, title, role, check, build, lesson and its titles")
    void settingsReachTheReport() throws IOException {
        settings.put("calculus.grader.role", "solution");
        settings.put("calculus.grader.check", "true");
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(report.module()).isEqualTo("01-fixtures");
        assertThat(report.title()).isEqualTo("Fixtures");
        assertThat(report.role()).isEqualTo("solution");
        assertThat(report.isSolution()).isTrue();
        assertThat(report.check()).isTrue();
        assertThat(report.build()).isEqualTo("20261124T120000000");
        assertThat(report.lesson()).isEqualTo("01-fixtures");
        assertThat(report.tasks()).extracting(TaskSummary::task, TaskSummary::title).containsExactly(
            tuple("1.1", "Passing"),
            tuple("1.2", "Parameterized"),
            tuple("1.3", "Not yet"),
            tuple("1.4", "Withheld"),
            tuple("1.10", "Seeded"));
        assertThat(printed).contains(" 01-fixtures  Fixtures  (reference solution)")
            .contains(" CHECK FAILED: expected every graded test passes against the reference solution");
    }

    @Test
    @DisplayName("the listener prints the module's scoreboard, the same as Scoreboard.module of its report")
    void printsTheScoreboard() throws IOException {
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(printed).isEqualTo(Scoreboard.module(report));
        assertThat(printed).contains(" Next: Task 1.2 Parameterized (FAILED)");
        Map<?, ?> json = (Map<?, ?>) Json.read(Files.readString(output.resolve("results.json"), UTF_8));
        assertThat(json.get("score")).isEqualTo(40.0);
        assertThat(json.get("max")).isEqualTo(115.0);
    }

    // ---- the course's own mistakes

    @Test
    @DisplayName("course errors: a name without its task number, another module's task, a bad number, no points")
    void courseErrors() throws IOException {
        ModuleReport report = grade(selectClass(MislabelledAnnotations.class));

        String where = FIXTURES + "MislabelledAnnotations#";
        assertThat(report.errors()).containsExactlyInAnyOrder(
            where + "nameWithoutTask: its @DisplayName must start with its task number \"1.4 \", not \"The name "
                + "lacks its task number\"",
            where + "taskOfAnotherModule: task 2.1 does not belong to module 01-fixtures",
            where + "taskNotANumber: task \"one\" is not of the form M.N",
            where + "noPoints: a graded test is worth at least 1 point, not 0");
        assertThat(report.checkViolations()).containsAll(report.errors());
    }

    @Test
    @DisplayName("a module whose name has no number accepts tasks of any module")
    void moduleWithoutNumber() throws IOException {
        settings.put("calculus.grader.module", "fixtures");
        ModuleReport report = grade(selectClass(MislabelledAnnotations.class));

        assertThat(report.errors()).noneMatch(e -> e.contains("does not belong"));
    }

    // ---- tests that never ran

    @Test
    @DisplayName("with -Dtask, the graded tests of other tasks are SKIPPED and earn nothing")
    void otherTasksAreSkipped() throws IOException {
        settings.put("task", "1.1");
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(test(report, "passes").status()).isEqualTo(Status.PASSED);
        assertThat(report.tests()).filteredOn(t -> !t.task().equals("1.1"))
            .hasSize(5)
            .allSatisfy(t -> {
                assertThat(t.status()).isEqualTo(Status.SKIPPED);
                assertThat(t.points()).isZero();
                assertThat(t.message()).isEqualTo("only task 1.1 selected (-Dtask)");
            });
        assertThat(report.nextTask()).as("skipped tasks are not the next task").isNull();
    }

    @Test
    @DisplayName("a test class whose setup fails leaves its tests FAILED with that failure; the skeleton's, TODO")
    void classFailuresReachTheirTests() throws IOException {
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
    @DisplayName("a test class skipped as a whole leaves its graded tests SKIPPED, with the reason")
    void skippedClassSkipsItsTests() throws IOException {
        settings.put(FixtureGuard.LAUNCHED, "false");
        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(report.tests()).hasSize(6).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(Status.SKIPPED);
            assertThat(t.message()).isEqualTo("a fixture of the grader's tests, run only through them");
        });
    }

    @Test
    @DisplayName("a run without graded tests prints nothing and writes no results")
    void runWithoutGradedTestsIsSilent() {
        run(selectMethod(TaskSelection.class, "ungraded"));

        assertThat(printed).isEmpty();
        assertThat(output.resolve("results.json")).doesNotExist();
    }

    @Test
    @DisplayName("calculus.grader.disabled=true (for tools that rerun the tests) prints and writes nothing")
    void disabledListenerIsSilent() {
        settings.put("calculus.grader.disabled", "true");
        run(selectClass(GradedModule.class));

        assertThat(printed).isEmpty();
        assertThat(output.resolve("results.json")).doesNotExist();
    }

    @Test
    @DisplayName("when the JVM shuts down early, the running test FAILED names System.exit, the rest are NOT RUN")
    void shutdownDuringATest() throws Exception {
        GradingListener listener = new GradingListener();
        TestPlan plan = launcher(null).discover(request(selectClass(GradedModule.class)));
        listener.testPlanExecutionStarted(plan);
        TestIdentifier todo = identifier(plan, "notImplemented");
        listener.executionStarted(todo);
        listener.executionFinished(todo, TestExecutionResult.failed(
            new UnsupportedOperationException("Task 1.3: Thing.compute")));
        listener.executionStarted(identifier(plan, "passes"));

        // what the shutdown hook runs when student code calls System.exit: only a real exit would reach it
        Method exitedEarly = GradingListener.class.getDeclaredMethod("exitedEarly");
        exitedEarly.setAccessible(true);
        printed = capture(() -> {
            invoke(exitedEarly, listener);
            listener.testPlanExecutionFinished(plan);
        });

        ModuleReport report = read();
        assertThat(test(report, "passes").status()).isEqualTo(Status.FAILED);
        assertThat(test(report, "passes").message()).startsWith("the test JVM shut down while this test ran: does "
            + "the code call System.exit or Runtime.halt?");
        assertThat(test(report, "notImplemented").status()).isEqualTo(Status.TODO);
        assertThat(List.of("oneInvocationFails", "everyInvocationPasses", "withheldFailure", "failsWithSeed"))
            .extracting(m -> test(report, m)).allSatisfy(t -> {
                assertThat(t.status()).isEqualTo(Status.NOT_RUN);
                assertThat(t.message()).isEqualTo("not run: the test JVM shut down early (System.exit in the code?)");
            });
        assertThat(printed).as("the scoreboard is printed once, by the first of the two to finish")
            .containsOnlyOnce(" 01-fixtures  Fixtures");
    }

    // ---- the rules for student code

    @Test
    @DisplayName("graded code that breaks a rule stops every test before it runs, and the report lists the breach")
    void ruleBreachStopsEveryTest() throws IOException {
        // a folder of this test's own: the policy's results are cached per folder for the life of the JVM
        Path classes = root.resolve("classes");
        Path folder = classes.resolve("calculus").resolve("grader").resolve("fixtures");
        Files.createDirectories(folder);
        String exits = ForbiddenCalls.Exits.class.getName().replace(FIXTURES, "") + ".class";
        Files.copy(FixtureRuns.testClasses().resolve("calculus/grader/fixtures").resolve(exits),
            folder.resolve(exits));
        settings.put("calculus.grader.classes", classes.toString());
        settings.put("calculus.grader.testClasses", FixtureRuns.testsLike(root.resolve("tests"), GradedModule.class)
            .toString());

        ModuleReport report = grade(selectClass(GradedModule.class));

        assertThat(report.rules()).singleElement().asString()
            .matches("ForbiddenCalls.java:\\d+ uses java.lang.System.exit: ends the JVM, and the grading with it; "
                + "throw an IllegalArgumentException or IllegalStateException instead");
        assertThat(report.tests()).hasSize(6).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(Status.FAILED);
            assertThat(t.message()).startsWith("not run: the code breaks the rules for student code (listed under "
                + "the scoreboard): ").contains("java.lang.System.exit");
        });
        assertThat(report.score()).isZero();
        assertThat(printed).contains(" NO TEST RAN: the code breaks the rules that keep grading safe.")
            .contains("   - ForbiddenCalls.java:").contains(" uses java.lang.System.exit");
        assertThat(report.checkViolations())
            .anyMatch(v -> v.startsWith("01-fixtures (exercise) breaks the rules for student code: "));
    }

    // ---- helpers

    /** Runs the selected fixtures with a fresh listener and reads back the results it wrote. */
    private ModuleReport grade(DiscoverySelector... selectors) throws IOException {
        run(selectors);
        return read();
    }

    private void run(DiscoverySelector... selectors) {
        GradingListener listener = new GradingListener();
        Launcher launcher = launcher(listener);
        LauncherDiscoveryRequest request = request(selectors);
        printed = capture(() -> launcher.execute(request));
    }

    private ModuleReport read() throws IOException {
        return ModuleReport.fromJson(Files.readString(output.resolve("results.json"), UTF_8));
    }

    /**
     * A launcher with this listener only: the grader's own, registered through {@code META-INF/services}, would
     * otherwise grade the fixtures a second time and write to the same file.
     */
    private static Launcher launcher(GradingListener listener) {
        LauncherConfig.Builder config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false);
        if (listener != null) {
            config.addTestExecutionListeners(listener);
        }
        return LauncherFactory.create(config.build());
    }

    private LauncherDiscoveryRequest request(DiscoverySelector... selectors) {
        return LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .enableImplicitConfigurationParameters(false)
            .configurationParameters(settings)
            .build();
    }

    /** What the code prints on System.out, which the listener prints its scoreboard to. */
    private static String capture(Runnable code) {
        PrintStream console = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(console);
        }
        return bytes.toString(UTF_8);
    }

    private static void invoke(Method method, Object target) {
        try {
            method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestIdentifier identifier(TestPlan plan, String method) {
        List<TestIdentifier> found = plan.getRoots().stream()
            .flatMap(r -> plan.getDescendants(r).stream())
            .filter(id -> id.getSource().orElse(null) instanceof MethodSource m && m.getMethodName().equals(method))
            .collect(Collectors.toList());
        assertThat(found).as("test %s in the plan", method).hasSize(1);
        return found.get(0);
    }

    private static TestResult test(ModuleReport report, String method) {
        return report.tests().stream().filter(t -> t.method().endsWith("#" + method)).findFirst()
            .orElseThrow(() -> new AssertionError("no result for " + method + " in " + report.tests()));
    }
}
