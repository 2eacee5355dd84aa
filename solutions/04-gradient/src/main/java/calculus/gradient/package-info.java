/**
 * Module 4, the gradient: the vector of partial derivatives, the direction in which a function climbs fastest,
 * and the object that every training step of a model follows downhill.
 *
 * <p>Vectors are plain {@code double[]} arrays; a function of several variables is a
 * {@code ToDoubleFunction<double[]>}, a vector-valued one a {@code Function<double[], double[]>}. The tasks, in
 * order (the lesson is {@code 04-gradient/README.md}, the hints {@code 04-gradient/hints.md}):
 *
 * <table>
 *   <caption>Tasks and classes</caption>
 *   <tr><th>Task</th><th>Class</th><th>What</th></tr>
 *   <tr><td>4.1</td><td>{@link calculus.gradient.Vectors}</td>
 *       <td>dot product, norm, sum, difference and multiple, with dimension checks</td></tr>
 *   <tr><td>4.2</td><td>{@link calculus.gradient.NumericalGradient}</td>
 *       <td>the gradient by central differences, 2<em>n</em> evaluations</td></tr>
 *   <tr><td>4.3</td><td>{@link calculus.gradient.DirectionalDerivative}</td>
 *       <td>the directional derivative; steepest ascent and descent</td></tr>
 *   <tr><td>4.4</td><td>{@link calculus.gradient.Sigmoid}, {@link calculus.gradient.LinearRegressionLoss},
 *       {@link calculus.gradient.LogisticRegressionLoss}</td>
 *       <td>a stable sigmoid and log-sigmoid; the gradients of the mean squared error and of the cross-entropy,
 *       with L2 regularisation</td></tr>
 *   <tr><td>4.5</td><td>{@link calculus.gradient.GradientCheck}</td>
 *       <td>the relative error of two gradients; checking an analytic gradient against the numerical one</td></tr>
 *   <tr><td>4.6</td><td>{@link calculus.gradient.Jacobian}</td>
 *       <td>the Jacobian of <em>f</em>: R<sup><em>n</em></sup> → R<sup><em>m</em></sup>, and
 *       <em>J</em><sup>T</sup><em>v</em></td></tr>
 * </table>
 *
 * <p>Later tasks may use earlier ones (a gradient check needs the numerical gradient and the norm). Every public
 * method checks its inputs and throws an {@link java.lang.IllegalArgumentException} that names the parameter and
 * its value. The checks of numbers and functions are given in {@code Checks}; the checks of vectors are part of
 * Task 4.1, and go there too. Package-private helpers of your own are welcome.
 */
package calculus.gradient;
