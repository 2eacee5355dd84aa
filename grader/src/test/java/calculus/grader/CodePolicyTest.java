package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.fixtures.CleanCode;
import calculus.grader.fixtures.ForbiddenCalls;

/**
 * The rules for student code, checked on the compiled fixtures {@link ForbiddenCalls} (one breach per nested class)
 * and {@link CleanCode} (none), read from the test classes folder.
 */
class CodePolicyTest {

    /**
     * The fixtures live in the grader's own package, which student code may not use: every fixture is reported for
     * naming itself and its neighbours. Those lines say where the fixture lives, not what it does, so the tests set
     * them aside, after checking that they are all there is to them.
     */
    private static final String OWN_PACKAGE = " uses calculus.grader.fixtures.";

    @Test
    @DisplayName("System.exit is reported, naming the class and the member")
    void exit() throws IOException {
        assertThat(breaches(ForbiddenCalls.Exits.class))
            .containsExactly(name(ForbiddenCalls.Exits.class) + " uses java.lang.System.exit: ends the grader's JVM");
    }

    @Test
    @DisplayName("a method reference System::exit is reported like a call")
    void exitByReference() throws IOException {
        assertThat(breaches(ForbiddenCalls.ExitsByReference.class)).containsExactly(
            name(ForbiddenCalls.ExitsByReference.class) + " uses java.lang.System.exit: ends the grader's JVM");
    }

    @Test
    @DisplayName("java.io.File is reported: the class, its constructor and the method called")
    void file() throws IOException {
        String who = name(ForbiddenCalls.UsesFiles.class);

        assertThat(breaches(ForbiddenCalls.UsesFiles.class)).containsExactlyInAnyOrder(
            who + " uses java.io.File: file I/O",
            who + " uses java.io.File.<init>: file I/O",
            who + " uses java.io.File.exists: file I/O");
    }

    @Test
    @DisplayName("starting a Thread is reported")
    void thread() throws IOException {
        String who = name(ForbiddenCalls.StartsThreads.class);

        assertThat(breaches(ForbiddenCalls.StartsThreads.class)).contains(
            who + " uses java.lang.Thread: starts or inspects threads",
            who + " uses java.lang.Thread.start: starts or inspects threads");
    }

    @Test
    @DisplayName("Class.forName is reported as reflection")
    void forName() throws IOException {
        assertThat(breaches(ForbiddenCalls.LoadsClasses.class)).containsExactly(
            name(ForbiddenCalls.LoadsClasses.class) + " uses java.lang.Class.forName: loads classes by name "
                + "(reflection)");
    }

    @Test
    @DisplayName("System.getProperty is reported: it reads the settings that configure the grader")
    void getProperty() throws IOException {
        assertThat(breaches(ForbiddenCalls.ReadsProperties.class)).containsExactly(
            name(ForbiddenCalls.ReadsProperties.class) + " uses java.lang.System.getProperty: reads settings that "
                + "configure the grader");
    }

    @Test
    @DisplayName("a forbidden member called through a subtype is reported: parallelStream, getStackTrace")
    void membersOfSubtypes() throws IOException {
        assertThat(breaches(ForbiddenCalls.ParallelList.class)).containsExactly(
            name(ForbiddenCalls.ParallelList.class) + " uses java.util.List.parallelStream: runs code on other "
                + "threads");
        assertThat(breaches(ForbiddenCalls.InspectsCaller.class)).containsExactly(
            name(ForbiddenCalls.InspectsCaller.class) + " uses java.lang.Exception.getStackTrace: inspects the "
                + "caller (code that behaves differently under test)");
    }

    @Test
    @DisplayName("clean code (lambdas, records, enums, switches, concatenation, collections, streams, Math) passes")
    void cleanCodePasses(@TempDir Path dir) throws IOException {
        List<Path> files = classFiles(CleanCode.class);
        assertThat(files).as("the record, the enum and its switch map compile to classes of their own")
            .hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }

        List<String> all = CodePolicy.check(dir);

        assertThat(all).as("every line only names the fixture's own package").allMatch(l -> l.contains(OWN_PACKAGE));
        assertThat(all).as("and the class file that names it").allMatch(l -> l.startsWith(name(CleanCode.class)));
    }

    @Test
    @DisplayName("a folder is checked class by class, in a stable order, and a missing folder has nothing to report")
    void checksAFolder(@TempDir Path dir) throws IOException {
        Path nested = dir.resolve("z").resolve("y");
        Files.createDirectories(nested);
        Files.copy(classFile(ForbiddenCalls.ReadsProperties.class), nested.resolve("Z.class"));
        Files.copy(classFile(ForbiddenCalls.Exits.class), dir.resolve("A.class"));
        Files.writeString(dir.resolve("notes.txt"), "not a class file, and not named like one");

        List<String> found = withoutOwnPackage(CodePolicy.check(dir));

        assertThat(found).containsExactly(
            name(ForbiddenCalls.Exits.class) + " uses java.lang.System.exit: ends the grader's JVM",
            name(ForbiddenCalls.ReadsProperties.class) + " uses java.lang.System.getProperty: reads settings that "
                + "configure the grader");
        assertThat(CodePolicy.check(dir.resolve("missing"))).isEmpty();
        assertThat(CodePolicy.check(null)).isEmpty();
    }

    @Test
    @DisplayName("a file named .class that is not a class file is reported as unreadable, not skipped")
    void unreadableClassFile(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("Broken.class"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertThat(CodePolicy.check(dir)).singleElement().asString()
            .startsWith("the compiled classes in " + dir + " could not be read: ");
    }

    // ---- helpers

    /** The breaches of one compiled class, the lines about the fixtures' own package set aside. */
    private static List<String> breaches(Class<?> type) throws IOException {
        List<String> all = CodePolicy.checkClass(Files.readAllBytes(classFile(type)));
        assertThat(all).as("every line names the class checked").allMatch(l -> l.startsWith(name(type) + " uses "));
        return withoutOwnPackage(all);
    }

    private static List<String> withoutOwnPackage(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String l : lines) {
            if (!l.contains(OWN_PACKAGE)) {
                kept.add(l);
            }
        }
        return kept;
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    private static Path classFile(Class<?> type) {
        return FixtureRuns.testClasses().resolve(type.getName().replace('.', '/') + ".class");
    }

    /** A class's own file and those of the classes nested in it. */
    private static List<Path> classFiles(Class<?> type) throws IOException {
        Path own = classFile(type);
        String stem = type.getSimpleName();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> folder = Files.newDirectoryStream(own.getParent(), stem + "*.class")) {
            for (Path p : folder) {
                String name = p.getFileName().toString();
                if (name.equals(stem + ".class") || name.startsWith(stem + "$")) {
                    files.add(p);
                }
            }
        }
        return files;
    }
}
