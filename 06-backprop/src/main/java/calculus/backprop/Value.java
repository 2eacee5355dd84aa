package calculus.backprop;

import java.util.List;

/**
 * A scalar that remembers how it was computed: one node of a computation graph, for reverse-mode automatic
 * differentiation (backpropagation).
 *
 * <p>Every operation returns a new node that holds three things: its value (the forward computation), the nodes it
 * was computed from (its <em>parents</em>), and the <em>local derivatives</em> &part;out/&part;parent, computed
 * right beside the value while the numbers are at hand. For <em>c</em> = <em>a</em>·<em>b</em> the local
 * derivatives are &part;<em>c</em>/&part;<em>a</em> = <em>b</em> and &part;<em>c</em>/&part;<em>b</em> =
 * <em>a</em>. {@link #backward()} then walks the graph once, from the output back to the inputs, and applies the
 * chain rule at every node:
 *
 * <p>&part;<em>L</em>/&part;<em>p</em> = &sum;<sub>children <em>c</em> of <em>p</em></sub>
 * &part;<em>L</em>/&part;<em>c</em> · &part;<em>c</em>/&part;<em>p</em>,
 *
 * <p>the sum running over every node that used <em>p</em>: a value used twice receives two contributions.
 *
 * <p>Operations with a constant ({@link #add(double)}, {@link #mul(double)}, ...) do not make the constant a node:
 * nothing needs its gradient, so the node has one parent and the graph stays half as large.
 *
 * <p>A value's {@code data} is fixed once computed, except for leaves (values made with {@link #Value(double)}, the
 * inputs and the parameters), which an optimizer moves with {@link #setData(double)}. The identity of a node is its
 * object identity: two nodes with equal data are different nodes, so {@code Value} does not override
 * {@code equals}. Not thread-safe: a graph belongs to one thread.
 *
 * <p>Numerical limits: values are IEEE doubles, so {@code exp} overflows to +&infin; beyond 709.78 and the
 * gradient of a long product may underflow to 0; operations whose result is undefined (the log of a non-positive
 * number, a division by zero, a non-integer power of a negative number) are refused with an
 * {@link IllegalArgumentException} rather than returning NaN, which would poison every gradient downstream. Its
 * message names the operation or the parameter and the offending value: {@code "log needs a positive argument, got
 * a = -2.0"}, {@code "division by zero: other = 0.0 (dividing a = 3.0)"}, {@code "c must be finite, got c = NaN"}.
 */
public final class Value {

    private static final Value[] NO_PARENTS = {};
    private static final double[] NO_DERIVATIVES = {};

    private double data;
    private double grad;
    private String op;
    private Value[] parents;
    private double[] localDerivatives;

    /**
     * A leaf: an input or a parameter, with no parents and gradient 0.
     *
     * @param data its value
     * @throws IllegalArgumentException if {@code data} is NaN or infinite
     */
    public Value(double data) {
        this(Checks.requireFinite(data, "data"), "", NO_PARENTS, NO_DERIVATIVES);
    }

    /** A node made by a one-argument operation: its value, and &part;value/&part;input. */
    private Value(double data, String op, Value input, double derivative) {
        this(data, op, new Value[] {input}, new double[] {derivative});
    }

    /** A node made by a two-argument operation: its value, and the local derivative for each input. */
    private Value(double data, String op, Value left, double dLeft, Value right, double dRight) {
        this(data, op, new Value[] {left, right}, new double[] {dLeft, dRight});
    }

    private Value(double data, String op, Value[] parents, double[] localDerivatives) {
        this.data = data;
        this.op = op;
        this.parents = parents;
        this.localDerivatives = localDerivatives;
    }

    // ---- Task 6.1: the operations, each local derivative beside its forward computation

    /**
     * This plus another value.
     *
     * @param other the other summand
     * @return <em>a</em> + <em>b</em>, with &part;/&part;<em>a</em> = 1 and &part;/&part;<em>b</em> = 1
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Value add(Value other) {
        // TODO(Task 6.1): return the node of the sum, with its local derivatives (README.md, "Task 6.1");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.add(Value)");
    }

    /**
     * This plus a constant.
     *
     * @param c the constant
     * @return <em>a</em> + <em>c</em>, with &part;/&part;<em>a</em> = 1
     * @throws IllegalArgumentException if {@code c} is NaN or infinite
     */
    public Value add(double c) {
        // TODO(Task 6.1): return the node of this plus the constant, with its local derivative
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.add(double)");
    }

