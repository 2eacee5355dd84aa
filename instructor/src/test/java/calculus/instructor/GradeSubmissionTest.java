package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;

/**
 * Grading a submission through the grading engine: the reference earns every point, visible and hidden; a module
 * with nothing submitted is graded as the skeleton and earns nothing; wrong usage is exit code 2 with a message;
 * each student's random inputs come from the secret and their identity.
 */
class GradeSubmissionTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
    private static final String MODULE = "01-derivatives";

    @BeforeAll
    static void onlyInTheInstructorsCourse() {
        assumeTrue(Files.isDirectory(COURSE.resolve("solutions")), "no solutions/: a student copy");
    }

    /** A submission folder holding the reference of one module, copied file by file. */
    private static Path referenceSubmission(Path dir) throws IOException {
        Path from = new calculus.grader.engine.Course(COURSE).solution(MODULE);
        Path to = dir.resolve(MODULE).resolve("src").resolve("main").resolve("java");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return dir;
    }

    /** The outcome of a run: exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GradeSubmission.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("grading one module")
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // compiles and starts a test JVM: slow on a loaded machine
    class Grading {

        @TempDir
        Path temp;

        @Test
        @DisplayName("the reference earns every point of its module, hidden tests included, and results.json says so")
        void referenceEarnsFullPoints() throws IOException {
            Path submission = referenceSubmission(temp.resolve("alice"));
            Path out = temp.resolve("out");

            Run run = run("--course", COURSE.toString(), "--submission", submission.toString(), "--out",
                out.toString(), "--modules", MODULE, "--secret-file", secret(temp).toString());

            assertThat(run.code()).as(run.err()).isZero();
            @SuppressWarnings("unchecked")
            Map<String, Object> results = new Gson().fromJson(Files.readString(out.resolve("results.json")),
                Map.class);
            double score = ((Number) results.get("score")).doubleValue();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tests = (List<Map<String, Object>>) results.get("tests");
            double max = tests.stream().mapToDouble(t -> ((Number) t.get("max_score")).doubleValue()).sum();
            assertThat(score).isPositive().isEqualTo(max);
            assertThat(tests).anyMatch(t -> "after_published".equals(t.get("visibility")));
            assertThat(tests).allMatch(t -> "passed".equals(t.get("status")));
            assertThat(run.out()).contains(MODULE).contains("total");
            assertThat(out.resolve("summary.txt")).exists();
        }

        @Test
        @DisplayName("an empty submission is graded as the course's skeleton: it earns nothing, and nothing fails to "
            + "compile")
        void emptyEarnsNothing() throws IOException {
            Path submission = Files.createDirectories(temp.resolve("bob"));

            List<GradeSubmission.ModuleGrade> grades = GradeSubmission.grade(COURSE, submission, temp.resolve("out"),
                List.of(MODULE), Map.of("calculus.seed", "12345"));

            assertThat(grades).hasSize(1);
            GradeSubmission.ModuleGrade grade = grades.get(0);
            assertThat(grade.problem()).isEmpty();
            ModuleReport report = grade.report();
            assertThat(report.blocker()).isNull();
            assertThat(report.score()).isZero();
            assertThat(report.max()).isGreaterThanOrEqualTo(ModuleReport.MODULE_POINTS);
            assertThat(report.tests()).isNotEmpty().allMatch(t -> t.status() != Status.PASSED);
        }
    }

    private static Path secret(Path dir) throws IOException {
        return Files.writeString(dir.resolve("secret.txt"), "a test secret\n");
    }

    @Nested
    @DisplayName("wrong usage is exit code 2 with a message, and grades nothing")
    class WrongUsage {

        @TempDir
        Path temp;

        @Test
        @DisplayName("an unknown module is named, with the list of modules")
        void unknownModule() throws IOException {
            Path submission = Files.createDirectories(temp.resolve("s"));

            Run run = run("--course", COURSE.toString(), "--submission", submission.toString(), "--out",
                temp.resolve("out").toString(), "--modules", "07-nonsense");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("no module \"07-nonsense\"").contains(MODULE);
            assertThat(temp.resolve("out")).doesNotExist();
        }

        @Test
        @DisplayName("an empty, path-like or badly separated module list is refused, and names the modules")
        void badModuleLists() throws IOException {
            Path submission = Files.createDirectories(temp.resolve("s"));
            for (String modules : List.of(",", "", " ", "01-derivatives,", "../../../x", "01-derivatives/../..",
                "/tmp", "01-DERIVATIVES", "01-derivatives;02-partials")) {
                Run run = run("--course", COURSE.toString(), "--submission", submission.toString(), "--out",
                    temp.resolve("out").toString(), "--modules", modules);

                assertThat(run.code()).as(modules).isEqualTo(2);
                assertThat(run.err()).as(modules).contains("the modules are 01-derivatives, 02-partials");
            }
            assertThat(temp.resolve("out")).doesNotExist();
        }

        @Test
        @DisplayName("an output folder inside the course (but for its target folders, which git ignores and no "
            + "release copies), holding it, or inside the submission is refused")
        void outputInsideCourse() throws IOException {
            Path submission = Files.createDirectories(temp.resolve("s"));
            for (Path out : List.of(COURSE.resolve("graded-by-mistake"), COURSE.resolve("01-derivatives/graded"), COURSE,
                COURSE.getParent(), submission.resolve("out"), temp)) {
                Run run = run("--course", COURSE.toString(), "--submission", submission.toString(), "--out",
                    out.toString(), "--modules", MODULE);

                assertThat(run.code()).as(out.toString()).isEqualTo(2);
                assertThat(run.err()).as(out.toString()).containsAnyOf("must be outside the course", "holds it",
                    "overlaps");
            }
            assertThat(COURSE.resolve("graded-by-mistake")).doesNotExist();
        }

        @Test
        @DisplayName("a non-empty output folder this tool did not make is refused, its files untouched")
        void foreignOutput() throws IOException {
            Path submission = Files.createDirectories(temp.resolve("s"));
            Path out = Files.createDirectories(temp.resolve("thesis"));
            Files.writeString(out.resolve("chapter1.tex"), "years of work");
            Files.createDirectories(out.resolve("work"));

            Run run = run("--course", COURSE.toString(), "--submission", submission.toString(), "--out",
                out.toString(), "--modules", MODULE);
            Run forced = run("--course", COURSE.toString(), "--submission", submission.toString(), "--out",
                out.toString(), "--modules", MODULE, "--force");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("holds files this tool did not make");
            assertThat(forced.code()).isEqualTo(2);
            assertThat(forced.err()).contains("work/ folder this tool did not make");
            assertThat(out.resolve("chapter1.tex")).hasContent("years of work");
            assertThat(out.resolve(GradeSubmission.MARKER)).doesNotExist();
        }

        @Test
        @DisplayName("an unknown option, an option without its value, or a stray argument is refused")
        void unknownOptions() throws IOException {
            Path submission = Files.createDirectories(temp.resolve("s"));
            String out = temp.resolve("out").toString();

            assertThat(run("--submission", submission.toString(), "--out", out, "--modlues", MODULE).err())
                .contains("unknown option --modlues");
            assertThat(run("--submission", submission.toString(), "--out").err()).contains("--out needs a value");
            assertThat(run("--submission", submission.toString(), "--out", out, "extra").err())
                .contains("unexpected argument \"extra\"");
            assertThat(run("--submission", submission.toString(), "--out", out, "--out", out).err())
                .contains("given twice");
            assertThat(run("--submission", submission.toString(), "--out", out, "--modlues", MODULE).code())
                .isEqualTo(2);
            assertThat(temp.resolve("out")).doesNotExist();
        }

        @Test
        @DisplayName("without a submission or an output folder, the usage is printed")
        void missingArguments() {
            Run run = run("--course", COURSE.toString(), "--out", temp.resolve("out").toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("usage: GradeSubmission");
        }

        @Test
        @DisplayName("a submission folder that does not exist is named")
        void missingSubmission() {
            Run run = run("--course", COURSE.toString(), "--submission", temp.resolve("nobody").toString(),
                "--out", temp.resolve("out").toString(), "--modules", MODULE);

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("the submission folder does not exist");
        }
    }

    @Nested
    @DisplayName("SubmissionSeed")
    class Seeds {

        @Test
        @DisplayName("is the same for the same secret and student, and differs between students and between secrets")
        void perStudent() {
            long alice = SubmissionSeed.of("secret", "alice");

            assertThat(SubmissionSeed.of("secret", "alice")).isEqualTo(alice);
            assertThat(SubmissionSeed.of("secret", "bob")).isNotEqualTo(alice);
            assertThat(SubmissionSeed.of("other secret", "alice")).isNotEqualTo(alice);
            assertThat(Stream.of("a", "b", "c", "d", "e").map(s -> SubmissionSeed.of("secret", s)).distinct())
                .hasSize(5).allMatch(s -> s >= 0 && s < 1_000_000_000L);
        }
    }
}
