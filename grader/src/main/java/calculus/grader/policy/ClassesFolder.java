package calculus.grader.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The classes in a folder of compiled code, read without following links and without loading any of them. A file
 * that is not a class file where its name says is a problem to report, not something to skip: whatever sits in the
 * folder ends up on the test JVM's class path.
 */
final class ClassesFolder {

    private static final String CLASS_SUFFIX = ".class";

    private final Map<String, CompiledClass> classes = new TreeMap<>();
    private final List<Violation> problems = new ArrayList<>();

    private ClassesFolder() {
    }

    /**
     * Reads every class file under a folder.
     *
     * @param folder an existing folder
     * @return its classes, and its problems: links, other files, unreadable or misplaced class files
     */
    static ClassesFolder read(Path folder) {
        ClassesFolder read = new ClassesFolder();
        try {
            Files.walkFileTree(folder, read.new Reader(folder));
        } catch (IOException e) {
            read.problems.add(new Violation(folder.toString(), "", "could not be read", String.valueOf(e), ""));
        }
        return read;
    }

    /** The binary names of the classes under a folder, from their files' paths; none when it does not exist. */
    static Set<String> classNames(Path folder) {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            read(folder).classes.values().forEach(c -> names.add(c.name()));
        }
        return names;
    }

    /** The classes read, by binary name. */
    Map<String, CompiledClass> classes() {
        return classes;
    }

    /** What is wrong with the folder's files, in path order. */
    List<Violation> problems() {
        return problems;
    }

    /** Visits the folder's entries as they are, links included (a walk follows none by default). */
    private final class Reader extends SimpleFileVisitor<Path> {
        private final Path root;

        Reader(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String path = root.relativize(file).toString().replace('\\', '/');
            if (!attributes.isRegularFile()) {
                problems.add(new Violation(path, "", "is " + (attributes.isSymbolicLink() ? "a symbolic link"
                    : "not a regular file"), "only compiled classes belong in the classes folder", "remove it"));
            } else if (!path.endsWith(CLASS_SUFFIX)) {
                problems.add(new Violation(path, "", "is not a class file",
                    "only compiled classes are graded, and a resource could change how the tests run",
                    "remove it: the course needs no resource files"));
            } else {
                readClass(file, path);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(new Violation(root.relativize(file).toString(), "", "could not be read", String.valueOf(e),
                ""));
            return FileVisitResult.CONTINUE;
        }

        private void readClass(Path file, String path) {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                CompiledClass c = ClassFileReader.read(in.readAllBytes());
                String expected = c.name().replace('.', '/') + CLASS_SUFFIX;
                if (!path.equals(expected)) {
                    problems.add(new Violation(c.name(), c.source(0), "is stored as " + path,
                        "a class file must sit where its name says, or the JVM loads another class in its place",
                        "compile it again"));
                } else {
                    classes.put(c.name(), c);
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new Violation(path, "", "could not be read", e.getMessage(), ""));
            }
        }
    }
}
