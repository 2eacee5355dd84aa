package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.budget.StepBudget;
import calculus.grader.budget.StepBudgetExceeded;

/**
 * Where {@link StudentClassLoader} takes each class and resource from: the application class loader first, then the
 * test classes as they are, then the student classes instrumented; files read without following links.
 */
class StudentClassLoaderTest {

    /** The student's code under test: a counter with package-private state, and a method that loops. */
    private static final String COUNTER = """
        package student;

        import java.util.function.IntSupplier;

        public class Counter implements IntSupplier {
            static int created;
            int count;

            public Counter() {
                created++;
            }

            @Override
            public int getAsInt() {
                for (int i = 0; i < 10; i++) {
                    count++;
                }
                return count;
            }
        }
        """;

    /** A student class that claims the name of the test class below: it must never be loaded. */
    private static final String IMPOSTOR = """
        package student;

        import java.util.function.Supplier;

        public class CounterTest implements Supplier<String> {
            @Override
            public String get() {
                return "the student's impostor";
            }
        }
        """;

    /** A student class that claims the name of the budget itself, as if to count nothing. */
    private static final String FAKE_BUDGET = """
        package calculus.grader.sandbox;

        public final class StepBudget {
            public static void step() {
            }
        }
        """;

    /** The module's test, compiled against the student's code: it reads package-private state and a data file. */
    private static final String COUNTER_TEST = """
        package student;

        import java.io.IOException;
        import java.io.InputStream;
        import java.nio.charset.StandardCharsets;
        import java.util.function.Supplier;

        public class CounterTest implements Supplier<String> {
            @Override
            public String get() {
                Counter counter = new Counter();
                counter.getAsInt();
                int sum = 0;
                for (int i = 0; i < 1000; i++) {
                    sum += i;
                }
                try (InputStream in = CounterTest.class.getResourceAsStream("expected.txt")) {
                    String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return "the test: count " + counter.count + ", created " + Counter.created + ", sum " + sum
                        + ", expected " + expected;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        """;

    @TempDir
    static Path root;
    static Path studentClasses;
    static Path testClasses;

    @BeforeAll
    static void compile() throws IOException {
        studentClasses = StudentCode.compile(Files.createDirectory(root.resolve("classes")), COUNTER, IMPOSTOR,
            FAKE_BUDGET);
        testClasses = Files.createDirectory(root.resolve("test-classes"));
        Path onlyCounter = Files.createDirectory(root.resolve("counter"));
        StudentCode.compile(onlyCounter, COUNTER);
        StudentCode.compile(testClasses, List.of(onlyCounter), COUNTER_TEST);
        Files.writeString(testClasses.resolve("student").resolve("expected.txt"), "10");
        Files.writeString(studentClasses.resolve("student").resolve("secret.txt"), "the student's resource");
    }

    private StudentClassLoader loader;

    @BeforeEach
    void freshLoader() {
        loader = new StudentClassLoader(List.of(testClasses), studentClasses);
        StepBudget.disarm();
    }

    @AfterEach
    void disarm() {
        StepBudget.disarm();
    }

    @Test
    @DisplayName("a test class is loaded as it is and uses the student's package-private members and its data file")
    void testClassUsesStudentCode() {
        Supplier<?> test = StudentCode.instance(loader, "student.CounterTest", Supplier.class);
        StepBudget.arm(StepBudget.UNLIMITED);

        Object report = test.get();

        assertThat(report).hasToString("the test: count 10, created 1, sum 499500, expected 10");
        assertThat(StepBudget.used()).as("steps: the student's constructor (1) and getAsInt (1 + 10); the test's own "
            + "loop of 1000 is not counted").isEqualTo(12);
    }

    @Test
    @DisplayName("a student class named like a test class is never loaded: the test class wins")
    void testClassesWin() {
        Supplier<?> test = StudentCode.instance(loader, "student.CounterTest", Supplier.class);

        assertThat(test.get().toString()).startsWith("the test:");
    }

    @Test
    @DisplayName("a student class named like a class of the grader is never loaded: the application class loader wins")
    void parentWins() throws ClassNotFoundException {
        assertThat(loader.loadClass(StepBudget.class.getName())).isSameAs(StepBudget.class);
        assertThat(loader.loadClass("org.junit.jupiter.api.Test")).isSameAs(Test.class);
        assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
    }

    @Test
    @DisplayName("student classes are defined by the loader, instrumented")
    void studentClassesAreInstrumented() {
        IntSupplier counter = StudentCode.instance(loader, "student.Counter", IntSupplier.class);
        StepBudget.arm(5);

        assertThatThrownBy(counter::getAsInt).isInstanceOf(StepBudgetExceeded.class);
        assertThat(counter.getClass().getClassLoader()).isSameAs(loader);
    }

