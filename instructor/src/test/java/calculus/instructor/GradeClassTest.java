package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

/** Grading a class: the students found, the gradebook and summary, zips, shards and their merge, a real run. */
class GradeClassTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private static GradeClass.Grade grade(String student, int t11, int t12, String first, String... flags) {
        return new GradeClass.Grade(student, t11 + t12, 30, Map.of("01-derivatives", t11 + t12),
            Map.of("1.1", t11, "1.2", t12), Map.of("1.1", 10, "1.2", 20), List.of(flags),
            first == null ? Map.of() : Map.of("1.2", first), 1.0);
    }

    @Nested
    @DisplayName("the gradebook and the summary")
    class Outputs {

        @Test
        @DisplayName("one header and one row per student, RFC 4180 quoting, no formulas, CRLF line ends")
        void gradebook() {
            String csv = GradeClass.gradebook(List.of(grade("alice", 10, 20, null),
                grade("=cmd|' /C calc'!A0", 10, 0, "FAILED: x", "compile:02-partials", "no-points"),
                grade("o\"brien, jr", 0, 0, "FAILED: y")), List.of("01-derivatives", "02-partials"));

            assertThat(csv.split("\r\n", -1)).containsExactly(
                "student,total,max,01-derivatives,02-partials,task 1.1,task 1.2,flags",
                "alice,30,30,30,0,10,20,",
                "'=cmd|' /C calc'!A0,10,30,10,0,10,0,\"compile:02-partials;no-points\"",
                "\"o\"\"brien, jr\",0,30,0,0,0,0,",
                "");
        }

        @Test
        @DisplayName("the summary gives each task's distribution and the most-failed tasks with their most common "
            + "first message, numbers aside")
        void summary() {
            String md = GradeClass.summary(List.of(grade("a", 10, 20, null),
                grade("b", 10, 0, "FAILED: expected 2.5 but was 3.1"), grade("c", 0, 5, "FAILED: expected 7 but was 1"),
                grade("d", 10, 0, "TIMED OUT: slow")));

            assertThat(md).contains("4 students; total points (of 30)")
                .contains("| 1.1 | 10 | 7.5 | 3 | 0 | 1 |")
                .contains("| 1.2 | 20 | 6.3 | 1 | 1 | 2 |")
                .contains("- **1.2**: 3 of 4 students without full points; most common first message (2): "
                    + "`FAILED: expected 2.5 but was 3.1`");
            assertThat(md.indexOf("**1.2**")).isLessThan(md.indexOf("**1.1**"));
        }
    }

    @Nested
    @DisplayName("the students of a submissions folder")
    class Students {

        @Test
        @DisplayName("every sub-folder and zip by name; hidden entries, links and other files left out")
        void listing() throws IOException {
            Files.createDirectories(temp.resolve("bob"));
            Files.createDirectories(temp.resolve(".git"));
            Files.writeString(temp.resolve("notes.txt"), "x");
            zip(temp.resolve("alice.zip"), Map.of("course/01-derivatives/src/main/java/A.java", "class A {}"));
            Files.createSymbolicLink(temp.resolve("carol"), temp.resolve("bob"));

            assertThat(GradeClass.students(temp)).extracting(GradeClass.Student::id).containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("a folder and a zip of the same student are refused")
        void twice() throws IOException {
            Files.createDirectories(temp.resolve("bob"));
            zip(temp.resolve("bob.zip"), Map.of("a.txt", "x"));

            assertThatThrownBy(() -> GradeClass.students(temp)).isInstanceOf(Args.UsageError.class)
                .hasMessageContaining("two submissions of \"bob\"");
        }

        @Test
        @DisplayName("shards K/N split the class between them, each student in exactly one")
        void shards() throws IOException {
            for (String s : List.of("a", "b", "c", "d", "e")) {
                Files.createDirectories(temp.resolve(s));
            }
            List<GradeClass.Student> all = GradeClass.students(temp);

            assertThat(GradeClass.shard(all, "1/2")).extracting(GradeClass.Student::id).containsExactly("a", "c", "e");
            assertThat(GradeClass.shard(all, "2/2")).extracting(GradeClass.Student::id).containsExactly("b", "d");
            assertThat(GradeClass.shard(all, null)).isEqualTo(all);
            for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0")) {
                assertThatThrownBy(() -> GradeClass.shard(all, bad)).as(bad).isInstanceOf(Args.UsageError.class);
            }
        }

        @Test
        @DisplayName("a zip is unpacked, and the course copy found at any depth; an entry outside its folder is "
            + "refused")
        void zips() throws IOException {
            zip(temp.resolve("a.zip"), Map.of("my-course/01-derivatives/src/main/java/A.java", "class A {}"));
            zip(temp.resolve("evil.zip"), Map.of("../../outside.txt", "x"));

            GradeClass.unzip(temp.resolve("a.zip"), temp.resolve("a"));
            assertThat(GradeClass.courseRoot(temp.resolve("a"))).isEqualTo(temp.resolve("a/my-course"));
            assertThatThrownBy(() -> GradeClass.unzip(temp.resolve("evil.zip"), temp.resolve("evil")))
                .hasMessageContaining("outside its folder");
            assertThat(temp.getParent().resolve("outside.txt")).doesNotExist();
        }
    }

    private static void zip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(UTF_8));
                z.closeEntry();
            }
        }
    }

    @Test
    @DisplayName("a student who handed in after the deadline is flagged late, with the hours, and no one else")
    void lateFlags() throws IOException {
        Path subs = temp.resolve("subs");
        Path early = Files.createDirectories(subs.resolve("early"));
        Path late = Files.createDirectories(subs.resolve("late"));
        Files.writeString(early.resolve("A.java"), "class A {}");
        Files.writeString(late.resolve("A.java"), "class A {}");
        java.time.Instant deadline = java.time.Instant.parse("2026-12-01T12:00:00Z");
        Files.setLastModifiedTime(early.resolve("A.java"), java.nio.file.attribute.FileTime.from(
            deadline.minusSeconds(60)));
        Files.setLastModifiedTime(late.resolve("A.java"), java.nio.file.attribute.FileTime.from(
            deadline.plusSeconds(3 * 3600 + 60)));
        List<GradeClass.Student> students = GradeClass.students(subs);

        List<GradeClass.Grade> flagged = GradeClass.withLateFlags(List.of(grade("early", 1, 1, null),
            grade("late", 1, 1, null, "compile:02-partials")), students, deadline);

        assertThat(flagged.get(0).flags()).isEmpty();
        assertThat(flagged.get(1).flags()).containsExactly("compile:02-partials", "late:+4h");
    }

    @Test
    @DisplayName("merging shards gives the gradebook of one run; a student in two shards is refused")
    void merge() throws IOException {
        Gson gson = new Gson();
        for (String[] s : new String[][] {{"shard1", "alice"}, {"shard1", "carol"}, {"shard2", "bob"}}) {
            Path dir = Files.createDirectories(temp.resolve(s[0]).resolve("students").resolve(s[1]));
            Files.writeString(dir.resolve("grade.json"), gson.toJson(grade(s[1], 10, s[1].length(), "FAILED: x")));
            Files.writeString(dir.resolve("results.json"), "{}");
        }
        List<String> modules = List.of("01-derivatives");

        int n = MergeGradebooks.merge(List.of(temp.resolve("shard1"), temp.resolve("shard2")), temp.resolve("all"),
            modules);

        assertThat(n).isEqualTo(3);
        assertThat(Files.readString(temp.resolve("all/gradebook.csv"))).isEqualTo(GradeClass.gradebook(List.of(
            grade("alice", 10, 5, "FAILED: x"), grade("bob", 10, 3, "FAILED: x"), grade("carol", 10, 5, "FAILED: x")),
            modules));
        assertThat(temp.resolve("all/students/bob/results.json")).exists();
        assertThatThrownBy(() -> MergeGradebooks.merge(List.of(temp.resolve("shard1"), temp.resolve("shard1")),
            temp.resolve("twice"), modules)).isInstanceOf(Args.UsageError.class).hasMessageContaining("two shards");
        assertThat(temp.resolve("twice")).doesNotExist();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // grades four submissions: slow on a loaded machine
    @DisplayName("grading a small class: the gradebook's totals equal each student's results.json, a second run "
        + "grades nobody again")
    void gradesAClass() throws IOException {
        assumeTrue(Files.isDirectory(COURSE.resolve("solutions")), "no solutions/: a student copy");
        Path subs = temp.resolve("subs");
        for (String c : List.of("reference", "compile-error")) {
            CorpusCheck.layOut(COURSE, COURSE.resolve("tools/corpus").resolve(c), subs.resolve(c), List.of());
        }
        Path secret = Files.writeString(temp.resolve("secret"), "s3cret\n");
        String[] args = {"--course", COURSE.toString(), "--submissions", subs.toString(), "--out",
            temp.resolve("out").toString(), "--modules", "01-derivatives", "--workers", "2", "--secret-file",
            secret.toString()};
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int code = GradeClass.run(args, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(progress));

        assertThat(code).as(progress.toString(UTF_8)).isZero();
        List<String> rows = Files.readAllLines(temp.resolve("out/gradebook.csv"));
        assertThat(rows).hasSize(3);
        for (String row : rows.subList(1, 3)) {
            String[] cells = row.split(",");
            @SuppressWarnings("unchecked")
            Map<String, Object> results = new Gson().fromJson(Files.readString(temp.resolve("out/students")
                .resolve(cells[0]).resolve("results.json")), Map.class);
            assertThat(Double.parseDouble(cells[1])).as(cells[0]).isEqualTo((Double) results.get("score"));
            assertThat(temp.resolve("out/students").resolve(cells[0]).resolve("feedback.txt")).exists();
        }
        assertThat(rows.get(1)).startsWith("compile-error,0,").endsWith(",compile:01-derivatives");
        assertThat(rows.get(2)).startsWith("reference,114,114,114,");
        assertThat(progress.toString(UTF_8)).contains("2/2").contains("ETA");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(GradeClass.run(args, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(again)))
            .isZero();
        assertThat(again.toString(UTF_8)).contains("2 of 2 students already graded").doesNotContain("ETA");
        assertThat(Files.readAllLines(temp.resolve("out/gradebook.csv"))).isEqualTo(rows);
    }
}
