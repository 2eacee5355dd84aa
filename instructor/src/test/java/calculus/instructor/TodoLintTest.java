package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TODO lint: it must flag every TODO the course had before its TODOs were rewritten that gives a formula or code,
 * and none of the TODOs the skeletons have now.
 */
class TodoLintTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();

    /** The TODOs before the rewrite: "F" or "P", the task, the text (todos-before.txt says more). */
    private static List<String[]> before() throws IOException {
        try (InputStream in = TodoLintTest.class.getResourceAsStream("todos-before.txt")) {
            assertThat(in).as("todos-before.txt").isNotNull();
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", 3));
                }
            }
            return rows;
        }
    }

    @Test
    @DisplayName("flags every TODO of the old skeletons that gave a formula or code, and only those (162 TODOs, 115 "
        + "with a formula)")
    void oldTodos() throws IOException {
        List<String[]> rows = before();
        List<String> missed = new ArrayList<>();
        List<String> wronglyFlagged = new ArrayList<>();
        for (String[] row : rows) {
            List<String> problems = TodoLint.formulaProblems(row[2]);
            if (row[0].equals("F") && problems.isEmpty()) {
                missed.add(row[2]);
            }
            if (row[0].equals("P") && !problems.isEmpty()) {
                wronglyFlagged.add(row[2] + " " + problems);
            }
        }

        assertThat(rows).hasSize(162);
        assertThat(rows.stream().filter(r -> r[0].equals("F"))).hasSize(115);
        assertThat(missed).as("formulas the lint let through").isEmpty();
        assertThat(wronglyFlagged).as("plain descriptions the lint took for formulas").isEmpty();
    }

    @Test
    @DisplayName("flags none of the TODOs the references give the skeletons now, each pointing at its lesson section")
    void currentTodos() throws IOException {
        Pattern begin = Pattern.compile("// BEGIN SOLUTION Task (\\d+\\.\\d+)(?: \\[[^\\]]+])?: (.*)");
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (String module : CourseFiles.modules(COURSE)) {
            String lesson = Files.readString(COURSE.resolve(module).resolve("README.md"), UTF_8);
            for (Skeletons.Reference r : Skeletons.references(COURSE, module).values()) {
                for (Skeletons.Region region : r.regions()) {
                    if (region.isTask()) {
                        count++;
                        Matcher m = begin.matcher(Skeletons.content(r.lines().get(region.first())).strip());
                        assertThat(m.matches()).isTrue();
                        problems.addAll(TodoLint.problems(r.path() + ": ", region.task(),
                            String.join(" ", region.todo()), lesson));
                    }
                }
            }
        }

        assertThat(count).as("TODOs in the references").isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
        an operator between operands            # return (f(x + h) - f(x - h)) / (2h)
        an operator between operands            # local derivatives 1/b and the rest
        an operator between operands            # the indices 0..n-1
        an exponent                             # divide by h^2 at the end
        a call                                  # the central difference with the step step(x)
        a member of a class or object           # equal when Arrays.equals says so
        an assignment, a comparison or a lambda # from v = x and slope 1
        an assignment, a comparison or a lambda # refuse a value <= 0
        a square root                           # sqrt of the sum of squares
        an absolute value or a norm             # the largest |partial along i|
        an index or a subscript                 # sum a[i] times b[i]
        an index or a subscript                 # the mean of r_i over the examples
        a number times a letter                 # divide by 2h
        a negation                              # a node with value -a
        a product of letters                    # a node with value c a and derivative c
        a constructor call                      # return new TangentLine at x0
        """)
    @DisplayName("each rule finds what it names")
    void rules(String rule, String text) {
        assertThat(TodoLint.formulaProblems(text)).anyMatch(p -> p.startsWith(rule.strip() + " (\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        return the central-difference estimate of f′(x) with step h (README.md, "Task 1.3"); reject bad input
        return the estimate, as the Javadoc's @throws says (README.md, "Task 1.3")
        return the estimate of f'(x), non-negative; a one-hot label is no formula (README.md, "Task 6.4")
        return the k-th coefficient, 0 beyond the degree, e.g. for a constant (README.md, "Task 1.7")
        return the Euclidean norm of v, without overflow for huge entries (README.md, "Task 4.1")
        """)
    @DisplayName("a TODO that points passes: a derivative named f′(x), hyphenated words, e.g., the lesson's file name")
    void goodTodos(String text) {
        assertThat(TodoLint.formulaProblems(text)).isEmpty();
    }

    @Test
    @DisplayName("a TODO must cite its own task's section, and the lesson must have it")
    void citation() {
        String lesson = "# Derivatives\n\n## Task 1.3: Central difference\n";

        assertThat(TodoLint.problems("F.java:9: ", "1.3", "return the estimate (README.md, \"Task 1.3\")", lesson))
            .isEmpty();
        assertThat(TodoLint.problems("F.java:9: ", "1.3", "return the estimate", lesson)).containsExactly(
            "F.java:9: the TODO of Task 1.3 does not point at its lesson section (README.md, \"Task 1.3\"): return the "
                + "estimate");
        assertThat(TodoLint.problems("F.java:9: ", "1.3", "return it (README.md, \"Task 1.2\")", lesson))
            .hasSize(1).allMatch(p -> p.contains("does not point at its lesson section"));
        assertThat(TodoLint.problems("F.java:9: ", "1.4", "return it (README.md, \"Task 1.4\")", lesson))
            .containsExactly("F.java:9: the TODO points at (README.md, \"Task 1.4\"), but the lesson has no section "
                + "\"## Task 1.4: ...\"");
    }
}
