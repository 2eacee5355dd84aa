package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.Gson;

/**
 * Grades a corpus of bad submissions and checks that each gets exactly the score it must: the proof that student
 * code cannot break or game the grade.
 *
 * <p>Usage: {@code CorpusCheck --course DIR --corpus DIR --out DIR}
 *
 * <p>Each case is a folder with {@code expected.json} ({@code {"description": "...", "scores":
 * {"01-derivatives": 92}}}) and the files of the submission. A case starts from the reference solutions of the
 * modules it scores (copied as each module's {@code src/main}) unless {@code "base": "skeleton"} (or
 * {@code "none"}: nothing); then its own
 * files are laid over them (an edited test, a fake build file), and its {@code "edits"} are applied: each replaces
 * the one occurrence of {@code "find"} in a {@code "file"} by {@code "replace"}. The case passes
 * when {@link GradeSubmission} gives each module exactly the expected score. Exit code 0 when every case passes.
 */
public final class CorpusCheck {

    /** The secret the cases' seeds are drawn from: fixed, so a case is graded alike everywhere. */
    static final String SECRET = "calculus corpus";

    private CorpusCheck() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path course = Path.of(options.getOrDefault("course", ".")).toAbsolutePath().normalize();
        Path corpus = Path.of(options.getOrDefault("corpus", course.resolve("tools/corpus").toString()));
        Path out = Path.of(options.getOrDefault("out", course.resolve("target/corpus").toString())).toAbsolutePath();
        List<Path> cases;
        try (Stream<Path> list = Files.list(corpus)) {
            cases = list.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
        }
        int failed = 0;
        for (Path c : cases) {
            long start = System.nanoTime();
            List<String> problems = check(course, c, out.resolve(c.getFileName().toString()));
            String seconds = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
            String scores = scores(out.resolve(c.getFileName().toString()).resolve("summary.txt"));
            if (problems.isEmpty()) {
                System.out.println("PASS  " + c.getFileName() + " (" + seconds + ") " + scores);
            } else {
                failed++;
                System.out.println("FAIL  " + c.getFileName() + " (" + seconds + ") " + scores);
                problems.forEach(p -> System.out.println("        " + p));
            }
        }
        System.out.printf("corpus: %d passed, %d failed%n", cases.size() - failed, failed);
        System.exit(failed == 0 && !cases.isEmpty() ? 0 : 1);
    }

    /** The modules' scores from a case's summary.txt, on one line: {@code 01-derivatives 104/114, ...}. */
    private static String scores(Path summary) throws IOException {
        if (!Files.isRegularFile(summary)) {
            return "";
        }
        return CourseFiles.read(summary).lines()
            .filter(l -> !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("total"))
            .map(l -> l.trim().replaceAll("\\s+", " "))
            .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * One edit of a submission's file: its only occurrence of {@code find} becomes {@code replace}. A case is a
     * small change to good code, so it reads as what the student got wrong, and fails loudly if the code it
     * edits has changed since.
     */
    static void applyEdit(Path submission, Map<String, Object> edit) throws IOException {
        Path file = submission.resolve(String.valueOf(edit.get("file")));
        String text = CourseFiles.read(file);
        String find = String.valueOf(edit.get("find"));
        int at = text.indexOf(find);
        if (at < 0 || text.indexOf(find, at + 1) >= 0) {
            throw new IllegalStateException("the corpus edit of " + edit.get("file") + " must match exactly once, "
                + "and matches " + (at < 0 ? "nowhere" : "more than once") + ": " + find);
        }
        Files.writeString(file, text.substring(0, at) + edit.get("replace") + text.substring(at + find.length()));
    }

    /**
     * Files too big, or too many, to keep in the repository, made when the case is graded: {@code "head"}, then
     * {@code "text"} {@code "times"} times (once if not given), then {@code "tail"}; with {@code "copies": n},
     * n files, {@code {i}} in the name and the texts standing for 0, 1, ... n - 1.
     */
    static void generate(Path submission, Map<String, Object> generated) throws IOException {
        int copies = ((Number) generated.getOrDefault("copies", 1)).intValue();
        int times = ((Number) generated.getOrDefault("times", 1)).intValue();
        for (int i = 0; i < copies; i++) {
            String n = Integer.toString(i);
            Path file = submission.resolve(String.valueOf(generated.get("file")).replace("{i}", n));
            Files.createDirectories(file.getParent());
            String text = String.valueOf(generated.get("text")).replace("{i}", n);
            Files.writeString(file, String.valueOf(generated.getOrDefault("head", "")).replace("{i}", n)
                + text.repeat(times) + String.valueOf(generated.getOrDefault("tail", "")).replace("{i}", n),
                StandardCharsets.UTF_8);
        }
    }

    /**
     * A symbolic link in the submission, {@code "link"}, to a file or folder of the course, {@code "to"} (relative
     * to the course's root, so the case works in every clone): git keeps links, but copying the case would
     * follow them.
     */
    static void link(Path course, Path submission, Map<String, Object> link) throws IOException {
        Path at = submission.resolve(String.valueOf(link.get("link")));
        Path to = course.resolve(String.valueOf(link.get("to"))).toAbsolutePath().normalize();
        if (!Files.exists(to)) {
            throw new IllegalStateException("the corpus link " + link.get("link") + " points to " + link.get("to")
                + ", which the course does not have");
        }
        Files.createDirectories(at.getParent());
        CourseFiles.deleteTree(at);
        Files.createSymbolicLink(at, to);
    }

    /**
     * Lays out a case's submission: the case's base (the reference, the skeleton or nothing) for the modules it
     * scores, the reference for the other modules given, then the case's own files and edits.
     *
     * @param others modules to lay out from the reference beside the case's own (a whole course for a fake class)
     */
    @SuppressWarnings("unchecked")
    static void layOut(Path course, Path caseDir, Path submission, List<String> others) throws IOException {
        Map<String, Object> expected = (Map<String, Object>) new Gson().fromJson(CourseFiles.read(caseDir.resolve(
            "expected.json")), Map.class);
        Map<String, Object> scores = (Map<String, Object>) expected.get("scores");
        String base = String.valueOf(expected.getOrDefault("base", "reference"));
        java.util.Set<String> modules = new java.util.LinkedHashSet<>(others);
        modules.addAll(scores.keySet());
        for (String module : modules) {
            String b = scores.containsKey(module) ? base : "reference";
            Path from = switch (b) {
                case "reference" -> course.resolve("solutions").resolve(module);
                case "skeleton" -> course.resolve(module);
                case "none" -> null;
                default -> throw new IllegalArgumentException(caseDir + ": base must be reference, skeleton or none, "
                    + "got base = " + base);
            };
            if (from != null) {
                CourseFiles.copyTree(from.resolve("src").resolve("main"),
                    submission.resolve(module).resolve("src").resolve("main"), p -> true);
            }
        }
        // the case's own files go in as they are, build folders included: a submission may hold anything
        CourseFiles.copyEverything(caseDir, submission, p -> !p.toString().equals("expected.json"));
        for (Object e : (List<Object>) expected.getOrDefault("edits", List.of())) {
            applyEdit(submission, (Map<String, Object>) e);
        }
        for (Object g : (List<Object>) expected.getOrDefault("generate", List.of())) {
            generate(submission, (Map<String, Object>) g);
        }
        for (Object l : (List<Object>) expected.getOrDefault("links", List.of())) {
            link(course, submission, (Map<String, Object>) l);
        }
    }

    /** Grades one case; returns what differs from its expectation. */
    @SuppressWarnings("unchecked")
    static List<String> check(Path course, Path caseDir, Path out) throws IOException {
        Map<String, Object> expected = (Map<String, Object>) new Gson().fromJson(CourseFiles.read(caseDir.resolve(
            "expected.json")), Map.class);
        Map<String, Object> scores = (Map<String, Object>) expected.get("scores");
        Path submission = out.resolve("submission");
        CourseFiles.deleteTree(out);
        layOut(course, caseDir, submission, List.of());
        // graded as a submission is: with a seed of its own, not the course's public one (so that answers tabulated
        // from the public runs do not replay), drawn from a fixed secret and the case's name, so that a case's
        // score does not depend on who grades it or when
        long seed = SubmissionSeed.of(SECRET, caseDir.getFileName().toString());
        List<GradeSubmission.ModuleGrade> grades = GradeSubmission.grade(course, submission, out,
            new ArrayList<>(scores.keySet()), Map.of("calculus.seed", Long.toString(seed)));
        Map<String, Object> reasons = (Map<String, Object>) expected.getOrDefault("reasons", Map.of());
        List<String> problems = new ArrayList<>();
        for (GradeSubmission.ModuleGrade g : grades) {
            int want = ((Number) scores.get(g.module())).intValue();
            int got = g.report() == null ? 0 : g.report().score();
            if (got != want || g.problem().startsWith(GradeSubmission.GRADER_FAULT)) {
                problems.add(g.module() + ": expected " + want + " points, got " + got
                    + (g.problem().isEmpty() ? "" : " (" + g.problem().lines().findFirst().orElse("") + ")"));
            }
            // the right score for the wrong reason proves nothing: the grade must say why
            Object reason = reasons.get(g.module());
            if (reason != null && !Gradescope.summary(List.of(g)).contains(reason.toString())) {
                problems.add(g.module() + ": the grade does not say \"" + reason + "\" (see summary.txt)");
            }
        }
        Files.writeString(out.resolve("summary.txt"), Gradescope.summary(grades), StandardCharsets.UTF_8);
        // whatever the code printed or threw, the results must be written as they would be for Gradescope
        try {
            Files.writeString(out.resolve("results.json"), Gradescope.results(grades), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.add("results.json could not be written: " + e);
        }
        return problems;
    }
}
