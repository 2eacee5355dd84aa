package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skeleton generator on small references: each marker, the house rules it applies, and its check. */
class SkeletonsTest {

    private static String skeleton(String path, String reference) {
        return Skeletons.skeleton(Skeletons.read(path, reference)).orElseThrow();
    }

    @Nested
    @DisplayName("a method body marked BEGIN SOLUTION Task")
    class TaskRegions {

        @Test
        @DisplayName("becomes the TODO line with the marker's text and the throw naming Class.method, at the "
            + "marker's indentation; everything around it is kept byte for byte")
        void methodBody() {
            String reference = """
                package calculus.demo;

                /** The secant. Unicode stays: f′(x), ∂f/∂x. */
                public final class Secant {

                    /** @return the slope */
                    public static double slope(double a, double b) {
                        // BEGIN SOLUTION Task 1.1: return the slope of the secant (README.md, "Task 1.1")
                        double rise = b * b - a * a;
                        return rise / (b - a);
                        // END SOLUTION
                    }
                }
                """;

            assertThat(skeleton("calculus/demo/Secant.java", reference)).isEqualTo("""
                package calculus.demo;

                /** The secant. Unicode stays: f′(x), ∂f/∂x. */
                public final class Secant {

                    /** @return the slope */
                    public static double slope(double a, double b) {
                        // TODO(Task 1.1): return the slope of the secant (README.md, "Task 1.1")
                        throw new UnsupportedOperationException("Task 1.1: Secant.slope");
                    }
                }
                """);
        }

        @Test
        @DisplayName("keeps the TODO's continuation lines (// and two or more spaces), but not the solution's own "
            + "first comment (// and one space)")
        void continuationLines() {
            String reference = """
                class Chain {
                    double value(double x) {
                        // BEGIN SOLUTION Task 3.2: return the value of the chain at x,
                        //     in a loop (README.md, "Task 3.2")
                        // one pass, no recursion
                        return x;
                        // END SOLUTION
                    }
                }
                """;

            assertThat(skeleton("Chain.java", reference)).isEqualTo("""
                class Chain {
                    double value(double x) {
                        // TODO(Task 3.2): return the value of the chain at x,
                        //     in a loop (README.md, "Task 3.2")
                        throw new UnsupportedOperationException("Task 3.2: Chain.value");
                    }
                }
                """);
        }

        @Test
        @DisplayName("names a constructor \"new Class\", an overloaded method Class.method(Type, ...) with generics "
            + "and packages left out, and takes an explicit [label] as given")
        void labels() {
            String reference = """
                import java.util.List;

                class Dual {
                    Dual(double v) {
                        // BEGIN SOLUTION Task 3.3: keep v (README.md, "Task 3.3")
                        this.v = v;
                        // END SOLUTION
                    }

                    Dual pow(int n) {
                        // BEGIN SOLUTION Task 3.3: return the power (README.md, "Task 3.3")
                        return this;
                        // END SOLUTION
                    }

                    Dual pow(java.util.List<Double> p,
                             double... rest) {
                        // BEGIN SOLUTION Task 3.3: return the power (README.md, "Task 3.3")
                        return this;
                        // END SOLUTION
                    }

                    Dual exp() {
                        // BEGIN SOLUTION Task 3.3 [Dual.exp, the exponential]: return e to it (README.md, "Task 3.3")
                        return this;
                        // END SOLUTION
                    }
                }
                """;

            assertThat(skeleton("calculus/chainrule/Dual.java", reference))
                .contains("throw new UnsupportedOperationException(\"Task 3.3: new Dual\");")
                .contains("throw new UnsupportedOperationException(\"Task 3.3: Dual.pow(int)\");")
                .contains("throw new UnsupportedOperationException(\"Task 3.3: Dual.pow(List, double...)\");")
                .contains("throw new UnsupportedOperationException(\"Task 3.3: Dual.exp, the exponential\");")
                .contains("// TODO(Task 3.3): return e to it (README.md, \"Task 3.3\")");
        }

        @Test
        @DisplayName("calls a method overloaded only by a helper the skeleton does not have by its plain name")
        void overloadOnlyInTheReference() {
            String reference = """
                class Paths {
                    static double derivative(Node output, Node variable) {
                        // BEGIN SOLUTION Task 3.5: return the derivative (README.md, "Task 3.5")
                        return derivative(output, variable, 0);
                        // END SOLUTION
                    }

                    // BEGIN SOLUTION ONLY
                    private static double derivative(Node node, Node variable, int depth) {
                        return 1.0;
                    }
                    // END SOLUTION ONLY
                }
                """;

            assertThat(skeleton("Paths.java", reference))
                .contains("throw new UnsupportedOperationException(\"Task 3.5: Paths.derivative\");");
        }

