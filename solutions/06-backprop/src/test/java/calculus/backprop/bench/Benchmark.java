package calculus.backprop.bench;

import java.util.Arrays;
import java.util.Locale;

import calculus.backprop.Activation;
import calculus.backprop.BatchLayer;
import calculus.backprop.Dense;
import calculus.backprop.MLP;
import calculus.backprop.NumericalGradient;
import calculus.backprop.Relu;
import calculus.backprop.ScalarTraining;
import calculus.backprop.Sequential;
import calculus.backprop.Sgd;
import calculus.backprop.SoftmaxCrossEntropy;
import calculus.backprop.Tanh;
import calculus.backprop.Trainer;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;

/**
 * The point of backpropagation, measured: a plain harness (not a test) that prints its figures.
 *
 * <ol>
 *   <li>For MLPs from about 1,000 to 100,000 parameters: the time of one backward pass relative to one forward
 *       pass, and the speed-up of backprop (one forward and one backward pass) over the numerical gradient (2n
 *       forward passes, as Task 6.6's tests prove it costs). The numerical gradient is timed in full where that
 *       takes seconds, and otherwise estimated as 2n times the measured forward pass (printed for every size, so
 *       the estimate can be compared with the full timing where there is one).</li>
 *   <li>The scalar {@code Value} engine on the classic small demo: a 2-16-16-1 MLP, 100 two-moons points, 100
 *       full-batch steps.</li>
 *   <li>The matrix network on 1,000 two-moons points: 1,000 full-batch steps of a 2-16-16-2 network in double
 *       precision (two logits and softmax: the same function class as one logit and a sigmoid), as time per
 *       step.</li>
 * </ol>
 *
 * <p>An argument picks the parts to run: {@code 13} runs parts 1 and 3; none runs all three. Every measurement is
 * warmed up first (so that the JIT compiler has done its work) and reported as the median
 * of several runs. Timings depend on the machine and on what else runs on it: the ratios matter, not the
 * milliseconds. Run it with the JVM's default settings (not the tests' {@code -XX:TieredStopAtLevel=1}):
 *
 * <pre>
 * ./mvnw -q test-compile -Dcheck -pl solutions/06-backprop -am
 * java -cp solutions/06-backprop/target/classes:solutions/06-backprop/target/test-classes:grading/target/classes \
 *     calculus.backprop.bench.Benchmark
 * </pre>
 */
public final class Benchmark {

    /** Inputs and classes of the cost-ratio networks: enough width at both ends that no layer is trivial. */
    private static final int FEATURES = 10;
    private static final int CLASSES = 10;
    /** Hidden widths h of FEATURES-h-h-CLASSES networks: about 1k, 5.5k, 19k and 97k parameters. */
    private static final int[] WIDTHS = {24, 64, 128, 300};
    /** The batch the passes run on: a typical mini-batch. */
    private static final int BATCH = 64;
    /** The numerical gradient is timed in full only below this many forward passes; beyond, 2n x forward. */
    private static final int MEASURED_FORWARDS = 12_000;

    private static final int WARMUP_SECONDS = 2;
    private static final double MEASUREMENT_MS = 50;
    private static final int REPEATS = 7;

    private Benchmark() {
    }

    public static void main(String[] args) {
        System.out.println("Backprop benchmark, " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        String parts = args.length > 0 ? args[0] : "123";
        if (parts.contains("1")) {
            System.out.println();
            costOfAGradient();
        }
        if (parts.contains("2")) {
            System.out.println();
            scalarDemo();
        }
        if (parts.contains("3")) {
            System.out.println();
            matrixDemo();
        }
    }

    /**
     * Part 1: backward against forward, and backprop against the numerical gradient, for ReLU networks (where the
     * matrix products dominate) and tanh networks (where the forward pass also pays for a tanh per unit).
     */
    private static void costOfAGradient() {
        for (String activation : new String[] {"relu", "tanh"}) {
            costOfAGradient(activation);
        }
        System.out.println("   the numerical gradient makes 2n forward passes (central differences): timed in full up "
            + "to " + MEASURED_FORWARDS + " passes,");
        System.out.println("   beyond that estimated as 2n x forward; speed-up = numerical (or its estimate) / "
            + "(forward + backward)");
    }

    private static void costOfAGradient(String activation) {
        System.out.println("1. The cost of a gradient: " + FEATURES + "-h-h-" + CLASSES + " " + activation
            + " MLPs, batch of " + BATCH);
        System.out.println(String.format(Locale.ROOT, "%10s %12s %12s %10s %14s %14s %10s", "parameters",
            "forward ms", "backward ms", "bwd / fwd", "2n x fwd ms", "numerical ms", "speed-up"));
        for (int width : WIDTHS) {
            TestRandom random = new TestRandom(width);
            BatchLayer first = activation.equals("relu") ? new Relu() : new Tanh();
            BatchLayer second = activation.equals("relu") ? new Relu() : new Tanh();
            Sequential network = new Sequential(new Dense(FEATURES, width, random), first,
                new Dense(width, width, random), second, new Dense(width, CLASSES, random));
            double[][] x = random.matrix(BATCH, FEATURES, -2, 2);
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = random.nextInt(CLASSES);
            }
            int n = Arrays.stream(network.parameters().toArray(new double[0][])).mapToInt(p -> p.length).sum();
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            Runnable forward = () -> loss.forward(network.forward(x), labels);
            Runnable backward = () -> network.backward(loss.backward());
            forward.run();
            double forwardMs = median(forward);
            double backwardMs = median(backward);
            double estimateMs = 2.0 * n * forwardMs;
            // timed in full where that takes seconds, not hours: the estimate beside it shows how close 2n x fwd is
            double numericalMs = 2L * n <= MEASURED_FORWARDS
                ? median(() -> NumericalGradient.of(network, x, labels, NumericalGradient.STEP), 3) : Double.NaN;
            double speedUp = (Double.isNaN(numericalMs) ? estimateMs : numericalMs) / (forwardMs + backwardMs);
            System.out.println(String.format(Locale.ROOT, "%10d %12.3f %12.3f %10.2f %14.0f %14s %10s", n,
                forwardMs, backwardMs, backwardMs / forwardMs, estimateMs,
                Double.isNaN(numericalMs) ? "-" : String.format(Locale.ROOT, "%.0f", numericalMs),
                String.format(Locale.ROOT, "%,.0fx", speedUp)));
        }
    }

