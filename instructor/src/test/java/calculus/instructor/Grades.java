package calculus.instructor;

import java.util.List;
import java.util.Map;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/** Graded tests and module reports built by hand, as the grader would have written them. */
final class Grades {

    private Grades() {
    }

    /**
     * One graded test of class {@code calculus.Demo}: it earns its points when PASSED, nothing otherwise; its
     * display name starts with its task, as the grader requires.
     */
    static TestResult test(String module, String task, String method, Status status, int max, String message,
                           String visibility) {
        int points = status == Status.PASSED ? max : 0;
        return new TestResult(module, task, task + " " + method, "calculus.Demo#" + method, points, max, status,
            message, null, visibility, -1, false);
    }

    /** A visible test, with a failure message that names its status unless it passed. */
    static TestResult visible(String module, String task, String method, Status status, int max) {
        return test(module, task, method, status, max, status == Status.PASSED ? "" : status.label() + " in " + method,
            TestResult.VISIBLE);
    }

    /** The report of an exercise module, with the given task titles. */
    static ModuleReport report(String module, Map<String, String> titles, List<TestResult> tests) {
        return new ModuleReport(module, "Title of " + module, "exercise", false, "B1", module, titles, tests,
            List.of(), null, "");
    }

    static ModuleReport report(String module, TestResult... tests) {
        return report(module, Map.of(), List.of(tests));
    }
}
