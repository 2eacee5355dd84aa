package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import calculus.grader.budget.StepBudget;
import calculus.grader.budget.StepBudgetExceeded;

/**
 * Instrumented code is still valid code that does the same: every class of the fixtures below passes the JVM's
 * verifier when it is loaded and initialised through {@link StudentClassLoader}, and each fixture's {@code get()}
 * returns what the same class returns uninstrumented. The fixtures gather the shapes of bytecode that javac writes
 * for Java 17 source: exception handlers in loops, switches of every kind, two-slot locals, generics and bridges,
 * lambdas, records, enums, nested classes, interface methods, monitors, initialisers and constructors.
 */
class InstrumentedCodeTest {

    private static final String TRY_CATCH_IN_LOOPS = """
        package student;

        import java.util.function.Supplier;

        public class TryCatchInLoops implements Supplier<String> {
            @Override
            public String get() {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    try {
                        if (i % 2 == 0) {
                            throw new IllegalStateException("even " + i);
                        }
                        out.append(10 / (i - 3)).append(' ');
                    } catch (IllegalStateException | ArithmeticException e) {
                        out.append(e.getClass().getSimpleName().charAt(0));
                        continue;
                    } finally {
                        out.append(';');
                    }
                    out.append('.');
                }
                int j = 0;
                while (true) {
                    try {
                        if (++j > 3) {
                            break;
                        }
                        Integer.parseInt(j == 2 ? "x" : "7");
                    } catch (NumberFormatException e) {
                        out.append("nfe");
                    }
                }
                return out.toString();
            }
        }
        """;

    private static final String NESTED_TRY_FINALLY = """
        package student;

        import java.util.function.Supplier;

        public class NestedTryFinally implements Supplier<String> {
            private final StringBuilder log = new StringBuilder();

            @Override
            public String get() {
                log.append(level(0)).append(' ').append(withResources()).append(' ').append(rethrows());
                return log.toString();
            }

            @SuppressWarnings("finally")
            private int level(int depth) {
                try {
                    try {
                        if (depth < 3) {
                            return level(depth + 1) + 1;
                        }
                        throw new IllegalArgumentException("bottom");
                    } finally {
                        log.append('f').append(depth);
                    }
                } catch (IllegalArgumentException e) {
                    return -100;
                } finally {
                    if (depth == 2) {
                        return 42;
                    }
                }
            }

            private String withResources() {
                StringBuilder out = new StringBuilder();
                try (Resource a = new Resource("a", out); Resource b = new Resource("b", out)) {
                    out.append("body;");
                    throw new IllegalStateException("body");
                } catch (IllegalStateException e) {
                    out.append("caught ").append(e.getMessage());
                    out.append(" suppressed ").append(e.getSuppressed().length);
                }
                return out.toString();
            }

            private String rethrows() {
                try {
                    try {
                        throw new UnsupportedOperationException("inner");
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("outer", e);
                    }
                } catch (IllegalStateException e) {
                    return e.getMessage() + "<-" + e.getCause().getMessage();
                }
            }

            private static final class Resource implements AutoCloseable {
                private final String name;
                private final StringBuilder out;

                Resource(String name, StringBuilder out) {
                    this.name = name;
                    this.out = out;
                }

                @Override
                public void close() {
                    out.append("close ").append(name).append(';');
                    throw new IllegalStateException("close " + name);
                }
            }
        }
        """;

