package calculus.oracles;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

import calculus.grader.TestRandom;

/**
 * Seeded random expression trees over the elementary operations of automatic differentiation (+, −, ×, ÷,
 * integer and real powers, exp, log, sin, cos, tanh, sigmoid), evaluated on any number type: the oracle for
 * forward mode (dual numbers) and reverse mode (backprop) alike.
 *
 * <p>A tree is evaluated through an {@link Algebra}: the student's number type implements the twelve operations
 * (usually by delegating to its own methods), and the same tree is evaluated on doubles ({@link Expression#value}),
 * on Hipparchus' {@link DerivativeStructure} for exact derivatives ({@link Expression#gradient}), or on the
 * student's type. Agreement on random trees is a property no hard-coded answer passes.
 *
 * <p><b>Domains.</b> Every tree is valid on the whole box [−{@value #DOMAIN}, {@value #DOMAIN}]<sup>n</sup>: the
 * generator tracks an interval that encloses each subexpression's values on the box (interval arithmetic), and
 * <ul>
 *   <li>shifts the argument of log, of a real power and the base of a negative integer power by a constant so
 *       that it stays at least {@value #MARGIN} ({@code log(u + 1.37)}), and a divisor so that it stays at least
 *       {@value #MARGIN} away from 0 (a divisor already that far from 0, of either sign, is left as it is);</li>
 *   <li>scales the argument of exp by a constant so that it stays within ±{@value #EXP_BOUND};</li>
 *   <li>scales any subexpression whose values could exceed {@value #MAGNITUDE} in size.</li>
 * </ul>
 * So values and first derivatives stay of moderate size, and the five-point stencil of
 * {@link FiniteDifferences} agrees with the exact derivative to about 10<sup>−13</sup> relative on a typical tree
 * and 7·10<sup>−7</sup> on the worst of 100 000 (in 1 to 3 variables, 1 to 5 drawn operations deep): a test that
 * compares with the stencil can allow 10<sup>−5</sup>, and one that compares with {@link Expression#gradient}
 * (two exact computations, measured to agree within 10<sup>−14</sup>) far less. {@link Expression#point} draws
 * points slightly inside the box, so that a finite-difference stencil around them stays inside it too.
 */
public final class Expressions {

    /** Half-width of the box on which every generated tree is valid. */
    public static final double DOMAIN = 2.0;
    /** Half-width of the box {@link Expression#point} draws from: finite-difference stencils stay in the domain. */
    public static final double SAMPLE = 1.9;
    /**
     * The smallest argument of log and real powers, and the smallest |divisor|: keeps 1/u and log′ at most 1. (With
     * 0.5, a tree such as (sin(e<sup>x</sup>) + 1.5)<sup>−3</sup> varied so fast that the five-point stencil was off by
     * 10<sup>−5</sup> in one tree of 20 000.)
     */
    public static final double MARGIN = 1.0;
    /** The largest |argument| of exp: e<sup>3</sup> ≈ 20, so exp neither overflows nor dominates the tree. */
    public static final double EXP_BOUND = 3.0;
    /** The largest |value| of any subexpression: keeps derivatives, and finite-difference round-off, moderate. */
    public static final double MAGNITUDE = 10.0;

    /** The integer exponents drawn for {@link Operation#POWER_INT}: negative ones exercise the quotient rule. */
    private static final List<Integer> INT_EXPONENTS = List.of(-3, -2, -1, 2, 3);
    /** The real exponents drawn for {@link Operation#POWER_REAL}: none of them an integer. */
    private static final List<Double> REAL_EXPONENTS = List.of(0.5, -0.5, 1.5, 2.5, -1.25, 0.75);
    /** Below the root, the probability that a node is an operation rather than a leaf. */
    private static final double BRANCHING = 0.8;
    /** The probability that a leaf is a variable rather than a constant. */
    private static final double VARIABLE_LEAF = 0.7;

    private Expressions() {
    }

