package calculus.grader.policy;

import static calculus.grader.policy.JavaFixtures.method;
import static calculus.grader.policy.JavaFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every way around the rules the policy must catch, one row each: student-style code compiled by javac while the
 * test runs (or, for what javac will not write, by ASM), checked as one module, and the breach each row must be
 * reported with, in the student's words: what the code does, and a piece of why it is refused or what to do
 * instead.
 */
class RefusalsTest {

    private static final String OWN = "calculus.derivatives.";
    private static final String TEST_HELPER = OWN + "Cases";
    private static final String TEST_CLASS = OWN + "NewtonMethodTest";

    /**
     * One way around the rules.
     *
     * @param title     what the code does, for the test's name
     * @param className the binary name of the class that does it
     * @param source    its compilation unit, or null for a class {@link #ASM_WRITTEN} writes
     * @param what      the breach the policy must report for that class (nested classes included)
     * @param fragment  a piece of the message: of why, or of what to do instead
     */
    record Row(String title, String className, String source, String what, String fragment) {

        @Override
        public String toString() {
            return title;
        }
    }

    private static Row calls(String title, String simpleName, String statements, String what, String fragment) {
        return new Row(title, OWN + simpleName, method(OWN + simpleName, statements), what, fragment);
    }

    private static Row declares(String title, String className, String declaration, String what, String fragment) {
        return new Row(title, className, unit(className, declaration), what, fragment);
    }

    private static Row written(String title, String simpleName, String what, String fragment) {
        return new Row(title, OWN + simpleName, null, what, fragment);
    }

