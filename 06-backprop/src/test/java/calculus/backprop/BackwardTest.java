package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import calculus.oracles.Entries;
import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Expressions;
import calculus.oracles.Expressions.Expression;
import calculus.oracles.Expressions.Operation;
import calculus.oracles.FiniteDifferences;

/** Task 6.2: backward() walks the graph once in reverse topological order and accumulates over every path. */
@DisplayName("Task 6.2: backward, the reverse sweep")
class BackwardTest {

    // the worked examples use small integers and tanh(0): every gradient is exact in binary
    private static final double EXAMPLE_TOLERANCE = 1e-15;

    // backprop and Hipparchus' derivative structures compute the same derivative exactly, in two orders of
    // rounding: on trees of at most a few dozen operations with values below 10 they agree to about 1e-14
    private static final double EXACT_TOLERANCE = 1e-10;

    // the five-point stencil of FiniteDifferences on smooth graphs whose values stay below e: its error is about
    // 1e-12 relative, so 1e-8 separates a right gradient from any wrong one
    private static final double STENCIL_TOLERANCE = 1e-8;
    // the oracles' errors are absolute (about 1e-12 for the stencil, a few ulps of the intermediate values for the
    // exact gradient): below a gradient of 1e-2 a relative error would ask for more than they can give
    private static final double GRADIENT_FLOOR = 1e-2;

    // backward twice adds the same terms again to each leaf, in the same order: equal to 2 g up to a few roundings
    private static final double REPEAT_TOLERANCE = 1e-12;

    // a chain of a million steps: the product of the factors, computed in the other order, differs by about
    // 1e6 roundings, 1e-10 relative
    private static final double CHAIN_TOLERANCE = 1e-8;
    private static final int CHAIN_LENGTH = 1_000_000;

    private static final String ACCUMULATE = "a node used more than once gets one contribution per use: "
        + "grad += local * child.grad, never grad = ...";

    @Test
    @Graded(task = "6.2", points = 3)
    @DisplayName("6.2 Worked examples: f = (x + y) z and a tanh neuron, every gradient by hand")
    void workedExamples() {
        // f = (x + y) z at x = 2, y = -3, z = 4: q = -1, f = -4; df/dz = q = -1, df/dq = z = 4 = df/dx = df/dy
        Value x = new Value(2);
        Value y = new Value(-3);
        Value z = new Value(4);
        Value q = x.add(y);
        Value f = q.mul(z);
        f.backward();
        String input = "f = (x + y) * z at x = 2, y = -3, z = 4";
        expectGrad("f.grad()", input, 1, f, "backward starts from df/df = 1");
        expectGrad("q.grad() for q = x + y", input, 4, q, "df/dq = z: the product rule");
        expectGrad("z.grad()", input, -1, z, "df/dz = q = x + y");
        expectGrad("x.grad()", input, 4, x, "df/dx = df/dq * dq/dx = 4 * 1: the chain rule");
        expectGrad("y.grad()", input, 4, y, "df/dy = df/dq * dq/dy = 4 * 1");

        // o = tanh(w1 x1 + w2 x2 + b) with x1 = 2, w1 = 0.5, x2 = -1, w2 = 3, b = 2: n = 0, o = 0, do/dn = 1
        Value x1 = new Value(2);
        Value w1 = new Value(0.5);
        Value x2 = new Value(-1);
        Value w2 = new Value(3);
        Value b = new Value(2);
        Value n = x1.mul(w1).add(x2.mul(w2)).add(b);
        Value o = n.tanh();
        o.backward();
        String neuron = "o = tanh(x1 w1 + x2 w2 + b), x1 = 2, w1 = 0.5, x2 = -1, w2 = 3, b = 2";
        expectGrad("n.grad() for n = x1 w1 + x2 w2 + b", neuron, 1, n, "do/dn = 1 - tanh(0)^2 = 1");
        expectGrad("w1.grad()", neuron, 2, w1, "do/dw1 = do/dn * x1");
        expectGrad("x1.grad()", neuron, 0.5, x1, "do/dx1 = do/dn * w1");
        expectGrad("w2.grad()", neuron, -1, w2, "do/dw2 = do/dn * x2");
        expectGrad("x2.grad()", neuron, 3, x2, "do/dx2 = do/dn * w2");
        expectGrad("b.grad()", neuron, 1, b, "do/db = do/dn");
    }

