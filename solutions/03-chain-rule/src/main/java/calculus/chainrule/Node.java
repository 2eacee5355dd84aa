package calculus.chainrule;

import java.util.List;

/**
 * A node of a computational graph: an input, or one elementary operation applied to earlier nodes, with its value
 * computed when the node is made.
 *
 * <p>A computation such as a neuron's loss <em>L</em> = (σ(<em>w</em><sub>1</sub><em>x</em><sub>1</sub> +
 * <em>w</em><sub>2</sub><em>x</em><sub>2</sub> + <em>b</em>) − <em>y</em>)<sup>2</sup> is a graph of such nodes
 * (see {@link Neuron}). Each edge, from a node to one of its inputs, carries a <em>local derivative</em>: how
 * fast the node changes when that one input changes and the others stay fixed. Local derivatives need only the
 * values at the node itself, which is what makes them easy; {@link Paths} combines them into the derivative of the
 * output with respect to any node.
 *
 * <p>Nodes are compared by identity: passing the same node twice (as {@code multiply(e, e)}, or the same input to
 * two operations) means one quantity used twice, and derivatives add up over both uses.
 */
public final class Node {

    /** What a node computes from its inputs. */
    public enum Operation {
        /** A quantity given from outside: a weight, an input, a target. No inputs. */
        INPUT,
        /** <em>a</em> + <em>b</em>. */
        ADD,
        /** <em>a</em> − <em>b</em>. */
        SUBTRACT,
        /** <em>a</em> · <em>b</em>. */
        MULTIPLY,
        /** σ(<em>a</em>) = 1 / (1 + e<sup>−<em>a</em></sup>). */
        SIGMOID,
        /** <em>a</em><sup>2</sup>. */
        SQUARE
    }

    private final Operation operation;
    private final String name;
    private final List<Node> inputs;
    private final double value;

    private Node(Operation operation, String name, List<Node> inputs, double value) {
        this.operation = operation;
        this.name = name;
        this.inputs = inputs;
        this.value = value;
    }

    /**
     * An input node.
     *
     * @param name  its name, for printing: {@code "w1"}, {@code "x"}
     * @param value its value
     * @return the node
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code value} is not finite
     */
    public static Node input(String name, double value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be null or blank, got \"" + name + "\"");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got value = " + value + " for " + name);
        }
        return new Node(Operation.INPUT, name, List.of(), value);
    }

    /**
     * The node <em>a</em> + <em>b</em>.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the sum node
     * @throws IllegalArgumentException if an operand is null
     */
    public static Node add(Node a, Node b) {
        requireOperands(a, b);
        return binary(Operation.ADD, "+", a, b, a.value + b.value);
    }

    /**
     * The node <em>a</em> − <em>b</em>.
     *
     * @param a the first operand
     * @param b the operand subtracted
     * @return the difference node
     * @throws IllegalArgumentException if an operand is null
     */
    public static Node subtract(Node a, Node b) {
        requireOperands(a, b);
        return binary(Operation.SUBTRACT, "-", a, b, a.value - b.value);
    }

    /**
     * The node <em>a</em> · <em>b</em>.
     *
     * @param a the first factor
     * @param b the second factor
     * @return the product node
     * @throws IllegalArgumentException if an operand is null
     */
    public static Node multiply(Node a, Node b) {
        requireOperands(a, b);
        return binary(Operation.MULTIPLY, "*", a, b, a.value * b.value);
    }

    /**
     * The node σ(<em>a</em>), computed without overflow.
     *
     * @param a the operand
     * @return the sigmoid node
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static Node sigmoid(Node a) {
        requireOperands(a);
        double e = Math.exp(-Math.abs(a.value));
        double s = a.value >= 0 ? 1 / (1 + e) : e / (1 + e);
        return new Node(Operation.SIGMOID, "sigmoid(" + a.name + ")", List.of(a), s);
    }

    /**
     * The node <em>a</em><sup>2</sup>.
     *
     * @param a the operand
     * @return the square node
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static Node square(Node a) {
        requireOperands(a);
        return new Node(Operation.SQUARE, "(" + a.name + ")^2", List.of(a), a.value * a.value);
    }

    /**
     * What this node computes.
     *
     * @return the operation
     */
    public Operation operation() {
        return operation;
    }

    /**
     * The node's name: an input's given name, or the formula of an operation, such as {@code (w1 * x1)}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The nodes this one is computed from, in order: none for an input, one or two for an operation.
     *
     * @return the inputs, unmodifiable
     */
    public List<Node> inputs() {
        return inputs;
    }

    /**
     * The node's value.
     *
     * @return the value computed when the node was made
     */
    public double value() {
        return value;
    }

    /**
     * The local derivative along the edge to input {@code i}: &part;(this node)/&part;(input <em>i</em>), at the
     * current values, with the other input held fixed.
     *
     * <table>
     *   <caption>Local derivatives</caption>
     *   <tr><th>node</th><th>input 0 (<em>a</em>)</th><th>input 1 (<em>b</em>)</th></tr>
     *   <tr><td><em>a</em> + <em>b</em></td><td>1</td><td>1</td></tr>
     *   <tr><td><em>a</em> − <em>b</em></td><td>1</td><td>−1</td></tr>
     *   <tr><td><em>a</em> · <em>b</em></td><td><em>b</em></td><td><em>a</em></td></tr>
     *   <tr><td>σ(<em>a</em>)</td><td>σ(<em>a</em>)(1 − σ(<em>a</em>))</td><td></td></tr>
     *   <tr><td><em>a</em><sup>2</sup></td><td>2<em>a</em></td><td></td></tr>
     * </table>
     *
     * @param i the index of the input, in [0, number of inputs)
     * @return the local derivative
     * @throws IllegalArgumentException if {@code i} is not the index of an input (an input node has none), naming
     *                                  {@code i} and the number of inputs
     */
    public double localDerivative(int i) {
        // BEGIN SOLUTION Task 3.5: return the derivative of this node's value with respect to its input i, as the table
        //     above gives it (README.md, "Task 3.5"); reject bad input as the Javadoc's @throws says
        if (i < 0 || i >= inputs.size()) {
            throw new IllegalArgumentException("i must be in [0, " + inputs.size() + ") for the "
                + operation.name().toLowerCase(java.util.Locale.ROOT) + " node " + name + ", got i = " + i);
        }
        switch (operation) {
            case ADD:
                // d(a + b)/da = 1, d(a + b)/db = 1: a sum passes changes through unchanged
                return 1.0;
            case SUBTRACT:
                // d(a - b)/da = 1, d(a - b)/db = -1
                return i == 0 ? 1.0 : -1.0;
            case MULTIPLY:
                // d(ab)/da = b, d(ab)/db = a: each factor's slope is the other factor
                return i == 0 ? inputs.get(1).value : inputs.get(0).value;
            case SIGMOID:
                // sigma' = sigma (1 - sigma), from this node's own value: no exp needed
                return value * (1 - value);
            case SQUARE:
                // d(a^2)/da = 2a
                return 2 * inputs.get(0).value;
            default:
                throw new IllegalStateException("an input node has no inputs: " + name);
        }
        // END SOLUTION
    }

    @Override
    public String toString() {
        return name + " = " + value;
    }

    private static Node binary(Operation operation, String symbol, Node a, Node b, double value) {
        return new Node(operation, "(" + a.name + " " + symbol + " " + b.name + ")", List.of(a, b), value);
    }

    private static void requireOperands(Node... operands) {
        for (int k = 0; k < operands.length; k++) {
            if (operands[k] == null) {
                throw new IllegalArgumentException("operand " + k + " must not be null");
            }
        }
    }
}