    static final List<Row> ROWS = List.of(
        // walk-arounds of the old deny-list: ordinary JDK API that writes files or runs code
        calls("java.util.Formatter with a file name writes a file", "FormatsToFile",
            "new java.util.Formatter(\"answers.txt\").format(\"%d\", 100).close();",
            "uses new java.util.Formatter(...)", "String.format"),
        calls("java.util.logging.FileHandler writes a log file", "LogsToFile",
            "new java.util.logging.FileHandler(\"grade.log\").close();",
            "uses new java.util.logging.FileHandler(...)", "writes log files"),
        calls("java.beans.Statement calls a method by its name", "CallsByName",
            "new java.beans.Statement(System.class, \"exit\", new Object[] {0}).execute();",
            "uses new java.beans.Statement(...)", "reflection"),
        calls("java.beans.Expression calls a method by its name", "EvaluatesByName",
            "new java.beans.Expression(Math.class, \"abs\", new Object[] {-1}).getValue();",
            "uses new java.beans.Expression(...)", "reflection"),
        calls("JShell runs code the grader has not checked", "RunsJShell",
            "jdk.jshell.JShell.create().eval(\"System.exit(0);\");",
            "uses jdk.jshell.JShell.create", "not checked"),
        calls("javax.tools compiles and loads code", "CompilesCode",
            "javax.tools.ToolProvider.getSystemJavaCompiler();",
            "uses javax.tools.ToolProvider.getSystemJavaCompiler", "compiles and loads"),
        calls("ServiceLoader loads classes named in files", "LoadsServices",
            "java.util.ServiceLoader.load(Runnable.class).forEach(Runnable::run);",
            "uses java.util.ServiceLoader.load", "loads classes"),
        calls("java.lang.management inspects the JVM", "MeasuresCpu",
            "java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();",
            "uses java.lang.management.ManagementFactory.getThreadMXBean", "inspects and controls the JVM"),
        calls("a Cleaner runs code on the JVM's own thread", "CleansUp",
            "java.lang.ref.Cleaner.create().register(new Object(), () -> { });",
            "uses java.lang.ref.Cleaner.create", "close()"),
        calls("Runtime.load loads native code", "LoadsNative",
            "Runtime.getRuntime().load(\"/tmp/libgrade.so\");",
            "uses java.lang.Runtime.load", "native code"),

        // reflection, method handles and class loading
        calls("Method.invoke calls a method found at run time", "Reflects",
            "String.class.getMethod(\"length\").invoke(\"x\");",
            "uses java.lang.reflect.Method.invoke", "call your own methods directly"),
        calls("Class.getDeclaredFields looks into a class", "ListsFields",
            "Object.class.getDeclaredFields();",
            "uses java.lang.Class.getDeclaredFields", "reflection"),
        calls("MethodHandles.lookup finds methods at run time", "LooksUp",
            "java.lang.invoke.MethodHandles.lookup();",
            "uses java.lang.invoke.MethodHandles.lookup", "method handles"),
        calls("Class.forName loads a class by its name", "LoadsByName",
            "Class.forName(\"calculus.grader.GradingListener\");",
            "uses java.lang.Class.forName", "reflection"),
        calls("a ClassLoader loads classes", "UsesLoader",
            "ClassLoader.getSystemClassLoader().loadClass(\"calculus.Secret\");",
            "uses java.lang.ClassLoader.getSystemClassLoader", "loads classes"),
        calls("Class.getResourceAsStream reads a file from the class path", "ReadsResource",
            "ReadsResource.class.getResourceAsStream(\"/results.json\");",
            "uses java.lang.Class.getResourceAsStream", "reflection"),

        // threads
        declares("a class that extends Thread", OWN + "Worker",
            "class Worker extends Thread {\n    @Override\n    public void run() {\n    }\n}\n",
            "extends java.lang.Thread", "single-threaded code is all the course needs"),
        calls("a Runnable handed to a Thread", "StartsThread",
            "new Thread(() -> { }).start();",
            "uses java.lang.Thread.start", "threads"),
        calls("a Runnable handed to an executor", "SubmitsTask",
            "java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> { });",
            "uses java.util.concurrent.Executors.newSingleThreadExecutor", "other threads"),
        calls("a Runnable handed to CompletableFuture", "RunsAsync",
            "java.util.concurrent.CompletableFuture.runAsync(() -> { }).join();",
            "uses java.util.concurrent.CompletableFuture.runAsync", "other threads"),
        calls("a task handed to a Timer", "Schedules",
            "new java.util.Timer().schedule(new java.util.TimerTask() {\n            @Override\n"
                + "            public void run() {\n            }\n        }, 10);",
            "extends java.util.TimerTask", "call the method directly"),
        calls("Thread.currentThread inspects the grader's thread", "InspectsThread",
            "Thread.currentThread().getName();",
            "uses java.lang.Thread.currentThread", "threads"),
        calls("Object.wait waits for another thread", "Waits",
            "Object lock = new Object();\n        synchronized (lock) {\n            lock.wait(10);\n        }",
            "uses java.lang.Object.wait", "single-threaded"),
        calls("parallelStream, named through List", "StreamsInParallel",
            "java.util.List.of(1.0, 2.0).parallelStream().count();",
            "uses java.util.List.parallelStream", "use stream()"),
        calls("parallel(), named through IntStream", "SumsInParallel",
            "java.util.stream.IntStream.range(0, 9).parallel().sum();",
            "uses java.util.stream.IntStream.parallel", "drop .parallel()"),
        calls("Arrays.parallelSort", "SortsInParallel",
            "java.util.Arrays.parallelSort(new double[] {2, 1});",
            "uses java.util.Arrays.parallelSort", "Arrays.sort"),

        // declarations
        declares("a finalize() method", OWN + "Finalizes",
            "class Finalizes {\n    @Override\n    @SuppressWarnings({\"deprecation\", \"removal\"})\n"
                + "    protected void finalize() {\n    }\n}\n",
            "declares finalize()", "finalizer thread"),
        declares("a native method", OWN + "Native",
            "class Native {\n    static native double sin(double x);\n}\n",
            "declares the native method sin", "write the method in Java"),
        calls("System.exit through a method reference", "ExitsByReference",
            "java.util.function.IntConsumer quit = System::exit;\n        quit.accept(1);",
            "uses java.lang.System.exit", "throw an IllegalArgumentException or IllegalStateException instead"),

        // where classes live, and the tests
        declares("a class in the grader's package", "calculus.grader.Hack",
            "public class Hack {\n}\n",
            "is in the package calculus.grader", "move it to the package calculus.derivatives"),
        declares("a class in the default package", "Loose",
            "public class Loose {\n}\n",
            "is in the default package", "move it to the package calculus.derivatives"),
        new Row("a class in java.lang, written byte by byte", "java.lang.Smuggled", null,
            "is in the package java.lang", "calculus.derivatives"),
        declares("a class with the name of a test class", TEST_CLASS,
            "class NewtonMethodTest {\n}\n",
            "has the name of a test class", "rename it"),
        calls("a test helper of the same package, used", "UsesTestHelper",
            "Cases.secret();",
            "uses calculus.derivatives.Cases.secret", "must not depend on its tests"),

        // the grader's settings, its output, other programs, the network and files
        calls("System.getProperty reads the grader's settings", "ReadsProperty",
            "System.getProperty(\"seed\");",
            "uses java.lang.System.getProperty", "take what the method needs as a parameter"),
        calls("System.getenv reads the environment", "ReadsEnvironment",
            "System.getenv(\"HOME\");",
            "uses java.lang.System.getenv", "configure the grader"),
        calls("System.setOut replaces the grader's output", "ReplacesOutput",
            "System.setOut(System.err);",
            "uses java.lang.System.setOut", "print to System.out as it is"),
        calls("Locale.setDefault changes how the grader prints numbers", "SetsLocale",
            "java.util.Locale.setDefault(java.util.Locale.ROOT);",
            "uses java.util.Locale.setDefault", "pass Locale.ROOT to String.format"),
        calls("ProcessBuilder starts a program", "StartsProcess",
            "new ProcessBuilder(\"ls\").start();",
            "uses new java.lang.ProcessBuilder(...)", "another program"),
        calls("Runtime.exec starts a program", "Execs",
            "Runtime.getRuntime().exec(new String[] {\"ls\"});",
            "uses java.lang.Runtime.exec", "starts processes"),
        calls("a socket", "Connects",
            "new java.net.Socket(\"localhost\", 80).close();",
            "uses new java.net.Socket(...)", "network"),
        calls("a URL", "Downloads",
            "new java.net.URL(\"http://localhost/\").openStream().close();",
            "uses new java.net.URL(...)", "network"),
        calls("new PrintStream(file) writes a file", "PrintsToFile",
            "new java.io.PrintStream(\"results.json\").println(100);",
            "uses new java.io.PrintStream(...)", "print to System.out"),
        calls("Integer.getInteger reads a system property", "ReadsIntegerProperty",
            "Integer.getInteger(\"seed\");",
            "uses java.lang.Integer.getInteger", "Integer.parseInt"),
        declares("getStackTrace, inherited through the student's own exception", OWN + "InspectsCaller",
            "class InspectsCaller {\n    static final class Oops extends RuntimeException {\n"
                + "        private static final long serialVersionUID = 1L;\n    }\n\n    static int depth() {\n"
                + "        return new Oops().getStackTrace().length;\n    }\n}\n",
            "uses java.lang.RuntimeException.getStackTrace", "behaves differently under test"),
        calls("java.nio.file.Files reads a file", "ReadsFile",
            "java.nio.file.Files.readString(java.nio.file.Path.of(\"answers.txt\"));",
            "uses java.nio.file.Files.readString", "the course never needs files"),
        calls("java.io.File looks at a file", "ChecksFile",
            "new java.io.File(\"answers.txt\").exists();",
            "uses java.io.File.exists", "the course never needs files"),
        calls("StackWalker inspects the caller", "WalksStack",
            "StackWalker.getInstance().walk(frames -> frames.count());",
            "uses java.lang.StackWalker.getInstance", "behaves differently under test"),

        // the refusals that teach
        calls("AtomicLong in single-threaded code", "CountsAtomically",
            "new java.util.concurrent.atomic.AtomicLong().incrementAndGet();",
            "uses java.util.concurrent.atomic.AtomicLong.incrementAndGet", "use a long field"),
        calls("AtomicInteger in single-threaded code", "CountsAtomicInts",
            "new java.util.concurrent.atomic.AtomicInteger().getAndIncrement();",
            "uses java.util.concurrent.atomic.AtomicInteger.getAndIncrement", "use a long field"),
        calls("ThreadLocalRandom draws unseeded numbers", "DrawsUnseeded",
            "java.util.concurrent.ThreadLocalRandom.current().nextDouble();",
            "uses java.util.concurrent.ThreadLocalRandom.current", "or new Random(seed)"),
        calls("PrintWriter to build text", "WritesText",
            "new java.io.PrintWriter(System.out).print(1.5);",
            "uses new java.io.PrintWriter(...)", "build text with StringBuilder or String.format"),
        calls("StringWriter to build text", "BuildsText",
            "new java.io.StringWriter().append(\"x\").toString();",
            "uses new java.io.StringWriter(...)", "build text with StringBuilder or String.format"),
        calls("System.nanoTime measures time", "TimesItself",
            "System.nanoTime();",
            "uses java.lang.System.nanoTime", "count iterations or steps"),
        calls("System.currentTimeMillis reads the clock", "ReadsClock",
            "System.currentTimeMillis();",
            "uses java.lang.System.currentTimeMillis", "tests must be deterministic"),
        calls("Thread.sleep waits", "Sleeps",
            "Thread.sleep(100);",
            "uses java.lang.Thread.sleep", "remove the wait"),
        calls("System.exit ends the JVM", "Exits",
            "System.exit(1);",
            "uses java.lang.System.exit", "throw an IllegalArgumentException or IllegalStateException instead"),
        calls("Math.random draws unseeded numbers", "DrawsFromMath",
            "Math.random();",
            "uses java.lang.Math.random", "new Random(seed)"),
        calls("new Random() is unseeded", "DrawsUnseededRandom",
            "new java.util.Random().nextDouble();",
            "uses new java.util.Random(...)", "new Random(seed)"),
        calls("RandomGenerator.of looks an algorithm up by name", "NamesGenerator",
            "java.util.random.RandomGenerator.of(\"L64X128MixRandom\").nextDouble();",
            "uses java.util.random.RandomGenerator.of", "new SplittableRandom(seed)"),
        calls("catching StackOverflowError", "CatchesOverflow",
            "try {\n            run();\n        } catch (StackOverflowError e) {\n            return;\n        }",
            "uses java.lang.StackOverflowError", "base case"),

        // named without being called: literals, fields, casts, and anything not on the list
        calls("a class literal of Thread", "NamesThread",
            "Object type = Thread.class;",
            "uses java.lang.Thread", "threads"),
        declares("a field of a refused type", OWN + "HoldsThread",
            "class HoldsThread {\n    Thread worker;\n}\n",
            "uses java.lang.Thread", "threads"),
        calls("a class on no line of the list gets the general message", "UsesVector",
            "new java.util.Vector<Double>().add(1.0);",
            "uses java.util.Vector.add", ApiCheck.NOT_LISTED),

        // what javac does not write: invokedynamic and constants of ASM's making
        written("invokedynamic with a bootstrap method of the student's own", "OwnBootstrap",
            "uses the bootstrap method calculus.derivatives.OwnBootstrap.boot", "lambdas"),
        written("an ldc of a method handle to System.exit", "HandleConstant",
            "uses java.lang.System.exit", "ends the JVM"),
        written("an ldc of a method type that names Thread", "MethodTypeConstant",
            "uses java.lang.Thread", "threads"),
        written("a dynamic constant", "DynamicConstant",
            "uses the bootstrap method java.lang.invoke.ConstantBootstraps.nullConstant", "lambdas"));