    @Test
    @Graded(task = "6.2", points = 4)
    @DisplayName("6.2 A node used several times collects the gradient of every use (+=, not =)")
    void reusedNodesAccumulate(TestRandom random) {
        // L = d * d with d = a b + a: a and d are both used twice. dL/da = 2a(b + 1)^2, dL/db = 2a^2(b + 1)
        Value a = new Value(3);
        Value b = new Value(-2);
        Value d = a.mul(b).add(a);
        Value loss = d.mul(d);
        loss.backward();
        String input = "L = d * d with d = a * b + a, a = 3, b = -2";
        expectGrad("d.grad()", input, -6, d, "dL/dd = 2d = -6: d is used twice in d * d. " + ACCUMULATE);
        expectGrad("a.grad()", input, 6, a, "dL/da = dL/dd (b + 1) = -6 * (-1) = 6, a sum of two uses of a. "
            + ACCUMULATE);
        expectGrad("b.grad()", input, -18, b, "dL/db = dL/dd * a = -18");

        for (int i = 0; i < 20; i++) {
            double s = random.uniform(-2, 2);
            double c = random.uniform(-2, 2);
            // x * x + x: dx = 2x + 1
            Value x = new Value(s);
            x.mul(x).add(x).backward();
            expectGrad("x.grad() for x * x + x", "x = " + s, 2 * s + 1, x, ACCUMULATE);
            // a diamond: p = c x and q = tanh(x) both use x, then p * q
            Value v = new Value(s);
            v.mul(c).mul(v.tanh()).backward();
            double t = Math.tanh(s);
            expectGrad("x.grad() for (c x) * tanh(x)", "x = " + s + ", c = " + c, c * t + c * s * (1 - t * t), v,
                "x reaches the output along two paths, through c x and through tanh(x): the two add up. "
                    + ACCUMULATE);
            // x + x + ... + x, k times: dx = k
            int k = random.between(3, 12);
            Value u = new Value(s);
            Value sum = u;
            for (int j = 1; j < k; j++) {
                sum = sum.add(u);
            }
            sum.backward();
            expectGrad("x.grad() for x + x + ... + x (" + k + " terms)", "x = " + s, k, u, ACCUMULATE);
        }
    }

    @Test
    @Graded(task = "6.2", points = 3)
    @DisplayName("6.2 topologicalOrder lists every node once, each after its parents, on random graphs")
    void topologicalOrder(TestRandom random) {
        for (int trial = 0; trial < 30; trial++) {
            Graphs.RandomGraph graph = new Graphs.RandomGraph(random, random.between(1, 4), random.between(1, 60));
            List<Value> leaves = leaves(random, graph.inputs());
            Value out = graph.build(leaves);
            int expectedSize = Graphs.countNodes(out);
            List<Value> order = out.topologicalOrder();
            String call = "out.topologicalOrder()";
            String input = "a random graph of " + expectedSize + " distinct nodes";
            assertThat(order).withFailMessage(Explain.that(call).input(input).expected(expectedSize + " nodes")
                .received(order.size() + " nodes").hint("every node of the graph exactly once: a node reached "
                    + "along two paths must not be listed twice (keep a set of visited nodes, by identity)"))
                .hasSize(expectedSize);
            Map<Value, Integer> position = new IdentityHashMap<>();
            for (int k = 0; k < order.size(); k++) {
                position.put(order.get(k), k);
            }
            assertThat(position).withFailMessage(Explain.that(call).input(input).expected(expectedSize
                + " distinct nodes").received(position.size() + " distinct nodes")
                .hint("a node appears twice: mark it visited the first time you reach it")).hasSize(expectedSize);
            assertThat(order.get(order.size() - 1)).withFailMessage(Explain.that(call).input(input)
                .expected("the output node last").received(order.get(order.size() - 1))
                .hint("inputs first, the node topologicalOrder() was called on last")).isSameAs(out);
            for (Value node : order) {
                for (Value parent : node.parents()) {
                    Integer p = position.get(parent);
                    assertThat(p != null && p < position.get(node)).withFailMessage(Explain.that(call)
                        .input(input).expected("every parent before its child").received("a " + node.op()
                            + " node at position " + position.get(node) + " with a parent at "
                            + (p == null ? "no position (missing)" : "position " + p))
                        .hint("add a node to the order only after all of its parents are in it (post-order)"))
                        .isTrue();
                }
            }
        }
    }

