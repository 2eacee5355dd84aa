/**
 * Module 2, partial derivatives: one variable moves, the others hold still.
 *
 * <p>A loss in machine learning depends on many parameters at once. Its partial derivative along one parameter is
 * the ordinary derivative of the loss with every other parameter frozen: how fast the loss changes when only that
 * parameter moves. Functions of several variables are {@code ToDoubleFunction<double[]>}, and coordinates are
 * numbered from 0, as Java arrays are.
 *
 * <table>
 *   <caption>The tasks of this module and their classes</caption>
 *   <tr><th>Task</th><th>Class</th><th>Idea</th></tr>
 *   <tr><td>2.1</td><td>{@link calculus.partials.Slice}</td><td>the slice <em>t</em> ↦ <em>f</em>(<em>x</em> with
 *       <em>x</em><sub><em>i</em></sub> = <em>t</em>): one variable moves</td></tr>
 *   <tr><td>2.2</td><td>{@link calculus.partials.PartialDerivative}</td><td>&part;<em>f</em>/&part;<em>x</em><sub>
 *       <em>i</em></sub> by a central difference along the slice</td></tr>
 *   <tr><td>2.3</td><td>{@link calculus.partials.LineLoss}</td><td>the partials &part;<em>L</em>/&part;<em>w</em>
 *       and &part;<em>L</em>/&part;<em>b</em> of the squared error of a line, in closed form</td></tr>
 *   <tr><td>2.4</td><td>{@link calculus.partials.SecondPartial}</td><td>second and mixed partials; the order of
 *       differentiation does not matter (Schwarz)</td></tr>
 *   <tr><td>2.5</td><td>{@link calculus.partials.Hessian}</td><td>the Hessian matrix, and whether it is positive
 *       definite (Cholesky)</td></tr>
 *   <tr><td>2.6</td><td>{@link calculus.partials.Sensitivity}</td><td>partials as sensitivities: which parameter
 *       matters most, and the predicted change of a nudge</td></tr>
 * </table>
 *
 * <p>Given, not tasks: {@code Checks} (the input checks every method makes), and in {@link
 * calculus.partials.LineLoss} the constructor and the loss itself, beside which the partials are written. The
 * lesson is {@code 02-partials/README.md}; the tests, in {@code src/test/java}, grade each task.
 */
package calculus.partials;
