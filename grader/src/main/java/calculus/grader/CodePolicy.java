package calculus.grader;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The rules student code must keep so that it cannot break or game the grade, checked on the compiled classes
 * before any test runs: no process exit or halt, no reflection or class loading, no file or network I/O, no
 * threads or processes, no system properties or environment, no replacing {@code System.out}, no stack
 * inspection (code that behaves differently under test).
 *
 * <p>The check reads each class file's constant pool: every class, method and field a class uses is listed there,
 * including those used only through a lambda or a method reference. A calculus exercise needs none of the
 * forbidden members, so a rule that fires is a clear signal, and the message names the class and the member.
 */
public final class CodePolicy {

    /** One forbidden class, package or member, and why. */
    private record Rule(String owner, String member, String why) {

        boolean matches(String refOwner, String refMember) {
            boolean ownerMatches = owner.endsWith("/") ? refOwner.startsWith(owner) : refOwner.equals(owner);
            return ownerMatches && (member.equals("*") || member.equals(refMember));
        }
    }

    private static final List<Rule> RULES = List.of(
        new Rule("java/lang/System", "exit", "ends the grader's JVM"),
        new Rule("java/lang/Runtime", "exit", "ends the grader's JVM"),
        new Rule("java/lang/Runtime", "halt", "ends the grader's JVM"),
        new Rule("java/lang/Runtime", "exec", "starts a process"),
        new Rule("java/lang/Runtime", "addShutdownHook", "interferes with the grader"),
        new Rule("java/lang/ProcessBuilder", "*", "starts a process"),
        new Rule("java/lang/ProcessHandle", "*", "controls processes"),
        new Rule("java/lang/System", "getProperty", "reads settings that configure the grader"),
        new Rule("java/lang/System", "getProperties", "reads settings that configure the grader"),
        new Rule("java/lang/System", "setProperty", "changes settings that configure the grader"),
        new Rule("java/lang/System", "setProperties", "changes settings that configure the grader"),
        new Rule("java/lang/System", "clearProperty", "changes settings that configure the grader"),
        new Rule("java/lang/System", "getenv", "reads the environment"),
        new Rule("java/lang/System", "setOut", "replaces the grader's output"),
        new Rule("java/lang/System", "setErr", "replaces the grader's output"),
        new Rule("java/lang/System", "setIn", "replaces the grader's input"),
        new Rule("java/lang/Integer", "getInteger", "reads settings that configure the grader"),
        new Rule("java/lang/Long", "getLong", "reads settings that configure the grader"),
        new Rule("java/lang/Boolean", "getBoolean", "reads settings that configure the grader"),
        new Rule("java/lang/Thread", "*", "starts or inspects threads"),
        new Rule("java/lang/ThreadGroup", "*", "starts or inspects threads"),
        new Rule("java/util/concurrent/", "*", "runs code on other threads"),
        new Rule("java/util/Timer", "*", "runs code on another thread"),
        // javac records the receiver's type (ArrayList, IntStream...), not the declaring one: match by package
        new Rule("java/util/", "parallelStream", "runs code on other threads"),
        new Rule("java/util/stream/", "parallel", "runs code on other threads"),
        new Rule("java/lang/StackWalker", "*", "inspects the caller (code that behaves differently under test)"),
        new Rule("java/lang/", "getStackTrace", "inspects the caller (code that behaves differently under test)"),
        new Rule("java/lang/Class", "forName", "loads classes by name (reflection)"),
        new Rule("java/lang/Class", "getDeclaredField", "reflection"),
        new Rule("java/lang/Class", "getDeclaredFields", "reflection"),
        new Rule("java/lang/Class", "getDeclaredMethod", "reflection"),
        new Rule("java/lang/Class", "getDeclaredMethods", "reflection"),
        new Rule("java/lang/Class", "getDeclaredConstructor", "reflection"),
        new Rule("java/lang/Class", "getDeclaredConstructors", "reflection"),
        new Rule("java/lang/Class", "getMethod", "reflection"),
        new Rule("java/lang/Class", "getMethods", "reflection"),
        new Rule("java/lang/Class", "getField", "reflection"),
        new Rule("java/lang/Class", "getClassLoader", "reflection"),
        new Rule("java/lang/reflect/", "*", "reflection"),
        new Rule("java/lang/invoke/MethodHandles", "*", "reflection"),
        new Rule("java/lang/invoke/MethodHandles$Lookup", "*", "reflection"),
        new Rule("java/lang/invoke/MethodHandle", "*", "reflection"),
        new Rule("java/lang/invoke/VarHandle", "*", "reflection"),
        new Rule("java/lang/ClassLoader", "*", "loads classes"),
        new Rule("java/lang/instrument/", "*", "rewrites classes"),
        new Rule("java/lang/ModuleLayer", "*", "loads modules"),
        new Rule("sun/", "*", "JDK internals"),
        new Rule("jdk/internal/", "*", "JDK internals"),
        new Rule("java/io/File", "*", "file I/O"),
        new Rule("java/io/FileInputStream", "*", "file I/O"),
        new Rule("java/io/FileOutputStream", "*", "file I/O"),
        new Rule("java/io/FileReader", "*", "file I/O"),
        new Rule("java/io/FileWriter", "*", "file I/O"),
        new Rule("java/io/RandomAccessFile", "*", "file I/O"),
        new Rule("java/io/PrintStream", "<init>", "opens a file or stream of its own"),
        new Rule("java/io/PrintWriter", "<init>", "opens a file or stream of its own"),
        new Rule("java/io/ObjectInputStream", "*", "deserialisation"),
        new Rule("java/nio/file/", "*", "file I/O"),
        new Rule("java/nio/channels/", "*", "file or network I/O"),
        new Rule("java/net/", "*", "network I/O"),
        new Rule("java/awt/Desktop", "*", "opens programs"),
        new Rule("calculus/grader/", "*", "the grader's own code"),
        new Rule("org/junit/", "*", "the test framework's own code"),
        new Rule("org/opentest4j/", "*", "the test framework's own code"),
        new Rule("org/assertj/", "*", "the test framework's own code"));

