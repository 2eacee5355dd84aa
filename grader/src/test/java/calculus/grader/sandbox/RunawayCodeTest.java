package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.grader.budget.StepBudget;
import calculus.grader.budget.StepBudgetExceeded;

/**
 * Student code that would never end, run on the test thread under a budget of a million steps: each case must stop
 * with a {@link StepBudgetExceeded} (or the error the JVM makes of it), within a few steps of the budget, and hand
 * control back to the caller. Without the budget, each of these would keep the test JVM busy until it is killed.
 */
class RunawayCodeTest {

    private static final long BUDGET = 1_000_000;

    private static final String WHILE_TRUE = """
        package student;

        public class WhileTrue implements Runnable {
            @Override
            public void run() {
                while (true) { // LOOP
                }
            }
        }
        """;

    private static final String CATCHES_EVERYTHING = """
        package student;

        public class CatchesEverything implements Runnable {
            private int work;

            @Override
            public void run() {
                for (;;) {
                    try {
                        work = next(work);
                    } catch (Throwable t) {
                        work = 0;
                    }
                }
            }

            private static int next(int n) {
                return n + 1;
            }
        }
        """;

    private static final String EMPTY_FINALLY = """
        package student;

        public class EmptyFinally implements Runnable {
            private int work;

            @Override
            public void run() {
                while (true) {
                    try {
                        work = next(work);
                    } finally {
                    }
                }
            }

            private static int next(int n) {
                return n + 1;
            }
        }
        """;

    /** {@code continue} in a {@code finally} discards whatever was thrown: the handler's step is all that stops it. */
    private static final String FINALLY_CONTINUES = """
        package student;

        public class FinallyContinues implements Runnable {
            private int work;

            @Override
            @SuppressWarnings("finally")
            public void run() {
                while (true) {
                    try {
                        work = next(work);
                    } finally {
                        continue;
                    }
                }
            }

            private static int next(int n) {
                return n + 1;
            }
        }
        """;

    private static final String LOOPS_IN_CATCH = """
        package student;

        public class LoopsInCatch implements Runnable {
            @Override
            public void run() {
                try {
                    throw new IllegalStateException("to get into the handler");
                } catch (Throwable t) {
                    while (true) {
                    }
                }
            }
        }
        """;

    private static final String LOOPS_AGAIN_IN_CATCH = """
        package student;

        public class LoopsAgainInCatch implements Runnable {
            @Override
            public void run() {
                try {
                    while (true) {
                    }
                } catch (Throwable t) {
                    while (true) {
                    }
                }
            }
        }
        """;

    private static final String SWALLOWS_AND_RETURNS = """
        package student;

        public class SwallowsAndReturns implements Runnable {
            public int counted;

            @Override
            public void run() {
                counted = count();
            }

            private static int count() {
                int n = 0;
                try {
                    while (true) {
                        n++;
                    }
                } catch (Throwable t) {
                    return n;
                }
            }
        }
        """;

    /** javac lets this {@code try} range run into its own {@code finally} handler: the step there must not loop. */
    private static final String FINALLY_RETURNS = """
        package student;

        public class FinallyReturns implements Runnable {
            public int result;

            @Override
            public void run() {
                result = spin();
            }

            @SuppressWarnings("finally")
            private static int spin() {
                try {
                    while (true) {
                    }
                } finally {
                    return 1;
                }
            }
        }
        """;

    private static final String RECURSES_ON_OVERFLOW = """
        package student;

        public class RecursesOnOverflow implements Runnable {
            @Override
            public void run() {
                down(0);
            }

            private static int down(int depth) {
                try {
                    return down(depth + 1);
                } catch (StackOverflowError e) {
                    return down(depth + 1);
                }
            }
        }
        """;

    private static final String ITERATES_FOREVER = """
        package student;

        import java.util.stream.IntStream;

        public class IteratesForever implements Runnable {
            private long sum;

            @Override
            public void run() {
                IntStream.iterate(0, i -> i + 1).forEach(i -> sum += i);
            }
        }
        """;

    private static final String LOOPS_IN_LAMBDA = """
        package student;

        import java.util.stream.IntStream;

        public class LoopsInLambda implements Runnable {
            @Override
            public void run() {
                IntStream.iterate(0, i -> i + 1).forEach(i -> {
                    while (true) {
                    }
                });
            }
        }
        """;

    private static final String DO_WHILE = """
        package student;

        public class DoWhile implements Runnable {
            @Override
            public void run() {
                int n = 0;
                do {
                    n = (n + 1) % 7;
                } while (n >= 0);
            }
        }
        """;

