package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plain-text scoreboard a student reads at the end of a module's tests. */
class ScoreboardTest {

    @Test
    @DisplayName("the progress bar is 30 characters wide: empty at 0, half full at 50, full at 100 of 100")
    void progressBar() {
        assertThat(Scoreboard.bar(0, 100)).isEqualTo("[" + "-".repeat(30) + "]");
        assertThat(Scoreboard.bar(50, 100)).isEqualTo("[" + "#".repeat(15) + "-".repeat(15) + "]");
        assertThat(Scoreboard.bar(100, 100)).isEqualTo("[" + "#".repeat(30) + "]");
        assertThat(Scoreboard.bar(2, 100)).as("rounded to the nearest character")
            .isEqualTo("[#" + "-".repeat(29) + "]");
        assertThat(Scoreboard.bar(0, 0)).as("a module without points").isEqualTo("[" + "-".repeat(30) + "]");
    }

    @Test
    @DisplayName("the header names the module and shows the bar, the points and the tasks done")
    void header() {
        String board = Scoreboard.module(Reports.of("01-demo")
            .test("1.1", "a", Status.PASSED, 50).test("1.2", "b", Status.TODO, 50).report());

        assertThat(board).startsWith("\n" + "-".repeat(78) + "\n" + " 01-demo  Title of 01-demo\n");
        assertThat(lines(board)).contains(" [###############---------------]   50/100 points   1 of 2 tasks done");
        assertThat(Scoreboard.module(Reports.of("01-demo").solution().test("1.1", "a", Status.PASSED, 100)
            .report())).contains(" 01-demo  Title of 01-demo  (reference solution)\n");
        assertThat(Scoreboard.module(Reports.of("01-demo").test("1.1", "a", Status.PASSED, 100)
            .test("1.1", "h", Status.PASSED, 10, "", null, TestResult.HIDDEN).report()))
            .contains(" 110/110 points   1 of 1 tasks done   (1 hidden tests included)\n");
    }

