package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/** Which graded tests a run grades ({@code -Dtask}, {@code -Dtest}), and what becomes of the others. */
class SelectionTest {

    private static final TestInventory.GradedTest ONE = graded("calculus.derivatives.SecantSlopeTest",
        "workedExamples", "1.1");
    private static final TestInventory.GradedTest TEN = graded("calculus.derivatives.NewtonMethodTest",
        "convergesQuadratically", "1.10");

    // ---- reading -Dtask and -Dtest

    @Test
    @DisplayName("unset, empty or unresolved ${...} values select everything; lists are split and trimmed")
    void parsing() {
        assertThat(Selection.of(null, null).everything()).isTrue();
        assertThat(Selection.of("${task}", "${test}").everything()).isTrue();
        assertThat(Selection.of("", " , ").everything()).isTrue();
        assertThat(Selection.of(" 1.1 , 1.10,", "SecantSlopeTest , Newton*#conv*"))
            .isEqualTo(new Selection(List.of("1.1", "1.10"), List.of("SecantSlopeTest", "Newton*#conv*")));
        assertThat(Selection.all()).isEqualTo(Selection.of(null, null));
    }

    @ParameterizedTest(name = "-Dtask={0} -Dtest={1}: task 1.1 {2}, task 1.10 {3}")
    @CsvSource(nullValues = "-", value = {
        "-,      -,                               true,  true",
        "1.1,    -,                               true,  false",
        "1.10,   -,                               false, true",
        "'1.1,1.10', -,                           true,  true",
        "-,      SecantSlopeTest,                 true,  false",
        "-,      calculus.derivatives.Newton*,    false, true",
        "-,      *Test,                           true,  true",
        "-,      Secant?lopeTest,                 true,  false",
        "-,      SecantSlope,                     false, false",
        "-,      SecantSlopeTest#worked*,         true,  false",
        "-,      SecantSlopeTest#,                true,  false",
        "-,      SecantSlopeTest#other,           false, false",
        "-,      '*#conv*',                       false, true",
        "1.1,    NewtonMethodTest,                false, false",
        "1.10,   'SecantSlopeTest,Newton*',       false, true",
    })
    @DisplayName("a test is selected when its task is asked for and its class (and method) match a pattern")
    void selects(String task, String test, boolean one, boolean ten) {
        Selection selection = Selection.of(task, test);

        assertThat(selection.selects(ONE)).as("task 1.1").isEqualTo(one);
        assertThat(selection.selects(TEN)).as("task 1.10").isEqualTo(ten);
    }

    @Test
    @DisplayName("a selection says what it selected, for the scoreboard's line")
    void describe() {
        assertThat(Selection.of("1.3", null).describe()).isEqualTo("Task 1.3");
        assertThat(Selection.of("1.3,1.4", null).describe()).isEqualTo("Tasks 1.3, 1.4");
        assertThat(Selection.of(null, "A,B#m").describe()).isEqualTo("-Dtest=A,B#m");
        assertThat(Selection.of("2.1", "A").describe()).isEqualTo("Task 2.1 and -Dtest=A");
        assertThat(Selection.all().describe()).isEmpty();
    }

    @Test
    @DisplayName("a selection concerns a module when it names one of its tasks, or any test pattern")
    void concerns() {
        assertThat(Selection.all().concerns(1)).isTrue();
        assertThat(Selection.of("1.3", null).concerns(1)).isTrue();
        assertThat(Selection.of("1.3", null).concerns(11)).as("11.x is not 1.x").isFalse();
        assertThat(Selection.of("11.3", null).concerns(1)).isFalse();
        assertThat(Selection.of(null, "AnyTest").concerns(5)).isTrue();
    }

    @Test
    @DisplayName("the unknown tasks are those of this module that its lesson does not have; others' are no concern")
    void unknownTasks() {
        Set<String> known = Set.of("1.1", "1.2", "1.10");

        assertThat(Selection.of("1.1,1.7,2.3,1.20", null).unknownTasks(1, known)).containsExactly("1.7", "1.20");
        assertThat(Selection.of("1.1", null).unknownTasks(1, known)).isEmpty();
        assertThat(Selection.list(known)).isEqualTo("1.1, 1.2, 1.10");
    }

    @Test
    @DisplayName("a -Dtest pattern matches a module's test class by its file name, before anything is compiled")
    void matchesAnyClass(@TempDir Path tests) throws IOException {
        Path folder = tests.resolve("calculus").resolve("derivatives");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("SecantSlopeTest.java"), "");
        Files.writeString(folder.resolve("notes.txt"), "");

