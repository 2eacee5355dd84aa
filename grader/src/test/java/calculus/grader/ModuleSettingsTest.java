package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an IDE run knows about the module it runs, and what it assumes when it is told nothing. */
class ModuleSettingsTest {

    @Test
    @DisplayName("every calculus.grader.* parameter is read, stripped of white space")
    void readsParameters() {
        Map<String, String> p = Map.of(
            "calculus.grader.module", " 02-partials ",
            "calculus.grader.title", "Partial derivatives",
            "calculus.grader.lesson", "02-partials",
            "calculus.grader.root", "/course");

        ModuleSettings s = ModuleSettings.from(key -> Optional.ofNullable(p.get(key)));

        assertThat(s).isEqualTo(new ModuleSettings("02-partials", "Partial derivatives", "02-partials",
            Paths.get("/course")));
    }

    @Test
    @DisplayName("told nothing, or only unresolved ${...} placeholders, an IDE run takes the working folder as module")
    void fallsBackToTheWorkingFolder() {
        Path here = Paths.get("").toAbsolutePath();
        ModuleSettings none = ModuleSettings.from(key -> Optional.empty());
        ModuleSettings placeholders = ModuleSettings.from(key -> Optional.of("${course.unset}"));
        ModuleSettings blanks = ModuleSettings.from(key -> Optional.of("  "));

        for (ModuleSettings s : new ModuleSettings[] {none, placeholders, blanks}) {
            assertThat(s.module()).isEqualTo(here.getFileName().toString());
            assertThat(s.title()).isEqualTo(s.module());
            assertThat(s.lesson()).isEqualTo(s.module());
            assertThat(s.root()).isEqualTo(here.getParent());
        }
    }

    @Test
    @DisplayName("a module named without a title or a lesson is its own title and lesson")
    void moduleAlone() {
        ModuleSettings s = ModuleSettings.from(key -> key.equals("calculus.grader.module") ? Optional.of("03-chain")
            : Optional.empty());

        assertThat(s.title()).isEqualTo("03-chain");
        assertThat(s.lesson()).isEqualTo("03-chain");
    }
}
