package calculus.grader.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Student-style code for the policy's tests, compiled while the tests run, as the grader compiles a submission:
 * {@code javac --release 17} with its default debug information (source file and line numbers).
 */
final class JavaFixtures {

    /** The Java release the course targets. */
    private static final String RELEASE = "17";

    private JavaFixtures() {
    }

    /**
     * Compiles a set of sources into a folder, failing the calling test with javac's messages if they do not
     * compile.
     *
     * @param sources a folder to write the sources to
     * @param classes the folder for the class files
     * @param units   the sources, by the binary name of their top-level class
     */
    static void compile(Path sources, Path classes, Map<String, String> units) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> unit : units.entrySet()) {
            Path file = sources.resolve(unit.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, unit.getValue(), UTF_8);
            files.add(file);
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, UTF_8)) {
            Iterable<? extends JavaFileObject> objects = manager.getJavaFileObjectsFromPaths(files);
            List<String> options = List.of("--release", RELEASE, "-d", classes.toString(), "-proc:none",
                "-Xlint:-options");
            boolean compiled = javac.getTask(messages, manager, null, options, null, objects).call();
            assertThat(compiled).as("the fixtures compile:%n%s", messages).isTrue();
        }
    }

    /** A class's source in a package: {@code package P; class Name { static void run() throws Throwable {...} }}. */
    static String method(String className, String statements) {
        return unit(className, "class " + simpleName(className) + " {\n    static void run() throws Throwable {\n"
            + "        " + statements + "\n    }\n}\n");
    }

    /** A compilation unit: the package line of a class, then its declaration. */
    static String unit(String className, String declaration) {
        int dot = className.lastIndexOf('.');
        String header = dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n\n";
        return header + declaration;
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Stores a class file where its name says. */
    static void write(Path classes, String className, byte[] bytes) throws IOException {
        Path file = classes.resolve(className.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
