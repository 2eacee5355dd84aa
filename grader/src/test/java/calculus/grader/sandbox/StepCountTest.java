package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
 * What instrumented code counts: one step per method entry and per loop iteration, {@link StepBudget#HANDLER_STEPS}
 * per handler entry, exactly; and where a step that runs out points in the student's source.
 */
class StepCountTest {

    private static final String COUNTS = """
        package student;

        import java.util.ArrayList;
        import java.util.List;
        import java.util.stream.IntStream;

        public class Counts {
            private static long sink;

            public Counts() { // CONSTRUCTOR
                sink = 0;
            }

            public static void forLoop(int n) {
                for (int i = 0; i < n; i++) {
                    sink += i;
                }
            }

            public static void whileLoop(int n) {
                int i = 0;
                while (i < n) {
                    i++;
                }
            }

            public static void doWhile(int n) {
                int i = 0;
                do {
                    i++;
                } while (i < n);
            }

            public static void forEachArray(int n) {
                for (int x : new int[n]) {
                    sink += x;
                }
            }

            public static void forEachList(int n) {
                List<Integer> list = new ArrayList<>();
                list.addAll(java.util.Collections.nCopies(n, 1));
                for (int x : list) {
                    sink += x;
                }
            }

            public static void labelledContinue(int n) {
                outer:
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 3; j++) {
                        continue outer;
                    }
                }
            }

            public static void switchInLoop(int n) {
                for (int i = 0; i < n; i++) {
                    switch (i % 3) {
                        case 0 -> sink++;
                        case 1 -> sink--;
                        default -> sink += 2;
                    }
                }
            }

            public static void lambdaCalls(int n) {
                IntStream.range(0, n).forEach(i -> sink += i);
            }

            public static void recursion(int depth) {
                if (depth > 0) {
                    recursion(depth - 1);
                }
            }

            public static void nested(int n) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        sink += j;
                    }
                }
            }

            public static void catchOnce(int n) {
                try {
                    throw new IllegalStateException("caught below");
                } catch (IllegalStateException e) { // CATCH
                    sink += n;
                }
            }

            public static void finallyWithoutException(int n) {
                try {
                    sink += n;
                } finally {
                    sink -= n;
                }
            }

            public static void bridge(int n) {
                @SuppressWarnings({"rawtypes", "unchecked"})
                Comparable raw = new Box(n);
                sink += raw.compareTo(new Box(n));
            }

            public static void firstLine(int n) {
                sink += n; // FIRST
            }

            public static void throwsAt(int n) {
                sink += n;
                throw new IllegalArgumentException("n = " + n); // THROW
            }
        }

        class Box implements Comparable<Box> {
            private final int value;

            Box(int value) {
                this.value = value;
            }

            @Override
            public int compareTo(Box other) {
                return Integer.compare(value, other.value);
            }
        }
        """;

    @TempDir
    static Path classes;

    private Class<?> counts;

    @BeforeAll
    static void compile() {
        StudentCode.compile(classes, COUNTS);
    }

    @BeforeEach
    void load() throws ClassNotFoundException {
        StepBudget.disarm();
        counts = Class.forName("student.Counts", true, new StudentClassLoader(List.of(), classes));
    }

    @AfterEach
    void disarm() {
        StepBudget.disarm();
    }

    /** Calls a static method of the fixture with an armed budget (reflection itself takes no steps). */
    private long stepsOf(String method, int n) {
        try {
            Method m = counts.getMethod(method, int.class);
            StepBudget.arm(StepBudget.UNLIMITED);
            m.invoke(null, n);
            return StepBudget.used();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + "(" + n + ") threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}({1}) takes {2} steps")
    @CsvSource(delimiter = '|', textBlock = """
        # method                | n     | steps: entry + iterations
        forLoop                 | 0     | 1
        forLoop                 | 1     | 2
        forLoop                 | 1000  | 1001
        whileLoop               | 0     | 1
        whileLoop               | 1000  | 1001
        doWhile                 | 1     | 2
        doWhile                 | 1000  | 1001
        forEachArray            | 0     | 1
        forEachArray            | 1000  | 1001
        forEachList             | 1000  | 1001
        labelledContinue        | 1000  | 1001
        switchInLoop            | 1000  | 1001
        lambdaCalls             | 0     | 1
        lambdaCalls             | 1000  | 1001
        recursion               | 0     | 1
        recursion               | 1000  | 1001
        finallyWithoutException | 7     | 1
        firstLine               | 7     | 1
        """)
    @DisplayName("a loop of n iterations takes n steps, plus one for the method's entry; a recursion n deep, n + 1")
    void linearCounts(String method, int n, long steps) {
        assertThat(stepsOf(method, n)).as("steps of %s(%d)", method, n).isEqualTo(steps);
    }

    @Test
    @DisplayName("nested loops of n by n take n² + n steps and the entry")
    void nestedCounts() {
        assertThat(stepsOf("nested", 30)).isEqualTo(30 * 30 + 30 + 1);
    }

    @Test
    @DisplayName("a caught exception takes the handler's weight on top of the entry")
    void handlerCounts() {
        assertThat(stepsOf("catchOnce", 7)).isEqualTo(1 + StepBudget.HANDLER_STEPS);
    }

    @Test
    @DisplayName("a call through a bridge method counts the bridge, the method, and the constructors")
    void bridgeCounts() {
        // bridge(): 1; two Box constructors: 2; compareTo(Object) bridge: 1; compareTo(Box): 1
        assertThat(stepsOf("bridge", 7)).isEqualTo(5);
    }

    @Test
    @DisplayName("without re-arming the count goes on; re-arming starts it again")
    void rearmingResets() throws ReflectiveOperationException {
        Method forLoop = counts.getMethod("forLoop", int.class);
        StepBudget.arm(StepBudget.UNLIMITED);

        forLoop.invoke(null, 10);
        forLoop.invoke(null, 10);
        long twice = StepBudget.used();
        StepBudget.arm(StepBudget.UNLIMITED);
        forLoop.invoke(null, 10);

        assertThat(twice).isEqualTo(22);
        assertThat(StepBudget.used()).isEqualTo(11);
    }

    /** Runs a method under a budget that runs out, and returns the first frame of the student's code. */
    private StackTraceElement whereItStops(String method, long budget) throws ReflectiveOperationException {
        Method m = counts.getMethod(method, int.class);
        StepBudget.arm(budget);
        Throwable thrown = catchThrowable(() -> m.invoke(null, 7));
        assertThat(thrown).isInstanceOf(InvocationTargetException.class)
            .hasCauseInstanceOf(StepBudgetExceeded.class);
        StackTraceElement[] trace = thrown.getCause().getStackTrace();
        assertThat(trace[0].getClassName()).isEqualTo(StepBudget.class.getName());
        assertThat(trace[1].getClassName()).isEqualTo(StepBudget.class.getName());
        return trace[2];
    }

    @Test
    @DisplayName("a budget that runs out at a method's entry points at the method's first line")
    void entryStepHasTheFirstLine() throws ReflectiveOperationException {
        StackTraceElement frame = whereItStops("firstLine", 0);

        assertThat(frame.getMethodName()).isEqualTo("firstLine");
        assertThat(frame.getLineNumber()).isEqualTo(StudentCode.lineOf(COUNTS, "// FIRST"));
    }

    @Test
    @DisplayName("a budget that runs out at a handler's entry points at the catch")
    void handlerStepHasTheCatchLine() throws ReflectiveOperationException {
        StackTraceElement frame = whereItStops("catchOnce", 1);

        assertThat(frame.getMethodName()).isEqualTo("catchOnce");
        assertThat(frame.getLineNumber()).isEqualTo(StudentCode.lineOf(COUNTS, "// CATCH"));
    }

    @Test
    @DisplayName("a budget that runs out at a constructor's entry points at the constructor")
    void constructorStepHasItsLine() {
        StepBudget.arm(0);

        Throwable thrown = catchThrowable(() -> counts.getConstructor().newInstance());

        assertThat(thrown).isInstanceOf(InvocationTargetException.class);
        StackTraceElement frame = thrown.getCause().getStackTrace()[2];
        assertThat(frame.getMethodName()).isEqualTo("<init>");
        assertThat(frame.getLineNumber()).isEqualTo(StudentCode.lineOf(COUNTS, "// CONSTRUCTOR"));
    }

    @Test
    @DisplayName("the student's own exceptions keep their line numbers")
    void otherLinesAreKept() throws ReflectiveOperationException {
        Method m = counts.getMethod("throwsAt", int.class);
        StepBudget.arm(StepBudget.UNLIMITED);

        Throwable thrown = catchThrowable(() -> m.invoke(null, 7)).getCause();

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getStackTrace()[0].getLineNumber()).isEqualTo(StudentCode.lineOf(COUNTS, "// THROW"));
    }
}
