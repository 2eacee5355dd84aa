package calculus.descent;

/**
 * How large a learning rate can be, worked out exactly on the simplest function with a minimum,
 * <em>f</em>(<em>x</em>) = <em>a</em><em>x</em><sup>2</sup> with <em>a</em> &gt; 0.
 *
 * <p>There <em>f</em>′(<em>x</em>) = 2<em>a</em><em>x</em>, so one gradient step is
 * <em>x</em> − <em>η</em>·2<em>a</em><em>x</em> = (1 − 2<em>a</em><em>η</em>) <em>x</em>: every step multiplies
 * <em>x</em> by the same factor <em>r</em> = 1 − 2<em>a</em><em>η</em>, and after <em>k</em> steps
 * <em>x</em><sub><em>k</em></sub> = <em>r</em><sup><em>k</em></sup> <em>x</em><sub>0</sub>. The run converges
 * exactly when |<em>r</em>| &lt; 1, that is 0 &lt; <em>η</em> &lt; 2/(2<em>a</em>) = 1/<em>a</em>: two over the
 * curvature <em>f</em>″ = 2<em>a</em>. For 1/(2<em>a</em>) &lt; <em>η</em> &lt; 1/<em>a</em> the iterates
 * overshoot and zig-zag in, at <em>η</em> = 1/<em>a</em> they bounce between ±<em>x</em><sub>0</sub> for ever, and
 * beyond it they grow. Near the minimum of any smooth function the same holds with the largest curvature (the
 * largest eigenvalue of the Hessian) in place of 2<em>a</em>.
 */
public final class LearningRate {

    private LearningRate() {
    }

    /**
     * The largest stable learning rate for <em>f</em>(<em>x</em>) = <em>a</em><em>x</em><sup>2</sup>: gradient
     * descent converges for every <em>η</em> below it and diverges for every <em>η</em> above it.
     *
     * @param a the coefficient, positive
     * @return 2 / <em>f</em>″ = 1/<em>a</em>
     * @throws IllegalArgumentException if {@code a} is not positive and finite
     */
    public static double largestStable(double a) {
        // TODO(Task 5.3): return the largest learning rate for which gradient descent on this parabola
        //     converges (README.md, "Task 5.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.3: LearningRate.largestStable");
    }

    /**
     * The factor one gradient step on <em>f</em>(<em>x</em>) = <em>a</em><em>x</em><sup>2</sup> multiplies
     * <em>x</em> by: <em>r</em> = 1 − 2<em>a</em><em>η</em>. The run converges when |<em>r</em>| &lt; 1, fastest
     * at <em>r</em> = 0 (<em>η</em> = 1/(2<em>a</em>), one step to the minimum), and zig-zags when <em>r</em> &lt; 0.
     *
     * @param a            the coefficient, positive
     * @param learningRate the learning rate <em>η</em>, positive
     * @return 1 − 2<em>a</em><em>η</em>
     * @throws IllegalArgumentException if {@code a} or {@code learningRate} is not positive and finite
     */
    public static double contraction(double a, double learningRate) {
        // TODO(Task 5.3): return the factor by which one step scales the distance to the minimum
        //     (README.md, "Task 5.3"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 5.3: LearningRate.contraction");
    }
}
