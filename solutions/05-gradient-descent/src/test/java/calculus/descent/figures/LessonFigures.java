package calculus.descent.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import calculus.descent.Adam;
import calculus.descent.BacktrackingLineSearch;
import calculus.descent.GradientDescent;
import calculus.descent.LinearRegression;
import calculus.descent.Minimizer;
import calculus.descent.Momentum;
import calculus.descent.Objective;
import calculus.descent.Optimizer;
import calculus.descent.Result;
import calculus.descent.StochasticGradientDescent;
import calculus.descent.TestObjectives;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.plot.Plot;

/**
 * Draws the pictures of the lesson {@code 05-gradient-descent/README.md} with the reference solution.
 *
 * <p>Run by the build's {@code figures} profile:
 * {@code ./mvnw -q process-test-classes -Dcheck -Pfigures -pl solutions/05-gradient-descent -am}.
 */
public final class LessonFigures {

    /** The race of the lesson: the tests' rate and start, on the Rosenbrock function. */
    private static final double RATE = 1e-3;
    private static final double[] START = {-1.2, 1.0};
    /** Enough steps for momentum and Adam to arrive while plain descent is still on its way. */
    private static final int PATH_STEPS = 4000;
    /** Every this many steps a path gets a dot: dense dots where the optimizer crawls, sparse where it runs. */
    private static final int DOT_EVERY = 10;
    private static final int LOSS_STEPS = 8000;
    /** The seed of the lesson's data sets: any fixed seed, so that the pictures do not change between runs. */
    private static final long SEED = 5;

    private LessonFigures() {
    }

    /**
     * Writes the lesson's PNG files.
     *
     * @param args one argument, the folder to write into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LessonFigures <folder>, got " + args.length + " arguments");
        }
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        learningRates(folder.resolve("learning-rate.png"));
        regressionFit(folder.resolve("regression-fit.png"));
        batchNoise(folder.resolve("sgd-noise.png"));
        rosenbrockPaths(folder.resolve("rosenbrock-paths.png"));
        rosenbrockLoss(folder.resolve("rosenbrock-loss.png"));
        armijo(folder.resolve("armijo.png"));
    }

    /** Task 5.3: x_k on f(x) = x², whose largest stable rate is 1. */
    private static void learningRates(Path file) throws IOException {
        Plot plot = Plot.create("Gradient descent on f(x) = x², largest stable rate 1/a = 1")
            .size(800, 500).xLabel("step k").yLabel("x_k").yRange(-3, 3);
        int steps = 25;
        for (double eta : new double[] {0.2, 0.5, 0.8, 0.95, 1.02}) {
            Result run = Minimizer.minimize(TestObjectives.parabola(1), new double[] {1}, new GradientDescent(eta),
                0, steps);
            plot.line("η = " + eta + ", x ← " + round(1 - 2 * eta) + " x", iterations(run.trajectory().size()),
                run.coordinate(0));
        }
        plot.save(file);
    }

    /** Task 5.4: the line after a few gradient steps, and at convergence. */
    private static void regressionFit(Path file) throws IOException {
        Datasets.Regression data = Datasets.line(new TestRandom(SEED), 40, 1.5, -0.5, 0.4);
        double[] x = data.column(0);
        Plot plot = Plot.create("Fitting y = w x + b by gradient descent (η = 0.1, from w = b = 0)")
            .size(800, 500).xLabel("x").yLabel("y").scatter("data", x, data.y());
        double[] ends = {-2, 2};
        for (int steps : new int[] {1, 3, 10}) {
            double[] theta = LinearRegression.fit(data.x(), data.y(), 0.1, 0, steps).point();
            plot.dashed("after " + steps + (steps == 1 ? " step" : " steps"), ends, line(theta, ends));
        }
        Result fit = LinearRegression.fit(data.x(), data.y(), 0.1, 1e-10, 10_000);
        plot.line("converged after " + fit.iterations() + " steps: w = " + round(fit.point()[0]) + ", b = "
            + round(fit.point()[1]), ends, line(fit.point(), ends));
        plot.save(file);
    }

