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
import calculus.oracles.Expressions;
import calculus.oracles.Expressions.Expression;
import calculus.oracles.FiniteDifferences;

/**
 * Task 3.3: dual numbers. One test per rule (worked examples, then random values and random derivatives of the
 * operands, so that a forgotten inner derivative u′ shows), then whole random expression trees against finite
 * differences and against Hipparchus' forward-mode derivative structures.
 */
class DualTest {

    /**
     * One rule against its closed form, computed with the same Math functions in another order: a few units in the
     * last place. 1e-12 relative (absolute below 1) is far above that and far below any wrong rule.
     */
    private static final double RULE = 1e-12;
    /**
     * A whole tree against the five-point stencil: the stencil's own error on these trees is typically 1e-13 and at
     * worst 7e-7 relative (measured over 100 000 trees), so 1e-5; a wrong rule is off by far more.
     */
    private static final double STENCIL = 1e-5;
    /**
     * A whole tree against Hipparchus: two exact forward-mode computations that differ only in rounding. The
     * reference solution agrees within 1e-14 over 20 000 trees; 1e-11 leaves room for other orderings of the same
     * formulas, and none for an approximation (a finite difference inside a Dual would be off by 1e-6 or more).
     */
    private static final double HIPPARCHUS = 1e-11;
    /** Derivatives below this size are compared absolutely: a slope of 0 has no relative error. */
    private static final double FLOOR = 1.0;
    /** Random operands per rule test. */
    private static final int TRIALS = 100;
    /** Random expression trees per tree test. */
    private static final int TREES = 150;

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Sum and difference rules: (u + v)' = u' + v' and (u - v)' = u' - v'")
    void sumAndDifference(TestRandom random) {
        // x + 5 at x = 2: 7, slope 1 (a constant adds nothing to the slope)
        expect("variable(2).plus(constant(5))", "", Dual.variable(2).plus(Dual.constant(5)), 7, 1);
        // 5 - x at x = 2: 3, slope -1
        expect("constant(5).minus(variable(2))", "", Dual.constant(5).minus(Dual.variable(2)), 3, -1);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-3, 3);
            double da = random.uniform(-3, 3);
            double b = random.uniform(-3, 3);
            double db = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            Dual v = Dual.of(b, db);
            String input = operands(u, v);
            expect("u.plus(v)", input, u.plus(v), a + b, da + db);
            expect("u.minus(v)", input, u.minus(v), a - b, da - db,
                "the derivatives are added: u' + v'", da + db,
                "the derivatives are subtracted the wrong way round: v' - u'", db - da);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Product rule: (uv)' = u'v + uv', including x times itself")
    void productRule(TestRandom random) {
        // x * x at x = 3: 9, slope 2 * 3 = 6; the same Dual used twice must count twice
        Dual x = Dual.variable(3);
        expect("x.times(x) with x = variable(3)", "", x.times(x), 9, 6,
            "only one factor's derivative is used: u'v", 3.0);
        // 2x at x = 3: 6, slope 2
        expect("constant(2).times(variable(3))", "", Dual.constant(2).times(Dual.variable(3)), 6, 2);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-3, 3);
            double da = random.uniform(-3, 3);
            double b = random.uniform(-3, 3);
            double db = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            Dual v = Dual.of(b, db);
            expect("u.times(v)", operands(u, v), u.times(v), a * b, da * b + a * db,
                "the derivatives are multiplied: u'v'", da * db,
                "the term uv' is missing: u'v", da * b,
                "the term u'v is missing: uv'", a * db,
                "each derivative is multiplied by itself: u'u + v'v", da * a + db * b);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Quotient rule: (u/v)' = (u'v - uv') / v^2")
    void quotientRule(TestRandom random) {
        // 1/x at x = 2: 0.5, slope -1/x^2 = -0.25
        expect("constant(1).dividedBy(variable(2))", "", Dual.constant(1).dividedBy(Dual.variable(2)), 0.5, -0.25);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-3, 3);
            double da = random.uniform(-3, 3);
            // |v| >= 0.5: far from the division by zero, which has a test of its own
            double b = random.sign() * random.uniform(0.5, 3);
            double db = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            Dual v = Dual.of(b, db);
            expect("u.dividedBy(v)", operands(u, v), u.dividedBy(v), a / b, (da * b - a * db) / (b * b),
                "the numerator has + where the rule has -: (u'v + uv') / v^2", (da * b + a * db) / (b * b),
                "the numerator is the wrong way round: (uv' - u'v) / v^2", (a * db - da * b) / (b * b),
                "v is not squared: (u'v - uv') / v", (da * b - a * db) / b,
                "the derivatives are divided: u' / v'", da / db,
                "v' is ignored: u' / v", da / b);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Integer powers: (u^n)' = n u^(n-1) u', with u^0 = 1 even at u = 0")
    void integerPowers(TestRandom random) {
        double[][] table = {
            // x,   n,  x^n,  n x^(n-1)
            {2.0, 3, 8.0, 12.0},
            {-1.5, 2, 2.25, -3.0},
            {2.0, -1, 0.5, -0.25},
            {0.0, 0, 1.0, 0.0},   // u^0 = 1 is a constant: slope 0, not 0 * 0^(-1) = NaN
            {0.0, 1, 0.0, 1.0},
            {0.0, 2, 0.0, 0.0},
        };
        Dual one = Dual.variable(0).pow(0);
        assertThat(one.derivative())
            .withFailMessage(Explain.that("variable(0.0).pow(0).derivative()").expected(0.0).received(one.derivative())
                .within(RULE)
                .hint("u^0 = 1 for every u: a constant, whose slope is 0. The power rule n u^(n-1) u' gives "
                    + "0 * 0^(-1) = 0 * infinity = NaN at u = 0, so n = 0 needs a case of its own"))
            .isCloseTo(0.0, within(RULE));
        for (double[] row : table) {
            int n = (int) row[1];
            expect("variable(" + row[0] + ").pow(" + n + ")", "", Dual.variable(row[0]).pow(n), row[2], row[3],
                "the exponent is not lowered: n u^n", n * Math.pow(row[0], n));
        }
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.sign() * random.uniform(0.5, 2);
            double da = random.uniform(-3, 3);
            int n = random.between(-4, 5);
            Dual u = Dual.of(a, da);
            double expected = n == 0 ? 0 : n * Math.pow(a, n - 1) * da;
            expect("u.pow(" + n + ")", operands(u), u.pow(n), Math.pow(a, n), expected,
                "the inner derivative u' is missing: n u^(n-1)", n * Math.pow(a, n - 1),
                "the exponent is not lowered: n u^n u'", n * Math.pow(a, n) * da,
                "the exponent is lowered but not brought down: u^(n-1) u'", Math.pow(a, n - 1) * da);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Real powers: (u^p)' = p u^(p-1) u', and a whole-number p works as the integer power")
    void realPowers(TestRandom random) {
        // the square root of 4: 2, slope 1/(2 sqrt 4) = 0.25
        expect("variable(4).pow(0.5)", "", Dual.variable(4).pow(0.5), 2, 0.25);
        // 2^(-1/2) = 0.7071..., slope -1/2 2^(-3/2) = -0.1767...
        expect("variable(2).pow(-0.5)", "", Dual.variable(2).pow(-0.5), 0.7071067811865476, -0.1767766952966369);
        // a whole-number exponent has no domain problem at a negative base: (-2)^3 = -8, slope 3 * 4 = 12
        expect("variable(-2).pow(3.0)", "", Dual.variable(-2).pow(3.0), -8, 12);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(0.2, 3);
            double da = random.uniform(-3, 3);
            double p = Math.round(random.uniform(-2.5, 2.5) * 100) / 100.0 + 0.005; // never a whole number
            Dual u = Dual.of(a, da);
            expect("u.pow(" + p + ")", operands(u), u.pow(p), Math.pow(a, p), p * Math.pow(a, p - 1) * da,
                "the inner derivative u' is missing: p u^(p-1)", p * Math.pow(a, p - 1),
                "the exponent is not lowered: p u^p u'", p * Math.pow(a, p) * da);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Exponential and logarithm: (e^u)' = e^u u' and (ln u)' = u'/u")
    void expAndLog(TestRandom random) {
        expect("variable(1).exp()", "", Dual.variable(1).exp(), Math.E, Math.E);
        expect("variable(e).log()", "", Dual.variable(Math.E).log(), 1, 1 / Math.E);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-3, 3);
            double da = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            expect("u.exp()", operands(u), u.exp(), Math.exp(a), Math.exp(a) * da,
                "the inner derivative u' is missing: e^u", Math.exp(a));
            double b = random.uniform(0.1, 5);
            Dual w = Dual.of(b, da);
            expect("u.log()", operands(w), w.log(), Math.log(b), da / b,
                "the inner derivative u' is missing: 1/u", 1 / b,
                "u' and u are the wrong way round: u/u'", b / da,
                "the derivative is log(u) u'", Math.log(b) * da);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Sine and cosine: (sin u)' = cos(u) u' and (cos u)' = -sin(u) u'")
    void sinAndCos(TestRandom random) {
        expect("variable(pi/3).sin()", "", Dual.variable(Math.PI / 3).sin(), Math.sqrt(3) / 2, 0.5,
            "the derivative has a minus sign, -cos(u) u': it is the cosine's derivative that has one", -0.5,
            "the derivative is sin(u) u' (the sine again), not cos(u) u'", Math.sqrt(3) / 2);
        expect("variable(pi/3).cos()", "", Dual.variable(Math.PI / 3).cos(), 0.5, -Math.sqrt(3) / 2,
            "the minus sign of (cos u)' = -sin(u) u' is missing", Math.sqrt(3) / 2);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-4, 4);
            double da = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            expect("u.sin()", operands(u), u.sin(), Math.sin(a), Math.cos(a) * da,
                "the inner derivative u' is missing: cos(u)", Math.cos(a),
                "the derivative has a minus sign: -cos(u) u'", -Math.cos(a) * da);
            expect("u.cos()", operands(u), u.cos(), Math.cos(a), -Math.sin(a) * da,
                "the inner derivative u' is missing: -sin(u)", -Math.sin(a),
                "the minus sign is missing: sin(u) u'", Math.sin(a) * da);
        }
    }

