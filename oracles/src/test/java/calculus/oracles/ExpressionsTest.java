package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.TestRandom;
import calculus.oracles.Expressions.Algebra;
import calculus.oracles.Expressions.Expression;
import calculus.oracles.Expressions.Operation;

/** The expression-tree oracle: domains kept, every operation drawn, and its two derivative oracles agreeing. */
class ExpressionsTest {

    /** Trees per property: enough that every operation occurs many times, fast enough for the check. */
    private static final int TREES = 400;
    /**
     * Five-point differences against Hipparchus on the generated trees: typically 10<sup>−13</sup>, at worst
     * 7·10<sup>−7</sup> in 100 000 trees (the stencil's truncation error h<sup>4</sup>|f<sup>(5)</sup>|/30 on the
     * fastest-varying trees); the bound the module tests rely on is 10<sup>−5</sup>.
     */
    private static final double STENCIL_TOLERANCE = 1e-5;
    /** Derivatives below 1 in size are compared absolutely: a slope of 0 has no relative error. */
    private static final double FLOOR = 1.0;

    @Test
    @DisplayName("every tree is finite, and inside its interval bounds, everywhere on its domain box")
    void treesStayInsideTheirDomains() {
        TestRandom random = new TestRandom(1);
        for (int t = 0; t < TREES; t++) {
            int variables = random.between(1, 3);
            Expression e = Expressions.random(random, variables, random.between(1, 5));
            for (int k = 0; k < 20; k++) {
                // the whole box, corners included, not only where point() draws
                double[] x = random.vector(variables, -Expressions.DOMAIN, Expressions.DOMAIN);
                if (k == 0) {
                    java.util.Arrays.fill(x, Expressions.DOMAIN);
                }
                double v = e.value(x);
                assertThat(v).as("%s at %s", e, java.util.Arrays.toString(x)).isFinite()
                    .isBetween(e.lowerBound() - 1e-9, e.upperBound() + 1e-9);
                assertThat(Math.abs(v)).as("%s at %s", e, java.util.Arrays.toString(x))
                    .isLessThanOrEqualTo(Expressions.MAGNITUDE + 1e-9);
            }
        }
    }

