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

    // BEGIN SOLUTION ONLY
    private final Sequential network;
    private final double learningRate;
    private final double momentum;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    // the network's live parameter and gradient arrays, asked for once (the arrays never change, only their
    // entries), so that a step builds no lists
    private double[][] parameters;
    private double[][] gradients;
    private double[][] velocity;
    // END SOLUTION ONLY

    /**
     * A trainer for a network.
     *
     * @param network      the classifier: its last layer returns one logit per class
     * @param learningRate η, positive and finite
     * @param momentum     μ, in [0, 1)
     * @throws IllegalArgumentException if {@code network} is null or a rate is out of range
     */
    public Trainer(Sequential network, double learningRate, double momentum) {
        // BEGIN SOLUTION Task 6.5 [Trainer constructor]: keep the network and the settings (README.md, "Task 6.5");
        //     reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(network, "network");
        Checks.requirePositive(learningRate, "learningRate");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got momentum = " + momentum);
        }
        this.network = network;
        this.learningRate = learningRate;
        this.momentum = momentum;
        // END SOLUTION
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
        // BEGIN SOLUTION Task 6.5: return the loss before one full-batch step of gradient descent with momentum
        //     (README.md, "Task 6.5"); reject bad input as the Javadoc's @throws says
        double value = loss.forward(network.forward(x), labels);
        double[][] logitGradient = loss.backward();
        network.backward(logitGradient);
        descend();
        return value;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    /** The momentum update of every parameter entry from the matching gradient entry. */
    private void descend() {
        if (velocity == null) {
            parameters = network.parameters().toArray(new double[0][]);
            gradients = network.gradients().toArray(new double[0][]);
            // one velocity per parameter entry, starting at rest: the first step is plain gradient descent
            velocity = new double[parameters.length][];
            for (int k = 0; k < velocity.length; k++) {
                velocity[k] = new double[parameters[k].length];
            }
        }
        for (int k = 0; k < velocity.length; k++) {
            double[] p = parameters[k];
            double[] g = gradients[k];
            double[] v = velocity[k];
            // three arrays in step, each entry independent of the others: a vectorised loop
            for (int i = 0; i < p.length; i++) {
                v[i] = momentum * v[i] - learningRate * g[i];
                p[i] += v[i];
            }
        }
    }
    // END SOLUTION ONLY

    /**
     * Trains for a number of steps.
     *
     * @param x      the inputs
     * @param labels the classes
     * @param steps  the number of steps, at least 1
     * @return the loss before each step
     */
    public double[] fit(double[][] x, int[] labels, int steps) {
        // BEGIN SOLUTION Task 6.5: return the loss before each of that many steps (README.md, "Task 6.5"); reject bad
        //     input as the Javadoc's @throws says
        Checks.requirePositive(steps, "steps");
        double[] losses = new double[steps];
        for (int t = 0; t < steps; t++) {
            losses[t] = step(x, labels);
        }
        return losses;
        // END SOLUTION
    }

    /**
     * The predicted class of each example: the index of its largest logit.
     *
     * @param network the classifier
     * @param x       the inputs
     * @return one class per row of {@code x}
     */
    public static int[] predict(Sequential network, double[][] x) {
        // BEGIN SOLUTION Task 6.5: return the predicted class of each example, the index of its largest logit
        //     (README.md, "Task 6.5")
        Checks.requireNonNull(network, "network");
        double[][] logits = network.forward(x);
        int[] classes = new int[logits.length];
        for (int r = 0; r < logits.length; r++) {
            int best = 0;
            for (int j = 1; j < logits[r].length; j++) {
                if (logits[r][j] > logits[r][best]) {
                    best = j;
                }
            }
            classes[r] = best;
        }
        return classes;
        // END SOLUTION
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
        // BEGIN SOLUTION Task 6.5: return the fraction of examples classified correctly (README.md, "Task 6.5"); reject
        //     bad input as the Javadoc's @throws says
        int[] predicted = predict(network, x);
        Checks.requireNonNull(labels, "labels");
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, expected one per row of "
                + "x: " + predicted.length);
        }
        int correct = 0;
        for (int r = 0; r < predicted.length; r++) {
            if (predicted[r] == labels[r]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
        // END SOLUTION
    }
}
