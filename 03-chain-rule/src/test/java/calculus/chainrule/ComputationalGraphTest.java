package calculus.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;

/**
 * Task 3.5: local derivatives on the edges of a computational graph, multiplied along paths and summed over paths,
 * on the neuron L = (sigma(w1 x1 + w2 x2 + b) - y)^2 of {@link Neuron}.
 */
class ComputationalGraphTest {

    /** A product of four or five exact local derivatives: a few units in the last place. */
    private static final double EXACT = 1e-12;
    /**
     * The five-point stencil of the neuron's loss, a smooth function of moderate size: about 10<sup>−11</sup>
     * absolute, so 10<sup>−8</sup>.
     */
    private static final double STENCIL = 1e-8;
    /** Random neurons per test. */
    private static final int TRIALS = 50;
    /** The mistake behind a 0 where a path exists, named in the hints. */
    private static final String OVERWRITTEN = "the products for the node's inputs overwrite each other (= instead of "
        + "+=): only the last input's path is kept, and near the top of this graph that is the path through b or y,"
        + " which never reaches the variable";
    /** The names of the neuron's six inputs, in the order of {@link #loss(double[])}. */
    private static final String[] NAMES = {"w1", "x1", "w2", "x2", "b", "y"};

    @Test
    @Graded(task = "3.5", points = 4)
    @DisplayName("3.5 Local derivatives: 1 and 1 for a + b, 1 and -1 for a - b, b and a for ab, s(1 - s), 2a")
    void localDerivatives(TestRandom random) {
        Node a = Node.input("a", 2);
        Node b = Node.input("b", -3);
        expectLocal(Node.add(a, b), 0, 1.0, "a sum passes a change in either input through unchanged");
        expectLocal(Node.add(a, b), 1, 1.0, "a sum passes a change in either input through unchanged");
        expectLocal(Node.subtract(a, b), 0, 1.0, "a - b grows as fast as a does");
        expectLocal(Node.subtract(a, b), 1, -1.0, "a - b shrinks when b grows: the slope is -1");
        expectLocal(Node.multiply(a, b), 0, -3.0, "d(ab)/da is the other factor, b = -3");
        expectLocal(Node.multiply(a, b), 1, 2.0, "d(ab)/db is the other factor, a = 2");
        expectLocal(Node.sigmoid(Node.input("z", 0)), 0, 0.25, "sigma(0) (1 - sigma(0)) = 0.5 * 0.5");
        expectLocal(Node.square(Node.input("e", -1.5)), 0, -3.0, "d(e^2)/de = 2e = -3");
        for (int trial = 0; trial < TRIALS; trial++) {
            double u = random.uniform(-4, 4);
            double v = random.uniform(-4, 4);
            Node p = Node.input("p", u);
            Node q = Node.input("q", v);
            double s = 1 / (1 + Math.exp(-u));
            expectLocal(Node.multiply(p, q), 0, v, "d(pq)/dp is the other factor q");
            expectLocal(Node.multiply(p, q), 1, u, "d(pq)/dq is the other factor p");
            expectLocal(Node.sigmoid(p), 0, s * (1 - s), "sigma' = sigma (1 - sigma), from the node's own value");
            expectLocal(Node.square(p), 0, 2 * u, "d(p^2)/dp = 2p");
        }
    }