    @Test
    @Graded(task = "3.3", points = 2)
    @DisplayName("3.3 Hyperbolic tangent: (tanh u)' = (1 - tanh^2 u) u'")
    void tanhRule(TestRandom random) {
        expect("variable(0.5).tanh()", "", Dual.variable(0.5).tanh(), 0.46211715726000974, 0.7864477329659274);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-4, 4);
            double da = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            double t = Math.tanh(a);
            expect("u.tanh()", operands(u), u.tanh(), t, (1 - t * t) * da,
                "the inner derivative u' is missing: 1 - tanh^2 u", 1 - t * t,
                "tanh is not squared: (1 - tanh u) u'", (1 - t) * da,
                "u is squared instead of tanh u: (1 - u^2) u'", (1 - a * a) * da);
        }
    }

    @Test
    @Graded(task = "3.3", points = 3)
    @DisplayName("3.3 Sigmoid: sigma' = sigma (1 - sigma) u', without overflow or NaN at u = +-800")
    void sigmoidRule(TestRandom random) {
        expect("variable(0).sigmoid()", "", Dual.variable(0).sigmoid(), 0.5, 0.25);
        expect("variable(2).sigmoid()", "", Dual.variable(2).sigmoid(), 0.8807970779778823, 0.10499358540350662);
        for (int trial = 0; trial < TRIALS; trial++) {
            double a = random.uniform(-6, 6);
            double da = random.uniform(-3, 3);
            Dual u = Dual.of(a, da);
            double s = 1 / (1 + Math.exp(-a));
            expect("u.sigmoid()", operands(u), u.sigmoid(), s, s * (1 - s) * da,
                "the inner derivative u' is missing: sigma (1 - sigma)", s * (1 - s),
                "the derivative is sigma itself: sigma(u) u'", s * da);
        }
        // far out, e^(-u) or e^u overflows: sigma must still be 0 or 1 and its slope (about e^-|u|) finite
        for (double a : new double[] {-800, -40, 40, 800}) {
            Dual s = Dual.variable(a).sigmoid();
            double value = a > 0 ? 1.0 : 0.0;
            double slope = Math.exp(-Math.abs(a));
            assertThat(s.value())
                .withFailMessage(Explain.that("variable(" + a + ").sigmoid().value()").expected(value)
                    .received(s.value()).within(1e-15)
                    .hint("a NaN here is inf/inf: e^u / (1 + e^u) overflows for large u, 1 / (1 + e^(-u)) does "
                        + "not; use the first form only for u < 0"))
                .isCloseTo(value, within(1e-15));
            assertThat(s.derivative())
                .withFailMessage(Explain.that("variable(" + a + ").sigmoid().derivative()").expected(slope)
                    .received(s.derivative()).within(1e-15)
                    .hint("compute the slope from sigma itself, sigma (1 - sigma), not from e^(-u) / (1 + e^(-u))^2, "
                        + "which is inf/inf = NaN when e^(-u) overflows"))
                .isCloseTo(slope, within(1e-15));
        }
    }

    @Test
    @Graded(task = "3.3", points = 5)
    @DisplayName("3.3 Random expression trees: the dual number's derivative matches central differences")
    void treesMatchFiniteDifferences(TestRandom random) {
        for (int trial = 0; trial < TREES; trial++) {
            Expression e = Expressions.random(random, 1, random.between(1, 5));
            double x = e.point(random)[0];
            Dual result = e.evaluate(new DualAlgebra(), Dual.variable(x));
            double value = e.value(x);
            double stencil = FiniteDifferences.derivative(e::value, x);
            String input = "the tree f(x) = " + e + ", x = " + x;
            String hint = "the tree uses " + e.operations() + ": the rule tests above check each operation alone";
            assertThat(result.value())
                .withFailMessage(Explain.that("the value of the tree on Dual.variable(x)").input(input)
                    .expected(value).received(result.value()).withinRelative(RULE).hint(hint))
                .isCloseTo(value, within(RULE * Math.max(1, Math.abs(value))));
            assertThat(Explain.relativeError(result.derivative(), stencil, FLOOR))
                .withFailMessage(Explain.that("the derivative of the tree on Dual.variable(x)").input(input)
                    .expected(stencil).received(result.derivative()).withinRelative(STENCIL)
                    .detail("oracle", "five-point central difference of the tree's double values").hint(hint))
                .isLessThanOrEqualTo(STENCIL);
        }
    }

    @Test
    @Graded(task = "3.3", points = 5)
    @DisplayName("3.3 Random trees in 1 to 3 variables: one pass per seeded variable matches Hipparchus' gradient")
    void treesMatchHipparchus(TestRandom random) {
        for (int trial = 0; trial < TREES; trial++) {
            int n = random.between(1, 3);
            Expression e = Expressions.random(random, n, random.between(1, 5));
            double[] x = e.point(random);
            // Hipparchus' DerivativeStructure: every partial derivative at once, by its own rules
            double[] exact = e.gradient(x);
            double[] received = new double[n];
            for (int i = 0; i < n; i++) {
                // forward mode seeds one variable per pass: x_i is the variable, the others are constants
                List<Dual> point = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    point.add(j == i ? Dual.variable(x[j]) : Dual.constant(x[j]));
                }
                received[i] = e.evaluate(new DualAlgebra(), point).derivative();
            }
            assertThat(Explain.largestRelativeError(received, exact, FLOOR))
                .withFailMessage(Explain.that("the partial derivatives of the tree, one Dual pass per variable")
                    .input("the tree f = " + e + " at x = " + Arrays.toString(x))
                    .expected(exact).received(received).withinRelative(HIPPARCHUS)
                    .detail("oracle", "Hipparchus DerivativeStructure (order 1, " + n + " parameters)")
                    .hint("the tree uses " + e.operations() + ": the rule tests above check each operation alone"))
                .isLessThanOrEqualTo(HIPPARCHUS);
        }
    }

    @Test
    @Graded(task = "3.3", points = 2)
    @DisplayName("3.3 Domain errors throw IllegalArgumentException naming the value: log(-0.5), 0^-2, 1/0, ...")
    void domainErrors() {
        Expect.throwsIllegalArgument(() -> Dual.variable(-0.5).log(),
            "log of -0.5 is undefined: Dual.log must throw IllegalArgumentException naming -0.5")
            .hasMessageContaining("-0.5");
        Expect.throwsIllegalArgument(() -> Dual.variable(0).log(),
            "log of 0 is -infinity, with an infinite slope: Dual.log must throw IllegalArgumentException "
                + "naming the value 0.0")
            .hasMessageContaining("0.0");
        Expect.throwsIllegalArgument(() -> Dual.variable(0).pow(-2),
            "0^(-2) = 1/0: Dual.pow(int) must throw IllegalArgumentException naming n = -2")
            .hasMessageContaining("-2");
        Expect.throwsIllegalArgument(() -> Dual.variable(-2).pow(0.5),
            "(-2)^0.5 is not a real number: Dual.pow(double) must throw IllegalArgumentException naming -2.0")
            .hasMessageContaining("-2.0");
        Expect.throwsIllegalArgument(() -> Dual.variable(3).dividedBy(Dual.constant(0)),
            "3 / 0: Dual.dividedBy must throw IllegalArgumentException naming the divisor's value 0.0")
            .hasMessageContaining("0.0");
        Expect.throwsIllegalArgument(() -> Dual.variable(0).pow(0.5),
            "0^0.5: a non-integer power needs a positive base (the slope of sqrt is infinite at 0), so "
                + "Dual.pow(double) must throw IllegalArgumentException naming the value 0.0")
            .hasMessageContaining("0.0");
        Dual u = Dual.variable(1.5);
        Expect.throwsIllegalArgument(() -> u.plus(null),
            "u.plus(null): a missing operand must be refused, naming other")
            .hasMessageContaining("other");
        Expect.throwsIllegalArgument(() -> u.minus(null),
            "u.minus(null): a missing operand must be refused, naming other")
            .hasMessageContaining("other");
        Expect.throwsIllegalArgument(() -> u.times(null),
            "u.times(null): a missing operand must be refused, naming other")
            .hasMessageContaining("other");
        Expect.throwsIllegalArgument(() -> u.dividedBy(null),
            "u.dividedBy(null): a missing operand must be refused, naming other")
            .hasMessageContaining("other");
    }

    /**
     * Checks a Dual's value and derivative against the closed form, with the mistakes that would explain a wrong
     * derivative.
     */
    private static void expect(String what, String input, Dual received, double value, double derivative,
                               Object... mistakes) {
        assertThat(received.value())
            .withFailMessage(Explain.that(what + ".value()").input(input).expected(value).received(received.value())
                .withinRelative(RULE).hint("the value part is the ordinary computation, as on doubles"))
            .isCloseTo(value, within(RULE * Math.max(1, Math.abs(value))));
        assertThat(received.derivative())
            .withFailMessage(Explain.that(what + ".derivative()").input(input).expected(derivative)
                .received(received.derivative()).withinRelative(RULE)
                .matched(Mistakes.hint(derivative, received.derivative(), mistakes)))
            .isCloseTo(derivative, within(RULE * Math.max(1, Math.abs(derivative))));
    }

    private static String operands(Dual u) {
        return "u = " + u.value() + " with u' = " + u.derivative();
    }

    private static String operands(Dual u, Dual v) {
        return operands(u) + ", v = " + v.value() + " with v' = " + v.derivative();
    }
}
