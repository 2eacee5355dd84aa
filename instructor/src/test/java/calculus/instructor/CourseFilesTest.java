package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instructor tools' file work: the course's own files, copies that keep the executable bit, deletion. */
class CourseFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the files of a folder that is not a git checkout: all of them but build folders and .git, sorted")
    void courseFilesOfPlainFolder() throws IOException {
        for (String file : List.of("pom.xml", ".gitignore", ".github/workflows/ci.yml", "docs/b.md", "docs/a.md",
            "01-derivatives/src/main/java/A.java", "targets/kept.txt", "my-target/kept.txt",
            "target/classes/A.class", "01-derivatives/target/grading/results.json", "target-it/x.txt",
            "grading/target-ci/y.txt", "vendor/lib/.git/config", "vendor/lib/README.md")) {
            Trees.write(dir, file, file);
        }

        assertThat(CourseFiles.courseFiles(dir)).extracting(p -> p.toString().replace('\\', '/')).containsExactly(
            ".github/workflows/ci.yml", ".gitignore", "01-derivatives/src/main/java/A.java", "docs/a.md",
            "docs/b.md", "my-target/kept.txt", "pom.xml", "targets/kept.txt", "vendor/lib/README.md");
        assertThat(CourseFiles.courseFiles(dir)).allMatch(p -> !p.isAbsolute());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "target/classes/A.class, true",
        "01-derivatives/target/grading/results.json, true",
        "target-it/x, true",
        "grading/target-ci/surefire-reports/TEST-a.xml, true",
        ".git/config, true",
        "vendor/.git/HEAD, true",
        "target, true",
        "targets/x, false",
        "my-target/x, false",
        ".gitignore, false",
        ".github/workflows/ci.yml, false",
        "pom.xml, false",
    })
    @DisplayName("isBuildOutput: a path with a part named target, target-* or .git is build output")
    void isBuildOutput(String path, boolean expected) {
        assertThat(CourseFiles.isBuildOutput(Path.of(path))).isEqualTo(expected);
    }

    @Test
    @DisplayName("copy creates the folders, replaces what is there, and keeps the executable bit")
    void copyKeepsExecutableBit() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path from = dir.resolve("from");
        Path to = dir.resolve("to");
        Trees.write(from, "mvnw", "#!/bin/sh\n");
        Trees.write(from, "docs/a.md", "new");
        Trees.write(to, "docs/a.md", "old");
        Files.setPosixFilePermissions(from.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-x---"));

        CourseFiles.copy(from, to, List.of(Path.of("mvnw"), Path.of("docs/a.md")));

        assertThat(Files.getPosixFilePermissions(to.resolve("mvnw")))
            .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.readString(to.resolve("docs/a.md"), UTF_8)).isEqualTo("new");
        assertThat(Files.isExecutable(to.resolve("docs/a.md"))).isFalse();
    }

    @Test
    @DisplayName("copyTree copies the files that pass the filter, build folders left out; copyEverything keeps "
        + "them; a missing folder copies nothing")
    void copyTrees() throws IOException {
        Path from = dir.resolve("from");
        Trees.write(from, "src/main/java/A.java", "A");
        Trees.write(from, "src/main/resources/a.properties", "a");
        Trees.write(from, "target/grading/results.json", "{}");

        assertThat(CourseFiles.copyTree(from, dir.resolve("tree"), p -> p.toString().endsWith(".java"))).isOne();
        assertThat(CourseFiles.copyTree(from, dir.resolve("all"), p -> true)).isEqualTo(2);
        assertThat(CourseFiles.copyEverything(from, dir.resolve("everything"), p -> true)).isEqualTo(3);
        assertThat(CourseFiles.copyTree(dir.resolve("missing"), dir.resolve("none"), p -> true)).isZero();

        assertThat(Trees.files(dir.resolve("tree"))).containsExactly("src/main/java/A.java");
        assertThat(Trees.files(dir.resolve("all")))
            .containsExactly("src/main/java/A.java", "src/main/resources/a.properties");
        assertThat(Trees.files(dir.resolve("everything"))).contains("target/grading/results.json");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    @DisplayName("deleteTree removes a folder with everything in it; a missing folder is fine")
    void deleteTree() throws IOException {
        Trees.write(dir, "gone/a/b/c.txt", "c");
        Trees.write(dir, "gone/d.txt", "d");
        Trees.write(dir, "kept.txt", "kept");

        CourseFiles.deleteTree(dir.resolve("gone"));

        assertThat(dir.resolve("gone")).doesNotExist();
        assertThat(dir.resolve("kept.txt")).exists();
        assertThatCode(() -> CourseFiles.deleteTree(dir.resolve("never/there"))).doesNotThrowAnyException();
    }
}
