package calculus.grader.report;

import java.util.List;

/**
 * Renders a module's scoreboard as plain text (ASCII, so that every console shows it).
 *
 * <p>Quiet by default, because the board is what a student reads after every run: the failures of the next task
 * to work on in full (its most specific test first), one line for every other failed task, then the board. With
 * {@code verbose}, every failure in full.
 */
public final class Scoreboard {

    /** The width of the progress bar, in characters. */
    public static final int BAR = 30;
    private static final int TITLE_WIDTH = 38;
    private static final String RULE = "-".repeat(78);
    /** The most lines of one failure message shown in full: a long message is cut, results.json keeps it. */
    static final int MESSAGE_LINES = 24;
    /** The most failed tests of the next task shown in full; the rest are counted. */
    static final int FAILURES_SHOWN = 3;
    /** The most lines of a blocker (compile errors, rule breaches) shown. */
    static final int BLOCKER_LINES = 30;

    private Scoreboard() {
    }

    /** A progress bar such as {@code [#########---------------------]}. */
    public static String bar(int points, int max) {
        int filled = max <= 0 ? 0 : (int) Math.round((double) BAR * Math.max(0, Math.min(points, max)) / max);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }

    /** The scoreboard printed at the end of one module's run, quiet. */
    public static String module(ModuleReport report) {
        return module(report, false);
    }

    /**
     * The scoreboard printed at the end of one module's run.
     *
     * @param report  the module's report
     * @param verbose whether to print every failure in full, not only the next task's
     * @return the text, ending with a newline
     */
    public static String module(ModuleReport report, boolean verbose) {
        StringBuilder out = new StringBuilder();
        if (report.blocker() == null && !report.check()) {
            appendFailures(report, verbose, out);
        }
        List<TaskSummary> tasks = report.tasks();
        long done = tasks.stream().filter(TaskSummary::done).count();
        String who = report.isSolution() ? "  (reference solution)" : "";
        out.append('\n').append(RULE).append('\n');
        out.append(String.format(" %s  %s%s%n", report.module(), report.title(), who));
        long hidden = report.tests().stream().filter(TestResult::hidden).count();
        out.append(String.format(" %s  %3d/%d points   %d of %d tasks done%s%n", bar(report.score(), report.max()),
            report.score(), report.max(), done, tasks.size(),
            hidden == 0 ? "" : "   (" + hidden + " hidden tests included)"));
        if (!report.selection().isEmpty()) {
            out.append(String.format(" this run: %s only; the other tasks show their results from earlier runs%n",
                report.selection()));
        }
        out.append(RULE).append('\n');
        for (TaskSummary t : tasks) {
            String status = t.status().label() + (t.earlier() && !report.selection().isEmpty() ? "*" : "");
            out.append(String.format(" %-5s %-" + TITLE_WIDTH + "s %-10s %3d/%-3d%n", t.task(), fit(t.title()),
                status, t.points(), t.max()));
            if (!t.reason().isEmpty() && report.blocker() == null) {
                out.append("         ").append(t.reason()).append('\n');
            }
        }
        out.append(RULE).append('\n');
        if (!report.selection().isEmpty() && tasks.stream().anyMatch(TaskSummary::earlier)) {
            out.append(" * from an earlier run\n");
        }
        if (report.blocker() != null) {
            appendBlocker(report.blocker(), out);
        }
        if (report.check()) {
            appendCheck(report, out);
        } else {
            appendNext(report, out);
        }
        return out.toString();
    }

