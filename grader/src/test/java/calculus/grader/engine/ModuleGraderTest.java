package calculus.grader.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.ModuleReport.Blocker;
import calculus.grader.report.Status;
import calculus.grader.report.TaskSummary;
import calculus.grader.report.TestResult;
import calculus.grader.report.Text;

/**
 * The grader end to end: {@link ModuleGrader#grade} on small modules written at test time, their tests run in test
 * JVMs of the grader's own. Each module is graded once (a grading starts one JVM or more) and its report examined
 * by several tests.
 */
class ModuleGraderTest {

    private static final String PKG = "fixture/calc/";
    private static final String TESTS = "fixture.calc.";

    /** The student's code: right, wrong, unfinished and noisy on purpose. */
    static final String CALC = """
        package fixture.calc;

        /** The code under test of the grader's fixture module. */
        public final class Calc {

            private Calc() {
            }

            /** Right. */
            public static double square(double x) {
                return x * x;
            }

            /** Not done yet, as the skeleton leaves it. */
            public static double cube(double x) {
                // TODO(Task 1.2): the cube of x
                throw new UnsupportedOperationException("Task 1.2: Calc.cube");
            }

            /** Wrong: divides by 3. */
            public static double half(double x) {
                return x / 3;
            }

            /** Takes one argument, where the tests of task 1.6 pass two. */
            public static double scale(double x) {
                return 2 * x;
            }

            /** Fails: a test class calls it in its static initialiser. */
            public static double[] table() {
                throw new IllegalStateException("the table could not be built");
            }

            /** Prints about n characters, in lines of 100. */
            public static void chatter(int n) {
                String line = "0123456789".repeat(10).substring(1);
                for (int i = 0; i < n / 100; i++) {
                    System.out.println(line);
                }
            }

            /** Throws with a message full of characters that break JSON, XML and terminals. */
            public static void hostile() {
                throw new IllegalStateException("lone \\uD800 surrogate, bell \\u0007, "
                    + "escape \\u001B[31mred\\u001B[0m, "
                    + "NUL \\u0000, noncharacter \\uFFFE, CR\\r\\nLF, pair \\uD83D\\uDE00 end");
            }

            /** Throws with a message of n characters. */
            public static void longWinded(int n) {
                throw new IllegalStateException("z".repeat(n));
            }
        }
        """;

    /** Imports every fixture test uses. */
    static final String IMPORTS = """
        package fixture.calc;

        import static org.assertj.core.api.Assertions.assertThat;
        import static org.assertj.core.api.Assertions.assertThatThrownBy;

        import org.junit.jupiter.api.DisplayName;
        import org.junit.jupiter.api.Test;
        import org.junit.jupiter.params.ParameterizedTest;
        import org.junit.jupiter.params.provider.ValueSource;

        import calculus.grader.Graded;
        import calculus.grader.Hidden;
        import calculus.grader.TestRandom;

        """;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("a module with passing, unfinished, failing, crashing and noisy tests")
    class MixedModule {

        private Path root;
        private ModuleReport report;

