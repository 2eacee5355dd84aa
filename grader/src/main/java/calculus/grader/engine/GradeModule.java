package calculus.grader.engine;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import calculus.grader.report.Lesson;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Scoreboard;
import calculus.grader.report.Status;
import calculus.grader.report.TaskSummary;
import calculus.grader.report.TestResult;

/**
 * Grades one exercise module in a Maven build: the {@code grade} execution of every exercise module runs it in
 * Maven's own JVM after the module's sources are in place. Student mode grades the module's code and prints its
 * scoreboard; the course check ({@code -Dcheck}) grades the skeleton (every graded test must be TODO) and, where
 * {@code solutions/} exists, the reference solution (every graded test must pass), both with the hidden tests.
 *
 * <p>Options: {@code --module-dir DIR --root DIR --build STAMP [--title T] [--check true] [--task 1.3]
 * [--test Pattern] [--seed N] [--course-seed N] [--verbose true] [--target NAME]}. A Maven property that is not
 * set arrives as its own {@code ${name}} and counts as not given.
 */
public final class GradeModule {

    private GradeModule() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = options(args);
        Path moduleDir = Path.of(o.get("module-dir")).toAbsolutePath().normalize();
        Path root = Path.of(o.get("root")).toAbsolutePath().normalize();
        String module = moduleDir.getFileName().toString();
        boolean check = "true".equals(o.get("check"));
        boolean verbose = o.containsKey("verbose") && !"false".equals(o.get("verbose"));
        String targetName = o.getOrDefault("target", "target");
        Path target = moduleDir.resolve(targetName);
        Selection selection = Selection.of(o.get("task"), o.get("test"));
        List<Path> classpath = classpath(moduleDir);
        SandboxSettings sandbox = SandboxSettings.defaults();
        // the course's own build folder, shared by every module. An archive committed there in advance (a student's
        // repository graded in CI) is never used: its name holds each jar's path, size and build time to the
        // millisecond, which no one can know before the build
        SharedArchive archive = SharedArchive.of(sandbox, classpath, root.resolve(targetName).resolve("class-data"));
        GradingJob job = job(o, root, moduleDir, classpath, selection, check,
            archive == null ? sandbox : archive.settings());

