package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;

/** Task 6.3: neurons, layers and a multilayer perceptron on Values, trained by plain gradient descent. */
@DisplayName("Task 6.3: Neuron, Layer, MLP and SGD")
class NeuralNetworkTest {

    // a neuron is a sum of n products and one activation: a few roundings, compared with the same sum in doubles
    private static final double FORWARD_TOLERANCE = 1e-12;

    // the gradients of one neuron are products of two numbers: exact up to one rounding
    private static final double GRADIENT_TOLERANCE = 1e-12;

    // XOR has four points: a network that has learned it gets all four right
    private static final double XOR_ACCURACY = 1.0;
    private static final int XOR_STEPS = 200;
    private static final double XOR_RATE = 1.0;

    // two moons with noise 0.1 are separable by a smooth curve; a 2-16-1 tanh network trained this long reaches
    // 99-100% on every one of 60 seeds tried (worst 0.99), so 97% leaves room for a different order of random draws
    private static final double MOONS_ACCURACY = 0.97;
    private static final int MOONS_POINTS = 100;
    private static final double MOONS_NOISE = 0.1;
    private static final int MOONS_STEPS = 300;
    private static final double MOONS_RATE = 3.0;

    @Test
    @Graded(task = "6.3", points = 3)
    @DisplayName("6.3 A neuron computes activation(w . x + b) from its own parameters, for each activation")
    void neuronComputesActivationOfWeightedSum(TestRandom random) {
        for (int trial = 0; trial < 30; trial++) {
            int n = random.between(1, 8);
            Activation activation = random.pick(List.of(Activation.values()));
            Neuron neuron = new Neuron(n, activation, random.split());
            List<Value> x = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                x.add(new Value(random.uniform(-2, 2)));
            }
            Value out = neuron.apply(x);
            List<Value> p = neuron.parameters();
            assertThat(p).as("Neuron(%d inputs).parameters(): n weights, then the bias", n).hasSize(n + 1);
            double z = p.get(n).data();
            for (int i = 0; i < n; i++) {
                z += p.get(i).data() * x.get(i).data();
            }
            double expected = activate(activation, z);
            String input = n + " inputs, " + activation + ", w . x + b = " + z;
            Expect.closeTo(Explain.that("neuron.apply(x).data()").input(input)
                .hint("the weighted sum w1 x1 + ... + wn xn + b, then the activation (LINEAR: none)"),
                expected, out.data(), FORWARD_TOLERANCE);
            double slope = slope(activation, z);
            for (int i = 0; i < n; i++) {
                Expect.closeTo(Explain.that("d out / d w" + i).input(input)
                    .hint("the output must be computed from the neuron's own weight Values (those parameters() "
                        + "returns), not from copies: only then does the gradient reach them"),
                    slope * x.get(i).data(), Graphs.pathDerivative(out, p.get(i)), GRADIENT_TOLERANCE);
                Expect.closeTo(Explain.that("d out / d x" + i).input(input)
                    .hint("the inputs must be used as given, so that the gradient flows back into them"),
                    slope * p.get(i).data(), Graphs.pathDerivative(out, x.get(i)), GRADIENT_TOLERANCE);
            }
            Expect.closeTo(Explain.that("d out / d b").input(input), slope, Graphs.pathDerivative(out, p.get(n)),
                GRADIENT_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "6.3", points = 2)
    @DisplayName("6.3 A new neuron has n distinct leaf weights uniform in [-1/sqrt(n), 1/sqrt(n)] and bias 0")
    void neuronStartsRandom(TestRandom random) {
        for (int trial = 0; trial < 20; trial++) {
            int n = random.between(1, 50);
            Neuron neuron = new Neuron(n, Activation.TANH, random.split());
            Neuron other = new Neuron(n, Activation.TANH, random.split());
            List<Value> p = neuron.parameters();
            assertThat(p).as("new Neuron(%d, TANH, random).parameters(): %d weights and the bias", n, n)
                .hasSize(n + 1);
            double bound = 1 / Math.sqrt(n);
            for (int i = 0; i < n; i++) {
                assertThat(Math.abs(p.get(i).data())).as("weight %d of a neuron with %d inputs is %s: weights start "
                    + "uniform in [-1/sqrt(n), 1/sqrt(n)] = [%s, %s]", i, n, p.get(i).data(), -bound, bound)
                    .isLessThanOrEqualTo(bound);
            }
            assertThat(p.get(n).data()).as("the bias starts at 0").isEqualTo(0.0);
            assertThat(p.get(0).data()).as("two neurons drawn one after the other start with the same first weight "
                + "%s: draw every weight from random (identical neurons get identical gradients and never "
                + "differ)", p.get(0).data()).isNotEqualTo(other.parameters().get(0).data());
            Set<Value> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Value v : p) {
                assertThat(v.parents()).as("a parameter must be a leaf (new Value(w)), so that an optimizer can "
                    + "move it").isEmpty();
                distinct.add(v);
            }
            assertThat(distinct).as("every parameter its own Value: %d distinct objects", n + 1).hasSize(n + 1);
            assertThat(neuron.parameters().get(0)).as("parameters() returns the live parameters, the same Values "
                + "on every call, not copies").isSameAs(p.get(0));
        }
    }

