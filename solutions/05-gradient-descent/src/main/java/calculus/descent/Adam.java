package calculus.descent;

/**
 * Adam (Kingma and Ba, 2015): momentum on the gradient, divided by a running root-mean-square of the gradient, so
 * that every coordinate takes steps of about the same size <em>η</em> whatever the scale of its gradient.
 *
 * <p>With <em>g</em> = ∇<em>f</em>(<em>x</em><sub><em>t</em>−1</sub>) at step <em>t</em> = 1, 2, …, coordinate by
 * coordinate:
 * <ul>
 *   <li><em>m</em><sub><em>t</em></sub> = <em>β</em><sub>1</sub> <em>m</em><sub><em>t</em>−1</sub> +
 *       (1 − <em>β</em><sub>1</sub>) <em>g</em>, the first moment (mean), <em>m</em><sub>0</sub> = 0;</li>
 *   <li><em>v</em><sub><em>t</em></sub> = <em>β</em><sub>2</sub> <em>v</em><sub><em>t</em>−1</sub> +
 *       (1 − <em>β</em><sub>2</sub>) <em>g</em><sup>2</sup>, the second moment, <em>v</em><sub>0</sub> = 0;</li>
 *   <li><em>m̂</em> = <em>m</em><sub><em>t</em></sub> / (1 − <em>β</em><sub>1</sub><sup><em>t</em></sup>),
 *       <em>v̂</em> = <em>v</em><sub><em>t</em></sub> / (1 − <em>β</em><sub>2</sub><sup><em>t</em></sup>),
 *       the bias correction;</li>
 *   <li><em>x</em><sub><em>t</em></sub> = <em>x</em><sub><em>t</em>−1</sub> − <em>η</em> <em>m̂</em> /
 *       (√<em>v̂</em> + <em>ε</em>).</li>
 * </ul>
 *
 * <p>Bias correction: the averages start at 0, so early on they are too small, <em>m</em><sub>1</sub> =
 * (1 − <em>β</em><sub>1</sub>) <em>g</em> = 0.1 <em>g</em>; dividing by 1 − <em>β</em><sup><em>t</em></sup> (the
 * total weight the average has given so far) undoes exactly that, and fades out as <em>t</em> grows. Without it the
 * first step would be (1 − <em>β</em><sub>1</sub>)/√(1 − <em>β</em><sub>2</sub>) ≈ 3.2 times too long. The first
 * step with it is <em>η</em> <em>g</em>/(|<em>g</em>| + <em>ε</em>): about <em>η</em> against the sign of each
 * coordinate of the gradient. The moments and <em>t</em> are state: one object per run.
 */
public final class Adam implements Optimizer {

    /** Decay of the first moment: about the last 10 gradients. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Decay of the second moment: about the last 1000 squared gradients, a slow and steady scale. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Keeps the division finite where the gradient is 0; small beside any gradient worth following. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] m;
    private double[] v;
    private int t;

    /**
     * Adam with the usual {@link #DEFAULT_BETA1}, {@link #DEFAULT_BETA2} and {@link #DEFAULT_EPSILON}.
     *
     * @param learningRate the step size <em>η</em>
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * Adam with given settings.
     *
     * @param learningRate the step size <em>η</em>
     * @param beta1        the decay of the first moment, in [0, 1)
     * @param beta2        the decay of the second moment, in [0, 1)
     * @param epsilon      added to √<em>v̂</em>, positive
     * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not positive and finite, or
     *                                  {@code beta1} or {@code beta2} is not in [0, 1)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        // BEGIN SOLUTION Task 5.6 [new Adam(learningRate, beta1, beta2, epsilon)]: keep the settings
        //     (README.md, "Task 5.6"); reject bad input as the Javadoc's @throws says
        this.learningRate = Checks.requirePositive(learningRate, "learningRate");
        // a beta of 1 makes the bias correction divide by 1 - 1^t = 0
        this.beta1 = Checks.requireInHalfOpenInterval(beta1, "beta1", 0.0, 1.0);
        this.beta2 = Checks.requireInHalfOpenInterval(beta2, "beta2", 0.0, 1.0);
        this.epsilon = Checks.requirePositive(epsilon, "epsilon");
        // END SOLUTION
    }

    /**
     * One Adam step; the first call fixes the dimension of the moments.
     *
     * @throws IllegalArgumentException if an argument is null, the lengths differ, or they differ from those of
     *                                  earlier calls
     */
    @Override
    public double[] update(double[] x, double[] gradient) {
        // BEGIN SOLUTION Task 5.6: return the next point of Adam, keeping both moments from one call to the next
        //     (README.md, "Task 5.6"); reject bad input as the Javadoc's @throws says
        Checks.requireSameLength(x, "x", gradient, "gradient");
        if (m == null) {
            m = new double[x.length];
            v = new double[x.length];
        }
        Checks.requireLength(gradient, "gradient", m.length);
        t++;
        // 1 - beta^t: the weight the running averages have collected after t steps
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = 1.0 - Math.pow(beta2, t);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            next[i] = x[i] - learningRate * mHat / (Math.sqrt(vHat) + epsilon);
        }
        return next;
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    @Override
    public String toString() {
        return "Adam[learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
            + "]";
    }
    // END SOLUTION ONLY
}