    /** The operations a tree is built from. */
    public enum Operation {
        /** a + b. */
        ADD(2),
        /** a − b. */
        SUBTRACT(2),
        /** a × b. */
        MULTIPLY(2),
        /** a ÷ b. */
        DIVIDE(2),
        /** a<sup>n</sup> for an integer n. */
        POWER_INT(1),
        /** a<sup>p</sup> for a real, non-integer p (a &gt; 0). */
        POWER_REAL(1),
        /** e<sup>a</sup>. */
        EXP(1),
        /** ln a (a &gt; 0). */
        LOG(1),
        /** sin a. */
        SIN(1),
        /** cos a. */
        COS(1),
        /** tanh a. */
        TANH(1),
        /** σ(a) = 1 / (1 + e<sup>−a</sup>). */
        SIGMOID(1);

        private final int arity;

        Operation(int arity) {
            this.arity = arity;
        }

        /** The number of operands: 1 or 2. */
        public int arity() {
            return arity;
        }
    }

    /**
     * The operations a number type offers, so that one tree can be evaluated on doubles, on dual numbers, on
     * reverse-mode values or on Hipparchus' derivative structures. Implementations need not check domains: the
     * trees keep every operation inside its domain.
     *
     * @param <T> the number type
     */
    public interface Algebra<T> {
        /** The constant c, which depends on no variable. */
        T constant(double c);

        /** a + b. */
        T add(T a, T b);

        /** a − b. */
        T subtract(T a, T b);

        /** a × b. */
        T multiply(T a, T b);

        /** a ÷ b. */
        T divide(T a, T b);

        /** a<sup>n</sup>. */
        T pow(T a, int n);

        /** a<sup>p</sup>. */
        T pow(T a, double p);

        /** e<sup>a</sup>. */
        T exp(T a);

        /** ln a. */
        T log(T a);

        /** sin a. */
        T sin(T a);

        /** cos a. */
        T cos(T a);

        /** tanh a. */
        T tanh(T a);

        /** σ(a) = 1 / (1 + e<sup>−a</sup>). */
        T sigmoid(T a);
    }

    /** Plain double arithmetic, the sigmoid computed without overflow. */
    public static Algebra<Double> doubles() {
        return DoubleAlgebra.INSTANCE;
    }