    @Test
    @Graded(task = "3.5", points = 4)
    @DisplayName("3.5 The neuron's derivatives with respect to its six inputs match the closed form and differences")
    void neuronDerivatives(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] p = randomNeuron(random);
            Node[] inputs = inputs(p);
            Node loss = Neuron.loss(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5]);
            double[] exact = exactGradient(p);
            double[] stencil = FiniteDifferences.gradient(ComputationalGraphTest::loss, p);
            double a = sigmoid(p[0] * p[1] + p[2] * p[3] + p[4]);
            for (int i = 0; i < 6; i++) {
                double received = Paths.derivative(loss, inputs[i]);
                String what = "Paths.derivative(loss, " + NAMES[i] + ")";
                assertThat(received)
                    .withFailMessage(Explain.that(what).input(neuron(p)).expected(exact[i]).received(received)
                        .within(STENCIL).detail("central differences", Double.toString(stencil[i]))
                        .matched(pathHint(p, i, a, exact[i], received)))
                    .isCloseTo(stencil[i], within(STENCIL));
                assertThat(received)
                    .withFailMessage(Explain.that(what).input(neuron(p)).expected(exact[i]).received(received)
                        .within(EXACT))
                    .isCloseTo(exact[i], within(EXACT * Math.max(1, Math.abs(exact[i]))));
                // the inner node e = a - y, one edge below the loss: its paths to the inputs have 1, 3 or 5 edges,
                // where every path to the loss has an even number
                Node e = loss.inputs().get(0);
                double expected = innerGradient(p, a)[i];
                double fromInner = Paths.derivative(e, inputs[i]);
                assertThat(fromInner)
                    .withFailMessage(Explain.that("Paths.derivative(e, " + NAMES[i] + ") for the inner node e = a - y")
                        .input(neuron(p)).expected(expected).received(fromInner).within(EXACT)
                        .matched(Mistakes.hint(expected, fromInner, "the sign is wrong on a path with an odd number of "
                            + "edges: each edge's local derivative multiplies the path's product, and the products "
                            + "of the paths are added (+=), never subtracted", -expected)))
                    .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
            }
            assertThat(loss.value()).as("the value of the loss node of %s", neuron(p))
                .isCloseTo(loss(p), within(EXACT));
        }
    }

    @Test
    @Graded(task = "3.5", points = 3)
    @DisplayName("3.5 One input x feeding both products: dL/dx sums the two paths, dL/dz (w1 + w2)")
    void tiedInputSumsBothPaths(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] p = randomNeuron(random);
            Node w1 = Node.input("w1", p[0]);
            Node x = Node.input("x", p[1]);
            Node w2 = Node.input("w2", p[2]);
            Node b = Node.input("b", p[4]);
            Node y = Node.input("y", p[5]);
            Node loss = Neuron.loss(w1, x, w2, x, b, y);
            double z = p[0] * p[1] + p[2] * p[1] + p[4];
            double dLdz = lossSlope(z, p[5]);
            double expected = dLdz * (p[0] + p[2]);
            double stencil = FiniteDifferences.derivative(t -> loss(new double[] {p[0], t, p[2], t, p[4], p[5]}), p[1]);
            double received = Paths.derivative(loss, x);
            assertThat(received)
                .withFailMessage(Explain.that("Paths.derivative(loss, x) with x used as both x1 and x2")
                    .input("w1 = " + p[0] + ", x = " + p[1] + ", w2 = " + p[2] + ", b = " + p[4] + ", y = " + p[5])
                    .expected(expected).received(received).within(STENCIL)
                    .detail("central differences", Double.toString(stencil))
                    .matched(Mistakes.hint(expected, received,
                        "only the path through w1 * x is counted: a reused node needs the sum over all its paths",
                        dLdz * p[0],
                        "only the path through w2 * x is counted (the second path overwrote the first: = instead "
                            + "of +=?)", dLdz * p[2],
                        OVERWRITTEN, 0.0)))
                .isCloseTo(stencil, within(STENCIL));
            assertThat(received).isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @Graded(task = "3.5", points = 2)
    @DisplayName("3.5 One weight w shared by both products: dL/dw sums the two paths, dL/dz (x1 + x2)")
    void tiedWeightSumsBothPaths(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] p = randomNeuron(random);
            Node w = Node.input("w", p[0]);
            Node x1 = Node.input("x1", p[1]);
            Node x2 = Node.input("x2", p[3]);
            Node loss = Neuron.loss(w, x1, w, x2, Node.input("b", p[4]), Node.input("y", p[5]));
            double z = p[0] * (p[1] + p[3]) + p[4];
            double dLdz = lossSlope(z, p[5]);
            double expected = dLdz * (p[1] + p[3]);
            double received = Paths.derivative(loss, w);
            assertThat(received)
                .withFailMessage(Explain.that("Paths.derivative(loss, w) with w used as both w1 and w2")
                    .input("w = " + p[0] + ", x1 = " + p[1] + ", x2 = " + p[3] + ", b = " + p[4] + ", y = " + p[5])
                    .expected(expected).received(received).within(EXACT)
                    .matched(Mistakes.hint(expected, received,
                        "only the path through w * x1 is counted: a shared weight collects from every use",
                        dLdz * p[1],
                        "only the path through w * x2 is counted (= instead of +=?)", dLdz * p[3],
                        OVERWRITTEN, 0.0)))
                .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @Graded(task = "3.5", points = 2)
    @DisplayName("3.5 The loss as e * e, one node used as both factors, has the derivative of e^2")
    void productOfANodeWithItself(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] p = randomNeuron(random);
            Node[] in = inputs(p);
            Node z = Node.add(Node.add(Node.multiply(in[0], in[1]), Node.multiply(in[2], in[3])), in[4]);
            Node e = Node.subtract(Node.sigmoid(z), in[5]);
            Node squared = Node.multiply(e, e);
            double expected = exactGradient(p)[0];
            double received = Paths.derivative(squared, in[0]);
            double half = expected / 2;
            assertThat(received)
                .withFailMessage(Explain.that("Paths.derivative(multiply(e, e), w1)").input(neuron(p))
                    .expected(expected).received(received).within(EXACT)
                    .matched(Mistakes.hint(expected, received,
                        "only one of the two edges from e * e down to e is counted: the node has two inputs, both e,"
                            + " and each edge is a path of its own", half,
                        OVERWRITTEN, 0.0)))
                .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @Graded(task = "3.5", points = 1)
    @DisplayName("3.5 Edge cases: dv/dv = 1, 0 without a path, and bad nodes or edge indices are refused")
    void edgeCases() {
        Node w = Node.input("w", 0.5);
        Node x = Node.input("x", 2);
        Node loss = Neuron.loss(w, x, Node.input("w2", 1), Node.input("x2", 1), Node.input("b", 0),
            Node.input("y", 1));
        assertThat(Paths.derivative(loss, loss)).as("the derivative of a node with respect to itself").isEqualTo(1.0);
        assertThat(Paths.derivative(w, loss)).as("an input does not depend on the loss: no path, derivative 0")
            .isEqualTo(0.0);
        assertThat(Paths.derivative(loss, Node.input("w", 0.5)))
            .as("a node with the same name and value is still another node: no path, derivative 0").isEqualTo(0.0);
        Expect.throwsIllegalArgument(() -> Paths.derivative(null, w),
            "Paths.derivative(null, w) must be refused")
            .hasMessageContaining("output");
        Expect.throwsIllegalArgument(() -> Paths.derivative(loss, null),
            "Paths.derivative(loss, null) must be refused")
            .hasMessageContaining("variable");
        Expect.throwsIllegalArgument(() -> loss.localDerivative(1),
            "the loss (a square) has one input: localDerivative(1) must be refused, naming i = 1")
            .hasMessageContaining("1");
        Expect.throwsIllegalArgument(() -> w.localDerivative(0),
            "an input node has no inputs, so no edge 0: localDerivative(0) must be refused")
            .hasMessageContaining("0");
        // the given operations refuse a missing operand too, before it could surface as a NullPointerException
        Expect.throwsIllegalArgument(() -> Node.add(w, null),
            "Node.add(w, null) must be refused")
            .hasMessageContaining("null");
        Expect.throwsIllegalArgument(() -> Node.subtract(null, w),
            "Node.subtract(null, w) must be refused")
            .hasMessageContaining("null");
        Expect.throwsIllegalArgument(() -> Node.multiply(w, null),
            "Node.multiply(w, null) must be refused")
            .hasMessageContaining("null");
        Expect.throwsIllegalArgument(() -> Node.sigmoid(null),
            "Node.sigmoid(null) must be refused")
            .hasMessageContaining("null");
        Expect.throwsIllegalArgument(() -> Node.square(null),
            "Node.square(null) must be refused")
            .hasMessageContaining("null");
    }

    private static void expectLocal(Node node, int i, double expected, String why) {
        double received = node.localDerivative(i);
        assertThat(received)
            .withFailMessage(Explain.that(node.operation() + " node " + node.name() + ": localDerivative(" + i + ")")
                .input(node.inputs().toString()).expected(expected).received(received).within(EXACT).hint(why))
            .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
    }

    /** The usual mistakes of a path product in the neuron, for the derivative with respect to input i. */
    private static String pathHint(double[] p, int i, double a, double expected, double received) {
        double e = a - p[5];
        double sigmaSlope = a * (1 - a);
        // dz/d(input i): x1, w1, x2, w2, 1 for the five inputs before y
        double[] dz = {p[1], p[0], p[3], p[2], 1};
        if (i == 5) {
            return Mistakes.hint(expected, received, "the minus sign of d(a - y)/dy = -1 is missing", 2 * e);
        }
        double[] wrongDz = {p[0], p[1], p[2], p[3], 0};
        return Mistakes.hint(expected, received,
            "the sigmoid's local derivative a (1 - a) is missing", 2 * e * dz[i],
            "the loss's local derivative 2 (a - y) is missing", sigmaSlope * dz[i],
            "the product's local derivative is the node's own input instead of the other factor",
            2 * e * sigmaSlope * wrongDz[i],
            "the sigmoid's local derivative is taken as z (1 - z) instead of a (1 - a)",
            2 * e * zSlope(p) * dz[i],
            OVERWRITTEN, 0.0);
    }

    /** The exact gradient of e = a - y with respect to (w1, x1, w2, x2, b, y): a (1 - a) dz/d(input), and -1. */
    private static double[] innerGradient(double[] p, double a) {
        double slope = a * (1 - a);
        return new double[] {slope * p[1], slope * p[0], slope * p[3], slope * p[2], slope, -1};
    }

    private static double zSlope(double[] p) {
        double z = p[0] * p[1] + p[2] * p[3] + p[4];
        return z * (1 - z);
    }

    /** A random neuron: weights and inputs in [-1.5, 1.5], so |z| stays below 5.5 and sigma' is not tiny. */
    private static double[] randomNeuron(TestRandom random) {
        double[] p = random.vector(6, -1.5, 1.5);
        p[4] = random.uniform(-1, 1);
        p[5] = random.nextBoolean() ? 1.0 : 0.0;
        return p;
    }

    private static Node[] inputs(double[] p) {
        Node[] nodes = new Node[6];
        for (int i = 0; i < 6; i++) {
            nodes[i] = Node.input(NAMES[i], p[i]);
        }
        return nodes;
    }

    private static String neuron(double[] p) {
        StringBuilder s = new StringBuilder("L = (sigma(w1 x1 + w2 x2 + b) - y)^2 with ");
        for (int i = 0; i < 6; i++) {
            s.append(i == 0 ? "" : ", ").append(NAMES[i]).append(" = ").append(p[i]);
        }
        return s.toString();
    }

    /** The loss in closed form, p = (w1, x1, w2, x2, b, y): the oracle for finite differences. */
    private static double loss(double[] p) {
        double a = sigmoid(p[0] * p[1] + p[2] * p[3] + p[4]);
        return (a - p[5]) * (a - p[5]);
    }

    /** dL/dz = 2 (a - y) a (1 - a). */
    private static double lossSlope(double z, double y) {
        double a = sigmoid(z);
        return 2 * (a - y) * a * (1 - a);
    }

    /** The exact gradient of the loss with respect to (w1, x1, w2, x2, b, y). */
    private static double[] exactGradient(double[] p) {
        double z = p[0] * p[1] + p[2] * p[3] + p[4];
        double dLdz = lossSlope(z, p[5]);
        return new double[] {dLdz * p[1], dLdz * p[0], dLdz * p[3], dLdz * p[2], dLdz, -2 * (sigmoid(z) - p[5])};
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
