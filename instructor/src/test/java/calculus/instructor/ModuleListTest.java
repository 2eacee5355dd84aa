package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module list is kept in the root POM alone: every other list agrees with it, and a new module is laid out. */
class ModuleListTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("in this course, every list of modules agrees with the root POM's")
    void courseAgrees() throws IOException {
        assertThat(ModuleList.check(COURSE)).isEmpty();
    }

    @Test
    @DisplayName("a module added to the root POM is laid out and joins every list with one command")
    void addAModule(@TempDir Path dir) throws IOException {
        for (String f : List.of("pom.xml", "solutions/pom.xml", "scoreboard/pom.xml")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(COURSE.resolve(f), dir.resolve(f));
        }
        String root = Files.readString(dir.resolve("pom.xml"));
        Files.writeString(dir.resolve("pom.xml"), root.replace("    <module>06-backprop</module>\n",
            "    <module>06-backprop</module>\n    <module>07-attention</module>\n"));

        assertThat(ModuleList.check(dir)).anyMatch(p -> p.contains("07-attention"));
        ModuleList.write(dir);

        assertThat(ModuleList.check(dir)).noneMatch(p -> p.contains("07-attention"));
        assertThat(dir.resolve("07-attention/README.md")).content().contains("## Task 7.1:");
        assertThat(dir.resolve("solutions/07-attention/src/main/java/calculus/attention/package-info.java"))
            .isRegularFile();
        assertThat(dir.resolve("scoreboard/pom.xml")).content().contains("<artifactId>07-attention</artifactId>");
        assertThat(dir.resolve("solutions/pom.xml")).content().contains("<module>07-attention</module>");
        assertThat(ModuleList.write(dir)).as("a second run changes nothing").isEmpty();
    }
}