    private CodePolicy() {
    }

    /**
     * Checks every class file under a folder of compiled student code.
     *
     * @param classes the folder, for example {@code target/classes}; a missing folder has nothing to check
     * @return one line per forbidden use, such as
     *     {@code calculus.derivatives.Newton uses java.lang.System.exit: ends the grader's JVM}; empty if none
     */
    public static List<String> check(Path classes) {
        List<String> violations = new ArrayList<>();
        if (classes == null || !Files.isDirectory(classes)) {
            return violations;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                violations.addAll(checkClass(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            violations.add("the compiled classes in " + classes + " could not be read: " + e.getMessage());
        }
        return violations;
    }

    /** The forbidden uses in one class file. */
    static List<String> checkClass(byte[] classFile) throws IOException {
        ConstantPool pool = ConstantPool.read(classFile);
        Set<String> found = new TreeSet<>();
        for (String[] ref : pool.references()) {
            for (Rule rule : RULES) {
                if (rule.matches(ref[0], ref[1])) {
                    String member = ref[1].isEmpty() ? "" : "." + ref[1];
                    found.add(pool.className().replace('/', '.') + " uses " + ref[0].replace('/', '.') + member
                        + ": " + rule.why());
                    break;
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** Just enough of the class file format to list the classes and members a class refers to. */
    private record ConstantPool(String className, List<String[]> references) {

        private static final int UTF8 = 1;
        private static final int INTEGER = 3;
        private static final int FLOAT = 4;
        private static final int LONG = 5;
        private static final int DOUBLE = 6;
        private static final int CLASS = 7;
        private static final int STRING = 8;
        private static final int FIELD_REF = 9;
        private static final int METHOD_REF = 10;
        private static final int INTERFACE_METHOD_REF = 11;
        private static final int NAME_AND_TYPE = 12;
        private static final int METHOD_HANDLE = 15;
        private static final int METHOD_TYPE = 16;
        private static final int DYNAMIC = 17;
        private static final int INVOKE_DYNAMIC = 18;
        private static final int MODULE = 19;
        private static final int PACKAGE = 20;

        static ConstantPool read(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case UTF8 -> utf8[i] = in.readUTF();
                    case INTEGER, FLOAT -> in.readInt();
                    case LONG, DOUBLE -> {
                        in.readLong();
                        i++; // eight-byte constants take two slots
                    }
                    case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> first[i] = in.readUnsignedShort();
                    case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case METHOD_HANDLE -> {
                        in.readUnsignedByte();
                        first[i] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            in.readUnsignedShort(); // access flags
            int thisClass = in.readUnsignedShort();
            List<String[]> references = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                if (tags[i] == CLASS) {
                    String name = elementType(utf8[first[i]]);
                    // every class that uses a lambda or string concatenation lists MethodHandles$Lookup among
                    // its inner classes: only a call into java.lang.invoke is telling, not the class name
                    if (!name.startsWith("java/lang/invoke/")) {
                        references.add(new String[] {name, ""});
                    }
                } else if (tags[i] == FIELD_REF || tags[i] == METHOD_REF || tags[i] == INTERFACE_METHOD_REF) {
                    String owner = elementType(utf8[first[first[i]]]);
                    String name = utf8[first[second[i]]];
                    references.add(new String[] {owner, name});
                }
            }
            return new ConstantPool(utf8[first[thisClass]], references);
        }

        /** {@code [Ljava/io/File;} and {@code java/io/File} both name java/io/File. */
        private static String elementType(String name) {
            String n = name;
            while (n.startsWith("[")) {
                n = n.substring(1);
            }
            if (n.startsWith("L") && n.endsWith(";")) {
                n = n.substring(1, n.length() - 1);
            }
            return n;
        }
    }
}
