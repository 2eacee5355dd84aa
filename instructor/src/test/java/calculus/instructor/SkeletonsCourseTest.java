package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of this course's skeletons (run by {@code ./mvnw test -Dcheck}): each is exactly what the generator
 * writes from its reference, holds nothing of the marked regions, and points without telling; and the modules' given
 * input checks agree in naming.
 */
class SkeletonsCourseTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("every committed skeleton is what the generator writes from its reference, and no other file is "
        + "there; none holds a statement of a marked region; every TODO points without telling")
    void skeletonsAreGenerated() throws IOException {
        List<String> problems = Skeletons.check(COURSE, CourseFiles.modules(COURSE));

        assertThat(problems).withFailMessage(() -> Skeletons.report(problems)).isEmpty();
    }

    @Test
    @DisplayName("a deleted skeleton file is restored byte for byte by the generator, and only it is written")
    void regenerationRestoresDeletedFiles(@TempDir Path copy) throws IOException {
        for (String module : CourseFiles.modules(COURSE)) {
            CourseFiles.copyTree(Skeletons.referenceRoot(COURSE, module), Skeletons.referenceRoot(copy, module),
                p -> true);
            CourseFiles.copyTree(Skeletons.skeletonRoot(COURSE, module), Skeletons.skeletonRoot(copy, module),
                p -> true);
        }
        String central = "calculus/derivatives/CentralDifference.java";
        String value = "calculus/backprop/Value.java";
        Files.delete(Skeletons.skeletonRoot(copy, "01-derivatives").resolve(central));
        Files.delete(Skeletons.skeletonRoot(copy, "06-backprop").resolve(value));

        List<String> changes = Skeletons.write(copy, CourseFiles.modules(COURSE));

        assertThat(changes).containsExactly("wrote 01-derivatives/src/main/java/" + central,
            "wrote 06-backprop/src/main/java/" + value);
        assertThat(Files.readAllBytes(Skeletons.skeletonRoot(copy, "01-derivatives").resolve(central)))
            .isEqualTo(Files.readAllBytes(Skeletons.skeletonRoot(COURSE, "01-derivatives").resolve(central)));
        assertThat(Files.readAllBytes(Skeletons.skeletonRoot(copy, "06-backprop").resolve(value)))
            .isEqualTo(Files.readAllBytes(Skeletons.skeletonRoot(COURSE, "06-backprop").resolve(value)));
    }

    /** A method of a module's Checks class as the skeleton gives it: its Javadoc, declaration and body. */
    private record Helper(String module, String signature, String returnType, List<String> parameters, String text) {
    }

    private static final Pattern DECLARATION = Pattern.compile(
        "^ {4}static (?:<\\w+> )?([\\w<>\\[\\]]+) (\\w+)\\(([^)]*)\\) \\{$", Pattern.MULTILINE);

    /** The given methods of every module's Checks class, by module. */
    private static Map<String, List<Helper>> helpers() throws IOException {
        Map<String, List<Helper>> out = new LinkedHashMap<>();
        for (String module : CourseFiles.modules(COURSE)) {
            for (Map.Entry<String, String> e : Skeletons.generate(COURSE, module).entrySet()) {
                if (!e.getKey().endsWith("/Checks.java")) {
                    continue;
                }
                String text = e.getValue();
                List<Helper> helpers = new ArrayList<>();
                Matcher m = DECLARATION.matcher(text);
                while (m.find()) {
                    int start = text.lastIndexOf("    /**", m.start());
                    int end = text.indexOf("\n    }\n", m.end()) + "\n    }\n".length();
                    List<String> parameters = new ArrayList<>();
                    for (String p : m.group(3).split(", ")) {
                        parameters.add(p.strip());
                    }
                    String types = String.join(", ", parameters.stream().map(p -> p.substring(0, p.lastIndexOf(' ')))
                        .toList());
                    helpers.add(new Helper(module, m.group(2) + "(" + types + ")", m.group(1), parameters,
                        text.substring(start, end)));
                }
                out.put(module, helpers);
            }
        }
        return out;
    }

    @Test
    @DisplayName("every module with input checks gives them in a class named Checks, value first and its name second, "
        + "and a check of the same signature has the same Javadoc and body in every module")
    void inputChecksAgree() throws IOException {
        Map<String, List<Helper>> helpers = helpers();
        assertThat(helpers).as("modules with a Checks class").containsOnlyKeys("01-derivatives", "02-partials",
            "04-gradient", "05-gradient-descent", "06-backprop");
        for (String module : CourseFiles.modules(COURSE)) {
            assertThat(Skeletons.generate(COURSE, module).keySet()).as(module + ": another name for the checks")
                .noneMatch(f -> f.endsWith("/Arguments.java"));
        }
        Map<String, Helper> first = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (List<Helper> list : helpers.values()) {
            for (Helper h : list) {
                // the value checked first, then "String name" (or, for a pair, each value followed by its name)
                boolean valueThenName = h.parameters().size() >= 2 && h.parameters().get(1).startsWith("String name")
                    && !h.parameters().get(0).startsWith("String ");
                if (!h.signature().startsWith("requireStepMoves(") && !valueThenName) {
                    problems.add(h.module() + ": " + h.signature() + " does not take the value first and its name "
                        + "second");
                }
                if (!h.signature().startsWith("require")) {
                    problems.add(h.module() + ": " + h.signature() + " is not named require...");
                }
                Helper same = first.putIfAbsent(h.signature(), h);
                if (same != null && !same.text().equals(h.text())) {
                    problems.add(h.module() + " and " + same.module() + " differ in " + h.signature() + ":\n"
                        + Skeletons.firstDifference(same.text(), h.text()));
                }
            }
        }

        assertThat(problems).isEmpty();
        assertThat(first.keySet()).as("the shared checks").contains("requireNonNull(T, String)",
            "requireFinite(double, String)", "requirePositive(double, String)", "requirePositive(int, String)");
    }

    @Test
    @DisplayName("no exercise module, test or hidden test calls a check by an old name")
    void noOldNames() throws IOException {
        Pattern old = Pattern.compile("\\bArguments\\.require|Checks\\.(?:notNull|nonNull|positive|positiveFinite"
            + "|atLeast|length|sameLength|inOpenInterval|inHalfOpenInterval|inputs|matrix|shape)\\(");
        List<String> found = new ArrayList<>();
        for (String module : CourseFiles.modules(COURSE)) {
            for (Path root : List.of(COURSE.resolve(module), COURSE.resolve("solutions").resolve(module))) {
                for (String file : Skeletons.files(root)) {
                    if ((file.endsWith(".java") || file.endsWith(".md")) && !CourseFiles.isBuildOutput(Path.of(file))
                        && old.matcher(Files.readString(root.resolve(file), UTF_8)).find()) {
                        found.add(COURSE.relativize(root.resolve(file)).toString());
                    }
                }
            }
        }

        assertThat(found).isEmpty();
    }
}