        @Test
        @DisplayName("keeps the line ends of the reference: CRLF in, CRLF out")
        void crlf() {
            String reference = "class A {\r\n    int f() {\r\n        // BEGIN SOLUTION Task 1.1: return one "
                + "(README.md, \"Task 1.1\")\r\n        return 1;\r\n        // END SOLUTION\r\n    }\r\n}\r\n";

            assertThat(skeleton("A.java", reference)).isEqualTo("class A {\r\n    int f() {\r\n"
                + "        // TODO(Task 1.1): return one (README.md, \"Task 1.1\")\r\n"
                + "        throw new UnsupportedOperationException(\"Task 1.1: A.f\");\r\n    }\r\n}\r\n");
        }
    }

    @Nested
    @DisplayName("what only the reference has")
    class SolutionOnly {

        @Test
        @DisplayName("a BEGIN/END SOLUTION ONLY region goes with the blank line before it: fields at the top, a "
            + "helper between methods, a helper and a toString at the end")
        void regions() {
            String reference = """
                final class Layer {

                    // BEGIN SOLUTION ONLY
                    private final double[] weights;
                    // END SOLUTION ONLY

                    double first() {
                        // BEGIN SOLUTION Task 6.4: return the first weight (README.md, "Task 6.4")
                        return helper();
                        // END SOLUTION
                    }

                    // BEGIN SOLUTION ONLY: the solution's helper
                    private double helper() {
                        return weights[0];
                    }
                    // END SOLUTION ONLY

                    double second() {
                        return 2.0;
                    }

                    // BEGIN SOLUTION ONLY
                    @Override
                    public String toString() {
                        return "Layer";
                    }
                    // END SOLUTION ONLY
                }
                """;

            assertThat(skeleton("Layer.java", reference)).isEqualTo("""
                final class Layer {

                    double first() {
                        // TODO(Task 6.4): return the first weight (README.md, "Task 6.4")
                        throw new UnsupportedOperationException("Task 6.4: Layer.first");
                    }

                    double second() {
                        return 2.0;
                    }
                }
                """);
        }

        @Test
        @DisplayName("a file whose first line is // SOLUTION ONLY FILE has no skeleton")
        void wholeFile() {
            Skeletons.Reference reference = Skeletons.read("LinearModel.java", """
                // SOLUTION ONLY FILE
                package calculus.gradient;

                final class LinearModel {
                }
                """);

            assertThat(Skeletons.skeleton(reference)).isEqualTo(Optional.empty());
            assertThat(reference.markedCode()).contains("final class LinearModel");
        }

        @Test
        @DisplayName("an import that only the reference's code used is dropped, with the blank line that doubles; one "
            + "the skeleton uses in code or in a Javadoc link stays, and so does a wildcard")
        void unusedImports() {
            String reference = """
                package calculus.demo;

                import java.util.ArrayList;
                import java.util.Arrays;
                import java.util.List;
                import java.util.function.DoubleUnaryOperator;
                import java.util.stream.*;

                import calculus.other.Thing;

                /** See {@link Arrays}. A List in prose needs no import. */
                final class Demo {
                    static double apply(DoubleUnaryOperator f) {
                        // BEGIN SOLUTION Task 1.1: return f at zero (README.md, "Task 1.1")
                        List<Double> all = new ArrayList<>();
                        return f.applyAsDouble(Thing.ZERO);
                        // END SOLUTION
                    }
                }
                """;

            assertThat(skeleton("Demo.java", reference)).startsWith("""
                package calculus.demo;

                import java.util.Arrays;
                import java.util.function.DoubleUnaryOperator;
                import java.util.stream.*;

                /** See {@link Arrays}. A List in prose needs no import. */
                final class Demo {
                """);
        }
    }

    @Nested
    @DisplayName("the house rules")
    class HouseRules {

