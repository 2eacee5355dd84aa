package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A module's grade: tasks from tests, the next task, what the check finds wrong, and the JSON round trip. */
class ModuleReportTest {

    // ---- tasks

    @Test
    @DisplayName("tasks are in number order, 1.2 before 1.10, each with its tests' points and counts taken together")
    void tasksAggregateInNumberOrder() {
        ModuleReport report = Reports.of("01-demo")
            .title("1.10", "Ten").title("1.2", "Two")
            .test("1.10", "tenA", Status.PASSED, 10)
            .test("1.2", "twoA", Status.PASSED, 5)
            .test("1.9", "nine", Status.TODO, 20)
            .test("1.2", "twoB", Status.FAILED, 7)
            .test("2.1", "other", Status.PASSED, 1)
            .report();

        assertThat(report.tasks())
            .extracting(TaskSummary::task, TaskSummary::title, TaskSummary::status, TaskSummary::points,
                TaskSummary::max, TaskSummary::passed, TaskSummary::tests)
            .containsExactly(
                tuple("1.2", "Two", Status.FAILED, 5, 12, 1, 2),
                tuple("1.9", "", Status.TODO, 0, 20, 0, 1),
                tuple("1.10", "Ten", Status.PASSED, 10, 10, 1, 1),
                tuple("2.1", "", Status.PASSED, 1, 1, 1, 1));
        assertThat(report.score()).isEqualTo(16);
        assertThat(report.max()).isEqualTo(43);
    }

    @Test
    @DisplayName("a task's status is its most telling test's: TIMED OUT, FAILED, NOT RUN, TODO, SKIPPED, PASSED")
    void taskStatusIsTheMostTelling() {
        ModuleReport report = Reports.of("01-demo")
            .test("1.1", "a", Status.PASSED, 1).test("1.1", "b", Status.TODO, 1)
            .test("1.1", "c", Status.TIMED_OUT, 1).test("1.1", "d", Status.FAILED, 1)
            .test("1.2", "e", Status.SKIPPED, 1).test("1.2", "f", Status.NOT_RUN, 1)
            .test("1.3", "g", Status.SKIPPED, 1).test("1.3", "h", Status.TODO, 1)
            .test("1.4", "i", Status.SKIPPED, 1).test("1.4", "j", Status.PASSED, 1)
            .report();

        assertThat(report.tasks()).extracting(TaskSummary::status)
            .containsExactly(Status.TIMED_OUT, Status.NOT_RUN, Status.TODO, Status.SKIPPED);
    }

    @Test
    @DisplayName("a task's reason is its first failing test's message in brief, with the seed; a TODO gives none")
    void taskReason() {
        ModuleReport report = Reports.of("01-demo")
            .test("1.1", "todo", Status.TODO, 1, "TODO, not implemented yet", null)
            .test("1.1", "wrong", Status.FAILED, 1, "expected:\n  1.0\nbut was:\n  2.0", 42L)
            .test("1.1", "late", Status.TIMED_OUT, 1, "timed out", null)
            .test("1.2", "todo", Status.TODO, 1, "TODO, not implemented yet", null)
            .test("1.3", "slow", Status.TIMED_OUT, 1, "x".repeat(300), null)
            .report();

        List<TaskSummary> tasks = report.tasks();
        assertThat(tasks.get(0).reason())
            .isEqualTo("expected: 1.0 but was: 2.0 [seed 42: rerun with -Dseed=42]");
        assertThat(tasks.get(1).reason()).isEmpty();
        assertThat(tasks.get(2).reason()).hasSize(Outcome.REASON_WIDTH).startsWith("xxx").endsWith("...");
    }

    @Test
    @DisplayName("the next task is the first one not done, skipped tasks aside; none when every task is done")
    void nextTask() {
        Reports base = Reports.of("01-demo").test("1.1", "a", Status.PASSED, 1).test("1.2", "b", Status.SKIPPED, 1);

        assertThat(base.report().nextTask()).isNull();
        ModuleReport report = base.test("1.10", "c", Status.FAILED, 1).test("1.3", "d", Status.TODO, 1).report();
        assertThat(report.nextTask().task()).isEqualTo("1.3");
        assertThat(report.nextTask().status()).isEqualTo(Status.TODO);
    }

    @Test
    @DisplayName("task numbers compare as numbers, part by part")
    void compareNumbers() {
        assertThat(TaskSummary.compareNumbers("1.2", "1.10")).isNegative();
        assertThat(TaskSummary.compareNumbers("1.10", "2.1")).isNegative();
        assertThat(TaskSummary.compareNumbers("10.1", "9.9")).isPositive();
        assertThat(TaskSummary.compareNumbers("1.3", "1.3")).isZero();
        assertThat(TaskSummary.compareNumbers("1", "1.1")).isNegative();
        assertThat(TaskSummary.compareNumbers("1.x", "1.99")).as("a part that is not a number goes last")
            .isPositive();
    }

