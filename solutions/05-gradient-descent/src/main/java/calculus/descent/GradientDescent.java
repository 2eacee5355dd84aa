package calculus.descent;

/**
 * Plain gradient descent: the step <em>x</em> ← <em>x</em> − <em>η</em> ∇<em>f</em>(<em>x</em>) with a fixed
 * learning rate <em>η</em> &gt; 0.
 *
 * <p>The gradient points where <em>f</em> grows fastest, so a small step against it lowers <em>f</em>: by Taylor,
 * <em>f</em>(<em>x</em> − <em>η</em><em>g</em>) = <em>f</em>(<em>x</em>) − <em>η</em>‖<em>g</em>‖<sup>2</sup> +
 * O(<em>η</em><sup>2</sup>). How small is small enough depends on the curvature of <em>f</em>: see
 * {@link LearningRate}.
 *
 * <p>The step does no check of the numbers themselves: NaN and infinities pass through, so that the loop that
 * calls it ({@link Minimizer}) sees a diverging run and stops it.
 */
public final class GradientDescent implements Optimizer {

    private final double learningRate;

    /**
     * An optimizer that takes plain gradient steps.
     *
     * @param learningRate the step size <em>η</em>
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public GradientDescent(double learningRate) {
        // BEGIN SOLUTION Task 5.1 [new GradientDescent(learningRate)]: keep the learning rate (README.md, "Task 5.1");
        //     reject bad input as the Javadoc's @throws says
        this.learningRate = Checks.requirePositive(learningRate, "learningRate");
        // END SOLUTION
    }

    /**
     * The learning rate <em>η</em>.
     *
     * @return <em>η</em>
     */
    public double learningRate() {
        // BEGIN SOLUTION Task 5.1: return the learning rate given to the constructor (README.md, "Task 5.1")
        return learningRate;
        // END SOLUTION
    }

    /**
     * One gradient step: <em>x</em> − <em>η</em> <em>g</em>, coordinate by coordinate.
     *
     * @param x            the current point; not changed
     * @param gradient     the gradient <em>g</em> = ∇<em>f</em>(<em>x</em>), as long as {@code x}; not changed
     * @param learningRate the step size <em>η</em>
     * @return a new array: <em>x</em> − <em>η</em> <em>g</em>
     * @throws IllegalArgumentException if {@code x} or {@code gradient} is null, their lengths differ, or
     *                                  {@code learningRate} is not positive and finite
     */
    public static double[] step(double[] x, double[] gradient, double learningRate) {
        // BEGIN SOLUTION Task 5.1: return a new array, the point one gradient step from x (README.md, "Task 5.1");
        //     reject bad input as the Javadoc's @throws says
        Checks.requireSameLength(x, "x", gradient, "gradient");
        Checks.requirePositive(learningRate, "learningRate");
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            // minus: the gradient points uphill
            next[i] = x[i] - learningRate * gradient[i];
        }
        return next;
        // END SOLUTION
    }

    /**
     * {@link #step} with this optimizer's learning rate.
     *
     * @throws IllegalArgumentException if an argument is null or the lengths differ
     */
    @Override
    public double[] update(double[] x, double[] gradient) {
        // BEGIN SOLUTION Task 5.1: return the point one gradient step from x, with this optimizer's learning rate
        //     (README.md, "Task 5.1"); reject bad input as the Javadoc's @throws says
        return step(x, gradient, learningRate);
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    @Override
    public String toString() {
        return "GradientDescent[learningRate=" + learningRate + "]";
    }
    // END SOLUTION ONLY
}
