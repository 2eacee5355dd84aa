package calculus.chainrule;

/**
 * Derivatives on a computational graph by the chain rule: multiply the local derivatives along each path from the
 * output down to a node, and add up the paths.
 *
 * <p>For a node <em>v</em> and an output <em>L</em>,
 *
 * <p>&part;<em>L</em>/&part;<em>v</em> = Σ<sub>paths <em>L</em> → ... → <em>v</em></sub> Π<sub>edges
 * (<em>p</em> → <em>q</em>) on the path</sub> &part;<em>p</em>/&part;<em>q</em>.
 *
 * <p>A node used in two places (the same input feeding two products, or {@code multiply(e, e)}) is reached by two
 * paths, and both count: forgetting one is the classic bug of a hand-written backward pass. Grouping the sum by the
 * output's inputs gives the recursion this class computes,
 *
 * <p>&part;<em>L</em>/&part;<em>v</em> = Σ<sub><em>i</em></sub>
 * &part;<em>L</em>/&part;<em>u</em><sub><em>i</em></sub> · &part;<em>u</em><sub><em>i</em></sub>/&part;<em>v</em>
 * with &part;<em>v</em>/&part;<em>v</em> = 1,
 *
 * <p>over the inputs <em>u</em><sub><em>i</em></sub> of <em>L</em>. Module 6 turns the same sum around: one
 * backward sweep from the output gives the derivative with respect to every node at once (backpropagation).
 */
public final class Paths {

    private Paths() {
    }

    /**
     * The derivative &part;(output)/&part;(variable): the sum over all paths from {@code output} down to
     * {@code variable} of the product of the local derivatives on the path's edges.
     *
     * @param output   the node differentiated, for example a loss
     * @param variable the node it is differentiated with respect to, for example a weight
     * @return 1 if the two are the same node, 0 if {@code output} does not depend on {@code variable}, else the
     *     sum over paths
     * @throws IllegalArgumentException if either node is null
     */
    public static double derivative(Node output, Node variable) {
        // TODO(Task 3.5): return the derivative of output with respect to variable, summed over the paths
        //     between them (README.md, "Task 3.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 3.5: Paths.derivative");
    }
}
