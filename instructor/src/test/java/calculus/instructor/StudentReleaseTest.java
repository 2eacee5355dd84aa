package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student copy: the README's instructors' sections taken out, and what stays with the instructor left out. */
class StudentReleaseTest {

    @Nested
    @DisplayName("withoutInstructorSections")
    class Sections {

        @Test
        @DisplayName("removes every marked section with the line ends after it, and keeps the rest as it was")
        void removesEachSection() {
            String readme = """
                # Calculus for Machine Learning

                Learn derivatives by writing them.

                <!-- instructors -->
                ## For instructors
                See docs/instructors.md.
                <!-- /instructors -->

                ## Modules

                | module | tasks |
                |---|---|
                <!-- instructors -->
                | solutions | the reference |
                <!-- /instructors -->
                | 01-derivatives | 1.1 to 1.8 |

                Trailing spaces stay:\s\s
                <!-- instructors -->the last one<!-- /instructors -->""";

            assertThat(StudentRelease.withoutInstructorSections(readme)).isEqualTo("""
                # Calculus for Machine Learning

                Learn derivatives by writing them.

                ## Modules

                | module | tasks |
                |---|---|
                | 01-derivatives | 1.1 to 1.8 |

                Trailing spaces stay:\s\s
                """);
        }

        @Test
        @DisplayName("a text without sections, or with a closing marker alone, is kept byte for byte")
        void withoutSectionsUnchanged() {
            String text = "# Title\r\n\r\nUnicode: f\u2032(x), \u2202f/\u2202x.\t\n<!-- /instructors -->\n\n\nend";

            assertThat(StudentRelease.withoutInstructorSections(text)).isEqualTo(text);
        }

