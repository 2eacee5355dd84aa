package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that no reference code leaked into a release: the methods found in a source file, the statements cut
 * from a body, and the leaks found in a small fake course and release.
 */
class LeakCheckTest {

    @Nested
    @DisplayName("bodies")
    class Bodies {

        @Test
        @DisplayName("finds static and instance methods, constructors, generic methods, throws clauses, nested classes")
        void findsMethods() {
            String source = """
                package calculus.demo;

                import java.util.List;
                import java.util.Map;

                public class Demo {
                    private final int n;

                    Demo(int n) {
                        this.n = n;
                    }

                    static double square(double   x,
                                         double y) {
                        return x * y;
                    }

                    public int size() {
                        return n;
                    }

                    public <T extends Comparable<T>> List<T> sorted(List<T> items)
                            throws IllegalStateException, java.io.IOException {
                        return items;
                    }

                    static <K, V> Map<K, List<V>> group(Map<K, V> m, int[]... rows) {
                        return null;
                    }

                    static class Inner {
                        int twice(int k) {
                            return 2 * k;
                        }
                    }

                    interface Shape {
                        double area();

                        default double doubled() {
                            return 2 * area();
                        }
                    }
                }
                """;

            Map<String, String> bodies = LeakCheck.bodies(source);

            assertThat(bodies).containsOnlyKeys("Demo(int n)", "square(double x, double y)", "size()",
                "sorted(List<T> items)", "group(Map<K, V> m, int[]... rows)", "twice(int k)", "doubled()");
            assertThat(bodies.get("square(double x, double y)")).isEqualToIgnoringWhitespace("return x * y;");
            assertThat(bodies.get("sorted(List<T> items)")).isEqualToIgnoringWhitespace("return items;");
            assertThat(bodies.get("twice(int k)")).isEqualToIgnoringWhitespace("return 2 * k;");
        }

        @Test
        @DisplayName("finds the methods inside a record")
        void findsRecordMethods() {
            String source = """
                public record Interval(double lo, double hi) {
                    public double width() {
                        return hi - lo;
                    }

                    static Interval around(double x, double radius) {
                        return new Interval(x - radius, x + radius);
                    }
                }
                """;

            Map<String, String> bodies = LeakCheck.bodies(source);

            assertThat(bodies).containsKeys("width()", "around(double x, double radius)");
            assertThat(bodies.get("width()")).isEqualToIgnoringWhitespace("return hi - lo;");
            assertThat(bodies.get("around(double x, double radius)"))
                .isEqualToIgnoringWhitespace("return new Interval(x - radius, x + radius);");
        }

        @Test
        @DisplayName("takes no if, for, while, do, switch, try, catch, synchronized block or lambda for a method")
        void ignoresBlocksAndLambdas() {
            String source = """
                class Flow {
                    int run(int n) {
                        int total = 0;
                        if (n > 0) {
                            total++;
                        } else if (n < -1) {
                            total--;
                        } else {
                            total = 1;
                        }
                        for (int i = 0; i < n; i++) {
                            total += i;
                        }
                        for (int k : new int[] {1, 2}) {
                            total += k;
                        }
                        while (total > 100) {
                            total /= 2;
                        }
                        do {
                            total++;
                        } while (total < 0);
                        switch (n) {
                            case 1 -> {
                                total = 7;
                            }
                            default -> {
                                total += 0;
                            }
                        }
                        try (java.io.StringReader in = new java.io.StringReader("x")) {
                            total += in.read();
                        } catch (java.io.IOException | RuntimeException e) {
                            total = -1;
                        } finally {
                            total += 0;
                        }
                        synchronized (this) {
                            total++;
                        }
                        Runnable r = () -> {
                            System.gc();
                        };
                        java.util.List.of(1, 2).forEach(x -> {
                            System.identityHashCode(x);
                        });
                        java.util.function.IntUnaryOperator twice = (x) -> {
                            return 2 * x;
                        };
                        return total + twice.applyAsInt(n);
                    }
                }
                """;

            Map<String, String> bodies = LeakCheck.bodies(source);

            assertThat(bodies).containsOnlyKeys("run(int n)");
            assertThat(bodies.get("run(int n)")).startsWith("\n        int total = 0;")
                .endsWith("return total + twice.applyAsInt(n);\n    ");
        }

