package calculus.descent;

/**
 * An optimizer's update rule: from the current point and the gradient there, the next point.
 *
 * <p>Plain gradient descent forgets everything between steps; momentum and Adam remember running averages of past
 * gradients, so one optimizer object serves one run: make a new one for every run.
 */
@FunctionalInterface
public interface Optimizer {

    /**
     * The next point <em>x</em><sub><em>k</em>+1</sub>.
     *
     * @param x        the current point <em>x</em><sub><em>k</em></sub>; not changed
     * @param gradient ∇<em>f</em>(<em>x</em><sub><em>k</em></sub>), of the same length; not changed
     * @return a new array: the next point
     * @throws IllegalArgumentException if an argument is null or the lengths differ
     */
    double[] update(double[] x, double[] gradient);
}
