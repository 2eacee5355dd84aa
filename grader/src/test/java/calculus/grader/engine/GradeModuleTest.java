package calculus.grader.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/** The grader as the build runs it: {@link GradeModule#main} on a module of a course laid out at test time. */
class GradeModuleTest {

    private static final String IMPORTS = """
        package fixture.area;

        import static org.assertj.core.api.Assertions.assertThat;

        import org.junit.jupiter.api.DisplayName;
        import org.junit.jupiter.api.Test;
        import org.junit.jupiter.params.ParameterizedTest;
        import org.junit.jupiter.params.provider.ValueSource;

        import calculus.grader.Graded;
        import calculus.grader.Hidden;
        import calculus.grader.TestRandom;
        import calculus.grader.budget.StepBudget;

        """;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("the course check (-Dcheck) of a module with a reference solution and hidden tests")
    class CourseCheck {

        private Path dir;
        private String printed;
        private Throwable thrown;
        private ModuleReport skeleton;
        private ModuleReport solution;

        @BeforeAll
        void check(@TempDir Path root) throws IOException {
            FixtureModule module = FixtureModule.in(root, "03-area").lesson("3.1", "Squares", "3.2", "Circles")
                .code("fixture/area/Area.java", """
                    package fixture.area;

                    public final class Area {

                        private Area() {
                        }

                        public static double square(double side) {
                            // TODO(Task 3.1): the area of a square
                            throw new UnsupportedOperationException("Task 3.1: Area.square");
                        }

                        public static double circle(double radius) {
                            // TODO(Task 3.2): the area of a circle
                            throw new UnsupportedOperationException("Task 3.2: Area.circle");
                        }
                    }
                    """)
                .solution("fixture/area/Area.java", """
                    package fixture.area;

                    public final class Area {

                        private Area() {
                        }

                        public static double square(double side) {
                            return side * side;
                        }

                        public static double circle(double radius) {
                            return Math.PI * radius * radius;
                        }
                    }
                    """)
                .test("fixture/area/AreaTest.java", IMPORTS + """
                    class AreaTest {

                        /** Counts steps as instrumented code would: the reference "needs" n of them. */
                        static void work(int n) {
                            for (int i = 0; i < n; i++) {
                                StepBudget.step();
                            }
                        }

                        @Test
                        @Graded(task = "3.1", points = 40)
                        @DisplayName("3.1 A unit square has area 1")
                        void unitSquare() {
                            assertThat(Area.square(1)).isEqualTo(1.0);
                        }

                        @Test
                        @Graded(task = "3.2", points = 30, steps = 1_000)
                        @DisplayName("3.2 A unit circle has area pi, after some work")
                        void unitCircle() {
                            work(200);
                            assertThat(Area.circle(1)).isEqualTo(Math.PI);
                        }

                        @ParameterizedTest
                        @ValueSource(ints = {1, 2, 3})
                        @Graded(task = "3.2", points = 30, steps = 1_000)
                        @DisplayName("3.2 Circles grow with their radius, after a little work per case")
                        void circlesGrow(int r) {
                            work(60);
                            assertThat(Area.circle(r + 1)).isGreaterThan(Area.circle(r));
                        }
                    }
                    """)
                .hidden("fixture/area/HiddenAreaTest.java", IMPORTS + """
                    @Hidden
                    class HiddenAreaTest {

                        @Test
                        @Graded(task = "3.1", points = 5)
                        @DisplayName("3.1 A random square's area is its side squared")
                        void randomSquare(TestRandom random) {
                            double side = random.uniform(0, 10);
                            assertThat(Area.square(side)).isEqualTo(side * side);
                        }
                    }
                    """);
            dir = module.dir();
            Run run = run("--module-dir", dir.toString(), "--root", root.toString(), "--title", "Areas", "--build",
                "B7", "--check", "true");
            printed = run.printed;
            thrown = run.thrown;
            skeleton = read(dir.resolve("target/grading/results.json"));
            solution = read(dir.resolve("target/grading/solution/results.json"));
        }

