package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;

/**
 * The instructors' hidden tests of module 6: the same tasks as the visible tests, on other graphs and regimes
 * (identities from 1e-150 to 1e150, graphs 50 to 200 levels deep whose every level reuses a node three times, two
 * losses sharing one graph, logits shifted by 1e4 or as large as 1e300, a layer stack with a bottleneck, consecutive
 * activations and a nested {@link Sequential}) and with other properties (forward-mode derivatives as the oracle,
 * the gradients of several losses adding up at the leaves only, shift invariance of the softmax, full-batch training
 * that does not depend on the order of the examples and never climbs on a convex loss).
 */
@Hidden
@DisplayName("Module 6, hidden tests")
class BackpropHiddenTest {

    // ---------------------------------------------------------------------------------------------------------
    // 6.1

    // exp(log a) for |log a| <= 346: exp multiplies the rounding of log a by |log a|, about 4e-14; 1e-12 leaves room
    private static final double ROUND_TRIP = 1e-12;
    // a product of a number and its (rounded) reciprocal, or a sum of two roundings: a few eps
    private static final double FEW_ULPS = 1e-14;
    private static final int CASES = 40;

    @Test
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 exp(log a), log(exp a) have slope 1 from 1e-150 to 1e150, a/a slope 0; pow at 0 as promised")
    void identitiesAndPowerAtZero(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double a = random.logUniform(1e-150, 1e150);
            Value x = new Value(a);
            Value roundTrip = x.log().exp();
            String input = "a = " + a;
            Expect.closeTo(Explain.that("a.log().exp().data()").input(input).hint("exp undoes log"), a,
                roundTrip.data(), ROUND_TRIP);
            Expect.closeTo(Explain.that("d(a.log().exp())/da").input(input)
                .hint("the chain rule through both nodes: e^(ln a) * (1/a) = 1, whatever the size of a: the local "
                    + "derivative of exp is its value, that of log is 1/a"), 1.0, Graphs.pathDerivative(roundTrip, x),
                ROUND_TRIP);

            double b = random.uniform(-700, 700);
            Value y = new Value(b);
            Value back = y.exp().log();
            // e^b is rounded by an ulp, which log turns into an absolute error of about eps; log's own rounding is
            // relative to |b|
            double allowed = FEW_ULPS * Math.max(1, Math.abs(b));
            assertThat(Math.abs(back.data() - b)).withFailMessage(Explain.that("b.exp().log().data()")
                .input("b = " + b).expected(b).received(back.data()).within(allowed).hint("log undoes exp"))
                .isLessThanOrEqualTo(allowed);
            Expect.closeTo(Explain.that("d(b.exp().log())/db").input("b = " + b)
                .hint("e^b * (1 / e^b) = 1: the log node's local derivative is 1 over ITS input, e^b, not 1/b"), 1.0,
                Graphs.pathDerivative(back, y), FEW_ULPS);

            double c = random.sign() * random.logUniform(1e-100, 1e100);
            Value z = new Value(c);
            Value ratio = z.div(z);
            Expect.closeTo(Explain.that("c.div(c).data()").input("c = " + c), 1.0, ratio.data(), FEW_ULPS);
            double slope = Graphs.pathDerivative(ratio, z);
            assertThat(Math.abs(slope * c)).withFailMessage(Explain.that("d(c.div(c))/dc").input("c = " + c)
                .expected(0.0).received(slope).within(FEW_ULPS / Math.abs(c))
                .hint("c / c is the constant 1: the two local derivatives, 1/c for the numerator and -c/c^2 for the "
                    + "denominator, both recorded for the same node c, cancel"))
                .isLessThanOrEqualTo(FEW_ULPS);
        }

