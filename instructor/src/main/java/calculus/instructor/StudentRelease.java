package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/**
 * Makes the student copy of the course from the instructor's: no reference solutions, no hidden tests, no
 * instructor notes or tools, and the README without its instructors' section; then proves it clean.
 *
 * <p>Usage: {@code StudentRelease --course DIR --out DIR [--git true] [--verify false]}
 *
 * <p>The proof: no statement of the references' marked regions and no statement of a hidden test appears anywhere in
 * the release ({@link LeakCheck}), and the release builds and its {@code ./mvnw test} gives 0 points with every
 * graded test TODO. With {@code --git true} the release becomes a git repository with a single fresh commit, ready to push.
 * Exit codes: 0 released and verified, 1 the verification failed (the message says why), 2 wrong usage.
 */
public final class StudentRelease {

    /** What stays with the instructor. */
    static final List<String> INSTRUCTOR_ONLY = List.of("solutions", "instructor", ".ci", "tools", "docs/instructors.md",
        "docs/authoring.md", ".github/workflows/course-ci.yml");
    /** README text between these markers is for instructors. */
    static final String BEGIN = "<!-- instructors -->";
    static final String END = "<!-- /instructors -->";

    private StudentRelease() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("out")) {
            System.err.println("usage: StudentRelease --course DIR --out DIR [--git true] [--verify false]");
            System.exit(2);
        }
        Path course = Path.of(options.getOrDefault("course", ".")).toAbsolutePath().normalize();
        Path out = Path.of(options.get("out")).toAbsolutePath().normalize();
        try {
            release(course, out);
            System.out.println("student release written to " + out);
            if (!"false".equals(options.get("verify"))) {
                List<String> problems = verify(course, out);
                if (!problems.isEmpty()) {
                    System.err.println("the student release is NOT clean:\n  - " + String.join("\n  - ", problems));
                    System.exit(1);
                }
                System.out.println("verified: no reference code leaked, and every graded test is TODO (0 points)");
            }
            if ("true".equals(options.get("git"))) {
                commit(out);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("the release failed: " + e);
            System.exit(1);
        }
    }

    /** Copies the course's own files, less what stays with the instructor, into a fresh folder. */
    static void release(Path course, Path out) throws IOException {
        if (out.startsWith(course) && !CourseFiles.isBuildOutput(course.relativize(out))) {
            throw new IllegalArgumentException("the release folder must be outside the course (or under a target "
                + "folder), got " + out);
        }
        CourseFiles.deleteTree(out);
        List<Path> files = new ArrayList<>();
        for (Path f : CourseFiles.courseFiles(course)) {
            if (INSTRUCTOR_ONLY.stream().noneMatch(x -> f.startsWith(x) || f.toString().equals(x))) {
                files.add(f);
            }
        }
        CourseFiles.copy(course, out, files);
        Path readme = out.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            Files.writeString(readme, withoutInstructorSections(Files.readString(readme, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        }
    }

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

    /** The longest the release's own build may take. */
    static final long TIMEOUT_MINUTES = 30;

    /** Every reason the release is not clean; empty when it is. */
    static List<String> verify(Path course, Path out) throws IOException {
        List<String> problems = new ArrayList<>(LeakCheck.leaks(course, out));
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
        for (String module : CourseFiles.MODULES) {
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
        for (String module : CourseFiles.MODULES) {
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
