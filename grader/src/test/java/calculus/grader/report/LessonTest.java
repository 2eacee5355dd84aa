package calculus.grader.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task titles read from a lesson's headings, so that the scoreboard and the lesson agree. */
class LessonTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("\"## Task 1.3: Central difference\" and \"### Task 1.10 \u2014 Foo\" give titles, others none")
    void titlesFromHeadings() throws IOException {
        Path lesson = write(
            "# Derivatives",
            "## Why derivatives matter",
            "## Task 1.3: Central difference",
            "Some text about Task 1.4: not a heading.",
            "### Task 1.10 \u2014 Foo",
            "## Tasks",
            "## Task list: 1.1 to 1.3",
            "#### Task 1.5 - Step size ",
            "## Task 1.6. Newton's method",
            "####### Task 1.7: seven hashes are not a heading");

        assertThat(Lesson.titles(lesson)).containsExactly(
            Map.entry("1.3", "Central difference"),
            Map.entry("1.10", "Foo"),
            Map.entry("1.5", "Step size"),
            Map.entry("1.6", "Newton's method"));
    }

    @Test
    @DisplayName("code quotes and math dollars are taken out of a title; the first heading of a task wins")
    void titlesAreCleaned() throws IOException {
        Path lesson = write(
            "## Task 2.1: The `gradient` of $f(x, y)$",
            "## Task 2.1: A second heading for the same task",
            "## Task 2.2 \u2013 En dash",
            "## Task 2.3");

        assertThat(Lesson.titles(lesson)).containsExactly(
            Map.entry("2.1", "The gradient of f(x, y)"),
            Map.entry("2.2", "En dash"),
            Map.entry("2.3", ""));
    }

    @Test
    @DisplayName("Windows line ends are read like Unix ones")
    void windowsLineEnds() throws IOException {
        Path lesson = dir.resolve("README.md");
        Files.writeString(lesson, "## Task 1.1: First\r\n## Task 1.2: Second\r\n", UTF_8);

        assertThat(Lesson.titles(lesson)).containsExactly(Map.entry("1.1", "First"), Map.entry("1.2", "Second"));
    }

    @Test
    @DisplayName("a missing lesson, or a folder in its place, gives no titles and no error")
    void missingLesson() throws IOException {
        assertThat(Lesson.titles(dir.resolve("README.md"))).isEmpty();
        Files.createDirectories(dir.resolve("folder.md"));
        assertThat(Lesson.titles(dir.resolve("folder.md"))).isEmpty();
    }

    @Test
    @DisplayName("a lesson that is not UTF-8 costs the titles, never the grade")
    void unreadableLesson() throws IOException {
        Path lesson = dir.resolve("README.md");
        Files.write(lesson, new byte[] {'#', '#', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThat(Lesson.titles(lesson)).isEmpty();
    }

    private Path write(String... lines) throws IOException {
        Path lesson = dir.resolve("README.md");
        Files.writeString(lesson, String.join("\n", lines) + "\n", UTF_8);
        return lesson;
    }
}
