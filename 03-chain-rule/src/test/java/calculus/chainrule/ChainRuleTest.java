package calculus.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

/** Task 3.1: the derivative of a composition, (f ∘ g)′(x) = f′(g(x)) g′(x). */
class ChainRuleTest {

    /**
     * The composition's derivative is one product of two exact derivatives, so it matches the closed form to a few
     * units in the last place; 1e-12 relative leaves room for the few roundings of the table's functions.
     */
    private static final double EXACT = 1e-12;
    /** Random compositions per test: enough that the outer and inner derivatives take many different values. */
    private static final int TRIALS = 40;

    /** The small functions of the worked examples, with their derivatives. */
    private static final Map<String, Differentiable> FUNCTIONS = Map.of(
        "sin", Differentiable.of(Math::sin, Math::cos),
        "exp", Differentiable.of(Math::exp, Math::exp),
        "log", Differentiable.of(Math::log, x -> 1 / x),
        "x^2", Differentiable.of(x -> x * x, x -> 2 * x),
        "x^3", Differentiable.of(x -> x * x * x, x -> 3 * x * x),
        "3x", Differentiable.of(x -> 3 * x, x -> 3),
        "1 + x^2", Differentiable.of(x -> 1 + x * x, x -> 2 * x));

    @ParameterizedTest(name = "({0}) o ({1}) at x = {2}")
    @CsvSource({
        // outer, inner,   x,   f(g(x)),            (f o g)'(x) = f'(g(x)) g'(x)
        "sin,   x^2,     1.5, 0.7780731968879212, -1.8845208681682175",  // cos(2.25) * 3
        "exp,   3x,      0.5, 4.4816890703380645, 13.445067211014194",   // e^1.5 * 3
        "log,   1 + x^2, 2.0, 1.6094379124341003, 0.8",                  // (1/5) * 4
        "x^3,   sin,     1.0, 0.5958232365909556, 1.147721101851439",    // 3 sin^2(1) * cos(1)
    })
    @Graded(task = "3.1", points = 4)
    @DisplayName("3.1 Worked examples: sin(x^2), exp(3x), log(1 + x^2), sin(x)^3")
    void workedExamples(String outer, String inner, double x, double value, double derivative) {
        Differentiable f = FUNCTIONS.get(outer);
        Differentiable g = FUNCTIONS.get(inner);
        Differentiable h = ChainRule.compose(f, g);
        String what = "ChainRule.compose(" + outer + ", " + inner + ")";
        double receivedValue = h.value(x);
        assertThat(receivedValue)
            .withFailMessage(Explain.that(what + ".value(x)").input("x", x).expected(value).received(receivedValue)
                .withinRelative(EXACT)
                .matched(Mistakes.hint(value, receivedValue,
                    "inner and outer are swapped: " + inner + "(" + outer + "(x))", g.value(f.value(x)))))
            .isCloseTo(value, within(EXACT * Math.abs(value)));
        double receivedDerivative = h.derivative(x);
        assertThat(receivedDerivative)
            .withFailMessage(Explain.that(what + ".derivative(x)").input("x", x).expected(derivative)
                .received(receivedDerivative).withinRelative(EXACT)
                .matched(outerDerivativeHint(f, g, x, derivative, receivedDerivative)))
            .isCloseTo(derivative, within(EXACT * Math.abs(derivative)));
    }

