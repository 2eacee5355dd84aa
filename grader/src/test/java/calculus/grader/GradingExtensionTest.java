package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.GradingExtension.NotImplementedYet;
import calculus.grader.GradingExtension.OutOfSteps;
import calculus.grader.GradingExtension.SeedNote;
import calculus.grader.fixtures.BudgetedLoops;
import calculus.grader.fixtures.RunawayResources;
import calculus.grader.fixtures.SeededCode;
import calculus.grader.fixtures.SkeletonCalls;
import calculus.grader.fixtures.TaskSelection;
import calculus.grader.report.Status;

/** The extension every graded test runs with, checked on fixture classes run by JUnit itself. */
class GradingExtensionTest {

    // ---- runaway student code costs one test, never the run

    @Test
    @DisplayName("a StackOverflowError fails only its own test, with an explanation for the student")
    void stackOverflowFailsOneTest() {
        FixtureRuns run = FixtureRuns.run(RunawayResources.class);

        assertThat(run.failure("recursesWithoutEnd")).isExactlyInstanceOf(AssertionError.class)
            .hasMessageStartingWith("StackOverflowError: the code recursed too deeply, or without end.")
            .hasMessageContaining("base case");
        assertThat(run.succeeded("runsAfterwards")).as("the test after the overflow passed").isTrue();
    }

    @Test
    @DisplayName("an OutOfMemoryError fails its test, naming the test JVM's memory, and its task's other tests do not "
        + "run (as after a budget running out: which runs out first must not change the grade); other tasks' do")
    void outOfMemoryFailsItsTask() {
        FixtureRuns run = FixtureRuns.run(RunawayResources.class);
        long mb = Runtime.getRuntime().maxMemory() >> 20;

        assertThat(run.failure("runsOutOfMemory")).isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("OutOfMemoryError: the code used up the test's " + mb + " MB of memory.");
        assertThat(run.skipReason("sameTaskAfterOutOfMemory")).hasValueSatisfying(reason -> assertThat(reason)
            .startsWith("not run: another test of Task 1.2 ran out of its step budget or of memory"));
        assertThat(run.succeeded("runsAfterwards")).as("the test of another task passed").isTrue();
    }

    // ---- the step budget