    @Test
    @Graded(task = "6.2", points = 3)
    @DisplayName("6.2 backward matches the exact gradient of random expression trees (Hipparchus)")
    void randomExpressionTrees(TestRandom random) {
        Set<Operation> ops = EnumSet.complementOf(EnumSet.of(Operation.SIN, Operation.COS));
        int checked = 0;
        for (int attempt = 0; checked < 40 && attempt < 500; attempt++) {
            int variables = random.between(1, 3);
            Expression e = Expressions.random(random, variables, random.between(1, 4), ops);
            double[] point = e.point(random);
            if (Entries.maxAbs(e.gradient(point)) < GRADIENT_FLOOR) {
                // a gradient that is nearly 0 by cancellation has no relative accuracy to speak of
                continue;
            }
            checked++;
            List<Value> x = new ArrayList<>();
            for (double p : point) {
                x.add(new Value(p));
            }
            Value out = e.evaluate(Graphs.ALGEBRA, x);
            out.backward();
            double[] received = grads(x);
            String input = "f = " + e.formula() + " at x = " + Arrays.toString(point);
            Expect.closeTo(Explain.that("f.data()").input(input), e.value(point), out.data(), EXACT_TOLERANCE);
            Expect.closeTo(Explain.that("the gradient of f: [x0.grad(), x1.grad(), ...] after f.backward()")
                .input(input).hint("a variable appearing several times in the formula is one node used "
                    + "several times: its gradient is the sum over its uses"),
                e.gradient(point), received, EXACT_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "6.2", points = 3)
    @DisplayName("6.2 backward matches central differences on random graphs that reuse their nodes")
    void randomGraphsAgainstFiniteDifferences(TestRandom random) {
        int checked = 0;
        for (int attempt = 0; checked < 25 && attempt < 500; attempt++) {
            Graphs.RandomGraph graph = new Graphs.RandomGraph(random, random.between(1, 5), random.between(5, 60));
            double[] point = random.vector(graph.inputs(), -2, 2);
            double[] expected = FiniteDifferences.gradient(graph.function(), point);
            if (Entries.maxAbs(expected) < GRADIENT_FLOOR) {
                // a nearly flat graph: its gradient is mostly round-off, and a relative error measures nothing
                continue;
            }
            checked++;
            List<Value> x = new ArrayList<>();
            for (double p : point) {
                x.add(new Value(p));
            }
            Value out = graph.build(x);
            out.backward();
            Expect.closeTo(Explain.that("the gradient of a random graph after out.backward()")
                .input("x = " + Arrays.toString(point) + ", " + Graphs.countNodes(out) + " nodes")
                .hint("interior nodes are reused here: if the gradient is too small, some contribution was "
                    + "overwritten (= instead of +=); if it is far off, check the order: a node must pass on its "
                    + "gradient only after every node that uses it has passed on theirs"),
                expected, grads(x), STENCIL_TOLERANCE);
        }
    }

    @Test
    // a million nodes built, sorted and swept: about 2 s with a hash set on a busy machine, more than the default
    // 10 s only for a visited check that scans a list
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @Graded(task = "6.2", points = 3)
    @DisplayName("6.2 A chain of 1,000,000 operations: no StackOverflowError, and the right gradient")
    void millionNodeChain(TestRandom random) {
        // y = a_n (... (a_1 x + b_1) ...) + b_n: dy/dx is the product of the a_k
        Value x = new Value(random.uniform(-1, 1));
        Value y = x;
        double expected = 1.0;
        for (int k = 0; k < CHAIN_LENGTH / 2; k++) {
            double factor = 1 + random.uniform(-1e-3, 1e-3);
            expected *= factor;
            y = y.mul(factor).add(random.uniform(-1, 1));
        }
        Value output = y;
        List<Value> order = withoutRecursion("y.topologicalOrder()", output::topologicalOrder);
        assertThat(order).withFailMessage(Explain.that("y.topologicalOrder()").input("a chain of " + CHAIN_LENGTH
            + " operations").expected((CHAIN_LENGTH + 1) + " nodes").received(order.size() + " nodes")).hasSize(
            CHAIN_LENGTH + 1);
        withoutRecursion("y.backward()", () -> {
            output.backward();
            return null;
        });
        Expect.closeTo(Explain.that("x.grad() at the start of the chain").input("y = a_n(...(a_1 x + b_1)...) + b_n, "
            + "n = " + CHAIN_LENGTH / 2).hint("dy/dx is the product of the factors a_k"), expected, x.grad(),
            CHAIN_TOLERANCE);
    }

    @Test
    @Graded(task = "6.2", points = 3)
    @DisplayName("6.2 backward twice doubles the leaves' gradients only; zeroGrad starts them afresh")
    void backwardTwiceAndZeroGrad(TestRandom random) {
        for (int trial = 0; trial < 10; trial++) {
            Graphs.RandomGraph graph = new Graphs.RandomGraph(random, random.between(1, 4), random.between(5, 40));
            List<Value> x = leaves(random, graph.inputs());
            Value out = graph.build(x);
            List<Value> interior = new ArrayList<>(out.parents());
            out.backward();
            double[] once = grads(x);
            double[] interiorOnce = grads(interior);
            out.backward();
            String input = "a random graph of " + Graphs.countNodes(out) + " nodes";
            double[] leavesTwice = grads(x);
            Explain leaves = Explain.that("the leaves' gradients after out.backward() twice").input(input);
            if (Explain.relativeError(once, leavesTwice) <= REPEAT_TOLERANCE) {
                leaves.matched("the leaves' gradients did not grow on the second call: they were reset (or set with "
                    + "= instead of +=). Leaves accumulate: each call adds its gradient to what they hold");
            } else if (Explain.relativeError(interiorOnce, grads(interior)) > REPEAT_TOLERANCE) {
                leaves.matched("the interior nodes kept the first call's gradients and the second call added to "
                    + "them, so more than the same gradient again reached the leaves: reset every interior node's "
                    + "grad to 0 before the sweep (the leaves keep theirs)");
            }
            Expect.closeTo(leaves.hint("the leaves accumulate: the second call adds the same gradient again"),
                scale(2, once), leavesTwice, REPEAT_TOLERANCE);
            Expect.closeTo(Explain.that("the output's parents' gradients after out.backward() twice").input(input)
                .hint("interior nodes are recomputed from 0 on every call, so they do not change"), interiorOnce,
                grads(interior), REPEAT_TOLERANCE);
            Expect.closeTo(Explain.that("out.grad() after out.backward() twice").input(input)
                .hint("the sweep starts from d out / d out = 1, on every call"), 1.0, out.grad(), 0.0);
            for (Value leaf : x) {
                leaf.zeroGrad();
            }
            out.backward();
            Expect.closeTo(Explain.that("the leaves' gradients after zeroGrad() and out.backward()").input(input),
                once, grads(x), REPEAT_TOLERANCE);
        }
    }

    /** Runs a call on the million-node chain, turning a stack overflow into an explanation. */
    private static <T> T withoutRecursion(String call, Supplier<T> code) {
        try {
            return code.get();
        } catch (StackOverflowError e) {
            throw new AssertionError(call + " overflowed the call stack on a chain of " + CHAIN_LENGTH + " nodes: a "
                + "recursive depth-first search nests one call per node. Keep the nodes still to visit on a stack of "
                + "your own (an ArrayDeque) and loop until it is empty.");
        }
    }

    private static void expectGrad(String what, String input, double expected, Value node, String hint) {
        Expect.closeTo(Explain.that(what).input(input).hint(hint), expected, node.grad(), EXAMPLE_TOLERANCE);
    }

    /** Fresh leaves with data in [−2, 2]. */
    private static List<Value> leaves(TestRandom random, int n) {
        List<Value> x = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x.add(new Value(random.uniform(-2, 2)));
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

    private static double[] scale(double c, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = c * v[i];
        }
        return r;
    }
}
