package calculus.grader.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The course-wide table at the end of {@code ./mvnw test}: every module's points and the total, read from the
 * {@code results.json} that each module's grader wrote. A module this build did not grade (left out with
 * {@code -pl}, or with {@code -Dtask} naming another module's task) shows its latest earlier results, marked, rather
 * than zeros. In the check ({@code -Dcheck}) it fails the build when a skeleton gives free points or a reference
 * solution misses one.
 *
 * <p>Run by the {@code scoreboard} module, last in the build: {@code CourseReport --root DIR --build STAMP
 * [--check true] [--target target]}. The modules are those of the root POM whose names start with a number: the
 * list is kept in one place.
 */
public final class CourseReport {

    private static final String RULE = "=".repeat(78);
    /** An exercise module's folder: its number, a dash, its topic. */
    private static final Pattern EXERCISE = Pattern.compile("\\d+-[a-z0-9-]+");

    private CourseReport() {
    }

    /**
     * What one module left behind: its report (from this build, or marked as earlier), or why there is none.
     *
     * @param module  the module
     * @param report  its report, or {@code null}
     * @param current whether the report comes from this build
     * @param missing why there is no report, or empty
     */
    public record Found(String module, ModuleReport report, boolean current, String missing) {
    }

    /**
     * Prints the table; in the check, throws if any module fails it.
     *
     * @param args {@code --root DIR --build STAMP [--check true|false] [--target NAME]}
     * @throws IllegalArgumentException if an argument is missing
     * @throws IllegalStateException    in the check, listing every problem found
     */
    /** The value of {@code --collect-reports} that collects nothing. */
    static final String NO_COLLECTION = "none";