        @BeforeAll
        void grade(@TempDir Path folder) throws IOException {
            root = folder;
            FixtureModule module = FixtureModule.in(root, "01-fixture")
                .lesson("1.1", "Squares", "1.2", "Cubes", "1.3", "Halves", "1.4", "A table", "1.5", "Noise",
                    "1.6", "Scaling", "1.7", "A crash", "1.8", "After the crash", "1.9", "Mislabelled")
                .code(PKG + "Calc.java", CALC)
                .test(PKG + "PassingTest.java", IMPORTS + """
                    class PassingTest {

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 The square of 3 is 9")
                        void squareOfThree() {
                            assertThat(Calc.square(3)).isEqualTo(9.0);
                        }

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 A square is never negative")
                        void squaresAreNotNegative(TestRandom random) {
                            assertThat(Calc.square(random.uniform(-10, 10))).isNotNegative();
                        }
                    }
                    """)
                .test(PKG + "TodoTest.java", IMPORTS + """
                    class TodoTest {

                        @Test
                        @Graded(task = "1.2", points = 10)
                        @DisplayName("1.2 The cube of 2 is 8")
                        void cubeOfTwo() {
                            assertThat(Calc.cube(2)).isEqualTo(8.0);
                        }

                        @Test
                        @Graded(task = "1.2", points = 5)
                        @DisplayName("1.2 The cube of NaN is refused")
                        void cubeOfNaN() {
                            assertThatThrownBy(() -> Calc.cube(Double.NaN))
                                .isInstanceOf(IllegalArgumentException.class);
                        }
                    }
                    """)
                .test(PKG + "StaticTodoTest.java", IMPORTS + """
                    class StaticTodoTest {

                        private static final double EIGHT = Calc.cube(2);

                        @Test
                        @Graded(task = "1.2", points = 5)
                        @DisplayName("1.2 The cube of 2 is 8, computed once")
                        void eight() {
                            assertThat(EIGHT).isEqualTo(8.0);
                        }

                        @Test
                        @Graded(task = "1.2", points = 5)
                        @DisplayName("1.2 The cube of 2 is positive")
                        void positive() {
                            assertThat(EIGHT).isPositive();
                        }
                    }
                    """)
                .test(PKG + "WrongTest.java", IMPORTS + """
                    class WrongTest {

                        @Test
                        @Graded(task = "1.3", points = 10)
                        @DisplayName("1.3 Half of 4 is 2")
                        void halfOfFour() {
                            assertThat(Calc.half(4)).as("half(4)").isEqualTo(2.0);
                        }

                        @ParameterizedTest
                        @ValueSource(doubles = {1, 2, 3})
                        @Graded(task = "1.3", points = 5)
                        @DisplayName("1.3 Only the square of 2 is 4")
                        void squareIsNotFour(double x) {
                            assertThat(Calc.square(x)).as("square(%s)", x).isNotEqualTo(4.0);
                        }
                    }
                    """)
                .test(PKG + "StaticSetupTest.java", IMPORTS + """
                    class StaticSetupTest {

                        private static final double[] TABLE = Calc.table();

                        @Test
                        @Graded(task = "1.4", points = 5)
                        @DisplayName("1.4 The table has ten rows")
                        void rows() {
                            assertThat(TABLE).hasSize(10);
                        }

                        @Test
                        @Graded(task = "1.4", points = 5)
                        @DisplayName("1.4 The table starts at zero")
                        void start() {
                            assertThat(TABLE[0]).isZero();
                        }
                    }
                    """)
                .test(PKG + "NoiseTest.java", IMPORTS + """
                    class NoiseTest {

                        @Test
                        @Graded(task = "1.5", points = 5)
                        @DisplayName("1.5 Prints five megabytes and passes")
                        void printsMegabytes() {
                            Calc.chatter(5_000_000);
                            assertThat(Calc.square(2)).isEqualTo(4.0);
                        }

                        @Test
                        @Graded(task = "1.5", points = 5)
                        @DisplayName("1.5 Fails with a hostile message")
                        void hostileMessage() {
                            Calc.hostile();
                        }

                        @Test
                        @Graded(task = "1.5", points = 5)
                        @DisplayName("1.5 Fails with a six-megabyte message")
                        void hugeMessage() {
                            Calc.longWinded(6_000_000);
                        }
                    }
                    """)
                .test(PKG + "ScaleTest.java", IMPORTS + """
                    class ScaleTest {

                        @Test
                        @Graded(task = "1.6", points = 5)
                        @DisplayName("1.6 Scaling 2 by 3 gives 6")
                        void scales() {
                            assertThat(Calc.scale(2, 3)).isEqualTo(6.0);
                        }

                        @Test
                        @Graded(task = "1.6", points = 5)
                        @DisplayName("1.6 Scaling by 1 changes nothing")
                        void identity() {
                            assertThat(Calc.scale(7, 1)).isEqualTo(7.0);
                        }
                    }
                    """)
                .test(PKG + "HaltTest.java", IMPORTS + """
                    /** A trusted test that ends its JVM, as under the rules for student code only a crash could. */
                    class HaltTest {

                        @Test
                        @Graded(task = "1.7", points = 5)
                        @DisplayName("1.7 Runs before the JVM ends")
                        void before() {
                            assertThat(Calc.square(1)).isEqualTo(1.0);
                        }

                        @Test
                        @Graded(task = "1.7", points = 5)
                        @DisplayName("1.7 Ends the test JVM")
                        void halts() {
                            Runtime.getRuntime().halt(3);
                        }

                        @Test
                        @Graded(task = "1.7", points = 5)
                        @DisplayName("1.7 Would run after the end")
                        void after() {
                            assertThat(Calc.square(1)).isEqualTo(1.0);
                        }
                    }
                    """)
                .test(PKG + "AfterRestartTest.java", IMPORTS + """
                    class AfterRestartTest {

                        @Test
                        @Graded(task = "1.8", points = 5)
                        @DisplayName("1.8 Runs in a new JVM")
                        void runs() {
                            assertThat(Calc.square(5)).isEqualTo(25.0);
                        }

                        @Test
                        @Graded(task = "1.8", points = 5)
                        @DisplayName("1.8 Fails in a new JVM")
                        void fails() {
                            assertThat(Calc.half(6)).as("half(6)").isEqualTo(3.0);
                        }
                    }
                    """)
                .test(PKG + "MislabelledTest.java", IMPORTS + """
                    class MislabelledTest {

                        @Graded(task = "1.9", points = 5)
                        @DisplayName("1.9 Has no @Test")
                        void forgotTest() {
                        }

                        @Test
                        @Graded(task = "1.9", points = 5)
                        @DisplayName("Lacks its task number")
                        void noNumber() {
                        }
                    }
                    """)
                .hidden(PKG + "HiddenCalcTest.java", IMPORTS + """
                    @Hidden
                    class HiddenCalcTest {

                        @Test
                        @Graded(task = "1.1", points = 3)
                        @DisplayName("1.1 The square of -2 is 4")
                        void squareOfMinusTwo() {
                            assertThat(Calc.square(-2)).isEqualTo(4.0);
                        }

                        @Hidden(showMessage = false)
                        @Test
                        @Graded(task = "1.3", points = 2)
                        @DisplayName("1.3 Half of 10 is 5")
                        void halfOfTen() {
                            assertThat(Calc.half(10)).withFailMessage("the secret answer is 5").isEqualTo(5.0);
                        }
                    }
                    """);
            report = new ModuleGrader().grade(module.job());
        }