    /** Part 2: the scalar engine on the classic demo. */
    private static void scalarDemo() {
        Datasets.Classification moons = Datasets.moons(new TestRandom(1), 100, 0.1);
        double[] accuracy = new double[1];
        Runnable demo = () -> {
            MLP mlp = new MLP(new TestRandom(2), Activation.TANH, 2, 16, 16, 1);
            ScalarTraining.train(mlp, new Sgd(mlp.parameters(), 1.0), moons.x(), moons.labels(), 100);
            accuracy[0] = ScalarTraining.accuracy(mlp, moons.x(), moons.labels());
        };
        double ms = median(demo, 5);
        System.out.println("2. Scalar Value engine: 2-16-16-1 tanh MLP (337 parameters), 100 two-moons points, "
            + "100 full-batch steps");
        System.out.println(String.format(Locale.ROOT, "   %.0f ms in all, %.2f ms per step (a graph of about %,d "
            + "nodes per step); training accuracy %.0f%%", ms, ms / 100, nodesPerStep(moons), 100 * accuracy[0]));
    }

    /** Part 3: the matrix network on 1,000 points. */
    private static void matrixDemo() {
        Datasets.Classification moons = Datasets.moons(new TestRandom(3), 1000, 0.1);
        double[] accuracy = new double[1];
        Runnable demo = () -> {
            TestRandom random = new TestRandom(4);
            Sequential network = new Sequential(new Dense(2, 16, random), new Tanh(), new Dense(16, 16, random),
                new Tanh(), new Dense(16, 2, random));
            new Trainer(network, 0.5, 0.9).fit(moons.x(), moons.labels(), 1000);
            accuracy[0] = Trainer.accuracy(network, moons.x(), moons.labels());
        };
        double ms = median(demo, 5);
        System.out.println("3. Matrix network: 2-16-16-2 tanh, 1,000 two-moons points, 1,000 full-batch steps, double "
            + "precision");
        System.out.println(String.format(Locale.ROOT, "   %.0f ms in all, %.0f microseconds per step; training "
            + "accuracy %.1f%%", ms, 1000 * ms / 1000, 100 * accuracy[0]));
    }

    /** The number of nodes of one step's graph of the scalar demo. */
    private static int nodesPerStep(Datasets.Classification moons) {
        MLP mlp = new MLP(new TestRandom(2), Activation.TANH, 2, 16, 16, 1);
        return ScalarTraining.logisticLoss(mlp, moons.x(), moons.labels()).topologicalOrder().size();
    }

    private static double median(Runnable task) {
        return median(task, REPEATS);
    }

    /** Runs the task for a warm-up period, then the median of {@code repeats} timed runs, in milliseconds. */
    private static double median(Runnable task, int repeats) {
        long start = System.nanoTime();
        long warmupEnd = start + WARMUP_SECONDS * 1_000_000_000L;
        int warmups = 0;
        while (System.nanoTime() < warmupEnd || warmups < 2) {
            task.run();
            warmups++;
        }
        double perRunMs = (System.nanoTime() - start) / 1e6 / warmups;
        // short tasks are repeated within one measurement, so that each lasts at least MEASUREMENT_MS and the
        // clock's resolution and the cost of reading it do not matter
        int inner = (int) Math.max(1, Math.ceil(MEASUREMENT_MS / perRunMs));
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < inner; k++) {
                task.run();
            }
            ms[r] = (System.nanoTime() - t0) / 1e6 / inner;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
