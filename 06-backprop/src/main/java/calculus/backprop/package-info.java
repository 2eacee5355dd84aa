/**
 * Module 6, backpropagation: reverse-mode automatic differentiation, first one scalar at a time, then one matrix
 * at a time, and what it buys.
 *
 * <table>
 *   <caption>The tasks and their classes</caption>
 *   <tr><th>Task</th><th>Classes</th><th>Tests</th></tr>
 *   <tr><td>6.1 Value, a scalar autodiff node</td>
 *       <td>{@link calculus.backprop.Value}: the operations, each with its local derivatives</td>
 *       <td>{@code ValueOperationsTest}</td></tr>
 *   <tr><td>6.2 backward, the reverse sweep</td>
 *       <td>{@link calculus.backprop.Value#topologicalOrder()}, {@link calculus.backprop.Value#backward()}</td>
 *       <td>{@code BackwardTest}</td></tr>
 *   <tr><td>6.3 Neurons, layers and an MLP</td>
 *       <td>{@link calculus.backprop.Neuron}, {@link calculus.backprop.Layer}, {@link calculus.backprop.MLP},
 *           {@link calculus.backprop.Sgd} (and the given {@link calculus.backprop.Activation})</td>
 *       <td>{@code NeuralNetworkTest}</td></tr>
 *   <tr><td>6.4 Matrix backprop for batches</td>
 *       <td>{@link calculus.backprop.Dense}, {@link calculus.backprop.Relu}, {@link calculus.backprop.Tanh},
 *           {@link calculus.backprop.Sequential}, {@link calculus.backprop.SoftmaxCrossEntropy} (and the given
 *           interface {@link calculus.backprop.BatchLayer})</td>
 *       <td>{@code MatrixLayersTest}, {@code CrossEntropyTest}</td></tr>
 *   <tr><td>6.5 Training</td>
 *       <td>{@link calculus.backprop.Trainer}</td>
 *       <td>{@code TrainingTest}</td></tr>
 *   <tr><td>6.6 The cost of a gradient</td>
 *       <td>{@link calculus.backprop.NumericalGradient}</td>
 *       <td>{@code NumericalGradientTest}</td></tr>
 * </table>
 *
 * <p>Do the tasks in order: each builds on the ones before it. The graph of {@link calculus.backprop.Value}s is
 * the idea in its purest form; the matrix layers are the same chain rule, organised for speed.
 */
package calculus.backprop;