        if (!selection.concerns(job.number()) || !selection.matchesAnyClass(job.testSources())) {
            System.out.println(" " + module + ": not graded in this run (" + selection.describe() + ")");
            return;
        }
        Set<String> tasks = Lesson.titles(moduleDir.resolve("README.md")).keySet();
        List<String> unknown = selection.unknownTasks(job.number(), tasks);
        if (!unknown.isEmpty() && !tasks.isEmpty()) {
            System.out.println(" " + module + " has no Task " + String.join(", ", unknown) + ". Its tasks are "
                + Selection.list(tasks) + ": for example -Dtask=" + tasks.iterator().next());
            return;
        }
        Files.createDirectories(job.work());
        try {
            try (SandboxPool sandboxes = SandboxPool.prestarted(job.sandbox(), classpath, job.work())) {
                grade(job, new ModuleGrader(sandboxes), root, module, target, classpath, check, verbose);
            }
        } finally {
            // after the scoreboard, and once the test JVMs are gone (their lists of loaded classes complete)
            if (archive != null) {
                archive.create();
            }
        }
    }

    private static void grade(GradingJob job, ModuleGrader grader, Path root, String module, Path target,
                              List<Path> classpath, boolean check, boolean verbose) throws IOException {
        List<String> problems = new ArrayList<>();
        ModuleReport exercise = grader.grade(job);
        write(exercise, target.resolve("grading"), target.resolve("surefire-reports"));
        System.out.print(Scoreboard.module(exercise, verbose));
        problems.addAll(check ? exercise.checkViolations() : List.of());
        Path solution = root.resolve("solutions").resolve(module).resolve("src").resolve("main").resolve("java");
        if (check && Files.isDirectory(solution)) {
            GradingJob s = new GradingJob(job.module(), job.title(), job.lesson(), ModuleReport.SOLUTION, true,
                job.build(), root, solution, job.packages(), job.testSources(), classpath,
                target.resolve("grading").resolve("solution"), Selection.all(), job.configuration(), job.sandbox(),
                null, job.reference());
            ModuleReport reference = withBudgetHeadroom(grader.grade(s), s);
            write(reference, target.resolve("grading").resolve("solution"),
                target.resolve("grading").resolve("solution").resolve("surefire-reports"));
            System.out.print(Scoreboard.module(reference, verbose));
            problems.addAll(reference.checkViolations());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the check of " + module + " failed:\n  - "
                + String.join("\n  - ", problems));
        }
    }

    private static GradingJob job(Map<String, String> o, Path root, Path moduleDir, List<Path> classpath,
                                  Selection selection, boolean check, SandboxSettings sandbox) throws IOException {
        String module = moduleDir.getFileName().toString();
        List<Path> tests = new ArrayList<>();
        tests.add(moduleDir.resolve("src").resolve("test").resolve("java"));
        Path hidden = root.resolve("solutions").resolve(module).resolve("src").resolve("hidden-test").resolve("java");
        if (check && Files.isDirectory(hidden)) {
            tests.add(hidden);
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        given(o, "seed").ifPresent(v -> configuration.put("seed", v));
        given(o, "course-seed").ifPresent(v -> configuration.put("calculus.seed", v));
        Path target = moduleDir.resolve(o.getOrDefault("target", "target"));
        ModuleReport earlier = selection.everything() ? null : earlier(target.resolve("grading").resolve("results.json"));
        return new GradingJob(module, given(o, "title").orElse(module), root.relativize(moduleDir).toString()
            .replace(File.separatorChar, '/'), ModuleReport.EXERCISE, check, o.getOrDefault("build", ""), root,
            moduleDir.resolve("src").resolve("main").resolve("java"), Course.packages(tests.get(0)), tests, classpath,
            target.resolve("grading"), selection, configuration, sandbox, earlier,
            check ? moduleDir.resolve("src").resolve("main").resolve("java") : null);
    }

    /** The check requires every test's budget to leave the reference ten times the steps it needs. */
    static final int HEADROOM = 10;

    private static ModuleReport withBudgetHeadroom(ModuleReport report, GradingJob job) throws IOException {
        Map<String, Long> budgets = new LinkedHashMap<>();
        for (TestInventory.GradedTest t : TestInventory.read(job.work().resolve("test-classes")).tests()) {
            budgets.put(t.key(), t.steps() > 0 ? t.steps() : job.sandbox().defaultSteps());
        }
        List<String> errors = new ArrayList<>(report.errors());
        for (TestResult t : report.tests()) {
            Long budget = budgets.get(t.method());
            if (budget != null && t.steps() > budget / HEADROOM) {
                errors.add(t.method() + ": the reference runs " + t.steps() + " steps, more than a tenth of the "
                    + "test's budget of " + budget + "; give it @Graded(steps = ...) of at least "
                    + (t.steps() * HEADROOM));
            }
        }
        return new ModuleReport(report.module(), report.title(), report.role(), report.check(), report.build(),
            report.lesson(), report.titles(), report.tests(), errors, report.blocker(), report.selection());
    }

    static void write(ModuleReport report, Path grading, Path xml) throws IOException {
        Files.createDirectories(grading);
        Files.writeString(grading.resolve("results.json"), report.toJson(), StandardCharsets.UTF_8);
        Files.writeString(grading.resolve(TASKS_FILE), tasks(report), StandardCharsets.UTF_8);
        JUnitXml.write(report, xml);
    }

    /** The one-line-per-task summary beside results.json, for tools that only need a task's verdict. */
    public static final String TASKS_FILE = "tasks.txt";

    /**
     * One line per task, {@code 1.3 PASSED 14/14}: its number, its status ({@link Status#name()}, so one word) and
     * its points. GitHub Classroom's per-task steps read it with {@code grep}, after a single graded run.
     */
    static String tasks(ModuleReport report) {
        StringBuilder out = new StringBuilder();
        for (TaskSummary t : report.tasks()) {
            out.append(t.task()).append(' ').append(t.status().name()).append(' ').append(t.points()).append('/')
                .append(t.max()).append('\n');
        }
        return out.toString();
    }

    private static ModuleReport earlier(Path file) {
        try {
            return Files.isRegularFile(file) ? ModuleReport.fromJson(Files.readString(file)) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The grader's libraries: the class path this JVM was given (Maven's exec plugin gives the module's test class
     * path), without the module's own build folders.
     */
    public static List<Path> classpath(Path moduleDir) {
        List<Path> entries = new ArrayList<>();
        ClassLoader loader = GradeModule.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: not a library the tests can use
                }
            }
        } else {
            for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!e.isEmpty()) {
                    entries.add(Path.of(e));
                }
            }
        }
        Path own = moduleDir.toAbsolutePath().normalize();
        entries.removeIf(p -> {
            Path n = p.toAbsolutePath().normalize();
            return n.startsWith(own) && !n.startsWith(own.resolve("src"));
        });
        return entries;
    }

    private static java.util.Optional<String> given(Map<String, String> o, String name) {
        String v = o.get(name);
        return v == null || v.isBlank() || v.startsWith("${") ? java.util.Optional.empty()
            : java.util.Optional.of(v.strip());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        // Maven's exec plugin passes an unset property as null: that option is simply not given
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --module-dir, got \"" + args[i] + "\"");
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && args[i + 1] == null) {
                i++;
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        for (String required : List.of("module-dir", "root")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("GradeModule needs --" + required);
            }
        }
        return options;
    }
}
