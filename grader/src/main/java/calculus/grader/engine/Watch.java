package calculus.grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import calculus.grader.policy.SubmissionFiles;
import calculus.grader.report.CourseReport;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Scoreboard;

/**
 * The watch mode ({@code ./mvnw -Pwatch}): grades the course once, then watches the exercise modules' sources and,
 * on every save, grades again the module that changed, and in it only the tasks whose tests can see the change,
 * printing the module's scoreboard.
 *
 * <p>Every guarantee of a normal run holds: the code is read, checked and compiled by the grader, and its tests
 * run in a test JVM of their own under the rules and the step budget. What makes it fast is what stays warm: this
 * JVM (the compiler, the grader) and one test JVM, which every run gives a fresh class loader for the code under
 * test, and which is replaced after any run that had to stop a test. Files are watched by looking at their times
 * and sizes every {@value #POLL_MILLIS} ms, which works the same on Linux, macOS and Windows. Ctrl-C ends it and its
 * test JVM (which also ends on its own when this JVM is gone).
 */
public final class Watch {

    /** How often the sources are looked at. */
    static final long POLL_MILLIS = 100;
    /** How long a module's sources must stay unchanged before it is graded: editors write in several steps. */
    static final long QUIET_MILLIS = 60;

    private final Course course;
    private final Path target;
    private final List<Path> classpath;
    private final ModuleGrader grader;
    private final SandboxPool sandboxes = SandboxPool.warm();
    private final Map<String, ModuleReport> reports = new LinkedHashMap<>();
    private final Map<String, Dependents> compiled = new HashMap<>();
    private final Map<String, Map<Path, String>> seen = new HashMap<>();

    private Watch(Path root, String target) {
        this.course = new Course(root);
        this.target = Path.of(target);
        this.classpath = GradeModule.classpath(root.resolve("scoreboard"));
        this.grader = new ModuleGrader(sandboxes);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args.length > 1 && args[0].equals("--root") ? args[1] : ".").toAbsolutePath().normalize();
        String target = args.length > 3 && args[2].equals("--target") ? args[3] : "target";
        Watch watch = new Watch(root, target);
        Runtime.getRuntime().addShutdownHook(new Thread(watch.sandboxes::close, "grader-watch-stop"));
        watch.run();
    }

    private void run() throws IOException, InterruptedException {
        List<String> modules = course.modules();
        System.out.println("Grading the course, then watching it: save a file and its module is graded again.");
        for (String m : modules) {
            seen.put(m, snapshot(m));
            ModuleReport report = grade(m, Selection.all());
            reports.put(m, report);
        }
        System.out.print(table());
        String next = nextModule();
        if (next != null) {
            System.out.print(Scoreboard.module(reports.get(next)));
        }
        System.out.println(waiting());
        while (true) {
            Thread.sleep(POLL_MILLIS);
            for (String m : modules) {
                Map<Path, String> now = snapshot(m);
                if (now.equals(seen.get(m))) {
                    continue;
                }
                // wait for the editor to finish writing
                Map<Path, String> settled = now;
                do {
                    now = settled;
                    Thread.sleep(QUIET_MILLIS);
                    settled = snapshot(m);
                } while (!settled.equals(now));
                long saved = newest(settled);
                seen.put(m, settled);
                regrade(m, saved);
            }
        }
    }

    private void regrade(String module, long savedMillis) throws IOException {
        Selection selection = affected(module);
        ModuleReport report = grade(module, selection);
        reports.put(module, report);
        System.out.print(Scoreboard.module(report));
        int total = reports.values().stream().mapToInt(r -> r.tests().stream().filter(t -> !t.hidden())
            .mapToInt(t -> t.points()).sum()).sum();
        System.out.printf(" graded %.2f s after the save   |   the course: %d/%d points%n",
            (System.currentTimeMillis() - savedMillis) / 1000.0, total, reports.size() * ModuleReport.MODULE_POINTS);
        System.out.println(waiting());
    }

    /**
     * The tasks whose tests can see what changed since the last run: the classes whose bytes changed, and the tests
     * that use them directly or through other classes. Everything when it cannot tell (nothing graded yet, or the
     * code does not compile).
     */
    private Selection affected(String module) throws IOException {
        Dependents before = compiled.get(module);
        GradingJob job = job(module, Selection.all());
        SubmissionFiles.Submission sources = Files.isDirectory(job.code())
            ? SubmissionFiles.read(job.code()) : null;
        if (before == null || sources == null || !sources.problems().isEmpty() || sources.sources().isEmpty()) {
            return Selection.all();
        }
        SourceCompiler compiler = new SourceCompiler();
        Path classes = job.work().resolve("classes");
        Path testClasses = job.work().resolve("test-classes");
        if (!compiler.compileCode(sources.sources(), module + "/src/main/java", classes).ok()) {
            return Selection.all();
        }
        List<Path> cp = new ArrayList<>();
        cp.add(classes);
        cp.addAll(classpath);
        compiler.compileTests(job.testSources(), cp, testClasses);
        Dependents now = Dependents.of(List.of(classes, testClasses));
        Set<String> changed = now.changedSince(before);
        Set<String> tasks = new LinkedHashSet<>();
        for (TestInventory.GradedTest t : TestInventory.read(testClasses).tests()) {
            if (now.reaches(t.className(), changed)) {
                tasks.add(t.task());
            }
        }
        return tasks.isEmpty() ? Selection.all() : new Selection(new ArrayList<>(tasks), List.of());
    }

    private ModuleReport grade(String module, Selection selection) throws IOException {
        GradingJob job = job(module, selection);
        ModuleReport report = grader.grade(job);
        GradeModule.write(report, job.work(), course.root().resolve(module).resolve(target).resolve(
            "surefire-reports"));
        compiled.put(module, Dependents.of(List.of(job.work().resolve("classes"),
            job.work().resolve("test-classes"))));
        return report;
    }

    private GradingJob job(String module, Selection selection) throws IOException {
        GradingJob job = course.job(module, course.skeleton(module), ModuleReport.EXERCISE, false, classpath,
            course.root().resolve(module).resolve(target).resolve("grading"), Map.of(), "watch");
        return job.select(selection, selection.everything() ? null : reports.get(module), "watch");
    }

    /** Every source file of a module (code and tests), with its time and size. */
    private Map<Path, String> snapshot(String module) throws IOException {
        Map<Path, String> files = new HashMap<>();
        for (Path dir : List.of(course.skeleton(module), course.root().resolve(module).resolve("src").resolve("test"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                    if (!a.isDirectory()) {
                        files.put(p, a.lastModifiedTime().toMillis() + ":" + a.size());
                    }
                }
            } catch (IOException e) {
                // a file that vanished while we looked: the next look sees the tree as it is
            }
        }
        return files;
    }

    private static long newest(Map<Path, String> files) {
        long newest = 0;
        for (String v : files.values()) {
            newest = Math.max(newest, Long.parseLong(v.substring(0, v.indexOf(':'))));
        }
        return newest;
    }

    private String table() {
        List<CourseReport.Found> found = new ArrayList<>();
        reports.forEach((m, r) -> found.add(new CourseReport.Found(m, r, true, "")));
        return CourseReport.renderProgress(found);
    }

    private String nextModule() {
        for (Map.Entry<String, ModuleReport> e : reports.entrySet()) {
            if (e.getValue().blocker() != null || e.getValue().nextTask() != null) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String waiting() {
        return " Watching " + "the exercise modules' sources: save a file to grade its module again. Ctrl-C stops.";
    }
}
