package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/**
 * Makes the student copy of the course from the instructor's: no reference solutions, no hidden tests, no
 * instructor notes or tools, and the README without its instructors' section; then proves it clean.
 *
 * <p>Usage: {@code StudentRelease --course DIR --out DIR [--git] [--no-verify] [--force]}
 *
 * <p>The proof: no statement of the references' marked regions and no statement of a hidden test appears anywhere in
 * the release ({@link LeakCheck}), and the release builds and its {@code ./mvnw test} gives 0 points with every
 * graded test TODO. With {@code --git} the release becomes a git repository with a single fresh commit, ready to push.
 * Exit codes: 0 released and verified, 1 the verification failed (the message says why), 2 wrong usage.
 */
public final class StudentRelease {

    /** What stays with the instructor. */
    static final List<String> INSTRUCTOR_ONLY = List.of("solutions", "instructor", ".ci", "tools", "docs/instructors.md",
        "docs/authoring.md", "docs/speed.md", ".github/workflows/course-ci.yml", ".github/workflows/grade-class.yml");
    /** README text between these markers is for instructors. */
    static final String BEGIN = "<!-- instructors -->";
    static final String END = "<!-- /instructors -->";

    private StudentRelease() {
    }

    /** The usage line. */
    static final String USAGE = "usage: StudentRelease --course DIR --out DIR [--git] [--no-verify] [--force]";

