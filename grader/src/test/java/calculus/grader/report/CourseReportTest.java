package calculus.grader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.CourseReport.Found;

/** The course-wide table, read from module folders laid out in a temporary course root as the build leaves them. */
class CourseReportTest {

    private static final String BUILD = "20261124T120000000";

    @TempDir
    Path root;

    // ---- finding the results

    @Test
    @DisplayName("a module without results.json is missing, with the reason: it did not compile or no test ran")
    void missingResults() {
        Found found = CourseReport.find(root.resolve("01-a").resolve("target"), "01-a", BUILD);

        assertThat(found.report()).isNull();
        assertThat(found.missing()).isEqualTo("no results: it did not compile, or no test ran (see the errors above)");
    }

    @Test
    @DisplayName("results of another build are stale: they count as missing, not as this build's grade")
    void staleResults() throws IOException {
        write(root.resolve("01-a"), "target", Reports.of("01-a").build("20250101T000000000")
            .test("1.1", "a", Status.PASSED, 100).report());

        Found found = CourseReport.find(root.resolve("01-a").resolve("target"), "01-a", BUILD);

        assertThat(found.report()).isNull();
        assertThat(found.missing()).startsWith("no results from this build");
    }

    @Test
    @DisplayName("results of this build are read back whole; unreadable ones are reported as such")
    void currentAndUnreadableResults() throws IOException {
        // a title for each task and none more, so that the JSON round trip is exact
        ModuleReport report = Reports.of("01-a").build(BUILD).title("1.1", "One")
            .test("1.1", "a", Status.PASSED, 100).report();
        write(root.resolve("01-a"), "target", report);
        Path broken = root.resolve("02-b").resolve("target").resolve("grading");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("results.json"), "{\"module\": ", UTF_8);

