package calculus.instructor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
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
        System.exit(run(args, System.out, System.err));
    }

    /** The usage line. */
    static final String USAGE = "usage: GradeSubmission --course DIR --submission DIR --out DIR"
        + " [--modules 01-derivatives,02-partials] [--student ID] [--secret-file FILE] [--force]";

    /** The file that marks a folder as this tool's output, so that it may write there again. */
    static final String MARKER = ".calculus-grading";

    /**
     * Checks an output folder and claims it: a missing or empty folder, or one this tool wrote before, is fine; a
     * folder of other files is refused unless {@code force}, and even then the tool's work folder must not be one
     * of them, since the tool empties it.
     */
    static void claimOutput(Path out, boolean force) throws IOException {
        if (!Args.emptyOrMissing(out) && !Files.isRegularFile(out.resolve(MARKER))) {
            if (!force) {
                throw new Args.UsageError("the output folder " + out + " holds files this tool did not make; choose "
                    + "an empty or new folder (or pass --force to write the tool's files beside them)");
            }
            if (Files.exists(out.resolve("work"))) {
                throw new Args.UsageError("the output folder " + out + " already has a work/ folder this tool did "
                    + "not make, which grading would empty: refused even with --force");
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "made by the course's grading tools; they may write here again\n",
            StandardCharsets.UTF_8);
    }

    /**
     * Grades a submission as {@link #main} does, printing to the given streams.
     *
     * @return the exit code: 0 graded, 2 wrong usage, 3 the grading itself failed
     */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Path course;
        Path submission;
        Path out;
        List<String> modules;
        Args a;
        try {
            a = Args.parse(args, java.util.Set.of("course", "submission", "out", "modules", "student",
                "secret-file"), java.util.Set.of("force"), 0);
            course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            submission = Path.of(a.required("submission")).toAbsolutePath().normalize();
            out = Path.of(a.required("out")).toAbsolutePath().normalize();
            modules = Args.modules(a.get("modules"), new Course(course).modules());
            if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
                throw new Args.UsageError("the submission folder does not exist: " + submission);
            }
            Args.outsideCourse("the output folder", out, course, true, submission);
            claimOutput(out, a.has("force"));
        } catch (Args.UsageError e) {
            stderr.println(e.getMessage());
            stderr.println(USAGE);
            return Args.USAGE;
        } catch (IOException e) {
            stderr.println("cannot use the output folder: " + e);
            return Args.USAGE;
        }
        try {
            String student = a.get("student", submission.getFileName().toString());
            long seed = SubmissionSeed.of(SubmissionSeed.secret(course, a.get("secret-file")), student);
            long start = System.nanoTime();
            List<ModuleGrade> grades = grade(course, submission, out, modules, Map.of("calculus.seed",
                Long.toString(seed)));
            String summary = Gradescope.summary(grades);
            Files.writeString(out.resolve("results.json"), Gradescope.results(grades,
                (System.nanoTime() - start) / 1e9), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            stdout.print(summary);
            boolean broken = grades.stream().anyMatch(g -> g.problem().startsWith(GRADER_FAULT));
            return broken ? 3 : 0;
        } catch (IOException | RuntimeException e) {
            stderr.println("grading failed (not the student's fault): " + e);
            return 3;
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
        return grade(new ModuleGrader(), course, submission, out.resolve("work"), modules, configuration);
    }

    /**
     * Grades the named modules of a submission with the given grader (and its test JVMs).
     *
     * @param work a folder of the grader's own, one sub-folder per module, emptied as it grades
     */
    static List<ModuleGrade> grade(ModuleGrader grader, Path course, Path submission, Path work,
                                   List<String> modules, Map<String, String> configuration) throws IOException {
        Course c = new Course(course);
        List<Path> classpath = GradeModule.classpath(work);
        List<ModuleGrade> grades = new ArrayList<>();
        Files.createDirectories(work);
        for (String m : modules) {
            Path code = submission.resolve(m).resolve("src").resolve("main").resolve("java");
            if (!hasJava(code)) {
                // nothing submitted for this module: the course's skeleton is graded, and earns nothing
                code = c.skeleton(m);
            }
            try {
                GradingJob job = c.job(m, code, ModuleReport.EXERCISE, true, classpath,
                    work.resolve(m), configuration, "submission");
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
