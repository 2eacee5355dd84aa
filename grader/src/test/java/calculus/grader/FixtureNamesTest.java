package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the fixtures out of Surefire's hands (see the package documentation of calculus.grader.fixtures). */
class FixtureNamesTest {

    @Test
    @DisplayName("no fixture class is named the way Surefire finds tests: *Test, Test*, *Tests, *TestCase")
    void fixturesAreNotNamedLikeTests() throws IOException {
        Path folder = FixtureRuns.testClasses().resolve("calculus").resolve("grader").resolve("fixtures");
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".class") && !n.contains("$"))
                .map(n -> n.substring(0, n.length() - ".class".length()))
                .collect(Collectors.toList());
        }

        assertThat(names).contains("GradedModule", "FixtureGuard")
            .noneMatch(n -> n.startsWith("Test") || n.endsWith("Test") || n.endsWith("Tests")
                || n.endsWith("TestCase"));
    }
}