    @Test
    @DisplayName("with a step budget, a test that runs out is stopped as OutOfSteps (TIMED OUT), naming the budget")
    void runningOutOfStepsStopsTheTest() {
        FixtureRuns run = FixtureRuns.run(BudgetedLoops.class, Map.of(GradingExtension.STEPS_PARAMETER, "1000"));

        Throwable failure = run.failure("loopsLong");
        assertThat(failure).isInstanceOf(OutOfSteps.class)
            .hasMessageStartingWith("stopped after " + String.format("%,d", 1000) + " steps (loop iterations and "
                + "calls), the test's budget")
            .hasMessageEndingWith("an endless loop, a loop whose exit condition is never met, or endless recursion?");
        assertThat(failure.getStackTrace()).as("the message says it all").isEmpty();
        assertThat(Outcome.of(failure).status()).isEqualTo(Status.TIMED_OUT);
        assertThat(run.steps("loopsLong")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1000L));
    }

    @Test
    @DisplayName("after a test runs out of steps, the other tests of its task are not run; other tasks' are")
    void otherTestsOfTheTaskAreNotRun() {
        FixtureRuns run = FixtureRuns.run(BudgetedLoops.class, Map.of(GradingExtension.STEPS_PARAMETER, "1000"));

        assertThat(run.skipReason("afterTheLoop")).hasValueSatisfying(reason -> assertThat(reason)
            .startsWith("not run: another test of Task 3.1 ran out of its step budget or of memory"));
        assertThat(run.succeeded("fewSteps")).isTrue();
    }

    @Test
    @DisplayName("a test's own budget, @Graded(steps = ...), replaces the default; its steps are published")
    void ownBudgetReplacesTheDefault() {
        FixtureRuns run = FixtureRuns.run(BudgetedLoops.class, Map.of(GradingExtension.STEPS_PARAMETER, "1000"));

        assertThat(run.succeeded("ownBudget")).isTrue();
        assertThat(run.steps("ownBudget")).contains((long) BudgetedLoops.LONG);
        assertThat(run.steps("fewSteps")).contains((long) BudgetedLoops.SHORT);
    }

    @Test
    @DisplayName("a test that catches the budget's error is stopped all the same")
    void catchingTheErrorDoesNotHelp() {
        FixtureRuns run = FixtureRuns.run(BudgetedLoops.class, Map.of(GradingExtension.STEPS_PARAMETER, "1000"));

        assertThat(run.failure("catchesTheError")).isInstanceOf(OutOfSteps.class);
    }

    @Test
    @DisplayName("without a budget (an IDE run) nothing is counted; a run out of steps is forgotten by the next run")
    void noBudgetNoCounting() {
        FixtureRuns.run(BudgetedLoops.class, Map.of(GradingExtension.STEPS_PARAMETER, "1000"));
        FixtureRuns run = FixtureRuns.run(BudgetedLoops.class);

        assertThat(List.of("loopsLong", "afterTheLoop", "ownBudget", "catchesTheError", "fewSteps"))
            .allSatisfy(m -> assertThat(run.succeeded(m)).as(m).isTrue());
        assertThat(run.steps("fewSteps")).isEmpty();
    }

    // ---- the skeleton's exception: one line, TODO

    @Test
    @DisplayName("the skeleton's UnsupportedOperationException becomes a one-line NotImplementedYet")
    void skeletonExceptionBecomesNotImplementedYet() {
        FixtureRuns run = FixtureRuns.run(SkeletonCalls.class);

        Throwable failure = run.failure("callsTheSkeleton");
        assertThat(failure).isInstanceOf(NotImplementedYet.class)
            .hasMessage("TODO, not implemented yet: " + SkeletonCalls.TODO)
            .hasNoCause();
        assertThat(failure.getStackTrace()).as("a TODO prints no stack trace").isEmpty();
        assertThat(Outcome.of(failure)).isEqualTo(new Outcome(Status.TODO, SkeletonCalls.TODO));
    }

    @Test
    @DisplayName("the skeleton's exception quoted by AssertJ or wrapped in another exception is TODO as well")
    void quotedOrWrappedSkeletonExceptionIsTodo() {
        FixtureRuns run = FixtureRuns.run(SkeletonCalls.class);

        assertThat(run.failure("expectsAnotherException")).isInstanceOf(NotImplementedYet.class)
            .hasMessage("TODO, not implemented yet: " + SkeletonCalls.TODO);
        assertThat(run.failure("wrapsTheException")).isInstanceOf(NotImplementedYet.class)
            .hasMessage("TODO, not implemented yet: " + SkeletonCalls.TODO);
    }

    @Test
    @DisplayName("an ungraded test is left alone: its UnsupportedOperationException stays as it was")
    void ungradedTestsAreLeftAlone() {
        FixtureRuns run = FixtureRuns.run(SkeletonCalls.class);

        assertThat(run.failure("ungradedCall")).isExactlyInstanceOf(UnsupportedOperationException.class)
            .hasMessage(SkeletonCalls.TODO);
    }

    // ---- seeded random inputs

    @Test
    @DisplayName("a TestRandom gets the same seed on every run, derived from the course seed and the test's id")
    void seedIsReproducible() {
        FixtureRuns first = FixtureRuns.run(SeededCode.class);
        FixtureRuns second = FixtureRuns.run(SeededCode.class);

        long seed = first.seed("drawsOnce").orElseThrow();
        assertThat(second.seed("drawsOnce")).contains(seed);
        assertThat(seed).isEqualTo(GradingExtension.mix(GradingExtension.COURSE_SEED, first.uniqueId("drawsOnce")))
            .isBetween(0L, 999_999_999L);
    }

    @Test
    @DisplayName("two tests get different seeds, so that they draw different inputs")
    void seedsDifferBetweenTests() {
        FixtureRuns run = FixtureRuns.run(SeededCode.class);

        assertThat(run.seed("drawsOnce")).isPresent();
        assertThat(run.seed("drawsAgain")).isPresent().isNotEqualTo(run.seed("drawsOnce"));
        assertThat(run.seed("failsWithoutDrawing")).as("a test without a TestRandom publishes no seed").isEmpty();
    }

    @Test
    @DisplayName("-Dseed=N gives every test exactly the seed N")
    void seedParameterForcesTheSeed() {
        FixtureRuns run = FixtureRuns.run(SeededCode.class, Map.of("seed", " 12345 "));

        assertThat(run.seed("drawsOnce")).contains(12345L);
        assertThat(run.seed("drawsAgain")).contains(12345L);
        assertThat(run.seed("failsOnADraw")).contains(12345L);
    }

    @Test
    @DisplayName("-Dcalculus.seed=N changes every test's seed at once, reproducibly")
    void courseSeedChangesEverySeed() {
        FixtureRuns usual = FixtureRuns.run(SeededCode.class);
        FixtureRuns other = FixtureRuns.run(SeededCode.class, Map.of("calculus.seed", "7"));

        assertThat(other.seed("drawsOnce")).contains(GradingExtension.mix(7, other.uniqueId("drawsOnce")))
            .isNotEqualTo(usual.seed("drawsOnce"));
    }

    @Test
    @DisplayName("a failing test with random inputs carries its seed as a suppressed SeedNote; one without does not")
    void failureCarriesSeedNote() {
        FixtureRuns run = FixtureRuns.run(SeededCode.class);
        long seed = run.seed("failsOnADraw").orElseThrow();

        Throwable failure = run.failure("failsOnADraw");
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("a draw from [0, 1)");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).isInstanceOf(SeedNote.class)
            .hasMessage("random inputs drawn from seed " + seed + "; rerun with -Dseed=" + seed
                + " to draw them again");
        assertThat(run.failure("failsWithoutDrawing").getSuppressed()).isEmpty();
    }

    @Test
    @DisplayName("the forced seed is the one a failure reports, so that rerunning with it draws the same inputs")
    void forcedSeedIsReported() {
        FixtureRuns run = FixtureRuns.run(SeededCode.class, Map.of("seed", "987"));

        assertThat(run.failure("failsOnADraw").getSuppressed()).singleElement()
            .extracting(Throwable::getMessage).asString().contains("seed 987;", "-Dseed=987 ");
    }

    // ---- one task at a time

    @Test
    @DisplayName("-Dtask=1.1 runs the graded tests of task 1.1 only (not 1.10), and every ungraded test")
    void taskParameterSelectsOneTask() {
        FixtureRuns run = FixtureRuns.run(TaskSelection.class, Map.of("task", "1.1"));

        assertThat(run.succeeded("taskOne")).isTrue();
        assertThat(run.succeeded("ungraded")).isTrue();
        assertThat(run.skipReason("taskTwo")).contains("only task 1.1 selected (-Dtask)");
        assertThat(run.skipReason("taskTen")).as("1.10 is another task than 1.1, not a part of it")
            .contains("only task 1.1 selected (-Dtask)");
    }

    @Test
    @DisplayName("-Dtask takes a comma-separated list, with spaces around the numbers")
    void taskParameterTakesAList() {
        FixtureRuns run = FixtureRuns.run(TaskSelection.class, Map.of("task", " 1.2 , 1.10 "));

        assertThat(run.succeeded("taskTwo")).isTrue();
        assertThat(run.succeeded("taskTen")).isTrue();
        assertThat(run.skipReason("taskOne")).isPresent();
    }

    @Test
    @DisplayName("a blank -Dtask, as a build passes an unset property, runs every test")
    void blankTaskRunsEverything() {
        FixtureRuns run = FixtureRuns.run(TaskSelection.class, Map.of("task", "  "));

        assertThat(run.succeeded("taskOne")).isTrue();
        assertThat(run.succeeded("taskTwo")).isTrue();
        assertThat(run.succeeded("taskTen")).isTrue();
    }

    // ---- what every test JVM with the grader gets

    @Test
    @DisplayName("the grader's junit-platform.properties stops endless loops: 10 s by default, in a separate thread")
    void defaultTimeoutIsConfigured() throws IOException, URISyntaxException {
        Path classes = Paths.get(GradingExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(classes.resolve("junit-platform.properties"))) {
            properties.load(in);
        }

        assertThat(properties.getProperty(FixtureRuns.TIMEOUT)).isEqualTo("10 s");
        assertThat(properties.getProperty("junit.jupiter.execution.timeout.thread.mode.default"))
            .isEqualTo("SEPARATE_THREAD");
    }

    // ---- the seed function itself

    @Test
    @DisplayName("mix is a fixed function of the course seed and the test id, with nine-digit results")
    void mixIsStable() {
        String id = "[engine:junit-jupiter]/[class:calculus.derivatives.CentralDifferenceTest]/[method:order()]";

        assertThat(GradingExtension.mix(1, id)).isEqualTo(GradingExtension.mix(1, id))
            .isNotEqualTo(GradingExtension.mix(2, id))
            .isNotEqualTo(GradingExtension.mix(1, id + " "));
        for (int course = -50; course < 50; course++) {
            assertThat(GradingExtension.mix(course, id)).isBetween(0L, 999_999_999L);
        }
    }
}
