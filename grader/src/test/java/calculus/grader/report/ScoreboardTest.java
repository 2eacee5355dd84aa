package calculus.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.report.ModuleReport.Blocker;

/** The plain-text scoreboard a student reads at the end of a module's run. */
class ScoreboardTest {

    private static final String RULE = "-".repeat(78);

    // ---- the board

    @Test
    @DisplayName("the progress bar is 30 characters wide: empty at 0, half full at 50, full at 100 of 100")
    void progressBar() {
        assertThat(Scoreboard.bar(0, 100)).isEqualTo("[" + "-".repeat(30) + "]");
        assertThat(Scoreboard.bar(50, 100)).isEqualTo("[" + "#".repeat(15) + "-".repeat(15) + "]");
        assertThat(Scoreboard.bar(100, 100)).isEqualTo("[" + "#".repeat(30) + "]");
        assertThat(Scoreboard.bar(2, 100)).as("rounded to the nearest character")
            .isEqualTo("[#" + "-".repeat(29) + "]");
        assertThat(Scoreboard.bar(0, 0)).as("a module without points").isEqualTo("[" + "-".repeat(30) + "]");
        assertThat(Scoreboard.bar(150, 100)).as("never more than full").isEqualTo("[" + "#".repeat(30) + "]");
    }

    @Test
    @DisplayName("the header names the module and shows the bar, the points, the tasks done and the hidden tests")
    void header() {
        String board = Scoreboard.module(Reports.of("01-demo")
            .test("1.1", "a", Status.PASSED, 50).test("1.2", "b", Status.TODO, 50).report());

        assertThat(board).startsWith("\n" + RULE + "\n" + " 01-demo  Title of 01-demo\n");
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

    // ---- what to do next

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
            "   rerun   ./mvnw test -pl 01-demo -Dtask=1.2");
        assertThat(board).doesNotContain("CHECK");
    }

    @Test
    @DisplayName("with every task done, the scoreboard says so instead of naming a next task")
    void everyTaskDone() {
        String board = Scoreboard.module(Reports.of("01-demo").test("1.1", "a", Status.PASSED, 100).report());

        assertThat(board).contains(" Every task done: well done. On to the next module!\n").doesNotContain("Next:");
    }

    @Test
    @DisplayName("course errors are printed for the student to pass on, whether or not every task is done")
    void courseErrorsArePrinted() {
        for (Status status : List.of(Status.TODO, Status.PASSED)) {
            String board = Scoreboard.module(Reports.of("01-demo").error("calculus.Demo#a: task 2.1 does not belong")
                .test("2.1", "a", status, 100).report());

            assertThat(board).as("with the task %s", status)
                .contains(" COURSE ERROR (tell your instructor): calculus.Demo#a: task 2.1 does not belong\n");
        }
    }

    // ---- quiet and verbose

    @Test
    @DisplayName("quiet: the next task's failures are shown in full, most specific first, with the seed to rerun")
    void quietShowsTheNextTaskInFull() {
        String board = Scoreboard.module(Reports.of("01-demo").title("1.2", "Central difference")
            .test("1.1", "a", Status.PASSED, 20)
            .test("1.2", "example", Status.FAILED, 20, "central(sin, 0.5)\n  expected: 0.8776\n  but was:  0.4794", 5L)
            .test("1.2", "todo", Status.TODO, 20, "TODO, not implemented yet: Task 1.2", null)
            .test("1.2", "order", Status.TIMED_OUT, 20, "stopped after 200,000,000 steps", null)
            .test("1.3", "later", Status.FAILED, 20, "the later task's failure", null)
            .report());

        assertThat(lines(board)).containsSubsequence(
            " Task 1.2 Central difference: 3 of 3 tests fail",
            "   FAILED  1.2 example",
            "       central(sin, 0.5)",
            "         expected: 0.8776",
            "         but was:  0.4794",
            "       random inputs from seed 5: rerun them with -Dseed=5",
            "   TIMED OUT  1.2 order",
            "       stopped after 200,000,000 steps");
        assertThat(board).as("a TODO is not a failure to read").doesNotContain("   TODO  1.2 todo");
        assertThat(board).as("another task's failure gets its task line only")
            .doesNotContain("   FAILED  1.3 later").contains("         the later task's failure\n");
        assertThat(board.indexOf(" Task 1.2 Central")).as("failures before the board").isLessThan(board.indexOf(RULE));
    }

    @Test
    @DisplayName("quiet: at most three failures of the next task are shown, the rest counted")
    void quietShowsThreeFailures() {
        Reports reports = Reports.of("01-demo");
        for (int i = 1; i <= 5; i++) {
            reports.test("1.1", "case" + i, Status.FAILED, 20, "failure " + i, null);
        }

        String board = Scoreboard.module(reports.report());

        assertThat(board).contains("   FAILED  1.1 case3\n").doesNotContain("   FAILED  1.1 case4")
            .contains("   (and 2 more: see the task's line below, or rerun with -Dverbose)\n");
        assertThat(Scoreboard.module(reports.report(), true)).contains("   FAILED  1.1 case5\n")
            .doesNotContain("and 2 more");
    }

    @Test
    @DisplayName("verbose: every task's failures are shown in full, in task order")
    void verboseShowsEveryTask() {
        ModuleReport report = Reports.of("01-demo")
            .test("1.1", "a", Status.FAILED, 50, "first task's failure", null)
            .test("1.2", "b", Status.NOT_RUN, 50, "not run: the test JVM ended", null)
            .report();

        String quiet = Scoreboard.module(report);
        String verbose = Scoreboard.module(report, true);

        assertThat(quiet).contains("   FAILED  1.1 a\n").doesNotContain("   NOT RUN  1.2 b");
        assertThat(lines(verbose)).containsSubsequence(" Task 1.1: 1 of 1 tests fail", "   FAILED  1.1 a",
            "       first task's failure", " Task 1.2: 1 of 1 tests fail", "   NOT RUN  1.2 b",
            "       not run: the test JVM ended");
    }

    @Test
    @DisplayName("a long failure message shows its first 24 lines, cut at 200 characters, and says where the rest is")
    void longMessagesAreCut() {
        String message = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i + " " + "z".repeat(i == 1 ? 300 : 0))
            .collect(Collectors.joining("\n"));

        String board = Scoreboard.module(Reports.of("01-demo").test("1.1", "a", Status.FAILED, 100, message, null)
            .report());

        assertThat(board).contains("       line 24 \n").doesNotContain("line 25")
            .contains("       ... (6 more lines in target/grading/results.json)\n");
        assertThat(lines(board)).filteredOn(l -> l.startsWith("       line 1 ")).singleElement().asString()
            .hasSize(7 + 200).endsWith("...");
    }

    @Test
    @DisplayName("a withheld hidden test's message never reaches the board, only that a hidden test failed")
    void withheldMessagesStayHidden() {
        String board = Scoreboard.module(Reports.of("01-demo")
            .test("1.1", "w", Status.FAILED, 100, "the secret answer is 42", null, TestResult.WITHHELD).report(),
            true);

        assertThat(board).doesNotContain("secret")
            .contains("a hidden test failed (its message is withheld by the instructor)");
    }

    // ---- a run of a few tasks

    @Test
    @DisplayName("a selection is named under the header; earlier tasks are starred; this run's failures are shown")
    void selectionAndEarlierResults() {
        ModuleReport report = Reports.of("01-demo").selection("Task 1.2").title("1.1", "One").title("1.2", "Two")
            .earlier("1.1", "a", Status.FAILED, 50)
            .test("1.2", "b", Status.FAILED, 40, "this run's failure", null)
            .test("1.3", "c", Status.SKIPPED, 10, "not run in this run (Task 1.2)", null)
            .report();

        String board = Scoreboard.module(report);

        assertThat(lines(board)).contains(
            " this run: Task 1.2 only; the other tasks show their results from earlier runs",
            " * from an earlier run");
        assertThat(lines(board)).anySatisfy(l -> assertThat(l).matches(" 1\\.1 +One +FAILED\\* +0/50 *"));
        assertThat(lines(board)).anySatisfy(l -> assertThat(l).matches(" 1\\.2 +Two +FAILED +0/40 *"));
        assertThat(lines(board)).anySatisfy(l -> assertThat(l).matches(" 1\\.3 +SKIPPED +0/10 *"));
        assertThat(board).as("the earlier failure is not news: this run's is shown in full")
            .doesNotContain("   FAILED  1.1 a").contains("   FAILED  1.2 b\n       this run's failure\n");
        assertThat(board).as("what is next in the module, earlier results included")
            .contains(" Next: Task 1.1 One (FAILED)\n");
    }

    @Test
    @DisplayName("a run of everything shows no selection line and no stars")
    void noSelection() {
        String board = Scoreboard.module(Reports.of("01-demo").test("1.1", "a", Status.FAILED, 100).report());

        assertThat(board).doesNotContain("this run:").doesNotContain("*");
    }

    // ---- blockers

    @Test
    @DisplayName("code that does not compile: the errors under DOES NOT COMPILE, no reasons, no failures, no Next")
    void compileBlocker() {
        String board = Scoreboard.module(Reports.of("01-demo")
            .blocker(Blocker.COMPILE, "01-demo/src/main/java/calculus/Demo.java:3: ';' expected\n    int x = 1\n"
                + "             ^")
            .test("1.1", "a", Status.NOT_RUN, 100, "not run: the code does not compile", null).report());

        assertThat(lines(board)).containsSubsequence(
            " DOES NOT COMPILE: no test can run until these errors are fixed:",
            "   01-demo/src/main/java/calculus/Demo.java:3: ';' expected",
            "    int x = 1",
            "             ^");
        assertThat(board).doesNotContain("not run: the code does not compile").doesNotContain("Next:")
            .doesNotContain("   NOT RUN  1.1");
        assertThat(lines(board)).anySatisfy(l -> assertThat(l).matches(" 1\\.1 +NOT RUN +0/100 *"));
    }

    @Test
    @DisplayName("each kind of blocker has its own heading; the grader's own failure says it is not the student's")
    void blockerHeadings() {
        assertThat(board(Blocker.RULES)).contains(" NO TEST RAN: the code breaks the rules for student code (README, "
            + "\"Rules for your code\"). Remove these uses:\n   the line\n");
        assertThat(board(Blocker.FILES)).contains(" NOT GRADED: these files cannot be graded:\n   the line\n");
        assertThat(board(Blocker.GRADER)).contains(" GRADING FAILED (not your fault: tell your instructor):\n"
            + "   the line\n");
    }

    @Test
    @DisplayName("a blocker shows at most 30 lines, the rest counted")
    void longBlockers() {
        String[] errors = IntStream.rangeClosed(1, 35).mapToObj(i -> "error " + i).toArray(String[]::new);

        String board = Scoreboard.module(Reports.of("01-demo").blocker(Blocker.COMPILE, errors)
            .test("1.1", "a", Status.NOT_RUN, 100).report());

        assertThat(board).contains("   error 30\n").doesNotContain("error 31").contains("   ... and 5 more\n");
    }

    // ---- the check

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
    @DisplayName("in the check, a module with problems gets CHECK FAILED and one line per problem, and no failures")
    void checkFailed() {
        String board = Scoreboard.module(Reports.of("01-demo").check()
            .test("1.1", "free", Status.PASSED, 60).test("1.2", "b", Status.FAILED, 30, "broken", null).report());

        assertThat(board).endsWith(" CHECK FAILED: expected every graded test is TODO against the skeleton (no free "
            + "points)\n"
            + "   - 01-demo: the points of the visible tests add up to 90, not 100\n"
            + "   - Task 1.1 \"1.1 free\" (calculus.Demo#free) PASSED against the skeleton: free points. Make the "
            + "test call the code it grades, or make the skeleton throw.\n"
            + "   - Task 1.2 \"1.2 b\" (calculus.Demo#b) is FAILED against the skeleton, not TODO: the test fails for "
            + "another reason than the missing code: broken\n");
        assertThat(board).as("the check lists problems, not a student's failures").doesNotContain("   FAILED  1.2 b");
    }

    private static String board(String kind) {
        return Scoreboard.module(Reports.of("01-demo").blocker(kind, "the line")
            .test("1.1", "a", Status.NOT_RUN, 100).report());
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
