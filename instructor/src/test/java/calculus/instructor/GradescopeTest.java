package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/** A graded submission as Gradescope reads it, and the summary an instructor reads. */
class GradescopeTest {

    private static final String SECRET = "the hidden input was x = 7.25, where the step size is too large";
    private static final String COMPILER = """
        the code does not compile with the official tests:
          02-partials/src/main/java/calculus/partials/Partial.java:[5,1] ';' expected
          02-partials/src/main/java/calculus/partials/Partial.java:[9,3] cannot find symbol
        """;

    /** Module 01 with a visible pass and failure, a hidden pass and failure, and a withheld failure; 02 broken. */
    private static final List<GradeSubmission.ModuleGrade> GRADES = List.of(
        new GradeSubmission.ModuleGrade("01-derivatives", Grades.report("01-derivatives",
            Grades.visible("01-derivatives", "1.1", "slope", Status.PASSED, 10),
            Grades.test("01-derivatives", "1.2", "central", Status.FAILED, 20, "expected 2.0 but was 3.0",
                TestResult.VISIBLE),
            Grades.test("01-derivatives", "1.2", "centralHidden", Status.PASSED, 5, "", TestResult.HIDDEN),
            Grades.test("01-derivatives", "1.3", "richardsonHidden", Status.TIMED_OUT, 4, "timed out after 10 s",
                TestResult.HIDDEN),
            Grades.test("01-derivatives", "1.3", "richardsonWithheld", Status.FAILED, 3, SECRET,
                TestResult.WITHHELD)), ""),
        new GradeSubmission.ModuleGrade("02-partials", null, COMPILER));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> results() {
        return (Map<String, Object>) new Gson().fromJson(Gradescope.results(GRADES), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests() {
        return (List<Map<String, Object>>) results().get("tests");
    }

    @Test
    @DisplayName("the results are JSON with the score earned and the points available, hidden tests and the module "
        + "that does not compile included")
    void scoreAndMax() {
        Map<String, Object> results = results();

        assertThat(results).containsEntry("score", 15.0)
            .containsEntry("visibility", "visible").containsEntry("stdout_visibility", "hidden");
        assertThat(tests()).hasSize(6);
        assertThat(tests().stream().mapToDouble(t -> (Double) t.get("max_score")).sum()).isEqualTo(142.0);
        assertThat((String) results.get("output")).contains("15 of 142 points");
    }

    @Test
    @DisplayName("the top level holds only keys of Gradescope's specification, execution_time when it is known")
    void onlySpecifiedKeys() {
        java.util.Set<String> spec = java.util.Set.of("score", "execution_time", "output", "output_format",
            "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard");
        @SuppressWarnings("unchecked")
        Map<String, Object> timed = new Gson().fromJson(Gradescope.results(GRADES, 12.3456), Map.class);

        assertThat(results().keySet()).isSubsetOf(spec).doesNotContain("execution_time", "max_score");
        assertThat(timed.keySet()).isSubsetOf(spec);
        assertThat(timed).containsEntry("execution_time", 12.346);
    }

    @Test
    @DisplayName("a test has its name, task number, score, max_score, status, output, visibility and tags")
    void visibleTests() {
        List<Map<String, Object>> tests = tests();

        assertThat(tests.get(0)).isEqualTo(Map.of(
            "name", "1.1 slope", "number", "1.1", "score", 10.0, "max_score", 10.0, "status", "passed",
            "output", "", "visibility", "visible", "tags", List.of("01-derivatives", "task 1.1", "visible")));
        assertThat(tests.get(1))
            .containsEntry("name", "1.2 central").containsEntry("number", "1.2")
            .containsEntry("score", 0.0).containsEntry("max_score", 20.0).containsEntry("status", "failed")
            .containsEntry("output", "FAILED: expected 2.0 but was 3.0").containsEntry("visibility", "visible");
    }

    @Test
    @DisplayName("hidden tests are shown after the grades are published, a hidden failure with its message")
    void hiddenTests() {
        List<Map<String, Object>> tests = tests();

        assertThat(tests.get(2)).containsEntry("status", "passed").containsEntry("score", 5.0)
            .containsEntry("visibility", "after_published")
            .containsEntry("tags", List.of("01-derivatives", "task 1.2", "hidden"));
        assertThat(tests.get(3)).containsEntry("status", "failed").containsEntry("score", 0.0)
            .containsEntry("output", "TIMED OUT: timed out after 10 s")
            .containsEntry("visibility", "after_published");
    }

    @Test
    @DisplayName("a withheld hidden test's failure says that a hidden test failed, never its message")
    void withheldTest() {
        Map<String, Object> withheld = tests().get(4);

        assertThat(withheld).containsEntry("name", "1.3 richardsonWithheld").containsEntry("status", "failed")
            .containsEntry("output", "FAILED: a hidden test failed (its message is withheld by the instructor)")
            .containsEntry("visibility", "after_published");
        assertThat(Gradescope.results(GRADES)).doesNotContain("hidden input", "7.25");
    }

    @Test
    @DisplayName("a module that does not compile is one failed test worth 100, whose output is the compiler's errors")
    void moduleThatDoesNotCompile() {
        assertThat(tests().get(5)).isEqualTo(Map.of(
            "name", "02-partials: does not compile", "number", "2", "score", 0.0, "max_score", 100.0,
            "status", "failed", "output", COMPILER, "visibility", "visible"));
    }

    @Test
    @DisplayName("the summary lists each module's points, its tasks with their reasons, the compiler's errors, "
        + "and the total")
    void summary() {
        List<GradeSubmission.ModuleGrade> grades = List.of(GRADES.get(0), GRADES.get(1),
            new GradeSubmission.ModuleGrade("03-chain-rule", Grades.report("03-chain-rule",
                Grades.visible("03-chain-rule", "3.1", "compose", Status.PASSED, 100)),
                GradeSubmission.GRADER_FAULT + " the grader says calculus.Demo#compose PASSED, Surefire's report "
                    + "does not"));

        assertThat(Gradescope.summary(grades).lines().map(String::stripTrailing)).containsExactly(
            "01-derivatives          15/42",
            "      1.1   PASSED     10/10",
            "      1.2   FAILED      5/25  expected 2.0 but was 3.0",
            "      1.3   TIMED OUT   0/7   timed out after 10 s",
            "02-partials              0/100  the code does not compile with the official tests:",
            "        02-partials/src/main/java/calculus/partials/Partial.java:[5,1] ';' expected",
            "        02-partials/src/main/java/calculus/partials/Partial.java:[9,3] cannot find symbol",
            "03-chain-rule          100/100  GRADER: the grader says calculus.Demo#compose PASSED, Surefire's "
                + "report does not",
            "      3.1   PASSED    100/100",
            "total                  115/242");
    }
}
