package calculus.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders a module's scoreboard and the course-wide table as plain text (ASCII, so every console shows it). */
public final class Scoreboard {

    /** The width of the progress bar, in characters. */
    static final int BAR = 30;
    private static final int TITLE_WIDTH = 38;
    private static final String RULE = "-".repeat(78);

    private Scoreboard() {
    }

    /**
     * Prints a module's scoreboard from its {@code results.json}, after Surefire's own output, so that the board
     * is the last thing a student sees: {@code Scoreboard --results FILE --build STAMP}. Prints nothing when the
     * file is missing or from another build (the module did not compile, or its tests did not run).
     */
    public static void main(String[] args) {
        if (args.length != 4 || !"--results".equals(args[0]) || !"--build".equals(args[2])) {
            throw new IllegalArgumentException("usage: Scoreboard --results FILE --build STAMP");
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            ModuleReport report = ModuleReport.fromJson(Files.readString(file));
            if (args[3].equals(report.build())) {
                System.out.print(module(report));
            }
        } catch (IOException | IllegalArgumentException e) {
            System.out.println("[grading] could not read " + file + ": " + e.getMessage());
        }
    }

    /** A progress bar such as {@code [#########---------------------]}. */
    static String bar(int points, int max) {
        int filled = max <= 0 ? 0 : (int) Math.round((double) BAR * points / max);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }

    /** The scoreboard printed at the end of one module's test run. */
    public static String module(ModuleReport report) {
        StringBuilder out = new StringBuilder();
        List<TaskSummary> tasks = report.tasks();
        long done = tasks.stream().filter(TaskSummary::done).count();
        String who = report.isSolution() ? "  (reference solution)" : "";
        out.append('\n').append(RULE).append('\n');
        out.append(String.format(" %s  %s%s%n", report.module(), report.title(), who));
        long hidden = report.tests().stream().filter(TestResult::hidden).count();
        out.append(String.format(" %s  %3d/%d points   %d of %d tasks done%s%n", bar(report.score(), report.max()),
            report.score(), report.max(), done, tasks.size(),
            hidden == 0 ? "" : "   (" + hidden + " hidden tests included)"));
        out.append(RULE).append('\n');
        for (TaskSummary t : tasks) {
            out.append(String.format(" %-5s %-" + TITLE_WIDTH + "s %-9s %3d/%-3d%n", t.task(), fit(t.title()),
                t.status().label(), t.points(), t.max()));
            if (!t.reason().isEmpty() && report.rules().isEmpty()) {
                out.append("         ").append(t.reason()).append('\n');
            }
        }
        out.append(RULE).append('\n');
        if (!report.rules().isEmpty()) {
            out.append(" NO TEST RAN: the code breaks the rules that keep grading safe. Remove these uses:\n");
            for (String r : report.rules()) {
                out.append("   - ").append(r).append('\n');
            }
            out.append(RULE).append('\n');
        }
        if (report.check()) {
            appendCheck(report, out);
        } else {
            appendNext(report, out);
        }
        return out.toString();
    }

    private static void appendNext(ModuleReport report, StringBuilder out) {
        TaskSummary next = report.nextTask();
        if (next == null) {
            out.append(" Every task done: well done. On to the next module!\n");
        } else {
            String title = next.title().isEmpty() ? "" : " " + next.title();
            out.append(String.format(" Next: Task %s%s (%s)%n", next.task(), title, next.status().label()));
            out.append(String.format("   read    %s/README.md, section \"Task %s\"%n", report.lesson(), next.task()));
            out.append(String.format("   stuck?  %s/hints.md, section \"Task %s\"%n", report.lesson(), next.task()));
            out.append(String.format("   rerun   ./mvnw test -pl %s -am -Dtask=%s%n", report.lesson(), next.task()));
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