    /** Task 5.5: the excess loss per epoch for three batch sizes, on noisy data and on exact data. */
    private static void batchNoise(Path file) throws IOException {
        TestRandom random = new TestRandom(SEED);
        double[] w = {1.5, -0.8};
        Datasets.Regression noisy = Datasets.linear(random, 200, w, 0.3, 0.3);
        Datasets.Regression exact = Datasets.linear(random, 200, w, 0.3, 0.0);
        int epochs = 60;
        Plot plot = Plot.create("Loss above its minimum, per epoch (200 examples, η = 0.02)")
            .size(800, 500).xLabel("epoch").yLabel("L(θ) − L*").logY();
        for (int batch : new int[] {200, 8, 1}) {
            String name = batch == 200 ? "full batch" : batch == 1 ? "SGD, batch 1" : "mini-batch " + batch;
            plot.line(name + ", noisy data", iterations(epochs + 1), excessLoss(noisy, batch, epochs));
        }
        plot.dashed("SGD, batch 1, exact data", iterations(epochs + 1), excessLoss(exact, 1, epochs));
        plot.save(file);
    }

    private static double[] excessLoss(Datasets.Regression data, int batch, int epochs) {
        LinearRegression loss = new LinearRegression(data.x(), data.y());
        double best = LinearRegression.fit(data.x(), data.y(), 0.1, 1e-12, 100_000).value();
        Result run = new StochasticGradientDescent(0.02, batch, epochs)
            .fit(loss, new double[loss.dimension()], new SplittableRandom(SEED));
        double[] excess = new double[run.trajectory().size()];
        for (int e = 0; e < excess.length; e++) {
            excess[e] = loss.value(run.trajectory().get(e)) - best;
        }
        return excess;
    }

    /** Task 5.6: the three paths through the Rosenbrock valley. */
    private static void rosenbrockPaths(Path file) throws IOException {
        Objective f = TestObjectives.rosenbrock();
        Plot plot = Plot.create(PATH_STEPS + " steps at η = " + RATE + " from (−1.2, 1), a dot every " + DOT_EVERY)
            .size(800, 640).xLabel("x").yLabel("y").xRange(-1.6, 1.6).yRange(-0.6, 2.0)
            .contour(TestObjectives::rosenbrock, 30, true);
        List<double[]> plain = run(new GradientDescent(RATE), f, PATH_STEPS);
        addPath(plot, "plain gradient descent", plain);
        addPath(plot, "momentum, β = 0.9", run(new Momentum(RATE, 0.9), f, PATH_STEPS));
        // Adam last and dashed: along the valley floor it keeps pace with plain descent, so a solid line under or
        // over it would hide one of the two
        List<double[]> adam = run(new Adam(RATE, 0.9, 0.99, 1e-8), f, PATH_STEPS);
        double[] ax = new double[adam.size()];
        double[] ay = new double[adam.size()];
        for (int k = 0; k < ax.length; k++) {
            ax[k] = adam.get(k)[0];
            ay[k] = adam.get(k)[1];
        }
        plot.dashed("Adam, β₁ = 0.9, β₂ = 0.99 (dashed)", ax, ay);
        double[] end = plain.get(plain.size() - 1);
        plot.text(end[0], end[1], "plain descent stops here, " + round(Math.hypot(end[0] - 1, end[1] - 1))
            + " short");
        plot.point("minimum (1, 1)", 1, 1).save(file);
    }

    /** Task 5.6 and 5.7: f(x_k) against k. */
    private static void rosenbrockLoss(Path file) throws IOException {
        Objective f = TestObjectives.rosenbrock();
        Plot plot = Plot.create("Rosenbrock: f(x_k) from (−1.2, 1), η = " + RATE)
            .size(800, 500).xLabel("step k").yLabel("f(x_k)").logY();
        addLoss(plot, "plain gradient descent", f, run(new GradientDescent(RATE), f, LOSS_STEPS));
        addLoss(plot, "momentum, β = 0.9", f, run(new Momentum(RATE, 0.9), f, LOSS_STEPS));
        addLoss(plot, "Adam, β₂ = 0.99", f, run(new Adam(RATE, 0.9, 0.99, 1e-8), f, LOSS_STEPS));
        addLoss(plot, "Adam, β₂ = 0.999 (default)", f, run(new Adam(RATE), f, LOSS_STEPS));
        addLoss(plot, "backtracking line search", f, run(new BacktrackingLineSearch(f), f, LOSS_STEPS));
        plot.save(file);
    }