        @Test
        @DisplayName("is not fooled by braces in strings, chars, text blocks and comments")
        void bracesInLiteralsAndComments() {
            String source = """
                class Tricky {
                    String open() {
                        return "{ not a block";
                    }

                    char close() {
                        return '}';
                    }

                    char quote() {
                        return '\\'';
                    }

                    String escaped() {
                        return "\\"}\\" and { and \\\\";
                    }

                    String block() {
                        return \"""
                            } text { block }
                            \""";
                    }

                    // a comment with a { brace, and a fake(int x) { method
                    /* and one } more fake() { in a block comment */
                    int after() {
                        return 1; // a } in a line comment
                    }
                }
                """;

            Map<String, String> bodies = LeakCheck.bodies(source);

            assertThat(bodies).containsOnlyKeys("open()", "close()", "quote()", "escaped()", "block()", "after()");
            assertThat(bodies.get("open()")).isEqualToIgnoringWhitespace("return \"{ not a block\";");
            assertThat(bodies.get("close()")).isEqualToIgnoringWhitespace("return '}';");
            assertThat(bodies.get("quote()")).isEqualToIgnoringWhitespace("return '\\'';");
            assertThat(bodies.get("escaped()")).isEqualToIgnoringWhitespace("return \"\\\"}\\\" and { and \\\\\";");
            assertThat(bodies.get("block()")).contains("} text { block }");
            assertThat(bodies.get("after()")).isEqualToIgnoringWhitespace("return 1; // a } in a line comment");
        }
    }

    @Nested
    @DisplayName("statements")
    class Statements {

        @Test
        @DisplayName("cuts a body at ; { and }, removes all white space, and leaves out statements under TELLING")
        void cutsAndSqueezes() {
            String body = """
                    double   difference = g.applyAsDouble(hi)
                        - g.applyAsDouble(lo);
                    if (difference == 0) {
                        throw new ArithmeticException("no change between lo and hi");
                    }
                    return difference / (hi - lo);
                """;

            assertThat(LeakCheck.statements(body)).containsExactly(
                "doubledifference=g.applyAsDouble(hi)-g.applyAsDouble(lo)",
                "thrownewArithmeticException(\"nochangebetweenloandhi\")");
        }

        @Test
        @DisplayName("a statement of exactly TELLING characters counts, one character fewer does not")
        void tellingBoundary() {
            String telling = "x".repeat(LeakCheck.TELLING - 2) + " = 1";
            String shorter = "y".repeat(LeakCheck.TELLING - 3) + " = 1";

            assertThat(LeakCheck.statements(telling + ";\n" + shorter + ";"))
                .containsExactly("x".repeat(LeakCheck.TELLING - 2) + "=1");
        }

        @Test
        @DisplayName("comments are no statements, and a comment inside a statement is left out of it")
        void commentsIgnored() {
            String body = """
                    // double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);
                    /* double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo); */
                    /**
                     * return g.applyAsDouble(hi) / g.applyAsDouble(lo) + correction;
                     */
                    double quotient = g.applyAsDouble(hi) /* the top */ / g.applyAsDouble(lo); // the ratio
                """;

            assertThat(LeakCheck.statements(body))
                .containsExactly("doublequotient=g.applyAsDouble(hi)/g.applyAsDouble(lo)");
        }
    }

    @Nested
    @DisplayName("leaks")
    class Leaks {

