package calculus.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * "Student" code for the sandbox tests: Java sources, compiled at test time by {@code javac --release 17} into a
 * folder that is not on the class path, so that the loader under test, not the application class loader, defines
 * them (a class compiled with the tests would be found by the parent first, uninstrumented).
 */
final class StudentCode {

    /** The package of every fixture's public type: {@code package student;}, then the public type's declaration. */
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
        "public\\s+(?:(?:abstract|final|sealed|strictfp)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    private StudentCode() {
    }

    /**
     * Compiles sources, each a compilation unit with a package and one public type, into a folder.
     *
     * @param folder where the class files go
     * @param classPath folders the sources may use besides the JDK (for test classes: the student classes)
     * @param sources the compilation units
     * @return {@code folder}
     */
    static Path compile(Path folder, List<Path> classPath, String... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new Source(binaryName(source), source));
        }
        List<Path> path = classPath.isEmpty() ? List.of(folder) : classPath;
        List<String> options = List.of("--release", "17", "-g", "-proc:none", "-d", folder.toString(),
            "-classpath", path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = javac.getTask(null, null, diagnostics, options, null, units).call();
        if (!compiled) {
            throw new IllegalStateException("the fixtures do not compile:\n" + diagnostics.getDiagnostics().stream()
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n")));
        }
        return folder;
    }

    /** Compiles sources that need nothing but the JDK. */
    static Path compile(Path folder, String... sources) {
        return compile(folder, List.of(), sources);
    }

    /** The binary name of a source's public type, for example {@code student.WhileTrue}. */
    static String binaryName(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher type = PUBLIC_TYPE.matcher(source);
        if (!pkg.find() || !type.find()) {
            throw new IllegalArgumentException("a fixture needs a package and a public type:\n" + source);
        }
        return pkg.group(1) + "." + type.group(1);
    }

    /** The 1-based line of a source on which a marker comment such as {@code // LOOP} stands. */
    static int lineOf(String source, String marker) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line holds " + marker + ":\n" + source);
    }

    /** The binary names of every class file below a folder, sorted. */
    static List<String> classNames(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                .map(p -> folder.relativize(p).toString().replace(File.separatorChar, '.'))
                .map(n -> n.substring(0, n.length() - ".class".length()))
                .sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new instance of a fixture class through its public no-argument constructor, as the given type. */
    static <T> T instance(ClassLoader loader, String name, Class<T> type) {
        try {
            return type.cast(loader.loadClass(name).getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + name + " threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + name, e);
        }
    }

    /** One source held in memory. */
    private static final class Source extends SimpleJavaFileObject {

        private final String text;

        Source(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
