package calculus.grader.policy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import calculus.grader.policy.SubmissionFiles.Source;
import calculus.grader.policy.SubmissionFiles.Submission;

/** A student's source tree, read before it is compiled: what is taken, what is left, and what is refused. */
class SubmissionFilesTest {

    private static final String NEWTON = "package calculus.derivatives;\n\n/** f\u2032(x) \u2248 \u2202f/\u2202x */\n"
        + "class NewtonMethod {\n}\n";

    /** Holds the tree and, beside it, what the tree's links point to. */
    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void makeRoot() throws IOException {
        root = Files.createDirectory(dir.resolve("tree"));
    }

    @Test
    @DisplayName("the .java files are taken as text in path order, with / between folders; other files are left")
    void takesSources() throws IOException {
        write("calculus/derivatives/NewtonMethod.java", NEWTON);
        write("calculus/derivatives/Arguments.java", "package calculus.derivatives;\n");
        write("calculus/derivatives/notes.txt", "my notes");
        write("junit-platform.properties", "junit.jupiter.conditions.deactivate=*");

        Submission s = SubmissionFiles.read(root);

        assertThat(s.accepted()).isTrue();
        assertThat(s.sources()).containsExactly(
            new Source("calculus/derivatives/Arguments.java", "package calculus.derivatives;\n"),
            new Source("calculus/derivatives/NewtonMethod.java", NEWTON));
        assertThat(s.ignored()).containsExactly("calculus/derivatives/notes.txt", "junit-platform.properties");
    }

    @Test
    @DisplayName("a symbolic link is refused, to a file or a folder, even one inside the tree, and never followed")
    void links() throws IOException {
        write("calculus/derivatives/NewtonMethod.java", NEWTON);
        Path secret = Files.writeString(dir.resolve("secret.java"), "secret");
        link("calculus/derivatives/Secret.java", secret);
        link("calculus/derivatives/Again.java", root.resolve("calculus/derivatives/NewtonMethod.java"));
        link("calculus/alias", root.resolve("calculus/derivatives"));

        Submission s = SubmissionFiles.read(root);

        assertThat(s.problems()).containsExactly(
            "calculus/alias is a symbolic link: a submission holds files and folders only",
            "calculus/derivatives/Again.java is a symbolic link: a submission holds files and folders only",
            "calculus/derivatives/Secret.java is a symbolic link: a submission holds files and folders only");
        assertThat(s.sources()).as("a refused tree gives no sources").isEmpty();
    }

    @Test
    @DisplayName("a root that is a link, a file or nothing is refused; a null root is an error of the caller")
    void roots() throws IOException {
        Path file = Files.writeString(root.resolve("A.java"), "class A {}");
        Path missing = root.resolve("missing");

        assertThat(SubmissionFiles.read(file).problems()).containsExactly(file + " is not a folder");
        assertThat(SubmissionFiles.read(missing).problems()).singleElement().asString()
            .startsWith(missing + " could not be read: ");
        Path alias = dir.resolve("alias");
        try {
            Files.createSymbolicLink(alias, root);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links: " + e);
        }
        assertThat(SubmissionFiles.read(alias).problems())
            .containsExactly(alias + " is not a folder but a symbolic link");
        assertThatThrownBy(() -> SubmissionFiles.read(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("root must be a folder, got root = null");
    }

    @Test
    @DisplayName("a named pipe is refused without being opened: opening it would wait for a writer forever")
    void pipes() throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", root.resolve("Pipe.java").toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this machine: " + e);
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");

        assertThat(SubmissionFiles.read(root).problems())
            .containsExactly("Pipe.java is not a regular file (a device, a pipe or a socket)");
    }

    @Test
    @DisplayName("a file that is not strict UTF-8 is refused, naming the file and the offset of the bad byte")
    void malformedUtf8() throws IOException {
        byte[] latin1 = "class Caf\u00e9 {}".getBytes(ISO_8859_1);
        Files.write(Files.createDirectories(root.resolve("calculus")).resolve("Cafe.java"), latin1);

        assertThat(SubmissionFiles.read(root).problems()).containsExactly("calculus/Cafe.java is not UTF-8: the "
            + "byte at offset 9 (0xE9) starts a malformed sequence; save the file as UTF-8");
    }

    @Test
    @DisplayName("a file over 256 KiB is refused, naming it and its size")
    void largeFile() throws IOException {
        write("Big.java", "x".repeat(SubmissionFiles.MAX_FILE_BYTES + 1));
        write("Fits.java", "x".repeat(SubmissionFiles.MAX_FILE_BYTES));

        assertThat(SubmissionFiles.read(root).problems())
            .containsExactly("Big.java is larger than 256 KiB (262145 bytes)");
    }

    @Test
    @DisplayName("sources that add up to more than 2 MiB are refused once, at the file that crosses the line")
    void largeTree() throws IOException {
        char[] body = new char[SubmissionFiles.MAX_FILE_BYTES];
        Arrays.fill(body, 'x');
        for (int i = 0; i < 10; i++) {
            write("F" + i + ".java", new String(body));
        }

        assertThat(SubmissionFiles.read(root).problems()).containsExactly("the sources add up to more than 2 MiB, "
            + "at F8.java");
    }

    @Test
    @DisplayName("a tree of more than 1,000 files and folders is refused once")
    void manyFiles() throws IOException {
        for (int i = 0; i <= SubmissionFiles.MAX_ENTRIES; i++) {
            write("F" + i + ".txt", "");
        }

        Submission s = SubmissionFiles.read(root);

        assertThat(s.problems()).containsExactly("the submission holds more than 1000 files and folders");
    }

    @Test
    @DisplayName("folders nested deeper than 32 are refused")
    void deepTree() throws IOException {
        write("a/".repeat(SubmissionFiles.MAX_DEPTH + 1) + "A.java", "class A {}");

        assertThat(SubmissionFiles.read(root).problems()).singleElement().asString()
            .endsWith("is nested more than 32 folders deep");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Bell\u0007.java", "Tab\t.java", "Back\\slash.java", "Right\u202Eleft.java"})
    @DisplayName("a name with a control, backslash or invisible formatting character is refused")
    void badNames(String name) throws IOException {
        try {
            write(name, "class A {}");
        } catch (IOException | InvalidPathException e) {
            assumeTrue(false, "this file system refuses the name itself: " + e);
        }

        assertThat(SubmissionFiles.read(root).problems()).singleElement().asString().startsWith(name + ": the name "
            + "holds the character U+");
    }

    @Test
    @DisplayName("\"..\", \".\" and the empty name are never file names")
    void dotNames() {
        assertThat(SubmissionFiles.nameProblem("..")).isEqualTo("\"..\" is not a file name");
        assertThat(SubmissionFiles.nameProblem(".")).isEqualTo("\".\" is not a file name");
        assertThat(SubmissionFiles.nameProblem("")).isEqualTo("\"\" is not a file name");
        assertThat(SubmissionFiles.nameProblem("Newton\u2032.java")).as("a prime is a letter-like symbol: fine")
            .isNull();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
    }

    private void link(String path, Path target) throws IOException {
        Path link = root.resolve(path);
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links: " + e);
        }
    }
}