    // ---- the check

    @Test
    @DisplayName("a skeleton passes the check when every test is TODO and the points add up to 100")
    void skeletonWithEveryTestTodoPasses() {
        ModuleReport report = Reports.of("01-demo").check()
            .test("1.1", "a", Status.TODO, 60).test("1.2", "b", Status.TODO, 40).report();

        assertThat(report.checkViolations()).isEmpty();
    }

    @Test
    @DisplayName("a skeleton's PASSED test is free points, its FAILED test is not TODO: both break the check")
    void skeletonViolations() {
        ModuleReport report = Reports.of("01-demo").check()
            .test("1.1", "free", Status.PASSED, 50)
            .test("1.2", "broken", Status.FAILED, 30, "threw NullPointerException\n  in setUp", null)
            .test("1.3", "todo", Status.TODO, 20)
            .report();

        assertThat(report.checkViolations()).containsExactly(
            "Task 1.1 \"1.1 free\" (calculus.Demo#free) PASSED against the skeleton: free points. Make the test "
                + "call the code it grades, or make the skeleton throw.",
            "Task 1.2 \"1.2 broken\" (calculus.Demo#broken) is FAILED against the skeleton, not TODO: the test "
                + "fails for another reason than the missing code: threw NullPointerException in setUp");
    }

    @Test
    @DisplayName("a solution breaks the check with any test that is not PASSED, naming its status")
    void solutionViolations() {
        ModuleReport report = Reports.of("01-demo").solution().check()
            .test("1.1", "ok", Status.PASSED, 40)
            .test("1.2", "todo", Status.TODO, 20, "TODO, not implemented yet: Task 1.2", null)
            .test("1.3", "slow", Status.TIMED_OUT, 20)
            .test("1.4", "skipped", Status.SKIPPED, 20)
            .report();

        assertThat(report.checkViolations()).containsExactly(
            "Task 1.2 \"1.2 todo\" (calculus.Demo#todo) is TODO against the reference solution: TODO, not "
                + "implemented yet: Task 1.2",
            "Task 1.3 \"1.3 slow\" (calculus.Demo#slow) is TIMED OUT against the reference solution: TIMED OUT in "
                + "slow",
            "Task 1.4 \"1.4 skipped\" (calculus.Demo#skipped) is SKIPPED against the reference solution: SKIPPED in "
                + "skipped");
    }

    @Test
    @DisplayName("points that do not add up to 100 break the check, in a skeleton and in a solution")
    void pointsMustAddUpTo100() {
        assertThat(Reports.of("01-demo").test("1.1", "a", Status.TODO, 90).report().checkViolations())
            .containsExactly("01-demo: the points of the visible tests add up to 90, not 100");
        assertThat(Reports.of("01-demo").solution().test("1.1", "a", Status.PASSED, 101).report().checkViolations())
            .containsExactly("01-demo: the points of the visible tests add up to 101, not 100");
    }

    @Test
    @DisplayName("hidden tests' points come on top of the visible 100 and do not count towards them")
    void hiddenPointsComeOnTop() {
        Reports visible100 = Reports.of("01-demo")
            .test("1.1", "a", Status.TODO, 100)
            .test("1.1", "h", Status.TODO, 10, "TODO", null, TestResult.HIDDEN);
        Reports visible90 = Reports.of("01-demo")
            .test("1.1", "a", Status.TODO, 90)
            .test("1.1", "w", Status.TODO, 10, "TODO", null, TestResult.WITHHELD);

        assertThat(visible100.report().checkViolations()).isEmpty();
        assertThat(visible100.report().max()).isEqualTo(110);
        assertThat(visible90.report().checkViolations())
            .containsExactly("01-demo: the points of the visible tests add up to 90, not 100");
    }

    @Test
    @DisplayName("a withheld test's message is kept, but a student sees only that a hidden test failed")
    void withheldMessages() {
        TestResult withheld = new TestResult("01-demo", "1.1", "1.1 w", "calculus.Demo#w", 0, 5, Status.FAILED,
            "expected 42", 7L, TestResult.WITHHELD);
        TestResult hidden = new TestResult("01-demo", "1.1", "1.1 h", "calculus.Demo#h", 0, 5, Status.FAILED,
            "expected 43", null, TestResult.HIDDEN);
        TestResult passed = new TestResult("01-demo", "1.1", "1.1 p", "calculus.Demo#p", 5, 5, Status.PASSED,
            "", null, TestResult.WITHHELD);

        assertThat(withheld.hidden()).isTrue();
        assertThat(hidden.hidden()).isTrue();
        assertThat(withheld.studentMessage()).isEqualTo("a hidden test failed (its message is withheld by the "
            + "instructor)");
        assertThat(hidden.studentMessage()).isEqualTo("expected 43");
        assertThat(passed.studentMessage()).isEmpty();
        ModuleReport report = new ModuleReport("01-demo", "Demo", "exercise", false, "B1", "01-demo", Map.of(),
            List.of(withheld), List.of(), List.of());
        assertThat(report.tasks().get(0).reason()).isEqualTo("a hidden test failed (its message is "
            + "withheld by the instructor) [seed 7: rerun with -Dseed=7]");
        assertThat(ModuleReport.fromJson(report.toJson()).tests().get(0).message()).isEqualTo("expected 42");
    }

