package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the build tells the grader, and what the grader assumes when it is told nothing (an IDE run). */
class ModuleSettingsTest {

    @Test
    @DisplayName("every calculus.grader.* parameter is read, stripped of white space")
    void readsParameters() {
        Map<String, String> p = Map.ofEntries(
            Map.entry("calculus.grader.module", " 02-partials "),
            Map.entry("calculus.grader.title", "Partial derivatives"),
            Map.entry("calculus.grader.role", "solution"),
            Map.entry("calculus.grader.lesson", "02-partials"),
            Map.entry("calculus.grader.check", "true"),
            Map.entry("calculus.grader.build", "B9"),
            Map.entry("calculus.grader.output", "/tmp/out"),
            Map.entry("calculus.grader.root", "/course"),
            Map.entry("calculus.grader.classes", "/course/solutions/02-partials/target/classes"),
            Map.entry("calculus.grader.testClasses", "/course/solutions/02-partials/target/test-classes"),
            Map.entry("calculus.grader.print", "false"));

        ModuleSettings s = ModuleSettings.from(key -> Optional.ofNullable(p.get(key)));

        assertThat(s).isEqualTo(new ModuleSettings("02-partials", "Partial derivatives", "solution", "02-partials",
            true, "B9", Paths.get("/tmp/out"), Paths.get("/course"),
            Paths.get("/course/solutions/02-partials/target/classes"),
            Paths.get("/course/solutions/02-partials/target/test-classes"), false));
        assertThat(s.number()).isEqualTo(2);
    }

    @Test
    @DisplayName("told nothing, or only unresolved ${...} placeholders, the grader falls back to the working folder")
    void fallsBackToTheWorkingFolder() {
        Path here = Paths.get("").toAbsolutePath();
        ModuleSettings none = ModuleSettings.from(key -> Optional.empty());
        ModuleSettings placeholders = ModuleSettings.from(key -> Optional.of("${course.unset}"));

        for (ModuleSettings s : new ModuleSettings[] {none, placeholders}) {
            assertThat(s.module()).isEqualTo(here.getFileName().toString());
            assertThat(s.title()).isEqualTo(s.module());
            assertThat(s.role()).isEqualTo("exercise");
            assertThat(s.lesson()).isEqualTo(s.module());
            assertThat(s.check()).isFalse();
            assertThat(s.build()).isEmpty();
            assertThat(s.output()).isEqualTo(here.resolve("target").resolve("grading"));
            assertThat(s.root()).isEqualTo(here.getParent());
            assertThat(s.classes()).isEqualTo(here.resolve("target").resolve("classes"));
            assertThat(s.testClasses()).isEqualTo(here.resolve("target").resolve("test-classes"));
            assertThat(s.print()).as("an IDE run prints its own scoreboard").isTrue();
        }
    }

    @Test
    @DisplayName("a module's number is the digits its name starts with, or -1 without them")
    void moduleNumber() {
        assertThat(settings("01-derivatives").number()).isEqualTo(1);
        assertThat(settings("12-attention").number()).isEqualTo(12);
        assertThat(settings("derivatives").number()).isEqualTo(-1);
    }

    private static ModuleSettings settings(String module) {
        return ModuleSettings.from(key -> key.equals("calculus.grader.module") ? Optional.of(module)
            : Optional.empty());
    }
}
