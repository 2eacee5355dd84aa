package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that no reference code and no hidden test leaked into a release: the statements that are compared, then
 * leaks planted in a small fake course and in a release of the real one.
 */
class LeakCheckTest {

    @Nested
    @DisplayName("statements")
    class Statements {

        @Test
        @DisplayName("cuts code at ; { and }, removes all white space, and leaves out statements under TELLING")
        void cutsAndSqueezes() {
            String body = """
                    double   difference = g.applyAsDouble(hi)
                        - g.applyAsDouble(lo);
                    if (difference == 0) {
                        throw new ArithmeticException("no change between lo and hi");
                    }
                    return difference / (hi - lo);
                """;

            assertThat(JavaText.statements(body)).containsExactly(
                "doubledifference=g.applyAsDouble(hi)-g.applyAsDouble(lo)",
                "thrownewArithmeticException(\"nochangebetweenloandhi\")");
        }

        @Test
        @DisplayName("a statement of exactly TELLING characters counts, one character fewer does not")
        void tellingBoundary() {
            String telling = "x".repeat(JavaText.TELLING - 2) + " = 1";
            String shorter = "y".repeat(JavaText.TELLING - 3) + " = 1";

            assertThat(JavaText.statements(telling + ";\n" + shorter + ";"))
                .containsExactly("x".repeat(JavaText.TELLING - 2) + "=1");
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

            assertThat(JavaText.statements(body))
                .containsExactly("doublequotient=g.applyAsDouble(hi)/g.applyAsDouble(lo)");
        }

        @Test
        @DisplayName("a text is searched squeezed, without the * or // that starts a comment line")
        void searchable() {
            String javadoc = """
                /**
                 * Quoted: {@code double difference = g.applyAsDouble(hi)
                 *     - g.applyAsDouble(lo);}
                 */
                // and double quotient = g.applyAsDouble(hi)
                //     / g.applyAsDouble(lo);
                """;

            assertThat(JavaText.searchable(javadoc))
                .contains("doubledifference=g.applyAsDouble(hi)-g.applyAsDouble(lo)")
                .contains("doublequotient=g.applyAsDouble(hi)/g.applyAsDouble(lo)");
        }
    }

    @Nested
    @DisplayName("leaks in a small course")
    class SmallCourse {

        private static final String MODULE = "01-derivatives";
        private static final String CLASS = "calculus/demo/Secant.java";
        private static final String SKELETON = MODULE + "/src/main/java/" + CLASS;
        /** A statement the student writes (Task 1.1), one only the reference has, and one of the hidden test. */
        private static final String TASK = "double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);";
        private static final String HELPER = "return Math.copySign(Math.abs(hi - lo), hi - lo);";
        private static final String HIDDEN = "double secret = Secant.gap(Math::cbrt, -8.0, 27.0);";

        private static final String REFERENCE = """
            package calculus.demo;

            import java.util.function.DoubleUnaryOperator;

            /** The secant slope. */
            public final class Secant {

                private Secant() {
                }

                public static double gap(DoubleUnaryOperator g, double lo, double hi) {
                    // BEGIN SOLUTION Task 1.1: return the slope of the secant (README.md, "Task 1.1")
                    Checks.requireDistinctBounds(lo, hi);
                    double difference = g.applyAsDouble(hi) - g.applyAsDouble(lo);
                    return difference / run(lo, hi);
                    // END SOLUTION
                }

                static double spread(DoubleUnaryOperator g, double lo, double hi) {
                    return Math.abs(gap(g, lo, hi)) * Math.abs(hi - lo);
                }

                // BEGIN SOLUTION ONLY
                private static double run(double lo, double hi) {
                    return Math.copySign(Math.abs(hi - lo), hi - lo);
                }
                // END SOLUTION ONLY
            }
            """;

        @TempDir
        Path dir;
        private Path course;
        private Path release;