    @Test
    @Graded(task = "6.3", points = 3)
    @DisplayName("6.3 Layers and MLPs compose neurons: sizes, parameter counts and outputs")
    void layersAndNetworksCompose(TestRandom random) {
        MLP classic = new MLP(random.split(), Activation.RELU, 2, 16, 16, 1);
        assertThat(classic.parameters()).as("new MLP(random, RELU, 2, 16, 16, 1).parameters(): "
            + "(2 + 1) 16 + (16 + 1) 16 + (16 + 1) 1 = 337").hasSize(337);
        for (int trial = 0; trial < 10; trial++) {
            int depth = random.between(2, 4);
            int[] sizes = new int[depth];
            for (int k = 0; k < depth; k++) {
                sizes[k] = random.between(1, 6);
            }
            Activation hidden = random.pick(List.of(Activation.TANH, Activation.RELU));
            MLP mlp = new MLP(random.split(), hidden, sizes);
            int count = 0;
            for (int k = 1; k < depth; k++) {
                count += (sizes[k - 1] + 1) * sizes[k];
            }
            String name = "new MLP(random, " + hidden + ", " + Arrays.toString(sizes) + ")";
            assertThat(mlp.parameters()).as("%s.parameters(): (inputs + 1) x outputs per layer", name)
                .hasSize(count);
            assertThat(mlp.layers()).as("%s.layers(): one layer per size after the first", name)
                .hasSize(depth - 1);
            double[] point = random.vector(sizes[0], -2, 2);
            List<Value> out = mlp.apply(point);
            assertThat(out).as("%s.apply(x): one output per neuron of the last layer", name)
                .hasSize(sizes[depth - 1]);
            // the same network by hand, layer after layer, from the neurons' own parameters
            double[] h = point;
            for (int k = 0; k < depth - 1; k++) {
                Layer layer = mlp.layers().get(k);
                boolean last = k == depth - 2;
                List<Neuron> neurons = layer.neurons();
                assertThat(neurons).as("%s: layer %d has %d neurons", name, k, sizes[k + 1]).hasSize(sizes[k + 1]);
                double[] next = new double[neurons.size()];
                for (int j = 0; j < neurons.size(); j++) {
                    Neuron neuron = neurons.get(j);
                    assertThat(neuron.activation()).as("%s: layer %d uses %s", name, k,
                        last ? "LINEAR (the output layer returns raw scores)" : hidden)
                        .isEqualTo(last ? Activation.LINEAR : hidden);
                    List<Value> p = neuron.parameters();
                    double z = p.get(p.size() - 1).data();
                    for (int i = 0; i < h.length; i++) {
                        z += p.get(i).data() * h[i];
                    }
                    next[j] = activate(neuron.activation(), z);
                }
                h = next;
            }
            for (int j = 0; j < h.length; j++) {
                Expect.closeTo(Explain.that(name + ".apply(x).get(" + j + ").data()")
                    .input("x", point).hint("each layer feeds the next; the last layer is linear"),
                    h[j], out.get(j).data(), FORWARD_TOLERANCE);
            }
        }
    }

