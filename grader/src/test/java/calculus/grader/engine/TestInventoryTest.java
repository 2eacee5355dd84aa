package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.report.TestResult;

/**
 * The graded tests as the grader reads them: from compiled classes, and from sources when they do not compile.
 * Both readings of the same tests must agree, so that a test's points do not depend on whether the code compiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestInventoryTest {

    private static final String IMPORTS = """
        package fixture.inv;

        import org.junit.jupiter.api.DisplayName;
        import org.junit.jupiter.api.Test;

        import calculus.grader.Graded;
        import calculus.grader.Hidden;

        """;

    private Path sources;
    private TestInventory.Found compiled;
    private TestInventory.Found parsed;

    @BeforeAll
    void compileAndParse(@TempDir Path work) throws IOException {
        sources = work.resolve("tests");
        write("BetaTest.java", """
            @DisplayName("Tasks 4.2 and 4.10")
            class BetaTest {

                @Test
                @Graded(task = "4.2", points = 3)
                @DisplayName("4.2 " + "Joined " + "words")
                void second() {
                }

                void helper() {
                }

                @Test
                @Graded(task = "4.10", points = 2, steps = 5_000_000L)
                @DisplayName("4.10 A budget of its own")
                void tenth() {
                }

                @Test
                @Graded(task = "4.2", points = 1)
                void unnamed() {
                }
            }
            """);
        write("AlphaTest.java", """
            class AlphaTest {

                @Test
                @Graded(task = "4.3", points = 4)
                @DisplayName("4.3 First of its class, third task")
                void a() {
                }

                @Hidden
                @Test
                @Graded(task = "4.3", points = 1)
                @DisplayName("4.3 Hidden, in a visible class")
                void hiddenOne() {
                }

                static class Nested {

                    @Test
                    @Graded(task = "4.4", points = 1)
                    @DisplayName("4.4 In a nested class")
                    void nested() {
                    }
                }
            }
            """);
        write("SecretTest.java", """
            @Hidden(showMessage = false)
            class SecretTest {

                @Test
                @Graded(task = "4.1", points = 2)
                @DisplayName("4.1 Withheld, though its task comes first")
                void secret() {
                }
            }
            """);
        write("MistakesTest.java", """
            class MistakesTest {

                @Test
                @Graded(task = "four", points = 0)
                @DisplayName("four Not a task")
                void bad() {
                }

                @Test
                @Graded(task = "4.5", points = 1)
                @DisplayName("4.5 Twice")
                void twice() {
                }

                @Test
                @Graded(task = "4.5", points = 1)
                @DisplayName("4.5 Twice, overloaded")
                void twice(org.junit.jupiter.api.TestInfo info) {
                }
            }
            """);
        List<Path> classpath = new ArrayList<>(FixtureModule.classpath());
        SourceCompiler.Result result = new SourceCompiler().compileTests(List.of(sources), classpath,
            work.resolve("classes"));
        assertThat(result.ok()).as("the fixture tests compile: %s", result.errors()).isTrue();
        compiled = TestInventory.read(work.resolve("classes"));
        parsed = TestInventory.parse(javaFiles());
    }

    @Test
    @DisplayName("tests are in grading order: classes by their first valid task, hidden ones last, methods as written")
    void gradingOrder() {
        assertThat(compiled.tests()).extracting(TestInventory.GradedTest::key).containsExactly(
            "fixture.inv.BetaTest#second", "fixture.inv.BetaTest#tenth", "fixture.inv.BetaTest#unnamed",
            "fixture.inv.AlphaTest#a", "fixture.inv.AlphaTest#hiddenOne",
            "fixture.inv.AlphaTest$Nested#nested",
            "fixture.inv.MistakesTest#bad", "fixture.inv.MistakesTest#twice", "fixture.inv.MistakesTest#twice",
            "fixture.inv.SecretTest#secret");
    }

    @Test
    @DisplayName("each test's task, points, budget, name and visibility are read from its annotations")
    void annotations() {
        assertThat(compiled.tests()).extracting(TestInventory.GradedTest::method, TestInventory.GradedTest::task,
            TestInventory.GradedTest::points, TestInventory.GradedTest::steps, TestInventory.GradedTest::name,
            TestInventory.GradedTest::visibility).contains(
                tuple("second", "4.2", 3, 0L, "4.2 Joined words", TestResult.VISIBLE),
                tuple("tenth", "4.10", 2, 5_000_000L, "4.10 A budget of its own", TestResult.VISIBLE),
                tuple("unnamed", "4.2", 1, 0L, "unnamed()", TestResult.VISIBLE),
                tuple("hiddenOne", "4.3", 1, 0L, "4.3 Hidden, in a visible class", TestResult.HIDDEN),
                tuple("secret", "4.1", 2, 0L, "4.1 Withheld, though its task comes first", TestResult.WITHHELD));
        assertThat(compiled.tests().get(1).moduleNumber()).isEqualTo(4);
    }

    @Test
    @DisplayName("the authors' mistakes are course errors: no task number in the name, a bad task, no points, twins")
    void authorsMistakes() {
        assertThat(compiled.errors()).containsExactlyInAnyOrder(
            "fixture.inv.BetaTest#unnamed: its @DisplayName must start with its task number \"4.2 \", not "
                + "\"unnamed()\"",
            "fixture.inv.MistakesTest#bad: task \"four\" is not of the form M.N",
            "fixture.inv.MistakesTest#bad: a graded test is worth at least 1 point, not 0",
            "fixture.inv.MistakesTest#twice: two graded test methods of one class share a name; give each its own");
    }

    @Test
    @DisplayName("the sources give the same tests, in the same order, as the compiled classes")
    void sourcesAgreeWithClasses() {
        assertThat(parsed.tests()).extracting(TestInventory.GradedTest::key, TestInventory.GradedTest::task,
            TestInventory.GradedTest::points, TestInventory.GradedTest::steps, TestInventory.GradedTest::name,
            TestInventory.GradedTest::visibility)
            .containsExactlyElementsOf(compiled.tests().stream().map(t -> tuple(t.key(), t.task(), t.points(),
                t.steps(), t.name(), t.visibility())).toList());
        assertThat(parsed.errors()).containsExactlyInAnyOrderElementsOf(compiled.errors());
        assertThat(parsed.classNames()).contains("fixture.inv.AlphaTest$Nested", "fixture.inv.SecretTest");
    }

    @Test
    @DisplayName("numbers the source does not spell out are a course error, not a crash and not a wrong number")
    void unreadableNumbers(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ExpressionsTest.java");
        Files.writeString(file, IMPORTS + """
            class ExpressionsTest {

                static final long MILLION = 1_000_000;

                @Test
                @Graded(task = "4.6", points = 2 + 3, steps = 20 * MILLION)
                @DisplayName("4.6 Computed numbers")
                void computed() {
                }

                @Test
                @Graded(task = "4.6", points = 5, steps = -1)
                @DisplayName("4.6 A literal, negative")
                void negative() {
                }
            }
            """);

        TestInventory.Found found = TestInventory.parse(List.of(file));

        assertThat(found.tests()).extracting(TestInventory.GradedTest::method, TestInventory.GradedTest::points,
            TestInventory.GradedTest::steps).containsExactly(tuple("computed", 0, 0L), tuple("negative", 5, -1L));
        assertThat(found.errors()).contains(
            "fixture.inv.ExpressionsTest#computed: @Graded(points = 2 + 3) is not a number the grader can read from "
                + "the source (it does when the tests do not compile): write it as a literal",
            "fixture.inv.ExpressionsTest#computed: @Graded(steps = 20 * MILLION) is not a number the grader can "
                + "read from the source (it does when the tests do not compile): write it as a literal");
    }

    @Test
    @DisplayName("the problems read from sources survive their merging with the compiled tests")
    void mergedProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ExpressionsTest.java");
        Files.writeString(file, IMPORTS + """
            class ExpressionsTest {

                @Test
                @Graded(task = "4.6", points = 1, steps = 2 * 3)
                @DisplayName("4.6 Computed budget")
                void computed() {
                }
            }
            """);

        TestInventory.Found merged = compiled.plus(TestInventory.parse(List.of(file)));

        assertThat(merged.errors()).containsAll(compiled.errors()).anyMatch(e -> e.contains("steps = 2 * 3"));
        assertThat(merged.tests()).hasSize(compiled.tests().size() + 1);
    }

    private void write(String file, String body) throws IOException {
        Path path = sources.resolve("fixture").resolve("inv").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, IMPORTS + body);
    }

    private List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
