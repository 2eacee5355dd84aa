package calculus.descent;

/**
 * Gradient descent whose step size is chosen anew at every step by backtracking until the Armijo condition
 * (sufficient decrease) holds: no learning rate to tune.
 *
 * <p>Along the direction −<em>g</em>, <em>g</em> = ∇<em>f</em>(<em>x</em>), the first-order Taylor model promises
 * <em>f</em>(<em>x</em> − <em>t</em><em>g</em>) ≈ <em>f</em>(<em>x</em>) − <em>t</em>‖<em>g</em>‖<sup>2</sup>. The
 * Armijo condition accepts a step <em>t</em> that delivers at least a fraction <em>c</em> of that promise:
 *
 * <p><em>f</em>(<em>x</em> − <em>t</em><em>g</em>) ≤ <em>f</em>(<em>x</em>) − <em>c</em> <em>t</em>
 * ‖<em>g</em>‖<sup>2</sup>.
 *
 * <p>Backtracking tries <em>t</em> = <em>t</em><sub>0</sub>, <em>ρ</em><em>t</em><sub>0</sub>,
 * <em>ρ</em><sup>2</sup><em>t</em><sub>0</sub>, … and takes the first that passes. For a smooth <em>f</em> and
 * <em>g</em> ≠ 0 some small enough <em>t</em> always passes (that is what the derivative means), so the search ends;
 * in floating point it gives up after {@value #MAX_BACKTRACKS} tries, where the decrease asked for is below
 * round-off or −<em>g</em> is not a descent direction at all (a wrong gradient). Every accepted step lowers
 * <em>f</em>, so the run cannot diverge.
 */
public final class BacktrackingLineSearch implements Optimizer {

    /** The first step tried: 1, the natural scale of a Newton-like step; too long is fixed by backtracking. */
    public static final double DEFAULT_INITIAL_STEP = 1.0;
    /** Halve the step on every failure: few tries to reach any scale, and at most a factor 2 below the largest. */
    public static final double DEFAULT_SHRINK = 0.5;
    /**
     * Ask for a tenth of the promised decrease. Along a direction of curvature λ the condition allows steps up to
     * <em>t</em>λ = 2 − 2<em>c</em>, so <em>c</em> = 0.1 keeps every accepted step at least 20% inside the edge of
     * stability (<em>t</em>λ = 2, Task 5.3); the 10<sup>−4</sup> common with quasi-Newton directions lets plain
     * gradient steps through at <em>t</em>λ ≈ 1.9998, which zig-zag for thousands of steps.
     */
    public static final double DEFAULT_SUFFICIENT_DECREASE = 0.1;
    /** After 60 halvings the step is 10<sup>−18</sup> of the first: below round-off for any sensible scale. */
    public static final int MAX_BACKTRACKS = 60;

    private final Objective f;
    private final double initialStep;
    private final double shrink;
    private final double sufficientDecrease;

    /**
     * A line search on {@code f} with the default settings.
     *
     * @param f the function whose values decide the step
     * @throws IllegalArgumentException if {@code f} is null
     */
    public BacktrackingLineSearch(Objective f) {
        this(f, DEFAULT_INITIAL_STEP, DEFAULT_SHRINK, DEFAULT_SUFFICIENT_DECREASE);
    }

    /**
     * A line search on {@code f}.
     *
     * @param f                  the function whose values decide the step
     * @param initialStep        the first step tried, <em>t</em><sub>0</sub> &gt; 0
     * @param shrink             the factor <em>ρ</em> in (0, 1) a rejected step is multiplied by
     * @param sufficientDecrease the fraction <em>c</em> in (0, 1) of the first-order decrease a step must deliver
     * @throws IllegalArgumentException if {@code f} is null, {@code initialStep} is not positive and finite, or
     *                                  {@code shrink} or {@code sufficientDecrease} is not in (0, 1)
     */
    public BacktrackingLineSearch(Objective f, double initialStep, double shrink, double sufficientDecrease) {
        // BEGIN SOLUTION Task 5.7 [new BacktrackingLineSearch(f, ...)]: keep the function and the settings
        //     (README.md, "Task 5.7"); reject bad input as the Javadoc's @throws says
        this.f = Checks.requireNonNull(f, "f");
        this.initialStep = Checks.requirePositive(initialStep, "initialStep");
        this.shrink = Checks.requireInOpenInterval(shrink, "shrink", 0.0, 1.0);
        this.sufficientDecrease = Checks.requireInOpenInterval(sufficientDecrease, "sufficientDecrease", 0.0, 1.0);
        // END SOLUTION
    }

    /**
     * The step size: the first <em>t</em> of <em>t</em><sub>0</sub>, <em>ρ</em><em>t</em><sub>0</sub>,
     * <em>ρ</em><sup>2</sup><em>t</em><sub>0</sub>, … that satisfies the Armijo condition. A zero gradient takes
     * <em>t</em><sub>0</sub> (the condition holds with equality, and the step goes nowhere).
     *
     * @param x        the current point, of dimension {@code f.dimension()}; not changed
     * @param gradient ∇<em>f</em>(<em>x</em>), as long as {@code x}; not changed
     * @return the accepted step, or 0 if none of the first {@value #MAX_BACKTRACKS} + 1 tries passed
     * @throws IllegalArgumentException if an argument is null or its length is not {@code f.dimension()}
     */
    public double stepSize(double[] x, double[] gradient) {
        // BEGIN SOLUTION Task 5.7: return the step size the backtracking search accepts at x, or 0 when it gives up
        //     (README.md, "Task 5.7"); reject bad input as the Javadoc's @throws says
        Checks.requireLength(x, "x", f.dimension());
        Checks.requireLength(gradient, "gradient", f.dimension());
        double fx = f.value(x);
        double squaredNorm = Vectors.dot(gradient, gradient);
        double t = initialStep;
        for (int tries = 0; tries <= MAX_BACKTRACKS; tries++) {
            // written so that NaN fails: a step that leaves the domain is rejected like one that is too long
            if (f.value(GradientDescent.step(x, gradient, t)) <= fx - sufficientDecrease * t * squaredNorm) {
                return t;
            }
            t *= shrink;
        }
        return 0.0;
        // END SOLUTION
    }

    /**
     * One gradient step with the step size of {@link #stepSize}; {@code x} itself (a copy) when no step passed.
     *
     * @throws IllegalArgumentException if an argument is null or its length is not {@code f.dimension()}
     */
    @Override
    public double[] update(double[] x, double[] gradient) {
        // BEGIN SOLUTION Task 5.7: return the point one accepted step from x, or a copy of x when no step is accepted
        //     (README.md, "Task 5.7"); reject bad input as the Javadoc's @throws says
        double t = stepSize(x, gradient);
        return t == 0.0 ? x.clone() : GradientDescent.step(x, gradient, t);
        // END SOLUTION
    }

    // BEGIN SOLUTION ONLY
    @Override
    public String toString() {
        return "BacktrackingLineSearch[initialStep=" + initialStep + ", shrink=" + shrink + ", sufficientDecrease="
            + sufficientDecrease + "]";
    }
    // END SOLUTION ONLY
}