    /** The classes javac will not write, by binary name. */
    private static final Map<String, byte[]> ASM_WRITTEN = Map.of(
        "java.lang.Smuggled", emptyClass("java/lang/Smuggled"),
        OWN + "OwnBootstrap", ownBootstrap(),
        OWN + "HandleConstant", loadsConstant("HandleConstant",
            new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false)),
        OWN + "MethodTypeConstant", loadsConstant("MethodTypeConstant", Type.getMethodType("(Ljava/lang/Thread;)V")),
        OWN + "DynamicConstant", loadsConstant("DynamicConstant", new ConstantDynamic("none", "Ljava/lang/Object;",
            new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "nullConstant",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false))));

    private static List<Violation> found;

    @BeforeAll
    static void compileAndCheck(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Path tests = dir.resolve("test-classes");
        Map<String, String> units = new LinkedHashMap<>();
        ROWS.stream().filter(r -> r.source() != null).forEach(r -> units.put(r.className(), r.source()));
        units.put(TEST_HELPER, unit(TEST_HELPER, "class Cases {\n    static double secret() {\n        return 42;\n"
            + "    }\n}\n"));
        JavaFixtures.compile(dir.resolve("src"), classes, units);
        // the test helper was compiled beside the code that uses it; it belongs to the tests
        Path helper = Path.of(TEST_HELPER.replace('.', '/') + ".class");
        Files.createDirectories(tests.resolve(helper).getParent());
        Files.move(classes.resolve(helper), tests.resolve(helper));
        for (Map.Entry<String, byte[]> written : ASM_WRITTEN.entrySet()) {
            JavaFixtures.write(classes, written.getKey(), written.getValue());
        }
        Set<String> testClasses = CodePolicy.classNames(tests);
        assertThat(testClasses).containsExactly(TEST_HELPER);
        found = CodePolicy.check(classes, Set.of("calculus.derivatives"), Set.of(TEST_HELPER, TEST_CLASS));
    }

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("each way around the rules is refused, with a message that says why or what to write instead")
    void refused(Row row) {
        List<Violation> ofRow = found.stream().filter(v -> v.className().equals(row.className())
            || v.className().startsWith(row.className() + "$")).toList();

        assertThat(ofRow).as("the breaches of %s", row.className()).extracting(Violation::what).contains(row.what());
        assertThat(ofRow).filteredOn(v -> v.what().equals(row.what())).first()
            .satisfies(v -> assertThat(v.message()).contains(row.fragment()));
    }

    @Test
    @DisplayName("a breach in compiled code names the source file and the line, as the student wrote them")
    void sourceAndLine() {
        Violation exit = found.stream().filter(v -> v.className().equals(OWN + "Exits")).findFirst().orElseThrow();

        // method() puts the statements on the fourth line of the file: package, blank, class, method, statements
        assertThat(exit.source()).isEqualTo("Exits.java:5");
        assertThat(exit.message()).isEqualTo("Exits.java:5 uses java.lang.System.exit: ends the JVM, and the "
            + "grading with it; throw an IllegalArgumentException or IllegalStateException instead");
    }

    @Test
    @DisplayName("a refused class named on the same line as its refused member is reported once, by the member")
    void oneReportPerLine() {
        List<String> whats = found.stream().filter(v -> v.className().equals(OWN + "StartsThread"))
            .map(Violation::what).toList();

        assertThat(whats).containsExactly("uses new java.lang.Thread(...)", "uses java.lang.Thread.start");
    }

    // ---- the classes ASM writes

    private static byte[] emptyClass(String internalName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object",
            null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class whose {@code run()} loads one constant and drops it. */
    private static byte[] loadsConstant(String simpleName, Object constant) {
        ClassWriter writer = classWriter(simpleName);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        run.visitCode();
        run.visitLdcInsn(constant);
        run.visitInsn(Opcodes.POP);
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class whose {@code run()} is an invokedynamic bootstrapped by a method of the class itself. */
    private static byte[] ownBootstrap() {
        String owner = (OWN + "OwnBootstrap").replace('.', '/');
        String descriptor = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
            + "Ljava/lang/invoke/CallSite;";
        ClassWriter writer = classWriter("OwnBootstrap");
        MethodVisitor boot = writer.visitMethod(Opcodes.ACC_STATIC, "boot", descriptor, null, null);
        boot.visitCode();
        boot.visitInsn(Opcodes.ACONST_NULL);
        boot.visitInsn(Opcodes.ARETURN);
        boot.visitMaxs(0, 0);
        boot.visitEnd();
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        run.visitCode();
        run.visitInvokeDynamicInsn("go", "()V", new Handle(Opcodes.H_INVOKESTATIC, owner, "boot", descriptor, false));
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static ClassWriter classWriter(String simpleName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_SUPER, (OWN + simpleName).replace('.', '/'), null, "java/lang/Object",
            null);
        return writer;
    }
}