        @Test
        @DisplayName("every graded test has one result, in grading order: tasks in order, hidden tests last")
        void oneResultPerTestInOrder() {
            assertThat(report.tests()).extracting(TestResult::method).containsExactly(
                TESTS + "PassingTest#squareOfThree", TESTS + "PassingTest#squaresAreNotNegative",
                TESTS + "StaticTodoTest#eight", TESTS + "StaticTodoTest#positive",
                TESTS + "TodoTest#cubeOfTwo", TESTS + "TodoTest#cubeOfNaN",
                TESTS + "WrongTest#halfOfFour", TESTS + "WrongTest#squareIsNotFour",
                TESTS + "StaticSetupTest#rows", TESTS + "StaticSetupTest#start",
                TESTS + "NoiseTest#printsMegabytes", TESTS + "NoiseTest#hostileMessage",
                TESTS + "NoiseTest#hugeMessage",
                TESTS + "ScaleTest#scales", TESTS + "ScaleTest#identity",
                TESTS + "HaltTest#before", TESTS + "HaltTest#halts", TESTS + "HaltTest#after",
                TESTS + "AfterRestartTest#runs", TESTS + "AfterRestartTest#fails",
                TESTS + "MislabelledTest#forgotTest", TESTS + "MislabelledTest#noNumber",
                TESTS + "HiddenCalcTest#squareOfMinusTwo", TESTS + "HiddenCalcTest#halfOfTen");
            assertThat(report.blocker()).isNull();
            assertThat(report.module()).isEqualTo("01-fixture");
            assertThat(report.selection()).isEmpty();
        }

        @Test
        @DisplayName("passing tests earn their points; one with random inputs records its seed")
        void passingTests() {
            assertThat(test("squareOfThree")).extracting(TestResult::status, TestResult::points, TestResult::max,
                TestResult::message, TestResult::task, TestResult::name)
                .containsExactly(Status.PASSED, 10, 10, "", "1.1", "1.1 The square of 3 is 9");
            assertThat(test("squaresAreNotNegative").status()).isEqualTo(Status.PASSED);
            assertThat(test("squaresAreNotNegative").seed()).isNotNull();
            assertThat(test("squareOfThree").seed()).isNull();
            assertThat(report.tasks().get(0)).extracting(TaskSummary::title, TaskSummary::status, TaskSummary::points)
                .containsExactly("Squares", Status.PASSED, 23);
        }

