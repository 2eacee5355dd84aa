package calculus.chainrule.figures;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;

import calculus.chainrule.Dual;
import calculus.chainrule.Neuron;
import calculus.chainrule.Node;
import calculus.chainrule.Paths;
import calculus.plot.Diagram;
import calculus.plot.Plot;

/**
 * Draws the pictures of the lesson (03-chain-rule/README.md) from the reference solution: every number in them is
 * computed by {@link Node}, {@link Paths} and {@link Dual}, not typed in.
 */
public final class LessonFigures {

    /** The neuron of the lesson's worked example. */
    private static final double W1 = 0.5;
    private static final double X1 = 1.5;
    private static final double W2 = -1.0;
    private static final double X2 = 0.5;
    private static final double B = 0.25;
    private static final double Y = 1.0;

    private LessonFigures() {
    }

    /**
     * Writes the lesson's PNG files.
     *
     * @param args one argument: the folder to write into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("expected one argument, the folder for the images, got "
                + args.length);
        }
        Path folder = Path.of(args[0]);
        neuronGraph(folder.resolve("neuron-graph.png"));
        tiedInput(folder.resolve("tied-input.png"));
        dualVersusDifferences(folder.resolve("dual-vs-differences.png"));
    }

    /** The neuron's graph: each node's value and dL/d(node), each edge's local derivative. */
    private static void neuronGraph(Path png) throws IOException {
        Node w1 = Node.input("w1", W1);
        Node x1 = Node.input("x1", X1);
        Node w2 = Node.input("w2", W2);
        Node x2 = Node.input("x2", X2);
        Node b = Node.input("b", B);
        Node y = Node.input("y", Y);
        Node loss = Neuron.loss(w1, x1, w2, x2, b, y);
        // walk back from the loss to name the inner nodes: L = e^2, e = a - y, a = sigma(z), z = s + b, s = p1 + p2
        Node e = loss.inputs().get(0);
        Node a = e.inputs().get(0);
        Node z = a.inputs().get(0);
        Node s = z.inputs().get(0);
        Node p1 = s.inputs().get(0);
        Node p2 = s.inputs().get(1);

        Diagram d = Diagram.create("L = (σ(w1·x1 + w2·x2 + b) − y)²: values, local derivatives on the edges, "
            + "∂L/∂node by paths")
            .size(1600, 760);
        node(d, "w1", "w1", w1, loss, 0.0, 0.0);
        node(d, "x1", "x1", x1, loss, 0.0, 0.3);
        node(d, "w2", "w2", w2, loss, 0.0, 0.55);
        node(d, "x2", "x2", x2, loss, 0.0, 0.85);
        node(d, "p1", "p1 = w1·x1", p1, loss, 0.2, 0.15);
        node(d, "p2", "p2 = w2·x2", p2, loss, 0.2, 0.7);
        node(d, "s", "s = p1 + p2", s, loss, 0.38, 0.42);
        node(d, "b", "b", b, loss, 0.38, 1.0);
        node(d, "z", "z = s + b", z, loss, 0.55, 0.65);
        node(d, "a", "a = σ(z)", a, loss, 0.7, 0.3);
        node(d, "y", "y", y, loss, 0.7, 1.0);
        node(d, "e", "e = a − y", e, loss, 0.85, 0.65);
        node(d, "L", "L = e²", loss, loss, 1.0, 0.3);
        d.edge("w1", "p1", "x1 = " + number(p1.localDerivative(0)));
        d.edge("x1", "p1", "w1 = " + number(p1.localDerivative(1)));
        d.edge("w2", "p2", "x2 = " + number(p2.localDerivative(0)));
        d.edge("x2", "p2", "w2 = " + number(p2.localDerivative(1)));
        d.edge("p1", "s", number(s.localDerivative(0)));
        d.edge("p2", "s", number(s.localDerivative(1)));
        d.edge("s", "z", number(z.localDerivative(0)));
        d.edge("b", "z", number(z.localDerivative(1)));
        d.edge("z", "a", "a(1−a) = " + number(a.localDerivative(0)));
        d.edge("a", "e", number(e.localDerivative(0)));
        d.edge("y", "e", number(e.localDerivative(1)));
        d.edge("e", "L", "2e = " + number(loss.localDerivative(0)));
        d.save(png);
    }

