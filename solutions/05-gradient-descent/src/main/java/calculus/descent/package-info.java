/**
 * Module 5, gradient descent: from the gradient to an optimizer.
 *
 * <table>
 *   <caption>The tasks and their classes</caption>
 *   <tr><th>Task</th><th>Class</th><th>What it does</th></tr>
 *   <tr><td>5.1</td><td>{@link calculus.descent.GradientDescent}</td>
 *       <td>one step <em>x</em> − <em>η</em>∇<em>f</em>(<em>x</em>)</td></tr>
 *   <tr><td>5.2</td><td>{@link calculus.descent.Minimizer}</td>
 *       <td>the descent loop: converged, out of budget, or diverged</td></tr>
 *   <tr><td>5.3</td><td>{@link calculus.descent.LearningRate}</td>
 *       <td>the largest stable learning rate on <em>a</em><em>x</em><sup>2</sup></td></tr>
 *   <tr><td>5.4</td><td>{@link calculus.descent.LinearRegression}</td>
 *       <td>the mean squared error, its gradient, a fit by descent</td></tr>
 *   <tr><td>5.5</td><td>{@link calculus.descent.StochasticGradientDescent}</td>
 *       <td>mini-batches over shuffled epochs</td></tr>
 *   <tr><td>5.6</td><td>{@link calculus.descent.Momentum}, {@link calculus.descent.Adam}</td>
 *       <td>optimizers with memory</td></tr>
 *   <tr><td>5.7</td><td>{@link calculus.descent.BacktrackingLineSearch}</td>
 *       <td>(bonus) the step size chosen by the Armijo condition</td></tr>
 * </table>
 *
 * <p>Given complete: {@link calculus.descent.Objective} (a function and its gradient),
 * {@link calculus.descent.FiniteSum} (a mean over examples), {@link calculus.descent.Optimizer} (an update rule),
 * {@link calculus.descent.Result} and {@link calculus.descent.Status} (what a run found), and {@code Checks} (the
 * input checks every method makes).
 */
package calculus.descent;
