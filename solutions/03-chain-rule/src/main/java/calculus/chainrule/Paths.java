package calculus.chainrule;

import java.util.IdentityHashMap;
import java.util.Map;

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
        // BEGIN SOLUTION Task 3.5: return the derivative of output with respect to variable, summed over the paths
        //     between them (README.md, "Task 3.5"); reject bad input as the Javadoc's @throws says
        if (output == null) {
            throw new IllegalArgumentException("output must not be null");
        }
        if (variable == null) {
            throw new IllegalArgumentException("variable must not be null");
        }
        return derivative(output, variable, new IdentityHashMap<>());
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    /**
     * The sum over paths, remembering each node's result: a node reached by many paths (a deep graph with many
     * reused nodes has exponentially many) is still expanded only once, by identity, not by equal value.
     */
    private static double derivative(Node node, Node variable, Map<Node, Double> done) {
        if (node == variable) {
            return 1.0; // the empty path: dv/dv = 1
        }
        Double known = done.get(node);
        if (known != null) {
            return known;
        }
        double sum = 0.0;
        for (int i = 0; i < node.inputs().size(); i++) {
            // chain rule along the edge to input i, then on down every path below it; a node that appears as
            // two inputs (multiply(e, e)) is visited twice, once per edge, and both products are added
            sum += node.localDerivative(i) * derivative(node.inputs().get(i), variable, done);
        }
        done.put(node, sum);
        return sum;
    }
    // END SOLUTION ONLY
}
