package calculus.instructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/**
 * Writes a graded submission the way autograders read it: Gradescope's {@code results.json} (score, tests with
 * name, number, score, max_score, status, output, visibility) and a summary for people.
 */
final class Gradescope {

    private Gradescope() {
    }

    /**
     * Gradescope's results: one test per graded test, and for a module that did not compile one failed test
     * worth that module's points, whose output holds the compiler's errors.
     */
    static String results(List<GradeSubmission.ModuleGrade> grades) {
        return results(grades, -1);
    }

    /**
     * Gradescope's results, as {@link #results(List)}, with the time the grading took. The top level holds only
     * keys of Gradescope's specification: score, execution_time, output, visibility, stdout_visibility, tests.
     * The total available is the sum of the tests' max_score, which Gradescope computes itself.
     *
     * @param seconds the grading's time in seconds, or negative to leave execution_time out
     */
    static String results(List<GradeSubmission.ModuleGrade> grades, double seconds) {
        List<Object> tests = new ArrayList<>();
        int score = 0;
        int max = 0;
        for (GradeSubmission.ModuleGrade g : grades) {
            if (g.report() == null) {
                max += ModuleReport.MODULE_POINTS;
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", g.module() + ": does not compile");
                t.put("number", g.module().replaceFirst("^0?(\\d+).*", "$1"));
                t.put("score", 0);
                t.put("max_score", ModuleReport.MODULE_POINTS);
                t.put("status", "failed");
                t.put("output", g.problem());
                t.put("visibility", "visible");
                tests.add(t);
                continue;
            }
            score += g.report().score();
            max += g.report().max();
            for (TestResult r : g.report().tests()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", r.name());
                t.put("number", r.task());
                t.put("score", r.points());
                t.put("max_score", r.max());
                t.put("status", r.status() == Status.PASSED ? "passed" : "failed");
                t.put("output", r.status() == Status.PASSED ? "" : r.status().label() + ": " + r.studentMessage());
                // hidden tests show once the instructor publishes the grades
                t.put("visibility", r.hidden() ? "after_published" : "visible");
                t.put("tags", List.of(g.module(), "task " + r.task(), r.visibility()));
                tests.add(t);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", score);
        if (seconds >= 0) {
            root.put("execution_time", Math.round(seconds * 1000) / 1000.0);
        }
        root.put("output", "Graded with the course's official tests, visible and hidden: " + score + " of " + max
            + " points. Hidden tests are shown once the instructor publishes the grades.");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.put("tests", tests);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** A summary a person reads: points per module and task, and what failed. */
    static String summary(List<GradeSubmission.ModuleGrade> grades) {
        StringBuilder out = new StringBuilder();
        int score = 0;
        int max = 0;
        for (GradeSubmission.ModuleGrade g : grades) {
            if (g.report() == null) {
                max += ModuleReport.MODULE_POINTS;
                out.append(String.format("%-22s   0/%d  %s%n", g.module(), ModuleReport.MODULE_POINTS,
                    g.problem().lines().findFirst().orElse("")));
                g.problem().lines().skip(1).limit(10).forEach(l -> out.append("      ").append(l).append('\n'));
                continue;
            }
            ModuleReport r = g.report();
            score += r.score();
            max += r.max();
            out.append(String.format("%-22s %3d/%d%s%n", g.module(), r.score(), r.max(),
                g.problem().isEmpty() ? "" : "  " + g.problem()));
            if (r.blocker() != null) {
                r.blocker().lines().forEach(v -> out.append("      ").append(r.blocker().kind()).append(": ").append(v)
                    .append('\n'));
            }
            r.tasks().forEach(t -> out.append(String.format("      %-5s %-9s %3d/%-3d %s%n", t.task(),
                t.status().label(), t.points(), t.max(), t.reason())));
        }
        out.append(String.format("%-22s %3d/%d%n", "total", score, max));
        return out.toString();
    }
}