        /** The fake course, its skeleton generated, and its release made as the instructors make it. */
        @BeforeEach
        void layOut() throws IOException {
            course = dir.resolve("course");
            release = dir.resolve("release");
            Trees.write(course, "pom.xml", "<project><modules><module>grader</module><module>" + MODULE
                + "</module></modules></project>\n");
            Trees.write(course, "solutions/" + MODULE + "/src/main/java/" + CLASS, REFERENCE);
            Trees.write(course, "solutions/" + MODULE + "/src/main/java/calculus/demo/Checks.java", """
                package calculus.demo;

                final class Checks {
                    static void requireDistinctBounds(double lo, double hi) {
                    }
                }
                """);
            Trees.write(course, "solutions/" + MODULE + "/src/hidden-test/java/calculus/demo/SecantHiddenTest.java", """
                package calculus.demo;

                import java.util.function.DoubleUnaryOperator;

                class SecantHiddenTest {
                    void secret() {
                        %s
                    }
                }
                """.formatted(HIDDEN));
            Trees.write(course, MODULE + "/src/test/java/calculus/demo/SecantTest.java", """
                package calculus.demo;

                import java.util.function.DoubleUnaryOperator;

                class SecantTest {
                }
                """);
            Trees.write(course, MODULE + "/README.md", "# Derivatives\n\n## Task 1.1: Secant\n\n```java\n" + TASK
                + "\n```\n");
            Trees.write(course, MODULE + "/hints.md", "## Task 1.1: Secant\n\n1. `" + HELPER + "`\n");
            Trees.write(course, "README.md", "# Course\n");
            Skeletons.write(course, List.of(MODULE));
            StudentRelease.release(course, release);
        }

        private void plant(String file, String text) throws IOException {
            Path path = release.resolve(file);
            String old = Files.isRegularFile(path) ? Files.readString(path, UTF_8) : "";
            Files.writeString(path, old + text, UTF_8);
        }

        private static String taskLeak(String file) {
            return file + " holds a statement of solutions/" + MODULE + "/src/main/java/" + CLASS
                + ", Task 1.1 (Secant.gap): doubledifference=g.applyAsDouble(hi)-g.applyAsDouble(lo)";
        }

        @Test
        @DisplayName("a clean release leaks nothing: the lesson quotes the solution on purpose, the hidden test shares "
            + "an import with the visible one, the skeleton calls the given check")
        void cleanRelease() throws IOException {
            assertThat(Files.readString(release.resolve(SKELETON), UTF_8)).contains("UnsupportedOperationException");
            assertThat(release.resolve("solutions")).doesNotExist();

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }

        @Test
        @DisplayName("a statement of a TODO region in the skeleton's Javadoc, broken over two lines, is a leak naming "
            + "the file and the task")
        void inJavadoc() throws IOException {
            String skeleton = Files.readString(release.resolve(SKELETON), UTF_8);
            Files.writeString(release.resolve(SKELETON), skeleton.replace("/** The secant slope. */", """
                /**
                 * The secant slope: {@code double difference = g.applyAsDouble(hi)
                 *     - g.applyAsDouble(lo);}
                 */"""), UTF_8);

            assertThat(LeakCheck.leaks(course, release)).containsExactly(taskLeak(SKELETON));
        }

        @Test
        @DisplayName("a statement only the reference has, in a document outside the lessons, is a leak")
        void solutionOnlyInDocs() throws IOException {
            plant("README.md", "\nA trick: `" + HELPER + "`\n");

            assertThat(LeakCheck.leaks(course, release)).containsExactly("README.md holds a statement of solutions/"
                + MODULE + "/src/main/java/" + CLASS + ", lines 23-27 (solution only): "
                + "returnMath.copySign(Math.abs(hi-lo),hi-lo)");
        }

        @Test
        @DisplayName("the lesson and the hints may quote the reference, but never a hidden test")
        void lessonsQuoteReferenceNotHiddenTests() throws IOException {
            plant(MODULE + "/hints.md", "\n2. `" + TASK + "`\n");
            assertThat(LeakCheck.leaks(course, release)).isEmpty();

            plant(MODULE + "/hints.md", "\n3. A case to try: `" + HIDDEN + "`\n");
            assertThat(LeakCheck.leaks(course, release)).containsExactly(MODULE + "/hints.md holds a statement of the "
                + "hidden test solutions/" + MODULE + "/src/hidden-test/java/calculus/demo/SecantHiddenTest.java: "
                + "doublesecret=Secant.gap(Math::cbrt,-8.0,27.0)");
        }