    @Test
    @DisplayName("each task has a line with its title, its status and its points; a failure's reason goes below it")
    void taskLines() {
        String board = Scoreboard.module(Reports.of("01-demo")
            .title("1.1", "Forward difference").title("1.2", "Central difference").title("1.10", "Newton")
            .test("1.1", "a", Status.PASSED, 30)
            .test("1.2", "b", Status.TODO, 30, "TODO, not implemented yet: Task 1.2", null)
            .test("1.10", "c", Status.FAILED, 40, "expected 2.0 but was 1.0", 77L)
            .report());

        List<String> lines = lines(board);
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" 1\\.1 +Forward difference +PASSED +30/30 *"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" 1\\.2 +Central difference +TODO +0/30 *"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" 1\\.10 +Newton +FAILED +0/40 *"));
        int failed = indexOf(lines, " 1.10 ");
        assertThat(lines.get(failed + 1))
            .isEqualTo("         expected 2.0 but was 1.0 [seed 77: rerun with -Dseed=77]");
        assertThat(lines.get(indexOf(lines, " 1.2 ") + 1)).as("a TODO needs no reason").startsWith(" 1.10 ");
        assertThat(indexOf(lines, " 1.2 ")).as("tasks in number order").isLessThan(failed);
    }

    @Test
    @DisplayName("a title longer than its column is cut with \"...\", so the statuses stay aligned")
    void longTitlesAreCut() {
        String title = "A very long title that goes on and on past the column";
        String board = Scoreboard.module(Reports.of("01-demo").title("1.1", title)
            .test("1.1", "a", Status.TIMED_OUT, 100).report());

        assertThat(lines(board)).anySatisfy(l -> assertThat(l).matches(" 1\\.1 +" + title.substring(0, 35)
            + "\\.\\.\\. TIMED OUT +0/100 *"));
        assertThat(lines(board)).filteredOn(l -> l.startsWith(" 1.1 ")).singleElement().asString()
            .doesNotContain(title);
    }

    @Test
    @DisplayName("\"Next:\" names the first unfinished task, where to read, where to get hints, and how to rerun it")
    void nextBlock() {
        String board = Scoreboard.module(Reports.of("01-demo").title("1.2", "Central difference")
            .test("1.1", "a", Status.PASSED, 30).test("1.2", "b", Status.TODO, 30)
            .test("1.3", "c", Status.FAILED, 40).report());

        assertThat(lines(board)).containsSubsequence(
            " Next: Task 1.2 Central difference (TODO)",
            "   read    01-demo/README.md, section \"Task 1.2\"",
            "   stuck?  01-demo/hints.md, section \"Task 1.2\"",
            "   rerun   ./mvnw test -pl 01-demo -am -Dtask=1.2");
        assertThat(board).doesNotContain("CHECK");
    }

    @Test
    @DisplayName("with every task done, the scoreboard says so instead of naming a next task")
    void everyTaskDone() {
        String board = Scoreboard.module(Reports.of("01-demo").test("1.1", "a", Status.PASSED, 100).report());

        assertThat(board).contains(" Every task done: well done. On to the next module!\n").doesNotContain("Next:");
    }

    @Test
    @DisplayName("course errors are printed for the student to pass on to the instructor")
    void courseErrorsArePrinted() {
        String board = Scoreboard.module(Reports.of("01-demo").error("calculus.Demo#a: task 2.1 does not belong")
            .test("2.1", "a", Status.TODO, 100).report());

        assertThat(board).contains(" COURSE ERROR (tell your instructor): calculus.Demo#a: task 2.1 does not belong\n");
    }

    @Test
    @DisplayName("course errors are printed even when every task is done")
    void courseErrorsArePrintedWhenEverythingPasses() {
        String board = Scoreboard.module(Reports.of("01-demo").error("calculus.Demo#a: task 2.1 does not belong")
            .test("2.1", "a", Status.PASSED, 100).report());

        assertThat(board).contains(" COURSE ERROR (tell your instructor): calculus.Demo#a: task 2.1 does not belong\n");
    }

    @Test
    @DisplayName("in the check, a clean module ends with CHECK OK and what was expected, skeleton or solution")
    void checkOk() {
        String skeleton = Scoreboard.module(Reports.of("01-demo").check().test("1.1", "a", Status.TODO, 100)
            .report());
        String solution = Scoreboard.module(Reports.of("01-demo").check().solution()
            .test("1.1", "a", Status.PASSED, 100).report());

        assertThat(skeleton).endsWith(" CHECK OK: every graded test is TODO against the skeleton (no free points)\n")
            .doesNotContain("Next:");
        assertThat(solution).endsWith(" CHECK OK: every graded test passes against the reference solution\n")
            .doesNotContain("Every task done");
    }

    @Test
    @DisplayName("in the check, a module with problems gets CHECK FAILED and one line per problem")
    void checkFailed() {
        String board = Scoreboard.module(Reports.of("01-demo").check()
            .test("1.1", "free", Status.PASSED, 60).test("1.2", "b", Status.TODO, 30).report());

        assertThat(board).endsWith(" CHECK FAILED: expected every graded test is TODO against the skeleton (no free "
            + "points)\n"
            + "   - 01-demo: the points of the visible tests add up to 90, not 100\n"
            + "   - Task 1.1 \"1.1 free\" (calculus.Demo#free) PASSED against the skeleton: free points. Make the "
            + "test call the code it grades, or make the skeleton throw.\n");
    }

    @Test
    @DisplayName("rule breaches are listed under NO TEST RAN, and the tests' reasons, all alike, are left out")
    void ruleBreaches() {
        String board = Scoreboard.module(Reports.of("01-demo")
            .rule("Demo.java:3 uses java.lang.System.exit: ends the JVM, and the grading with it")
            .test("1.1", "a", Status.FAILED, 100, "not run: the code breaks the rules", null).report());

        assertThat(lines(board)).containsSubsequence(
            " NO TEST RAN: the code breaks the rules that keep grading safe. Remove these uses:",
            "   - Demo.java:3 uses java.lang.System.exit: ends the JVM, and the grading with it");
        assertThat(board).doesNotContain("1.1 a: not run");
    }

    private static List<String> lines(String board) {
        return board.lines().toList();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with \"" + prefix + "\"");
    }
}