    /**
     * This minus another value.
     *
     * @param other the value subtracted
     * @return <em>a</em> − <em>b</em>, with &part;/&part;<em>a</em> = 1 and &part;/&part;<em>b</em> = −1
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Value sub(Value other) {
        // TODO(Task 6.1): return the node of the difference, with its local derivatives
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.sub(Value)");
    }

    /**
     * This minus a constant.
     *
     * @param c the constant
     * @return <em>a</em> − <em>c</em>, with &part;/&part;<em>a</em> = 1
     * @throws IllegalArgumentException if {@code c} is NaN or infinite
     */
    public Value sub(double c) {
        // TODO(Task 6.1): return the node of this minus the constant, with its local derivative
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.sub(double)");
    }

    /**
     * The negation.
     *
     * @return −<em>a</em>, with &part;/&part;<em>a</em> = −1
     */
    public Value neg() {
        // TODO(Task 6.1): return the node of the negation, with its local derivative (README.md, "Task 6.1")
        throw new UnsupportedOperationException("Task 6.1: Value.neg");
    }

    /**
     * This times another value.
     *
     * @param other the other factor
     * @return <em>ab</em>, with &part;/&part;<em>a</em> = <em>b</em> and &part;/&part;<em>b</em> = <em>a</em>
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Value mul(Value other) {
        // TODO(Task 6.1): return the node of the product, with its local derivatives (README.md, "Task 6.1");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.mul(Value)");
    }

    /**
     * This times a constant.
     *
     * @param c the constant
     * @return <em>ca</em>, with &part;/&part;<em>a</em> = <em>c</em>
     * @throws IllegalArgumentException if {@code c} is NaN or infinite
     */
    public Value mul(double c) {
        // TODO(Task 6.1): return the node of this times the constant, with its local derivative
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.mul(double)");
    }

    /**
     * This divided by another value.
     *
     * @param other the divisor
     * @return <em>a</em>/<em>b</em>, with &part;/&part;<em>a</em> = 1/<em>b</em> and &part;/&part;<em>b</em> =
     *     −<em>a</em>/<em>b</em><sup>2</sup>
     * @throws IllegalArgumentException if {@code other} is null or zero (the message names {@code other} and its
     *     value)
     */
    public Value div(Value other) {
        // TODO(Task 6.1): return the node of the quotient, with its local derivatives (README.md, "Task 6.1");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.div(Value)");
    }

    /**
     * This divided by a constant.
     *
     * @param c the divisor
     * @return <em>a</em>/<em>c</em>, with &part;/&part;<em>a</em> = 1/<em>c</em>
     * @throws IllegalArgumentException if {@code c} is zero, NaN or infinite (the message names {@code c} and its
     *     value)
     */
    public Value div(double c) {
        // TODO(Task 6.1): return the node of this divided by the constant, with its local derivative
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.div(double)");
    }

    /**
     * This to a constant power.
     *
     * @param exponent the constant exponent <em>c</em>
     * @return <em>a</em><sup><em>c</em></sup>, with &part;/&part;<em>a</em> = <em>c</em>
     *     <em>a</em><sup><em>c</em>−1</sup>
     * @throws IllegalArgumentException if {@code exponent} is NaN or infinite; if this is negative and the exponent
     *     not an integer (no real result); if this is 0 and the exponent below 1 but not 0 (an infinite result or
     *     derivative). The message names the exponent and its value
     */
    public Value pow(double exponent) {
        // TODO(Task 6.1): return the node of this to the constant power, with its local derivative
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.pow");
    }

    /**
     * The exponential.
     *
     * @return e<sup><em>a</em></sup>, with &part;/&part;<em>a</em> = e<sup><em>a</em></sup> (+&infin; beyond
     *     <em>a</em> = 709.78, where the double overflows)
     */
    public Value exp() {
        // TODO(Task 6.1): return the node of the exponential, with its local derivative
        //     (README.md, "Task 6.1")
        throw new UnsupportedOperationException("Task 6.1: Value.exp");
    }

    /**
     * The natural logarithm.
     *
     * @return ln <em>a</em>, with &part;/&part;<em>a</em> = 1/<em>a</em>
     * @throws IllegalArgumentException if this is not positive (the message says "log" and gives the value)
     */
    public Value log() {
        // TODO(Task 6.1): return the node of the natural logarithm, with its local derivative
        //     (README.md, "Task 6.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.1: Value.log");
    }

    /**
     * The hyperbolic tangent, the classic squashing activation.
     *
     * @return tanh <em>a</em>, with &part;/&part;<em>a</em> = 1 − tanh<sup>2</sup> <em>a</em>
     */
    public Value tanh() {
        // TODO(Task 6.1): return the node of the hyperbolic tangent, with its local derivative
        //     (README.md, "Task 6.1")
        throw new UnsupportedOperationException("Task 6.1: Value.tanh");
    }