    @Test
    @DisplayName("a fresh loader gives fresh static state")
    void freshStatics() {
        StudentCode.instance(loader, "student.CounterTest", Supplier.class).get();
        Supplier<?> again = StudentCode.instance(loader, "student.CounterTest", Supplier.class);
        Supplier<?> fresh = StudentCode.instance(new StudentClassLoader(List.of(testClasses), studentClasses),
            "student.CounterTest", Supplier.class);

        assertThat(again.get().toString()).contains("created 2");
        assertThat(fresh.get().toString()).contains("created 1");
    }

    @Test
    @DisplayName("a class in neither folder is not found")
    void missingClass() {
        assertThatThrownBy(() -> loader.loadClass("student.Missing")).isInstanceOf(ClassNotFoundException.class)
            .hasMessage("student.Missing");
        assertThatThrownBy(() -> loader.loadClass("student/Counter")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("..student.Counter")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    @DisplayName("resources come from the test classes folders only, never from the student's folder")
    void resourcesFromTestClassesOnly() throws IOException {
        URL expected = loader.getResource("student/expected.txt");

        assertThat(expected).isNotNull();
        try (InputStream in = expected.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("10");
        }
        assertThat(loader.getResource("student/secret.txt")).isNull();
        assertThat(loader.getResource("student/Counter.class")).as("the student's class files").isNull();
        assertThat(Collections.list(loader.getResources("student/expected.txt"))).containsExactly(expected);
        assertThat(loader.getResource("student/../student/expected.txt")).as("a path that climbs").isNull();
    }

    @Test
    @DisplayName("a folder that does not exist has nothing to load")
    void missingFolders() {
        StudentClassLoader empty = new StudentClassLoader(List.of(root.resolve("none")), root.resolve("nothing"));

        assertThatThrownBy(() -> empty.loadClass("student.Counter")).isInstanceOf(ClassNotFoundException.class);
        assertThat(empty.getResource("student/expected.txt")).isNull();
    }

    @Test
    @DisplayName("null folders are refused, naming the parameter")
    void nullFolders() {
        assertThatThrownBy(() -> new StudentClassLoader(null, studentClasses))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("testClasses must be a list");
        assertThatThrownBy(() -> new StudentClassLoader(Collections.singletonList(null), studentClasses))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("testClasses must be a list");
        assertThatThrownBy(() -> new StudentClassLoader(List.of(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("studentClasses is null");
    }

    @Test
    @DisplayName("a class file that is not one fails as a ClassFormatError naming the class")
    void brokenClassFile(@TempDir Path broken) throws IOException {
        Files.createDirectory(broken.resolve("student"));
        Files.write(broken.resolve("student").resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0});
        StudentClassLoader brokenLoader = new StudentClassLoader(List.of(), broken);

        assertThatThrownBy(() -> brokenLoader.loadClass("student.Broken")).isInstanceOf(ClassFormatError.class)
            .hasMessageStartingWith("student.Broken: class ");
    }

    @Test
    @DisplayName("symbolic links are not followed: not to a class file, not to a folder, not to a resource")
    void linksAreNotFollowed(@TempDir Path linked) throws IOException {
        // the targets: real files elsewhere in the same temporary folder
        Path real = Files.createDirectory(linked.resolve("real"));
        Path realClass = Files.copy(studentClasses.resolve("student").resolve("Counter.class"),
            real.resolve("Counter.class"));
        Path realData = Files.writeString(real.resolve("expected.txt"), "10");
        Path student = Files.createDirectory(linked.resolve("student"));
        Path tests = Files.createDirectory(linked.resolve("tests"));
        Path testPackage = Files.createDirectory(tests.resolve("student"));
        try {
            Files.createSymbolicLink(student.resolve("elsewhere"), real);
            Files.createDirectory(student.resolve("student"));
            Files.createSymbolicLink(student.resolve("student").resolve("Counter.class"), realClass);
            Files.createSymbolicLink(testPackage.resolve("expected.txt"), realData);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Assumptions.abort("this file system has no symbolic links: " + e);
        }
        StudentClassLoader linkLoader = new StudentClassLoader(List.of(tests), student);

        assertThatThrownBy(() -> linkLoader.loadClass("student.Counter")).as("a linked class file")
            .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> linkLoader.loadClass("elsewhere.Counter")).as("a class in a linked folder")
            .isInstanceOf(ClassNotFoundException.class);
        assertThat(linkLoader.getResource("student/expected.txt")).as("a linked resource").isNull();
    }

    @Test
    @DisplayName("two threads that load the same class at once get the same Class")
    void parallelLoadsAgree() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Class<?>> load = () -> {
            start.await();
            return loader.loadClass("student.Counter");
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Class<?>>> loads = List.of(pool.submit(load), pool.submit(load), pool.submit(load),
                pool.submit(load));
            start.countDown();
            Class<?> first = loads.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Class<?>> other : loads) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the loader is registered as parallel capable: it locks per class name, not on itself")
    void parallelCapable() {
        assertThat(loader.isRegisteredAsParallelCapable()).isTrue();
    }
}
