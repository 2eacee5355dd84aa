package calculus.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import calculus.grader.engine.Course;

/**
 * Makes a class of fake submissions to try {@link GradeClass} on: student {@code i} hands in the reference of
 * every module with the corpus case {@code i mod cases} laid over it (its files and edits, as {@link CorpusCheck}
 * lays it out), so that the class holds full marks, wrong answers, code that does not compile, endless loops and
 * the other cases in turn.
 *
 * <p>Usage: {@code FakeClass --course DIR --out DIR --students N [--cases a,b,...]}; the output folder must be new
 * or empty. Student folders are named {@code student-NNN-CASE}.
 */
public final class FakeClass {

    private FakeClass() {
    }

    public static void main(String[] args) {
        try {
            Args a = Args.parse(args, Set.of("course", "out", "students", "cases"), Set.of(), 0);
            Path course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            Path out = Path.of(a.required("out")).toAbsolutePath().normalize();
            int n;
            try {
                n = Integer.parseInt(a.required("students"));
            } catch (NumberFormatException e) {
                throw new Args.UsageError("--students must be a number");
            }
            Args.outsideCourse("the output folder", out, course, true);
            if (!Args.emptyOrMissing(out)) {
                throw new Args.UsageError("the output folder " + out + " is not empty");
            }
            Path corpus = course.resolve("tools").resolve("corpus");
            List<Path> cases;
            try (Stream<Path> list = Files.list(corpus)) {
                cases = list.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
            }
            if (a.get("cases") != null) {
                List<String> wanted = List.of(a.get("cases").split(","));
                cases = cases.stream().filter(c -> wanted.contains(c.getFileName().toString())).toList();
                if (cases.size() != wanted.size()) {
                    throw new Args.UsageError("--cases names a case that is not in " + corpus);
                }
            }
            List<String> modules = new Course(course).modules();
            for (int i = 0; i < n; i++) {
                Path c = cases.get(i % cases.size());
                Path student = out.resolve(String.format("student-%03d-%s", i + 1, c.getFileName()));
                CorpusCheck.layOut(course, c, student, modules);
            }
            System.out.println(n + " submissions written to " + out);
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            System.exit(Args.USAGE);
        } catch (IOException | RuntimeException e) {
            System.err.println("failed: " + e);
            System.exit(1);
        }
    }
}