    private static final String LABELLED_CONTINUE = """
        package student;

        public class LabelledContinue implements Runnable {
            public int found;

            @Override
            public void run() {
                outer:
                for (int i = 0; ; i++) {
                    for (int j = 0; j < 3; j++) {
                        if (j == 1) {
                            continue outer;
                        }
                        found += j;
                    }
                }
            }
        }
        """;

    private static final String NESTED_LOOPS = """
        package student;

        public class NestedLoops implements Runnable {
            public long total;

            @Override
            public void run() {
                for (int i = 0; i >= 0; i = (i + 1) % 1000) {
                    for (int j = 0; j < 100; j++) {
                        total += j;
                    }
                }
            }
        }
        """;

    private static final String LOOP_IN_SWITCH = """
        package student;

        public class LoopInSwitch implements Runnable {
            private int mode = 2;

            @Override
            public void run() {
                switch (mode) {
                    case 1:
                        break;
                    case 2:
                        while (mode > 0) {
                            mode = mode % 5 + 1;
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        """;

    private static final String LOOP_IN_SWITCH_EXPRESSION = """
        package student;

        public class LoopInSwitchExpression implements Runnable {
            private String mode = "spin";
            public int result;

            @Override
            public void run() {
                result = switch (mode) {
                    case "rest" -> 0;
                    case "spin" -> {
                        while (true) {
                        }
                    }
                    default -> 1;
                };
            }
        }
        """;

    private static final String ENDLESS_CONSTRUCTOR = """
        package student;

        public class EndlessConstructor implements Runnable {
            public EndlessConstructor(int size) {
                while (true) {
                }
            }

            public EndlessConstructor() {
            }

            @Override
            public void run() {
                new EndlessConstructor(3);
            }
        }
        """;

    private static final String SPINS = """
        package student;

        public interface Spins {
            default void spin() {
                while (true) {
                }
            }
        }
        """;

    private static final String SPINNER = """
        package student;

        public class Spinner implements Spins, Runnable {
            @Override
            public void run() {
                spin();
            }
        }
        """;

    private static final String ENDLESS_RECORD = """
        package student;

        public record EndlessRecord(int x) {
            public EndlessRecord {
                while (x >= 0) {
                    x = (x + 1) & 0xFFFF;
                }
            }
        }
        """;

    private static final String BUILDS_RECORD = """
        package student;

        public class BuildsRecord implements Runnable {
            @Override
            public void run() {
                new EndlessRecord(1);
            }
        }
        """;

    private static final String OPERATION = """
        package student;

        public enum Operation {
            FOREVER {
                @Override
                int apply(int x) {
                    while (true) {
                    }
                }
            };

            abstract int apply(int x);
        }
        """;

    private static final String USES_OPERATION = """
        package student;

        public class UsesOperation implements Runnable {
            @Override
            public void run() {
                Operation.FOREVER.apply(1);
            }
        }
        """;

    private static final String SPINS_WHILE_LOCKED = """
        package student;

        public class SpinsWhileLocked implements Runnable {
            @Override
            public void run() {
                synchronized (this) {
                    while (true) {
                    }
                }
            }
        }
        """;

    private static final String SPINS_WITH_RESOURCE = """
        package student;

        public class SpinsWithResource implements Runnable {
            @Override
            public void run() {
                while (true) {
                    try (AutoCloseable resource = () -> { }) {
                        resource.hashCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        """;

    private static final String COUNTS_FINALLY = """
        package student;

        public class CountsFinally implements Runnable {
            public static int finallies;

            @Override
            public void run() {
                try {
                    while (true) {
                    }
                } finally {
                    finallies++;
                }
            }
        }
        """;

    private static final String ENDLESS_INITIALISER = """
        package student;

        public class EndlessInitialiser {
            public static int value;

            static {
                int i = 0;
                while (i >= 0) {
                    i = (i + 1) & 0xFFFF;
                }
                value = i;
            }
        }
        """;

    private static final String USES_ENDLESS_INITIALISER = """
        package student;

        public class UsesEndlessInitialiser implements Runnable {
            @Override
            public void run() {
                EndlessInitialiser.value++;
            }
        }
        """;

    private static final String SNEAKY_EXCEPTION = """
        package student;

        public class SneakyException extends RuntimeException {
            @Override
            public String getMessage() {
                while (true) {
                }
            }

            @Override
            public synchronized Throwable getCause() {
                while (true) {
                }
            }
        }
        """;

    private static final String THROWS_SNEAKY = """
        package student;

        public class ThrowsSneaky implements Runnable {
            @Override
            public void run() {
                throw new SneakyException();
            }
        }
        """;