    /** The failures of the next task, in full, most specific first. */
    private static void appendFailures(ModuleReport report, boolean verbose, StringBuilder out) {
        List<TaskSummary> tasks = verbose ? report.tasks() : nextOnly(report);
        for (TaskSummary task : tasks) {
            List<TestResult> failures = report.failures(task.task()).stream()
                .filter(t -> t.status() != Status.TODO && !t.earlier()).toList();
            if (failures.isEmpty()) {
                continue;
            }
            String title = task.title().isEmpty() ? "" : " " + task.title();
            out.append('\n').append(String.format(" Task %s%s: %d of %d tests fail%n", task.task(), title,
                task.tests() - task.passed(), task.tests()));
            int shown = 0;
            for (TestResult t : failures) {
                if (!verbose && shown == FAILURES_SHOWN) {
                    out.append(String.format("   (and %d more: see the task's line below, or rerun with "
                        + "-Dverbose)%n", failures.size() - shown));
                    break;
                }
                shown++;
                out.append("   ").append(t.status().label()).append("  ").append(t.name()).append('\n');
                appendMessage(t.studentMessage(), out);
                if (t.seed() != null) {
                    out.append(String.format("       random inputs from seed %d: rerun them with -Dseed=%d%n",
                        t.seed(), t.seed()));
                }
            }
        }
    }

    /**
     * The task whose failures the quiet board shows: the first one not done among those this run graded (in a run of
     * {@code -Dtask=1.2}, task 1.2, even when an earlier run left task 1.1 unfinished).
     */
    private static List<TaskSummary> nextOnly(ModuleReport report) {
        for (TaskSummary t : report.tasks()) {
            if (!t.done() && t.status() != Status.SKIPPED && !t.earlier()) {
                return List.of(t);
            }
        }
        return List.of();
    }

    private static void appendMessage(String message, StringBuilder out) {
        String[] lines = message.strip().split("\\R");
        int shown = Math.min(lines.length, MESSAGE_LINES);
        for (int i = 0; i < shown; i++) {
            out.append("       ").append(Text.cut(lines[i], 200)).append('\n');
        }
        if (lines.length > shown) {
            out.append(String.format("       ... (%d more lines in target/grading/results.json)%n",
                lines.length - shown));
        }
    }

    private static void appendBlocker(ModuleReport.Blocker blocker, StringBuilder out) {
        String heading = switch (blocker.kind()) {
            case ModuleReport.Blocker.COMPILE -> " DOES NOT COMPILE: no test can run until these errors are fixed:";
            case ModuleReport.Blocker.RULES -> " NO TEST RAN: the code breaks the rules for student code (README, "
                + "\"Rules for your code\"). Remove these uses:";
            case ModuleReport.Blocker.FILES -> " NOT GRADED: these files cannot be graded:";
            default -> " GRADING FAILED (not your fault: tell your instructor):";
        };
        out.append(heading).append('\n');
        List<String> lines = blocker.lines();
        for (int i = 0; i < Math.min(lines.size(), BLOCKER_LINES); i++) {
            out.append("   ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > BLOCKER_LINES) {
            out.append(String.format("   ... and %d more%n", lines.size() - BLOCKER_LINES));
        }
        out.append(RULE).append('\n');
    }

    private static void appendNext(ModuleReport report, StringBuilder out) {
        TaskSummary next = report.nextTask();
        if (report.blocker() != null) {
            return;
        }
        if (next == null) {
            out.append(" Every task done: well done. On to the next module!\n");
        } else {
            String title = next.title().isEmpty() ? "" : " " + next.title();
            out.append(String.format(" Next: Task %s%s (%s)%n", next.task(), title, next.status().label()));
            out.append(String.format("   read    %s/README.md, section \"Task %s\"%n", report.lesson(), next.task()));
            out.append(String.format("   stuck?  %s/hints.md, section \"Task %s\"%n", report.lesson(), next.task()));
            out.append(String.format("   rerun   ./mvnw test -pl %s -Dtask=%s%n", report.lesson(), next.task()));
        }
        for (String e : report.errors()) {
            out.append(" COURSE ERROR (tell your instructor): ").append(e).append('\n');
        }
    }

    private static void appendCheck(ModuleReport report, StringBuilder out) {
        List<String> problems = report.checkViolations();
        String expectation = report.isSolution() ? "every graded test passes against the reference solution"
            : "every graded test is TODO against the skeleton (no free points)";
        if (problems.isEmpty()) {
            out.append(" CHECK OK: ").append(expectation).append('\n');
        } else {
            out.append(" CHECK FAILED: expected ").append(expectation).append('\n');
            for (String p : problems) {
                out.append("   - ").append(p).append('\n');
            }
        }
    }

    private static String fit(String title) {
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 3) + "...";
    }
}
