package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import calculus.grader.engine.Course;
import calculus.grader.engine.GradeModule;
import calculus.grader.engine.GradingJob;
import calculus.grader.engine.ModuleGrader;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Text;

/**
 * Grades a student's submission with the official tests, visible and hidden, without a build of the submission:
 * the grader reads the submission's sources itself (never following a link), compiles them against the JDK,
 * checks them against the rules for student code, and runs the course's own tests against them in test JVMs of
 * its own. Nothing else of the submission is read: edited tests, build files, a grader of its own, results files.
 *
 * <p>Usage: {@code GradeSubmission --course DIR --submission DIR --out DIR [--modules 01-derivatives,...]
 * [--student ID] [--secret-file FILE]}
 *
 * <p>The random inputs are the submission's own: every test's seed is drawn from a hash of the instructor's secret
 * and the student's identity ({@link SubmissionSeed}), so answers tabulated from the public tests' inputs do not
 * replay. Writes {@code results.json} (Gradescope's format), {@code summary.txt} and the grader's work folder into
 * the output folder. Exit codes: 0 graded (whatever the score), 2 wrong usage, 3 the grading itself failed (never
 * the student's fault; results.json then states the failure and carries no score).
 */
public final class GradeSubmission {

    private GradeSubmission() {
    }

    /** One module's outcome: its report, or the grader's own failure. */
    record ModuleGrade(String module, ModuleReport report, String problem) {
    }

    /** The prefix of a problem that is the grading's fault, not the student's. */
    static final String GRADER_FAULT = "GRADER:";

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("submission") || !options.containsKey("out")) {
            System.err.println("usage: GradeSubmission --course DIR --submission DIR --out DIR"
                + " [--modules 01-derivatives,02-partials] [--student ID] [--secret-file FILE]");
            System.exit(2);
        }
        Path course = Path.of(options.getOrDefault("course", ".")).toAbsolutePath().normalize();
        Path submission = Path.of(options.get("submission")).toAbsolutePath().normalize();
        Path out = Path.of(options.get("out")).toAbsolutePath().normalize();
        List<String> all = new Course(course).modules();
        List<String> modules = options.containsKey("modules")
            ? List.of(options.get("modules").split("\\s*,\\s*")) : all;
        for (String m : modules) {
            if (!all.contains(m)) {
                System.err.println("no module \"" + m + "\"; the modules are " + String.join(", ", all));
                System.exit(2);
            }
        }
        if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("the submission folder does not exist: " + submission);
            System.exit(2);
        }
        try {
            String student = options.getOrDefault("student", submission.getFileName().toString());
            long seed = SubmissionSeed.of(SubmissionSeed.secret(course, options.get("secret-file")), student);
            List<ModuleGrade> grades = grade(course, submission, out, modules, Map.of("calculus.seed",
                Long.toString(seed)));
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

    /**
     * Grades the named modules of a submission.
     *
     * @param course        the course (its tests, hidden tests and skeletons)
     * @param submission    the student's copy of the course; only {@code NN-topic/src/main/java} is read
     * @param out           a folder of the grader's own for its work
     * @param modules       the modules to grade
     * @param configuration the tests' JUnit configuration (the submission's seed)
     * @return one grade per module
     */
    static List<ModuleGrade> grade(Path course, Path submission, Path out, List<String> modules,
                                   Map<String, String> configuration) throws IOException {
        Course c = new Course(course);
        List<Path> classpath = GradeModule.classpath(out);
        ModuleGrader grader = new ModuleGrader();
        List<ModuleGrade> grades = new ArrayList<>();
        Files.createDirectories(out);
        for (String m : modules) {
            Path code = submission.resolve(m).resolve("src").resolve("main").resolve("java");
            if (!hasJava(code)) {
                // nothing submitted for this module: the course's skeleton is graded, and earns nothing
                code = c.skeleton(m);
            }
            try {
                GradingJob job = c.job(m, code, ModuleReport.EXERCISE, true, classpath,
                    out.resolve("work").resolve(m), configuration, "submission");
                grades.add(new ModuleGrade(m, grader.grade(job), ""));
            } catch (IOException | RuntimeException e) {
                grades.add(new ModuleGrade(m, null, GRADER_FAULT + " " + Text.sanitize(String.valueOf(e), 500)));
            }
        }
        return grades;
    }

    private static boolean hasJava(Path code) throws IOException {
        if (!Files.isDirectory(code, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(code)) {
            return false;
        }
        if (Files.isSymbolicLink(code)) {
            return true; // the grader refuses it, with a message, rather than quietly grading the skeleton
        }
        try (Stream<Path> walk = Files.walk(code)) {
            // a link inside (a package folder linked to the solutions, say) is refused with a message too
            return walk.anyMatch(p -> p.toString().endsWith(".java") || Files.isSymbolicLink(p));
        }
    }
}