    /**
     * Gathers every exercise module's Surefire-format reports ({@code TEST-*.xml}, which the grader writes) in one
     * folder, for the course's HTML report ({@code -Preport}): Surefire's report plugin aggregates only from the
     * build's root, which runs first. The folder's earlier reports are replaced.
     */
    static void collectReports(Path root, List<String> modules, String target, Path into) {
        try {
            Files.createDirectories(into);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(into, "TEST-*.xml")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
            for (String m : modules) {
                Path reports = root.resolve(m).resolve(target).resolve("surefire-reports");
                if (!Files.isDirectory(reports)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(reports, "TEST-*.xml")) {
                    for (Path p : files) {
                        Files.copy(p, into.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot collect the modules' reports into " + into, e);
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        Path root = Path.of(require(options, "root"));
        String build = require(options, "build");
        boolean check = "true".equals(options.getOrDefault("check", "false"));
        String target = options.getOrDefault("target", "target");
        List<String> modules = exerciseModules(root);
        String collect = options.getOrDefault("collect-reports", NO_COLLECTION);
        if (!collect.isBlank() && !collect.equals(NO_COLLECTION)) {
            collectReports(root, modules, target, Path.of(collect));
        }

        List<Found> exercises = new ArrayList<>();
        List<Found> solutions = new ArrayList<>();
        for (String m : modules) {
            Path grading = root.resolve(m).resolve(target).resolve("grading");
            exercises.add(find(grading.resolve("results.json"), m, build));
            if (check && Files.isDirectory(root.resolve("solutions").resolve(m))) {
                solutions.add(find(grading.resolve("solution").resolve("results.json"), m, build));
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

    /**
     * The exercise modules, in course order: the root POM's {@code <module>} entries whose names start with a
     * number. The root POM is the one place that lists them.
     *
     * @param root the course's root folder
     * @return the module folder names
     * @throws IllegalStateException if the root POM cannot be read
     */
    public static List<String> exerciseModules(Path root) {
        List<String> modules = new ArrayList<>();
        try (InputStream in = Files.newInputStream(root.resolve("pom.xml"))) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            int depth = 0;
            boolean inModules = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    // only the project's own <modules> (depth 2), not those of its profiles
                    if (depth == 2 && xml.getLocalName().equals("modules")) {
                        inModules = true;
                    } else if (inModules && xml.getLocalName().equals("module")) {
                        String name = xml.getElementText().strip();
                        depth--;
                        if (EXERCISE.matcher(name).matches()) {
                            modules.add(name);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && xml.getLocalName().equals("modules")) {
                        inModules = false;
                    }
                    depth--;
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot read the modules of " + root.resolve("pom.xml") + ": " + e, e);
        }
        return modules;
    }

    /** What a module left behind in its results file. */
    public static Found find(Path file, String module, String build) {
        if (!Files.isRegularFile(file)) {
            return new Found(module, null, false, "not graded yet");
        }
        try {
            ModuleReport report = ModuleReport.fromJson(Files.readString(file, StandardCharsets.UTF_8));
            return new Found(module, report, build.equals(report.build()), "");
        } catch (IOException | RuntimeException e) {
            return new Found(module, null, false, "unreadable results (" + e.getMessage() + ")");
        }
    }

    /** The student's table: points per module, the total, and where to go next. */
    public static String renderProgress(List<Found> modules) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(RULE).append('\n');
        out.append(" Calculus for Machine Learning: your progress\n");
        out.append(RULE).append('\n');
        int score = 0;
        int max = 0;
        String next = null;
        boolean anyEarlier = false;
        for (Found f : modules) {
            max += ModuleReport.MODULE_POINTS;
            ModuleReport r = f.report();
            if (r == null) {
                out.append(String.format(" %-22s %s%n", f.module(), f.missing()));
                next = next == null ? f.module() : next;
                continue;
            }
            int visible = visiblePoints(r);
            score += visible;
            String mark = !f.current() ? "  (earlier)" : r.selection().isEmpty() ? "" : "  (partly earlier)";
            anyEarlier |= !mark.isEmpty();
            String state = r.blocker() == null ? "" : "  " + blockerWord(r.blocker());
            out.append(String.format(" %-22s %s %3d/%d%s%s%n", f.module(),
                Scoreboard.bar(visible, ModuleReport.MODULE_POINTS), visible, ModuleReport.MODULE_POINTS, state,
                mark));
            if (next == null && r.blocker() != null) {
                next = f.module() + ": " + blockerWord(r.blocker());
            }
            TaskSummary t = r.nextTask();
            if (next == null && t != null) {
                next = f.module() + ", Task " + t.task() + " " + t.title() + " (" + t.status().label() + ")";
            }
        }
        out.append(" ").append("-".repeat(77)).append('\n');
        out.append(String.format(" %-53s %3d/%d%n", "total", score, max));
        out.append(" Next: ").append(next == null ? "nothing left: every task of the course is done!" : next)
            .append('\n');
        if (anyEarlier) {
            out.append(" (earlier): not graded in this run, or only in part: the results of its latest runs\n");
        }
        out.append(RULE).append('\n');
        return out.toString();
    }

    private static String blockerWord(ModuleReport.Blocker blocker) {
        return switch (blocker.kind()) {
            case ModuleReport.Blocker.COMPILE -> "does not compile";
            case ModuleReport.Blocker.RULES -> "breaks the rules for student code";
            case ModuleReport.Blocker.FILES -> "files refused";
            default -> "grading failed";
        };
    }

    /** A student's points out of the module's 100: the visible tests' (hidden ones count only for instructors). */
    private static int visiblePoints(ModuleReport r) {
        return r.tests().stream().filter(t -> !t.hidden()).mapToInt(TestResult::points).sum();
    }

    /** Every problem the check finds, module by module. */
    public static List<String> checkTable(List<Found> exercises, List<Found> solutions) {
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
        if (!f.current()) {
            return List.of(f.module() + " (" + what + "): no results from this build");
        }
        List<String> problems = new ArrayList<>();
        for (String p : f.report().checkViolations()) {
            problems.add(f.module() + " (" + what + "): " + p);
        }
        return problems;
    }

    /** The instructors' table: the skeleton's and the solution's results side by side. */
    public static String renderCheck(List<Found> exercises, List<Found> solutions, List<String> problems) {
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
        return f.report() == null || !f.current() ? 0
            : f.report().tests().stream().filter(t -> t.status() == status).count();
    }

    private static String cell(Found f, Status expected) {
        if (f.report() == null || !f.current()) {
            return "no results";
        }
        ModuleReport r = f.report();
        return String.format("%d/%d %s, %d pts", count(f, expected), r.tests().size(), expected.label(), r.score());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: CourseReport --root DIR --build STAMP [--check true] "
                    + "[--target NAME], got \"" + args[i] + "\"");
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