        @Test
        @DisplayName("a hidden test copied into the release is a leak of its own statements, not of the imports it "
            + "shares with the visible tests")
        void hiddenTestCopied() throws IOException {
            String copy = MODULE + "/src/test/java/calculus/demo/SecantHiddenTest.java";
            Path hidden = course.resolve("solutions/" + MODULE + "/src/hidden-test/java/calculus/demo/"
                + "SecantHiddenTest.java");
            Files.copy(hidden, release.resolve(copy));

            assertThat(LeakCheck.leaks(course, release)).containsExactly(copy + " holds a statement of the hidden test "
                + "solutions/" + MODULE + "/src/hidden-test/java/calculus/demo/SecantHiddenTest.java: "
                + "doublesecret=Secant.gap(Math::cbrt,-8.0,27.0)");
        }

        @Test
        @DisplayName("the reference copied into the release leaks every statement of its marked regions, but not the "
            + "code the skeleton gives, nor the call of the given check")
        void referenceCopied() throws IOException {
            String copy = MODULE + "/src/main/java/calculus/demo/SecantSolution.java";
            Files.copy(course.resolve("solutions/" + SKELETON), release.resolve(copy));

            assertThat(LeakCheck.leaks(course, release)).containsExactly(taskLeak(copy),
                copy + " holds a statement of solutions/" + MODULE + "/src/main/java/" + CLASS + ", lines 23-27 "
                    + "(solution only): privatestaticdoublerun(doublelo,doublehi)",
                copy + " holds a statement of solutions/" + MODULE + "/src/main/java/" + CLASS + ", lines 23-27 "
                    + "(solution only): returnMath.copySign(Math.abs(hi-lo),hi-lo)");
        }

        @Test
        @DisplayName("a binary file, and a build folder, are not searched")
        void binaryAndBuildFiles() throws IOException {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, ';'};
            Files.write(release.resolve(MODULE + "/logo.png"), png);
            Trees.write(release, MODULE + "/target/notes.txt", TASK);

            assertThat(LeakCheck.leaks(course, release)).isEmpty();
        }
    }

    @Nested
    @DisplayName("leaks in a release of this course")
    class ThisCourse {

        private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
        private static final String CENTRAL =
            "01-derivatives/src/main/java/calculus/derivatives/CentralDifference.java";

        @TempDir
        Path release;

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS) // a whole release and scan: not student code, slow under load
        @DisplayName("the release is clean; a reference statement planted in a skeleton's comment, and a hidden test's "
            + "statement planted in the course README, are caught")
        void plantedLeaksAreCaught() throws IOException {
            StudentRelease.release(COURSE, release);
            assertThat(LeakCheck.leaks(COURSE, release)).isEmpty();

            String reference = Files.readString(COURSE.resolve("solutions").resolve(CENTRAL), UTF_8);
            String statement = reference.lines().map(String::strip).filter(l -> l.startsWith("return (f.applyAsDouble"))
                .findFirst().orElseThrow();
            Path skeleton = release.resolve(CENTRAL);
            Files.writeString(skeleton, Files.readString(skeleton, UTF_8).replace("// TODO(Task 1.3): ",
                "// " + statement + "\n        // TODO(Task 1.3): "), UTF_8);
            Path hiddenTest = COURSE.resolve(
                "solutions/01-derivatives/src/hidden-test/java/calculus/derivatives/DerivativesHiddenTest.java");
            String secret = LeakCheck.secrets(COURSE).entrySet().stream()
                .filter(e -> e.getValue().endsWith("DerivativesHiddenTest.java")).findFirst().orElseThrow().getKey();
            assertThat(JavaText.squeeze(Files.readString(hiddenTest, UTF_8))).contains(secret);
            Files.writeString(release.resolve("README.md"), "\n" + secret + "\n", UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

            assertThat(LeakCheck.leaks(COURSE, release)).containsExactly(
                CENTRAL + " holds a statement of solutions/" + CENTRAL + ", Task 1.3 (CentralDifference.derivative): "
                    + JavaText.squeeze(statement.replaceFirst(";$", "")),
                "README.md holds a statement of the hidden test solutions/01-derivatives/src/hidden-test/java/calculus/"
                    + "derivatives/DerivativesHiddenTest.java: " + secret);
        }
    }
}
