package calculus.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

import calculus.grader.budget.StepBudget;

/**
 * Measures what the step budget costs: the same workloads, loaded once as they are and once instrumented, timed
 * alternately, as the ratio of the medians. A main, not a test: a timing is a property of the machine, not of the
 * code, and must never fail a build. Run it after {@code ./mvnw -q test-compile -Dcheck -pl grader}, once with the
 * test JVM's flags and once with the defaults (the figures are in {@link StepBudget}'s documentation):
 * <pre>
 * CP=grader/target/classes:grader/target/test-classes:$HOME/.m2/repository/org/ow2/asm/asm/9.11.1/asm-9.11.1.jar
 * java -XX:TieredStopAtLevel=1 -cp $CP calculus.grader.sandbox.StepBudgetOverhead
 * java -cp $CP calculus.grader.sandbox.StepBudgetOverhead
 * </pre>
 */
final class StepBudgetOverhead {

    private static final int WARM_UP_RUNS = 5;
    private static final int TIMED_RUNS = 15;

    /** The workloads, each a static method of one {@code int}: the worst cases, where a step is most of the work. */
    public static final class Workload {

        private Workload() {
        }

        /** A left Riemann sum of <em>x</em><sup>2</sup> on [0, 1]: one step per term. */
        public static double riemann(int n) {
            double dx = 1.0 / n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double x = i * dx;
                sum += x * x * dx;
            }
            return sum;
        }

        /** A polynomial hash: one integer multiply-add per step, the tightest loop there is. */
        public static long hash(int n) {
            long h = 0;
            for (int i = 0; i < n; i++) {
                h = 31 * h + i;
            }
            return h;
        }

        /** Fibonacci by plain recursion: one step per call, with almost nothing else in a call. */
        public static long fibonacci(int n) {
            return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
        }
    }

    private StepBudgetOverhead() {
    }

    /**
     * Prints, for each workload, the median time plain and instrumented and their ratio.
     *
     * @param args none
     * @throws Exception if the workload cannot be loaded or called
     */
    public static void main(String[] args) throws Exception {
        byte[] plain = classFile();
        byte[] instrumented = Instrumenter.instrument(plain);
        Class<?> plainClass = define(plain);
        Class<?> instrumentedClass = define(instrumented);
        StepBudget.disarm();
        System.out.printf(Locale.ROOT, "JVM flags: %s%n", String.join(" ",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        measure(plainClass, instrumentedClass, "riemann", 50_000_000);
        measure(plainClass, instrumentedClass, "hash", 50_000_000);
        measure(plainClass, instrumentedClass, "fibonacci", 30);
    }

    private static void measure(Class<?> plainClass, Class<?> instrumentedClass, String workload, int n)
            throws ReflectiveOperationException {
        Method plain = plainClass.getMethod(workload, int.class);
        Method instrumented = instrumentedClass.getMethod(workload, int.class);
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            plain.invoke(null, n);
            instrumented.invoke(null, n);
        }
        long[] plainTimes = new long[TIMED_RUNS];
        long[] instrumentedTimes = new long[TIMED_RUNS];
        Object plainResult = null;
        Object instrumentedResult = null;
        long stepsBefore = StepBudget.used();
        for (int i = 0; i < TIMED_RUNS; i++) {
            long start = System.nanoTime();
            plainResult = plain.invoke(null, n);
            plainTimes[i] = System.nanoTime() - start;
            start = System.nanoTime();
            instrumentedResult = instrumented.invoke(null, n);
            instrumentedTimes[i] = System.nanoTime() - start;
        }
        if (!plainResult.equals(instrumentedResult)) {
            throw new IllegalStateException(workload + ": plain " + plainResult + ", instrumented "
                + instrumentedResult);
        }
        long steps = (StepBudget.used() - stepsBefore) / TIMED_RUNS;
        double plainMedian = median(plainTimes);
        double instrumentedMedian = median(instrumentedTimes);
        System.out.printf(Locale.ROOT, "%-10s %,12d steps  plain %8.2f ms  instrumented %8.2f ms  ratio %.2f"
            + "  (%.2f ns a step)%n", workload, steps, plainMedian / 1e6, instrumentedMedian / 1e6,
            instrumentedMedian / plainMedian, (instrumentedMedian - plainMedian) / steps);
    }

    private static double median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static byte[] classFile() throws IOException {
        String file = Workload.class.getName().substring(Workload.class.getPackageName().length() + 1) + ".class";
        try (InputStream in = Workload.class.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }

    /** Defines the workload class in a loader of its own, so that the plain and instrumented copies coexist. */
    private static Class<?> define(byte[] classFile) {
        return new ClassLoader(StepBudgetOverhead.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Workload.class.getName(), classFile, 0, classFile.length);
            }
        }.define();
    }
}
