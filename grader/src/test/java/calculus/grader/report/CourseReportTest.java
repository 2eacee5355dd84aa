package calculus.grader.report;

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

import calculus.grader.report.CourseReport.Found;
import calculus.grader.report.ModuleReport.Blocker;

/** The course-wide table, read from module folders laid out in a temporary course root as the build leaves them. */
class CourseReportTest {

    private static final String BUILD = "20261124T120000000";
    private static final String OLD_BUILD = "20250101T000000000";

    @TempDir
    Path root;

    // ---- the modules: the root POM's, and only those

    @Test
    @DisplayName("the exercise modules are the root POM's numbered <module> entries, in order; profiles' are not")
    void exerciseModulesFromTheRootPom() throws IOException {
        pom("grader", "01-a", " 02-b ", "<!-- 03-commented -->", "scoreboard", "10-j");

        assertThat(CourseReport.exerciseModules(root)).containsExactly("01-a", "02-b", "10-j");
    }

    @Test
    @DisplayName("a POM that cannot be read is an IllegalStateException naming the file")
    void unreadablePom() throws IOException {
        assertThatThrownBy(() -> CourseReport.exerciseModules(root)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(root.resolve("pom.xml").toString());
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>01-a</modules>", UTF_8);
        assertThatThrownBy(() -> CourseReport.exerciseModules(root)).isInstanceOf(IllegalStateException.class);
    }

    // ---- finding the results

    @Test
    @DisplayName("a module without results.json is not graded yet")
    void missingResults() {
        Found found = CourseReport.find(results("01-a", "target"), "01-a", BUILD);

        assertThat(found).isEqualTo(new Found("01-a", null, false, "not graded yet"));
    }

    @Test
    @DisplayName("results of this build are current; those of another build are kept, marked as earlier")
    void currentAndEarlierResults() throws IOException {
        ModuleReport now = Reports.of("01-a").build(BUILD).title("1.1", "One").test("1.1", "a", Status.PASSED, 100)
            .report();
        ModuleReport before = Reports.of("02-b").build(OLD_BUILD).title("2.1", "One")
            .test("2.1", "a", Status.FAILED, 100).report();
        write("01-a", "target", now);
        write("02-b", "target", before);

        assertThat(CourseReport.find(results("01-a", "target"), "01-a", BUILD)).isEqualTo(new Found("01-a", now, true,
            ""));
        assertThat(CourseReport.find(results("02-b", "target"), "02-b", BUILD)).isEqualTo(new Found("02-b", before,
            false, ""));
    }

    @Test
    @DisplayName("unreadable results are reported as such, never thrown")
    void unreadableResults() throws IOException {
        Path file = results("01-a", "target");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"module\": ", UTF_8);

        Found found = CourseReport.find(file, "01-a", BUILD);

        assertThat(found.report()).isNull();
        assertThat(found.missing()).startsWith("unreadable results (");
    }

    // ---- the student's table

