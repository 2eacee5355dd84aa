package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gradescope autograder: its zip, and how run_autograder reads a submission and the student's identity. */
class GradescopeRunTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("01-derivatives", "02-partials");

    @TempDir
    Path temp;

    @Test
    @DisplayName("loose .java files are placed in the module whose skeleton has their package")
    void looseFiles() throws IOException {
        assumeTrue(Files.isDirectory(COURSE.resolve("solutions")), "no solutions/: a student copy");
        Path sub = temp.resolve("submission");
        Trees.write(sub, "SecantSlope.java", "package calculus.derivatives;\nclass SecantSlope {}\n");
        Trees.write(sub, "deep/Other.java", "/* c */\npackage calculus.partials;\nclass Other {}\n");
        Trees.write(sub, "Stray.java", "package nowhere.at.all;\nclass Stray {}\n");

        Path root = GradescopeRun.layOut(COURSE, sub, temp.resolve("laid-out"), MODULES);

        assertThat(Trees.files(root)).containsExactly(
            "01-derivatives/src/main/java/calculus/derivatives/SecantSlope.java",
            "02-partials/src/main/java/calculus/partials/Other.java");
    }

    @Test
    @DisplayName("a copy of the course is used where it is, at any depth")
    void courseCopy() throws IOException {
        Path sub = temp.resolve("submission");
        Trees.write(sub, "my-repo/01-derivatives/src/main/java/calculus/derivatives/A.java", "class A {}");

        assertThat(GradescopeRun.layOut(COURSE, sub, temp.resolve("laid-out"), MODULES))
            .isEqualTo(sub.resolve("my-repo"));
    }

    @Test
    @DisplayName("the identity is the Gradescope user's id, else the submission's, else a fixed name")
    void identity() throws IOException {
        Path m = temp.resolve("submission_metadata.json");
        Files.writeString(m, "{\"id\": 1234, \"users\": [{\"id\": 42, \"email\": \"a@b.org\"}]}");
        assertThat(GradescopeRun.identity(m)).isEqualTo("gradescope-user-42");
        Files.writeString(m, "{\"id\": 1234, \"users\": []}");
        assertThat(GradescopeRun.identity(m)).isEqualTo("gradescope-submission-1234");
        Files.writeString(m, "not json");
        assertThat(GradescopeRun.identity(m)).isEqualTo("submission");
        assertThat(GradescopeRun.identity(temp.resolve("missing.json"))).isEqualTo("submission");
    }

    @Test
    @DisplayName("the zip holds setup.sh, run_autograder, the secret and the course as git tracks it, no build "
        + "output, no secret file of the course's")
    void zip() throws IOException {
        assumeTrue(Files.isDirectory(COURSE.resolve("solutions")), "no solutions/: a student copy");
        Path out = temp.resolve("autograder.zip");

        GradescopeAutograder.write(COURSE, out, List.of("01-derivatives"), "the secret");

        List<String> names = new ArrayList<>();
        String run;
        try (ZipFile zip = new ZipFile(out.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
            run = new String(zip.getInputStream(zip.getEntry("run_autograder")).readAllBytes());
            assertThat(new String(zip.getInputStream(zip.getEntry("grading-secret")).readAllBytes()))
                .isEqualTo("the secret\n");
        }
        assertThat(names).contains("setup.sh", "run_autograder", "grading-secret", "course/pom.xml", "course/mvnw",
            "course/solutions/pom.xml");
        assertThat(names).noneMatch(n -> n.contains("/target/") || n.endsWith(".grading-secret")
            || n.startsWith("course/.git/"));
        assertThat(run).contains("--modules 01-derivatives").doesNotContain("@MODULES@")
            .contains("$root/results/results.json");
    }
}