    private static final String FINISHES = """
        package student;

        public class Finishes implements Runnable {
            public int sum;

            @Override
            public void run() {
                for (int i = 0; i < 1000; i++) {
                    sum += i;
                }
            }
        }
        """;

    @TempDir
    static Path classes;

    private StudentClassLoader loader;

    @BeforeAll
    static void compile() {
        StudentCode.compile(classes, WHILE_TRUE, CATCHES_EVERYTHING, EMPTY_FINALLY, FINALLY_CONTINUES, LOOPS_IN_CATCH,
            LOOPS_AGAIN_IN_CATCH, SWALLOWS_AND_RETURNS, FINALLY_RETURNS, RECURSES_ON_OVERFLOW, ITERATES_FOREVER,
            LOOPS_IN_LAMBDA, DO_WHILE, LABELLED_CONTINUE, NESTED_LOOPS, LOOP_IN_SWITCH, LOOP_IN_SWITCH_EXPRESSION,
            ENDLESS_CONSTRUCTOR, SPINS, SPINNER, ENDLESS_RECORD, BUILDS_RECORD, OPERATION, USES_OPERATION,
            SPINS_WHILE_LOCKED, SPINS_WITH_RESOURCE, COUNTS_FINALLY, ENDLESS_INITIALISER, USES_ENDLESS_INITIALISER,
            SNEAKY_EXCEPTION,
            THROWS_SNEAKY, FINISHES);
    }

    @BeforeEach
    void freshLoader() {
        loader = new StudentClassLoader(List.of(), classes);
    }

    @AfterEach
    void disarm() {
        StepBudget.disarm();
    }

