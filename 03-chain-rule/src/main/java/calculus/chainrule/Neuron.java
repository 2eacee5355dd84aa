package calculus.chainrule;

/**
 * The computational graph of one neuron with a squared-error loss,
 *
 * <p><em>z</em> = <em>w</em><sub>1</sub><em>x</em><sub>1</sub> + <em>w</em><sub>2</sub><em>x</em><sub>2</sub> +
 * <em>b</em>, &nbsp; <em>a</em> = σ(<em>z</em>), &nbsp; <em>L</em> = (<em>a</em> − <em>y</em>)<sup>2</sup>,
 *
 * <p>wired from {@link Node}s. Pass the same node twice to tie two quantities: {@code loss(w1, x, w2, x, b, y)}
 * feeds one input <em>x</em> to both products, and {@code loss(w, x1, w, x2, b, y)} shares one weight.
 */
public final class Neuron {

    private Neuron() {
    }

    /**
     * The loss node <em>L</em> = (σ(<em>w</em><sub>1</sub><em>x</em><sub>1</sub> +
     * <em>w</em><sub>2</sub><em>x</em><sub>2</sub> + <em>b</em>) − <em>y</em>)<sup>2</sup>.
     *
     * @param w1 the first weight
     * @param x1 the first input
     * @param w2 the second weight
     * @param x2 the second input
     * @param b  the bias
     * @param y  the target
     * @return the loss node, whose inputs lead back to the given nodes
     * @throws IllegalArgumentException if a node is null
     */
    public static Node loss(Node w1, Node x1, Node w2, Node x2, Node b, Node y) {
        Node z = Node.add(Node.add(Node.multiply(w1, x1), Node.multiply(w2, x2)), b);
        Node a = Node.sigmoid(z);
        return Node.square(Node.subtract(a, y));
    }
}