    private static final String SWITCHES = """
        package student;

        import java.util.function.Supplier;

        public class Switches implements Supplier<String> {
            enum Colour { RED, GREEN, BLUE }

            @Override
            public String get() {
                StringBuilder out = new StringBuilder();
                for (int i = -1; i < 8; i++) {
                    switch (i) {
                        case 0:
                            out.append('a');
                        case 1:
                            out.append('b');
                            break;
                        case 2:
                        case 3:
                            out.append('c');
                            continue;
                        case 4:
                            out.append('d');
                            break;
                        default:
                            out.append('z');
                    }
                    out.append(',');
                }
                for (int key : new int[] {-1000, 7, 100000, 3}) {
                    int sparse = switch (key) {
                        case -1000 -> 1;
                        case 100000 -> 2;
                        case 7 -> {
                            int sum = 0;
                            for (int k = 0; k < key; k++) {
                                sum += k;
                            }
                            yield sum;
                        }
                        default -> 0;
                    };
                    out.append(sparse).append(' ');
                }
                for (String word : new String[] {"alpha", "beta", "gamma", "Aa", "BB", ""}) {
                    switch (word) {
                        case "alpha" -> out.append("A");
                        case "Aa", "BB" -> out.append("collision");
                        case "gamma" -> out.append("G");
                        default -> out.append("?");
                    }
                }
                for (Colour c : Colour.values()) {
                    out.append(switch (c) {
                        case RED -> 'r';
                        case GREEN -> 'g';
                        case BLUE -> 'b';
                    });
                }
                return out.toString();
            }
        }
        """;

    private static final String WIDE_LOCALS = """
        package student;

        import java.util.function.Supplier;

        public class WideLocals implements Supplier<String> {
            @Override
            public String get() {
                long big = 1L << 40;
                double x = 0.5;
                int small = 3;
                long sum = 0;
                double product = 1.0;
                for (long i = 0; i < 50; i++) {
                    double y = x * i;
                    long z = big + i;
                    try {
                        if (i % 7 == 0) {
                            throw new ArithmeticException();
                        }
                        sum += z % 1000;
                    } catch (ArithmeticException e) {
                        product *= 1.0 + y / 100.0;
                    }
                    small ^= (int) i;
                }
                float f = 1.5f;
                char c = 'a';
                byte b = 120;
                short s = 30000;
                do {
                    f *= 2;
                    c++;
                    b++;
                    s += 1000;
                } while (f < 100);
                return sum + " " + product + " " + small + " " + f + " " + c + " " + b + " " + s + " "
                    + Math.hypot(3, 4) + " " + Long.MAX_VALUE / 3 + " " + Double.MIN_VALUE;
            }
        }
        """;

    private static final String GENERICS = """
        package student;

        import java.util.ArrayList;
        import java.util.Collections;
        import java.util.List;
        import java.util.function.Supplier;

        public class Generics implements Supplier<String> {
            static final class Pair<A extends Comparable<A>, B> implements Comparable<Pair<A, B>> {
                final A first;
                final B second;

                Pair(A first, B second) {
                    this.first = first;
                    this.second = second;
                }

                @Override
                public int compareTo(Pair<A, B> other) {
                    return first.compareTo(other.first);
                }

                @Override
                public String toString() {
                    return "(" + first + ", " + second + ")";
                }
            }

            static <T extends Comparable<? super T>> T max(List<? extends T> items) {
                T best = null;
                for (T item : items) {
                    if (best == null || item.compareTo(best) > 0) {
                        best = item;
                    }
                }
                return best;
            }

            @SafeVarargs
            static <T> List<T> listOf(T... items) {
                List<T> list = new ArrayList<>();
                Collections.addAll(list, items);
                return list;
            }

            @Override
            public String get() {
                List<Pair<Integer, String>> pairs = listOf(new Pair<>(3, "c"), new Pair<>(1, "a"), new Pair<>(2, "b"));
                Collections.sort(pairs);
                return pairs + " " + max(listOf(4, 9, 2)) + " " + max(listOf("x", "yy", "b"));
            }
        }
        """;

