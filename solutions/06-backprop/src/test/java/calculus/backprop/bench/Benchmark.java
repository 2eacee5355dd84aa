package calculus.backprop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import calculus.backprop.Activation;
import calculus.backprop.BatchLayer;
import calculus.backprop.Dense;
import calculus.backprop.MLP;
import calculus.backprop.NumericalGradient;
import calculus.backprop.Relu;
import calculus.backprop.Sequential;
import calculus.backprop.SoftmaxCrossEntropy;
import calculus.backprop.Tanh;
import calculus.backprop.Trainer;
import calculus.backprop.Value;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;

/**
 * The point of backpropagation, measured: a plain program (not a test: timings depend on the machine) that prints
 * every figure of the lesson's Task 6.6, beside PyTorch's for the same work when PyTorch is installed.
 *
 * <ol>
 *   <li>The cost of a gradient: for 10-h-h-10 ReLU and tanh MLPs on a batch of 64, h = 24, 64, 128, 300, the time
 *       of a forward pass (network and loss) and of a forward and a backward pass, and their ratio, which reverse
 *       mode promises to be a small constant; and the speed-up of backprop over the numerical gradient (2n forward
 *       passes, as Task 6.6's tests prove it costs), timed in full where that takes seconds and otherwise estimated
 *       as 2n times the forward pass.</li>
 *   <li>The scalar {@code Value} engine on micrograd's demo: a 2-16-16-1 ReLU MLP, 100 two-moons points, the
 *       max-margin (hinge) loss with L2 regularisation 10<sup>−4</sup>, 100 steps of gradient descent with the
 *       rate falling from 1 to 0.1.</li>
 *   <li>The matrix network on 1,000 two-moons points: 1,000 full-batch steps of a 2-16-16-2 tanh network with
 *       momentum (rate 0.5, momentum 0.9) in double precision.</li>
 * </ol>
 *
 * <p>PyTorch does parts 1 and 3 in {@code bench/pytorch_bench.py}, one thread, float64; this program runs it part by
 * part just before its own measurement, so that both see the same machine, and prints the two side by side. Every
 * figure is the median of several timed runs after a warm-up, in CPU time of the measuring thread (the moons run
 * and the scalar demo also in wall time), and each part carries the machine's load average: on a shared machine
 * the ratios measured side by side matter, not the milliseconds.
 *
 * <pre>
 * ./mvnw -q verify -Pbenchmark -pl solutions/06-backprop -am                        # everything (3 to 4 minutes)
 * ./mvnw -q verify -Pbenchmark -pl solutions/06-backprop -am -Dbenchmark.parts=13   # parts 1 and 3 only
 * ./mvnw -q verify -Pbenchmark -pl solutions/06-backprop -am -Dbenchmark.python=none  # without PyTorch
 * </pre>
 *
 * <p>Arguments: the parts to run ({@code 123}, or {@code all}), then the Python that has PyTorch ({@code python3}
 * by default; {@code none} to skip it).
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
    private static final int PAIRS = 15;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Path PYTORCH_SCRIPT = Path.of("bench", "pytorch_bench.py");

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String parts = args.length > 0 && !args[0].equals("all") ? args[0] : "123";
        String python = args.length > 1 ? args[1] : "python3";
        System.out.println("Backprop benchmark, " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
            + load());
        PyTorch torch = PyTorch.find(python);
        System.out.println(torch.description());
        if (parts.contains("1")) {
            System.out.println();
            costOfAGradient(torch);
        }
        if (parts.contains("2")) {
            System.out.println();
            scalarDemo();
        }
        if (parts.contains("3")) {
            System.out.println();
            matrixDemo(torch);
        }
    }

    /**
     * Part 1: forward + backward against forward, and backprop against the numerical gradient, for ReLU networks
     * (where the matrix products dominate) and tanh networks (where the forward pass also pays for a tanh per unit).
     */
    private static void costOfAGradient(PyTorch torch) throws IOException, InterruptedException {
        Map<String, double[]> theirs = torch.run("ratio");
        for (String activation : new String[] {"relu", "tanh"}) {
            System.out.println("1. The cost of a gradient: " + FEATURES + "-h-h-" + CLASSES + " " + activation
                + " MLPs, batch of " + BATCH + "; " + load());
            System.out.println(String.format(Locale.ROOT, "%6s %10s %11s %12s %9s %12s %12s %10s   %s", "width",
                "parameters", "forward ms", "fwd+bwd ms", "ratio", "2n x fwd ms", "numerical ms", "speed-up",
                "PyTorch: forward ms, fwd+bwd ms, ratio"));
            for (int width : WIDTHS) {
                costOfAGradient(activation, width, theirs.get(activation + " " + width));
            }
        }
        System.out.println("   CPU times, forward and forward + backward timed in turn 15 times; ratio = the median of "
            + "the 15 ratios (forward + backward) / forward;");
        System.out.println("   the numerical gradient makes 2n forward passes (central differences):");
        System.out.println("   timed in full up to " + MEASURED_FORWARDS + " passes, beyond that estimated as 2n x "
            + "forward; speed-up = numerical (or its estimate) / (forward + backward)");
    }

    private static void costOfAGradient(String activation, int width, double[] theirs) {
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
        Runnable both = () -> {
            loss.forward(network.forward(x), labels);
            network.backward(loss.backward());
        };
        double[] paired = paired(forward, both);
        double forwardMs = paired[0];
        double bothMs = paired[1];
        double estimateMs = 2.0 * n * forwardMs;
        // timed in full where that takes seconds, not hours: the estimate beside it shows how close 2n x fwd is
        double numericalMs = 2L * n <= MEASURED_FORWARDS
            ? median(() -> NumericalGradient.of(network, x, labels, NumericalGradient.STEP), 3) : Double.NaN;
        double speedUp = (Double.isNaN(numericalMs) ? estimateMs : numericalMs) / bothMs;
        String pytorch = theirs == null ? "-" : String.format(Locale.ROOT, "%.3f, %.3f, %.2f", theirs[0], theirs[1],
            theirs[2]);
        System.out.println(String.format(Locale.ROOT, "%6d %10d %11.3f %12.3f %9.2f %12.0f %12s %10s   %s", width,
            n, forwardMs, bothMs, paired[2], estimateMs,
            Double.isNaN(numericalMs) ? "-" : String.format(Locale.ROOT, "%.0f", numericalMs),
            String.format(Locale.ROOT, "%,.0fx", speedUp), pytorch));
    }

    /**
     * Part 2: the scalar engine on micrograd's demo (its README's notebook): 2-16-16-1 ReLU, 100 moons, labels
     * ±1, the mean hinge loss max(0, 1 − <em>y</em><em>s</em>) plus 10<sup>−4</sup> |<em>p</em>|<sup>2</sup>, 100
     * steps at rate 1 − 0.9 <em>k</em>/100.
     */
    private static void scalarDemo() {
        Datasets.Classification moons = Datasets.moons(new TestRandom(1), 100, 0.1);
        double[][] x = moons.x();
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = moons.labels()[i] == 1 ? 1 : -1;
        }
        double[] accuracy = new double[1];
        int[] nodes = new int[1];
        Runnable demo = () -> {
            MLP mlp = new MLP(new TestRandom(2), Activation.RELU, 2, 16, 16, 1);
            List<Value> parameters = mlp.parameters();
            for (int step = 0; step < 100; step++) {
                Value loss = hingeLoss(mlp, x, y, parameters);
                for (Value p : parameters) {
                    p.zeroGrad();
                }
                loss.backward();
                double rate = 1.0 - 0.9 * step / 100;
                for (Value p : parameters) {
                    p.setData(p.data() - rate * p.grad());
                }
                if (step == 0) {
                    nodes[0] = loss.topologicalOrder().size();
                }
            }
            int right = 0;
            for (int i = 0; i < x.length; i++) {
                right += (mlp.apply(x[i]).get(0).data() > 0) == (y[i] > 0) ? 1 : 0;
            }
            accuracy[0] = (double) right / x.length;
        };
        double[] ms = medians(demo, 5);
        System.out.println("2. Scalar Value engine, micrograd's demo: 2-16-16-1 ReLU MLP (337 parameters), 100 "
            + "two-moons points, hinge loss + L2, 100 steps; " + load());
        System.out.println(String.format(Locale.ROOT, "   %.0f ms of CPU in all (%.0f ms wall), %.2f ms per step (a "
            + "graph of %,d nodes per step); training accuracy %.0f%%", ms[1], ms[0], ms[1] / 100, nodes[0],
            100 * accuracy[0]));
    }

    /** micrograd's loss: the mean of relu(1 − y s) over the points, plus 10⁻⁴ times the sum of squared weights. */
    private static Value hingeLoss(MLP mlp, double[][] x, double[] y, List<Value> parameters) {
        Value total = null;
        for (int i = 0; i < x.length; i++) {
            Value margin = mlp.apply(x[i]).get(0).mul(-y[i]).add(1.0).relu();
            total = total == null ? margin : total.add(margin);
        }
        Value squares = null;
        for (Value p : parameters) {
            Value square = p.mul(p);
            squares = squares == null ? square : squares.add(square);
        }
        return total.div(x.length).add(squares.mul(1e-4));
    }

    /** Part 3: the matrix network on 1,000 points, beside PyTorch. */
    private static void matrixDemo(PyTorch torch) throws IOException, InterruptedException {
        double[] theirs = torch.run("moons").get("moons");
        Datasets.Classification moons = Datasets.moons(new TestRandom(3), 1000, 0.1);
        double[] accuracy = new double[1];
        Runnable demo = () -> {
            TestRandom random = new TestRandom(4);
            Sequential network = new Sequential(new Dense(2, 16, random), new Tanh(), new Dense(16, 16, random),
                new Tanh(), new Dense(16, 2, random));
            new Trainer(network, 0.5, 0.9).fit(moons.x(), moons.labels(), 1000);
            accuracy[0] = Trainer.accuracy(network, moons.x(), moons.labels());
        };
        double[] ms = medians(demo, 5);
        System.out.println("3. Matrix network: 2-16-16-2 tanh, 1,000 two-moons points, 1,000 full-batch steps with "
            + "momentum, double precision; " + load());
        System.out.println(String.format(Locale.ROOT, "   ours:    %5.0f ms of CPU in all (%5.0f ms wall), %4.0f "
            + "microseconds per step; training accuracy %.1f%%", ms[1], ms[0], ms[1], 100 * accuracy[0]));
        if (theirs != null) {
            System.out.println(String.format(Locale.ROOT, "   PyTorch: %5.0f ms of CPU in all (%5.0f ms wall), %4.0f "
                + "microseconds per step; training accuracy %.1f%%", theirs[1], theirs[0], theirs[1],
                100 * theirs[2]));
            System.out.println(String.format(Locale.ROOT, "   ours / PyTorch = %.2f (CPU), %.2f (wall)",
                ms[1] / theirs[1], ms[0] / theirs[0]));
        }
    }

    /** The machine's load average over the last minute: how many processes wanted a core. */
    private static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.2f", load);
    }

    /**
     * Two tasks timed in turn, A B A B ..., {@link #PAIRS} times after a warm-up: the median CPU time of each, in
     * milliseconds, and the median of the pairs' ratios B / A. Timed in turn, both see the same machine, and a ratio
     * stays meaningful when other processes come and go.
     */
    private static double[] paired(Runnable a, Runnable b) {
        int innerA = inner(a);
        int innerB = inner(b);
        double[] timesA = new double[PAIRS];
        double[] timesB = new double[PAIRS];
        double[] ratios = new double[PAIRS];
        for (int p = 0; p < PAIRS; p++) {
            timesA[p] = cpuMs(a, innerA);
            timesB[p] = cpuMs(b, innerB);
            ratios[p] = timesB[p] / timesA[p];
        }
        Arrays.sort(timesA);
        Arrays.sort(timesB);
        Arrays.sort(ratios);
        return new double[] {timesA[PAIRS / 2], timesB[PAIRS / 2], ratios[PAIRS / 2]};
    }

    /** Warms the task up, and returns how many runs make one measurement of at least MEASUREMENT_MS. */
    private static int inner(Runnable task) {
        long start = System.nanoTime();
        long warmupEnd = start + WARMUP_SECONDS * 1_000_000_000L;
        int warmups = 0;
        while (System.nanoTime() < warmupEnd || warmups < 2) {
            task.run();
            warmups++;
        }
        double perRunMs = (System.nanoTime() - start) / 1e6 / warmups;
        return (int) Math.max(1, Math.ceil(MEASUREMENT_MS / perRunMs));
    }

    /** The CPU time of this thread for one run of the task, from {@code inner} runs, in milliseconds. */
    private static double cpuMs(Runnable task, int inner) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        for (int k = 0; k < inner; k++) {
            task.run();
        }
        return (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / inner;
    }

    /** The median CPU time of the task, in milliseconds: see {@link #medians}. */
    private static double median(Runnable task, int repeats) {
        return medians(task, repeats)[1];
    }

    /**
     * Runs the task for a warm-up period, then {@code repeats} timed runs: the median wall time and the median CPU
     * time of this thread, in milliseconds. On a machine that other processes share, the wall time counts their
     * turns on the processor too; the CPU time counts only this thread's (it still feels them through the caches
     * they share), which makes it the steadier figure to compare.
     */
    private static double[] medians(Runnable task, int repeats) {
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
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int k = 0; k < inner; k++) {
                task.run();
            }
            wall[r] = (System.nanoTime() - t0) / 1e6 / inner;
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / inner;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[repeats / 2], cpu[repeats / 2]};
    }

    /** PyTorch's side: {@code bench/pytorch_bench.py} run part by part, or nothing when PyTorch is not there. */
    private record PyTorch(String python, String description) {

        static PyTorch find(String python) throws InterruptedException {
            if (python.equals("none")) {
                return new PyTorch(null, "PyTorch: skipped (benchmark.python=none)");
            }
            if (!Files.isRegularFile(PYTORCH_SCRIPT)) {
                return new PyTorch(null, "PyTorch: " + PYTORCH_SCRIPT.toAbsolutePath() + " not found");
            }
            // python3 first, then the system's own (Debian's python3-torch installs there, and a python3 earlier on
            // the PATH, a virtual environment's, may not see it)
            List<String> candidates = python.equals("python3") ? List.of("python3", "/usr/bin/python3")
                : List.of(python);
            List<String> failures = new ArrayList<>();
            for (String candidate : candidates) {
                try {
                    List<String> out = lines(List.of(candidate, "-c", "import torch; print(torch.__version__)"));
                    return new PyTorch(candidate, "PyTorch " + String.join(" ", out) + " (" + candidate + "), 1 "
                        + "thread, float64: the same work, run just before ours");
                } catch (IOException e) {
                    failures.add(candidate + " -c 'import torch' failed");
                }
            }
            return new PyTorch(null, "PyTorch: not found (" + String.join("; ", failures) + "); install it (Debian: "
                + "apt-get install python3-torch) or pass -Dbenchmark.python=PATH for its figures beside ours");
        }

        /** The figures of one part of the script: key (its line's first words) to numbers. */
        Map<String, double[]> run(String part) throws IOException, InterruptedException {
            Map<String, double[]> figures = new HashMap<>();
            if (python == null) {
                return figures;
            }
            for (String line : lines(List.of(python, PYTORCH_SCRIPT.toString(), "--machine", part))) {
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("ratio")) {
                    figures.put(words[1] + " " + words[2], new double[] {Double.parseDouble(words[3]),
                        Double.parseDouble(words[4]), Double.parseDouble(words[5])});
                } else if (words[0].equals("moons")) {
                    figures.put("moons", new double[] {Double.parseDouble(words[1]), Double.parseDouble(words[2]),
                        Double.parseDouble(words[3])});
                }
            }
            return figures;
        }

        private static List<String> lines(List<String> command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + String.join(" | ", lines));
            }
            return lines;
        }
    }
}