    @Test
    @DisplayName("every operation occurs among a few hundred trees, and each tree depends on a variable")
    void everyOperationIsDrawn() {
        TestRandom random = new TestRandom(2);
        Set<Operation> seen = EnumSet.noneOf(Operation.class);
        for (int t = 0; t < TREES; t++) {
            Expression e = Expressions.random(random, 1, 4);
            seen.addAll(e.operations());
            assertThat(e.formula()).contains("x");
            // a repair (a shift or a scale by a constant) adds at most two levels per drawn operation
            assertThat(e.depth()).isBetween(1, 3 * 4);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Operation.class));
    }

    @Test
    @DisplayName("a restricted set of operations is respected, apart from the shifts and scales of repairs")
    void allowedOperationsAreRespected() {
        TestRandom random = new TestRandom(3);
        Set<Operation> allowed = EnumSet.of(Operation.LOG, Operation.TANH, Operation.DIVIDE);
        for (int t = 0; t < TREES; t++) {
            Set<Operation> used = Expressions.random(random, 2, 4, allowed).operations();
            used.removeAll(EnumSet.of(Operation.ADD, Operation.MULTIPLY));
            assertThat(allowed).containsAll(used);
        }
    }

    @Test
    @DisplayName("the same seed draws the same tree")
    void treesAreReproducible() {
        for (long seed = 0; seed < 20; seed++) {
            assertThat(Expressions.random(new TestRandom(seed), 2, 4).formula())
                .isEqualTo(Expressions.random(new TestRandom(seed), 2, 4).formula());
        }
    }

    @Test
    @DisplayName("Hipparchus' exact gradient agrees with five-point finite differences on random trees")
    void hipparchusAgreesWithFiniteDifferences() {
        TestRandom random = new TestRandom(4);
        double worst = 0;
        for (int t = 0; t < TREES; t++) {
            int variables = random.between(1, 3);
            Expression e = Expressions.random(random, variables, random.between(1, 5));
            double[] x = e.point(random);
            double[] exact = e.gradient(x);
            double[] stencil = FiniteDifferences.gradient(e::value, x);
            double error = Explain.largestRelativeError(exact, stencil, FLOOR);
            assertThat(error).as("%s at %s: Hipparchus %s, stencil %s", e, java.util.Arrays.toString(x),
                java.util.Arrays.toString(exact), java.util.Arrays.toString(stencil))
                .isLessThanOrEqualTo(STENCIL_TOLERANCE);
            worst = Math.max(worst, error);
        }
        assertThat(worst).isLessThan(STENCIL_TOLERANCE);
    }

    @Test
    @DisplayName("evaluating on doubles, on Boxed doubles and on derivative structures gives the same value")
    void algebrasAgreeOnValues() {
        TestRandom random = new TestRandom(5);
        for (int t = 0; t < TREES; t++) {
            Expression e = Expressions.random(random, 2, 4);
            double[] x = e.point(random);
            double plain = e.value(x);
            double boxed = e.evaluate(Expressions.doubles(), List.of(x[0], x[1]));
            DSFactory factory = new DSFactory(2, 1);
            DerivativeStructure ds = e.evaluate(Expressions.derivativeStructures(factory),
                List.of(factory.variable(0, x[0]), factory.variable(1, x[1])));
            assertThat(boxed).as("%s", e).isEqualTo(plain);
            assertThat(ds.getValue()).as("%s", e).isCloseTo(plain, within(1e-12 * Math.max(1, Math.abs(plain))));
        }
    }

    @Test
    @DisplayName("a hand-written dual-number algebra, seeded one variable at a time, reproduces Hipparchus' gradient")
    void aThirdAlgebraAgrees() {
        TestRandom random = new TestRandom(6);
        for (int t = 0; t < TREES; t++) {
            Expression e = Expressions.random(random, 2, 4);
            double[] x = e.point(random);
            double[] exact = e.gradient(x);
            for (int i = 0; i < 2; i++) {
                Pair px = new Pair(x[0], i == 0 ? 1 : 0);
                Pair py = new Pair(x[1], i == 1 ? 1 : 0);
                Pair result = e.evaluate(new PairAlgebra(), List.of(px, py));
                assertThat(result.d).as("d/dx%d of %s", i, e)
                    .isCloseTo(exact[i], within(1e-10 * Math.max(1, Math.abs(exact[i]))));
            }
        }
    }

    @Test
    @DisplayName("the sigmoid of the oracles does not overflow far from 0")
    void sigmoidIsStable() {
        DSFactory factory = new DSFactory(1, 1);
        Algebra<DerivativeStructure> ds = Expressions.derivativeStructures(factory);
        for (double a : new double[] {-800, -40, 0, 40, 800}) {
            DerivativeStructure s = ds.sigmoid(factory.variable(0, a));
            double sigma = Expressions.doubles().sigmoid(a);
            assertThat(s.getValue()).isFinite().isCloseTo(sigma, within(1e-15));
            assertThat(s.getPartialDerivative(1)).isFinite().isCloseTo(sigma * (1 - sigma), within(1e-15));
        }
    }

    @Test
    @DisplayName("bad arguments are refused with a message naming them")
    void badArguments() {
        TestRandom random = new TestRandom(7);
        assertThatThrownBy(() -> Expressions.random(random, 0, 3)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("variables = 0");
        assertThatThrownBy(() -> Expressions.random(random, 1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("depth = 0");
        assertThatThrownBy(() -> Expressions.random(random, 1, 2, EnumSet.noneOf(Operation.class)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed");
        Expression e = Expressions.random(random, 2, 3);
        assertThatThrownBy(() -> e.value(1.0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("2 values");
        assertThatThrownBy(() -> e.derivative(1.0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gradient");
    }

    /** The smallest forward-mode number: a value and a derivative, as a student's dual number would be. */
    private record Pair(double v, double d) {
    }

    private static final class PairAlgebra implements Algebra<Pair> {
        @Override
        public Pair constant(double c) {
            return new Pair(c, 0);
        }

        @Override
        public Pair add(Pair a, Pair b) {
            return new Pair(a.v + b.v, a.d + b.d);
        }

        @Override
        public Pair subtract(Pair a, Pair b) {
            return new Pair(a.v - b.v, a.d - b.d);
        }

        @Override
        public Pair multiply(Pair a, Pair b) {
            return new Pair(a.v * b.v, a.d * b.v + a.v * b.d);
        }

        @Override
        public Pair divide(Pair a, Pair b) {
            return new Pair(a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v));
        }

        @Override
        public Pair pow(Pair a, int n) {
            return new Pair(Math.pow(a.v, n), n * Math.pow(a.v, n - 1) * a.d);
        }

        @Override
        public Pair pow(Pair a, double p) {
            return new Pair(Math.pow(a.v, p), p * Math.pow(a.v, p - 1) * a.d);
        }

        @Override
        public Pair exp(Pair a) {
            return new Pair(Math.exp(a.v), Math.exp(a.v) * a.d);
        }

        @Override
        public Pair log(Pair a) {
            return new Pair(Math.log(a.v), a.d / a.v);
        }

        @Override
        public Pair sin(Pair a) {
            return new Pair(Math.sin(a.v), Math.cos(a.v) * a.d);
        }

        @Override
        public Pair cos(Pair a) {
            return new Pair(Math.cos(a.v), -Math.sin(a.v) * a.d);
        }

        @Override
        public Pair tanh(Pair a) {
            double t = Math.tanh(a.v);
            return new Pair(t, (1 - t * t) * a.d);
        }

        @Override
        public Pair sigmoid(Pair a) {
            double s = Expressions.doubles().sigmoid(a.v);
            return new Pair(s, s * (1 - s) * a.d);
        }
    }
}