        assertThat(Selection.all().matchesAnyClass(List.of(tests))).isTrue();
        assertThat(Selection.of(null, "SecantSlopeTest").matchesAnyClass(List.of(tests))).isTrue();
        assertThat(Selection.of(null, "Secant*#worked*").matchesAnyClass(List.of(tests))).isTrue();
        assertThat(Selection.of(null, "calculus.derivatives.SecantSlopeTest").matchesAnyClass(List.of(tests)))
            .isTrue();
        assertThat(Selection.of(null, "NewtonMethodTest").matchesAnyClass(List.of(tests))).isFalse();
        assertThat(Selection.of(null, "notes*").matchesAnyClass(List.of(tests))).as("only Java files").isFalse();
        assertThat(Selection.of(null, "SecantSlopeTest").matchesAnyClass(List.of(tests.resolve("missing"))))
            .isFalse();
    }

    // ---- grading a selection, end to end

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("grading a selection")
    class Grading {

        private static final String PKG = "fixture/pick/";

        private FixtureModule module;
        /** The results of an earlier run: task 1.1 passed, 1.3 failed, and the test oneMore was worth 7 then. */
        private ModuleReport earlier;

        @BeforeAll
        void layOut(@TempDir Path root) throws IOException {
            String imports = """
                package fixture.pick;

                import static org.assertj.core.api.Assertions.assertThat;

                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Test;

                import calculus.grader.Graded;

                """;
            module = FixtureModule.in(root, "01-pick").lesson("1.1", "One", "1.2", "Two", "1.3", "Three")
                .code(PKG + "Pick.java", """
                    package fixture.pick;

                    public final class Pick {

                        private Pick() {
                        }

                        public static int value(int n) {
                            return n;
                        }
                    }
                    """)
                .test(PKG + "FirstTest.java", imports + """
                    class FirstTest {

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 One")
                        void one() {
                            assertThat(Pick.value(1)).isEqualTo(1);
                        }

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 One more")
                        void oneMore() {
                            assertThat(Pick.value(1)).isEqualTo(1);
                        }

                        @Test
                        @Graded(task = "1.2", points = 10)
                        @DisplayName("1.2 Two fails")
                        void two() {
                            assertThat(Pick.value(2)).isEqualTo(3);
                        }
                    }
                    """)
                .test(PKG + "SecondTest.java", imports + """
                    class SecondTest {

                        @Test
                        @Graded(task = "1.3", points = 10)
                        @DisplayName("1.3 Three")
                        void three() {
                            assertThat(Pick.value(3)).isEqualTo(3);
                        }

                        @Test
                        @Graded(task = "1.2", points = 10)
                        @DisplayName("1.2 Two again")
                        void twoAgain() {
                            assertThat(Pick.value(2)).isEqualTo(2);
                        }
                    }
                    """);
            earlier = new ModuleReport("01-pick", "Title of 01-pick", ModuleReport.EXERCISE, false, "B0", "01-pick",
                Map.of(), List.of(
                    result("FirstTest#one", "1.1", Status.PASSED, 10),
                    result("FirstTest#oneMore", "1.1", Status.PASSED, 7),
                    result("SecondTest#three", "1.3", Status.FAILED, 10)), List.of(), null, "");
        }

        @Test
        @DisplayName("-Dtask runs that task's tests; the others keep earlier results, or are SKIPPED without any")
        void taskWithEarlierResults() throws IOException {
            ModuleReport report = grade(Selection.of("1.2", null), earlier);

            assertThat(report.tests()).extracting(TestResult::method, TestResult::status, TestResult::earlier)
                .containsExactly(
                    tuple("fixture.pick.FirstTest#one", Status.PASSED, true),
                    tuple("fixture.pick.FirstTest#oneMore", Status.SKIPPED, false),
                    tuple("fixture.pick.FirstTest#two", Status.FAILED, false),
                    tuple("fixture.pick.SecondTest#three", Status.FAILED, true),
                    tuple("fixture.pick.SecondTest#twoAgain", Status.PASSED, false));
            assertThat(report.tests().get(1).message()).as("worth another number of points then: not the same test")
                .isEqualTo("not run in this run (Task 1.2)");
            assertThat(report.selection()).isEqualTo("Task 1.2");
            assertThat(report.score()).isEqualTo(20);
        }

        @Test
        @DisplayName("without earlier results, every test left out is SKIPPED and earns nothing")
        void taskWithoutEarlierResults() throws IOException {
            ModuleReport report = grade(Selection.of("1.3", null), null);

            assertThat(report.tests()).extracting(TestResult::method, TestResult::status).containsExactly(
                tuple("fixture.pick.FirstTest#one", Status.SKIPPED),
                tuple("fixture.pick.FirstTest#oneMore", Status.SKIPPED),
                tuple("fixture.pick.FirstTest#two", Status.SKIPPED),
                tuple("fixture.pick.SecondTest#three", Status.PASSED),
                tuple("fixture.pick.SecondTest#twoAgain", Status.SKIPPED));
            assertThat(report.nextTask()).as("skipped tasks are not next").isNull();
        }

        @Test
        @DisplayName("-Dtest runs the tests of the classes and methods its patterns match")
        void testPatterns() throws IOException {
            ModuleReport report = grade(Selection.of(null, "FirstTest#one*,Second?est#three"), null);

            assertThat(report.tests()).extracting(TestResult::method, TestResult::status).containsExactly(
                tuple("fixture.pick.FirstTest#one", Status.PASSED),
                tuple("fixture.pick.FirstTest#oneMore", Status.PASSED),
                tuple("fixture.pick.FirstTest#two", Status.SKIPPED),
                tuple("fixture.pick.SecondTest#three", Status.PASSED),
                tuple("fixture.pick.SecondTest#twoAgain", Status.SKIPPED));
            assertThat(report.selection()).isEqualTo("-Dtest=FirstTest#one*,Second?est#three");
        }

        private ModuleReport grade(Selection selection, ModuleReport before) throws IOException {
            return new ModuleGrader().grade(module.job(selection, before, SandboxSettings.defaults()));
        }

        private static TestResult result(String test, String task, Status status, int max) {
            return new TestResult("01-pick", task, task + " " + test, "fixture.pick." + test,
                status == Status.PASSED ? max : 0, max, status, status == Status.PASSED ? "" : "failed then", null,
                TestResult.VISIBLE, -1, false);
        }
    }

    private static TestInventory.GradedTest graded(String className, String method, String task) {
        return new TestInventory.GradedTest(className, method, task, 1, 0, task + " " + method, TestResult.VISIBLE, 0);
    }
}
