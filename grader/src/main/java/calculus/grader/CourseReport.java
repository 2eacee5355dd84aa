package calculus.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course-wide table at the end of {@code ./mvnw test}: every module's points and the total, read from the
 * {@code results.json} that each module's grader wrote in the same build. In the check ({@code -Dcheck}) it also
 * fails the build when a skeleton gives free points or a reference solution misses one.
 *
 * <p>Run by the {@code scoreboard} module, last in the build:
 * {@code CourseReport --root DIR --build STAMP --check true|false --modules 01-derivatives,02-partials
 * [--target target]}.
 */
public final class CourseReport {

    private static final String RULE = "=".repeat(78);

    private CourseReport() {
    }

    /** What one module left behind in this build: its report, or why there is none. */
    record Found(String module, ModuleReport report, String missing) {
    }

    /**
     * Prints the table; in the check, throws if any module fails it.
     *
     * @param args {@code --root}, {@code --build}, {@code --check} and {@code --modules}, each followed by a value
     * @throws IllegalArgumentException if an argument is missing
     * @throws IllegalStateException    in the check, listing every problem found
     */
    public static void main(String[] args) {
        Map<String, String> options = options(args);
        Path root = Paths.get(require(options, "root"));
        String build = require(options, "build");
        boolean check = Boolean.parseBoolean(options.getOrDefault("check", "false"));
        List<String> modules = List.of(require(options, "modules").split("\\s*,\\s*"));
        String target = options.getOrDefault("target", "target");

        List<Found> exercises = new ArrayList<>();
        List<Found> solutions = new ArrayList<>();
        for (String m : modules) {
            exercises.add(find(root.resolve(m).resolve(target), m, build));
            if (check && Files.isDirectory(root.resolve("solutions").resolve(m))) {
                solutions.add(find(root.resolve("solutions").resolve(m).resolve(target), m, build));
            }
        }
        if (check) {
            List<String> problems = checkTable(exercises, solutions);
            System.out.print(renderCheck(exercises, solutions, problems));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the course check failed:\n  - " + String.join("\n  - ", problems));
            }
        } else {
            System.out.print(renderProgress(exercises));
        }
    }

    static Found find(Path buildDir, String module, String build) {
        Path file = buildDir.resolve("grading").resolve("results.json");
        if (!Files.isRegularFile(file)) {
            return new Found(module, null, "no results: it did not compile, or no test ran (see the errors above)");
        }
        try {
            ModuleReport report = ModuleReport.fromJson(Files.readString(file, StandardCharsets.UTF_8));
            if (!build.equals(report.build())) {
                return new Found(module, null, "no results from this build: it did not compile, or its tests did "
                    + "not run (see the errors above)");
            }
            return new Found(module, report, "");
        } catch (IOException | RuntimeException e) {
            return new Found(module, null, "unreadable results (" + e.getMessage() + ")");
        }
    }

    /** The student's table: points per module, the total, and where to go next. */
    static String renderProgress(List<Found> modules) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(RULE).append('\n');
        out.append(" Calculus for Machine Learning: your progress\n");
        out.append(RULE).append('\n');
        int score = 0;
        int max = 0;
        String next = null;
        for (Found f : modules) {
            max += ModuleReport.MODULE_POINTS;
            if (f.report() == null) {
                out.append(String.format(" %-22s %s%n", f.module(), f.missing()));
                next = next == null ? f.module() + ": make it compile first (the [ERROR] lines above say where)"
                    : next;
                continue;
            }
            ModuleReport r = f.report();
            score += r.score();
            out.append(String.format(" %-22s %s %3d/%d%n", f.module(), Scoreboard.bar(r.score(), r.max()),
                r.score(), r.max()));
            TaskSummary t = r.nextTask();
            if (next == null && t != null) {
                next = f.module() + ", Task " + t.task() + " " + t.title() + " (" + t.status().label() + ")";
            }
        }
        out.append(" ").append("-".repeat(77)).append('\n');
        out.append(String.format(" %-53s %3d/%d%n", "total", score, max));
        out.append(" Next: ").append(next == null ? "nothing left: every task of the course is done!" : next)
            .append('\n');
        out.append(RULE).append('\n');
        return out.toString();
    }

    /** Every problem the check finds, module by module. */
    static List<String> checkTable(List<Found> exercises, List<Found> solutions) {
        List<String> problems = new ArrayList<>();
        for (Found f : exercises) {
            problems.addAll(problemsOf(f, "skeleton"));
        }
        for (Found f : solutions) {
            problems.addAll(problemsOf(f, "solution"));
        }
        return problems;
    }

    private static List<String> problemsOf(Found f, String what) {
        if (f.report() == null) {
            return List.of(f.module() + " (" + what + "): " + f.missing());
        }
        List<String> problems = new ArrayList<>();
        for (String p : f.report().checkViolations()) {
            problems.add(f.module() + " (" + what + "): " + p);
        }
        return problems;
    }

    /** The instructors' table: the skeleton's and the solution's results side by side. */
    static String renderCheck(List<Found> exercises, List<Found> solutions, List<String> problems) {
        Map<String, Found> solutionByModule = new LinkedHashMap<>();
        for (Found f : solutions) {
            solutionByModule.put(f.module(), f);
        }
        StringBuilder out = new StringBuilder();
        out.append('\n').append(RULE).append('\n');
        out.append(" Course check: skeletons earn nothing, solutions earn everything\n");
        out.append(RULE).append('\n');
        out.append(String.format(" %-22s %-24s %-24s%n", "module", "skeleton", "solution"));
        for (Found f : exercises) {
            Found s = solutionByModule.get(f.module());
            out.append(String.format(" %-22s %-24s %-24s%n", f.module(), cell(f, Status.TODO),
                s == null ? "(no solution)" : cell(s, Status.PASSED)));
        }
        out.append(RULE).append('\n');
        if (problems.isEmpty()) {
            out.append(" CHECK OK\n");
        } else {
            out.append(" CHECK FAILED:\n");
            for (String p : problems) {
                out.append("   - ").append(p).append('\n');
            }
        }
        out.append(RULE).append('\n');
        // one plain line for CI: graded tests that behaved as the check expects, and those that did not
        long expected = 0;
        long total = 0;
        for (Found f : exercises) {
            expected += count(f, Status.TODO);
            total += f.report() == null ? 0 : f.report().tests().size();
        }
        for (Found f : solutions) {
            expected += count(f, Status.PASSED);
            total += f.report() == null ? 0 : f.report().tests().size();
        }
        out.append(String.format("check: %d passed, %d failed%n", expected, total - expected));
        return out.toString();
    }

    private static long count(Found f, Status status) {
        return f.report() == null ? 0 : f.report().tests().stream().filter(t -> t.status() == status).count();
    }

    private static String cell(Found f, Status expected) {
        if (f.report() == null) {
            return "no results";
        }
        ModuleReport r = f.report();
        return String.format("%d/%d %s, %d pts", count(f, expected), r.tests().size(), expected.label(), r.score());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --root, got \"" + args[i] + "\"");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CourseReport needs --" + name);
        }
        return value;
    }
}