        assertThat(CourseReport.find(root.resolve("01-a").resolve("target"), "01-a", BUILD))
            .isEqualTo(new Found("01-a", report, ""));
        Found unreadable = CourseReport.find(root.resolve("02-b").resolve("target"), "02-b", BUILD);
        assertThat(unreadable.report()).isNull();
        assertThat(unreadable.missing()).startsWith("unreadable results (not JSON: ");
    }

    // ---- the student's table

    @Test
    @DisplayName("the progress table lists each module's points, counts a missing module as 0 of 100, and totals")
    void progressTable() throws IOException {
        write(root.resolve("01-a"), "target", Reports.of("01-a").build(BUILD)
            .test("1.1", "a", Status.PASSED, 100).report());
        write(root.resolve("02-b"), "target", Reports.of("02-b").build(BUILD).title("2.2", "Chain")
            .test("2.1", "a", Status.PASSED, 40).test("2.2", "b", Status.TODO, 60).report());

        String table = run("--root", root.toString(), "--build", BUILD, "--modules", "01-a, 02-b,03-c");

        List<String> lines = table.lines().toList();
        assertThat(lines).contains(
            " 01-a                   [##############################] 100/100",
            " 02-b                   [############------------------]  40/100",
            " 03-c                   no results: it did not compile, or no test ran (see the errors above)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" total +140/300"));
        assertThat(lines).contains(" Next: 02-b, Task 2.2 Chain (TODO)");
    }

    @Test
    @DisplayName("a module that did not compile comes first in \"Next\" when it comes first in the course")
    void nextIsTheFirstModuleWithWorkLeft() {
        String table = CourseReport.renderProgress(List.of(
            new Found("01-a", Reports.of("01-a").test("1.1", "a", Status.PASSED, 100).report(), ""),
            new Found("02-b", null, "no results"),
            new Found("03-c", Reports.of("03-c").test("3.1", "a", Status.FAILED, 100).report(), "")));

        assertThat(table).contains(" Next: 02-b: make it compile first (the [ERROR] lines above say where)\n");
    }

    @Test
    @DisplayName("with every task of every module done, the table says the course is done")
    void everythingDone() {
        String table = CourseReport.renderProgress(List.of(
            new Found("01-a", Reports.of("01-a").test("1.1", "a", Status.PASSED, 100).report(), "")));

        assertThat(table).contains(" Next: nothing left: every task of the course is done!\n");
    }

    @Test
    @DisplayName("--target names the build folder to read, as -Dcourse.target does for the build")
    void targetOption() throws IOException {
        write(root.resolve("01-a"), "target-x", Reports.of("01-a").build(BUILD)
            .test("1.1", "a", Status.PASSED, 100).report());

        String table = run("--root", root.toString(), "--build", BUILD, "--modules", "01-a", "--target", "target-x");

        assertThat(table).contains(" 01-a                   [##############################] 100/100");
    }

    // ---- the check

    @Test
    @DisplayName("the check passes a TODO skeleton and a passing solution, showing both side by side")
    void cleanCheck() throws IOException {
        write(root.resolve("01-a"), "target", Reports.of("01-a").build(BUILD).check()
            .test("1.1", "a", Status.TODO, 60).test("1.2", "b", Status.TODO, 40).report());
        write(root.resolve("solutions").resolve("01-a"), "target", Reports.of("01-a").build(BUILD).check()
            .solution().test("1.1", "a", Status.PASSED, 60).test("1.2", "b", Status.PASSED, 40).report());
        write(root.resolve("02-b"), "target", Reports.of("02-b").build(BUILD).check()
            .test("2.1", "a", Status.TODO, 100).report());

        String table = run("--root", root.toString(), "--build", BUILD, "--check", "true", "--modules", "01-a,02-b");

        assertThat(table.lines().toList()).contains(
            " 01-a                   2/2 TODO, 0 pts          2/2 PASSED, 100 pts     ",
            " 02-b                   1/1 TODO, 0 pts          (no solution)           ",
            " CHECK OK",
            "check: 5 passed, 0 failed");
    }

    @Test
    @DisplayName("the check throws IllegalStateException listing a skeleton's free points and a missing solution")
    void failedCheckThrows() throws IOException {
        write(root.resolve("01-a"), "target", Reports.of("01-a").build(BUILD).check()
            .test("1.1", "free", Status.PASSED, 60).test("1.2", "b", Status.TODO, 40).report());
        Files.createDirectories(root.resolve("solutions").resolve("01-a"));

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            assertThatThrownBy(() -> CourseReport.main(new String[] {"--root", root.toString(), "--build", BUILD,
                "--check", "true", "--modules", "01-a"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the course check failed:\n  - ")
                .hasMessageContaining("01-a (skeleton): Task 1.1 \"1.1 free\" (calculus.Demo#free) PASSED against "
                    + "the skeleton: free points.")
                .hasMessageContaining("01-a (solution): no results: it did not compile");
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(UTF_8)).contains(" CHECK FAILED:\n")
            .contains(" 01-a                   1/2 TODO, 60 pts         no results")
            .contains("check: 1 passed, 1 failed\n");
    }

    @Test
    @DisplayName("outside the check the table never throws, whatever the modules' state")
    void noCheckNoThrow() throws IOException {
        write(root.resolve("01-a"), "target", Reports.of("01-a").build(BUILD)
            .test("1.1", "free", Status.PASSED, 60).report());

        assertThat(run("--root", root.toString(), "--build", BUILD, "--check", "false", "--modules", "01-a,02-b"))
            .contains("your progress");
    }

    @Test
    @DisplayName("a missing option or a stray argument is rejected with IllegalArgumentException naming it")
    void badArguments() {
        assertThatThrownBy(() -> CourseReport.main(new String[] {"--root", root.toString(), "--modules", "01-a"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("CourseReport needs --build");
        assertThatThrownBy(() -> CourseReport.main(new String[] {"--root", root.toString(), "--build", " ",
            "--modules", "01-a"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("CourseReport needs --build");
        assertThatThrownBy(() -> CourseReport.main(new String[] {"root", "x"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("expected an option such as --root, got \"root\"");
    }

    // ---- helpers

    private static void write(Path module, String target, ModuleReport report) throws IOException {
        Path folder = module.resolve(target).resolve("grading");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("results.json"), report.toJson(), UTF_8);
    }

    /** Runs the table's main and returns what it printed. */
    private static String run(String... args) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            CourseReport.main(args);
        } finally {
            System.setOut(console);
        }
        return printed.toString(UTF_8);
    }
}
