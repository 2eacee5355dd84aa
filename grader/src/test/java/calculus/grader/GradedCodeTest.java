package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules for student code as a module's build applies them: the package is the tests'. */
class GradedCodeTest {

    @Test
    @DisplayName("the module's packages are its tests' packages, those inside another and the default one left out")
    void packagesOfTheTests() {
        assertThat(GradedCode.packages(Set.of("calculus.derivatives.NewtonMethodTest", "calculus.derivatives.Cases",
            "calculus.derivatives.figures.LessonFigures", "calculus.oracles.Check", "Loose")))
            .containsExactly("calculus.derivatives", "calculus.oracles");
    }

    @Test
    @DisplayName("without tests to take the package from, the code is not graded, and the message says why")
    void noTests(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Path tests = dir.resolve("test-classes");

        assertThat(GradedCode.violations(classes, tests)).containsExactly("the module's tests were not found in "
            + tests + ", so the grader cannot tell which package the code must stay in");
        assertThat(GradedCode.violations(dir.resolve("missing"), tests)).as("no classes, nothing to check").isEmpty();
    }
}
