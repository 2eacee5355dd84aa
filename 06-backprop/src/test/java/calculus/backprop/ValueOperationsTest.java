package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;
import calculus.oracles.FiniteDifferences;

/**
 * Task 6.1: every operation of {@link Value} computes its value and records its local derivatives. The derivatives
 * are read from what the operation recorded ({@link Value#parents()}, {@link Value#localDerivatives()}), summed
 * over paths by the test itself, so these tests need no {@code backward()}: Task 6.1 earns its points on its own.
 */
@DisplayName("Task 6.1: Value, a scalar autodiff node")
class ValueOperationsTest {

    // one operation, one rounding: the value matches the closed form to a few ulps. 1e-12 also leaves room for an
    // equivalent formula (the sigmoid as e^a / (1 + e^a), say)
    private static final double VALUE_TOLERANCE = 1e-12;

    // the oracle is the five-point stencil of FiniteDifferences on the closed form, error h^4 |f^(5)| / 30 with
    // h = 1e-3: on the ranges drawn below |f^(5)| <= 1e5 (a^-2 at a = 0.5, ln a at a = 0.2) against |f'| >= 5
    // there, so the oracle is good to 1e-9 relative and 1e-8 flags any wrong rule and no right one
    private static final double DERIVATIVE_TOLERANCE = 1e-8;

    // the worked examples are exact in binary (or one rounding away): any correct rule reproduces them
    private static final double EXAMPLE_TOLERANCE = 1e-15;

    private static final int CASES = 25;