        private static final String CLASS = "01-derivatives/src/main/java/calculus/demo/Secant.java";
        private static final String METHOD = "gap(DoubleUnaryOperator g, double lo, double hi)";
        /** The reference's one telling statement that the skeleton leaves to the student. */
        private static final String LEAK = "double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);";
        private static final String SQUEEZED = "doubledifference=g.applyAsDouble(hi)-g.applyAsDouble(lo)";

        private static final String REFERENCE = """
            package calculus.demo;

            import java.util.function.DoubleUnaryOperator;

            public final class Secant {

                private Secant() {
                }

                public static double gap(DoubleUnaryOperator g, double lo, double hi) {
                    if (lo == hi) {
                        throw new IllegalArgumentException("lo and hi must differ, got lo = hi = " + lo);
                    }
                    double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);
                    return difference / (hi - lo);
                }

                static double spread(DoubleUnaryOperator g, double lo, double hi) {
                    return Math.abs(gap(g, lo, hi));
                }

                static void requireDistinct(double lo, double hi) {
                    if (lo == hi) {
                        throw new IllegalArgumentException("lo and hi must differ, got lo = hi = " + lo);
                    }
                }
            }
            """;

        @TempDir
        Path dir;
        private Path course;
        private Path release;

        /**
         * Lays out the fake course, which holds the reference, and the release, which holds the skeleton: the
         * reference with other bodies of {@code gap} (the TODO method) and {@code spread} (a method given whole).
         */
        private void layOut(String gapBody, String spreadBody) throws IOException {
            course = dir.resolve("course");
            release = dir.resolve("release");
            Trees.write(course, "solutions/" + CLASS, REFERENCE);
            String skeleton = REFERENCE
                .replace("""
                        if (lo == hi) {
                            throw new IllegalArgumentException("lo and hi must differ, got lo = hi = " + lo);
                        }
                        double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);
                        return difference / (hi - lo);
                """, gapBody)
                .replace("        return Math.abs(gap(g, lo, hi));\n", spreadBody);
            assertThat(skeleton).as("the skeleton").contains(gapBody, spreadBody, "UnsupportedOperationException");
            Trees.write(release, CLASS, skeleton);
        }

        private void layOutClean() throws IOException {
            layOut("""
                        // TODO(Task 1.1): check lo and hi, then divide the difference of g by hi - lo
                        throw new UnsupportedOperationException("Task 1.1: Secant.gap");
                """, "        return Math.abs(gap(g, lo, hi));\n");
        }

        private static String leakIn(String file) {
            return file + " contains a statement of the reference 01-derivatives " + METHOD + ": " + SQUEEZED;
        }

