package calculus.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

/** Task 3.2: a chain of n functions, differentiated in one forward pass. */
class ChainTest {

    /** A product of a few exact slopes: a few units in the last place per factor. */
    private static final double EXACT = 1e-12;
    /**
     * The five-point stencil on the long chain v ↦ v + s<sub>k</sub> tanh v, a near-identity with tiny higher
     * derivatives: truncation below 10<sup>−12</sup>, round-off of the 100 000 steps about 10<sup>−11</sup>
     * relative, so 10<sup>−7</sup>. (On a short chain of strongly curved functions the stencil itself can be off by
     * 10<sup>−6</sup>; there the test compares with the exact derivative instead.)
     */
    private static final double STENCIL = 1e-7;
    /** The length of the long chain: deep enough that a recursive solution overflows the stack. */
    private static final int LONG = 100_000;
    /**
     * The long affine chain's exact derivative is a product of 100 000 factors, each rounded once: a relative error
     * of at most about 100 000 ε ≈ 2·10<sup>−11</sup> (a random walk, in practice far less), so 10<sup>−9</sup>.
     */
    private static final double LONG_PRODUCT = 1e-9;

    private static final Differentiable SQUARE = Differentiable.of(x -> x * x, x -> 2 * x);
    private static final Differentiable SIN = Differentiable.of(Math::sin, Math::cos);
    private static final Differentiable EXP = Differentiable.of(Math::exp, Math::exp);
    private static final Differentiable TRIPLE = Differentiable.of(x -> 3 * x, x -> 3);
    private static final Differentiable TANH = Differentiable.of(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x));

    @Test
    @Graded(task = "3.2", points = 3)
    @DisplayName("3.2 Worked examples: exp(sin(x^2)), tanh(3x)^2, and the empty chain is the identity")
    void workedExamples() {
        // x^2 first, then sin, then exp: exp(sin(0.25)), slope exp(sin(0.25)) * cos(0.25) * 2 * 0.5
        expectChain("[x^2, sin, exp]", List.of(SQUARE, SIN, EXP), 0.5, 1.2806963574441748, 1.240882609167237);
        // 3x, then tanh, then square: tanh(0.6)^2, slope 2 tanh(0.6) * (1 - tanh(0.6)^2) * 3
        expectChain("[3x, tanh, x^2]", List.of(TRIPLE, TANH, SQUARE), 0.2, 0.2884222374127772, 2.2929151756973924);
        // no function at all: the identity, whose slope is the empty product 1
        expectChain("[]", List.of(), 0.7, 0.7, 1.0);
        // the chain keeps its own copy of the list: what the caller does to the list later changes nothing
        List<Differentiable> list = new ArrayList<>(List.of(SQUARE, SIN));
        Chain chain = Chain.of(list);
        list.add(EXP);
        assertThat(chain.length())
            .as("Chain.of([x^2, sin]).length() after the caller added exp to its list: the chain must keep a copy")
            .isEqualTo(2);
        assertThat(chain.value(0.5))
            .as("Chain.of([x^2, sin]).value(0.5) = sin(0.25), after the caller added exp to its list: the chain "
                + "must keep a copy")
            .isCloseTo(Math.sin(0.25), within(EXACT));
    }

    @Test
    @Graded(task = "3.2", points = 4)
    @DisplayName("3.2 Random chains of 1 to 12 smooth functions: the value and the exact product of slopes")
    void randomChains(TestRandom random) {
        for (int trial = 0; trial < 30; trial++) {
            int n = random.between(1, 12);
            List<Function1D> functions = new ArrayList<>();
            List<Differentiable> links = new ArrayList<>();
            Function1D exact = Functions1D.x();
            for (int k = 0; k < n; k++) {
                // 1.5 tanh(...) keeps every intermediate value in [-1.5, 1.5], where the next function is tame
                Function1D f = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
                functions.add(f);
                links.add(Differentiable.of(f, f::derivative));
                exact = f.of(exact);
            }
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            Chain chain = Chain.of(links);
            String input = "the chain " + functions + " (applied left to right), x = " + x;

            double value = exact.applyAsDouble(x);
            double receivedValue = chain.value(x);
            assertThat(receivedValue)
                .withFailMessage(Explain.that("Chain.value(x)").input(input).expected(value).received(receivedValue)
                    .withinRelative(EXACT)
                    .matched(Mistakes.hint(value, receivedValue, "the functions are applied in reverse order (the "
                        + "list starts with the innermost function, applied first)", reversed(functions, x))))
                .isCloseTo(value, within(EXACT * Math.max(1, Math.abs(value))));

            // exact: the random functions carry their Taylor series through every composition (Functions1D)
            double derivative = exact.derivative(x);
            double receivedDerivative = chain.derivative(x);
            assertThat(receivedDerivative)
                .withFailMessage(Explain.that("Chain.derivative(x)").input(input).expected(derivative)
                    .received(receivedDerivative).withinRelative(EXACT)
                    .matched(Mistakes.hint(derivative, receivedDerivative,
                        "every slope is taken at x instead of at the value entering its function",
                        slopesAtX(functions, x),
                        "each slope is taken at the value leaving its function (v updated before the slope)",
                        slopesAfterUpdate(functions, x),
                        "only the last function's slope is kept (= instead of *=)",
                        lastSlopeOnly(functions, x))))
                .isCloseTo(derivative, within(EXACT * Math.max(1, Math.abs(derivative))));
        }
    }

    @Test
    @Graded(task = "3.2", points = 5)
    @DisplayName("3.2 A chain of 100 000 functions: no stack overflow, and the product of 100 000 slopes is right")
    void aVeryLongChain(TestRandom random) {
        // affine links v -> a_k v + c_k: the chain's slope is exactly the product of the a_k
        List<Differentiable> affine = new ArrayList<>(LONG);
        double exactSlope = 1;
        double logSlope = 0;
        for (int k = 0; k < LONG; k++) {
            // a_k = e^(e_k) with |e_k| <= 0.01: the product stays within e^(+-5) or so, never under- or overflows
            double e = random.uniform(-0.01, 0.01);
            double a = Math.exp(e);
            double c = random.uniform(-1e-3, 1e-3);
            affine.add(Differentiable.of(v -> a * v + c, v -> a));
            exactSlope *= a;
            logSlope += e;
        }
        double x = random.uniform(-1, 1);
        double received = Chain.of(affine).derivative(x);
        assertThat(received)
            .withFailMessage(Explain.that("Chain.of(100 000 affine functions a_k v + c_k).derivative(x)")
                .input("x", x).expected(exactSlope).received(received).withinRelative(LONG_PRODUCT)
                .detail("log of the slope", "sum of log a_k = " + logSlope)
                .hint("the slope of a chain of affine functions is the product of all their slopes a_k"))
            .isCloseTo(exactSlope, within(LONG_PRODUCT * exactSlope));

        // nonlinear links v -> v + s_k tanh(v): the slope is checked against central differences of the value
        List<Differentiable> bent = new ArrayList<>(LONG);
        double[] s = random.vector(LONG, -1e-4, 1e-4);
        for (int k = 0; k < LONG; k++) {
            double sk = s[k];
            bent.add(Differentiable.of(v -> v + sk * Math.tanh(v), v -> 1 + sk * (1 - Math.tanh(v) * Math.tanh(v))));
        }
        double y = random.uniform(-1, 1);
        // the oracle's own loop, not the student's value(x): the stencil must not inherit a mistake in value
        double stencil = FiniteDifferences.derivative(v -> {
            double w = v;
            for (double sk : s) {
                w = w + sk * Math.tanh(w);
            }
            return w;
        }, y);
        double receivedBent = Chain.of(bent).derivative(y);
        assertThat(Explain.relativeError(receivedBent, stencil, 1.0))
            .withFailMessage(Explain.that("Chain.of(100 000 functions v + s_k tanh(v)).derivative(x)").input("x", y)
                .expected(stencil).received(receivedBent).withinRelative(STENCIL)
                .hint("expected is a five-point central difference of the whole chain"))
            .isLessThanOrEqualTo(STENCIL);
    }

    @Test
    @Graded(task = "3.2", points = 3)
    @DisplayName("3.2 One forward pass: derivative(x) evaluates each function once and each derivative once")
    void onePass(TestRandom random) {
        int n = 50;
        int[] values = new int[n];
        int[] derivatives = new int[n];
        List<Differentiable> counted = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int index = k;
            double a = random.uniform(0.5, 1.5);
            counted.add(Differentiable.of(v -> {
                values[index]++;
                return Math.sin(a * v);
            }, v -> {
                derivatives[index]++;
                return a * Math.cos(a * v);
            }));
        }
        Chain chain = Chain.of(counted);
        Arrays.fill(values, 0);
        Arrays.fill(derivatives, 0);
        chain.derivative(random.uniform(-1, 1));
        for (int k = 0; k < n; k++) {
            assertThat(derivatives[k])
                .as("Chain.derivative(x) called f_%d.derivative %d times (function values: %s). One forward pass "
                    + "calls each derivative exactly once, at the value entering that function.",
                    k, derivatives[k], Arrays.toString(values))
                .isEqualTo(1);
            assertThat(values[k])
                .as("Chain.derivative(x) evaluated f_%d %d times (all counts: %s). One forward pass carries the value"
                    + " and the slope together, so each function is evaluated at most once; recomputing the inner "
                    + "values for every link makes the work grow like n^2.", k, values[k], Arrays.toString(values))
                .isLessThanOrEqualTo(1);
        }
    }

    @Test
    @Graded(task = "3.2", points = 2)
    @DisplayName("3.2 A missing list, or a missing function in it, is refused with a message naming its index")
    void badChainsAreRefused() {
        Expect.throwsIllegalArgument(() -> Chain.of(null),
            "Chain.of(null) must be refused")
            .hasMessageContaining("functions");
        List<Differentiable> withHole = Arrays.asList(SIN, EXP, null, SQUARE);
        Expect.throwsIllegalArgument(() -> Chain.of(withHole),
            "Chain.of([sin, exp, null, x^2]) must be refused at once, naming index 2")
            .hasMessageContaining("2");
    }

    private static void expectChain(String name, List<Differentiable> functions, double x, double value,
                                    double derivative) {
        Chain chain = Chain.of(functions);
        double receivedValue = chain.value(x);
        assertThat(receivedValue)
            .withFailMessage(Explain.that("Chain.of(" + name + ").value(x)").input("x", x).expected(value)
                .received(receivedValue).withinRelative(EXACT)
                .hint("the list runs from the innermost function (applied first) to the outermost"))
            .isCloseTo(value, within(EXACT * Math.abs(value)));
        double receivedDerivative = chain.derivative(x);
        assertThat(receivedDerivative)
            .withFailMessage(Explain.that("Chain.of(" + name + ").derivative(x)").input("x", x).expected(derivative)
                .received(receivedDerivative).withinRelative(EXACT)
                .hint("start from slope 1 (dx/dx), and multiply by each function's derivative at the value that "
                    + "enters it"))
            .isCloseTo(derivative, within(EXACT * Math.abs(derivative)));
    }

    private static double reversed(List<Function1D> functions, double x) {
        double v = x;
        for (int k = functions.size() - 1; k >= 0; k--) {
            v = functions.get(k).applyAsDouble(v);
        }
        return v;
    }

    private static double slopesAtX(List<Function1D> functions, double x) {
        double slope = 1;
        for (Function1D f : functions) {
            slope *= f.derivative(x);
        }
        return slope;
    }

    private static double slopesAfterUpdate(List<Function1D> functions, double x) {
        double v = x;
        double slope = 1;
        for (Function1D f : functions) {
            v = f.applyAsDouble(v);
            slope *= f.derivative(v);
        }
        return slope;
    }

    private static double lastSlopeOnly(List<Function1D> functions, double x) {
        double v = x;
        double slope = 1;
        for (Function1D f : functions) {
            slope = f.derivative(v);
            v = f.applyAsDouble(v);
        }
        return slope;
    }
}
