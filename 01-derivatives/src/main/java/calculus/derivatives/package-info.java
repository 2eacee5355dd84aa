/**
 * Module 1, derivatives: the derivative as the slope of the tangent, estimated from nearby values of a function,
 * with the errors of each estimate measured; then exact derivatives of polynomials, Newton's method, and the
 * derivative of a loss with respect to a parameter.
 *
 * <table>
 *   <caption>The tasks of this module and their classes</caption>
 *   <tr><th>Task</th><th>Class</th><th>Idea</th></tr>
 *   <tr><td>1.1</td><td>{@link calculus.derivatives.SecantSlope}</td><td>rise over run between two points</td></tr>
 *   <tr><td>1.2</td><td>{@link calculus.derivatives.OneSidedDifference}</td><td>forward and backward
 *       differences, first order</td></tr>
 *   <tr><td>1.3</td><td>{@link calculus.derivatives.CentralDifference}</td><td>the central difference, second
 *       order</td></tr>
 *   <tr><td>1.4</td><td>{@link calculus.derivatives.NumericalDerivative}</td><td>a step chosen for the precision
 *       of {@code double}</td></tr>
 *   <tr><td>1.5</td><td>{@link calculus.derivatives.SecondDifference}</td><td>the second derivative</td></tr>
 *   <tr><td>1.6</td><td>{@link calculus.derivatives.RichardsonExtrapolation}</td><td>cancelling the leading error,
 *       fourth order</td></tr>
 *   <tr><td>1.7</td><td>{@link calculus.derivatives.Polynomial}</td><td>Horner's rule and the power rule</td></tr>
 *   <tr><td>1.8</td><td>{@link calculus.derivatives.TangentLine}, {@link calculus.derivatives.NewtonMethod}
 *       (returns a {@link calculus.derivatives.NewtonResult})</td><td>the tangent line and Newton's method</td></tr>
 *   <tr><td>1.9</td><td>{@link calculus.derivatives.SquaredErrorLoss}</td><td>how a loss changes with a
 *       parameter</td></tr>
 * </table>
 *
 * <p>Given, not tasks: {@code Checks} (the input checks every method makes) and
 * {@link calculus.derivatives.NewtonResult} (the result type of Task 1.8). The lesson is
 * {@code 01-derivatives/README.md}; the tests, in {@code src/test/java}, grade each task.
 */
package calculus.derivatives;