    private static final String LAMBDAS = """
        package student;

        import java.util.Comparator;
        import java.util.List;
        import java.util.function.IntBinaryOperator;
        import java.util.function.IntUnaryOperator;
        import java.util.function.Supplier;
        import java.util.stream.Collectors;
        import java.util.stream.IntStream;

        public class Lambdas implements Supplier<String> {
            private IntUnaryOperator factorial;
            private final int offset = 5;

            @Override
            public String get() {
                factorial = n -> n <= 1 ? 1 : n * factorial.applyAsInt(n - 1);
                IntBinaryOperator add = Integer::sum;
                int captured = 7;
                IntUnaryOperator shift = n -> n + captured + offset;
                List<String> words = List.of("pear", "fig", "banana", "kiwi");
                String sorted = words.stream()
                    .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder()))
                    .collect(Collectors.joining(","));
                int total = IntStream.rangeClosed(1, 10).map(shift).filter(n -> n % 2 == 0).reduce(0, add);
                Runnable r = () -> {
                    for (int i = 0; i < 3; i++) {
                        offsetTwice(i);
                    }
                };
                r.run();
                return factorial.applyAsInt(6) + " " + total + " " + sorted;
            }

            private int offsetTwice(int i) {
                return i + 2 * offset;
            }
        }
        """;

    private static final String RECORDS = """
        package student;

        import java.util.HashSet;
        import java.util.Set;
        import java.util.function.Supplier;

        public class Records implements Supplier<String> {
            public record Point(double x, double y) {
                public Point {
                    if (Double.isNaN(x) || Double.isNaN(y)) {
                        throw new IllegalArgumentException("NaN: x = " + x + ", y = " + y);
                    }
                }

                public static Point origin() {
                    return new Point(0, 0);
                }

                double norm() {
                    return Math.sqrt(x * x + y * y);
                }
            }

            record Segment(Point from, Point to) {
                double length() {
                    return new Point(to.x() - from.x(), to.y() - from.y()).norm();
                }
            }

            @Override
            public String get() {
                Set<Point> points = new HashSet<>();
                points.add(new Point(3, 4));
                points.add(new Point(3, 4));
                points.add(Point.origin());
                String refused;
                try {
                    new Point(Double.NaN, 1);
                    refused = "accepted";
                } catch (IllegalArgumentException e) {
                    refused = e.getMessage();
                }
                Segment s = new Segment(Point.origin(), new Point(3, 4));
                return points.size() + " " + s + " " + s.length() + " " + s.equals(new Segment(Point.origin(),
                    new Point(3, 4))) + " " + (s.hashCode() == new Segment(Point.origin(), new Point(3, 4)).hashCode())
                    + " " + refused;
            }
        }
        """;

    private static final String ENUMS = """
        package student;

        import java.util.EnumMap;
        import java.util.Map;
        import java.util.function.Supplier;

        public class Enums implements Supplier<String> {
            enum Operation {
                PLUS("+") {
                    @Override
                    double apply(double a, double b) {
                        return a + b;
                    }
                },
                TIMES("*") {
                    @Override
                    double apply(double a, double b) {
                        double product = 0;
                        for (int i = 0; i < (int) b; i++) {
                            product += a;
                        }
                        return product;
                    }
                };

                private final String symbol;

                Operation(String symbol) {
                    this.symbol = symbol;
                }

                abstract double apply(double a, double b);
            }

            @Override
            public String get() {
                Map<Operation, Double> results = new EnumMap<>(Operation.class);
                StringBuilder out = new StringBuilder();
                for (Operation op : Operation.values()) {
                    results.put(op, op.apply(6, 7));
                    out.append(op.symbol).append(op.ordinal());
                    switch (op) {
                        case PLUS:
                            out.append("p");
                            break;
                        case TIMES:
                            out.append("t");
                            break;
                        default:
                            out.append("?");
                    }
                }
                return out + " " + results + " " + Operation.valueOf("TIMES").name();
            }
        }
        """;

