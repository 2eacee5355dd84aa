package calculus.instructor;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Proves that no reference code and no hidden test leaked into a student release.
 *
 * <p>What must not leak is known from the references' markers ({@link Skeletons}): every statement of a marked
 * region (the code the student writes, and what only the reference has: its helpers, its fields, its own files), and
 * every statement of the hidden tests ({@code solutions/NN-topic/src/hidden-test}). A statement here is a piece of
 * code cut at {@code ;}, <code>{</code> and <code>}</code>, comments left out, white space removed, of at least
 * {@value JavaText#TELLING} characters. Not searched for: what the code students are given on purpose already holds
 * ({@link #givenCode}: the skeletons' own code, the visible tests, the grader, the oracles and the plotting library),
 * and single calls of a method a skeleton gives (an input check such as {@code Checks.requirePositive(h, "h")}).
 *
 * <p>The search covers every file of the release (code, comments, Javadoc, documents, build files), white space
 * ignored (and the {@code *} or {@code //} that starts a comment line), so that a statement broken over two lines is
 * found too; build folders and binary files are skipped. A module's lesson and hints ({@code NN-topic/README.md},
 * {@code NN-topic/hints.md}) quote formulas and code on purpose (house style, rule 12: the formula belongs in the
 * lesson and on the last rung of the hint ladder): there only the hidden tests are looked for.
 */
final class LeakCheck {

    /** A module's lesson and hints: they quote formulas and code on purpose, but never a hidden test. */
    static final Pattern LESSONS = Pattern.compile("\\d\\d-[^/]+/(README|hints)\\.md");

    private static final String HIDDEN = "the hidden test ";

    private LeakCheck() {
    }

    /**
     * Finds leaks of the course's reference code and hidden tests into a release.
     *
     * @return one line per leaked statement, naming the file it was found in and where it comes from
     */
    static List<String> leaks(Path course, Path release) throws IOException {
        Map<String, String> secrets = secrets(course);
        List<String> found = new ArrayList<>();
        for (Path file : CourseFiles.courseFiles(release)) {
            String name = file.toString().replace('\\', '/');
            String text = readText(release.resolve(file.toString()));
            if (text == null) {
                continue;
            }
            boolean lesson = LESSONS.matcher(name).matches();
            String squeezed = JavaText.searchable(text);
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                if (lesson && !secret.getValue().startsWith(HIDDEN)) {
                    continue;
                }
                if (squeezed.contains(secret.getKey())) {
                    found.add(name + " holds a statement of " + secret.getValue() + ": " + secret.getKey());
                }
            }
        }
        return found;
    }

    /**
     * Every statement that must not leak, with where it comes from: the statements of the references' marked regions
     * and of the hidden tests, less those that code students are given on purpose already holds.
     */
    static Map<String, String> secrets(Path course) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String module : CourseFiles.modules(course)) {
            if (Files.isDirectory(Skeletons.referenceRoot(course, module))) {
                Skeletons.secrets(course, module).forEach(secrets::putIfAbsent);
            }
            Path hidden = course.resolve("solutions").resolve(module).resolve("src").resolve("hidden-test")
                .resolve("java");
            for (String file : Skeletons.files(hidden)) {
                String origin = HIDDEN + "solutions/" + module + "/src/hidden-test/java/" + file;
                for (String s : JavaText.statements(Files.readString(hidden.resolve(file), StandardCharsets.UTF_8))) {
                    secrets.putIfAbsent(s, origin);
                }
            }
        }
        String given = givenCode(course);
        secrets.keySet().removeIf(given::contains);
        return secrets;
    }

    /**
     * The code students are given on purpose, comments left out and squeezed: every module's skeletons (as the
     * generator writes them), the visible tests, and the grader, the oracles and the plotting library with their
     * tests. What it holds is no secret: a hidden test shares imports, tolerances and oracle calls with the visible
     * ones, a reference shares a loop header or an input check with some given code.
     */
    static String givenCode(Path course) throws IOException {
        StringBuilder given = new StringBuilder();
        List<Path> roots = new ArrayList<>();
        for (String module : CourseFiles.modules(course)) {
            if (Files.isDirectory(Skeletons.referenceRoot(course, module))) {
                for (String text : Skeletons.generate(course, module).values()) {
                    given.append(JavaText.squeeze(JavaText.blankComments(text))).append('\n');
                }
            }
            roots.add(course.resolve(module).resolve("src").resolve("test").resolve("java"));
        }
        for (String library : List.of("grader", "oracles", "plot")) {
            roots.add(course.resolve(library).resolve("src"));
        }
        for (Path root : roots) {
            for (String file : Skeletons.files(root)) {
                if (file.endsWith(".java")) {
                    String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
                    given.append(JavaText.squeeze(JavaText.blankComments(text))).append('\n');
                }
            }
        }
        return given.toString();
    }

    /** A file's text, or null for a file that is not UTF-8 text (an image). */
    private static String readText(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