    /** Creates the fixture (its constructor runs unlimited), then runs it under the budget. */
    private Throwable runUnderBudget(String name) {
        StepBudget.disarm();
        Runnable code = StudentCode.instance(loader, "student." + name, Runnable.class);
        StepBudget.arm(BUDGET);
        return catchThrowable(code::run);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        WhileTrue              | while (true) {}
        CatchesEverything      | for (;;) { try { work(); } catch (Throwable t) {} }
        EmptyFinally           | while (true) { try { work(); } finally {} }
        FinallyContinues       | while (true) { try { work(); } finally { continue; } }
        LoopsInCatch           | catch (Throwable t) { while (true) {} }, entered by an ordinary exception
        LoopsAgainInCatch      | catch (Throwable t) { while (true) {} }, entered by the budget's own error
        SwallowsAndReturns     | catch (Throwable t) { return n; } around the endless loop
        FinallyReturns         | try { while (true) {} } finally { return 1; }
        IteratesForever        | IntStream.iterate(0, i -> i + 1).forEach(i -> sum += i): no loop in student code
        LoopsInLambda          | an endless loop in the lambda given to IntStream.iterate(...).forEach
        DoWhile                | do { ... } while (n >= 0), n always in 0..6
        LabelledContinue       | continue outer from an inner loop, the outer loop without a condition
        NestedLoops            | a finite inner loop inside an endless outer one
        LoopInSwitch           | an endless loop in a case of a switch statement
        LoopInSwitchExpression | an endless loop in a case block of a string switch expression
        EndlessConstructor     | an endless loop in a constructor
        Spinner                | an endless loop in a default method of an interface
        BuildsRecord           | an endless loop in a record's compact constructor
        UsesOperation          | an endless loop in the body of an enum constant
        SpinsWhileLocked       | an endless loop inside a synchronized block
        SpinsWithResource      | an endless loop around a try-with-resources
        """)
    @DisplayName("an endless loop stops with StepBudgetExceeded just past its budget, however it is written")
    void endlessLoopsStop(String fixture, String what) {
        Throwable thrown = runUnderBudget(fixture);

        assertThat(thrown).as("what %s (%s) threw", fixture, what).isInstanceOf(StepBudgetExceeded.class);
        assertThat(StepBudget.exhausted()).isTrue();
        assertThat(StepBudget.used()).as("steps counted, the refused ones included: the step that ran out, and at most "
            + "the entry of one handler that could have caught the error").isBetween(BUDGET + 1,
                BUDGET + 1 + StepBudget.HANDLER_STEPS);
    }

    @Test
    @DisplayName("a recursion that catches StackOverflowError and recurses again stops with StepBudgetExceeded")
    void recursionPastOverflowStops() {
        Throwable thrown = runUnderBudget("RecursesOnOverflow");

        assertThat(thrown).isInstanceOf(StepBudgetExceeded.class)
            .hasMessageContaining("It had just caught a java.lang.StackOverflowError, which counts as 1,000,000 steps");
        assertThat(StepBudget.used()).isGreaterThan(BUDGET);
    }

    @Test
    @DisplayName("after exhaustion a finally block does not run: the handler's first step throws")
    void finallyDoesNotRunOn() throws ReflectiveOperationException {
        Throwable thrown = runUnderBudget("CountsFinally");

        assertThat(thrown).isInstanceOf(StepBudgetExceeded.class);
        assertThat(loader.loadClass("student.CountsFinally").getField("finallies").getInt(null)).isZero();
    }

    @Test
    @DisplayName("after exhaustion inside a synchronized block the monitor is released")
    void monitorIsReleased() {
        Runnable code = StudentCode.instance(loader, "student.SpinsWhileLocked", Runnable.class);
        StepBudget.arm(BUDGET);

        assertThatThrownBy(code::run).isInstanceOf(StepBudgetExceeded.class);
        assertThat(Thread.holdsLock(code)).as("the test thread still holds the student object's monitor").isFalse();
    }

    @Test
    @DisplayName("an endless static initialiser stops with StepBudgetExceeded; the next use fails at once")
    void endlessStaticInitialiser() {
        Runnable code = StudentCode.instance(loader, "student.UsesEndlessInitialiser", Runnable.class);

        StepBudget.arm(BUDGET);
        Throwable first = catchThrowable(code::run);
        StepBudget.arm(BUDGET);
        Throwable second = catchThrowable(code::run);

        // JVMS 5.5: an Error thrown by an initialiser propagates as it is; only exceptions are wrapped in an
        // ExceptionInInitializerError. The class is then in the erroneous state for the life of its loader.
        assertThat(first).isInstanceOf(StepBudgetExceeded.class);
        assertThat(second).isInstanceOf(NoClassDefFoundError.class)
            .hasMessageContaining("Could not initialize class student.EndlessInitialiser");
        assertThat(StepBudget.used()).as("steps of the second use: run() only").isEqualTo(1);
    }

    @Test
    @DisplayName("the same class under a fresh loader initialises afresh, and stops again")
    void freshLoaderRetriesTheInitialiser() {
        assertThat(runUnderBudget("UsesEndlessInitialiser")).isInstanceOf(StepBudgetExceeded.class);
        loader = new StudentClassLoader(List.of(), classes);

        Throwable again = runUnderBudget("UsesEndlessInitialiser");

        assertThat(again).as("not a NoClassDefFoundError: the failed class belonged to the old loader")
            .isInstanceOf(StepBudgetExceeded.class);
    }

    @Test
    @DisplayName("a student exception whose getMessage, toString or getCause never returns stops under a small budget")
    void sneakyExceptionStops() {
        Throwable thrown = runUnderBudget("ThrowsSneaky");
        assertThat(thrown.getClass().getName()).isEqualTo("student.SneakyException");

        StepBudget.arm(1_000);
        assertThatThrownBy(thrown::getMessage).isInstanceOf(StepBudgetExceeded.class);
        StepBudget.arm(1_000);
        assertThatThrownBy(thrown::toString).isInstanceOf(StepBudgetExceeded.class);
        StepBudget.arm(1_000);
        assertThatThrownBy(thrown::getCause).isInstanceOf(StepBudgetExceeded.class);
        assertThat(StepBudget.used()).isEqualTo(1_001);
    }

    @Test
    @DisplayName("after a runaway, re-arming lets the same loader run code to the end")
    void rearmingRecovers() {
        assertThat(runUnderBudget("WhileTrue")).isInstanceOf(StepBudgetExceeded.class);

        Throwable thrown = runUnderBudget("Finishes");

        assertThat(thrown).isNull();
        assertThat(StepBudget.exhausted()).isFalse();
        assertThat(StepBudget.used()).as("1 entry + 1000 iterations").isEqualTo(1_001);
    }

    @Test
    @DisplayName("the error names the student's method and line where the budget ran out")
    void stackTracePointsAtTheLoop() {
        Throwable thrown = runUnderBudget("WhileTrue");

        StackTraceElement[] trace = thrown.getStackTrace();
        assertThat(trace[0].getClassName()).isEqualTo(StepBudget.class.getName());
        assertThat(trace[1].getClassName()).isEqualTo(StepBudget.class.getName());
        assertThat(trace[2].getClassName()).isEqualTo("student.WhileTrue");
        assertThat(trace[2].getMethodName()).isEqualTo("run");
        assertThat(trace[2].getLineNumber()).isEqualTo(StudentCode.lineOf(WHILE_TRUE, "// LOOP"));
    }
}