        // the Javadoc's promises at a = 0: defined for an exponent of 0 or at least 1, refused below 1
        double[][] atZero = {{0, 1, 0}, {1, 0, 1}, {2, 0, 0}, {2.5, 0, 0}, {3, 0, 0}};
        for (double[] row : atZero) {
            double exponent = row[0];
            Value zero = new Value(0.0);
            Value power = zero.pow(exponent);
            String call = "new Value(0.0).pow(" + exponent + ")";
            Expect.closeTo(Explain.that(call + ".data()").hint("0^0 = 1 and 0^c = 0 for c > 0"), row[1], power.data(),
                0.0);
            Expect.closeTo(Explain.that("the local derivative of " + call)
                .hint(exponent == 0 ? "a^0 is the constant 1, whose slope is 0: c a^(c - 1) = 0 * 0^-1 is NaN in "
                    + "floating point, so treat the exponent 0 apart" : "c a^(c - 1) at a = 0"),
                row[2], Graphs.pathDerivative(power, zero), 0.0);
        }
        for (double exponent : new double[] {0.5, -1, -2.5}) {
            Expect.rejects("new Value(0.0).pow(" + exponent + ")", () -> new Value(0.0).pow(exponent), "exponent",
                String.valueOf(exponent));
        }
        for (int i = 0; i < CASES; i++) {
            double a = -random.uniform(0.5, 3);
            int n = -random.between(1, 4);
            Value x = new Value(a);
            Value power = x.pow(n);
            String input = "a = " + a + ", exponent " + n;
            Expect.closeTo(Explain.that("a.pow(" + n + ").data()").input(input)
                .hint("a negative number to an integer power is defined, negative exponents too"), Math.pow(a, n),
                power.data(), FEW_ULPS);
            Expect.closeTo(Explain.that("d(a.pow(" + n + "))/da").input(input).hint("c a^(c - 1)"),
                n * Math.pow(a, n - 1), Graphs.pathDerivative(power, x), FEW_ULPS);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6.2

    // backprop against forward-mode derivatives carried along in doubles: two exact computations of the same sums
    // of products, in different orders, over at most a few thousand nodes with values below 2; they agree to about
    // 1e-14 of the largest partial
    private static final double FORWARD_MODE_TOLERANCE = 1e-10;
    private static final double GRADIENT_FLOOR = 1e-2;

    @Test
    @Graded(task = "6.2", points = 2)
    @DisplayName("6.2 Graphs 50 to 200 levels deep, each level's node used three times: backprop = forward mode")
    void deepGraphsWithTripleReuse(TestRandom random) {
        int checked = 0;
        for (int attempt = 0; checked < 10 && attempt < 200; attempt++) {
            Ladder ladder = new Ladder(random, random.between(1, 4), random.between(50, 200));
            double[] point = random.vector(ladder.inputs, -1.5, 1.5);
            double[] expected = ladder.forwardMode(point);
            if (Entries.maxAbs(expected) < GRADIENT_FLOOR) {
                continue;
            }
            checked++;
            List<Value> x = new ArrayList<>();
            for (double p : point) {
                x.add(new Value(p));
            }
            Value out = ladder.build(x);
            out.backward();
            double[] received = new double[x.size()];
            for (int i = 0; i < received.length; i++) {
                received[i] = x.get(i).grad();
            }
            Expect.closeTo(Explain.that("the gradient of the ladder after out.backward()")
                .input("x", point, "graph", ladder.levels + " levels, " + Graphs.countNodes(out) + " nodes")
                .hint("every level computes u = tanh(a c1 + b) and then uses u three times, in u * sigmoid(u) + c2 u: "
                    + "u must collect all three contributions (+=), and pass its gradient on only after all three "
                    + "have arrived (reverse topological order); there are 3^" + ladder.levels + " paths, so a "
                    + "single missed or overwritten term shows"),
                expected, received, FORWARD_MODE_TOLERANCE);
        }
        assertThat(checked).as("graphs whose gradient is not nearly 0 (a bug in the test if this fails)")
            .isEqualTo(10);
    }

    // the five-point stencil on the visible tests' random graphs: good to about 1e-12, as in BackwardTest
    private static final double STENCIL_TOLERANCE = 1e-8;
    // one node's gradient, d (1 - t^2) or 2 s: a product of two numbers, one rounding
    private static final double ONE_NODE = 1e-14;

    @Test
    @Hidden(showMessage = false)
    @Graded(task = "6.2", points = 2)
    @DisplayName("6.2 Two losses sharing a graph: the leaves add up both gradients, shared nodes hold only the last")
    void twoLossesShareAGraph(TestRandom random) {
        int checked = 0;
        for (int attempt = 0; checked < 10 && attempt < 200; attempt++) {
            Graphs.RandomGraph graph = new Graphs.RandomGraph(random, random.between(1, 4), random.between(5, 40));
            double[] point = random.vector(graph.inputs(), -2, 2);
            double c = random.uniform(-2, 2);
            double d = random.uniform(-2, 2);
            ToDoubleFunction<double[]> s = graph.function();
            ToDoubleFunction<double[]> f1 = p -> s.applyAsDouble(p) * s.applyAsDouble(p) + c * p[0];
            ToDoubleFunction<double[]> f2 = p -> d * Math.tanh(s.applyAsDouble(p));
            double[] g1 = FiniteDifferences.gradient(f1, point);
            double[] g2 = FiniteDifferences.gradient(f2, point);
            double[] both = FiniteDifferences.gradient(p -> f1.applyAsDouble(p) + f2.applyAsDouble(p), point);
            if (Entries.maxAbs(g1) < GRADIENT_FLOOR || Entries.maxAbs(g2) < GRADIENT_FLOOR) {
                continue;
            }
            checked++;
            List<Value> x = leaves(point);
            Value shared = graph.build(x);
            Value loss1 = shared.mul(shared).add(x.get(0).mul(c));
            Value loss2 = shared.tanh().mul(d);
            String input = "s = a random graph of " + Graphs.countNodes(shared) + " nodes at x = "
                + Arrays.toString(point) + ", L1 = s * s + " + c + " x0, L2 = " + d + " tanh(s)";

            loss1.backward();
            Expect.closeTo(Explain.that("x's gradients after L1.backward()").input(input), g1, grads(x),
                STENCIL_TOLERANCE);
            loss2.backward();
            double t = Math.tanh(shared.data());
            Expect.closeTo(Explain.that("s.grad() after L1.backward() and then L2.backward()").input(input)
                .hint("s is an interior node: every backward() recomputes it from 0, so it holds dL2/ds = "
                    + "d (1 - tanh(s)^2), with nothing left over from L1"), d * (1 - t * t), shared.grad(), ONE_NODE);
            Expect.closeTo(Explain.that("x's gradients after L1.backward() and then L2.backward()").input(input)
                .hint("the leaves accumulate: after both calls they hold dL1/dx + dL2/dx, so that the gradients of "
                    + "several losses add up (reset only the interior nodes, never the leaves)"),
                both, grads(x), STENCIL_TOLERANCE);

            for (Value leaf : x) {
                leaf.zeroGrad();
            }
            loss2.backward();
            Expect.closeTo(Explain.that("x's gradients after zeroGrad() and L2.backward()").input(input)
                .hint("zeroGrad() starts the leaves afresh: then they hold dL2/dx alone"), g2, grads(x),
                STENCIL_TOLERANCE);

            List<Value> fresh = leaves(point);
            Value s2 = graph.build(fresh);
            Value sum = s2.mul(s2).add(fresh.get(0).mul(c)).add(s2.tanh().mul(d));
            sum.backward();
            Expect.closeTo(Explain.that("x's gradients after (L1 + L2).backward() on a fresh graph").input(input)
                .hint("one backward() of the sum gives what two backward() calls give the leaves"), both, grads(fresh),
                STENCIL_TOLERANCE);
        }
        assertThat(checked).as("graphs whose gradients are not nearly 0 (a bug in the test if this fails)")
            .isEqualTo(10);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6.3

    // as the gradient check of the module: the stencil is good to 1e-10 on these smooth networks
    private static final double NETWORK_TOLERANCE = 1e-7;
    // the stencil moves a parameter by up to 2e-3, which moves a pre-activation by less than 0.05 here: a ReLU
    // unit at least 0.1 from its kink stays on its side, where the network is smooth
    private static final double KINK_MARGIN = 0.1;
    private static final int MAX_DRAWS = 10_000;
    // one SGD update p - rate * grad: one multiplication and one subtraction
    private static final double UPDATE_TOLERANCE = 1e-15;

    @Test
    @Graded(task = "6.3", points = 2)
    @DisplayName("6.3 Every parameter of a 3-layer MLP gets dL/dp from backward; Sgd moves the list it copied")
    void mlpGradientAndSgdCopy(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            Activation hidden = trial % 2 == 0 ? Activation.TANH : Activation.RELU;
            int[] sizes = {random.between(2, 5), random.between(3, 8), random.between(3, 8), random.between(1, 3)};
            MLP mlp = new MLP(random.split(), hidden, sizes);
            List<Value> parameters = mlp.parameters();
            // parameters of the test's choosing, biases too (a fresh network's are 0), drawn again until every
            // hidden ReLU unit is well away from its kink at the chosen x
            double[] start = new double[parameters.size()];
            double[] point = random.vector(sizes[0], -2, 2);
            for (int attempt = 0; attempt == 0 || hidden == Activation.RELU
                && nearestKink(sizes, start, point) < KINK_MARGIN; attempt++) {
                assertThat(attempt).as("a network and a point away from every ReLU kink (a bug in the test if this "
                    + "fails)").isLessThan(MAX_DRAWS);
                for (int i = 0; i < start.length; i++) {
                    start[i] = random.uniform(-1, 1);
                }
                point = random.vector(sizes[0], -2, 2);
            }
            for (int i = 0; i < start.length; i++) {
                parameters.get(i).setData(start[i]);
            }
            double[] r = random.vector(sizes[3], -1, 1);
            double[] input = point;
            ToDoubleFunction<double[]> loss = p -> {
                double[] out = mlpInDoubles(sizes, hidden, p, input);
                double sum = 0;
                for (int j = 0; j < out.length; j++) {
                    sum += r[j] * out[j];
                }
                return sum;
            };
            double[] expected = FiniteDifferences.gradient(loss, start);

            List<Value> out = mlp.apply(input);
            Value total = out.get(0).mul(r[0]);
            for (int j = 1; j < out.size(); j++) {
                total = total.add(out.get(j).mul(r[j]));
            }
            total.backward();
            double[] received = grads(parameters);
            String name = "new MLP(random, " + hidden + ", " + Arrays.toString(sizes) + ")";
            Expect.closeTo(Explain.that("the parameters' gradients of L = r . mlp.apply(x) after L.backward()")
                .input("network", name, "x", input, "r", r)
                .hint("each neuron must compute from its own parameter Values (those parameters() returns), in the "
                    + "order layer by layer, neuron by neuron, weights then bias; the last layer is LINEAR"),
                expected, received, NETWORK_TOLERANCE);

            List<Value> callersList = new ArrayList<>(parameters);
            double rate = random.uniform(0.01, 0.5);
            Sgd sgd = new Sgd(callersList, rate);
            // the caller reuses its list; the Javadoc promises that the optimizer copied it
            callersList.clear();
            sgd.step();
            for (int i = 0; i < start.length; i++) {
                double moved = start[i] - rate * received[i];
                assertThat(Math.abs(parameters.get(i).data() - moved)).as("parameter %d of %s after sgd.step() is "
                    + "%s, expected %s - %s * %s = %s. The caller cleared its list after new Sgd(list, rate): the "
                    + "optimizer must keep a copy of the list (the Values themselves are shared)", i, name,
                    parameters.get(i).data(), start[i], rate, received[i], moved)
                    .isLessThanOrEqualTo(UPDATE_TOLERANCE * Math.max(1, Math.abs(moved)));
            }
            sgd.zeroGrad();
            assertThat(grads(parameters)).as("the parameters' gradients after sgd.zeroGrad(), the caller's list "
                + "cleared: the optimizer zeroes its own copy").containsOnly(0.0);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6.4

    // logits moved by c up to 1e4 are rounded to a spacing of about 2e-12: the loss and the gradient move by a few
    // times that; 1e-10 leaves room, and a loss that overflows or a shift by the batch's maximum is far off
    private static final double SHIFT_TOLERANCE = 1e-10;
    // logits near 1e300: every probability is exactly 0 or 1, the loss of a row is max - z_label, one rounding
    private static final double HUGE_TOLERANCE = 1e-14;

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 Shifting a row's logits by up to 1e4 changes nothing; logits near 1e300 give exact losses")
    void softmaxShiftInvarianceAndHugeLogits(TestRandom random) {
        for (int trial = 0; trial < 20; trial++) {
            int rows = random.between(2, 6);
            int classes = random.between(2, 8);
            double[][] z = random.matrix(rows, classes, -5, 5);
            int[] labels = new int[rows];
            double[][] shifted = new double[rows][classes];
            double[] shifts = new double[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(classes);
                // every row its own shift, of either sign: one maximum for the whole batch is not enough
                shifts[r] = random.sign() * random.logUniform(1, 1e4);
                for (int j = 0; j < classes; j++) {
                    shifted[r][j] = z[r][j] + shifts[r];
                }
            }
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            double plain = loss.forward(z, labels);
            double[] plainGradient = Entries.flatten(loss.backward());
            SoftmaxCrossEntropy other = new SoftmaxCrossEntropy();
            double moved = other.forward(shifted, labels);
            String input = rows + " x " + classes + " logits in [-5, 5], row r shifted by " + Arrays.toString(shifts);
            String hint = "softmax(z + c) = softmax(z) for every constant c: subtract each ROW's own largest logit, "
                + "then e^(z - M) never overflows (e^10000 does) and the largest term of each row is 1 (a shift by "
                + "the batch's maximum leaves e^-20000 = 0 in the other rows)";
            assertThat(Math.abs(moved - plain)).withFailMessage(Explain.that("loss.forward(shifted logits, labels)")
                .input(input).expected(plain).received(moved).within(SHIFT_TOLERANCE).hint(hint))
                .isLessThanOrEqualTo(SHIFT_TOLERANCE);
            double[] movedGradient = Entries.flatten(other.backward());
            // entries of the gradient are at most 1/B: an absolute tolerance, since a row whose label is nearly
            // certain has a gradient of 1e-5 / B or less, whose relative accuracy the rounded shift cannot keep
            double gap = 0;
            for (int i = 0; i < plainGradient.length; i++) {
                gap = Math.max(gap, Math.abs(movedGradient[i] - plainGradient[i]));
            }
            assertThat(movedGradient).as("loss.backward() after the shifted forward: one entry per logit")
                .hasSize(plainGradient.length);
            assertThat(Double.isNaN(gap) ? Double.POSITIVE_INFINITY : gap)
                .withFailMessage(Explain.that("loss.backward() after the shifted forward").input(input)
                    .expected(plainGradient).received(movedGradient).within(SHIFT_TOLERANCE).hint(hint))
                .isLessThanOrEqualTo(SHIFT_TOLERANCE);
        }
        for (int trial = 0; trial < 10; trial++) {
            int rows = random.between(1, 6);
            int classes = random.between(2, 5);
            double[][] z = new double[rows][classes];
            int[] labels = new int[rows];
            double expected = 0;
            double[] expectedGradient = new double[rows * classes];
            for (int r = 0; r < rows; r++) {
                int top = 0;
                for (int j = 0; j < classes; j++) {
                    // logits 1e298 to 1e300 in size, of either sign: any two differ by far more than 750
                    z[r][j] = random.sign() * random.logUniform(1e298, 1e300);
                    top = z[r][j] > z[r][top] ? j : top;
                }
                labels[r] = random.nextInt(classes);
                expected += z[r][top] - z[r][labels[r]];
                expectedGradient[r * classes + top] += 1.0 / rows;
                expectedGradient[r * classes + labels[r]] -= 1.0 / rows;
            }
            expected /= rows;
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            String input = "logits " + Check.show(z) + ", labels " + Arrays.toString(labels);
            Expect.closeTo(Explain.that("loss.forward(logits, labels)").input(input)
                .hint("each row's loss is log-sum-exp minus the label's logit: M + log(sum e^(z - M)) - z_label, "
                    + "here M - z_label exactly, since every other e^(z - M) is 0. Never take e^z or log(p) itself"),
                expected, loss.forward(z, labels), HUGE_TOLERANCE);
            Expect.closeTo(Explain.that("loss.backward()").input(input)
                .hint("the probabilities are 0 and 1 exactly here: (p - one-hot) / B has entries -1/B, 0 and 1/B, "
                    + "and is 0 in a row whose label has the largest logit"),
                expectedGradient, Entries.flatten(loss.backward()), HUGE_TOLERANCE);
        }
    }

    // Math.tanh is within 2.5 ulps of the exact tanh (its specification), and a right tanh is within about 1.5
    // (the reference's: 1.43 the worst measured): two right answers are within 4 ulps of each other. A formula
    // that cancels digits is off by thousands of ulps near 0, and (e^x - e^-x)/(e^x + e^-x) is NaN beyond 710
    private static final double TANH_ULPS = 4;

    @Test
    @Graded(task = "6.4", points = 1)
    @DisplayName("6.4 Tanh is accurate to a few ulps at every size of input, from 1e-300 to 1e300, and odd")
    void tanhAccurateAtEverySize(TestRandom random) {
        int n = 400;
        double[][] x = new double[1][n];
        for (int i = 0; i < n; i++) {
            // every scale from subnormal to huge, the region around 0.55 where formulas change, and 0 with its sign
            double magnitude = switch (i % 4) {
                case 0 -> random.logUniform(1e-300, 1e300);
                case 1 -> random.logUniform(1e-9, 30);
                case 2 -> random.uniform(0.4, 0.7);
                default -> random.uniform(0, 3);
            };
            x[0][i] = i < 2 ? (i == 0 ? 0.0 : -0.0) : random.sign() * magnitude;
        }
        x[0][2] = Double.MIN_VALUE;
        x[0][3] = -Double.MAX_VALUE;
        double[] y = new Tanh().forward(x)[0].clone();
        double[][] negated = new double[1][n];
        for (int i = 0; i < n; i++) {
            negated[0][i] = -x[0][i];
        }
        double[] yNegated = new Tanh().forward(negated)[0];
        for (int i = 0; i < n; i++) {
            double expected = Math.tanh(x[0][i]);
            double ulps = Math.abs(y[i] - expected) / Math.ulp(expected);
            String input = "x = " + x[0][i];
            assertThat(Double.isNaN(ulps) ? Double.POSITIVE_INFINITY : ulps).withFailMessage(
                Explain.that("tanh.forward(X), entry " + i).input(input).expected(expected).received(y[i])
                    .within(TANH_ULPS * Math.ulp(expected))
                    .hint("within " + TANH_ULPS + " ulps of Math.tanh: near 0 a formula like 1 - 2/(e^2x + 1) loses "
                        + "digits (tanh x is x there), and e^x / (e^x + e^-x) is infinity / infinity beyond 710"))
                .isLessThanOrEqualTo(TANH_ULPS);
            assertThat(Double.doubleToRawLongBits(yNegated[i])).withFailMessage(
                Explain.that("tanh.forward(-X), entry " + i).input(input).expected(-y[i]).received(yNegated[i])
                    .hint("tanh is odd: tanh(-x) = -tanh(x) exactly, and tanh(-0.0) = -0.0"))
                .isEqualTo(Double.doubleToRawLongBits(-y[i]));
        }
    }

    // the test's own backward pass and the code's compute the same sums of products in perhaps another order:
    // they agree to about 1e-15 of the largest entry; 1e-12 leaves room
    private static final double STACK_TOLERANCE = 1e-12;

    @Test
    @Graded(task = "6.4", points = 2)
    @DisplayName("6.4 A stack with a width-1 bottleneck, tanh then relu, a nested Sequential: every gradient exact")
    void unusualStackAgainstOwnBackprop(TestRandom random) {
        for (int trial = 0; trial < 12; trial++) {
            int n0 = random.between(1, 5);
            int n1 = random.between(2, 7);
            int n3 = random.between(2, 6);
            int n4 = random.between(1, 4);
            double[][] w1 = random.matrix(n0, n1, -1.5, 1.5);
            double[] b1 = random.vector(n1, -0.5, 0.5);
            double[][] w2 = random.matrix(n1, 1, -1.5, 1.5);
            double[] b2 = random.vector(1, -0.5, 0.5);
            double[][] w3 = random.matrix(1, n3, -1.5, 1.5);
            double[] b3 = random.vector(n3, -0.5, 0.5);
            double[][] w4 = random.matrix(n3, n4, -1.5, 1.5);
            double[] b4 = random.vector(n4, -0.5, 0.5);
            // Dense, Relu, Dense to width 1, Tanh, Relu, then a nested Sequential (Dense, Tanh), then Dense
            Sequential network = new Sequential(new Dense(w1, b1), new Relu(), new Dense(w2, b2), new Tanh(),
                new Relu(), new Sequential(new Dense(w3, b3), new Tanh()), new Dense(w4, b4));
            int batch = random.between(1, 8);
            double[][] x = random.matrix(batch, n0, -2, 2);
            double[][] r = random.matrix(batch, n4, -1, 1);
            // a forward pass on another batch first: backward must use the LAST forward pass
            network.forward(random.matrix(batch + random.between(1, 3), n0, -2, 2));
            double[][] y = network.forward(x);
            double[][] dx = network.backward(r);

            Stack stack = new Stack(List.of(w1, w2, w3, w4), List.of(b1, b2, b3, b4));
            stack.run(x, r);
            String input = "Dense(" + n0 + " -> " + n1 + "), Relu, Dense(" + n1 + " -> 1), Tanh, Relu, "
                + "Sequential(Dense(1 -> " + n3 + "), Tanh), Dense(" + n3 + " -> " + n4 + ") on a batch of " + batch
                + ", L = sum R_ij Y_ij";
            Expect.closeTo(Explain.that("network.forward(X)").input(input)
                .hint("each layer's forward on the output of the one before; a nested Sequential is one layer"),
                Entries.flatten(stack.output), Entries.flatten(y), STACK_TOLERANCE);
            Expect.closeTo(Explain.that("network.backward(R), dL/dX").input(input)
                .hint("backward runs the layers in reverse, each on the input gradient of the layer after it, and "
                    + "each from what ITS LAST forward pass kept (here a second batch, after one of another size)"),
                Entries.flatten(stack.inputGradient), Entries.flatten(dx), STACK_TOLERANCE);
            Expect.closeTo(Explain.that("network.gradients(), flattened").input(input)
                .hint("the rows of dL/dW, then dL/db, for each Dense in order, those inside the nested Sequential in "
                    + "their place: the order of parameters()"),
                stack.parameterGradient(), Check.flatten(network.gradients()), STACK_TOLERANCE);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6.5

    // the gradient of a batch is a sum over its rows: in another order it differs by a few roundings, which 20
    // steps of momentum on a smooth loss do not amplify beyond 1e-13 or so
    private static final double ORDER_TOLERANCE = 1e-10;
    private static final int SHUFFLED_STEPS = 20;
    private static final int CONVEX_STEPS = 30;
    // the losses of a descent method with a safe rate never rise; only the rounding of the loss may
    private static final double MONOTONE_SLACK = 1e-13;

    @Test
    @Graded(task = "6.5", points = 1)
    @DisplayName("6.5 Full-batch training ignores the order of the examples, and at rate 1/L never climbs")
    void fullBatchTrainingIsOrderFreeAndDescends(TestRandom random) {
        for (int trial = 0; trial < 4; trial++) {
            int d = random.between(2, 4);
            int h = random.between(3, 8);
            int classes = random.between(2, 4);
            int batch = random.between(20, 60);
            double[][] x = random.matrix(batch, d, -2, 2);
            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = random.nextInt(classes);
            }
            double[][] w1 = random.matrix(d, h, -1, 1);
            double[] b1 = random.vector(h, -0.5, 0.5);
            double[][] w2 = random.matrix(h, classes, -1, 1);
            double[] b2 = random.vector(classes, -0.5, 0.5);
            double rate = random.uniform(0.05, 0.3);
            double momentum = random.uniform(0.5, 0.9);
            int[] order = permutation(random, batch);
            double[][] shuffledX = new double[batch][];
            int[] shuffledLabels = new int[batch];
            for (int i = 0; i < batch; i++) {
                shuffledX[i] = x[order[i]];
                shuffledLabels[i] = labels[order[i]];
            }
            Sequential first = new Sequential(new Dense(w1, b1), new Tanh(), new Dense(w2, b2));
            Sequential second = new Sequential(new Dense(w1, b1), new Tanh(), new Dense(w2, b2));
            double[] losses = new Trainer(first, rate, momentum).fit(x, labels, SHUFFLED_STEPS);
            double[] shuffledLosses = new Trainer(second, rate, momentum).fit(shuffledX, shuffledLabels,
                SHUFFLED_STEPS);
            String input = "a " + d + "-" + h + "-" + classes + " tanh network, " + batch + " examples, rate " + rate
                + ", momentum " + momentum + ", " + SHUFFLED_STEPS + " steps";
            String hint = "each step uses the gradient of the whole batch, a mean over all examples, so their order "
                + "does not matter: one step per example, or per part of the batch, would depend on it";
            Expect.closeTo(Explain.that("the losses of trainer.fit on the examples shuffled").input(input).hint(hint),
                losses, shuffledLosses, ORDER_TOLERANCE);
            Expect.closeTo(Explain.that("the parameters after trainer.fit on the examples shuffled").input(input)
                .hint(hint), Check.flatten(first.parameters()), Check.flatten(second.parameters()), ORDER_TOLERANCE);

            // softmax regression is convex and (1/2) mean |(x, 1)|^2-smooth (the softmax's Hessian is at most 1/2):
            // gradient descent at rate 1/L lowers the loss by at least (rate / 2) |g|^2 at every step
            double smoothness = 0;
            for (double[] row : x) {
                smoothness += 0.5 * (1 + dot(row, row)) / batch;
            }
            Sequential regression = new Sequential(new Dense(random.matrix(d, classes, -1, 1),
                random.vector(classes, -1, 1)));
            double before = new SoftmaxCrossEntropy().forward(regression.forward(x), labels);
            double[] descent = new Trainer(regression, 1 / smoothness, 0.0).fit(x, labels, CONVEX_STEPS);
            String convex = "softmax regression (one Dense layer, " + d + " -> " + classes + ") on " + batch
                + " examples, rate 1/L = " + 1 / smoothness + ", momentum 0";
            Expect.closeTo(Explain.that("the first loss trainer.fit returns").input(convex)
                .hint("step returns the loss BEFORE its update: the loss of the network as it is"), before,
                descent[0], MONOTONE_SLACK);
            for (int t = 1; t < descent.length; t++) {
                assertThat(descent[t]).withFailMessage(Explain.that("the loss before step " + t).input(convex)
                    .expected("at most the loss before step " + (t - 1) + ", " + descent[t - 1])
                    .received(descent[t]).detail("losses", Arrays.toString(descent))
                    .hint("on a convex loss a gradient step at rate 1/L never climbs: does the step move against "
                        + "the gradient (p -= rate g), with this step's gradient and no velocity at momentum 0?"))
                    .isLessThanOrEqualTo(descent[t - 1] * (1 + MONOTONE_SLACK));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /**
     * A deep graph recipe, on {@link Value}s and in forward mode: level k picks two earlier nodes a and b, makes
     * u = tanh(c1 a + b), then uses u three times, node = tanh(u sigmoid(u) + c2 u). The output is a weighted sum of
     * every level's node, so that its gradient does not vanish however deep the graph.
     */
    private static final class Ladder {
        private final int inputs;
        private final int levels;
        private final int[] a;
        private final int[] b;
        private final double[] c1;
        private final double[] c2;
        private final double[] weights;

        Ladder(TestRandom random, int inputs, int levels) {
            this.inputs = inputs;
            this.levels = levels;
            this.a = new int[levels];
            this.b = new int[levels];
            this.c1 = random.vector(levels, -1.5, 1.5);
            this.c2 = random.vector(levels, -1.5, 1.5);
            this.weights = random.vector(levels, -1, 1);
            for (int k = 0; k < levels; k++) {
                int available = inputs + k;
                // mostly the last few nodes, so that the graph is deep; sometimes any node, so that it is wide
                a[k] = available - 1 - random.nextInt(Math.min(available, 2));
                b[k] = random.nextInt(available);
            }
        }

        Value build(List<Value> x) {
            List<Value> nodes = new ArrayList<>(x);
            Value out = null;
            for (int k = 0; k < levels; k++) {
                Value u = nodes.get(a[k]).mul(c1[k]).add(nodes.get(b[k])).tanh();
                Value node = u.mul(u.sigmoid()).add(u.mul(c2[k])).tanh();
                nodes.add(node);
                Value term = node.mul(weights[k]);
                out = out == null ? term : out.add(term);
            }
            return out;
        }

        /** The exact gradient at x: every node carries its value and its derivatives by each input. */
        double[] forwardMode(double[] x) {
            List<double[]> nodes = new ArrayList<>();
            for (int i = 0; i < inputs; i++) {
                double[] leaf = new double[inputs + 1];
                leaf[0] = x[i];
                leaf[i + 1] = 1.0;
                nodes.add(leaf);
            }
            double[] out = new double[inputs + 1];
            for (int k = 0; k < levels; k++) {
                double[] pa = nodes.get(a[k]);
                double[] pb = nodes.get(b[k]);
                double u = Math.tanh(c1[k] * pa[0] + pb[0]);
                double s = sigmoid(u);
                double v = u * s + c2[k] * u;
                double t = Math.tanh(v);
                // d node = (1 - t^2) (s + u s (1 - s) + c2) (1 - u^2) (c1 d a + d b)
                double factor = (1 - t * t) * (s + u * s * (1 - s) + c2[k]) * (1 - u * u);
                double[] node = new double[inputs + 1];
                node[0] = t;
                for (int i = 1; i <= inputs; i++) {
                    node[i] = factor * (c1[k] * pa[i] + pb[i]);
                    out[i] += weights[k] * node[i];
                }
                nodes.add(node);
            }
            return Arrays.copyOfRange(out, 1, inputs + 1);
        }
    }

    /**
     * The test's own batch backprop for a stack of Dense layers with fixed activations between them, the stack of
     * {@link #unusualStackAgainstOwnBackprop}: Dense, Relu, Dense, Tanh, Relu, Dense, Tanh, Dense.
     */
    private static final class Stack {
        private final List<double[][]> weights;
        private final List<double[]> biases;
        private final List<double[][]> weightGradients = new ArrayList<>();
        private final List<double[]> biasGradients = new ArrayList<>();
        double[][] output;
        double[][] inputGradient;

        Stack(List<double[][]> weights, List<double[]> biases) {
            this.weights = weights;
            this.biases = biases;
        }

        void run(double[][] x, double[][] r) {
            double[][] z1 = affine(x, 0);
            double[][] h1 = relu(z1);
            double[][] z2 = affine(h1, 1);
            double[][] t2 = tanh(z2);
            double[][] h2 = relu(t2);
            double[][] z3 = affine(h2, 2);
            double[][] t3 = tanh(z3);
            output = affine(t3, 3);
            double[][] g = r;
            g = denseBack(t3, g, 3);
            g = tanhBack(t3, g);
            g = denseBack(h2, g, 2);
            g = reluBack(t2, g);
            g = tanhBack(t2, g);
            g = denseBack(h1, g, 1);
            g = reluBack(z1, g);
            inputGradient = denseBack(x, g, 0);
        }

        /** The rows of dL/dW, then dL/db, layer after layer: the order of Sequential.gradients(). */
        double[] parameterGradient() {
            List<double[]> all = new ArrayList<>();
            for (int k = 0; k < weights.size(); k++) {
                all.addAll(Arrays.asList(weightGradients.get(k)));
                all.add(biasGradients.get(k));
            }
            return Check.flatten(all);
        }

        private double[][] affine(double[][] x, int k) {
            double[][] w = weights.get(k);
            double[] b = biases.get(k);
            double[][] y = new double[x.length][b.length];
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < b.length; j++) {
                    double s = b[j];
                    for (int i = 0; i < w.length; i++) {
                        s += x[r][i] * w[i][j];
                    }
                    y[r][j] = s;
                }
            }
            return y;
        }

        /** Stores X^T G and the column sums of G for layer k; returns G W^T. */
        private double[][] denseBack(double[][] x, double[][] g, int k) {
            double[][] w = weights.get(k);
            double[][] dw = new double[w.length][w[0].length];
            double[] db = new double[w[0].length];
            double[][] dx = new double[x.length][w.length];
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < db.length; j++) {
                    db[j] += g[r][j];
                    for (int i = 0; i < w.length; i++) {
                        dw[i][j] += x[r][i] * g[r][j];
                        dx[r][i] += g[r][j] * w[i][j];
                    }
                }
            }
            while (weightGradients.size() <= k) {
                weightGradients.add(null);
                biasGradients.add(null);
            }
            weightGradients.set(k, dw);
            biasGradients.set(k, db);
            return dx;
        }

        private static double[][] relu(double[][] z) {
            double[][] y = new double[z.length][];
            for (int r = 0; r < z.length; r++) {
                y[r] = Arrays.stream(z[r]).map(v -> Math.max(0, v)).toArray();
            }
            return y;
        }

        private static double[][] tanh(double[][] z) {
            double[][] y = new double[z.length][];
            for (int r = 0; r < z.length; r++) {
                y[r] = Arrays.stream(z[r]).map(Math::tanh).toArray();
            }
            return y;
        }

        private static double[][] reluBack(double[][] input, double[][] g) {
            double[][] dx = new double[g.length][g[0].length];
            for (int r = 0; r < g.length; r++) {
                for (int j = 0; j < g[r].length; j++) {
                    dx[r][j] = input[r][j] > 0 ? g[r][j] : 0.0;
                }
            }
            return dx;
        }

        private static double[][] tanhBack(double[][] output, double[][] g) {
            double[][] dx = new double[g.length][g[0].length];
            for (int r = 0; r < g.length; r++) {
                for (int j = 0; j < g[r].length; j++) {
                    dx[r][j] = g[r][j] * (1 - output[r][j] * output[r][j]);
                }
            }
            return dx;
        }
    }

    /**
     * The MLP in doubles, from its parameters in the order of {@link MLP#parameters()}: layer by layer, neuron by
     * neuron, the weights then the bias; every layer but the last with the hidden activation.
     */
    private static double[] mlpInDoubles(int[] sizes, Activation hidden, double[] parameters, double[] x) {
        double[] h = x;
        int p = 0;
        for (int k = 1; k < sizes.length; k++) {
            double[] next = new double[sizes[k]];
            for (int j = 0; j < sizes[k]; j++) {
                double z = 0;
                for (int i = 0; i < sizes[k - 1]; i++) {
                    z += parameters[p++] * h[i];
                }
                z += parameters[p++];
                boolean last = k == sizes.length - 1;
                next[j] = last ? z : hidden == Activation.TANH ? Math.tanh(z) : Math.max(0, z);
            }
            h = next;
        }
        return h;
    }

    /** The smallest |pre-activation| of the hidden ReLU units at x: how far the network is from a kink. */
    private static double nearestKink(int[] sizes, double[] parameters, double[] x) {
        double nearest = Double.POSITIVE_INFINITY;
        double[] h = x;
        int p = 0;
        for (int k = 1; k < sizes.length - 1; k++) {
            double[] next = new double[sizes[k]];
            for (int j = 0; j < sizes[k]; j++) {
                double z = 0;
                for (int i = 0; i < sizes[k - 1]; i++) {
                    z += parameters[p++] * h[i];
                }
                z += parameters[p++];
                nearest = Math.min(nearest, Math.abs(z));
                next[j] = Math.max(0, z);
            }
            h = next;
        }
        return nearest;
    }

    private static List<Value> leaves(double[] point) {
        List<Value> x = new ArrayList<>();
        for (double p : point) {
            x.add(new Value(p));
        }
        return x;
    }

    private static double[] grads(List<Value> values) {
        double[] g = new double[values.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = values.get(i).grad();
        }
        return g;
    }

    /** A random permutation of 0 .. n-1. */
    private static int[] permutation(TestRandom random, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = perm[i];
            perm[i] = perm[j];
            perm[j] = swap;
        }
        return perm;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