    @Test
    @Graded(task = "6.3", points = 2)
    @DisplayName("6.3 Sgd.step moves each parameter by -learningRate * grad; zeroGrad clears the gradients")
    void sgdStep(TestRandom random) {
        int n = random.between(3, 10);
        List<Value> p = new ArrayList<>();
        double[] c = random.vector(n, -3, 3);
        Value loss = null;
        for (int i = 0; i < n; i++) {
            p.add(new Value(random.uniform(-2, 2)));
            // L = sum c_i p_i^2 / 2: dL/dp_i = c_i p_i
            Value term = p.get(i).pow(2).mul(c[i] / 2);
            loss = loss == null ? term : loss.add(term);
        }
        double rate = random.uniform(0.01, 0.5);
        Sgd sgd = new Sgd(p, rate);
        loss.backward();
        double[] before = new double[n];
        double[] grads = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = p.get(i).data();
            grads[i] = p.get(i).grad();
        }
        sgd.step();
        for (int i = 0; i < n; i++) {
            Expect.closeTo(Explain.that("p" + i + " after sgd.step()").input("p", before[i], "grad", grads[i],
                "learningRate", rate).hint("p <- p - learningRate * grad: against the gradient, downhill"),
                before[i] - rate * grads[i], p.get(i).data(), 1e-15);
        }
        sgd.zeroGrad();
        for (int i = 0; i < n; i++) {
            assertThat(p.get(i).grad()).as("p%d.grad() after sgd.zeroGrad()", i).isEqualTo(0.0);
        }
    }

    @Test
    @Graded(task = "6.3", points = 2)
    @DisplayName("6.3 Bad sizes, inputs and rates throw IllegalArgumentException naming them")
    void rejectsBadInput(TestRandom random) {
        Neuron neuron = new Neuron(3, Activation.TANH, random);
        Expect.rejects("neuron.apply(x) with 2 inputs for 3 weights",
            () -> neuron.apply(List.of(new Value(1), new Value(2))), "x", "2", "3");
        Expect.rejects("neuron.apply(null)", () -> neuron.apply(null), "x");
        Expect.rejects("new Neuron(0, TANH, random)", () -> new Neuron(0, Activation.TANH, random), "inputs", "0");
        Expect.rejects("new Neuron(2, null, random)", () -> new Neuron(2, null, random), "activation");
        Expect.rejects("new Layer(2, 0, TANH, random)", () -> new Layer(2, 0, Activation.TANH, random), "outputs",
            "0");
        Expect.rejects("new MLP(random, TANH, 2)", () -> new MLP(random, Activation.TANH, 2), "sizes");
        Expect.rejects("new MLP(random, TANH, 2, -4, 1)", () -> new MLP(random, Activation.TANH, 2, -4, 1), "sizes",
            "-4");
        MLP mlp = new MLP(random, Activation.TANH, 2, 3, 1);
        Expect.rejects("mlp.apply(1.0, 2.0, 3.0) for 2 inputs", () -> mlp.apply(1.0, 2.0, 3.0), "x", "3", "2");
        Expect.rejects("new Sgd(parameters, 0.0)", () -> new Sgd(mlp.parameters(), 0.0), "learningRate", "0.0");
        Expect.rejects("new Sgd(parameters, NaN)", () -> new Sgd(mlp.parameters(), Double.NaN), "learningRate",
            "NaN");
        Expect.rejects("new Sgd(null, 0.1)", () -> new Sgd(null, 0.1), "parameters");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @Graded(task = "6.3", points = 2)
    @DisplayName("6.3 A 2-8-1 tanh MLP learns XOR: all four points right")
    void learnsXor(TestRandom random) {
        Datasets.Classification xor = Datasets.xor();
        MLP mlp = new MLP(random, Activation.TANH, 2, 8, 1);
        double[] losses = ScalarTraining.train(mlp, new Sgd(mlp.parameters(), XOR_RATE), xor.x(), xor.labels(),
            XOR_STEPS);
        double accuracy = ScalarTraining.accuracy(mlp, xor.x(), xor.labels());
        assertThat(accuracy).withFailMessage(Explain.that("training accuracy on XOR").input(XOR_STEPS
            + " steps of Sgd(rate " + XOR_RATE + ") on the logistic loss, 2-8-1 tanh")
            .expected(XOR_ACCURACY).received(accuracy)
            .detail("loss", "first " + losses[0] + ", last " + losses[losses.length - 1])
            .hint(trainingHint(losses))).isGreaterThanOrEqualTo(XOR_ACCURACY);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @Graded(task = "6.3", points = 3, steps = 600_000_000L)
    @DisplayName("6.3 A 2-16-1 tanh MLP learns two moons to at least 97% training accuracy")
    void learnsMoons(TestRandom random) {
        Datasets.Classification moons = Datasets.moons(random, MOONS_POINTS, MOONS_NOISE);
        MLP mlp = new MLP(random, Activation.TANH, 2, 16, 1);
        double[] losses = ScalarTraining.train(mlp, new Sgd(mlp.parameters(), MOONS_RATE), moons.x(),
            moons.labels(), MOONS_STEPS);
        double accuracy = ScalarTraining.accuracy(mlp, moons.x(), moons.labels());
        assertThat(accuracy).withFailMessage(Explain.that("training accuracy on two moons").input(MOONS_POINTS
            + " points, noise " + MOONS_NOISE + ", " + MOONS_STEPS + " steps of Sgd(rate " + MOONS_RATE
            + ") on the logistic loss, 2-16-1 tanh").expected("at least " + MOONS_ACCURACY).received(accuracy)
            .detail("loss", "first " + losses[0] + ", last " + losses[losses.length - 1])
            .hint(trainingHint(losses))).isGreaterThanOrEqualTo(MOONS_ACCURACY);
    }

    /** What a loss curve says about a failed training run. */
    private static String trainingHint(double[] losses) {
        double first = losses[0];
        double last = losses[losses.length - 1];
        if (!Double.isFinite(last)) {
            return "the loss became NaN or infinite: a gradient of the wrong sign makes training diverge";
        }
        if (last >= first) {
            return "the loss did not go down: does step() move against the gradient (p - rate * grad), does "
                + "zeroGrad() run before backward(), and do the neurons use their own parameter Values?";
        }
        return "the loss went down but not far enough: check the weights' initial range and the activations "
            + "(hidden layers nonlinear, the last layer LINEAR)";
    }

    private static double activate(Activation activation, double z) {
        return switch (activation) {
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(0, z);
            case LINEAR -> z;
        };
    }

    private static double slope(Activation activation, double z) {
        return switch (activation) {
            case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
            case RELU -> z > 0 ? 1 : 0;
            case LINEAR -> 1;
        };
    }
}