    /** Task 5.7: the tries of one backtracking search on f(x, y) = x² + 10 y² from (1, 1). */
    private static void armijo(Path file) throws IOException {
        double[] x = {1, 1};
        double[] g = {2, 20};
        double fx = 11;
        double squared = 404;
        double c = BacktrackingLineSearch.DEFAULT_SUFFICIENT_DECREASE;
        DoubleUnaryOperator phi = t -> Math.pow(x[0] - t * g[0], 2) + 10 * Math.pow(x[1] - t * g[1], 2);
        int samples = 400;
        double[] t = new double[samples];
        double[] along = new double[samples];
        double[] armijoLine = new double[samples];
        double[] tangent = new double[samples];
        for (int i = 0; i < samples; i++) {
            t[i] = Math.pow(10, -3 + 3.0 * i / (samples - 1));
            along[i] = phi.applyAsDouble(t[i]);
            armijoLine[i] = fx - c * t[i] * squared;
            tangent[i] = fx - t[i] * squared;
        }
        Plot plot = Plot.create("Backtracking on f(x, y) = x² + 10y² from (1, 1): t = 1, ½, ¼, … until Armijo holds")
            .size(800, 500).xLabel("step size t").yLabel("f(x − t g)").logX().xRange(1e-3, 1.2).yRange(0, 30)
            .line("f(x − t g)", t, along)
            .dashed("Armijo line f(x) − c t |g|², c = " + c, t, armijoLine)
            .dashed("tangent f(x) − t |g|²", t, tangent);
        double accepted = new BacktrackingLineSearch(new Quadratic()).stepSize(x, g);
        List<Double> tried = new ArrayList<>();
        for (double step = BacktrackingLineSearch.DEFAULT_INITIAL_STEP; step > accepted; step *= 0.5) {
            tried.add(step);
        }
        double[] tx = new double[tried.size()];
        double[] ty = new double[tried.size()];
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < tx.length; i++) {
            tx[i] = tried.get(i);
            // the tries above the frame are drawn on its top edge; the legend gives their values
            ty[i] = Math.min(phi.applyAsDouble(tx[i]), 29);
            values.append(i == 0 ? "" : ", ").append(round(phi.applyAsDouble(tx[i])));
        }
        plot.scatter("rejected t = 1, 1/2, 1/4, 1/8: f = " + values, tx, ty)
            .point("accepted t = " + accepted + ": f = " + round(phi.applyAsDouble(accepted)), accepted,
                phi.applyAsDouble(accepted))
            .save(file);
    }

    /** x² + 10 y², for the line-search picture. */
    private static final class Quadratic implements Objective {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(double[] p) {
            return p[0] * p[0] + 10 * p[1] * p[1];
        }

        @Override
        public double[] gradient(double[] p) {
            return new double[] {2 * p[0], 20 * p[1]};
        }
    }

    // ---- helpers

    private static List<double[]> run(Optimizer optimizer, Objective f, int steps) {
        List<double[]> path = new ArrayList<>();
        double[] x = START.clone();
        path.add(x);
        for (int k = 0; k < steps; k++) {
            x = optimizer.update(x, f.gradient(x));
            path.add(x);
        }
        return path;
    }

    private static void addPath(Plot plot, String label, List<double[]> path) {
        List<double[]> kept = new ArrayList<>();
        for (int k = 0; k < path.size(); k += DOT_EVERY) {
            kept.add(path.get(k));
        }
        kept.add(path.get(path.size() - 1));
        double[] xs = new double[kept.size()];
        double[] ys = new double[kept.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = kept.get(i)[0];
            ys[i] = kept.get(i)[1];
        }
        plot.path(label, xs, ys);
    }

    private static void addLoss(Plot plot, String label, Objective f, List<double[]> path) {
        double[] k = iterations(path.size());
        double[] value = new double[path.size()];
        for (int i = 0; i < value.length; i++) {
            value[i] = f.value(path.get(i));
        }
        plot.line(label, k, value);
    }

    private static double[] iterations(int count) {
        double[] k = new double[count];
        for (int i = 0; i < count; i++) {
            k[i] = i;
        }
        return k;
    }

    private static double[] line(double[] theta, double[] x) {
        return new double[] {theta[0] * x[0] + theta[1], theta[0] * x[1] + theta[1]};
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 100) / 100.0);
    }
}