    @Test
    @Graded(task = "3.1", points = 5)
    @DisplayName("3.1 Random smooth compositions: the value is f(g(x)) and the derivative f'(g(x)) g'(x)")
    void randomCompositions(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Function1D f = Functions1D.random(random);
            // 1.5 tanh(...) keeps g(x) inside [-2, 2], where a random f varies on the scale 1
            Function1D g = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            Function1D exact = f.of(g);
            Differentiable h = ChainRule.compose(asDifferentiable(f), asDifferentiable(g));
            String input = "f(x) = " + f + ", g(x) = " + g + ", x = " + x;

            double value = exact.applyAsDouble(x);
            double receivedValue = h.value(x);
            assertThat(receivedValue)
                .withFailMessage(Explain.that("ChainRule.compose(f, g).value(x)").input(input).expected(value)
                    .received(receivedValue).withinRelative(EXACT)
                    .matched(Mistakes.hint(value, receivedValue,
                        "inner and outer are swapped, g(f(x))", g.applyAsDouble(f.applyAsDouble(x)),
                        "only g is applied", g.applyAsDouble(x), "only f is applied", f.applyAsDouble(x))))
                .isCloseTo(value, within(EXACT * Math.max(1, Math.abs(value))));

            double derivative = exact.derivative(x);
            double receivedDerivative = h.derivative(x);
            assertThat(receivedDerivative)
                .withFailMessage(Explain.that("ChainRule.compose(f, g).derivative(x)").input(input)
                    .expected(derivative).received(receivedDerivative).withinRelative(EXACT)
                    .matched(outerDerivativeHint(asDifferentiable(f), asDifferentiable(g), x, derivative,
                        receivedDerivative)))
                .isCloseTo(derivative, within(EXACT * Math.max(1, Math.abs(derivative))));
        }
    }

    @Test
    @Graded(task = "3.1", points = 3)
    @DisplayName("3.1 Composition is associative: (f o g) o h and f o (g o h) have the same derivative")
    void compositionIsAssociative(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            Function1D f = Functions1D.random(random);
            Function1D g = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
            Function1D h = Functions1D.tanh().of(Functions1D.random(random)).times(1.5);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            Differentiable left = ChainRule.compose(
                ChainRule.compose(asDifferentiable(f), asDifferentiable(g)), asDifferentiable(h));
            Differentiable right = ChainRule.compose(
                asDifferentiable(f), ChainRule.compose(asDifferentiable(g), asDifferentiable(h)));
            // three factors f'(g(h(x))) g'(h(x)) h'(x), whichever way they are grouped
            double expected = f.of(g).of(h).derivative(x);
            String input = "f(x) = " + f + ", g(x) = " + g + ", h(x) = " + h + ", x = " + x;
            for (Differentiable grouped : new Differentiable[] {left, right}) {
                String what = grouped == left ? "compose(compose(f, g), h)" : "compose(f, compose(g, h))";
                double received = grouped.derivative(x);
                assertThat(received)
                    .withFailMessage(Explain.that(what + ".derivative(x)").input(input).expected(expected)
                        .received(received).withinRelative(EXACT)
                        .hint("a composition is a Differentiable like any other: its derivative(x) must use the "
                            + "inner function's value and derivative at x, whatever the inner function is"))
                    .isCloseTo(expected, within(EXACT * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    @Graded(task = "3.1", points = 3)
    @DisplayName("3.1 A missing outer or inner function is refused with a message naming it")
    void nullFunctionsAreRefused() {
        Differentiable sin = FUNCTIONS.get("sin");
        Expect.throwsIllegalArgument(() -> ChainRule.compose(null, sin),
            "ChainRule.compose(null, sin) must refuse the missing outer function at once")
            .hasMessageContaining("outer");
        Expect.throwsIllegalArgument(() -> ChainRule.compose(sin, null),
            "ChainRule.compose(sin, null) must refuse the missing inner function at once")
            .hasMessageContaining("inner");
    }

    /** The usual ways to get (f o g)' wrong, as a hint. */
    private static String outerDerivativeHint(Differentiable f, Differentiable g, double x, double expected,
                                              double received) {
        double u = g.value(x);
        return Mistakes.hint(expected, received,
            "the outer derivative is taken at x instead of at g(x): f'(x) g'(x)", f.derivative(x) * g.derivative(x),
            "the inner derivative is missing: f'(g(x)) without the factor g'(x)", f.derivative(u),
            "only the inner derivative is there: g'(x)", g.derivative(x),
            "the roles are swapped: g'(f(x)) f'(x)", g.derivative(f.value(x)) * f.derivative(x),
            "the two derivatives are added instead of multiplied", f.derivative(u) + g.derivative(x));
    }

    private static Differentiable asDifferentiable(Function1D f) {
        return Differentiable.of(f, f::derivative);
    }
}