        @Test
        @DisplayName("the skeleton's exception is TODO, called directly or quoted by AssertJ, with the stub's message")
        void unfinishedCodeIsTodo() {
            assertThat(test("cubeOfTwo").status()).isEqualTo(Status.TODO);
            assertThat(test("cubeOfTwo").message()).contains("Task 1.2: Calc.cube");
            assertThat(test("cubeOfNaN").status()).isEqualTo(Status.TODO);
            assertThat(test("cubeOfNaN").message()).contains("Task 1.2: Calc.cube");
        }

        @Test
        @DisplayName("a failed assertion is FAILED with its whole message: what was expected and what came back")
        void failedAssertionKeepsItsMessage() {
            TestResult half = test("halfOfFour");

            assertThat(half.status()).isEqualTo(Status.FAILED);
            assertThat(half.points()).isZero();
            assertThat(half.message()).contains("half(4)", "expected: 2.0", "1.3333333333333333");
        }

        @Test
        @DisplayName("a parameterized test with one failing case fails as a whole, with that case's message")
        void parameterizedTestWithOneFailingCase() {
            TestResult squares = test("squareIsNotFour");

            assertThat(squares.status()).isEqualTo(Status.FAILED);
            assertThat(squares.points()).isZero();
            assertThat(squares.message()).contains("square(2.0)").doesNotContain("square(1.0)", "square(3.0)");
        }

        @Test
        @DisplayName("the tests of a class whose static initialisation fails all fail, each with the class's reason")
        void staticInitialisationFailure() {
            assertThat(test("rows").message()).isEqualTo("threw ExceptionInInitializerError, caused by "
                + "java.lang.IllegalStateException: the table could not be built");
            assertThat(test("start").message()).isEqualTo("the class fixture.calc.StaticSetupTest could not be "
                + "initialised, as an earlier test found: " + test("rows").message());
            assertThat(report.tests()).filteredOn(t -> t.method().startsWith(TESTS + "StaticSetupTest#"))
                .extracting(TestResult::status).containsExactly(Status.FAILED, Status.FAILED);
        }

