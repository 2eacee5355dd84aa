/**
 * Module 3, the chain rule: derivatives of compositions, forward-mode automatic differentiation with dual numbers,
 * and derivatives on a computational graph, the step before backpropagation.
 *
 * <table>
 *   <caption>Tasks and classes</caption>
 *   <tr><th>task</th><th>class</th><th>idea</th></tr>
 *   <tr><td>3.1</td><td>{@link calculus.chainrule.ChainRule}</td>
 *       <td>(<em>f</em> ∘ <em>g</em>)′ = <em>f</em>′(<em>g</em>(<em>x</em>)) <em>g</em>′(<em>x</em>), on
 *       {@link calculus.chainrule.Differentiable} functions</td></tr>
 *   <tr><td>3.2</td><td>{@link calculus.chainrule.Chain}</td>
 *       <td>a chain of <em>n</em> functions differentiated in one forward pass</td></tr>
 *   <tr><td>3.3</td><td>{@link calculus.chainrule.Dual}</td>
 *       <td>dual numbers: every operation carries its derivative (forward mode)</td></tr>
 *   <tr><td>3.4</td><td>{@link calculus.chainrule.TotalDerivative}</td>
 *       <td>d<em>z</em>/d<em>t</em> = Σ &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub> ·
 *       d<em>x</em><sub><em>i</em></sub>/d<em>t</em></td></tr>
 *   <tr><td>3.5</td><td>{@link calculus.chainrule.Node}, {@link calculus.chainrule.Paths}</td>
 *       <td>local derivatives on a graph's edges, multiplied along paths and summed over paths; the graph of
 *       {@link calculus.chainrule.Neuron} is given</td></tr>
 * </table>
 */
package calculus.chainrule;
