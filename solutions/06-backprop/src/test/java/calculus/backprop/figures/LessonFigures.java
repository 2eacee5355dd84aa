package calculus.backprop.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import calculus.backprop.Activation;
import calculus.backprop.Dense;
import calculus.backprop.MLP;
import calculus.backprop.Relu;
import calculus.backprop.ScalarTraining;
import calculus.backprop.Sequential;
import calculus.backprop.Sgd;
import calculus.backprop.Tanh;
import calculus.backprop.Trainer;
import calculus.backprop.Value;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.plot.Diagram;
import calculus.plot.Plot;

/**
 * Draws the pictures of the lesson {@code 06-backprop/README.md} with the reference solution, on the same data and
 * settings as the tests:
 *
 * <ul>
 *   <li>{@code graph.png}: a small graph after {@code backward()}, each node's data and grad, each edge's local
 *       derivative; the input used twice collects two contributions;</li>
 *   <li>{@code scalar-moons.png}: the decision boundary of the Value-engine MLP of Task 6.3 on two moons;</li>
 *   <li>{@code moons-boundary.png}, {@code spirals-boundary.png}: the decision boundaries of the matrix networks of
 *       Task 6.5;</li>
 *   <li>{@code loss-curves.png}: their training losses, step by step.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q process-test-classes -Dcheck -Pfigures -pl solutions/06-backprop -am
 * </pre>
 */
public final class LessonFigures {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 560;

    private LessonFigures() {
    }

    /**
     * Writes the PNG files.
     *
     * @param args the folder to write into, {@code 06-backprop/images}
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "06-backprop/images");
        graph(folder.resolve("graph.png"));
        scalarMoons(folder.resolve("scalar-moons.png"));
        double[] moonsLoss = matrixMoons(folder.resolve("moons-boundary.png"));
        double[] spiralsLoss = spirals(folder.resolve("spirals-boundary.png"));
        lossCurves(folder.resolve("loss-curves.png"), moonsLoss, spiralsLoss);
    }

    /** L = (a b + a)^2 at a = 2, b = -3: a reaches L along two paths, and its gradient is their sum. */
    private static void graph(Path file) throws IOException {
        Value a = new Value(2);
        Value b = new Value(-3);
        Value c = a.mul(b);
        Value d = c.add(a);
        Value loss = d.pow(2);
        loss.backward();
        Diagram.create("L = (a b + a)^2 after L.backward(): data and grad of each node")
            .size(900, 440)
            .node("a", "a\n" + state(a), 0.0, 0.12)
            .node("b", "b\n" + state(b), 0.0, 0.88)
            .node("c", "c = a * b\n" + state(c), 0.42, 0.88)
            .node("d", "d = c + a\n" + state(d), 0.64, 0.12)
            .node("L", "L = d^2\n" + state(loss), 1.0, 0.62)
            .edge("a", "c", "dc/da = b = " + fmt(c.localDerivatives()[0]))
            .edge("b", "c", "dc/db = a = " + fmt(c.localDerivatives()[1]))
            .edge("c", "d", "dd/dc = 1")
            .edge("a", "d", "dd/da = 1")
            .edge("d", "L", "dL/dd = 2d = " + fmt(loss.localDerivatives()[0]))
            .save(file);
    }

    private static String state(Value v) {
        return "data " + fmt(v.data()) + "   grad " + fmt(v.grad());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** The 2-16-1 tanh MLP of Task 6.3's moons test, on Values. */
    private static void scalarMoons(Path file) throws IOException {
        TestRandom random = new TestRandom(6_3);
        Datasets.Classification moons = Datasets.moons(random, 100, 0.1);
        MLP mlp = new MLP(random, Activation.TANH, 2, 16, 1);
        ScalarTraining.train(mlp, new Sgd(mlp.parameters(), 3.0), moons.x(), moons.labels(), 300);
        double accuracy = ScalarTraining.accuracy(mlp, moons.x(), moons.labels());
        Plot.create(String.format(Locale.ROOT, "Value engine: 2-16-1 tanh MLP, 300 SGD steps, accuracy %.0f%%",
                100 * accuracy))
            .size(WIDTH, HEIGHT).xLabel("x1").yLabel("x2").xRange(-1.6, 2.6).yRange(-1.1, 1.6)
            .regions((x, y) -> ScalarTraining.predict(mlp, x, y), 2)
            .scatterByClass(moons.column(0), moons.column(1), moons.labels())
            .save(file);
    }

    /** The 2-16-16-2 tanh network of Task 6.5's moons test; returns its loss curve. */
    private static double[] matrixMoons(Path file) throws IOException {
        TestRandom random = new TestRandom(6_5);
        Datasets.Classification moons = Datasets.moons(random, 200, 0.1);
        Sequential network = new Sequential(new Dense(2, 16, random), new Tanh(), new Dense(16, 16, random),
            new Tanh(), new Dense(16, 2, random));
        double[] losses = new Trainer(network, 0.5, 0.9).fit(moons.x(), moons.labels(), 200);
        double accuracy = Trainer.accuracy(network, moons.x(), moons.labels());
        Plot.create(String.format(Locale.ROOT, "Matrix network: 2-16-16-2 tanh, 200 steps, accuracy %.1f%%",
                100 * accuracy))
            .size(WIDTH, HEIGHT).xLabel("x1").yLabel("x2").xRange(-1.6, 2.6).yRange(-1.1, 1.6)
            .regions((x, y) -> Trainer.predict(network, new double[][] {{x, y}})[0], 2)
            .scatterByClass(moons.column(0), moons.column(1), moons.labels())
            .save(file);
        return losses;
    }

    /** The 2-32-32-3 ReLU network of Task 6.5's spirals test; returns its loss curve. */
    private static double[] spirals(Path file) throws IOException {
        TestRandom random = new TestRandom(6_5);
        Datasets.Classification spirals = Datasets.spirals(random, 100, 3, 0.2);
        Sequential network = new Sequential(new Dense(2, 32, random), new Relu(), new Dense(32, 32, random),
            new Relu(), new Dense(32, 3, random));
        double[] losses = new Trainer(network, 0.2, 0.9).fit(spirals.x(), spirals.labels(), 300);
        double accuracy = Trainer.accuracy(network, spirals.x(), spirals.labels());
        Plot.create(String.format(Locale.ROOT, "Matrix network: 2-32-32-3 ReLU, 300 steps, accuracy %.1f%%",
                100 * accuracy))
            .size(WIDTH, HEIGHT).xLabel("x1").yLabel("x2").xRange(-1.2, 1.2).yRange(-1.2, 1.2).equalAspect()
            .regions((x, y) -> Trainer.predict(network, new double[][] {{x, y}})[0], 3)
            .scatterByClass(spirals.column(0), spirals.column(1), spirals.labels())
            .save(file);
        return losses;
    }

    private static void lossCurves(Path file, double[] moons, double[] spirals) throws IOException {
        Plot.create("Training loss (mean softmax cross-entropy), full batch, momentum 0.9")
            .size(WIDTH, 460).xLabel("step").yLabel("loss").logY()
            .line("two moons, 2-16-16-2 tanh, rate 0.5", steps(moons.length), moons)
            .line("three spirals, 2-32-32-3 ReLU, rate 0.2", steps(spirals.length), spirals)
            .save(file);
    }

    private static double[] steps(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }
}