    /**
     * Hipparchus' forward-mode derivative structures from {@code factory} (its number of free parameters and
     * derivative order): an independent implementation of every derivative rule, to any order.
     */
    public static Algebra<DerivativeStructure> derivativeStructures(DSFactory factory) {
        return new StructureAlgebra(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * A random tree in {@code variables} variables, at most {@code depth} drawn operations deep, over every
     * operation. (The repairs that keep a tree in its domain, a shift or a scale by a constant, add at most two
     * levels per drawn operation to {@link Expression#depth()}.)
     */
    public static Expression random(TestRandom random, int variables, int depth) {
        return random(random, variables, depth, EnumSet.allOf(Operation.class));
    }

    /**
     * A random tree in {@code variables} variables, at most {@code depth} drawn operations deep, built from the
     * {@code allowed} operations (plus the additions and multiplications by constants that keep it in its domain).
     * Every tree depends on at least one variable.
     *
     * @throws IllegalArgumentException if variables &lt; 1, depth &lt; 1 or no operation is allowed
     */
    public static Expression random(TestRandom random, int variables, int depth, Set<Operation> allowed) {
        Objects.requireNonNull(random, "random");
        if (variables < 1) {
            throw new IllegalArgumentException("variables must be at least 1, got variables = " + variables);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got depth = " + depth);
        }
        if (allowed == null || allowed.isEmpty()) {
            throw new IllegalArgumentException("allowed must name at least one operation, got " + allowed);
        }
        Generator generator = new Generator(random, variables, List.copyOf(EnumSet.copyOf(allowed)));
        Node root;
        do {
            root = generator.operation(depth);
        } while (!root.dependsOnVariable());
        return new Expression(root, variables);
    }

    /** One random expression tree: immutable, printable, and valid on the box [−2, 2]<sup>n</sup>. */
    public static final class Expression {

        private final Node root;
        private final int variables;

        private Expression(Node root, int variables) {
            this.root = root;
            this.variables = variables;
        }

        /** The number of variables x0, x1, ... (a one-variable tree prints its variable as x). */
        public int variables() {
            return variables;
        }

        /**
         * Evaluates the tree in any algebra.
         *
         * @param algebra the operations of the number type
         * @param x       the value of each variable, in that type
         * @return the value of the tree
         * @throws IllegalArgumentException if x does not hold one value per variable
         */
        public <T> T evaluate(Algebra<T> algebra, List<T> x) {
            Objects.requireNonNull(algebra, "algebra");
            if (x == null || x.size() != variables) {
                throw new IllegalArgumentException("x must hold " + variables + " values, got "
                    + (x == null ? "null" : x.size()));
            }
            return root.evaluate(algebra, x);
        }

        /** Evaluates a one-variable tree in any algebra. */
        public <T> T evaluate(Algebra<T> algebra, T x) {
            return evaluate(algebra, Collections.singletonList(x));
        }

        /** The value at x, in double arithmetic. */
        public double value(double... x) {
            checkPoint(x);
            return root.value(x);
        }

        /** The exact gradient at x, by Hipparchus' derivative structures. */
        public double[] gradient(double... x) {
            checkPoint(x);
            DSFactory factory = new DSFactory(variables, 1);
            List<DerivativeStructure> point = new ArrayList<>();
            for (int i = 0; i < variables; i++) {
                point.add(factory.variable(i, x[i]));
            }
            DerivativeStructure result = root.evaluate(derivativeStructures(factory), point);
            double[] g = new double[variables];
            int[] orders = new int[variables];
            for (int i = 0; i < variables; i++) {
                orders[i] = 1;
                g[i] = result.getPartialDerivative(orders);
                orders[i] = 0;
            }
            return g;
        }

        /** The exact derivative of a one-variable tree at x, by Hipparchus. */
        public double derivative(double x) {
            if (variables != 1) {
                throw new IllegalArgumentException("derivative(x) is for one-variable trees, this one has "
                    + variables + " variables: use gradient");
            }
            return gradient(x)[0];
        }

        /** A random point of the box [−1.9, 1.9]<sup>n</sup>, inside the domain with room for a stencil. */
        public double[] point(TestRandom random) {
            return random.vector(variables, -SAMPLE, SAMPLE);
        }

        /** A lower bound of the tree's values on the domain box (from interval arithmetic, so not sharp). */
        public double lowerBound() {
            return root.lo;
        }

        /** An upper bound of the tree's values on the domain box (from interval arithmetic, so not sharp). */
        public double upperBound() {
            return root.hi;
        }

        /** The number of nodes. */
        public int size() {
            return root.size();
        }

        /** The number of operations on the longest path from the root to a leaf. */
        public int depth() {
            return root.depth();
        }

        /** The operations that occur in the tree. */
        public Set<Operation> operations() {
            Set<Operation> used = EnumSet.noneOf(Operation.class);
            root.collect(used);
            return used;
        }

        /** The formula, fully parenthesised: {@code log((sin(x) * x) + 2.31)}. */
        public String formula() {
            return root.format(variables);
        }

        @Override
        public String toString() {
            return formula();
        }

        private void checkPoint(double[] x) {
            if (x == null || x.length != variables) {
                throw new IllegalArgumentException("x must hold " + variables + " values, got "
                    + (x == null ? "null" : x.length));
            }
        }
    }

    /** A node of a tree, with an interval [lo, hi] that holds its values on the domain box. */
    private static final class Node {
        final Operation op;
        final Node left;
        final Node right;
        final int variable;
        final double constant;
        final int n;
        final double p;
        final double lo;
        final double hi;

        private Node(Operation op, Node left, Node right, int variable, double constant, int n, double p,
                     double lo, double hi) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.variable = variable;
            this.constant = constant;
            this.n = n;
            this.p = p;
            this.lo = lo;
            this.hi = hi;
        }

        static Node variable(int index) {
            return new Node(null, null, null, index, 0, 0, 0, -DOMAIN, DOMAIN);
        }

        static Node constant(double c) {
            return new Node(null, null, null, -1, c, 0, 0, c, c);
        }

        static Node binary(Operation op, Node a, Node b) {
            double[] r = switch (op) {
                case ADD -> new double[] {a.lo + b.lo, a.hi + b.hi};
                case SUBTRACT -> new double[] {a.lo - b.hi, a.hi - b.lo};
                case MULTIPLY -> hull(a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi);
                // the divisor's interval excludes 0 here, so 1/b is monotone on it
                case DIVIDE -> hull(a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi);
                default -> throw new IllegalStateException("not binary: " + op);
            };
            return new Node(op, a, b, -1, 0, 0, 0, r[0], r[1]);
        }

        static Node powerInt(Node a, int n) {
            double[] r = hull(Math.pow(a.lo, n), Math.pow(a.hi, n));
            if (a.lo < 0 && a.hi > 0) {
                // an even power has its minimum 0 inside the interval, not at an end
                r = hull(r[0], r[1], 0.0);
            }
            return new Node(Operation.POWER_INT, a, null, -1, 0, n, 0, r[0], r[1]);
        }

        static Node powerReal(Node a, double p) {
            double[] r = hull(Math.pow(a.lo, p), Math.pow(a.hi, p));
            return new Node(Operation.POWER_REAL, a, null, -1, 0, 0, p, r[0], r[1]);
        }

        static Node unary(Operation op, Node a) {
            double[] r = switch (op) {
                case EXP -> new double[] {Math.exp(a.lo), Math.exp(a.hi)};
                case LOG -> new double[] {Math.log(a.lo), Math.log(a.hi)};
                case SIN, COS -> new double[] {-1, 1};
                case TANH -> new double[] {Math.tanh(a.lo), Math.tanh(a.hi)};
                case SIGMOID -> new double[] {sigmoid(a.lo), sigmoid(a.hi)};
                default -> throw new IllegalStateException("not unary: " + op);
            };
            return new Node(op, a, null, -1, 0, 0, 0, r[0], r[1]);
        }

        double magnitude() {
            return Math.max(Math.abs(lo), Math.abs(hi));
        }

        boolean dependsOnVariable() {
            if (op == null) {
                return variable >= 0;
            }
            return left.dependsOnVariable() || (right != null && right.dependsOnVariable());
        }

        <T> T evaluate(Algebra<T> algebra, List<T> x) {
            if (op == null) {
                return variable >= 0 ? x.get(variable) : algebra.constant(constant);
            }
            T a = left.evaluate(algebra, x);
            return switch (op) {
                case ADD -> algebra.add(a, right.evaluate(algebra, x));
                case SUBTRACT -> algebra.subtract(a, right.evaluate(algebra, x));
                case MULTIPLY -> algebra.multiply(a, right.evaluate(algebra, x));
                case DIVIDE -> algebra.divide(a, right.evaluate(algebra, x));
                case POWER_INT -> algebra.pow(a, n);
                case POWER_REAL -> algebra.pow(a, p);
                case EXP -> algebra.exp(a);
                case LOG -> algebra.log(a);
                case SIN -> algebra.sin(a);
                case COS -> algebra.cos(a);
                case TANH -> algebra.tanh(a);
                case SIGMOID -> algebra.sigmoid(a);
            };
        }

        double value(double[] x) {
            if (op == null) {
                return variable >= 0 ? x[variable] : constant;
            }
            double a = left.value(x);
            return switch (op) {
                case ADD -> a + right.value(x);
                case SUBTRACT -> a - right.value(x);
                case MULTIPLY -> a * right.value(x);
                case DIVIDE -> a / right.value(x);
                case POWER_INT -> Math.pow(a, n);
                case POWER_REAL -> Math.pow(a, p);
                case EXP -> Math.exp(a);
                case LOG -> Math.log(a);
                case SIN -> Math.sin(a);
                case COS -> Math.cos(a);
                case TANH -> Math.tanh(a);
                case SIGMOID -> sigmoid(a);
            };
        }

        int size() {
            if (op == null) {
                return 1;
            }
            return 1 + left.size() + (right == null ? 0 : right.size());
        }

        int depth() {
            if (op == null) {
                return 0;
            }
            return 1 + Math.max(left.depth(), right == null ? 0 : right.depth());
        }

        void collect(Set<Operation> used) {
            if (op == null) {
                return;
            }
            used.add(op);
            left.collect(used);
            if (right != null) {
                right.collect(used);
            }
        }

        String format(int variables) {
            if (op == null) {
                if (variable >= 0) {
                    return variables == 1 ? "x" : "x" + variable;
                }
                return constant < 0 ? "(" + constant + ")" : Double.toString(constant);
            }
            String a = left.format(variables);
            return switch (op) {
                case ADD -> "(" + a + " + " + right.format(variables) + ")";
                case SUBTRACT -> "(" + a + " - " + right.format(variables) + ")";
                case MULTIPLY -> "(" + a + " * " + right.format(variables) + ")";
                case DIVIDE -> "(" + a + " / " + right.format(variables) + ")";
                case POWER_INT -> a + "^" + (n < 0 ? "(" + n + ")" : Integer.toString(n));
                case POWER_REAL -> a + "^" + (p < 0 ? "(" + p + ")" : Double.toString(p));
                default -> op.name().toLowerCase(java.util.Locale.ROOT) + "(" + a + ")";
            };
        }

        private static double[] hull(double... values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new double[] {min, max};
        }
    }

    /** Draws trees, repairing each operation's operands so that the tree stays inside every domain. */
    private static final class Generator {
        private final TestRandom random;
        private final int variables;
        private final List<Operation> allowed;

        Generator(TestRandom random, int variables, List<Operation> allowed) {
            this.random = random;
            this.variables = variables;
            this.allowed = allowed;
        }

        /** A subtree: an operation, or below the root sometimes a leaf. */
        Node node(int depth) {
            if (depth == 0 || random.nextDouble() >= BRANCHING) {
                return leaf();
            }
            return operation(depth);
        }

        Node leaf() {
            if (random.nextDouble() < VARIABLE_LEAF) {
                return Node.variable(random.nextInt(variables));
            }
            // two decimals: constants read well in a printed formula
            return Node.constant(Math.round(random.uniform(-2, 2) * 100) / 100.0);
        }

        /** An operation node whose operands are subtrees of depth at most depth − 1. */
        Node operation(int depth) {
            Operation op = random.pick(allowed);
            Node a = node(depth - 1);
            Node result = switch (op) {
                case ADD, SUBTRACT, MULTIPLY -> Node.binary(op, a, node(depth - 1));
                case DIVIDE -> Node.binary(op, a, awayFromZero(node(depth - 1)));
                case POWER_INT -> {
                    int n = random.pick(INT_EXPONENTS);
                    yield Node.powerInt(n < 0 ? awayFromZero(a) : a, n);
                }
                case POWER_REAL -> Node.powerReal(positive(a), random.pick(REAL_EXPONENTS));
                case EXP -> Node.unary(op, bounded(a, EXP_BOUND));
                case LOG -> Node.unary(op, positive(a));
                case SIN, COS, TANH, SIGMOID -> Node.unary(op, a);
            };
            return bounded(result, MAGNITUDE);
        }

        /** u itself if its values stay at least MARGIN from 0, else u + c with c lifting it to at least MARGIN. */
        private static Node awayFromZero(Node u) {
            if (u.lo >= MARGIN || u.hi <= -MARGIN) {
                return u;
            }
            return positive(u);
        }

        /** u itself if its values are at least MARGIN, else u + c with the constant c lifting them there. */
        private static Node positive(Node u) {
            if (u.lo >= MARGIN) {
                return u;
            }
            return Node.binary(Operation.ADD, u, Node.constant(round(MARGIN - u.lo, RoundingMode.UP)));
        }

        /** u itself if |u| stays within bound, else c·u with the constant c scaling it within bound. */
        private static Node bounded(Node u, double bound) {
            if (u.magnitude() <= bound) {
                return u;
            }
            return Node.binary(Operation.MULTIPLY, Node.constant(round(bound / u.magnitude(), RoundingMode.DOWN)), u);
        }

        /** Two significant digits, rounded in the given direction, so that the repair keeps its guarantee. */
        private static double round(double v, RoundingMode mode) {
            return new BigDecimal(v).round(new MathContext(2, mode)).doubleValue();
        }
    }

    private static double sigmoid(double a) {
        // e^(-|a|) never overflows: the two branches are the same function, each stable on its own half
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }

    private static final class DoubleAlgebra implements Algebra<Double> {
        static final DoubleAlgebra INSTANCE = new DoubleAlgebra();

        @Override
        public Double constant(double c) {
            return c;
        }

        @Override
        public Double add(Double a, Double b) {
            return a + b;
        }

        @Override
        public Double subtract(Double a, Double b) {
            return a - b;
        }

        @Override
        public Double multiply(Double a, Double b) {
            return a * b;
        }

        @Override
        public Double divide(Double a, Double b) {
            return a / b;
        }

        @Override
        public Double pow(Double a, int n) {
            return Math.pow(a, n);
        }

        @Override
        public Double pow(Double a, double p) {
            return Math.pow(a, p);
        }

        @Override
        public Double exp(Double a) {
            return Math.exp(a);
        }

        @Override
        public Double log(Double a) {
            return Math.log(a);
        }

        @Override
        public Double sin(Double a) {
            return Math.sin(a);
        }

        @Override
        public Double cos(Double a) {
            return Math.cos(a);
        }

        @Override
        public Double tanh(Double a) {
            return Math.tanh(a);
        }

        @Override
        public Double sigmoid(Double a) {
            return Expressions.sigmoid(a);
        }
    }

    private static final class StructureAlgebra implements Algebra<DerivativeStructure> {
        private final DSFactory factory;

        StructureAlgebra(DSFactory factory) {
            this.factory = factory;
        }

        @Override
        public DerivativeStructure constant(double c) {
            return factory.constant(c);
        }

        @Override
        public DerivativeStructure add(DerivativeStructure a, DerivativeStructure b) {
            return a.add(b);
        }

        @Override
        public DerivativeStructure subtract(DerivativeStructure a, DerivativeStructure b) {
            return a.subtract(b);
        }

        @Override
        public DerivativeStructure multiply(DerivativeStructure a, DerivativeStructure b) {
            return a.multiply(b);
        }

        @Override
        public DerivativeStructure divide(DerivativeStructure a, DerivativeStructure b) {
            return a.divide(b);
        }

        @Override
        public DerivativeStructure pow(DerivativeStructure a, int n) {
            return a.pow(n);
        }

        @Override
        public DerivativeStructure pow(DerivativeStructure a, double p) {
            return a.pow(p);
        }

        @Override
        public DerivativeStructure exp(DerivativeStructure a) {
            return a.exp();
        }

        @Override
        public DerivativeStructure log(DerivativeStructure a) {
            return a.log();
        }

        @Override
        public DerivativeStructure sin(DerivativeStructure a) {
            return a.sin();
        }

        @Override
        public DerivativeStructure cos(DerivativeStructure a) {
            return a.cos();
        }

        @Override
        public DerivativeStructure tanh(DerivativeStructure a) {
            return a.tanh();
        }

        @Override
        public DerivativeStructure sigmoid(DerivativeStructure a) {
            // composed from exp and division, so that the oracle's sigmoid rule is Hipparchus' own, not ours;
            // the branch keeps e^(+-a) from overflowing, exactly as for doubles
            DerivativeStructure one = factory.constant(1);
            if (a.getValue() >= 0) {
                return one.divide(one.add(a.negate().exp()));
            }
            DerivativeStructure e = a.exp();
            return e.divide(one.add(e));
        }
    }
}
