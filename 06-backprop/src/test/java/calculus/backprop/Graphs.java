package calculus.backprop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import calculus.grader.TestRandom;
import calculus.oracles.Expressions;

/**
 * Oracles and generators for tests on {@link Value} graphs.
 *
 * <ul>
 *   <li>{@link #pathDerivative}: the derivative of a small graph's output with respect to one node, as the sum over
 *       every path of the products of the local derivatives along it. Exponential on large graphs, so used only on
 *       a handful of nodes; it reads the local derivatives each operation recorded, without the student's
 *       {@code backward()}, so the operations of Task 6.1 can be graded before Task 6.2 is done.</li>
 *   <li>{@link RandomGraph}: a random graph that reuses its nodes (a DAG, not a tree), built twice from one recipe:
 *       on {@link Value}s and on doubles, for the finite-difference oracle.</li>
 *   <li>{@link #ALGEBRA}: {@link Value} as a number type for the shared random expression trees.</li>
 * </ul>
 */
final class Graphs {

    private Graphs() {
    }

    /**
     * &part;out/&part;wrt by the sum over paths: &part;out/&part;wrt = &sum;<sub>i</sub> local<sub>i</sub> ·
     * &part;parent<sub>i</sub>/&part;wrt, and 1 for out = wrt.
     */
    static double pathDerivative(Value out, Value wrt) {
        if (out == wrt) {
            return 1.0;
        }
        List<Value> parents = out.parents();
        double[] local = out.localDerivatives();
        double sum = 0.0;
        for (int i = 0; i < parents.size(); i++) {
            sum += local[i] * pathDerivative(parents.get(i), wrt);
        }
        return sum;
    }

    /** The number of distinct nodes of the graph that ends at {@code out}, found without the student's code. */
    static int countNodes(Value out) {
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(out);
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (seen.add(v)) {
                v.parents().forEach(todo::push);
            }
        }
        return seen.size();
    }

    /**
     * A random graph in {@code inputs} variables whose interior nodes are reused: every new node combines two
     * earlier nodes, drawn from all so far, and is squashed by tanh or the sigmoid so that values stay in (−1, 1)
     * however deep the graph; some nodes then pass through exp, log, square or quotient operations. The output
     * is a weighted sum of every node made, so that each input reaches it along short paths as well as long ones and
     * its gradient does not vanish in a deep stack of squashing functions.
     */
    static final class RandomGraph {

        /** One step of the recipe: node = squash(combine(a, b)) then an optional unary operation. */
        private record Step(int a, int b, int combine, boolean sigmoid, int unary, double c) {
        }

        private final int inputs;
        private final List<Step> steps = new ArrayList<>();
        private final double[] weights;

        RandomGraph(TestRandom random, int inputs, int operations) {
            this.inputs = inputs;
            for (int k = 0; k < operations; k++) {
                int available = inputs + k;
                // recent nodes more often, so that the graph is deep as well as wide
                int a = pick(random, available);
                int b = pick(random, available);
                steps.add(new Step(a, b, random.nextInt(4), random.nextBoolean(), random.nextInt(5),
                    random.uniform(-1.5, 1.5)));
            }
            this.weights = random.vector(operations, -1, 1);
        }

        private static int pick(TestRandom random, int available) {
            return random.nextBoolean() ? available - 1 - random.nextInt(Math.min(available, 3))
                : random.nextInt(available);
        }

        int inputs() {
            return inputs;
        }

        /** The graph on {@link Value}s: the output node, built from the given leaves. */
        Value build(List<Value> x) {
            List<Value> nodes = new ArrayList<>(x);
            for (Step s : steps) {
                Value a = nodes.get(s.a());
                Value b = nodes.get(s.b());
                Value combined = switch (s.combine()) {
                    case 0 -> a.add(b);
                    case 1 -> a.sub(b);
                    case 2 -> a.mul(b);
                    default -> a.mul(s.c()).add(b);
                };
                Value squashed = s.sigmoid() ? combined.sigmoid() : combined.tanh();
                Value node = switch (s.unary()) {
                    case 0 -> squashed.exp();
                    case 1 -> squashed.add(2.0).log();
                    case 2 -> squashed.pow(2);
                    case 3 -> squashed.div(squashed.add(2.0));
                    default -> squashed;
                };
                nodes.add(node);
            }
            Value out = nodes.get(inputs).mul(weights[0]);
            for (int k = 1; k < weights.length; k++) {
                out = out.add(nodes.get(inputs + k).mul(weights[k]));
            }
            return out;
        }

        /** The same graph on doubles: the function the finite differences differentiate. */
        ToDoubleFunction<double[]> function() {
            return x -> {
                List<Double> nodes = new ArrayList<>();
                for (double xi : x) {
                    nodes.add(xi);
                }
                for (Step s : steps) {
                    double a = nodes.get(s.a());
                    double b = nodes.get(s.b());
                    double combined = switch (s.combine()) {
                        case 0 -> a + b;
                        case 1 -> a - b;
                        case 2 -> a * b;
                        default -> a * s.c() + b;
                    };
                    double squashed = s.sigmoid() ? 1 / (1 + Math.exp(-combined)) : Math.tanh(combined);
                    double node = switch (s.unary()) {
                        case 0 -> Math.exp(squashed);
                        case 1 -> Math.log(squashed + 2.0);
                        case 2 -> squashed * squashed;
                        case 3 -> squashed / (squashed + 2.0);
                        default -> squashed;
                    };
                    nodes.add(node);
                }
                double out = nodes.get(inputs) * weights[0];
                for (int k = 1; k < weights.length; k++) {
                    out += nodes.get(inputs + k) * weights[k];
                }
                return out;
            };
        }
    }

    /**
     * {@link Value} as a number type for {@link Expressions}: each operation of a tree becomes the student's
     * operation. The trees are drawn without sin and cos, which {@code Value} does not have.
     */
    static final Expressions.Algebra<Value> ALGEBRA = new Expressions.Algebra<>() {
        @Override
        public Value constant(double c) {
            return new Value(c);
        }

        @Override
        public Value add(Value a, Value b) {
            return a.add(b);
        }

        @Override
        public Value subtract(Value a, Value b) {
            return a.sub(b);
        }

        @Override
        public Value multiply(Value a, Value b) {
            return a.mul(b);
        }

        @Override
        public Value divide(Value a, Value b) {
            return a.div(b);
        }

        @Override
        public Value pow(Value a, int n) {
            return a.pow(n);
        }

        @Override
        public Value pow(Value a, double p) {
            return a.pow(p);
        }

        @Override
        public Value exp(Value a) {
            return a.exp();
        }

        @Override
        public Value log(Value a) {
            return a.log();
        }

        @Override
        public Value sin(Value a) {
            throw new IllegalStateException("the trees for Value are drawn without sin");
        }

        @Override
        public Value cos(Value a) {
            throw new IllegalStateException("the trees for Value are drawn without cos");
        }

        @Override
        public Value tanh(Value a) {
            return a.tanh();
        }

        @Override
        public Value sigmoid(Value a) {
            return a.sigmoid();
        }
    };
}
