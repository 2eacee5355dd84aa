package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.budget.StepBudget;

/**
 * Instrumentation on real model code: every class of every compiled reference solution loads, passes the verifier and
 * initialises through {@link StudentClassLoader}. No test runs. The solutions are compiled after the grader in a
 * build, so this runs only where they already are: after
 * {@code ./mvnw -q compile -Dcheck -pl solutions/01-derivatives,...,solutions/06-backprop -am}, or in a second check.
 */
class ReferenceSolutionsSmokeTest {

    /** Surefire runs the grader's tests in the grader's folder; the solutions are its siblings' children. */
    private static final Path SOLUTIONS = Path.of("..", "solutions");

    /** Far more than any initialiser of the course needs, and a bound should one ever loop. */
    private static final long INITIALISATION_BUDGET = 10_000_000;

    @AfterEach
    void disarm() {
        StepBudget.disarm();
    }

    private static List<Path> compiledSolutions() throws IOException {
        if (!Files.isDirectory(SOLUTIONS)) {
            return List.of();
        }
        try (Stream<Path> modules = Files.list(SOLUTIONS)) {
            return modules.map(m -> m.resolve("target").resolve("classes")).filter(Files::isDirectory).sorted()
                .collect(Collectors.toList());
        }
    }

    @Test
    @DisplayName("every class of the compiled reference solutions loads, verifies and initialises instrumented")
    void referenceSolutionsLoad() throws IOException {
        List<Path> solutions = compiledSolutions();
        Assumptions.assumeFalse(solutions.isEmpty(), "no compiled reference solutions under " + SOLUTIONS);
        List<String> failures = new ArrayList<>();
        int loaded = 0;

        for (Path classes : solutions) {
            StudentClassLoader loader = new StudentClassLoader(List.of(), classes);
            for (String name : StudentCode.classNames(classes)) {
                StepBudget.arm(INITIALISATION_BUDGET);
                try {
                    Class<?> type = Class.forName(name, true, loader);
                    if (type.getClassLoader() != loader) {
                        failures.add(name + " was loaded by " + type.getClassLoader() + ", not instrumented");
                    }
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    failures.add(classes + ": " + name + ": " + e);
                }
            }
        }

        assertThat(failures).as("classes of %s that did not load (a VerifyError means bad instrumentation)",
            solutions).isEmpty();
        assertThat(loaded).as("classes loaded").isPositive();
    }
}