        @Test
        @DisplayName("a clean skeleton leaks nothing, though its given helper repeats the reference's input check")
        void cleanSkeleton() throws IOException {
            layOutClean();

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("the input check the skeleton gives in a complete method is no leak, though the TODO method's "
            + "reference has it too")
        void givenStatementIsNoLeak() throws IOException {
            layOutClean();
            String check = "thrownewIllegalArgumentException(\"loandhimustdiffer,gotlo=hi=\"+lo)";

            assertThat(LeakCheck.statements(LeakCheck.bodies(REFERENCE).get(METHOD))).contains(check, SQUEEZED);
            assertThat(Files.readString(release.resolve(CLASS)).replaceAll("\\s+", "")).contains(check);
            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("a reference statement left in the TODO method's code is a leak, naming the file and method")
        void leftInTodoMethod() throws IOException {
            layOut("        " + LEAK + "\n"
                + "        throw new UnsupportedOperationException(\"Task 1.1: Secant.gap\");\n",
                "        return Math.abs(gap(g, lo, hi));\n");

            assertThat(LeakCheck.leaks(course, release)).containsExactly(leakIn(CLASS));
        }

        @Test
        @DisplayName("a reference statement in a comment of the skeleton is a leak, even broken over two lines")
        void inComment() throws IOException {
            layOut("""
                        /* TODO(Task 1.1): double difference = g.applyAsDouble(hi)
                               - g.applyAsDouble(lo); */
                        throw new UnsupportedOperationException("Task 1.1: Secant.gap");
                """, "        return Math.abs(gap(g, lo, hi));\n");

            assertThat(LeakCheck.leaks(course, release)).containsExactly(leakIn(CLASS));
        }

        @Test
        @DisplayName("a reference statement outside the skeletons (a visible test) is not searched: tests may share code")
        void notInTests() throws IOException {
            layOutClean();
            String test = "01-derivatives/src/test/java/calculus/demo/SecantTest.java";
            Trees.write(release, test, """
                package calculus.demo;

                class SecantTest {
                    static double expected(java.util.function.DoubleUnaryOperator g, double lo, double hi) {
                        double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);
                        return difference / (hi - lo);
                    }
                }
                """);

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("a reference statement pasted into another, complete method of the skeleton is a leak")
        void inAnotherMethodOfTheSkeleton() throws IOException {
            layOut("""
                        // TODO(Task 1.1): check lo and hi, then divide the difference of g by hi - lo
                        throw new UnsupportedOperationException("Task 1.1: Secant.gap");
                """, "        " + LEAK + "\n        return Math.abs(difference / (hi - lo));\n");

            assertThat(LeakCheck.leaks(course, release)).containsExactly(leakIn(CLASS));
        }

        @Test
        @DisplayName("a lesson or hint that quotes a reference statement is not searched: they quote code on purpose")
        void notInLessons() throws IOException {
            layOutClean();
            Trees.write(release, "01-derivatives/hints.md", """
                ## Task 1.1: The gap

                ```java
                double difference = g.applyAsDouble(hi)
                                  - g.applyAsDouble( lo );
                ```
                """);

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("a statement that only calls a class the skeleton gives whole (an input check) is no leak")
        void callsIntoGivenClassesAreNoLeak() throws IOException {
            layOutClean();
            Trees.write(course, "solutions/01-derivatives/src/main/java/calculus/demo/Checks.java",
                "package calculus.demo;\n\nfinal class Checks {\n    static void requireDistinctBounds(double lo, double hi) {\n    }\n}\n");
            Trees.write(release, "01-derivatives/src/main/java/calculus/demo/Checks.java",
                "package calculus.demo;\n\n/** Use {@code Checks.requireDistinctBounds(lo, hi)}. */\nfinal class Checks {\n"
                    + "    static void requireDistinctBounds(double lo, double hi) {\n    }\n}\n");
            String reference = REFERENCE.replace("        double difference", "        Checks.requireDistinctBounds(lo, hi);\n        double difference");
            Trees.write(course, "solutions/" + CLASS, reference);

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("a binary file in the release is skipped, and build folders are not searched")
        void binaryAndBuildFiles() throws IOException {
            layOutClean();
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff};
            Files.write(release.resolve("01-derivatives/logo.png"), png);
            Trees.write(release, "01-derivatives/target/notes.txt", LEAK);

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("a record's constants and compact constructor, given whole by the skeleton, are no leak")
        void recordGivenWhole() throws IOException {
            String record = """
                package calculus.demo;

                public record Interval(double lo, double hi) {

                    public static final double WIDEST_INTERVAL_ALLOWED = 1.0e6 * 1.0e6;

                    public Interval {
                        if (!(lo < hi)) {
                            throw new IllegalArgumentException("an interval needs lo < hi, got " + lo + ", " + hi);
                        }
                    }

                    public double width() {
                        return hi - lo;
                    }
                }
                """;
            course = dir.resolve("course");
            release = dir.resolve("release");
            String file = "01-derivatives/src/main/java/calculus/demo/Interval.java";
            Trees.write(course, "solutions/" + file, record);
            Trees.write(release, file, record.replace("        return hi - lo;\n", """
                        // TODO(Task 1.2): hi - lo
                        throw new UnsupportedOperationException("Task 1.2: Interval.width");
                """));

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }
    }
}