        @Test
        @DisplayName("the tests of a class whose static initialisation calls the skeleton are all TODO")
        void staticInitialisationMeetsTheSkeleton() {
            assertThat(report.tests()).filteredOn(t -> t.method().startsWith(TESTS + "StaticTodoTest#"))
                .hasSize(2).allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(Status.TODO);
                    assertThat(t.message()).contains("Task 1.2: Calc.cube");
                });
        }

        @Test
        @DisplayName("megabytes of output cost nothing: the test passes and the report stays small")
        void megabytesOfOutput() {
            assertThat(test("printsMegabytes").status()).isEqualTo(Status.PASSED);
            assertThat(report.toJson().length()).as("results.json").isLessThan(100_000);
        }

        @Test
        @DisplayName("a message with unpaired surrogates and control characters is made safe, the rest of it kept")
        void hostileMessageIsSanitised() {
            assertThat(test("hostileMessage").status()).isEqualTo(Status.FAILED);
            assertThat(test("hostileMessage").message()).isEqualTo("threw IllegalStateException: lone  surrogate, "
                + "bell , escape [31mred[0m, NUL , noncharacter , CR\nLF, pair \ud83d\ude00 end\n  raised in "
                + "Calc.hostile (Calc.java:45), called by the test at NoiseTest.hostileMessage (NoiseTest.java:29)");
        }

        @Test
        @DisplayName("a six-megabyte message is kept to the message limit, the cut marked")
        void hugeMessageIsCapped() {
            TestResult huge = test("hugeMessage");

            assertThat(huge.status()).isEqualTo(Status.FAILED);
            assertThat(huge.message()).hasSizeLessThanOrEqualTo(Text.MESSAGE_LIMIT)
                .startsWith("threw IllegalStateException: zzz").contains(" more)").contains("raised in Calc.");
        }

        @Test
        @DisplayName("a test file that does not compile against the code fails its own tests, saying why; others run")
        void testFileThatDoesNotCompile() {
            assertThat(report.tests()).filteredOn(t -> t.method().startsWith(TESTS + "ScaleTest#"))
                .extracting(TestResult::task, TestResult::max).containsExactly(tuple("1.6", 5), tuple("1.6", 5));
            assertThat(report.tests()).filteredOn(t -> t.method().startsWith(TESTS + "ScaleTest#"))
                .allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(Status.FAILED);
                    assertThat(t.message()).startsWith("this test does not compile against your code, so it cannot "
                        + "run: ScaleTest.java:").contains("scale").endsWith("Keep the signatures the skeleton gives.");
                });
        }

        @Test
        @DisplayName("a test that ends the JVM fails, the rest of its task is not run, other tasks run in a new JVM")
        void testThatEndsTheJvm() {
            assertThat(test("before").status()).isEqualTo(Status.PASSED);
            assertThat(test("halts").status()).isEqualTo(Status.FAILED);
            assertThat(test("halts").message()).startsWith("the test JVM ended while this test ran (exit code 3)");
            assertThat(test("after").status()).isEqualTo(Status.NOT_RUN);
            assertThat(test("after").message()).isEqualTo("not run: another test of this task stopped the test JVM");
            assertThat(test("runs").status()).isEqualTo(Status.PASSED);
            assertThat(test("fails").status()).isEqualTo(Status.FAILED);
            assertThat(test("fails").message()).contains("half(6)");
            assertThat(test("squareOfMinusTwo").status()).as("the hidden tests run last, in the new JVM")
                .isEqualTo(Status.PASSED);
        }

        @Test
        @DisplayName("a graded method JUnit does not run is NOT RUN, saying why; a name without its task is an error")
        void authorsMistakes() {
            assertThat(test("forgotTest").status()).isEqualTo(Status.NOT_RUN);
            assertThat(test("forgotTest").message()).contains("JUnit did not run");
            assertThat(test("noNumber").status()).isEqualTo(Status.PASSED);
            assertThat(report.errors()).containsExactly(TESTS + "MislabelledTest#noNumber: its @DisplayName must "
                + "start with its task number \"1.9 \", not \"Lacks its task number\"");
        }

        @Test
        @DisplayName("hidden tests are graded with the rest, marked hidden; a withheld message is kept but not shown")
        void hiddenTests() {
            assertThat(test("squareOfMinusTwo").visibility()).isEqualTo(TestResult.HIDDEN);
            TestResult withheld = test("halfOfTen");
            assertThat(withheld.visibility()).isEqualTo(TestResult.WITHHELD);
            assertThat(withheld.status()).isEqualTo(Status.FAILED);
            assertThat(withheld.message()).isEqualTo("the secret answer is 5");
            assertThat(withheld.studentMessage()).doesNotContain("secret");
        }

        @Test
        @DisplayName("results.json is written and read back whole, hostile text and all")
        void resultsRoundTrip() throws IOException {
            Path file = root.resolve("results.json");
            Files.writeString(file, report.toJson(), UTF_8);

            assertThat(ModuleReport.fromJson(Files.readString(file, UTF_8))).isEqualTo(report);
        }

        private TestResult test(String method) {
            return report.tests().stream().filter(t -> t.method().endsWith("#" + method)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + method + " in " + report.tests()));
        }
    }

    @Nested
    @DisplayName("a module whose code cannot be run")
    class CodeThatCannotRun {

        @TempDir
        Path root;

        @Test
        @DisplayName("blocks every test, NOT RUN, with the compiler's errors at file:line, the caret under the spot")
        void compileErrorsBlockEveryTest() throws IOException {
            FixtureModule module = FixtureModule.in(root, "01-fixture").lesson("1.1", "Squares")
                .code(PKG + "Calc.java", """
                    package fixture.calc;

                    public final class Calc {
                        public static double square(double x) {
                            return x * x
                        }
                    }
                    """)
                .test(PKG + "PassingTest.java", IMPORTS + """
                    class PassingTest {

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 The square of 3 is 9")
                        void squareOfThree() {
                            assertThat(Calc.square(3)).isEqualTo(9.0);
                        }
                    }
                    """);

            ModuleReport report = new ModuleGrader().grade(module.job());

            assertThat(report.blocker().kind()).isEqualTo(Blocker.COMPILE);
            assertThat(report.blocker().lines()).containsExactly(
                "01-fixture/src/main/java/fixture/calc/Calc.java:5: ';' expected\n"
                    + "            return x * x\n"
                    + "                        ^");
            assertThat(report.tests()).singleElement().satisfies(t -> {
                assertThat(t.status()).isEqualTo(Status.NOT_RUN);
                assertThat(t.max()).as("the points, read from the test's source").isEqualTo(10);
                assertThat(t.message()).isEqualTo("not run: the code does not compile");
            });
        }

        @Test
        @DisplayName("a module without any code is blocked as not compiling, saying where the code was looked for")
        void noCodeAtAll() throws IOException {
            FixtureModule module = FixtureModule.in(root, "01-fixture").lesson("1.1", "Squares")
                .test(PKG + "PassingTest.java", IMPORTS + """
                    class PassingTest {

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 The square of 3 is 9")
                        void squareOfThree() {
                            assertThat(Calc.square(3)).isEqualTo(9.0);
                        }
                    }
                    """);

            ModuleReport report = new ModuleGrader().grade(module.job());

            assertThat(report.blocker()).isEqualTo(new Blocker(Blocker.COMPILE,
                List.of("no Java source files in 01-fixture/src/main/java")));
            assertThat(report.tests()).singleElement().extracting(TestResult::status).isEqualTo(Status.NOT_RUN);
        }

        @Test
        @DisplayName("a file that cannot be graded (a symbolic link) blocks every test, naming the file")
        void filesThatCannotBeGraded() throws IOException {
            FixtureModule module = FixtureModule.in(root, "01-fixture").lesson("1.1", "Squares")
                .code(PKG + "Calc.java", CALC)
                .test(PKG + "PassingTest.java", IMPORTS + """
                    class PassingTest {

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 The square of 3 is 9")
                        void squareOfThree() {
                            assertThat(Calc.square(3)).isEqualTo(9.0);
                        }
                    }
                    """);
            Path outside = Files.writeString(root.resolve("Outside.java"), "package fixture.calc;\nclass Outside {}\n");
            try {
                Files.createSymbolicLink(module.code().resolve(PKG + "Link.java"), outside);
            } catch (UnsupportedOperationException | IOException e) {
                Assumptions.abort("no symbolic links here: " + e);
            }

            ModuleReport report = new ModuleGrader().grade(module.job());

            assertThat(report.blocker().kind()).isEqualTo(Blocker.FILES);
            assertThat(report.blocker().lines()).anySatisfy(l -> assertThat(l).contains("Link.java"));
            assertThat(report.tests()).singleElement().satisfies(t -> {
                assertThat(t.status()).isEqualTo(Status.NOT_RUN);
                assertThat(t.message()).isEqualTo("not run: the files cannot be graded");
            });
        }

        @Test
        @DisplayName("a source file whose name is no URI (brackets, a percent sign) is a compile error, not a crash")
        void oddFileNames() throws IOException {
            FixtureModule module = FixtureModule.in(root, "01-fixture")
                .code(PKG + "Calc[1].java", "package fixture.calc;\n\npublic class Calc {\n}\n")
                .code(PKG + "100%.java", "package fixture.calc;\n\nclass Percent {\n}\n")
                .test(PKG + "PassingTest.java", IMPORTS + """
                    class PassingTest {

                        @Test
                        @Graded(task = "1.1", points = 10)
                        @DisplayName("1.1 Passes")
                        void passes() {
                        }
                    }
                    """);

            ModuleReport report = new ModuleGrader().grade(module.job());

            assertThat(report.blocker().kind()).isEqualTo(Blocker.COMPILE);
            assertThat(report.blocker().lines()).anySatisfy(l -> assertThat(l)
                .startsWith("01-fixture/src/main/java/fixture/calc/Calc[1].java:3: class Calc is public, should be "
                    + "declared in a file named Calc.java"));
        }
    }
}