    @Test
    @DisplayName("course errors, rule breaches and a module without graded tests break the check")
    void errorsRulesAndEmptyModules() {
        ModuleReport report = Reports.of("01-demo")
            .error("calculus.Demo#a: task 2.1 does not belong to module 01-demo")
            .rule("Demo.java:3 uses java.lang.System.exit: ends the JVM, and the grading with it")
            .test("2.1", "a", Status.TODO, 100).report();

        assertThat(report.checkViolations()).containsExactly(
            "calculus.Demo#a: task 2.1 does not belong to module 01-demo",
            "01-demo (exercise) breaks the rules for student code: Demo.java:3 uses java.lang.System.exit: ends "
                + "the JVM, and the grading with it");
        assertThat(Reports.of("02-empty").solution().report().checkViolations())
            .containsExactly("02-empty (solution): no graded test ran");
    }

    // ---- JSON

    @Test
    @DisplayName("toJson then fromJson gives an equal report, with quotes, backslashes, newlines and unicode kept")
    void jsonRoundTrip() {
        String awkward = "expected \"f'(x)\" = 2\\x at C:\\tmp\n\tbut was: \u2202f/\u2202x \u2248 1.9 \u00e9\u4e2d "
            + "\ud83d\ude00 \u0001\r end";
        ModuleReport report = Reports.of("01-demo").solution().check().build("20261124T120000000")
            .title("1.1", "Central \"difference\" \u2014 h\u00b2").title("1.2", "Back\\slash")
            .test("1.1", "a", Status.FAILED, 60, awkward, 123_456_789L)
            .test("1.2", "b", Status.PASSED, 40, "", null)
            .error("an error with \"quotes\"\nand a newline")
            .rule("calculus.Demo uses java.io.File: file I/O")
            .report();

        ModuleReport back = ModuleReport.fromJson(report.toJson());

        assertThat(back).isEqualTo(report);
        assertThat(back.tests().get(0).message()).isEqualTo(awkward);
        assertThat(back.tests().get(0).seed()).isEqualTo(123_456_789L);
        assertThat(back.tests().get(1).seed()).isNull();
    }

    @Test
    @DisplayName("the JSON holds the score, the max and each task's summary for tools that read it")
    void jsonHoldsSummaries() {
        ModuleReport report = Reports.of("01-demo").title("1.1", "One")
            .test("1.1", "a", Status.PASSED, 60).test("1.1", "b", Status.FAILED, 40).report();

        Map<?, ?> json = (Map<?, ?>) Json.read(report.toJson());

        assertThat(json.get("score")).isEqualTo(60.0);
        assertThat(json.get("max")).isEqualTo(100.0);
        assertThat((List<?>) json.get("tasks")).singleElement().isEqualTo(Map.of("task", "1.1", "title", "One",
            "status", "FAILED", "points", 60.0, "max", 100.0, "reason", "FAILED in b"));
        assertThat(((Map<?, ?>) ((List<?>) json.get("tests")).get(1)).get("status")).isEqualTo("FAILED");
    }

    @Test
    @DisplayName("a title without tests, or a task without a title, does not survive the JSON but reads the same")
    void jsonKeepsWhatTheScoreboardShows() {
        ModuleReport report = Reports.of("01-demo").title("1.9", "No tests yet")
            .test("1.1", "a", Status.TODO, 100).report();

        ModuleReport back = ModuleReport.fromJson(report.toJson());

        assertThat(back.titles()).containsExactly(Map.entry("1.1", ""));
        assertThat(Scoreboard.module(back)).isEqualTo(Scoreboard.module(report));
        assertThat(back.tasks()).isEqualTo(report.tasks());
    }

    @Test
    @DisplayName("fromJson rejects JSON of the wrong shape with IllegalArgumentException")
    void fromJsonRejectsWrongShapes() {
        assertThatThrownBy(() -> ModuleReport.fromJson("{\"tests\": [{\"task\": \"1.1\"}]}"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleReport.fromJson("{\"tests\": 5}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("fromJson rejects a document that is not a report, or not JSON, with IllegalArgumentException")
    void fromJsonRejectsOtherDocuments() {
        assertThatThrownBy(() -> ModuleReport.fromJson("[1, 2]")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a module report: the JSON is not an object");
        assertThatThrownBy(() -> ModuleReport.fromJson("{\"module\": ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("not JSON: ");
    }
}