    @Test
    @DisplayName("the progress table lists each module's visible points, counts a missing module as 0 of 100, totals")
    void progressTable() throws IOException {
        pom("01-a", "02-b", "03-c");
        write("01-a", "target", Reports.of("01-a").build(BUILD).test("1.1", "a", Status.PASSED, 100)
            .test("1.1", "h", Status.PASSED, 10, "", null, TestResult.HIDDEN).report());
        write("02-b", "target", Reports.of("02-b").build(BUILD).title("2.2", "Chain")
            .test("2.1", "a", Status.PASSED, 40).test("2.2", "b", Status.TODO, 60).report());

        List<String> lines = run("--root", root.toString(), "--build", BUILD).lines().toList();

        assertThat(lines).contains(
            " 01-a                   [##############################] 100/100",
            " 02-b                   [############------------------]  40/100",
            " 03-c                   not graded yet");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" total +140/300"));
        assertThat(lines).contains(" Next: 02-b, Task 2.2 Chain (TODO)");
        assertThat(lines).noneMatch(l -> l.contains("earlier"));
    }

    @Test
    @DisplayName("a module graded in an earlier build is marked (earlier), one graded in part (partly earlier)")
    void earlierMarks() {
        String table = CourseReport.renderProgress(List.of(
            new Found("01-a", Reports.of("01-a").build(OLD_BUILD).test("1.1", "a", Status.PASSED, 100).report(),
                false, ""),
            new Found("02-b", Reports.of("02-b").selection("Task 2.2").earlier("2.1", "a", Status.PASSED, 50)
                .test("2.2", "b", Status.FAILED, 50).report(), true, ""),
            new Found("03-c", Reports.of("03-c").test("3.1", "a", Status.PASSED, 100).report(), true, "")));

        assertThat(table.lines().toList()).contains(
            " 01-a                   [##############################] 100/100  (earlier)",
            " 02-b                   [###############---------------]  50/100  (partly earlier)",
            " 03-c                   [##############################] 100/100",
            " (earlier): not graded in this run, or only in part: the results of its latest runs");
    }

    @Test
    @DisplayName("a blocked module says why on its line, and comes first in \"Next\" when it comes first in the course")
    void blockedModules() {
        String table = CourseReport.renderProgress(List.of(
            new Found("01-a", Reports.of("01-a").test("1.1", "a", Status.PASSED, 100).report(), true, ""),
            new Found("02-b", Reports.of("02-b").blocker(Blocker.COMPILE, "B.java:1: error")
                .test("2.1", "a", Status.NOT_RUN, 100).report(), true, ""),
            new Found("03-c", Reports.of("03-c").blocker(Blocker.RULES, "uses Thread")
                .test("3.1", "a", Status.NOT_RUN, 100).report(), true, ""),
            new Found("04-d", null, false, "not graded yet")));

        assertThat(table.lines().toList()).contains(
            " 02-b                   [------------------------------]   0/100  does not compile",
            " 03-c                   [------------------------------]   0/100  breaks the rules for student code",
            " Next: 02-b: does not compile");
    }

    @Test
    @DisplayName("a module not graded yet is the next one when every module before it is done")
    void notGradedYetIsNext() {
        String table = CourseReport.renderProgress(List.of(
            new Found("01-a", Reports.of("01-a").test("1.1", "a", Status.PASSED, 100).report(), true, ""),
            new Found("02-b", null, false, "not graded yet")));

        assertThat(table).contains(" Next: 02-b\n");
    }

    @Test
    @DisplayName("with every task of every module done, the table says the course is done")
    void everythingDone() {
        String table = CourseReport.renderProgress(List.of(
            new Found("01-a", Reports.of("01-a").test("1.1", "a", Status.PASSED, 100).report(), true, "")));

        assertThat(table).contains(" Next: nothing left: every task of the course is done!\n");
    }

    @Test
    @DisplayName("--target names the build folder to read, as -Dcourse.target does for the build")
    void targetOption() throws IOException {
        pom("01-a");
        write("01-a", "target-x", Reports.of("01-a").build(BUILD).test("1.1", "a", Status.PASSED, 100).report());

        String table = run("--root", root.toString(), "--build", BUILD, "--target", "target-x");

        assertThat(table).contains(" 01-a                   [##############################] 100/100\n");
    }

    @Test
    @DisplayName("--collect-reports gathers every module's TEST-*.xml in one folder for the HTML report, replacing "
        + "the folder's earlier ones; 'none' gathers nothing")
    void collectReports() throws IOException {
        pom("01-a", "02-b");
        write("01-a", "target", Reports.of("01-a").build(BUILD).test("1.1", "a", Status.PASSED, 100).report());
        write("02-b", "target", Reports.of("02-b").build(BUILD).test("2.1", "b", Status.PASSED, 100).report());
        for (String m : List.of("01-a", "02-b")) {
            Path reports = root.resolve(m).resolve("target").resolve("surefire-reports");
            Files.createDirectories(reports);
            Files.writeString(reports.resolve("TEST-calculus." + m.substring(3) + ".DemoTest.xml"), "<testsuite/>");
            Files.writeString(reports.resolve("other.txt"), "not a report");
        }
        Path into = root.resolve("scoreboard").resolve("target").resolve("surefire-reports");
        Files.createDirectories(into);
        Files.writeString(into.resolve("TEST-calculus.gone.OldTest.xml"), "<testsuite/>");

        run("--root", root.toString(), "--build", BUILD, "--collect-reports", into.toString());

        try (var files = Files.list(into)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                .containsExactly("TEST-calculus.a.DemoTest.xml", "TEST-calculus.b.DemoTest.xml");
        }
        Files.writeString(root.resolve("01-a/target/surefire-reports/TEST-calculus.a.NewTest.xml"), "<testsuite/>");
        run("--root", root.toString(), "--build", BUILD, "--collect-reports", "none");
        try (var files = Files.list(into)) {
            assertThat(files.count()).as("nothing gathered with 'none'").isEqualTo(2);
        }
    }

    // ---- the check

    @Test
    @DisplayName("the check passes a TODO skeleton and a passing solution, showing both side by side")
    void cleanCheck() throws IOException {
        pom("01-a", "02-b");
        write("01-a", "target", Reports.of("01-a").build(BUILD).check()
            .test("1.1", "a", Status.TODO, 60).test("1.2", "b", Status.TODO, 40).report());
        writeSolution("01-a", Reports.of("01-a").build(BUILD).check().solution()
            .test("1.1", "a", Status.PASSED, 60).test("1.2", "b", Status.PASSED, 40).report());
        write("02-b", "target", Reports.of("02-b").build(BUILD).check().test("2.1", "a", Status.TODO, 100).report());

        String table = run("--root", root.toString(), "--build", BUILD, "--check", "true");

        assertThat(table.lines().toList()).contains(
            " 01-a                   2/2 TODO, 0 pts          2/2 PASSED, 100 pts     ",
            " 02-b                   1/1 TODO, 0 pts          (no solution)           ",
            " CHECK OK",
            "check: 5 passed, 0 failed");
    }

    @Test
    @DisplayName("the check throws IllegalStateException listing free points, stale results and a missing solution")
    void failedCheckThrows() throws IOException {
        pom("01-a", "02-b");
        write("01-a", "target", Reports.of("01-a").build(BUILD).check()
            .test("1.1", "free", Status.PASSED, 60).test("1.2", "b", Status.TODO, 40).report());
        Files.createDirectories(root.resolve("solutions").resolve("01-a"));
        write("02-b", "target", Reports.of("02-b").build(OLD_BUILD).check().test("2.1", "a", Status.TODO, 100)
            .report());

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            assertThatThrownBy(() -> CourseReport.main(new String[] {"--root", root.toString(), "--build", BUILD,
                "--check", "true"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the course check failed:\n  - ")
                .hasMessageContaining("01-a (skeleton): Task 1.1 \"1.1 free\" (calculus.Demo#free) PASSED against "
                    + "the skeleton: free points.")
                .hasMessageContaining("02-b (skeleton): no results from this build")
                .hasMessageContaining("01-a (solution): not graded yet");
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(UTF_8)).contains(" CHECK FAILED:\n")
            .contains(" 01-a                   1/2 TODO, 60 pts         no results")
            .contains(" 02-b                   no results ")
            .contains("check: 1 passed, 2 failed\n");
    }

    @Test
    @DisplayName("outside the check the table never throws, whatever the modules' state")
    void noCheckNoThrow() throws IOException {
        pom("01-a", "02-b");
        write("01-a", "target", Reports.of("01-a").build(BUILD).test("1.1", "free", Status.PASSED, 60).report());

        assertThat(run("--root", root.toString(), "--build", BUILD, "--check", "false")).contains("your progress");
    }

    @Test
    @DisplayName("a missing option or a stray argument is rejected with IllegalArgumentException naming it")
    void badArguments() {
        assertThatThrownBy(() -> CourseReport.main(new String[] {"--root", root.toString()}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("CourseReport needs --build");
        assertThatThrownBy(() -> CourseReport.main(new String[] {"--root", root.toString(), "--build", " "}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("CourseReport needs --build");
        assertThatThrownBy(() -> CourseReport.main(new String[] {"root", "x"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got \"root\"");
    }

    // ---- helpers

    /** A root POM with these modules, and a profile with modules of its own that are no exercise modules. */
    private void pom(String... modules) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n  <modules>\n");
        for (String m : modules) {
            xml.append(m.startsWith("<!--") ? "    " + m + "\n" : "    <module>" + m + "</module>\n");
        }
        xml.append("  </modules>\n  <profiles>\n    <profile>\n      <id>solutions</id>\n      <modules>\n")
            .append("        <module>instructor</module>\n        <module>07-profile-only</module>\n")
            .append("      </modules>\n    </profile>\n  </profiles>\n</project>\n");
        Files.writeString(root.resolve("pom.xml"), xml, UTF_8);
    }

    private Path results(String module, String target) {
        return root.resolve(module).resolve(target).resolve("grading").resolve("results.json");
    }

    private void write(String module, String target, ModuleReport report) throws IOException {
        Path file = results(module, target);
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toJson(), UTF_8);
    }

    private void writeSolution(String module, ModuleReport report) throws IOException {
        Files.createDirectories(root.resolve("solutions").resolve(module));
        Path file = root.resolve(module).resolve("target").resolve("grading").resolve("solution")
            .resolve("results.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toJson(), UTF_8);
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
