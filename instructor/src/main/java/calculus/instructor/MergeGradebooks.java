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
import java.util.TreeMap;
import java.util.stream.Stream;

import calculus.grader.engine.Course;

/**
 * Puts the outputs of several {@code tools/grade-class --shard K/N} runs (one per machine, a GitHub Actions
 * matrix job each) together: every student's folder, one gradebook and one summary, as one run would have
 * written them. A student graded in two shards, or not graded at all in a shard's output, is an error.
 *
 * <p>Usage: {@code MergeGradebooks --course DIR --out DIR [--modules LIST] SHARD_OUT...}. Exit codes: 0 merged,
 * 2 wrong usage (also: a student in two shards, a shard without grades).
 */
public final class MergeGradebooks {

    private MergeGradebooks() {
    }

    static final String USAGE = "usage: MergeGradebooks --course DIR --out DIR [--modules LIST] SHARD_OUT...";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            Args a = Args.parse(args, Set.of("course", "out", "modules"), Set.of(), 1000);
            Path course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            Path out = Path.of(a.required("out")).toAbsolutePath().normalize();
            List<String> modules = Args.modules(a.get("modules"), new Course(course).modules());
            List<Path> shards = new ArrayList<>();
            for (String s : a.positional()) {
                Path p = Path.of(s).toAbsolutePath().normalize();
                if (!Files.isDirectory(p.resolve("students"), LinkOption.NOFOLLOW_LINKS)) {
                    throw new Args.UsageError(s + " is no grade-class output (it has no students/ folder)");
                }
                shards.add(p);
            }
            if (shards.isEmpty()) {
                throw new Args.UsageError("name the shards' output folders");
            }
            Args.outsideCourse("the output folder", out, course, true, shards.toArray(Path[]::new));
            int n = merge(shards, out, modules);
            System.out.println("merged " + n + " students of " + shards.size() + " shards into "
                + out.resolve("gradebook.csv"));
            return 0;
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return Args.USAGE;
        } catch (IOException | RuntimeException e) {
            System.err.println("merging failed: " + e);
            return 1;
        }
    }

    /** Merges shard outputs into a new or earlier output; returns the number of students. */
    static int merge(List<Path> shards, Path out, List<String> modules) throws IOException {
        Map<String, Path> students = new TreeMap<>();
        for (Path shard : shards) {
            int found = 0;
            try (Stream<Path> list = Files.list(shard.resolve("students"))) {
                for (Path dir : list.sorted().toList()) {
                    if (!Files.isRegularFile(dir.resolve("grade.json"))) {
                        continue;
                    }
                    found++;
                    Path earlier = students.put(dir.getFileName().toString(), dir);
                    if (earlier != null) {
                        throw new Args.UsageError("the student " + dir.getFileName() + " is in two shards: "
                            + earlier.getParent().getParent() + " and " + shard);
                    }
                }
            }
            if (found == 0) {
                throw new Args.UsageError("the shard " + shard + " holds no graded student");
            }
        }
        GradeSubmission.claimOutput(out, false);
        List<GradeClass.Grade> grades = new ArrayList<>();
        for (Map.Entry<String, Path> e : students.entrySet()) {
            Path to = out.resolve("students").resolve(e.getKey());
            CourseFiles.deleteTree(to);
            CourseFiles.copyEverything(e.getValue(), to, p -> true);
            GradeClass.Grade g = GradeClass.read(to.resolve("grade.json"));
            if (g == null) {
                throw new IOException("unreadable grade: " + e.getValue().resolve("grade.json"));
            }
            grades.add(g);
        }
        Files.writeString(out.resolve("gradebook.csv"), GradeClass.gradebook(grades, modules),
            StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.md"), GradeClass.summary(grades), StandardCharsets.UTF_8);
        return grades.size();
    }
}
