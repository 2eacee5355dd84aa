package calculus.grader.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The students' table of what their code may use, rendered from the allow-list, and the copy of it in the course's
 * README: the two must never drift apart.
 */
class RulesTableTest {

    private static final String BEGIN = "<!-- rules -->\n";
    private static final String END = "<!-- /rules -->";

    @Test
    @DisplayName("the README's \"Rules for your code\" table is the one rendered from the allow-list")
    void readmeHoldsTheRenderedTable() throws IOException {
        // the grader's tests run in the grader's folder, one below the course's root
        Path readme = Paths.get("").toAbsolutePath().getParent().resolve("README.md");
        String text = Files.readString(readme, UTF_8).replace("\r\n", "\n");
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("%s has a %s marker before a %s marker", readme, BEGIN.strip(), END)
            .isNotNegative().isLessThan(end);

        assertThat(text.substring(begin + BEGIN.length(), end))
            .as("the table in %s; to refresh it, paste the output of CodePolicy.rulesMarkdown()", readme)
            .isEqualTo(CodePolicy.rulesMarkdown());
    }

    @Test
    @DisplayName("one row per area, in the file's order; what is allowed in part shows what is refused of the rest")
    void rows() {
        List<String> lines = CodePolicy.rulesMarkdown().lines().toList();

        assertThat(lines.get(0)).isEqualTo("| area | classes and members | not allowed |");
        assertThat(lines).filteredOn(l -> l.startsWith("| maths |")).singleElement().asString()
            .isEqualTo("| maths | `Math`, `StrictMath` |  |");
        assertThat(lines).filteredOn(l -> l.startsWith("| objects |")).singleElement().asString()
            .contains("`Class` (`getName`, `getSimpleName`, `getTypeName`, `toString`)").contains("the rest of `Class`")
            .doesNotContain("desiredAssertionStatus");
        assertThat(lines).filteredOn(l -> l.startsWith("| random numbers |")).singleElement().asString()
            .contains("`new Random()`", "`RandomGenerator.of`", "`ThreadLocalRandom`");
        assertThat(lines.get(lines.size() - 1)).startsWith("| everything else | nothing else: ")
            .contains("`System.exit`", "`Thread`", "the rest of `java.io.*`", "`java.lang.reflect.*`");
        assertThat(String.join("\n", lines)).as("what javac generates and the bootstraps are not the students' API")
            .doesNotContain("LambdaMetafactory", "NoSuchFieldError");
    }
}