        @Test
        @DisplayName("the skeleton, graded with the hidden tests, is TODO throughout")
        void skeletonIsTodo() {
            assertThat(skeleton.role()).isEqualTo(ModuleReport.EXERCISE);
            assertThat(skeleton.check()).isTrue();
            assertThat(skeleton.build()).isEqualTo("B7");
            assertThat(skeleton.title()).isEqualTo("Areas");
            assertThat(skeleton.tests()).extracting(TestResult::method, TestResult::status, TestResult::visibility)
                .containsExactly(
                    tuple("fixture.area.AreaTest#unitSquare", Status.TODO, TestResult.VISIBLE),
                    tuple("fixture.area.AreaTest#unitCircle", Status.TODO, TestResult.VISIBLE),
                    tuple("fixture.area.AreaTest#circlesGrow", Status.TODO, TestResult.VISIBLE),
                    tuple("fixture.area.HiddenAreaTest#randomSquare", Status.TODO, TestResult.HIDDEN));
            assertThat(skeleton.checkViolations()).isEmpty();
            assertThat(printed).contains(" CHECK OK: every graded test is TODO against the skeleton (no free points)");
        }

        @Test
        @DisplayName("the reference solution passes every test, hidden ones included, each with the steps it ran")
        void solutionPasses() {
            assertThat(solution.role()).isEqualTo(ModuleReport.SOLUTION);
            assertThat(solution.tests()).extracting(TestResult::method, TestResult::status, TestResult::steps)
                .containsExactly(
                    // the test's own work, plus one step per call into the instrumented code under test
                    tuple("fixture.area.AreaTest#unitSquare", Status.PASSED, 1L),
                    tuple("fixture.area.AreaTest#unitCircle", Status.PASSED, 201L),
                    tuple("fixture.area.AreaTest#circlesGrow", Status.PASSED, 62L),
                    tuple("fixture.area.HiddenAreaTest#randomSquare", Status.PASSED, 1L));
            assertThat(solution.score()).isEqualTo(105);
            assertThat(printed).contains(" 03-area  Areas  (reference solution)");
        }

        @Test
        @DisplayName("a budget under ten times the reference's steps fails the check, saying what to set")
        void budgetHeadroom() {
            String error = "fixture.area.AreaTest#unitCircle: the reference runs 201 steps, more than a tenth of the "
                + "test's budget of 1000; give it @Graded(steps = ...) of at least 2010";

            assertThat(solution.errors()).containsExactly(error);
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessage("the check of 03-area failed:\n  - " + error);
            assertThat(printed).contains(" CHECK FAILED: expected every graded test passes against the reference "
                + "solution\n   - " + error);
        }

        @Test
        @DisplayName("the check writes results.json and Surefire's XML for the skeleton and the solution apart")
        void reportsAreWritten() {
            assertThat(dir.resolve("target/surefire-reports/TEST-fixture.area.AreaTest.xml")).isRegularFile();
            assertThat(dir.resolve("target/surefire-reports/TEST-fixture.area.HiddenAreaTest.xml")).isRegularFile();
            assertThat(dir.resolve("target/grading/solution/surefire-reports/TEST-fixture.area.AreaTest.xml"))
                .isRegularFile();
        }

