package calculus.backprop;

/**
 * Trains a {@link Sequential} classifier by full-batch gradient descent with momentum on the mean
 * {@link SoftmaxCrossEntropy} loss.
 *
 * <p>One step: forward, loss, backward, then for every parameter <em>p</em> with gradient <em>g</em>
 *
 * <p><em>v</em> ← μ<em>v</em> − η<em>g</em>, &nbsp; <em>p</em> ← <em>p</em> + <em>v</em>.
 *
 * <p>The velocity <em>v</em> is a running sum of past gradients: along directions where the gradient keeps its
 * sign, steps grow up to 1/(1 − μ) times (10 times for μ = 0.9), while oscillating components cancel. With
 * μ = 0 it is plain gradient descent. The whole batch every step makes training deterministic: the same network
 * and data give the same losses, bit for bit.
 */
public final class Trainer {

    /**
     * A trainer for a network.
     *
     * @param network      the classifier: its last layer returns one logit per class
     * @param learningRate η, positive and finite
     * @param momentum     μ, in [0, 1)
     * @throws IllegalArgumentException if {@code network} is null or a rate is out of range
     */
    public Trainer(Sequential network, double learningRate, double momentum) {
        // TODO(Task 6.5): keep the network and the settings (README.md, "Task 6.5");
        //     reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.5: Trainer constructor");
    }

    /**
     * One full-batch step.
     *
     * @param x      the inputs, one row per example
     * @param labels the class of each example
     * @return the loss before the step
     * @throws IllegalArgumentException if the data do not fit the network
     */
    public double step(double[][] x, int[] labels) {
        // TODO(Task 6.5): return the loss before one full-batch step of gradient descent with momentum
        //     (README.md, "Task 6.5"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.5: Trainer.step");
    }

    /**
     * Trains for a number of steps.
     *
     * @param x      the inputs
     * @param labels the classes
     * @param steps  the number of steps, at least 1
     * @return the loss before each step
     */
    public double[] fit(double[][] x, int[] labels, int steps) {
        // TODO(Task 6.5): return the loss before each of that many steps (README.md, "Task 6.5"); reject bad
        //     input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.5: Trainer.fit");
    }

    /**
     * The predicted class of each example: the index of its largest logit.
     *
     * @param network the classifier
     * @param x       the inputs
     * @return one class per row of {@code x}
     */
    public static int[] predict(Sequential network, double[][] x) {
        // TODO(Task 6.5): return the predicted class of each example, the index of its largest logit
        //     (README.md, "Task 6.5")
        throw new UnsupportedOperationException("Task 6.5: Trainer.predict");
    }

    /**
     * The fraction of examples classified correctly.
     *
     * @param network the classifier
     * @param x       the inputs
     * @param labels  the true classes
     * @return the accuracy in [0, 1]
     */
    public static double accuracy(Sequential network, double[][] x, int[] labels) {
        // TODO(Task 6.5): return the fraction of examples classified correctly (README.md, "Task 6.5"); reject
        //     bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 6.5: Trainer.accuracy");
    }
}