    @ParameterizedTest(name = "{0} at a = {1}, b = {2}: value {3}, d/da {4}, d/db {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        a.add(b)     |  3   | -2 |  1                  |  1    |  1
        a.sub(b)     |  3   | -2 |  5                  |  1    | -1
        a.mul(b)     |  3   | -2 | -6                  | -2    |  3
        a.div(b)     |  3   | -2 | -1.5                | -0.5  | -0.75
        a.neg()      |  3   |  - | -3                  | -1    |  -
        a.mul(2.5)   |  4   |  - |  10                 |  2.5  |  -
        a.pow(2)     |  3   |  - |  9                  |  6    |  -
        a.pow(-1)    |  2   |  - |  0.5                | -0.25 |  -
        a.exp()      |  0   |  - |  1                  |  1    |  -
        a.log()      |  2   |  - |  0.6931471805599453 |  0.5  |  -
        a.tanh()     |  0   |  - |  0                  |  1    |  -
        a.relu()     | -2   |  - |  0                  |  0    |  -
        a.relu()     |  3   |  - |  3                  |  1    |  -
        a.relu()     |  0   |  - |  0                  |  0    |  -
        a.sigmoid()  |  0   |  - |  0.5                |  0.25 |  -
        """)
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 Worked examples: each operation's value and local derivatives at small numbers")
    void workedExamples(String call, double a, Double b, double value, double dA, Double dB) {
        Value x = new Value(a);
        Value y = b == null ? null : new Value(b);
        Value out = switch (call) {
            case "a.add(b)" -> x.add(y);
            case "a.sub(b)" -> x.sub(y);
            case "a.mul(b)" -> x.mul(y);
            case "a.div(b)" -> x.div(y);
            case "a.neg()" -> x.neg();
            case "a.mul(2.5)" -> x.mul(2.5);
            case "a.pow(2)" -> x.pow(2);
            case "a.pow(-1)" -> x.pow(-1);
            case "a.exp()" -> x.exp();
            case "a.log()" -> x.log();
            case "a.tanh()" -> x.tanh();
            case "a.relu()" -> x.relu();
            case "a.sigmoid()" -> x.sigmoid();
            default -> throw new IllegalStateException("no such example: " + call);
        };
        String input = "a = " + a + (b == null ? "" : ", b = " + b);
        Expect.closeTo(Explain.that(call + ".data()").input(input), value, out.data(), EXAMPLE_TOLERANCE);
        Explain derivative = Explain.that("d(" + call + ")/da").input(input);
        if (call.startsWith("a.pow(")) {
            double c = call.equals("a.pow(2)") ? 2 : -1;
            derivative.mistake("the exponent is not lowered: c a^c instead of c a^(c - 1)", c * Math.pow(a, c))
                .mistake("the factor c is missing: a^(c - 1) instead of c a^(c - 1)", Math.pow(a, c - 1))
                .mistake("the exponent is raised: c a^(c + 1) instead of c a^(c - 1)", c * Math.pow(a, c + 1))
                .mistake("the factor is c - 1: (c - 1) a^(c - 1) instead of c a^(c - 1)", (c - 1) * Math.pow(a, c - 1))
                .mistake("the value a^c is recorded as the local derivative", Math.pow(a, c));
        }
        if (call.equals("a.relu()") && a == 0) {
            derivative.mistake("the kink a = 0 counts as active (a >= 0 instead of a > 0): the Javadoc fixes the "
                + "derivative at 0 to be 0", 1.0);
        }
        Expect.closeTo(derivative
            .hint("the local derivative recorded for a: compare with the table of rules in the lesson"),
            dA, Graphs.pathDerivative(out, x), EXAMPLE_TOLERANCE);
        if (y != null) {
            Expect.closeTo(Explain.that("d(" + call + ")/db").input(input)
                .hint("the local derivative recorded for b: for a product it is a, for a quotient -a/b^2"),
                dB, Graphs.pathDerivative(out, y), EXAMPLE_TOLERANCE);
        }
    }

    @Test
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 add, sub and neg at random numbers: local derivatives 1 and -1")
    void sumsAndDifferences(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double a = random.uniform(-5, 5);
            double b = random.uniform(-5, 5);
            binary("a.add(b)", a, b, Value::add, (s, t) -> s + t,
                "a sum passes its gradient unchanged: both local derivatives are 1");
            binary("a.sub(b)", a, b, Value::sub, (s, t) -> s - t,
                "d(a - b)/db = -1: the subtracted value gets the gradient with a minus sign");
            unary("a.add(" + b + ")", a, v -> v.add(b), s -> s + b, "adding a constant does not change a slope");
            unary("a.sub(" + b + ")", a, v -> v.sub(b), s -> s - b, "subtracting a constant does not change a slope");
            unary("a.neg()", a, Value::neg, s -> -s, "d(-a)/da = -1");
        }
    }

    @Test
    @Graded(task = "6.1", points = 3)
    @DisplayName("6.1 mul at random numbers: the product rule, also for a value times itself")
    void productRule(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double a = random.uniform(-5, 5);
            double b = random.uniform(-5, 5);
            binary("a.mul(b)", a, b, Value::mul, (s, t) -> s * t,
                "product rule: d(ab)/da = b and d(ab)/db = a, each factor's derivative is the OTHER factor");
            unary("a.mul(" + b + ")", a, v -> v.mul(b), s -> s * b, "d(ca)/da = c");
            unary("a.mul(a)", a, v -> v.mul(v), s -> s * s,
                "a.mul(a) records a twice, each with local derivative a: the two add up to 2a");
        }
    }

    @Test
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 div at random numbers: d(a/b)/da = 1/b and d(a/b)/db = -a/b^2")
    void quotientRule(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double a = random.uniform(-5, 5);
            double b = random.sign() * random.uniform(0.5, 5);
            binary("a.div(b)", a, b, Value::div, (s, t) -> s / t,
                "quotient rule: d(a/b)/da = 1/b, d(a/b)/db = -a/b^2 (a minus sign, and b squared)");
            unary("a.div(" + b + ")", a, v -> v.div(b), s -> s / b, "d(a/c)/da = 1/c");
        }
    }

    @Test
    @Graded(task = "6.1", points = 3)
    @DisplayName("6.1 pow at random numbers: the power rule for integer, negative and fractional exponents")
    void powerRule(TestRandom random) {
        double[] exponents = {2, 3, -1, -2, 0.5, 1.5, -0.5, 2.5};
        for (int i = 0; i < CASES; i++) {
            for (double c : exponents) {
                double a = random.uniform(0.5, 3);
                unary("a.pow(" + c + ")", a, v -> v.pow(c), s -> Math.pow(s, c),
                    "power rule: d(a^c)/da = c a^(c - 1), with the exponent lowered by one");
            }
            // an integer power of a negative number is defined: (-2)^3 = -8
            double negative = -random.uniform(0.5, 3);
            int n = random.between(2, 4);
            unary("a.pow(" + n + ")", negative, v -> v.pow(n), s -> Math.pow(s, n),
                "an integer power of a negative number is defined, and so is its derivative n a^(n - 1)");
        }
    }

    @Test
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 exp and log at random numbers: d(e^a)/da = e^a and d(ln a)/da = 1/a")
    void expAndLog(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double a = random.uniform(-3, 3);
            unary("a.exp()", a, Value::exp, Math::exp, "the exponential is its own derivative");
            double positive = random.logUniform(0.2, 20);
            unary("a.log()", positive, Value::log, Math::log, "d(ln a)/da = 1/a");
        }
    }

    @Test
    @Graded(task = "6.1", points = 3)
    @DisplayName("6.1 tanh and sigmoid at random numbers, and without overflow at +-800")
    void tanhAndSigmoid(TestRandom random) {
        DoubleUnaryOperator sigmoid = s -> 1 / (1 + Math.exp(-s));
        for (int i = 0; i < CASES; i++) {
            double a = random.uniform(-4, 4);
            unary("a.tanh()", a, Value::tanh, Math::tanh,
                "d tanh(a)/da = 1 - tanh(a)^2: the square of the OUTPUT, not of a");
            unary("a.sigmoid()", a, Value::sigmoid, sigmoid,
                "d sigma(a)/da = sigma(a) (1 - sigma(a)), written with the output");
        }
        for (double huge : new double[] {-800, 800}) {
            Value x = new Value(huge);
            Value t = x.tanh();
            Value s = x.sigmoid();
            double expected = huge > 0 ? 1.0 : 0.0;
            assertThat(s.data())
                .withFailMessage(Explain.that("new Value(" + huge + ").sigmoid().data()").expected(expected)
                    .received(s.data())
                    .hint("e^800 overflows to infinity and infinity / infinity is NaN: for a >= 0 use "
                        + "1 / (1 + e^-a), for a < 0 the equal e^a / (1 + e^a), so that exp only sees a <= 0"))
                .isCloseTo(expected, within(1e-300));
            assertThat(Graphs.pathDerivative(s, x))
                .withFailMessage(Explain.that("d sigmoid(a)/da at a = " + huge).expected(0.0)
                    .received(Graphs.pathDerivative(s, x)).hint("the sigmoid is flat far out: its slope is 0"))
                .isEqualTo(0.0);
            assertThat(t.data())
                .withFailMessage(Explain.that("new Value(" + huge + ").tanh().data()").expected(Math.signum(huge))
                    .received(t.data()).hint("Math.tanh is stable; (e^2a - 1) / (e^2a + 1) overflows to NaN"))
                .isEqualTo(Math.signum(huge));
            assertThat(Graphs.pathDerivative(t, x))
                .withFailMessage(Explain.that("d tanh(a)/da at a = " + huge).expected(0.0)
                    .received(Graphs.pathDerivative(t, x)).hint("tanh is flat far out: 1 - tanh^2 = 0"))
                .isEqualTo(0.0);
        }
    }

    @Test
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 relu at random numbers: slope 1 where a > 0 and 0 where a < 0")
    void relu(TestRandom random) {
        for (int i = 0; i < CASES; i++) {
            double a = random.sign() * random.uniform(0.01, 5);
            Value x = new Value(a);
            Value out = x.relu();
            String input = "a = " + a;
            Expect.closeTo(Explain.that("a.relu().data()").input(input), Math.max(0, a), out.data(), 0.0);
            Expect.closeTo(Explain.that("d relu(a)/da").input(input)
                .hint("relu passes the gradient where a > 0 and blocks it where a < 0: 1 or 0, never a itself"),
                a > 0 ? 1.0 : 0.0, Graphs.pathDerivative(out, x), 0.0);
        }
    }

    @Test
    @Graded(task = "6.1", points = 2)
    @DisplayName("6.1 Undefined operations and bad arguments throw IllegalArgumentException naming them")
    void rejectsBadInput() {
        Value a = new Value(3.0);
        Expect.rejects("new Value(-2.0).log()", () -> new Value(-2.0).log(), "log", "-2.0");
        Expect.rejects("new Value(0.0).log()", () -> new Value(0.0).log(), "log", "0.0");
        Expect.rejects("a.div(new Value(0.0))", () -> a.div(new Value(0.0)), "other", "0.0");
        Expect.rejects("a.div(0.0)", () -> a.div(0.0), "c", "0.0");
        Expect.rejects("new Value(-4.0).pow(0.5)", () -> new Value(-4.0).pow(0.5), "exponent", "0.5");
        Expect.rejects("a.pow(NaN)", () -> a.pow(Double.NaN), "exponent", "NaN");
        Expect.rejects("a.add(null)", () -> a.add(null), "other");
        Expect.rejects("a.sub(null)", () -> a.sub(null), "other");
        Expect.rejects("a.mul(null)", () -> a.mul(null), "other");
        Expect.rejects("a.div(null)", () -> a.div(null), "other");
        Expect.rejects("a.add(NaN)", () -> a.add(Double.NaN), "c", "NaN");
        Expect.rejects("a.mul(Infinity)", () -> a.mul(Double.POSITIVE_INFINITY), "c", "Infinity");
        Expect.rejects("new Value(NaN)", () -> new Value(Double.NaN), "data", "NaN");
    }

    /** Checks a one-argument operation: its value, its derivative, and that it left its input alone. */
    private static void unary(String call, double a, UnaryOperator<Value> op, DoubleUnaryOperator f, String hint) {
        Value x = new Value(a);
        Value out = op.apply(x);
        String input = "a = " + a;
        Expect.closeTo(Explain.that(call + ".data()").input(input), f.applyAsDouble(a), out.data(), VALUE_TOLERANCE);
        Expect.closeTo(Explain.that("d(" + call + ")/da").input(input).hint(hint),
            FiniteDifferences.derivative(f, a), Graphs.pathDerivative(out, x), DERIVATIVE_TOLERANCE);
        untouched(call, x, a);
    }

    /** Checks a two-argument operation: its value, both partial derivatives, and that it left its inputs alone. */
    private static void binary(String call, double a, double b, BinaryOperator<Value> op, DoubleBinaryOperator f,
                               String hint) {
        Value x = new Value(a);
        Value y = new Value(b);
        Value out = op.apply(x, y);
        String input = "a = " + a + ", b = " + b;
        Expect.closeTo(Explain.that(call + ".data()").input(input), f.applyAsDouble(a, b), out.data(),
            VALUE_TOLERANCE);
        Expect.closeTo(Explain.that("d(" + call + ")/da").input(input).hint(hint),
            FiniteDifferences.derivative(s -> f.applyAsDouble(s, b), a), Graphs.pathDerivative(out, x),
            DERIVATIVE_TOLERANCE);
        Expect.closeTo(Explain.that("d(" + call + ")/db").input(input).hint(hint),
            FiniteDifferences.derivative(t -> f.applyAsDouble(a, t), b), Graphs.pathDerivative(out, y),
            DERIVATIVE_TOLERANCE);
        untouched(call, x, a);
        untouched(call, y, b);
    }

    /** An operation makes a new node: it changes neither the data nor the gradient of its inputs. */
    private static void untouched(String call, Value input, double data) {
        assertThat(input.data()).as("%s changed the data of its input from %s to %s: an operation returns a new "
            + "Value and leaves its inputs alone", call, data, input.data()).isEqualTo(data);
        assertThat(input.grad()).as("%s changed the gradient of its input to %s: gradients are written by "
            + "backward(), not by the operations", call, input.grad()).isEqualTo(0.0);
    }
}
