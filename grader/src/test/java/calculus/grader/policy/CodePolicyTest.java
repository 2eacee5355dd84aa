package calculus.grader.policy;

import static calculus.grader.policy.JavaFixtures.method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy's contract at its boundary: its arguments, a folder with more than classes in it, and the message a
 * student reads. What it refuses and what it allows are {@link RefusalsTest}'s and {@link HonestCodeTest}'s.
 */
class CodePolicyTest {

    private static final Set<String> OWN = Set.of("calculus.derivatives");
    private static final String EXITS = "calculus.derivatives.Exits";

    @TempDir
    Path dir;

    @Test
    @DisplayName("null, empty or malformed arguments are refused, naming the parameter and the value")
    void arguments() {
        Path classes = dir.resolve("classes");
        Set<String> withNull = new HashSet<>(Collections.singleton(null));

        assertThatThrownBy(() -> CodePolicy.check(null, OWN, Set.of())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("classesDir must be a folder, got classesDir = null");
        assertThatThrownBy(() -> CodePolicy.check(classes, Set.of(), Set.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("ownPackages must name at least one package, got ownPackages = []");
        assertThatThrownBy(() -> CodePolicy.check(classes, Set.of("calculus..derivatives"), Set.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("ownPackages must hold package names such as calculus.derivatives, got "
                + "\"calculus..derivatives\" in ownPackages = [calculus..derivatives]");
        assertThatThrownBy(() -> CodePolicy.check(classes, withNull, Set.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got \"null\"");
        assertThatThrownBy(() -> CodePolicy.check(classes, Set.of(""), Set.of()))
            .as("the default package is no module's package").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodePolicy.check(classes, OWN, null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("testClassNames must be a set of class names, got null");
        assertThatThrownBy(() -> CodePolicy.classNames(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("folder must be a folder, got folder = null");
    }

    @Test
    @DisplayName("a folder that does not exist holds nothing to check")
    void missingFolder() {
        assertThat(CodePolicy.check(dir.resolve("missing"), OWN, Set.of())).isEmpty();
        assertThat(CodePolicy.classNames(dir.resolve("missing"))).isEmpty();
    }

    @Test
    @DisplayName("a subpackage of the module's package is the module's own")
    void subpackages() throws IOException {
        Path classes = compile(Map.of("calculus.derivatives.figures.Plot",
            method("calculus.derivatives.figures.Plot", "Math.sin(1);")));

        assertThat(CodePolicy.check(classes, OWN, Set.of())).isEmpty();
        assertThat(CodePolicy.check(classes, Set.of("calculus.deriv"), Set.of())).as("a prefix is not a package")
            .extracting(Violation::what).containsExactly("is in the package calculus.derivatives.figures");
    }

    @Test
    @DisplayName("whatever is not a class file where its name says is reported: resources, broken or moved files")
    void notJustClasses() throws IOException {
        Path classes = compile(Map.of(EXITS, method(EXITS, "Math.abs(1);")));
        Files.writeString(classes.resolve("junit-platform.properties"), "junit.jupiter.conditions.deactivate=*");
        Files.write(classes.resolve("calculus/derivatives/Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.copy(classes.resolve("calculus/derivatives/Exits.class"), classes.resolve("Moved.class"));

        List<Violation> found = CodePolicy.check(classes, OWN, Set.of());

        assertThat(found).extracting(Violation::className, Violation::what).containsExactlyInAnyOrder(
            tuple("junit-platform.properties", "is not a class file"),
            tuple("calculus/derivatives/Broken.class", "could not be read"),
            tuple(EXITS, "is stored as Moved.class"));
    }

    @Test
    @DisplayName("a symbolic link is reported, in the folder or as the folder itself, and never followed")
    void links() throws IOException {
        Path classes = compile(Map.of(EXITS, method(EXITS, "Math.abs(1);")));
        Path outside = compile(Map.of("calculus.grader.Hack", method("calculus.grader.Hack", "System.exit(0);")));
        Path link = classes.resolve("calculus/derivatives/Linked.class");
        try {
            Files.createSymbolicLink(link, outside.resolve("calculus/grader/Hack.class"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links: " + e);
        }
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked-classes"), classes);

        assertThat(CodePolicy.check(classes, OWN, Set.of())).extracting(Violation::className, Violation::what)
            .containsExactly(tuple("calculus/derivatives/Linked.class",
                "is a symbolic link"));
        assertThat(CodePolicy.check(linkedFolder, OWN, Set.of())).extracting(Violation::what)
            .as("a link in place of the folder is not a folder with nothing in it").containsExactly(
                "is a symbolic link");
    }

    @Test
    @DisplayName("a message reads: where, what, why and what to do instead, leaving out what is unknown")
    void messages() {
        assertThat(new Violation("a.B", "B.java:3", "uses x.Y.z", "why", "instead").message())
            .isEqualTo("B.java:3 uses x.Y.z: why; instead");
        assertThat(new Violation("a.B", "", "declares the native method f", "why", "").message())
            .isEqualTo("a.B declares the native method f: why");
    }

    @Test
    @DisplayName("the classes of a folder are named by their class files: nested classes too")
    void classNames() throws IOException {
        Path classes = compile(Map.of("calculus.derivatives.Outer", JavaFixtures.unit("calculus.derivatives.Outer",
            "class Outer {\n    static final class Inner {\n    }\n}\n")));

        assertThat(CodePolicy.classNames(classes)).containsExactly("calculus.derivatives.Outer",
            "calculus.derivatives.Outer$Inner");
    }

    private Path compile(Map<String, String> units) throws IOException {
        Path classes = Files.createTempDirectory(dir, "classes");
        JavaFixtures.compile(Files.createTempDirectory(dir, "src"), classes, units);
        return classes;
    }
}
