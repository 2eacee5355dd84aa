package calculus.backprop;

import java.util.List;

/**
 * The training recipe for a binary classifier on {@link Value}s (Task 6.3), shared by the tests, the lesson's
 * figures and the benchmark: an {@link MLP} with one output score <em>s</em>, class 1 when <em>s</em> &gt; 0, trained
 * by full-batch {@link Sgd} on the logistic loss
 *
 * <p><em>L</em> = (1/<em>N</em>) &sum; log(1 + e<sup>−<em>y</em><em>s</em></sup>), with <em>y</em> = ±1,
 *
 * <p>the two-class case of softmax cross-entropy. Every step builds the whole graph again from the current
 * parameters: a forward pass is the graph.
 */
public final class ScalarTraining {

    private ScalarTraining() {
    }

    /**
     * The mean logistic loss of the network on a data set, as a graph ending at the loss.
     *
     * @param network the classifier, one output
     * @param x       one row per example
     * @param labels  0 or 1 per example
     * @return the loss node
     */
    public static Value logisticLoss(MLP network, double[][] x, int[] labels) {
        Value total = null;
        for (int i = 0; i < x.length; i++) {
            Value score = network.apply(x[i]).get(0);
            double y = labels[i] == 1 ? 1.0 : -1.0;
            Value term = softplus(score.mul(-y));
            total = total == null ? term : total.add(term);
        }
        return total.div(x.length);
    }

    /**
     * log(1 + e<sup><em>t</em></sup>) without overflow: for <em>t</em> &gt; 0 it is written <em>t</em> + log(1 +
     * e<sup>−<em>t</em></sup>), so exp only ever sees a number at most 0.
     */
    static Value softplus(Value t) {
        if (t.data() > 0) {
            return t.add(t.neg().exp().add(1.0).log());
        }
        return t.exp().add(1.0).log();
    }

    /**
     * Trains by full-batch gradient descent.
     *
     * @param network the classifier
     * @param sgd     the optimizer of its parameters
     * @param x       the inputs
     * @param labels  0 or 1 per example
     * @param steps   the number of steps
     * @return the loss before each step
     */
    public static double[] train(MLP network, Sgd sgd, double[][] x, int[] labels, int steps) {
        double[] curve = new double[steps];
        for (int t = 0; t < steps; t++) {
            Value loss = logisticLoss(network, x, labels);
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
            curve[t] = loss.data();
        }
        return curve;
    }

    /**
     * The fraction of examples on the right side: score &gt; 0 for class 1, score &le; 0 for class 0.
     *
     * @param network the classifier
     * @param x       the inputs
     * @param labels  0 or 1 per example
     * @return the accuracy in [0, 1]
     */
    public static double accuracy(MLP network, double[][] x, int[] labels) {
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            if (predict(network, x[i]) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / x.length;
    }

    /**
     * The predicted class of one example.
     *
     * @param network the classifier
     * @param x       the input
     * @return 1 if the score is positive, else 0
     */
    public static int predict(MLP network, double... x) {
        List<Value> out = network.apply(x);
        return out.get(0).data() > 0 ? 1 : 0;
    }
}