    private static final String NESTED_CLASSES = """
        package student;

        import java.util.ArrayList;
        import java.util.Comparator;
        import java.util.Iterator;
        import java.util.List;
        import java.util.function.Supplier;

        public class NestedClasses implements Supplier<String> {
            private int counter;

            class Inner {
                int next() {
                    return ++counter;
                }
            }

            static class Nested {
                private int secret = 40;
            }

            @Override
            public String get() {
                Inner inner = new Inner();
                inner.next();
                inner.next();
                int secret = new Nested().secret + 2;
                class Countdown implements Iterable<Integer> {
                    private final int from;

                    Countdown(int from) {
                        this.from = from;
                    }

                    @Override
                    public Iterator<Integer> iterator() {
                        return new Iterator<>() {
                            private int at = from;

                            @Override
                            public boolean hasNext() {
                                return at > 0;
                            }

                            @Override
                            public Integer next() {
                                return at--;
                            }
                        };
                    }
                }
                List<Integer> seen = new ArrayList<>();
                for (int n : new Countdown(4)) {
                    seen.add(n);
                }
                seen.sort(new Comparator<Integer>() {
                    @Override
                    public int compare(Integer a, Integer b) {
                        return Integer.compare(a % 2, b % 2);
                    }
                });
                return counter + " " + secret + " " + seen;
            }
        }
        """;

    private static final String INTERFACES = """
        package student;

        import java.util.function.Supplier;

        public class Interfaces implements Supplier<String> {
            interface Shape {
                double area();

                default String describe() {
                    return name() + " of area " + round(area());
                }

                default String name() {
                    return "shape";
                }

                static Shape square(double side) {
                    return () -> side * side;
                }

                private static double round(double x) {
                    return Math.round(x * 100) / 100.0;
                }
            }

            interface Named {
                default String name() {
                    return "named";
                }
            }

            static final class Circle implements Shape, Named {
                private final double r;

                Circle(double r) {
                    this.r = r;
                }

                @Override
                public double area() {
                    return Math.PI * r * r;
                }

                @Override
                public String name() {
                    return Named.super.name() + " circle";
                }
            }

            @Override
            public String get() {
                return Shape.square(3).describe() + "; " + new Circle(1).describe();
            }
        }
        """;

    private static final String MONITORS = """
        package student;

        import java.util.function.Supplier;

        public class Monitors implements Supplier<String> {
            private final Object lock = new Object();
            private int count;

            private synchronized void increment() {
                count++;
            }

            private int guarded(int n) {
                synchronized (lock) {
                    synchronized (this) {
                        if (n < 0) {
                            throw new IllegalArgumentException("n = " + n);
                        }
                        if (n == 0) {
                            return -1;
                        }
                        for (int i = 0; i < n; i++) {
                            increment();
                            if (i == 5) {
                                break;
                            }
                        }
                    }
                }
                return count;
            }

            private String caughtInside() {
                synchronized (lock) {
                    try {
                        throw new IllegalStateException("inside");
                    } catch (IllegalStateException e) {
                        return e.getMessage();
                    }
                }
            }

            @Override
            public String get() {
                String refused;
                try {
                    guarded(-1);
                    refused = "accepted";
                } catch (IllegalArgumentException e) {
                    refused = e.getMessage();
                }
                return guarded(3) + " " + guarded(10) + " " + guarded(0) + " " + refused + " " + caughtInside() + " "
                    + Thread.holdsLock(lock) + " " + Thread.holdsLock(this);
            }
        }
        """;

    private static final String INITIALISERS = """
        package student;

        import java.util.function.Supplier;

        public class Initialisers implements Supplier<String> {
            static final int[] PRIMES;
            static final String TABLE;
            private static int instances;

            static {
                int[] found = new int[10];
                int count = 0;
                outer:
                for (int n = 2; count < found.length; n++) {
                    for (int d = 2; d * d <= n; d++) {
                        if (n % d == 0) {
                            continue outer;
                        }
                    }
                    found[count++] = n;
                }
                PRIMES = found;
                String table;
                try {
                    table = String.valueOf(Integer.parseInt("12") * 2);
                } catch (NumberFormatException e) {
                    table = "none";
                }
                TABLE = table;
            }

            private final int id;
            private final String label;
            private final double[] weights = new double[] {0.25, 0.5};

            {
                instances++;
            }

            public Initialisers() {
                this("default");
            }

            private Initialisers(String label) {
                this(label, Math.max(instances, 1));
            }

            private Initialisers(String label, int id) {
                super();
                this.label = label + "#" + id;
                this.id = id;
            }

            @Override
            public String get() {
                return PRIMES[9] + " " + TABLE + " " + id + " " + label + " " + weights[1] + " " + instances;
            }
        }
        """;