    /**
     * The rectified linear unit.
     *
     * @return max(0, <em>a</em>), with &part;/&part;<em>a</em> = 1 for <em>a</em> &gt; 0 and 0 otherwise (at the
     *     kink <em>a</em> = 0 the derivative is taken to be 0, as most libraries do)
     */
    public Value relu() {
        // TODO(Task 6.1): return the node of the rectified linear unit, with its local derivative as the
        //     Javadoc fixes it (README.md, "Task 6.1")
        throw new UnsupportedOperationException("Task 6.1: Value.relu");
    }

    /**
     * The logistic sigmoid σ(<em>a</em>) = 1 / (1 + e<sup>−<em>a</em></sup>), in [0, 1] for every finite
     * <em>a</em>, never NaN. (In IEEE arithmetic that formula is safe as it stands: at <em>a</em> = −800,
     * e<sup>800</sup> overflows to ∞ and 1/(1 + ∞) = 0, the right limit; e<sup><em>a</em></sup>/(1 +
     * e<sup><em>a</em></sup>) is not, ∞/∞ = NaN at <em>a</em> = 800.)
     *
     * @return σ(<em>a</em>), with &part;/&part;<em>a</em> = σ(<em>a</em>)(1 − σ(<em>a</em>))
     */
    public Value sigmoid() {
        // TODO(Task 6.1): return the node of the sigmoid, never NaN for a number, with its local derivative
        //     (README.md, "Task 6.1")
        throw new UnsupportedOperationException("Task 6.1: Value.sigmoid");
    }

    // ---- Task 6.2: backpropagation

    /**
     * Every node of the graph that ends at this node, each exactly once, in an order in which every node comes
     * after all of its parents (the leaves first, this node last). Built iteratively, so a graph a million nodes
     * deep does not overflow the call stack.
     *
     * @return the nodes in topological order, this node last
     */
    public List<Value> topologicalOrder() {
        // TODO(Task 6.2): return every node of the graph once, each after its parents, without recursion
        //     (README.md, "Task 6.2")
        throw new UnsupportedOperationException("Task 6.2: Value.topologicalOrder");
    }

    /**
     * Backpropagation from this node: afterwards every node <em>g</em> of the graph holds
     * {@code grad} = &part;this/&part;<em>g</em>, found in one backward sweep over {@link #topologicalOrder()}.
     *
     * <p>Calling it again: the gradients of the interior nodes are recomputed from zero on every call, while the
     * leaves (inputs and parameters) <em>accumulate</em>: each call adds &part;this/&part;leaf to what the leaf
     * holds, so calling {@code backward()} twice doubles every leaf's gradient and leaves the interior ones
     * unchanged. That is what lets the gradients of several losses add up, and why a training step calls
     * {@link #zeroGrad()} on its parameters first (as {@code optimizer.zero_grad()} in PyTorch).
     */
    public void backward() {
        // TODO(Task 6.2): fill in the gradient of this node with respect to every node of its graph, in one
        //     backward sweep, as the Javadoc says (README.md, "Task 6.2")
        throw new UnsupportedOperationException("Task 6.2: Value.backward");
    }

    // ---- the node's state (given)

    /** @return this node's value */
    public double data() {
        return data;
    }

    /** @return &part;<em>L</em>/&part;this for the last node <em>L</em> that {@link #backward()} was called on */
    public double grad() {
        return grad;
    }

    /** Sets the gradient to 0: a training step calls it on every parameter before {@link #backward()}. */
    public void zeroGrad() {
        grad = 0.0;
    }

    /**
     * Moves a leaf to a new value, as an optimizer step does with a parameter. Nodes computed from it earlier keep
     * their old values: build the graph again (the next forward pass) to use the new one.
     *
     * @param data the new value
     * @throws IllegalArgumentException if {@code data} is NaN or infinite
     * @throws IllegalStateException    if this node is not a leaf (its value is fixed by its parents)
     */
    public void setData(double data) {
        Checks.requireFinite(data, "data");
        if (parents.length > 0) {
            throw new IllegalStateException("only a leaf can be moved: this node is computed by '" + op + "'");
        }
        this.data = data;
    }

    /** @return the operation that made this node ({@code "*"}, {@code "tanh"}, ...), empty for a leaf */
    public String op() {
        return op;
    }

    /** @return the nodes this one was computed from, in argument order; empty for a leaf */
    public List<Value> parents() {
        return List.of(parents);
    }

    /**
     * @return &part;this/&part;parent for each of {@link #parents()}, in the same order (a copy), as computed in
     *     the forward pass
     */
    public double[] localDerivatives() {
        return localDerivatives.clone();
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + (op.isEmpty() ? "" : ", op=" + op) + ")";
    }
}
