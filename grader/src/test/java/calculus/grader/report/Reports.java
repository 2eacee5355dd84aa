package calculus.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import calculus.grader.report.ModuleReport.Blocker;

/** Builds module reports by hand for the tests of the report, the scoreboards and the course table. */
final class Reports {

    private final String module;
    private String role = ModuleReport.EXERCISE;
    private boolean check;
    private String build = "B1";
    private String selection = "";
    private Blocker blocker;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<TestResult> tests = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private Reports(String module) {
        this.module = module;
    }

    /** A report of an exercise module, built "B1", not in the check, of a run that graded everything. */
    static Reports of(String module) {
        return new Reports(module);
    }

    Reports solution() {
        role = ModuleReport.SOLUTION;
        return this;
    }

    Reports check() {
        check = true;
        return this;
    }

    Reports build(String stamp) {
        build = stamp;
        return this;
    }

    /** What the run was asked to grade, as {@code Selection.describe} says it ({@code "Task 1.2"}). */
    Reports selection(String what) {
        selection = what;
        return this;
    }

    Reports title(String task, String title) {
        titles.put(task, title);
        return this;
    }

    Reports error(String error) {
        errors.add(error);
        return this;
    }

    Reports blocker(String kind, String... lines) {
        blocker = new Blocker(kind, List.of(lines));
        return this;
    }

    /** A test that earns its points when PASSED, nothing otherwise; its name starts with its task. */
    Reports test(String task, String method, Status status, int max, String message, Long seed) {
        return test(task, method, status, max, message, seed, TestResult.VISIBLE);
    }

    /** A test of the given visibility: {@link TestResult#VISIBLE}, {@code HIDDEN} or {@code WITHHELD}. */
    Reports test(String task, String method, Status status, int max, String message, Long seed,
                 String visibility) {
        tests.add(result(task, method, status, max, message, seed, visibility));
        return this;
    }

    /** A test whose message says its status and method, such as "FAILED in b". */
    Reports test(String task, String method, Status status, int max) {
        return test(task, method, status, max, message(status, method), null);
    }

    /** A test whose result comes from an earlier run. */
    Reports earlier(String task, String method, Status status, int max) {
        tests.add(result(task, method, status, max, message(status, method), null, TestResult.VISIBLE).asEarlier());
        return this;
    }

    ModuleReport report() {
        return new ModuleReport(module, "Title of " + module, role, check, build, module, titles, tests, errors,
            blocker, selection);
    }

    private TestResult result(String task, String method, Status status, int max, String message, Long seed,
                              String visibility) {
        int points = status == Status.PASSED ? max : 0;
        return new TestResult(module, task, task + " " + method, "calculus.Demo#" + method, points, max, status,
            message, seed, visibility, -1, false);
    }

    private static String message(Status status, String method) {
        return status == Status.PASSED ? "" : status.label() + " in " + method;
    }
}