    /** The file in a release that lists the files the release wrote, so that a later release may replace them. */
    static final String MANIFEST = ".student-release-files";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path course;
        Path out;
        Args a;
        try {
            a = Args.parse(args, Set.of("course", "out"), Set.of("git", "no-verify", "force"), 0);
            course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            out = Path.of(a.required("out")).toAbsolutePath().normalize();
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return Args.USAGE;
        }
        try {
            release(course, out, a.has("force"));
            System.out.println("student release written to " + out);
            if (!a.has("no-verify")) {
                List<String> problems = verify(course, out);
                if (!problems.isEmpty()) {
                    System.err.println("the student release is NOT clean:\n  - " + String.join("\n  - ", problems));
                    return 1;
                }
                System.out.println("verified: no reference code leaked, and every graded test is TODO (0 points)");
            }
            if (a.has("git")) {
                commit(out);
            }
            return 0;
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            return Args.USAGE;
        } catch (IOException | RuntimeException e) {
            System.err.println("the release failed: " + e);
            return 1;
        }
    }

    /** Copies the course's own files, less what stays with the instructor, into a new or empty folder. */
    static void release(Path course, Path out) throws IOException {
        release(course, out, false);
    }

    /**
     * Copies what git tracks of the course (every file outside build folders when it is no git checkout), less
     * what stays with the instructor. The folder must be new, empty, or an earlier release: then exactly the files
     * that release wrote (its {@link #MANIFEST}) are replaced, and any other file is refused. With {@code force}, a
     * folder of other files is written into, and those files are left alone (the verification then reads them too).
     */
    static void release(Path course, Path out, boolean force) throws IOException {
        Args.outsideCourse("the release folder", out, course, true);
        Path manifest = out.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            List<String> made = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            List<String> foreign = new ArrayList<>();
            for (Path f : CourseFiles.filesUnder(out)) {
                String name = f.toString().replace('\\', '/');
                if (!made.contains(name) && !name.equals(MANIFEST) && !CourseFiles.isBuildOutput(f)) {
                    foreign.add(name);
                }
            }
            if (!foreign.isEmpty() && !force) {
                throw new Args.UsageError("the release folder " + out + " holds files the earlier release did not "
                    + "make (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? ", ..." : "") + "); move them away, or pass --force to leave them");
            }
            for (String f : made) {
                Path p = out.resolve(f).normalize();
                if (!f.isBlank() && p.startsWith(out)) {
                    Files.deleteIfExists(p);
                }
            }
            CourseFiles.deleteEmptyFolders(out);
        } else if (!Args.emptyOrMissing(out) && !force) {
            throw new Args.UsageError("the release folder " + out + " is not empty, and holds no earlier release; "
                + "choose a new or empty folder (or pass --force to write beside its files, which are left alone)");
        }
        List<Path> files = new ArrayList<>();
        for (Path f : CourseFiles.trackedFiles(course)) {
            if (INSTRUCTOR_ONLY.stream().noneMatch(x -> f.startsWith(x) || f.toString().equals(x))
                && !CourseFiles.isBuildOutput(f)) {
                files.add(f);
            }
        }
        CourseFiles.copy(course, out, files);
        // every Markdown file (the README, the lessons) may hold sections for instructors only
        for (Path f : files) {
            Path copy = out.resolve(f);
            if (f.getFileName().toString().endsWith(".md") && Files.isRegularFile(copy)) {
                String text = Files.readString(copy, StandardCharsets.UTF_8);
                String student = withoutInstructorSections(text);
                if (!student.equals(text)) {
                    Files.writeString(copy, student, StandardCharsets.UTF_8);
                }
            }
        }
        StringBuilder list = new StringBuilder();
        files.forEach(f -> list.append(f.toString().replace('\\', '/')).append('\n'));
        Files.writeString(manifest, list.toString(), StandardCharsets.UTF_8);
    }

    /** Names of files that only grading writes: none may be in a release. */
    static final List<String> GRADING_OUTPUT = List.of("results.json", "gradebook.csv", "feedback.txt",
        "summary.txt", GradeSubmission.MARKER);

    /** The text without its instructors' sections (from {@link #BEGIN} to {@link #END}, both included). */
    static String withoutInstructorSections(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int begin;
        while ((begin = text.indexOf(BEGIN, from)) >= 0) {
            int end = text.indexOf(END, begin);
            if (end < 0) {
                throw new IllegalArgumentException("README.md opens an instructors' section without closing it");
            }
            out.append(text, from, begin);
            from = end + END.length();
            while (from < text.length() && text.charAt(from) == '\n') {
                from++;
            }
        }
        return out.append(text.substring(from)).toString();
    }

    /** Every file of a release that grading or a build wrote, one line each. */
    static List<String> gradingOutput(Path out) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : CourseFiles.filesUnder(out)) {
            String name = f.getFileName().toString();
            if (GRADING_OUTPUT.contains(name) || CourseFiles.isBuildOutput(f) && !f.startsWith(".git")) {
                problems.add(f.toString().replace('\\', '/') + " is grading or build output, not course material");
            }
        }
        return problems;
    }

    /** The longest the release's own build may take. */
    static final long TIMEOUT_MINUTES = 30;

    /** Every reason the release is not clean; empty when it is. */
    static List<String> verify(Path course, Path out) throws IOException {
        List<String> problems = new ArrayList<>(LeakCheck.leaks(course, out));
        problems.addAll(gradingOutput(out));
        for (String x : INSTRUCTOR_ONLY) {
            if (Files.exists(out.resolve(x))) {
                problems.add(x + " is in the release");
            }
        }
        Path log = out.resolve("target").resolve("release-check.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(CourseFiles.mavenWrapper(out));
        command.addAll(List.of("--batch-mode", "test"));
        int exit = CourseFiles.run(command, out, log, TIMEOUT_MINUTES);
        if (exit != 0) {
            problems.add("./mvnw test failed in the release (exit " + exit + "): see " + log);
        }
        for (String module : CourseFiles.modules(out)) {
            Path results = out.resolve(module).resolve("target").resolve("grading").resolve("results.json");
            if (!Files.isRegularFile(results)) {
                problems.add(module + ": no results from ./mvnw test (see " + log + ")");
                continue;
            }
            ModuleReport report = ModuleReport.fromJson(CourseFiles.read(results));
            if (report.score() != 0) {
                problems.add(module + ": the release earns " + report.score() + " points before any work");
            }
            for (TestResult t : report.tests()) {
                if (t.status() != Status.TODO) {
                    problems.add(module + ": " + t.method() + " is " + t.status().label() + ", not TODO");
                }
                if (t.hidden()) {
                    problems.add(module + ": the hidden test " + t.method() + " is in the release");
                }
            }
        }
        CourseFiles.deleteTree(out.resolve("target"));
        for (String module : CourseFiles.modules(out)) {
            CourseFiles.deleteTree(out.resolve(module).resolve("target"));
        }
        CourseFiles.deleteTree(out.resolve("grading").resolve("target"));
        CourseFiles.deleteTree(out.resolve("scoreboard").resolve("target"));
        return problems;
    }

    /** Makes the release a git repository with one fresh commit. */
    static void commit(Path out) throws IOException {
        Path log = Files.createTempFile("release-git", ".log");
        List<List<String>> steps = List.of(
            List.of("git", "init", "--quiet", "--initial-branch=main"),
            List.of("git", "add", "--all"),
            List.of("git", "-c", "user.name=Course release", "-c", "user.email=release@localhost", "commit",
                "--quiet", "-m", "Calculus for Machine Learning: student release"));
        for (List<String> step : steps) {
            if (CourseFiles.run(step, out, log, 5) != 0) {
                throw new IOException("git failed: " + String.join(" ", step) + "\n" + CourseFiles.read(log));
            }
        }
        Files.deleteIfExists(log);
        System.out.println("committed as a fresh git repository (branch main, one commit)");
    }
}
