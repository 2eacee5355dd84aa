package calculus.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import calculus.grader.report.ModuleReport.Blocker;

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
            .test("1.4", "hinted", Status.FAILED, 1, "received NaN\n  for x = 0\nhint: divide by h, not by 2h", null)
            .report();

        List<TaskSummary> tasks = report.tasks();
        assertThat(tasks.get(0).reason()).as("the first failure, not the most severe one")
            .isEqualTo("expected: 1.0 but was: 2.0 [seed 42: rerun with -Dseed=42]");
        assertThat(tasks.get(1).reason()).isEmpty();
        assertThat(tasks.get(2).reason()).hasSize(Text.REASON_WIDTH).startsWith("xxx").endsWith("...");
        assertThat(tasks.get(3).reason()).isEqualTo("received NaN -- hint: divide by h, not by 2h");
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
    @DisplayName("a task's failures are its tests that neither passed nor were skipped, in the order they are written")
    void failuresOfATask() {
        ModuleReport report = Reports.of("01-demo")
            .test("1.1", "a", Status.PASSED, 1).test("1.1", "b", Status.FAILED, 1).test("1.1", "c", Status.SKIPPED, 1)
            .test("1.1", "d", Status.TODO, 1).test("1.2", "e", Status.FAILED, 1).test("1.1", "f", Status.NOT_RUN, 1)
            .report();

        assertThat(report.failures("1.1")).extracting(TestResult::method)
            .containsExactly("calculus.Demo#b", "calculus.Demo#d", "calculus.Demo#f");
    }

    @Test
    @DisplayName("a task is from an earlier run only when every one of its tests is")
    void earlierTasks() {
        ModuleReport report = Reports.of("01-demo").selection("Task 1.2")
            .earlier("1.1", "a", Status.PASSED, 1).earlier("1.1", "b", Status.FAILED, 1)
            .test("1.2", "c", Status.PASSED, 1)
            .earlier("1.3", "d", Status.PASSED, 1).test("1.3", "e", Status.SKIPPED, 1)
            .report();

        assertThat(report.tasks()).extracting(TaskSummary::task, TaskSummary::earlier)
            .containsExactly(tuple("1.1", true), tuple("1.2", false), tuple("1.3", false));
        assertThat(report.tests().get(0).earlier()).isTrue();
        assertThat(report.tests().get(0).asEarlier()).isEqualTo(report.tests().get(0));
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
    @DisplayName("a blocked module fails the check with its blocker's lines; so does a module without graded tests")
    void blockedAndEmptyModules() {
        ModuleReport blocked = Reports.of("01-demo").error("calculus.Demo#a: points must be at least 1")
            .blocker(Blocker.COMPILE, "Demo.java:3: ';' expected", "Demo.java:9: cannot find symbol")
            .test("1.1", "a", Status.NOT_RUN, 100).report();

        assertThat(blocked.checkViolations()).containsExactly(
            "calculus.Demo#a: points must be at least 1",
            "01-demo (exercise) was not graded (compile): Demo.java:3: ';' expected; Demo.java:9: cannot find symbol");
        assertThat(Reports.of("02-empty").solution().report().checkViolations())
            .containsExactly("02-empty (solution): no graded test ran");
    }

    @Test
    @DisplayName("only the grader's own blocker is the grader's fault")
    void gradersFault() {
        assertThat(new Blocker(Blocker.GRADER, List.of()).gradersFault()).isTrue();
        for (String kind : List.of(Blocker.FILES, Blocker.COMPILE, Blocker.RULES)) {
            assertThat(new Blocker(kind, List.of()).gradersFault()).as(kind).isFalse();
        }
    }

    @Test
    @DisplayName("a withheld test's message is kept, but a student sees only that a hidden test failed")
    void withheldMessages() {
        TestResult withheld = result("w", Status.FAILED, "expected 42", 7L, TestResult.WITHHELD);
        TestResult hidden = result("h", Status.FAILED, "expected 43", null, TestResult.HIDDEN);
        TestResult passed = result("p", Status.PASSED, "", null, TestResult.WITHHELD);

        assertThat(withheld.hidden()).isTrue();
        assertThat(hidden.hidden()).isTrue();
        assertThat(withheld.studentMessage()).isEqualTo("a hidden test failed (its message is withheld by the "
            + "instructor)");
        assertThat(hidden.studentMessage()).isEqualTo("expected 43");
        assertThat(passed.studentMessage()).isEmpty();
        ModuleReport report = new ModuleReport("01-demo", "Demo", ModuleReport.EXERCISE, false, "B1", "01-demo",
            Map.of(), List.of(withheld), List.of(), null, "");
        assertThat(report.tasks().get(0).reason()).isEqualTo("a hidden test failed (its message is "
            + "withheld by the instructor) [seed 7: rerun with -Dseed=7]");
        assertThat(ModuleReport.fromJson(report.toJson()).tests().get(0).message()).isEqualTo("expected 42");
    }

    // ---- Tally: one test's invocations taken together

    @Test
    @DisplayName("a tally keeps the most telling status and the message of the first invocation that showed it")
    void tallyCombinesInvocations() {
        Tally tally = new Tally();
        tally.record(Status.PASSED, "");
        tally.record(Status.FAILED, "n = 2 fails");
        tally.record(Status.PASSED, "");
        tally.record(Status.FAILED, "n = 4 fails too");
        tally.record(Status.TODO, "not yet");

        TestResult r = tally.result("01-demo", "1.1", "1.1 n", "calculus.Demo#n", 5, TestResult.VISIBLE, "unused");

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.message()).isEqualTo("n = 2 fails");
        assertThat(r.points()).isZero();
        assertThat(r.max()).isEqualTo(5);
        assertThat(r.earlier()).isFalse();
    }

    @Test
    @DisplayName("a tally keeps the first seed, and a result without any outcome is NOT RUN with the given reason")
    void tallySeedsAndNothingRecorded() {
        Tally tally = new Tally();
        tally.seed(11L);
        tally.seed(12L);
        tally.record(Status.PASSED, "ignored");

        TestResult passed = tally.result("m", "1.1", "1.1 a", "C#a", 3, TestResult.VISIBLE, "unused");
        TestResult none = new Tally().result("m", "1.1", "1.1 b", "C#b", 3, TestResult.HIDDEN, "never ran");

        assertThat(passed.seed()).isEqualTo(11L);
        assertThat(passed.points()).isEqualTo(3);
        assertThat(passed.message()).as("a pass has no message").isEmpty();
        assertThat(none.status()).isEqualTo(Status.NOT_RUN);
        assertThat(none.message()).isEqualTo("never ran");
        assertThat(none.seed()).isNull();
        assertThat(none.steps()).isEqualTo(-1);
    }

    @Test
    @DisplayName("a tally's steps are those of its busiest invocation, since the budget holds per invocation")
    void tallyStepsPerInvocation() {
        Tally tally = new Tally();
        tally.steps(-1);
        tally.steps(60);
        tally.steps(90);
        tally.steps(30);

        assertThat(tally.result("m", "1.1", "1.1 a", "C#a", 1, TestResult.VISIBLE, "").steps()).isEqualTo(90);
    }

    @Test
    @DisplayName("a tally's message is made safe: control characters dropped, length capped")
    void tallySanitises() {
        Tally tally = new Tally();
        tally.record(Status.FAILED, "bell\u0007 " + "x".repeat(Text.MESSAGE_LIMIT * 2));

        String message = tally.result("m", "1.1", "1.1 a", "C#a", 1, TestResult.VISIBLE, "").message();

        assertThat(message).startsWith("bell x").doesNotContain("\u0007").hasSizeLessThanOrEqualTo(Text.MESSAGE_LIMIT);
    }

    // ---- JSON

    @Test
    @DisplayName("toJson then fromJson gives an equal report, with quotes, backslashes, newlines and unicode kept")
    void jsonRoundTrip() {
        String awkward = "expected \"f'(x)\" = 2\\x at C:\\tmp\n\tbut was: \u2202f/\u2202x \u2248 1.9 \u00e9\u4e2d "
            + "\ud83d\ude00 </script> & end";
        ModuleReport report = Reports.of("01-demo").solution().check().build("20261124T120000000")
            .title("1.1", "Central \"difference\" \u2014 h\u00b2").title("1.2", "Back\\slash")
            .test("1.1", "a", Status.FAILED, 60, awkward, 123_456_789L)
            .test("1.2", "b", Status.PASSED, 40, "", null)
            .error("an error with \"quotes\"\nand a newline")
            .report();

        ModuleReport back = ModuleReport.fromJson(report.toJson());

        assertThat(back).isEqualTo(report);
        assertThat(back.tests().get(0).message()).isEqualTo(awkward);
        assertThat(back.tests().get(0).seed()).isEqualTo(123_456_789L);
        assertThat(back.tests().get(1).seed()).isNull();
    }

    @Test
    @DisplayName("the round trip keeps a blocker, the selection, earlier results, steps and every visibility")
    void jsonRoundTripOfTheNewFields() {
        TestResult counted = new TestResult("01-demo", "1.3", "1.3 c", "calculus.Demo#c", 0, 5, Status.TIMED_OUT,
            "stopped", null, TestResult.WITHHELD, 200_000_000L, false);
        ModuleReport blocked = Reports.of("01-demo")
            .blocker(Blocker.RULES, "calculus.Demo uses java.lang.Thread: threads", "and \"one\" more")
            .test("1.1", "a", Status.NOT_RUN, 100).report();
        ModuleReport partial = new ModuleReport("01-demo", "Demo", ModuleReport.EXERCISE, false, "B2", "01-demo",
            Map.of("1.1", "One"), List.of(Reports.of("01-demo").earlier("1.1", "a", Status.PASSED, 50).report()
                .tests().get(0), counted), List.of(), null, "Task 1.3");

        ModuleReport blockedBack = ModuleReport.fromJson(blocked.toJson());
        ModuleReport partialBack = ModuleReport.fromJson(partial.toJson());

        assertThat(blockedBack).isEqualTo(blocked);
        assertThat(blockedBack.blocker()).isEqualTo(blocked.blocker());
        assertThat(partialBack).isEqualTo(partial);
        assertThat(partialBack.selection()).isEqualTo("Task 1.3");
        assertThat(partialBack.tests()).extracting(TestResult::earlier, TestResult::steps, TestResult::visibility)
            .containsExactly(tuple(true, -1L, TestResult.VISIBLE), tuple(false, 200_000_000L, TestResult.WITHHELD));
    }

    @Test
    @DisplayName("the JSON holds its format, the score, the max and each task's summary for tools that read it")
    void jsonHoldsSummaries() {
        ModuleReport report = Reports.of("01-demo").title("1.1", "One")
            .test("1.1", "a", Status.PASSED, 60).test("1.1", "b", Status.FAILED, 40).report();

        JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject();

        assertThat(json.get("format").getAsInt()).isEqualTo(ModuleReport.FORMAT);
        assertThat(json.get("score").getAsInt()).isEqualTo(60);
        assertThat(json.get("max").getAsInt()).isEqualTo(100);
        JsonObject task = json.getAsJsonArray("tasks").get(0).getAsJsonObject();
        assertThat(task.get("task").getAsString()).isEqualTo("1.1");
        assertThat(task.get("status").getAsString()).isEqualTo("FAILED");
        assertThat(task.get("reason").getAsString()).isEqualTo("FAILED in b");
        assertThat(json.getAsJsonArray("tests").get(1).getAsJsonObject().get("status").getAsString())
            .isEqualTo("FAILED");
        assertThat(json.has("blocker")).as("no blocker, no field").isFalse();
    }

    @Test
    @DisplayName("fromJson rejects another format, another document, or text that is not JSON")
    void fromJsonRejectsOtherDocuments() {
        String format1 = Reports.of("01-demo").test("1.1", "a", Status.PASSED, 1).report().toJson()
            .replace("\"format\": 2", "\"format\": 1");

        assertThatThrownBy(() -> ModuleReport.fromJson(format1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("format 2");
        assertThatThrownBy(() -> ModuleReport.fromJson("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleReport.fromJson("{\"format\": 2, \"module\": ")).isInstanceOf(
            IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleReport.fromJson("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleReport.fromJson("{\"format\": 2, \"module\": \"m\", \"tests\": 5}"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("fromJson rejects a test without its task, method or status, rather than failing later")
    void fromJsonRejectsIncompleteTests() {
        String noStatus = "{\"format\": 2, \"module\": \"m\", \"tests\": [{\"task\": \"1.1\", \"name\": \"1.1 a\", "
            + "\"method\": \"C#a\", \"points\": 1, \"max\": 1, \"visibility\": \"visible\"}]}";
        String nullTest = "{\"format\": 2, \"module\": \"m\", \"tests\": [null]}";

        assertThatThrownBy(() -> ModuleReport.fromJson(noStatus)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("status");
        assertThatThrownBy(() -> ModuleReport.fromJson(nullTest)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TestResult result(String method, Status status, String message, Long seed, String visibility) {
        return new TestResult("01-demo", "1.1", "1.1 " + method, "calculus.Demo#" + method,
            status == Status.PASSED ? 5 : 0, 5, status, message, seed, visibility, -1, false);
    }
}