    private static final String MISCELLANY = """
        package student;

        import java.util.function.Supplier;

        public class Miscellany implements Supplier<String> {
            static int sum(int... values) {
                int total = 0;
                for (int v : values) {
                    total += v;
                }
                return total;
            }

            static String kind(Object o) {
                if (o instanceof Integer i && i > 10) {
                    return "big " + i;
                } else if (o instanceof String s) {
                    return "text " + s.length();
                }
                return "other";
            }

            @Override
            public String get() {
                int[][][] cube = new int[3][4][5];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 4; j++) {
                        for (int k = 0; k < 5; k++) {
                            cube[i][j][k] = i * j - k;
                        }
                    }
                }
                String block = \"""
                    a text block \\
                    on one line\""";
                int bits = 0;
                for (int i = 0; i < 32 && (bits >>> 20) == 0 || i == 0; i += 3) {
                    bits |= 1 << i;
                }
                search:
                for (int[][] plane : cube) {
                    for (int[] row : plane) {
                        for (int v : row) {
                            if (v == 6) {
                                break search;
                            }
                        }
                    }
                }
                return sum() + " " + sum(1, 2, 3) + " " + kind(42) + " " + kind("abc") + " " + kind(1.0) + " "
                    + cube[2][3][4] + " " + block + " " + Integer.toBinaryString(bits) + " " + (char) ('A' + 2);
            }
        }
        """;

    /** More than 255 locals: javac writes wide loads, stores and increments. */
    private static final String WIDE_INDEXES = wideIndexes(300);

    private static String wideIndexes(int locals) {
        String declarations = IntStream.range(0, locals)
            .mapToObj(i -> "        long v" + i + " = " + i + "L;")
            .collect(Collectors.joining("\n"));
        return """
            package student;

            import java.util.function.Supplier;

            public class WideIndexes implements Supplier<String> {
                @Override
                public String get() {
            %s
                    int last = 0;
                    for (int i = 0; i < 1000; i += 300) {
                        last += i;
                        v%d += last;
                    }
                    return v%d + " " + last;
                }
            }
            """.formatted(declarations, locals - 1, locals - 1);
    }

    private static final List<String> FIXTURES = List.of(TRY_CATCH_IN_LOOPS, NESTED_TRY_FINALLY, SWITCHES, WIDE_LOCALS,
        GENERICS, LAMBDAS, RECORDS, ENUMS, NESTED_CLASSES, INTERFACES, MONITORS, INITIALISERS, MISCELLANY,
        WIDE_INDEXES);

    @TempDir
    static Path classes;

    @BeforeAll
    static void compile() {
        StudentCode.compile(classes, FIXTURES.toArray(String[]::new));
    }

    @AfterEach
    void disarm() {
        StepBudget.disarm();
    }

