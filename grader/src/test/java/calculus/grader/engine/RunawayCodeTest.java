package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/**
 * Code that does not stop, end to end: a loop the step budget counts (as the instrumentation will count student
 * code's loops), and loops it cannot see (work inside the JDK), which the CPU backstop ends with the test JVM. The
 * backstop is set to one second of the test's own CPU time, so that it measures work, not the machine's load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunawayCodeTest {

    private static final String PKG = "fixture/spin/";
    private static final String TESTS = "fixture.spin.";
    private static final String IMPORTS = """
        package fixture.spin;

        import static org.assertj.core.api.Assertions.assertThat;

        import org.junit.jupiter.api.DisplayName;
        import org.junit.jupiter.api.Test;

        import calculus.grader.Graded;
        import calculus.grader.budget.StepBudget;

        """;

    private ModuleReport report;
    private ModuleReport stuckReport;

    @BeforeAll
    void grade(@TempDir Path root) throws IOException {
        FixtureModule module = FixtureModule.in(root, "02-spin")
            .code(PKG + "Loops.java", """
                package fixture.spin;

                public final class Loops {

                    private Loops() {
                    }

                    public static int one() {
                        return 1;
                    }
                }
                """)
            .test(PKG + "BusyTest.java", IMPORTS + """
                /** Keeps the JDK busy where no step is counted: only the CPU backstop ends it. */
                class BusyTest {

                    static volatile long sink;

                    @Test
                    @Graded(task = "2.1", points = 1)
                    @DisplayName("2.1 Keeps the JDK busy")
                    void busy() {
                        while (sink >= 0) {
                            sink++;
                        }
                    }

                    @Test
                    @Graded(task = "2.1", points = 1)
                    @DisplayName("2.1 Comes after the busy test")
                    void afterBusy() {
                        assertThat(Loops.one()).isEqualTo(1);
                    }
                }
                """)
            .test(PKG + "CountedTest.java", IMPORTS + """
                /** Loops without end, each iteration counted as instrumented student code counts it. */
                class CountedTest {

                    @Test
                    @Graded(task = "2.2", points = 1, steps = 10_000)
                    @DisplayName("2.2 Loops without end")
                    void loops() {
                        while (true) {
                            StepBudget.step();
                        }
                    }

                    @Test
                    @Graded(task = "2.2", points = 1)
                    @DisplayName("2.2 Comes after the endless loop")
                    void afterLoop() {
                        assertThat(Loops.one()).isEqualTo(1);
                    }

                    @Test
                    @Graded(task = "2.2", points = 1, steps = 10_000)
                    @DisplayName("2.2 Runs a few steps")
                    void fewSteps() {
                        for (int i = 0; i < 100; i++) {
                            StepBudget.step();
                        }
                    }
                }
                """)
            .test(PKG + "BusyStartTest.java", IMPORTS + """
                /** A static initialiser that keeps the JDK busy: no test of the class ever starts. */
                class BusyStartTest {

                    static volatile long sink;

                    static {
                        while (sink >= 0) {
                            sink++;
                        }
                    }

                    @Test
                    @Graded(task = "2.3", points = 1)
                    @DisplayName("2.3 Never starts")
                    void neverStarts() {
                    }

                    @Test
                    @Graded(task = "2.3", points = 1)
                    @DisplayName("2.3 Never starts either")
                    void neverStartsEither() {
                    }
                }
                """)
            .test(PKG + "HeapTest.java", IMPORTS + """
                /** Keeps adding to a list, as a descent loop without a divergence check keeps its trajectory. */
                class HeapTest {

                    @Test
                    @Graded(task = "2.5", points = 1)
                    @DisplayName("2.5 Fills the heap")
                    void fills() {
                        java.util.List<double[]> trajectory = new java.util.ArrayList<>();
                        while (trajectory.size() >= 0) {
                            trajectory.add(new double[512]);
                        }
                    }

                    @Test
                    @Graded(task = "2.5", points = 1)
                    @DisplayName("2.5 Comes after the heap filler")
                    void afterFill() {
                        assertThat(Loops.one()).isEqualTo(1);
                    }
                }
                """)
            .test(PKG + "LastTest.java", IMPORTS + """
                class LastTest {

                    @Test
                    @Graded(task = "2.4", points = 1)
                    @DisplayName("2.4 Runs after all that")
                    void runs() {
                        assertThat(Loops.one()).isEqualTo(1);
                    }
                }
                """);
        FixtureModule stuck = FixtureModule.in(root, "03-stuck")
            .code(PKG + "Stuck.java", """
                package fixture.spin;

                /** An exception whose message and cause never come. */
                public final class Stuck extends RuntimeException {

                    @Override
                    public String getMessage() {
                        long x = 0;
                        while (x >= 0) {
                            x++;
                        }
                        return "";
                    }

                    @Override
                    public synchronized Throwable getCause() {
                        long x = 0;
                        while (x >= 0) {
                            x++;
                        }
                        return null;
                    }
                }
                """)
            .test(PKG + "StuckTest.java", IMPORTS + """
                class StuckTest {

                    @Test
                    @Graded(task = "3.1", points = 1)
                    @DisplayName("3.1 Throws an exception whose message never comes")
                    void stuck() {
                        throw new Stuck();
                    }
                }
                """);
        stuckReport = new ModuleGrader().grade(stuck.job(Selection.all(), null, FixtureModule.withCpuBackstop(1_000)));
        report = new ModuleGrader().grade(module.job(Selection.all(), null, FixtureModule.withCpuBackstop(1_000)));
    }

    @Test
    @DisplayName("a test that keeps the JDK busy is TIMED OUT by the CPU backstop; its task's other tests are NOT RUN")
    void cpuBackstop() {
        assertThat(test("busy").status()).isEqualTo(Status.TIMED_OUT);
        assertThat(test("busy").message()).startsWith("stopped after 1 s of CPU time, the backstop of every test");
        assertThat(test("afterBusy").status()).isEqualTo(Status.NOT_RUN);
        assertThat(test("afterBusy").message()).isEqualTo("not run: another test of this task had to be stopped");
    }

    @Test
    @DisplayName("a test out of its step budget is TIMED OUT, its task's later tests NOT RUN, in the same JVM")
    void stepBudget() {
        assertThat(test("loops").status()).isEqualTo(Status.TIMED_OUT);
        assertThat(test("loops").message()).startsWith("stopped after " + String.format("%,d", 10_000) + " steps");
        assertThat(test("afterLoop").status()).isEqualTo(Status.NOT_RUN);
        assertThat(test("afterLoop").message()).startsWith("not run: another test of Task 2.2 ran out of its step "
            + "budget");
        assertThat(test("fewSteps").status()).as("the last test of the task was already NOT RUN")
            .isEqualTo(Status.NOT_RUN);
    }

    @Test
    @DisplayName("a static initialiser stopped by the backstop stops its class's tests, not the classes after it")
    void busyStaticInitialiser() {
        assertThat(report.tests()).filteredOn(t -> t.task().equals("2.3")).hasSize(2).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(Status.TIMED_OUT);
            assertThat(t.message()).contains("of CPU time, the backstop of every test");
        });
        assertThat(test("runs").status()).isEqualTo(Status.PASSED);
    }

    @Test
    @DisplayName("a test that fills the heap fails as out of memory (the watchdog stops it after the first collection "
        + "that leaves the heap three quarters full, or the JVM's own error does), and its task's other tests are NOT RUN")
    void heapFiller() {
        assertThat(test("fills").status()).isEqualTo(Status.FAILED);
        assertThat(test("fills").message()).startsWith("OutOfMemoryError:");
        // whichever comes first, the watchdog or the JVM's own error, the task is lost the same way
        assertThat(test("afterFill").status()).isEqualTo(Status.NOT_RUN);
        assertThat(test("runs").status()).isEqualTo(Status.PASSED);
    }

    @Test
    @DisplayName("an exception whose getMessage and getCause never return FAILS its test: it is read on a small budget, "
        + "not until the CPU backstop ends the JVM")
    void unreadableException() {
        TestResult stuck = stuckReport.tests().get(0);
        assertThat(stuck.status()).as(stuck.message()).isEqualTo(Status.FAILED);
        assertThat(stuck.message()).contains("fixture.spin.Stuck").contains("could not be read")
            .doesNotContain("CPU time");
    }

    private TestResult test(String method) {
        return report.tests().stream().filter(t -> t.method().endsWith("#" + method)).findFirst()
            .orElseThrow(() -> new AssertionError("no result for " + method + " in " + report.tests()));
    }
}