        @Test
        @DisplayName("no final on the instance fields students assign; constants, classes, methods and local variables "
            + "keep theirs")
        void finalFields() {
            String reference = """
                public final class Polynomial {

                    static final double EPS = 1e-12;
                    private static final int LIMIT = 10;
                    private final double[] c;
                    final List<Node> inputs = new ArrayList<>();
                    protected final Map<String, List<Double>> table;

                    public final double first() {
                        final double[] copy = c.clone();
                        return copy[0];
                    }
                }
                """;

            assertThat(skeleton("Polynomial.java", reference)).isEqualTo("""
                public final class Polynomial {

                    static final double EPS = 1e-12;
                    private static final int LIMIT = 10;
                    private double[] c;
                    List<Node> inputs = new ArrayList<>();
                    protected Map<String, List<Double>> table;

                    public final double first() {
                        final double[] copy = c.clone();
                        return copy[0];
                    }
                }
                """);
        }
    }

    @Nested
    @DisplayName("malformed markers")
    class Malformed {

        @Test
        @DisplayName("are refused with the file and line: never closed, closed without opening, nested, without a "
            + "task, a task marker outside a method body, a file marker below the first line")
        void refused() {
            assertThatThrownBy(() -> Skeletons.read("A.java", "class A {\n    int f() {\n"
                + "        // BEGIN SOLUTION Task 1.1: one (README.md, \"Task 1.1\")\n        return 1;\n    }\n}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A.java:3: // BEGIN SOLUTION Task 1.1").hasMessageContaining("never closed");
            assertThatThrownBy(() -> Skeletons.read("A.java", "class A {\n    // END SOLUTION\n}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A.java:2: // END SOLUTION");
            assertThatThrownBy(() -> Skeletons.read("A.java", "class A {\n    // BEGIN SOLUTION ONLY\n"
                + "    // BEGIN SOLUTION ONLY\n    // END SOLUTION ONLY\n}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A.java:3: ")
                .hasMessageContaining("inside the region opened at line 2");
            assertThatThrownBy(() -> Skeletons.read("A.java", "class A {\n    int f() {\n"
                + "        // BEGIN SOLUTION: one\n        return 1;\n        // END SOLUTION\n    }\n}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A.java:3: a solution marker is");
            assertThatThrownBy(() -> Skeletons.read("A.java", "class A {\n    int f = 1;\n"
                + "    // BEGIN SOLUTION Task 1.1: one (README.md, \"Task 1.1\")\n    int g = 2;\n"
                + "    // END SOLUTION\n}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A.java:3: ")
                .hasMessageContaining("first line of a method's body");
            assertThatThrownBy(() -> Skeletons.read("A.java", "package a;\n// SOLUTION ONLY FILE\nclass A {\n}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A.java:2: ")
                .hasMessageContaining("first line");
        }
    }

    @Nested
    @DisplayName("a course")
    class Course {

        private static final String MODULE = "01-derivatives";
        private static final String FILE = "calculus/demo/Secant.java";
        private static final String REFERENCE = """
            package calculus.demo;

            /** The secant slope. */
            public final class Secant {

                /** @return the slope */
                public static double slope(double a, double b) {
                    // BEGIN SOLUTION Task 1.1: return the slope of the secant (README.md, "Task 1.1")
                    double riseOverRun = (b * b - a * a) / (b - a);
                    return riseOverRun;
                    // END SOLUTION
                }
            }
            """;

        @TempDir
        Path course;

        private Path skeleton(String file) {
            return Skeletons.skeletonRoot(course, MODULE).resolve(file);
        }

        private void layOut() throws IOException {
            Trees.write(course, "solutions/" + MODULE + "/src/main/java/" + FILE, REFERENCE);
            Trees.write(course, "solutions/" + MODULE + "/src/main/java/calculus/demo/Helper.java",
                "// SOLUTION ONLY FILE\npackage calculus.demo;\n\nfinal class Helper {\n}\n");
            Trees.write(course, MODULE + "/README.md", "# Derivatives\n\n## Task 1.1: Secant slope\n");
        }

        @Test
        @DisplayName("write: creates what is missing, deletes what no reference writes, and then the check is clean")
        void writeThenCheck() throws IOException {
            layOut();
            Trees.write(course, MODULE + "/src/main/java/calculus/demo/Stale.java", "class Stale {\n}\n");

            List<String> changes = Skeletons.write(course, List.of(MODULE));

            assertThat(changes).containsExactly(
                "deleted " + MODULE + "/src/main/java/calculus/demo/Stale.java (no reference writes it)",
                "wrote " + MODULE + "/src/main/java/" + FILE);
            assertThat(Trees.files(Skeletons.skeletonRoot(course, MODULE))).containsExactly(FILE);
            assertThat(Files.readString(skeleton(FILE), UTF_8))
                .contains("throw new UnsupportedOperationException(\"Task 1.1: Secant.slope\");");
            assertThat(Skeletons.check(course, List.of(MODULE))).isEmpty();
            assertThat(Skeletons.write(course, List.of(MODULE))).as("a second write changes nothing").isEmpty();
        }

        @Test
        @DisplayName("check: a committed skeleton edited by hand is named with its first differing line, and the "
            + "report says how to regenerate")
        void differingFile() throws IOException {
            layOut();
            Skeletons.write(course, List.of(MODULE));
            String text = Files.readString(skeleton(FILE), UTF_8);
            Files.writeString(skeleton(FILE), text.replace("/** The secant slope. */", "/** The slope. */"), UTF_8);

            List<String> problems = Skeletons.check(course, List.of(MODULE));

            assertThat(problems).containsExactly(MODULE + "/src/main/java/" + FILE + " differs from what the "
                + "generator writes from solutions/" + MODULE + "/src/main/java/" + FILE + ", first at line 3:\n"
                + "      generator: /** The secant slope. */\n      committed: /** The slope. */");
            assertThat(Skeletons.report(problems)).contains("\nregenerate them with: tools/skeletons");
        }

        @Test
        @DisplayName("check: a missing skeleton, one the generator would not write, and a line end that differs")
        void missingExtraAndLineEnds() throws IOException {
            layOut();
            Skeletons.write(course, List.of(MODULE));
            Path extra = Trees.write(course, MODULE + "/src/main/java/calculus/demo/Helper.java", "class Helper {}\n");
            String text = Files.readString(skeleton(FILE), UTF_8);
            Files.writeString(skeleton(FILE), text.replaceFirst("\n", "\r\n"), UTF_8);

            assertThat(Skeletons.check(course, List.of(MODULE))).containsExactly(
                MODULE + "/src/main/java/calculus/demo/Helper.java is not written by the generator: no reference "
                    + "solutions/" + MODULE + "/src/main/java/calculus/demo/Helper.java (or it is marked // SOLUTION "
                    + "ONLY FILE)",
                MODULE + "/src/main/java/" + FILE + " differs from what the generator writes from solutions/" + MODULE
                    + "/src/main/java/" + FILE + ", first at line 1:\n      generator: package calculus.demo;\n"
                    + "      committed: package calculus.demo;  (CRLF)");

            Files.delete(extra);
            Files.delete(skeleton(FILE));
            assertThat(Skeletons.check(course, List.of(MODULE)))
                .containsExactly(MODULE + "/src/main/java/" + FILE + " is missing (the generator writes it)");
        }

        @Test
        @DisplayName("check: a skeleton that holds a statement of its reference's marked regions, in a comment broken "
            + "over two lines, is named with the task it gives away")
        void markedStatementInSkeleton() throws IOException {
            layOut();
            // the reference's own Javadoc quotes the solution: the generator copies it into the skeleton
            String quoting = REFERENCE.replace("/** The secant slope. */",
                "/** The secant slope: {@code double riseOverRun = (b * b\n * - a * a) / (b - a);} */");
            Trees.write(course, "solutions/" + MODULE + "/src/main/java/" + FILE, quoting);
            Skeletons.write(course, List.of(MODULE));

            assertThat(Skeletons.check(course, List.of(MODULE))).containsExactly(MODULE + "/src/main/java/" + FILE
                + " holds a statement of solutions/" + MODULE + "/src/main/java/" + FILE + ", Task 1.1 (Secant.slope): "
                + "doubleriseOverRun=(b*b-a*a)/(b-a)");
        }

        @Test
        @DisplayName("check: a TODO that gives the formula, or does not point at its lesson section")
        void todoLint() throws IOException {
            layOut();
            Trees.write(course, "solutions/" + MODULE + "/src/main/java/" + FILE, REFERENCE.replace(
                "return the slope of the secant (README.md, \"Task 1.1\")", "return (f(b) - f(a)) / (b - a)"));
            Skeletons.write(course, List.of(MODULE));

            assertThat(Skeletons.check(course, List.of(MODULE))).hasSize(3).allMatch(p -> p.startsWith(MODULE
                + "/src/main/java/" + FILE + ":8: the TODO of Task 1.1 "))
                .anyMatch(p -> p.contains("does not point at its lesson section (README.md, \"Task 1.1\")"))
                .anyMatch(p -> p.contains("gives a formula or code, an operator between operands"))
                .anyMatch(p -> p.contains("gives a formula or code, a call"));
        }
    }
}
