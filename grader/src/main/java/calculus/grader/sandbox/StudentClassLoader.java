package calculus.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;

import calculus.grader.budget.StepBudget;

/**
 * Loads one module's classes for one test run: the test classes as they are, the student's classes instrumented with
 * the {@link StepBudget} (see {@link Instrumenter}).
 *
 * <p><b>Where a class comes from</b>, in this order:
 * <ol>
 * <li>the application class loader (parent first), so that the grader, JUnit, AssertJ, the course's oracles and the
 * JDK can never be shadowed by a class of the same name in a module;</li>
 * <li>the test classes folders, trusted and not instrumented;</li>
 * <li>the student classes folder, instrumented. A student class with the name of a test class is never loaded: the
 * test class is found first (the code policy refuses such a class too).</li>
 * </ol>
 * Tests and student code are defined by this one loader, so a test can use the package-private members of the code
 * it tests, as it does under Maven. The application class path must therefore hold neither the module's
 * {@code target/classes} nor its {@code target/test-classes}: from there the parent would load them, uninstrumented.
 *
 * <p><b>Resources</b> are served from the test classes folders only (after the parent's): test code may read its data
 * files, student code none, and nothing from the student classes folder.
 *
 * <p><b>Files</b> are read without following symbolic links, at any level below the folders given: a link in a
 * student's folder cannot make the loader read a file elsewhere. Class and resource names with empty, {@code .} or
 * {@code ..} segments are refused.
 *
 * <p><b>One loader per run.</b> A class's static state lives as long as its loader, so a fresh loader gives fresh
 * statics, and a class whose initialiser failed (for example by running out of budget) is usable again in the next
 * run, even in a JVM kept warm for several runs.
 *
 * <p><b>Threads.</b> The loader is registered as parallel capable: {@link ClassLoader#loadClass(String, boolean)}
 * locks per class name, so JUnit may discover on one thread and run on another, and two threads asking for the same
 * class get the same {@link Class}. The loader keeps no state of its own besides its immutable folder lists.
 */
public final class StudentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String CLASS_SUFFIX = ".class";

    private final List<Path> testClasses;
    private final Path studentClasses;
    /** The classes defined so far from the code under test, and from the tests. */
    private final Set<String> student = ConcurrentHashMap.newKeySet();
    private final Set<String> tests = ConcurrentHashMap.newKeySet();

    /**
     * Creates a loader for one run. Folders that do not exist have nothing to load.
     *
     * @param testClasses the folders of compiled test classes, searched in this order; may be empty
     * @param studentClasses the folder of compiled student classes
     * @throws IllegalArgumentException if either argument, or any test folder, is {@code null}
     */
    public StudentClassLoader(List<Path> testClasses, Path studentClasses) {
        super(ClassLoader.getSystemClassLoader());
        if (testClasses == null || testClasses.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("testClasses must be a list of folders: testClasses = " + testClasses);
        }
        if (studentClasses == null) {
            throw new IllegalArgumentException("studentClasses is null");
        }
        this.testClasses = List.copyOf(testClasses);
        this.studentClasses = studentClasses;
    }

    /**
     * Defines a class that the parent does not have: from the test classes folders as it is, else from the student
     * classes folder, instrumented.
     *
     * @throws ClassNotFoundException if neither has it
     * @throws ClassFormatError if a class file cannot be read or instrumented
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.indexOf('/') >= 0) {
            throw new ClassNotFoundException(name + " is not a binary class name");
        }
        String file = name.replace('.', '/') + CLASS_SUFFIX;
        for (Path folder : testClasses) {
            byte[] bytes = read(folder, file);
            if (bytes != null) {
                tests.add(name);
                return defineClass(name, bytes, 0, bytes.length);
            }
        }
        byte[] bytes = read(studentClasses, file);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        student.add(name);
        byte[] instrumented;
        try {
            instrumented = Instrumenter.instrument(bytes);
        } catch (IllegalArgumentException e) {
            ClassFormatError error = new ClassFormatError(name + ": " + e.getMessage());
            error.initCause(e);
            throw error;
        }
        return defineClass(name, instrumented, 0, instrumented.length);
    }

    /** Whether this loader defined a class from the code under test (which is what failure messages point at). */
    public boolean isStudentClass(String name) {
        return student.contains(name);
    }

    /** Whether this loader defined a class from the tests. */
    public boolean isTestClass(String name) {
        return tests.contains(name);
    }

    /** A resource of the test classes folders, or {@code null}. */
    @Override
    protected URL findResource(String name) {
        for (Path folder : testClasses) {
            Path file = locate(folder, name);
            if (file != null) {
                return url(file);
            }
        }
        return null;
    }

    /** The resources of the test classes folders with this name, in folder order. */
    @Override
    protected Enumeration<URL> findResources(String name) {
        List<URL> found = new ArrayList<>();
        for (Path folder : testClasses) {
            Path file = locate(folder, name);
            if (file != null) {
                found.add(url(file));
            }
        }
        return Collections.enumeration(found);
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file path has no URL: " + file, e);
        }
    }

    /**
     * The bytes of a file below a folder, or {@code null} if there is no such regular file reached without links.
     *
     * @throws ClassFormatError if the file exists but cannot be read
     */
    private static byte[] read(Path folder, String relative) {
        Path file = locate(folder, relative);
        if (file == null) {
            return null;
        }
        try (InputStream in = Channels.newInputStream(
                Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException | UncheckedIOException e) {
            ClassFormatError error = new ClassFormatError("cannot read " + file + ": " + e.getMessage());
            error.initCause(e);
            throw error;
        }
    }

    /**
     * The regular file at a {@code /}-separated relative path below a folder, every step of the way a real directory
     * or file rather than a symbolic link; {@code null} if there is none, or the path is not a plain relative one.
     */
    static Path locate(Path folder, String relative) {
        String[] segments = relative.split("/", -1);
        Path at = folder;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0
                || segment.indexOf('\0') >= 0) {
                return null;
            }
            try {
                at = at.resolve(segment);
            } catch (InvalidPathException e) {
                return null;
            }
            boolean last = i == segments.length - 1;
            if (last ? !Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)
                : !Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
        }
        return at;
    }
}
