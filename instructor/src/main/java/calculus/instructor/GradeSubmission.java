package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/**
 * Grades a student's submission with the official tests, visible and hidden.
 *
 * <p>Usage: {@code GradeSubmission --course DIR --submission DIR --out DIR [--modules 01-derivatives,...]}
 *
 * <p>It builds a fresh workspace from the course (never from the submission): the course's own files without its
 * reference solutions, the instructor's hidden tests added to each module's tests, and from the submission only
 * the Java sources under each exercise module's {@code src/main/java}. Whatever else the submission holds (edited
 * tests, build files, a grader of its own, results files, resources) is ignored. The grade is computed by the
 * course's grader in that workspace and cross-checked against Surefire's own reports.
 *
 * <p>Writes {@code results.json} (Gradescope's format), {@code summary.txt} and {@code build.log} into the output
 * folder. Exit codes: 0 graded (whatever the score), 2 wrong usage, 3 the grading itself failed (the workspace
 * could not be built, or the grader's results disagree with Surefire's): never the student's fault.
 */
public final class GradeSubmission {

    /** The longest a whole grading run may take before it is stopped. */
    static final long TIMEOUT_MINUTES = 30;

    private static final Pattern TEST_CASE = Pattern.compile(
        "<testcase\\s+name=\"([^\"]*)\"\\s+classname=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL);

    private GradeSubmission() {
    }

    /** One module's outcome in the workspace. */
    record ModuleGrade(String module, ModuleReport report, String problem) {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("submission") || !options.containsKey("out")) {
            System.err.println("usage: GradeSubmission --course DIR --submission DIR --out DIR"
                + " [--modules 01-derivatives,02-partials]");
            System.exit(2);
        }
        Path course = Path.of(options.getOrDefault("course", ".")).toAbsolutePath().normalize();
        Path submission = Path.of(options.get("submission")).toAbsolutePath().normalize();
        Path out = Path.of(options.get("out")).toAbsolutePath().normalize();
        List<String> modules = options.containsKey("modules")
            ? List.of(options.get("modules").split("\\s*,\\s*")) : CourseFiles.MODULES;
        if (!Files.isDirectory(submission)) {
            System.err.println("the submission folder does not exist: " + submission);
            System.exit(2);
        }
        try {
            List<ModuleGrade> grades = grade(course, submission, out, modules);
            String summary = Gradescope.summary(grades);
            Files.writeString(out.resolve("results.json"), Gradescope.results(grades), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            System.out.print(summary);
            boolean broken = grades.stream().anyMatch(g -> g.problem().startsWith(GRADER_FAULT));
            System.exit(broken ? 3 : 0);
        } catch (IOException | RuntimeException e) {
            System.err.println("grading failed (not the student's fault): " + e);
            System.exit(3);
        }
    }

    /** The prefix of a problem that is the grading's fault, not the student's. */
    static final String GRADER_FAULT = "GRADER:";

    /** Builds the workspace, runs the official tests and reads the grader's results, module by module. */
    static List<ModuleGrade> grade(Path course, Path submission, Path out, List<String> modules) throws IOException {
        Files.createDirectories(out);
        Path ws = out.resolve("workspace");
        CourseFiles.deleteTree(ws);
        List<Path> files = new ArrayList<>();
        for (Path f : CourseFiles.courseFiles(course)) {
            // the reference solutions stay out; the exercise modules' main code comes from the submission
            if (!f.startsWith("solutions") && !isExerciseMain(f) && !f.startsWith("tools")) {
                files.add(f);
            }
        }
        CourseFiles.copy(course, ws, files);
        for (String m : modules) {
            Path main = ws.resolve(m).resolve("src").resolve("main");
            CourseFiles.deleteTree(main);
            int taken = CourseFiles.copyTree(submission.resolve(m).resolve("src").resolve("main").resolve("java"),
                main.resolve("java"), p -> p.toString().endsWith(".java"));
            if (taken == 0) {
                // nothing submitted for this module: grade the course's skeleton, which earns nothing
                CourseFiles.copyTree(course.resolve(m).resolve("src").resolve("main").resolve("java"),
                    main.resolve("java"), p -> p.toString().endsWith(".java"));
            }
            CourseFiles.copyTree(course.resolve("solutions").resolve(m).resolve("src").resolve("hidden-test")
                .resolve("java"), ws.resolve(m).resolve("src").resolve("test").resolve("java"), p -> true);
        }
        List<String> command = new ArrayList<>(CourseFiles.mavenWrapper(ws));
        command.addAll(List.of("--batch-mode", "test", "-pl", String.join(",", modules), "-am"));
        Path log = out.resolve("build.log");
        int exit = CourseFiles.run(command, ws, log, TIMEOUT_MINUTES);
        String buildLog = CourseFiles.read(log);
        List<ModuleGrade> grades = new ArrayList<>();
        for (String m : modules) {
            grades.add(readModule(ws.resolve(m), m, buildLog, exit));
        }
        return grades;
    }

    private static boolean isExerciseMain(Path f) {
        return f.getNameCount() > 2 && CourseFiles.MODULES.contains(f.getName(0).toString())
            && f.getName(1).toString().equals("src") && f.getName(2).toString().equals("main");
    }

    static ModuleGrade readModule(Path moduleDir, String module, String buildLog, int exit) throws IOException {
        Path results = moduleDir.resolve("target").resolve("grading").resolve("results.json");
        if (!Files.isRegularFile(results)) {
            if (exit == -1) {
                return new ModuleGrade(module, null, GRADER_FAULT + " the build was stopped after "
                    + TIMEOUT_MINUTES + " minutes");
            }
            String errors = compileErrors(buildLog, module);
            if (errors.isEmpty()) {
                return new ModuleGrade(module, null, GRADER_FAULT + " no results, and no compile error to explain "
                    + "it: see build.log");
            }
            return new ModuleGrade(module, null, "the code does not compile with the official tests:\n" + errors);
        }
        ModuleReport report = ModuleReport.fromJson(CourseFiles.read(results));
        String disagreement = crossCheck(report, moduleDir.resolve("target").resolve("surefire-reports"));
        return new ModuleGrade(module, report, disagreement.isEmpty() ? "" : GRADER_FAULT + " " + disagreement);
    }

    /**
     * Compares the grader's verdicts with Surefire's own XML reports, written by the build's JVM rather than the
     * test JVM: a results file that says PASSED where Surefire saw a failure was not written by the grader.
     */
    static String crossCheck(ModuleReport report, Path surefireReports) throws IOException {
        Map<String, Boolean> failedByMethod = new LinkedHashMap<>();
        if (Files.isDirectory(surefireReports)) {
            try (Stream<Path> xml = Files.list(surefireReports)) {
                for (Path f : (Iterable<Path>) xml.filter(p -> p.getFileName().toString().endsWith(".xml"))::iterator) {
                    Matcher m = TEST_CASE.matcher(CourseFiles.read(f));
                    while (m.find()) {
                        String method = m.group(2) + "#" + m.group(1).replaceFirst("[(\\[].*$", "");
                        String body = m.group(4) == null ? "" : m.group(4);
                        boolean failed = body.contains("<failure") || body.contains("<error")
                            || body.contains("<skipped");
                        failedByMethod.merge(method, failed, Boolean::logicalOr);
                    }
                }
            }
        }
        for (TestResult t : report.tests()) {
            Boolean failed = failedByMethod.get(t.method());
            if (t.status() == Status.PASSED && (failed == null || failed)) {
                return "the grader says " + t.method() + " PASSED, Surefire's report does not";
            }
        }
        return "";
    }

    /** The compiler's error lines for one module, from the build log. */
    static String compileErrors(String buildLog, String module) {
        // Maven prints each error twice: while compiling, and again in its summary of the failed goal
        Set<String> errors = new LinkedHashSet<>();
        for (String line : buildLog.split("\n")) {
            if (line.startsWith("[ERROR]") && line.contains("/" + module + "/") && line.contains(".java")) {
                errors.add(line.replaceFirst("^\\[ERROR\\]\\s*", "  ").replaceAll("/.*?/" + Pattern.quote(module)
                    + "/", module + "/"));
            }
        }
        return errors.isEmpty() ? "" : String.join("\n", errors) + "\n";
    }
}
