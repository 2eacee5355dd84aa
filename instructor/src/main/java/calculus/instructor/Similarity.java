package calculus.instructor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import calculus.grader.engine.Course;
import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;

/**
 * A similarity report of a class with JPlag (4.3.0: 5.x needs Java 21, the course runs on 17): per module, the code every student wrote
 * ({@code NN-topic/src/main/java}) compared with every other student's, the module's skeleton as base code so that
 * what the course gives does not count. It points an instructor at pairs to read; it is no verdict.
 *
 * <p>Usage: {@code Similarity --course DIR --submissions DIR --out DIR [--modules LIST] [--top N]}. Writes
 * {@code OUT/similarity.md} (each module's most similar pairs) and {@code OUT/similarity/MODULE.zip} (JPlag's full
 * report: open it at https://jplag.github.io/JPlag/).
 */
public final class Similarity {

    private Similarity() {
    }

    static final String USAGE = "usage: Similarity --course DIR --submissions DIR --out DIR [--modules LIST] [--top N]";

    /** One pair of students and how similar their code of a module is (JPlag's average similarity, 0 to 1). */
    record Pair(String module, String first, String second, double similarity) {
    }

    public static void main(String[] args) {
        try {
            Args a = Args.parse(args, Set.of("course", "submissions", "out", "modules", "top"), Set.of(), 0);
            Path course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            Path submissions = Path.of(a.required("submissions")).toAbsolutePath().normalize();
            Path out = Path.of(a.required("out")).toAbsolutePath().normalize();
            List<String> modules = Args.modules(a.get("modules"), new Course(course).modules());
            int top = Integer.parseInt(a.get("top", "10"));
            if (!Files.isDirectory(submissions, LinkOption.NOFOLLOW_LINKS)) {
                throw new Args.UsageError("the submissions folder does not exist: " + submissions);
            }
            Args.outsideCourse("the output folder", out, course, true, submissions);
            List<GradeClass.Student> students = GradeClass.students(submissions);
            String md = report(course, students, out, modules, top);
            Files.writeString(out.resolve("similarity.md"), md, StandardCharsets.UTF_8);
            System.out.print(md);
            System.exit(0);
        } catch (Args.UsageError | NumberFormatException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(Args.USAGE);
        } catch (IOException | RuntimeException e) {
            System.err.println("the similarity report failed: " + e);
            System.exit(1);
        }
    }

    /**
     * Compares the students' code module by module, writes JPlag's reports into {@code out/similarity/} and returns
     * the Markdown section that lists each module's {@code top} most similar pairs.
     */
    static String report(Path course, List<GradeClass.Student> students, Path out, List<String> modules, int top)
        throws IOException {
        Path work = out.resolve("similarity");
        StringBuilder md = new StringBuilder("## Similarity (JPlag " + JPlag.JPLAG_VERSION + ")\n\n"
            + "The code each student wrote, compared per module with the skeleton as base code. High similarity is a "
            + "reason to read both submissions, not a verdict. Full reports: `similarity/MODULE.zip`, to open at "
            + "https://jplag.github.io/JPlag/.\n\n");
        Course c = new Course(course);
        for (String module : modules) {
            List<Pair> pairs = compare(c, students, out, work, module);
            md.append("### ").append(module).append("\n\n");
            if (pairs == null) {
                md.append("Fewer than two students wrote code for this module.\n\n");
                continue;
            }
            md.append("| similarity | students |\n|---:|---|\n");
            for (Pair p : pairs.subList(0, Math.min(top, pairs.size()))) {
                md.append(String.format("| %.0f%% | %s, %s |%n", 100 * p.similarity(), p.first(), p.second()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The pairs of one module, most similar first, or {@code null} when fewer than two students wrote code. */
    static List<Pair> compare(Course course, List<GradeClass.Student> students, Path out, Path work, String module)
        throws IOException {
        Path root = work.resolve("input-" + module);
        CourseFiles.deleteTree(root);
        Path subs = root.resolve("submissions");
        int n = 0;
        for (GradeClass.Student s : students) {
            Path dir = s.source();
            if (Files.isRegularFile(dir)) {
                dir = out.resolve("unpacked").resolve(s.id());
                if (!Files.isDirectory(dir)) {
                    GradeClass.unzip(s.source(), dir);
                }
            }
            Path code = GradeClass.courseRoot(dir).resolve(module).resolve("src").resolve("main").resolve("java");
            if (Files.isDirectory(code, LinkOption.NOFOLLOW_LINKS)) {
                int copied = CourseFiles.copyTree(code, subs.resolve(s.id()), p -> p.toString().endsWith(".java")
                    && !Files.isSymbolicLink(code.resolve(p.toString())));
                n += copied > 0 ? 1 : 0;
            }
        }
        if (n < 2) {
            return null;
        }
        Path base = root.resolve("base");
        CourseFiles.copyTree(course.skeleton(module), base, p -> p.toString().endsWith(".java"));
        JPlagOptions options = new JPlagOptions(new de.jplag.java.Language(), Set.of(subs.toFile()), Set.<File>of())
            .withBaseCodeSubmissionDirectory(base.toFile());
        JPlagResult result;
        try {
            result = new JPlag(options).run();
        } catch (ExitException e) {
            throw new IOException("JPlag failed on " + module + ": " + e.getMessage(), e);
        }
        Files.createDirectories(work);
        // JPlag writes the folder given and a zip of it beside it; the zip is kept
        new ReportObjectFactory().createAndSaveReport(result, work.resolve(module).toString());
        CourseFiles.deleteTree(work.resolve(module));
        List<Pair> pairs = new ArrayList<>();
        for (JPlagComparison cmp : result.getAllComparisons()) {
            String a = cmp.firstSubmission().getName();
            String b = cmp.secondSubmission().getName();
            pairs.add(a.compareTo(b) <= 0 ? new Pair(module, a, b, cmp.similarity())
                : new Pair(module, b, a, cmp.similarity()));
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed()
            .thenComparing(Pair::first).thenComparing(Pair::second));
        CourseFiles.deleteTree(root);
        return pairs;
    }
}
