package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.Gson;

/**
 * The bad-submission corpus ({@code tools/corpus}) is well-formed, so that {@link CorpusCheck} grades what each case
 * means: checked without grading anything, from the grading module's working directory.
 */
class CorpusCheckTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
    private static final Path CORPUS = COURSE.resolve("tools").resolve("corpus");
    private static final Set<String> KEYS = Set.of("description", "scores", "base", "reasons", "edits", "generate",
        "links");
    private static final Set<String> BASES = Set.of("reference", "skeleton", "none");
    private static final Pattern FULL_MARKS = Pattern.compile("[:,;]\\s*full marks");

    @BeforeAll
    static void onlyInTheInstructorsCourse() {
        // a student copy has neither the solutions nor the corpus, and may still run the check
        assumeTrue(Files.isDirectory(COURSE.resolve("solutions")), "no solutions/: a student copy, no corpus");
    }

    static Stream<String> cases() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of();
        }
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expected(String name) {
        return (Map<String, Object>) new Gson().fromJson(
            CourseFiles.read(CORPUS.resolve(name).resolve("expected.json")), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> expected, String key) {
        return (Map<String, Object>) expected.getOrDefault(key, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edits(Map<String, Object> expected) {
        return (List<Map<String, Object>>) expected.getOrDefault("edits", List.of());
    }

    @Test
    @DisplayName("the corpus is there, next to the grading module, with cases in it")
    void corpusExists() throws IOException {
        assertThat(CORPUS).isDirectory();
        assertThat(cases()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("every case has an expected.json with a description and only the keys CorpusCheck reads")
    void descriptionAndKeys(String name) {
        assertThat(CORPUS.resolve(name).resolve("expected.json"))
            .as("%s: without expected.json, CorpusCheck silently skips the case", name).isRegularFile();
        Map<String, Object> expected = expected(name);

        assertThat(expected.keySet()).as("%s: keys of expected.json", name).isSubsetOf(KEYS);
        assertThat(expected.get("description")).as("%s: description", name)
            .isInstanceOfSatisfying(String.class, d -> assertThat(d).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("every case scores known modules with whole, non-negative points")
    void scores(String name) {
        Map<String, Object> expected = expected(name);

        assertThat(expected.get("scores")).as("%s: scores", name).isInstanceOf(Map.class);
        Map<String, Object> scores = map(expected, "scores");
        assertThat(scores).as("%s: scores", name).isNotEmpty();
        assertThat(scores.keySet()).as("%s: the modules scored", name).isSubsetOf(CourseFiles.modules(COURSE));
        assertThat(scores.values()).as("%s: the scores", name).allSatisfy(score -> assertThat(score)
            .isInstanceOfSatisfying(Double.class, d -> assertThat(d).isNotNegative().isEqualTo(Math.rint(d))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a case's base, if it names one, is reference, skeleton or none")
    void base(String name) {
        Object base = expected(name).getOrDefault("base", "reference");

        assertThat(base).as("%s: base", name).isIn(BASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a case gives reasons only for modules it scores, each a text the summary must show")
    void reasons(String name) {
        Map<String, Object> expected = expected(name);
        Map<String, Object> reasons = map(expected, "reasons");

        assertThat(reasons.keySet()).as("%s: modules with a reason", name).isSubsetOf(map(expected, "scores").keySet());
        assertThat(reasons.values()).as("%s: reasons", name)
            .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(String.class, s -> assertThat(s).isNotBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a case is not empty (files of its own, edits, generated files or links) unless it is the reference "
        + "handed in unchanged")
    void notEmpty(String name) throws IOException {
        Map<String, Object> expected = expected(name);
        List<String> own;
        try (Stream<Path> walk = Files.walk(CORPUS.resolve(name))) {
            own = walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                .filter(f -> !f.equals("expected.json")).toList();
        }

        if (!"reference".equals(expected.getOrDefault("base", "reference"))) {
            int made = ((List<?>) expected.getOrDefault("generate", List.of())).size()
                + ((List<?>) expected.getOrDefault("links", List.of())).size();
            assertThat(own.size() + edits(expected).size() + made).as("%s: files of its own, edits, generated files "
                + "and links", name).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("every edit names a file of a module the case scores, and its find text is in that file exactly "
        + "once")
    void editsApply(String name, @TempDir Path submission) throws IOException {
        Map<String, Object> expected = expected(name);
        Set<String> modules = map(expected, "scores").keySet();
        String base = String.valueOf(expected.getOrDefault("base", "reference"));

        for (Map<String, Object> edit : edits(expected)) {
            assertThat(edit.keySet()).as("%s: keys of an edit", name).containsExactlyInAnyOrder("file", "find",
                "replace");
            assertThat(edit.values()).as("%s: an edit's texts", name).allMatch(String.class::isInstance);
            String file = (String) edit.get("file");
            assertThat(modules).as("%s: the module of the edited file %s", name, file)
                .contains(Path.of(file).getName(0).toString());
            // the file as CorpusCheck lays it out: the case's own copy, or else the base's
            Path source = CORPUS.resolve(name).resolve(file);
            if (!Files.exists(source)) {
                source = "reference".equals(base) ? COURSE.resolve("solutions").resolve(file) : COURSE.resolve(file);
            }
            Path target = submission.resolve(file);
            if (!Files.exists(target)) {
                assertThat(source).as("%s: the edited file", name).isRegularFile();
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
            String before = CourseFiles.read(target);

            assertThatCode(() -> CorpusCheck.applyEdit(submission, edit)).as("%s: the edit of %s", name, file)
                .doesNotThrowAnyException();
            assertThat(CourseFiles.read(target)).as("%s: %s after the edit", name, file).isNotEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a case whose description gives full marks as the outcome expects more than 0 points in each module")
    void fullMarksAreNotZero(String name) {
        Map<String, Object> expected = expected(name);
        // "unchanged: full marks", "all ignored, full marks", but not "a results.json claiming full marks"
        assumeTrue(FULL_MARKS.matcher(String.valueOf(expected.get("description"))).find(), "no full marks given");

        assertThat(map(expected, "scores").values()).as("%s: the scores", name)
            .allSatisfy(score -> assertThat((Double) score).isPositive());
    }
}