        @Test
        @DisplayName("an instructors' section opened and never closed is refused, not half removed")
        void unclosedMarker() {
            String text = "# Title\n<!-- instructors -->\nok\n<!-- /instructors -->\n<!-- instructors -->\nsecret\n";

            assertThatThrownBy(() -> StudentRelease.withoutInstructorSections(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("README.md opens an instructors' section without closing it");
        }
    }

    @Nested
    @DisplayName("release")
    class Release {

        private static final String README = """
            # Course

            <!-- instructors -->
            Grade with tools/grade-submission.
            <!-- /instructors -->

            Start with 01-derivatives.
            """;

        @TempDir
        Path dir;
        private Path course;

        /** A fake course, not a git checkout: every file outside build folders is its own. */
        @BeforeEach
        void layOutCourse() throws IOException {
            course = dir.resolve("course");
            for (String file : List.of(
                "pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", ".gitignore",
                "01-derivatives/pom.xml", "01-derivatives/README.md",
                "01-derivatives/src/main/java/calculus/demo/Secant.java",
                "01-derivatives/src/test/java/calculus/demo/SecantTest.java",
                "grader/src/main/java/calculus/grader/Graded.java",
                "docs/faq.md", "docs/solutions-explained.md", "toolset/notes.md",
                ".github/workflows/classroom.yml",
                // what stays with the instructor
                "solutions/pom.xml", "solutions/01-derivatives/src/main/java/calculus/demo/Secant.java",
                "solutions/01-derivatives/src/hidden-test/java/calculus/demo/SecantHiddenTest.java",
                "tools/student-release", "tools/corpus/reference/expected.json", ".ci/run",
                "docs/instructors.md", "docs/authoring.md", "docs/speed.md", ".github/workflows/course-ci.yml",
                // build output
                "target/classes/Demo.class", "01-derivatives/target/grading/results.json",
                "grading/target-it/classes/Graded.class")) {
                Trees.write(course, file, "content of " + file + "\n");
            }
            Trees.write(course, "README.md", README);
        }

        @Test
        @DisplayName("copies everything but solutions/, tools/, .ci/, the instructors' docs, the course CI and build "
            + "folders; docs/solutions-explained.md and toolset/ only look like them, and stay")
        void leavesOutInstructorFiles() throws IOException {
            Path out = dir.resolve("release");

            StudentRelease.release(course, out);

            assertThat(Trees.files(out)).containsExactly(
                ".github/workflows/classroom.yml", ".gitignore", ".mvn/wrapper/maven-wrapper.properties",
                ".student-release-files",
                "01-derivatives/README.md", "01-derivatives/pom.xml",
                "01-derivatives/src/main/java/calculus/demo/Secant.java",
                "01-derivatives/src/test/java/calculus/demo/SecantTest.java",
                "README.md", "docs/faq.md", "docs/solutions-explained.md",
                "grader/src/main/java/calculus/grader/Graded.java", "mvnw", "pom.xml", "toolset/notes.md");
            assertThat(Files.readString(out.resolve("01-derivatives/src/main/java/calculus/demo/Secant.java"), UTF_8))
                .isEqualTo("content of 01-derivatives/src/main/java/calculus/demo/Secant.java\n");
        }

        @Test
        @DisplayName("takes the instructors' sections out of the README and out of every lesson")
        void stripsReadme() throws IOException {
            Path out = dir.resolve("release");
            Trees.write(course, "01-derivatives/README.md", "# Lesson\n\n<!-- instructors -->\n./mvnw -Pbenchmark "
                + "-pl solutions/01-derivatives\n<!-- /instructors -->\nThe figures.\n");

            StudentRelease.release(course, out);

            assertThat(Files.readString(out.resolve("01-derivatives/README.md"), UTF_8))
                .isEqualTo("# Lesson\n\nThe figures.\n");

            assertThat(Files.readString(out.resolve("README.md"), UTF_8))
                .isEqualTo("# Course\n\nStart with 01-derivatives.\n");
            assertThat(Files.readString(course.resolve("README.md"), UTF_8)).as("the course's own README")
                .isEqualTo(README);
        }

        @Test
        @DisplayName("keeps the Maven wrapper executable")
        void keepsExecutableBit() throws IOException {
            assumeTrue(course.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
            Files.setPosixFilePermissions(course.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Path out = dir.resolve("release");

            StudentRelease.release(course, out);

            assertThat(Files.isExecutable(out.resolve("mvnw"))).isTrue();
        }

        @Test
        @DisplayName("replaces an earlier release in the output folder instead of adding to it: a file the course "
            + "no longer has is gone")
        void replacesOldRelease() throws IOException {
            Path out = dir.resolve("release");
            Trees.write(course, "docs/old-notes.md", "dropped later");
            StudentRelease.release(course, out);
            assertThat(out.resolve("docs/old-notes.md")).exists();
            Files.delete(course.resolve("docs/old-notes.md"));

            StudentRelease.release(course, out);

            assertThat(out.resolve("docs/old-notes.md")).doesNotExist();
            assertThat(out.resolve("README.md")).exists();
            assertThat(Files.readString(out.resolve(StudentRelease.MANIFEST), UTF_8)).doesNotContain("old-notes");
        }

        @Test
        @DisplayName("refuses a non-empty folder that holds no earlier release, and deletes nothing in it")
        void refusesForeignFolder() throws IOException {
            Path out = dir.resolve("thesis");
            Trees.write(out, "chapter1.tex", "years of work");
            Trees.write(out, "solutions/left/over.java", "an earlier mistake");

            assertThatThrownBy(() -> StudentRelease.release(course, out))
                .isInstanceOf(Args.UsageError.class).hasMessageContaining("is not empty");

            assertThat(Trees.files(out)).containsExactly("chapter1.tex", "solutions/left/over.java");
        }

        @Test
        @DisplayName("refuses an earlier release to which files were added, unless --force, which leaves them alone")
        void refusesAddedFilesUnlessForced() throws IOException {
            Path out = dir.resolve("release");
            StudentRelease.release(course, out);
            Trees.write(out, "my-notes.txt", "mine");

            assertThatThrownBy(() -> StudentRelease.release(course, out))
                .isInstanceOf(Args.UsageError.class).hasMessageContaining("my-notes.txt");
            assertThat(out.resolve("README.md")).exists();

            StudentRelease.release(course, out, true);
            assertThat(Files.readString(out.resolve("my-notes.txt"), UTF_8)).isEqualTo("mine");
        }

        @Test
        @DisplayName("with --force writes into a folder of other files, replacing none of them that it did not make")
        void forceKeepsOtherFiles() throws IOException {
            Path out = dir.resolve("shared");
            Trees.write(out, "chapter1.tex", "years of work");

            StudentRelease.release(course, out, true);

            assertThat(Files.readString(out.resolve("chapter1.tex"), UTF_8)).isEqualTo("years of work");
            assertThat(out.resolve("README.md")).exists();
        }

        @Test
        @DisplayName("refuses the course's parent folder, or any folder that holds the course, and touches nothing")
        void refusesAncestorOfCourse() throws IOException {
            Trees.write(dir, "neighbour.txt", "keep me");

            assertThatThrownBy(() -> StudentRelease.release(course, dir))
                .isInstanceOf(Args.UsageError.class).hasMessageContaining("holds it");
            assertThatThrownBy(() -> StudentRelease.release(course, dir, true))
                .isInstanceOf(Args.UsageError.class);
            assertThatThrownBy(() -> StudentRelease.release(course, dir.getRoot(), true))
                .isInstanceOf(Args.UsageError.class);

            assertThat(dir.resolve("neighbour.txt")).exists();
            assertThat(course.resolve("solutions/pom.xml")).exists();
        }

        @Test
        @DisplayName("the verification finds grading output in a release")
        void gradingOutputIsNotClean() throws IOException {
            Path out = dir.resolve("release");
            StudentRelease.release(course, out);
            Trees.write(out, "graded/alice/results.json", "{}");

            Trees.write(out, "01-derivatives/target/classes/A.class", "");

            assertThat(StudentRelease.gradingOutput(out)).containsExactly(
                "01-derivatives/target/classes/A.class is grading or build output, not course material",
                "graded/alice/results.json is grading or build output, not course material");
        }

        @Test
        @DisplayName("in a git checkout, copies only what git tracks: an untracked grading output is left out")
        void onlyWhatGitTracks() throws IOException, InterruptedException {
            for (List<String> step : List.of(List.of("git", "init", "--quiet"), List.of("git", "add", "--all"),
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "c"))) {
                assertThat(new ProcessBuilder(step).directory(course.toFile()).inheritIO().start().waitFor())
                    .isZero();
            }
            Trees.write(course, "graded/alice/results.json", "{}");
            Trees.write(course, "graded/alice/work/01-derivatives/Secret.java", "hidden test");
            Path out = dir.resolve("release");

            StudentRelease.release(course, out);

            assertThat(out.resolve("graded")).doesNotExist();
            assertThat(out.resolve("README.md")).exists();
            assertThat(StudentRelease.gradingOutput(out)).isEmpty();
        }

        @Test
        @DisplayName("refuses an output folder inside the course, or the course itself, and touches nothing")
        void refusesOutputInsideCourse() throws IOException {
            Path inside = course.resolve("release");

            assertThatThrownBy(() -> StudentRelease.release(course, inside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the release folder must be outside the course (or under a target folder), got " + inside);
            assertThatThrownBy(() -> StudentRelease.release(course, inside, true))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StudentRelease.release(course, course))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(inside).doesNotExist();
            assertThat(course.resolve("solutions/pom.xml")).exists();
        }

        @Test
        @DisplayName("allows an output folder under the course's target or target-* folder, and does not copy it "
            + "into itself")
        void allowsOutputUnderTarget() throws IOException {
            Path out = course.resolve("target/student-release");
            Path other = course.resolve("target-it/student-release");

            StudentRelease.release(course, out);
            StudentRelease.release(course, other);

            assertThat(Trees.files(out)).contains("README.md", "pom.xml").noneMatch(f -> f.startsWith("target"));
            assertThat(Trees.files(other)).isEqualTo(Trees.files(out));
        }
    }
}
