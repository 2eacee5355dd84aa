package calculus.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import calculus.grader.policy.SubmissionFiles;

/**
 * Compiles a module's code and its tests with the JDK's own compiler, in the grader's JVM, so that a compile error
 * is reported as clearly as a failed test and costs no more than it must.
 *
 * <p>The code under test is compiled from the sources the grader read and checked ({@link SubmissionFiles}),
 * against the JDK alone, with annotation processing off: it cannot name a library, and nothing of it runs while it
 * is compiled. The tests are compiled against it and the grader's libraries; a test file that does not compile
 * against the code (a changed signature) is left out, and only its tests are lost. Both compilations are skipped
 * when their inputs have not changed since the last one.
 */
public final class SourceCompiler {

    /** The Java release the course is written for. */
    static final String RELEASE = "17";
    /** The most errors reported: the first ones are the ones to fix. */
    static final int MAX_ERRORS = 20;
    /** Rounds of leaving out test files that do not compile before giving up. */
    private static final int TEST_ROUNDS = 6;

    private final JavaCompiler javac;

    public SourceCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this JVM (" + System.getProperty("java.home")
                + "): the course needs a JDK, not a JRE");
        }
    }

    /** The name of a module declaration's file, which the course's code never has. */
    static final String MODULE_INFO = "module-info.java";

    /**
     * What a compilation produced.
     *
     * @param ok       whether every given source compiled
     * @param errors   the compiler's errors, readable ("File.java:12: ';' expected" and the line)
     * @param excluded test sources left out because they do not compile, with their first error
     * @param reused   whether an earlier compilation's output was reused (its inputs had not changed)
     */
    public record Result(boolean ok, List<String> errors, Map<Path, String> excluded, boolean reused) {
    }

    /**
     * Compiles the code under test.
     *
     * @param sources    the checked sources, paths relative to the source root
     * @param sourceRoot where they came from (for messages only)
     * @param out        the output folder, replaced
     * @return the result; on errors, {@code out} holds nothing usable
     */
    public Result compileCode(List<SubmissionFiles.Source> sources, String sourceRoot, Path out) throws IOException {
        // javac reads a module declaration from real files only: given from memory it crashes with no diagnostic
        List<String> modules = sources.stream().map(SubmissionFiles.Source::path)
            .filter(p -> p.equals(MODULE_INFO) || p.endsWith("/" + MODULE_INFO))
            .map(p -> sourceRoot + "/" + p + ": the course's code is not a module: remove " + MODULE_INFO).toList();
        if (!modules.isEmpty()) {
            clean(out);
            return new Result(false, modules, Map.of(), false);
        }
        String digest = digest(d -> {
            for (SubmissionFiles.Source s : sources) {
                d.update(s.path().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(s.text().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
        });
        if (upToDate(out, digest)) {
            return new Result(true, List.of(), Map.of(), true);
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (SubmissionFiles.Source s : sources) {
            units.add(new InMemorySource(sourceRoot + "/" + s.path(), s.text()));
        }
        Compilation c = compile(units, List.of(), List.of(), out);
        if (c.ok) {
            stamp(out, digest);
        } else if (c.errors.isEmpty()) {
            c.errors.add(sourceRoot + ": the compiler stopped without saying why");
        }
        return new Result(c.ok, c.errors, Map.of(), false);
    }

    /**
     * Compiles the tests against the code under test, leaving out test files that do not compile against it.
     *
     * @param testRoots the test source folders (visible, and hidden when grading)
     * @param classpath the compiled code under test, then the grader's libraries
     * @param out       the output folder, replaced
     * @return the result: {@code ok} when at least one test file compiled; {@code excluded} names those left out
     */
    public Result compileTests(List<Path> testRoots, List<Path> classpath, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : testRoots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted()
                        .forEach(files::add);
                }
            }
        }
        String digest = digest(d -> {
            try {
                for (Path f : files) {
                    d.update(f.toString().getBytes(StandardCharsets.UTF_8));
                    d.update(Files.readAllBytes(f));
                }
                for (Path p : classpath) {
                    // the API, not where it lies (see ClassApi.digest)
                    d.update(ClassApi.digest(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (upToDate(out, digest)) {
            return new Result(true, List.of(), readExcluded(out), true);
        }
        Map<Path, String> excluded = new LinkedHashMap<>();
        List<Path> remaining = new ArrayList<>(files);
        for (int round = 0; round < TEST_ROUNDS && !remaining.isEmpty(); round++) {
            Compilation c = compile(List.of(), remaining, classpath, out);
            if (c.ok) {
                stamp(out, digest);
                writeExcluded(out, excluded);
                return new Result(true, List.of(), excluded, false);
            }
            if (c.failedFiles.isEmpty()) {
                return new Result(false, c.errors, excluded, false);
            }
            for (Path f : c.failedFiles.keySet()) {
                excluded.put(f, c.failedFiles.get(f));
            }
            remaining.removeAll(c.failedFiles.keySet());
        }
        return new Result(false, List.of("no test file compiles against this code"), excluded, false);
    }

    // ---- the compiler

    private static final class Compilation {
        boolean ok;
        final List<String> errors = new ArrayList<>();
        final Map<Path, String> failedFiles = new LinkedHashMap<>();
    }

    private Compilation compile(List<JavaFileObject> memory, List<Path> files, List<Path> classpath, Path out)
        throws IOException {
        Compilation result = new Compilation();
        Files.createDirectories(out);
        clean(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
            StandardCharsets.UTF_8)) {
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            fm.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            List<String> options = List.of("--release", RELEASE, "-proc:none", "-implicit:none", "-g",
                "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-Xmaxerrs", Integer.toString(MAX_ERRORS));
            List<JavaFileObject> units = new ArrayList<>(memory);
            fm.getJavaFileObjectsFromPaths(files).forEach(units::add);
            result.ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String text = describe(d);
            if (seen.add(text)) {
                result.errors.add(text);
            }
            if (d.getSource() != null && d.getSource().toUri().getScheme().equals("file")) {
                result.failedFiles.putIfAbsent(Path.of(d.getSource().toUri()), firstLine(text));
            }
        }
        return result;
    }

    /** A compiler error as a student reads it: where, what, and the line with a caret under the spot. */
    static String describe(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : name(d.getSource()) + ":" + d.getLineNumber() + ": ";
        StringBuilder text = new StringBuilder(where).append(d.getMessage(Locale.ROOT).lines().findFirst()
            .orElse(""));
        String line = sourceLine(d);
        if (!line.isEmpty()) {
            text.append('\n').append("    ").append(line.stripTrailing());
            if (d.getColumnNumber() > 0) {
                text.append('\n').append("    ").append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1)))
                    .append('^');
            }
        }
        return text.toString();
    }

    private static String name(JavaFileObject source) {
        String n = source.getName();
        return source instanceof InMemorySource ? n : Path.of(source.toUri()).getFileName().toString();
    }

    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() <= 0) {
            return "";
        }
        try {
            return expandTabs(d.getSource().getCharContent(true).toString().lines().skip(d.getLineNumber() - 1)
                .findFirst().orElse(""));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A line with its tabs expanded to stops of 8, as javac counts the column the caret goes under. */
    static String expandTabs(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            if (c == '\t') {
                do {
                    out.append(' ');
                } while (out.length() % 8 != 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** A source held in memory: what the grader read and checked is what it compiles. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String name;
        private final String text;

        InMemorySource(String name, String text) {
            super(uri(name), Kind.SOURCE);
            this.name = name;
            this.text = text;
        }

        /** The source's URI: its name quoted where a URI needs it ("100%.java" and "[1].java" are file names). */
        private static URI uri(String name) {
            try {
                return new URI("memory", null, "/" + name, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("a source name that makes no URI path: " + name, e);
            }
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    // ---- skipping what has not changed

    // kept beside the output folder, not in it: the code's folder must hold its classes and nothing else
    private static final String STAMP = ".inputs";
    private static final String EXCLUDED = ".excluded";

    private static Path beside(Path out, String suffix) {
        return out.resolveSibling(out.getFileName() + suffix);
    }

    private interface Feed {
        void into(MessageDigest digest);
    }

    private static String digest(Feed feed) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(System.getProperty("java.version", "").getBytes(StandardCharsets.UTF_8));
            feed.into(d);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean upToDate(Path out, String digest) throws IOException {
        Path stamp = beside(out, STAMP);
        return Files.isRegularFile(stamp) && Files.readString(stamp).equals(digest);
    }

    private static void stamp(Path out, String digest) throws IOException {
        Files.writeString(beside(out, STAMP), digest);
    }

    private static void writeExcluded(Path out, Map<Path, String> excluded) throws IOException {
        StringBuilder text = new StringBuilder();
        excluded.forEach((f, why) -> text.append(f).append('\t').append(why.replace('\n', ' ')).append('\n'));
        Files.writeString(beside(out, EXCLUDED), text);
    }

    private static Map<Path, String> readExcluded(Path out) throws IOException {
        Map<Path, String> excluded = new LinkedHashMap<>();
        Path file = beside(out, EXCLUDED);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    excluded.put(Path.of(line.substring(0, tab)), line.substring(tab + 1));
                }
            }
        }
        return excluded;
    }

    /** Empties a folder (the compiler's output), without following links. */
    static void clean(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : all) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