    /** One input x fed to both products: two paths from L down to x, and their sum. */
    private static void tiedInput(Path png) throws IOException {
        Node w1 = Node.input("w1", W1);
        Node x = Node.input("x", X1);
        Node w2 = Node.input("w2", W2);
        Node b = Node.input("b", B);
        Node y = Node.input("y", Y);
        Node loss = Neuron.loss(w1, x, w2, x, b, y);
        Node e = loss.inputs().get(0);
        Node a = e.inputs().get(0);
        Node z = a.inputs().get(0);
        Node s = z.inputs().get(0);
        Node p1 = s.inputs().get(0);
        Node p2 = s.inputs().get(1);
        double dLdz = Paths.derivative(loss, z);
        double viaP1 = dLdz * p1.localDerivative(1);
        double viaP2 = dLdz * p2.localDerivative(1);

        Diagram d = Diagram.create("x used twice: ∂L/∂x = ∂L/∂z·w1 + ∂L/∂z·w2 = " + number(viaP1) + " + "
            + number(viaP2) + " = " + number(Paths.derivative(loss, x)))
            .size(1400, 600);
        node(d, "w1", "w1", w1, loss, 0.0, 0.0);
        node(d, "x", "x (both inputs)", x, loss, 0.0, 0.5);
        node(d, "w2", "w2", w2, loss, 0.0, 1.0);
        node(d, "p1", "p1 = w1·x", p1, loss, 0.27, 0.15);
        node(d, "p2", "p2 = w2·x", p2, loss, 0.27, 0.85);
        node(d, "s", "s = p1 + p2", s, loss, 0.5, 0.5);
        node(d, "z", "z = s + b", z, loss, 0.72, 0.5);
        d.node("L", "L = (σ(z) − y)²\nvalue " + number(loss.value()) + "\nb = " + number(b.value()) + ", y = "
            + number(y.value()), 1.0, 0.5);
        d.edge("w1", "p1", "x = " + number(p1.localDerivative(0)));
        d.edge("x", "p1", "path 1: w1 = " + number(p1.localDerivative(1)));
        d.edge("x", "p2", "path 2: w2 = " + number(p2.localDerivative(1)));
        d.edge("w2", "p2", "x = " + number(p2.localDerivative(0)));
        d.edge("p1", "s", number(s.localDerivative(0)));
        d.edge("p2", "s", number(s.localDerivative(1)));
        d.edge("s", "z", number(z.localDerivative(0)));
        d.edge("z", "L", "∂L/∂z = " + number(dLdz));
        d.save(png);
    }

    /**
     * The error of the central difference against the step h, beside the error of the dual number, for
     * f(x) = sin(x²) e^(x/2) at x = 1.3: truncation (falling like h²) meets round-off (growing like 1/h), while the
     * dual number is exact up to round-off at every h, because it has no h.
     */
    private static void dualVersusDifferences(Path png) throws IOException {
        double x0 = 1.3;
        // f'(x) = 2x cos(x^2) e^(x/2) + sin(x^2) e^(x/2) / 2
        double exact = 2 * x0 * Math.cos(x0 * x0) * Math.exp(x0 / 2) + Math.sin(x0 * x0) * Math.exp(x0 / 2) / 2;
        Dual x = Dual.variable(x0);
        Dual f = x.times(x).sin().times(x.times(Dual.constant(0.5)).exp());
        // an exact match would be 0, which a log axis cannot show: plot it at half an ulp, the round-off floor
        double gap = Math.abs(f.derivative() - exact);
        double dualError = Math.max(gap, Math.ulp(exact) / 2);
        String dualLabel = gap == 0 ? "dual number (no step): exact to the last bit, drawn at half an ulp"
            : "dual number (no step)";
        int points = 61;
        double[] h = new double[points];
        double[] central = new double[points];
        double[] dual = new double[points];
        double[] guide = new double[points];
        for (int i = 0; i < points; i++) {
            h[i] = Math.pow(10, -12 + 0.2 * i);
            double approx = (g(x0 + h[i]) - g(x0 - h[i])) / (2 * h[i]);
            central[i] = Math.abs(approx - exact);
            dual[i] = dualError;
            guide[i] = h[i] * h[i];
        }
        // slide the h^2 guide onto the truncation branch, through the error at h = 1e-2 (index 50)
        double scale = central[50] / guide[50];
        for (int i = 0; i < points; i++) {
            guide[i] *= scale;
        }
        Plot.create("Derivative of sin(x²)·e^(x/2) at x = 1.3: central difference vs dual number")
            .xLabel("step h of the central difference").yLabel("|error|").logX().logY()
            .line("central difference (f(x+h) − f(x−h)) / 2h", h, central)
            .line(dualLabel, h, dual)
            .dashed("h² (truncation)", h, guide)
            .yRange(1e-17, 1e2)
            .save(png);
    }

    private static double g(double x) {
        return Math.sin(x * x) * Math.exp(x / 2);
    }

    /** A box with the node's name, value and the derivative of the loss with respect to it (by path sums). */
    private static void node(Diagram d, String id, String name, Node node, Node loss, double x, double y) {
        d.node(id, name + "\nvalue " + number(node.value()) + "\n∂L/∂" + id + " = "
            + number(Paths.derivative(loss, node)), x, y);
    }

    /** Four significant digits, without trailing zeros: 0.2350, not 0.23500371... */
    private static String number(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString().replace('-', '−');
    }
}
