package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.Gson;

import calculus.grader.engine.Course;
import calculus.grader.engine.ModuleGrader;

/**
 * The grading step of the Gradescope autograder ({@code run_autograder}): lays the submission out as the course
 * does, grades it with the official tests, and writes Gradescope's {@code results.json}.
 *
 * <p>Usage: {@code GradescopeRun --course DIR --submission DIR --results FILE --work DIR [--metadata FILE]
 * [--secret-file FILE] [--modules LIST]}
 *
 * <p>A submission is a copy of the course (a repository from GitHub or Bitbucket, or an upload of the course
 * folder, at any depth), or loose {@code .java} files, each placed into the module whose skeleton has its package
 * and file. The student's identity, which seeds their random inputs, is their Gradescope user id from the
 * submission's metadata (or the submission's id). Exit code 0 when results.json is written.
 */
public final class GradescopeRun {

    private GradescopeRun() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            Args a = Args.parse(args, Set.of("course", "submission", "results", "work", "metadata", "secret-file",
                "modules"), Set.of(), 0);
            Path course = Path.of(a.required("course")).toAbsolutePath().normalize();
            Path submission = Path.of(a.required("submission")).toAbsolutePath().normalize();
            Path results = Path.of(a.required("results")).toAbsolutePath().normalize();
            Path work = Path.of(a.required("work")).toAbsolutePath().normalize();
            List<String> modules = Args.modules(a.get("modules"), new Course(course).modules());
            long start = System.nanoTime();
            String student = identity(a.get("metadata") == null ? null : Path.of(a.get("metadata")));
            long seed = SubmissionSeed.of(SubmissionSeed.secret(course, a.get("secret-file")), student);
            Path laidOut = layOut(course, submission, work.resolve("submission"), modules);
            List<GradeSubmission.ModuleGrade> grades = GradeSubmission.grade(new ModuleGrader(), course, laidOut,
                work.resolve("modules"), modules, Map.of("calculus.seed", Long.toString(seed)));
            Files.createDirectories(results.getParent());
            Files.writeString(results, Gradescope.results(grades, (System.nanoTime() - start) / 1e9),
                StandardCharsets.UTF_8);
            System.out.print(Gradescope.summary(grades));
            return 0;
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            return Args.USAGE;
        } catch (IOException | RuntimeException e) {
            System.err.println("grading failed (not the student's fault): " + e);
            return 3;
        }
    }

    /** The student's identity from Gradescope's submission metadata: the first user's id, else the submission's. */
    @SuppressWarnings("unchecked")
    static String identity(Path metadata) {
        if (metadata == null || !Files.isRegularFile(metadata)) {
            return "submission";
        }
        try {
            Map<String, Object> m = new Gson().fromJson(Files.readString(metadata, StandardCharsets.UTF_8),
                Map.class);
            Object users = m.get("users");
            if (users instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> user) {
                Object id = user.get("id") != null ? user.get("id") : user.get("email");
                if (id != null) {
                    return "gradescope-user-" + stripNumber(id);
                }
            }
            Object id = m.get("id");
            return id == null ? "submission" : "gradescope-submission-" + stripNumber(id);
        } catch (IOException | RuntimeException e) {
            return "submission";
        }
    }

    private static String stripNumber(Object id) {
        return id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            ? Long.toString(n.longValue()) : String.valueOf(id);
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /**
     * The submission as a course copy: the folder that holds the module folders (the submission, or a folder
     * inside it), or else a new folder into which every loose {@code .java} file is placed by its package, in the
     * module whose skeleton has that package.
     */
    static Path layOut(Path course, Path submission, Path into, List<String> modules) throws IOException {
        Path root = GradeClass.courseRoot(submission);
        try (Stream<Path> list = Files.list(root)) {
            if (list.anyMatch(p -> modules.contains(p.getFileName().toString()))) {
                return root;
            }
        }
        Course c = new Course(course);
        List<Path> java;
        try (Stream<Path> walk = Files.walk(submission)) {
            java = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> p.toString().endsWith(".java")).toList();
        }
        Files.createDirectories(into);
        List<String> unplaced = new ArrayList<>();
        for (Path file : java) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = PACKAGE.matcher(text);
            String pkg = m.find() ? m.group(1) : "";
            String relative = pkg.replace('.', '/') + (pkg.isEmpty() ? "" : "/") + file.getFileName();
            String module = modules.stream().filter(mod -> Files.isDirectory(c.skeleton(mod)
                .resolve(pkg.replace('.', '/')))).findFirst().orElse(null);
            if (module == null) {
                unplaced.add(file.getFileName().toString());
                continue;
            }
            Path target = into.resolve(module).resolve("src").resolve("main").resolve("java").resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        if (!unplaced.isEmpty()) {
            System.out.println("not in any module's package, left out: " + String.join(", ", unplaced));
        }
        return into;
    }
}