    @Test
    @DisplayName("every class of the fixtures, nested, anonymous and synthetic ones included, loads and initialises")
    void everyClassVerifies() throws ClassNotFoundException {
        StudentClassLoader loader = new StudentClassLoader(List.of(), classes);
        List<String> names = StudentCode.classNames(classes);
        assertThat(names).as("the fixtures' classes, with their nested and synthetic ones")
            .hasSizeGreaterThan(FIXTURES.size());
        List<String> loaded = new ArrayList<>();

        for (String name : names) {
            Class<?> type = Class.forName(name, true, loader);
            assertThat(type.getClassLoader()).as(name).isSameAs(loader);
            loaded.add(name);
        }

        assertThat(loaded).containsExactlyElementsOf(names);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TryCatchInLoops", "NestedTryFinally", "Switches", "WideLocals", "Generics", "Lambdas",
        "Records", "Enums", "NestedClasses", "Interfaces", "Monitors", "Initialisers", "Miscellany", "WideIndexes"})
    @DisplayName("an instrumented fixture computes what the uninstrumented one does")
    void sameResults(String fixture) throws IOException {
        String name = "student." + fixture;
        String expected;
        try (URLClassLoader plain = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            expected = StudentCode.instance(plain, name, Supplier.class).get().toString();
        }

        Object instrumented = StudentCode.instance(new StudentClassLoader(List.of(), classes), name, Supplier.class)
            .get();

        assertThat(instrumented).as("result of %s.get(), instrumented", name).hasToString(expected);
        assertThat(StepBudget.used()).as("steps taken, all of them counted").isPositive();
    }

    @Test
    @DisplayName("the fixtures' results are what Java says they are (a check of the oracle, uninstrumented)")
    void resultsAreMeaningful() throws IOException {
        try (URLClassLoader plain = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(StudentCode.instance(plain, "student.Monitors", Supplier.class).get())
                .hasToString("3 9 -1 n = -1 inside false false");
            assertThat(StudentCode.instance(plain, "student.NestedTryFinally", Supplier.class).get().toString())
                .startsWith("f3f2f1f0");
            assertThat(StudentCode.instance(plain, "student.WideIndexes", Supplier.class).get())
                .hasToString(299 + 0 + 300 + 900 + 1800 + " 1800");
        }
    }

    @Test
    @DisplayName("instrumented class files keep their version: Java 17 in, Java 17 out")
    void classFileVersionKept() throws IOException {
        byte[] original = Files.readAllBytes(classes.resolve("student").resolve("Switches.class"));

        byte[] instrumented = Instrumenter.instrument(original);

        assertThat(majorVersion(instrumented)).isEqualTo(majorVersion(original)).isEqualTo(61);
        assertThat(instrumented.length).isGreaterThan(original.length);
    }

    private static int majorVersion(byte[] classFile) {
        return (classFile[6] & 0xFF) << 8 | classFile[7] & 0xFF;
    }

    @Test
    @DisplayName("what is not a class file is refused with IllegalArgumentException")
    void notAClassFile() {
        assertThatThrownBy(() -> Instrumenter.instrument(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("classFile is null");
        assertThatThrownBy(() -> Instrumenter.instrument(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be instrumented");
    }

    /**
     * javac never jumps backwards from a switch, but other compilers may: a hand-written loop whose back edge is a
     * {@code tableswitch} (every target the loop's head) must count its iterations too.
     */
    @Test
    @DisplayName("a backward switch is a loop iteration: hand-written bytecode whose only loop is a tableswitch stops")
    void backwardSwitchCounts() throws ReflectiveOperationException {
        byte[] spinner = Instrumenter.instrument(switchLoop());
        Class<?> type = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("student.SwitchLoop", spinner, 0, spinner.length);
            }
        }.define();
        Runnable code = (Runnable) type.getConstructor().newInstance();
        StepBudget.arm(1_000);

        assertThatThrownBy(code::run).isInstanceOf(StepBudgetExceeded.class);
        assertThat(StepBudget.used()).isEqualTo(1_001);
    }

    /** {@code public class SwitchLoop implements Runnable}: {@code run()} is {@code L: iconst_0; tableswitch L, L}. */
    private static byte[] switchLoop() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "student/SwitchLoop", null, "java/lang/Object",
            new String[] {"java/lang/Runnable"});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        Label head = new Label();
        run.visitLabel(head);
        run.visitInsn(Opcodes.ICONST_0);
        run.visitTableSwitchInsn(0, 0, head, head);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