        @Test
        @DisplayName("tasks.txt beside results.json gives each task's verdict on one line, for the Classroom steps")
        void tasksFile() throws IOException {
            assertThat(Files.readString(dir.resolve("target/grading/tasks.txt"), UTF_8))
                .isEqualTo("3.1 TODO 0/45\n3.2 TODO 0/60\n");
            assertThat(Files.readString(dir.resolve("target/grading/solution/tasks.txt"), UTF_8))
                .isEqualTo("3.1 PASSED 45/45\n3.2 PASSED 60/60\n");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("a student's runs")
    class StudentRuns {

        private Path root;
        private Path dir;
        private Run full;
        private ModuleReport fullResults;
        private Run oneTask;
        private ModuleReport oneTaskResults;

        @BeforeAll
        void grade(@TempDir Path folder) throws IOException {
            root = folder;
            FixtureModule module = FixtureModule.in(root, "01-area").lesson("1.1", "Squares", "1.2", "Circles")
                .code("fixture/area/Area.java", """
                    package fixture.area;

                    public final class Area {

                        private Area() {
                        }

                        public static double square(double side) {
                            return side * side;
                        }

                        public static double circle(double radius) {
                            return 3 * radius * radius;
                        }
                    }
                    """)
                .test("fixture/area/AreaTest.java", IMPORTS + """
                    class AreaTest {

                        @Test
                        @Graded(task = "1.1", points = 50)
                        @DisplayName("1.1 A random square's area is its side squared")
                        void square(TestRandom random) {
                            double side = random.uniform(0, 10);
                            assertThat(Area.square(side)).isEqualTo(side * side);
                        }

                        @Test
                        @Graded(task = "1.2", points = 50)
                        @DisplayName("1.2 A unit circle has area pi")
                        void unitCircle() {
                            assertThat(Area.circle(1)).as("circle(1)").isEqualTo(Math.PI);
                        }
                    }
                    """);
            dir = module.dir();
            // Maven's exec plugin passes an unset property as null, or as its own ${name}
            full = run("--module-dir", dir.toString(), "--root", root.toString(), "--build", "B1", "--check", "false",
                "--task", null, "--test", "${test}", "--seed", "42", "--course-seed", "${calculus.seed}",
                "--verbose", null);
            fullResults = read(dir.resolve("target/grading/results.json"));
            oneTask = run("--module-dir", dir.toString(), "--root", root.toString(), "--build", "B2", "--task",
                "1.2");
            oneTaskResults = read(dir.resolve("target/grading/results.json"));
        }

        @Test
        @DisplayName("a run of everything grades every test, with -Dseed's seed, and prints the quiet scoreboard")
        void fullRun() {
            assertThat(full.thrown).isNull();
            assertThat(fullResults.tests()).extracting(TestResult::status, TestResult::seed)
                .containsExactly(tuple(Status.PASSED, 42L), tuple(Status.FAILED, null));
            assertThat(fullResults.selection()).isEmpty();
            assertThat(full.printed)
                .contains(" Task 1.2 Circles: 1 of 1 tests fail\n   FAILED  1.2 A unit circle has area pi\n")
                .contains(" 01-area  01-area\n").contains(" Next: Task 1.2 Circles (FAILED)");
        }

        @Test
        @DisplayName("a run of one task keeps the other tasks' results from the results.json of the run before")
        void oneTaskRun() {
            assertThat(oneTask.thrown).isNull();
            assertThat(oneTaskResults.build()).isEqualTo("B2");
            assertThat(oneTaskResults.selection()).isEqualTo("Task 1.2");
            assertThat(oneTaskResults.tests()).extracting(TestResult::task, TestResult::status, TestResult::earlier)
                .containsExactly(tuple("1.1", Status.PASSED, true), tuple("1.2", Status.FAILED, false));
            assertThat(oneTask.printed)
                .contains(" this run: Task 1.2 only; the other tasks show their results from earlier runs")
                .contains(" * from an earlier run").contains("   FAILED  1.2 A unit circle has area pi");
        }

        @Test
        @DisplayName("a task the lesson does not have is not graded: the module's tasks are listed instead")
        void unknownTask() {
            Run run = run("--module-dir", dir.toString(), "--root", root.toString(), "--task", "1.7");

            assertThat(run.thrown).isNull();
            assertThat(run.printed).isEqualTo(" 01-area has no Task 1.7. Its tasks are 1.1, 1.2: for example "
                + "-Dtask=1.1\n");
        }

        @Test
        @DisplayName("another module's task, or a -Dtest that matches none of the module's classes, grades nothing")
        void notThisModule() {
            Run otherTask = run("--module-dir", dir.toString(), "--root", root.toString(), "--task", "2.1");
            Run otherTest = run("--module-dir", dir.toString(), "--root", root.toString(), "--test", "CircleTest");

            assertThat(otherTask.printed).isEqualTo(" 01-area: not graded in this run (Task 2.1)\n");
            assertThat(otherTest.printed).isEqualTo(" 01-area: not graded in this run (-Dtest=CircleTest)\n");
        }

        @Test
        @DisplayName("a missing --module-dir or a stray word is an IllegalArgumentException naming it")
        void badArguments() {
            assertThat(run("--root", root.toString()).thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GradeModule needs --module-dir");
            assertThat(run("module").thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got \"module\"");
        }
    }

    // ---- helpers

    /** What a run of the grader printed, and what it threw. */
    private record Run(String printed, Throwable thrown) {
    }

    private static Run run(String... args) {
        PrintStream console = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, UTF_8));
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> GradeModule.main(args));
        } finally {
            System.setOut(console);
        }
        return new Run(bytes.toString(UTF_8), thrown);
    }

    private static ModuleReport read(Path results) throws IOException {
        return ModuleReport.fromJson(Files.readString(results, UTF_8));
    }
}
