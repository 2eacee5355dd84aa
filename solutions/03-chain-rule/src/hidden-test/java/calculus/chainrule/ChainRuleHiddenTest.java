package calculus.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;
import calculus.oracles.FiniteDifferences;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

/**
 * The instructors' hidden tests of module 3: the same tasks as the visible tests, with other functions (inverse
 * pairs, chains of chains, identities between operations, paths in up to 40 dimensions, graphs with 2^14 paths)
 * and other properties (slope 1 of f composed with its inverse, chains nested three deep, exact negation on a
 * reversed path).
 */
@Hidden
@DisplayName("Module 3, hidden tests")
class ChainRuleHiddenTest {

    /** A handful of exact operations: a few units in the last place, as in the visible tests. */
    private static final double EXACT = 1e-12;
    private static final int TRIALS = 30;

    // ---------------------------------------------------------------------------------------------------------
    // 3.1

    /**
     * A function and its inverse, each with its derivative, and the interval where the inverse's argument lives.
     * f(f^-1(x)) = x, so by the chain rule f'(f^-1(x)) (f^-1)'(x) = 1: the inverse function rule.
     */
    private record InversePair(String name, Differentiable f, String inverseName, Differentiable inverse,
                               double lo, double hi) {
    }

    private static final List<InversePair> INVERSES = List.of(
        new InversePair("exp", Differentiable.of(Math::exp, Math::exp),
            "log", Differentiable.of(Math::log, x -> 1 / x), 0.05, 20),
        new InversePair("sinh", Differentiable.of(Math::sinh, Math::cosh),
            "asinh", Differentiable.of(x -> Math.log(x + Math.sqrt(x * x + 1)), x -> 1 / Math.sqrt(x * x + 1)), -5, 5),
        new InversePair("tan", Differentiable.of(Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x))),
            "atan", Differentiable.of(Math::atan, x -> 1 / (1 + x * x)), -10, 10),
        new InversePair("x^3", Differentiable.of(x -> x * x * x, x -> 3 * x * x),
            "cbrt", Differentiable.of(Math::cbrt, x -> 1 / (3 * Math.cbrt(x) * Math.cbrt(x))), 0.1, 8),
        new InversePair("sigmoid", Differentiable.of(ChainRuleHiddenTest::sigmoid,
            x -> sigmoid(x) * sigmoid(-x)),
            "logit", Differentiable.of(p -> Math.log(p / (1 - p)), p -> 1 / (p * (1 - p))), 0.05, 0.95));

    @Test
    @Graded(task = "3.1", points = 2)
    @DisplayName("3.1 A function composed with its inverse has slope 1: exp(log x), tan(atan x), sigmoid(logit p)")
    void inverseFunctionsHaveSlopeOne(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            for (InversePair pair : INVERSES) {
                double x = random.uniform(pair.lo(), pair.hi());
                Differentiable h = ChainRule.compose(pair.f(), pair.inverse());
                String what = "ChainRule.compose(" + pair.name() + ", " + pair.inverseName() + ")";
                double value = h.value(x);
                assertThat(value)
                    .withFailMessage(Explain.that(what + ".value(x)").input("x", x).expected(x).received(value)
                        .withinRelative(EXACT)
                        .hint(pair.name() + " undoes " + pair.inverseName() + ": the value is x itself"))
                    .isCloseTo(x, within(EXACT * Math.max(1, Math.abs(x))));
                double slope = h.derivative(x);
                double u = pair.inverse().value(x);
                assertThat(slope)
                    .withFailMessage(Explain.that(what + ".derivative(x)").input("x", x).expected(1.0)
                        .received(slope).withinRelative(EXACT)
                        .detail("inner value", pair.inverseName() + "(x) = " + u)
                        .hint("the outer slope is taken at the inner value: " + pair.name() + "'(" + pair.inverseName()
                            + "(x)) * " + pair.inverseName() + "'(x) = 1 for a function and its inverse. "
                            + Mistakes.hint(1.0, slope,
                                "the outer derivative is taken at x instead of at the inner value",
                                pair.f().derivative(x) * pair.inverse().derivative(x),
                                "the inner derivative is missing", pair.f().derivative(u))))
                    .isCloseTo(1.0, within(EXACT));
            }
        }
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3.2

    @Test
    @Graded(task = "3.2", points = 2)
    @DisplayName("3.2 Chains nest: a chain of chains (an empty one among them) has the product of all their slopes")
    void chainsOfChains(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Function1D> functions = new ArrayList<>();
            Chain first = Chain.of(randomLinks(random, functions));
            Chain second = Chain.of(randomLinks(random, functions));
            Chain third = Chain.of(randomLinks(random, functions));
            // three levels: ((first, identity, second), third), all of them Differentiables like any other
            Chain inner = Chain.of(List.of(first, Chain.of(List.of()), second));
            Chain nested = Chain.of(List.of(inner, third));
            Function1D exact = Functions1D.x();
            for (Function1D f : functions) {
                exact = f.of(exact);
            }
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            String input = "Chain.of([Chain.of([a, Chain.of([]), b]), c]) with a, b, c chains of the functions "
                + functions + " (applied left to right), x = " + x;
            String hint = "a chain is itself a Differentiable: as a link of another chain its slope is taken at the "
                + "value entering it, and the empty chain is the identity, slope 1. The slopes of all the functions "
                + "multiply, however the chains are grouped";
            assertThat(inner.length()).as("Chain.of([a, Chain.of([]), b]).length(): three links, each a chain")
                .isEqualTo(3);
            double value = exact.applyAsDouble(x);
            double receivedValue = nested.value(x);
            assertThat(receivedValue)
                .withFailMessage(Explain.that("the nested chain's value(x)").input(input).expected(value)
                    .received(receivedValue).withinRelative(EXACT).hint(hint))
                .isCloseTo(value, within(EXACT * Math.max(1, Math.abs(value))));
            double derivative = exact.derivative(x);
            double receivedDerivative = nested.derivative(x);
            assertThat(receivedDerivative)
                .withFailMessage(Explain.that("the nested chain's derivative(x)").input(input)
                    .expected(derivative).received(receivedDerivative).withinRelative(EXACT).hint(hint))
                .isCloseTo(derivative, within(EXACT * Math.max(1, Math.abs(derivative))));
        }
    }

    /** One to four random links, bounded by 1.5 tanh(...) so that every intermediate value stays tame. */
    private static List<Differentiable> randomLinks(TestRandom random, List<Function1D> functions) {
        int n = random.between(1, 4);
        List<Differentiable> links = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Function1D f = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
            functions.add(f);
            links.add(Differentiable.of(f, f::derivative));
        }
        return links;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3.3

    /** Identities of up to eight operations, values of order 1 to 20: round-off stays near 1e-14 relative. */
    private static final double IDENTITY = 1e-11;

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Dual numbers respect identities: sin^2 + cos^2 = 1, exp(log u) = u, 2 sigma(2u) - 1 = tanh u")
    void dualNumbersRespectIdentities(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(0.2, 3);
            double da = random.sign() * random.uniform(0.5, 3);
            Dual u = Dual.of(a, da);
            Dual one = Dual.constant(1);
            Dual two = Dual.constant(2);
            double p = random.pick(List.of(0.5, 1.5, 2.5, -0.75));
            String input = "u = " + a + " with u' = " + da;

            Dual s = u.sin();
            Dual c = u.cos();
            identity("u.sin().times(u.sin()).plus(u.cos().times(u.cos()))", input, s.times(s).plus(c.times(c)),
                1.0, 0.0, "sin^2 u + cos^2 u = 1 is constant: the sine and cosine rules must cancel, "
                    + "2 sin u cos u u' - 2 cos u sin u u' = 0. Is the sign of (cos u)' = -sin(u) u' right?");
            identity("u.log().exp()", input, u.log().exp(), a, da,
                "exp undoes log: e^(ln u) = u, so the derivative is u' itself");
            identity("u.exp().log()", input, u.exp().log(), a, da,
                "log undoes exp: ln(e^u) = u, so the derivative is u' itself");
            identity("u.times(one.dividedBy(u))", input, u.times(one.dividedBy(u)), 1.0, 0.0,
                "u * (1/u) = 1 is constant: (1/u)' = -u'/u^2, and the product rule must cancel it");
            identity("u.pow(" + p + ").pow(" + (1 / p) + ")", input, u.pow(p).pow(1 / p), a, da,
                "(u^p)^(1/p) = u, so the derivative is u': the real power rule p u^(p-1) u', twice");
            identity("u.pow(-3).times(u.pow(3))", input, u.pow(-3).times(u.pow(3)), 1.0, 0.0,
                "u^-3 u^3 = 1 is constant: the integer power rule with a negative n, and the product rule");
            Dual logistic = u.times(two).sigmoid().times(two).minus(one);
            Dual tanh = u.tanh();
            identity("u.times(2).sigmoid().times(2).minus(1)", input, logistic, tanh.value(), tanh.derivative(),
                "2 sigma(2u) - 1 = tanh u, so both sides must have the same derivative, (1 - tanh^2 u) u'; "
                    + "sigma' = sigma (1 - sigma), tanh' = 1 - tanh^2");
        }
    }

    private static void identity(String what, String input, Dual received, double value, double derivative,
                                 String hint) {
        assertThat(received.value())
            .withFailMessage(Explain.that(what + ".value()").input(input).expected(value).received(received.value())
                .withinRelative(IDENTITY).hint(hint))
            .isCloseTo(value, within(IDENTITY * Math.max(1, Math.abs(value))));
        assertThat(received.derivative())
            .withFailMessage(Explain.that(what + ".derivative()").input(input).expected(derivative)
                .received(received.derivative()).withinRelative(IDENTITY).hint(hint))
            .isCloseTo(derivative, within(IDENTITY * Math.max(1, Math.abs(derivative))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3.4

    /**
     * dz/dt is a sum of n products; summed in another order it may differ by about n eps sum |p_i v_i|, so the
     * tolerance is 1e-12 of that sum. Going the other way along the same line at t = 0 negates every velocity, and
     * negation is exact, so that answer must be exactly minus the first.
     */
    private static final double SUM = 1e-12;

    @Test
    @Graded(task = "3.4", points = 2)
    @DisplayName("3.4 Along a straight line in 10 to 40 dimensions dz/dt is grad f . v, and reversing v negates it")
    void directionalDerivativesInManyDimensions(TestRandom random) {
        for (int trial = 0; trial < 8; trial++) {
            int n = random.between(10, 40);
            Fields.Field f = Fields.random(random, n);
            double[] p = random.vector(n, -0.3, 0.3);
            double[] v = random.unitVector(n);
            double t = random.uniform(-0.5, 0.5);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = p[i] + t * v[i];
            }
            double[] partials = f.gradient(x);
            double expected = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                expected += partials[i] * v[i];
                size += Math.abs(partials[i] * v[i]);
            }
            double tolerance = SUM * Math.max(1, size);
            String input = "f = " + f + " in " + n + " variables, the line x(t) = p + t v with p = "
                + Arrays.toString(p) + ", v = " + Arrays.toString(v) + ", t = " + t;
            double received = TotalDerivative.derivative(f::gradient, line(p, v), t);
            assertThat(received)
                .withFailMessage(Explain.that("TotalDerivative.derivative(grad f, p + t v, t)").input(input)
                    .expected(expected).received(received).within(tolerance)
                    .hint("on a straight line x_i'(t) = v_i, so dz/dt = sum_i df/dx_i(x(t)) v_i, every one of the "
                        + n + " routes counted once"))
                .isCloseTo(expected, within(tolerance));
            double forward = TotalDerivative.derivative(f::gradient, line(p, v), 0.0);
            double[] minusV = new double[n];
            for (int i = 0; i < n; i++) {
                minusV[i] = -v[i];
            }
            double backward = TotalDerivative.derivative(f::gradient, line(p, minusV), 0.0);
            assertThat(backward)
                .withFailMessage(Explain.that("TotalDerivative.derivative(grad f, p - t v, 0)").input(input)
                    .expected(-forward).received(backward).within(tolerance)
                    .hint("the same point, p, with every velocity negated: z changes as fast, the other way"))
                .isCloseTo(-forward, within(tolerance));
        }
    }

    private static List<Differentiable> line(double[] p, double[] v) {
        List<Differentiable> path = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            double start = p[i];
            double velocity = v[i];
            path.add(Differentiable.of(s -> start + s * velocity, s -> velocity));
        }
        return path;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3.5

    /**
     * 14 levels of two routes each: 2^14 = 16 384 paths from the top down to the input. A recursion without memory
     * follows every one of them, and still takes only some 20 ms.
     */
    private static final int LEVELS = 14;
    /**
     * The two routes of a level add up to sigma'(z) (w_k + 2 (n_k - c_k)); where they nearly cancel, summing them
     * loses digits, so w_k is redrawn until |w_k + 2 (n_k - c_k)| >= 0.25 (the sum is then at most
     * (1.5 + 3) / 0.25 = 18 times smaller than its terms). The product of 14 such factors, each a few roundings:
     * 1e-12 relative.
     */
    private static final double ROUTES_AT_LEAST = 0.25;
    private static final double PRODUCT = 1e-12;

    @Test
    @Hidden(showMessage = false)
    @Graded(task = "3.5", points = 3)
    @DisplayName("3.5 A deep graph with two routes per level: 2^14 paths, summed for the input and for a weight")
    void deepGraphWithManyPaths(TestRandom random) {
        for (int trial = 0; trial < 5; trial++) {
            double x0 = random.uniform(-1, 1);
            double[] w = new double[LEVELS];
            double[] c = random.vector(LEVELS, -0.5, 0.5);
            double[] values = new double[LEVELS];
            double[] sigmaSlopes = new double[LEVELS];
            Node input = Node.input("x", x0);
            Node[] weights = new Node[LEVELS];
            Node node = input;
            // level k: n' = sigma(w_k n + (n - c_k)^2): n reaches n' along two routes, through the product and
            // through the square, so dn'/dn = sigma'(z) (w_k + 2 (n - c_k))
            for (int k = 0; k < LEVELS; k++) {
                values[k] = node.value();
                do {
                    w[k] = random.uniform(-1.5, 1.5);
                } while (Math.abs(routes(w, c, values, k)) < ROUTES_AT_LEAST);
                weights[k] = Node.input("w" + k, w[k]);
                Node square = Node.square(Node.subtract(node, Node.input("c" + k, c[k])));
                Node next = Node.sigmoid(Node.add(Node.multiply(weights[k], node), square));
                sigmaSlopes[k] = next.value() * (1 - next.value());
                node = next;
            }
            Node top = node;
            double slope = 1;
            for (int k = 0; k < LEVELS; k++) {
                slope *= sigmaSlopes[k] * routes(w, c, values, k);
            }
            // d top / d w_j: into level j through w_j n_j (dz/dw_j = n_j), then both routes of every level above
            int j = random.nextInt(LEVELS);
            double weightSlope = sigmaSlopes[j] * values[j];
            for (int k = j + 1; k < LEVELS; k++) {
                weightSlope *= sigmaSlopes[k] * routes(w, c, values, k);
            }
            double stencil = FiniteDifferences.derivative(t -> deepGraph(t, w, c), x0);
            String graph = "the graph n_0 = x = " + x0 + ", n_(k+1) = sigmoid(w_k n_k + (n_k - c_k)^2), k < "
                + LEVELS + ", with w = " + Arrays.toString(w) + ", c = " + Arrays.toString(c);

            double received = Paths.derivative(top, input);
            assertThat(received)
                .withFailMessage(Explain.that("Paths.derivative(top, x)").input(graph).expected(slope)
                    .received(received).withinRelative(PRODUCT)
                    .detail("central differences", Double.toString(stencil))
                    .hint("each level adds two routes, through w_k n_k and through (n_k - c_k)^2: both count, at "
                        + "every level, so 2^" + LEVELS + " paths in all"))
                .isCloseTo(slope, within(PRODUCT * Math.abs(slope)));

            double receivedWeight = Paths.derivative(top, weights[j]);
            assertThat(receivedWeight)
                .withFailMessage(Explain.that("Paths.derivative(top, w" + j + ")").input(graph)
                    .expected(weightSlope).received(receivedWeight).withinRelative(PRODUCT)
                    .hint("w_" + j + " is used once, at level " + j + "; above it every level has two routes"))
                .isCloseTo(weightSlope, within(PRODUCT * Math.abs(weightSlope)));
            double unrelated = Paths.derivative(top, Node.input("x", x0));
            assertThat(unrelated)
                .withFailMessage(Explain.that("Paths.derivative(top, another node named x with the same value)")
                    .input(graph).expected(0.0).received(unrelated)
                    .hint("nodes are compared by identity (==): no path leads to a node the graph does not use"))
                .isEqualTo(0.0);
        }
    }

    /** The two routes through level k together: w_k + 2 (n_k - c_k). */
    private static double routes(double[] w, double[] c, double[] values, int k) {
        return w[k] + 2 * (values[k] - c[k]);
    }

    /** The test's own double computation of the deep graph, for central differences. */
    private static double deepGraph(double x, double[] w, double[] c) {
        DoubleUnaryOperator sigma = ChainRuleHiddenTest::sigmoid;
        double n = x;
        for (int k = 0; k < w.length; k++) {
            n = sigma.applyAsDouble(w[k] * n + (n - c[k]) * (n - c[k]));
        }
        return n;
    }
}
