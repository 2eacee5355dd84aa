package calculus.grader.sandbox;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** STAND-IN until the instrumentation lands: test classes first, then student classes, parent first. */
public final class StudentClassLoader extends ClassLoader {

    private final List<Path> testClasses;
    private final Path studentClasses;

    public StudentClassLoader(List<Path> testClasses, Path studentClasses, ClassLoader parent) {
        super("student", parent);
        this.testClasses = List.copyOf(testClasses);
        this.studentClasses = studentClasses;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        try {
            for (Path dir : testClasses) {
                Path p = dir.resolve(file);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] b = Files.readAllBytes(p);
                    tests.add(name);
                    return defineClass(name, b, 0, b.length);
                }
            }
            Path p = studentClasses.resolve(file);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                byte[] b = Files.readAllBytes(p);
                student.add(name);
                return defineClass(name, b, 0, b.length);
            }
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        throw new ClassNotFoundException(name);
    }

    private final java.util.Set<String> student = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> tests = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public boolean isStudentClass(String name) {
        return student.contains(name);
    }

    public boolean isTestClass(String name) {
        return tests.contains(name);
    }

    @Override
    protected URL findResource(String name) {
        for (Path dir : testClasses) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return p.toUri().toURL();
                } catch (MalformedURLException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
