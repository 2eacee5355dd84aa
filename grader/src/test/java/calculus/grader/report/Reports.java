package calculus.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds module reports by hand for the tests of the report, the scoreboards and the course table. */
final class Reports {

    private final String module;
    private String role = "exercise";
    private boolean check;
    private String build = "B1";
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<TestResult> tests = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();

    private Reports(String module) {
        this.module = module;
    }

    /** A report of an exercise module, built "B1", not in the check. */
    static Reports of(String module) {
        return new Reports(module);
    }

    Reports solution() {
        role = "solution";
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

    Reports title(String task, String title) {
        titles.put(task, title);
        return this;
    }

    Reports error(String error) {
        errors.add(error);
        return this;
    }

    Reports rule(String rule) {
        rules.add(rule);
        return this;
    }

    /** A test that earns its points when PASSED, nothing otherwise; its name starts with its task. */
    Reports test(String task, String method, Status status, int max, String message, Long seed) {
        return test(task, method, status, max, message, seed, TestResult.VISIBLE);
    }

    /** A test of the given visibility: {@link TestResult#VISIBLE}, {@code HIDDEN} or {@code WITHHELD}. */
    Reports test(String task, String method, Status status, int max, String message, Long seed,
                 String visibility) {
        int points = status == Status.PASSED ? max : 0;
        tests.add(new TestResult(module, task, task + " " + method, "calculus.Demo#" + method, points, max, status,
            message, seed, visibility));
        return this;
    }

    Reports test(String task, String method, Status status, int max) {
        return test(task, method, status, max, status == Status.PASSED ? "" : status.label() + " in " + method,
            null);
    }

    ModuleReport report() {
        return new ModuleReport(module, "Title of " + module, role, check, build, module, titles, tests, errors,
            rules);
    }
}
