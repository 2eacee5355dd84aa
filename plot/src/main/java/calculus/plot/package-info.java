/**
 * A small plotting library for the course's pictures: the lessons' figures (PNG files committed next to each
 * module's {@code README.md}) and the pictures a test draws of a student's work, such as an optimizer's trajectory
 * under {@code target/}. It uses only Java2D and ImageIO, runs headless, and never fails for cosmetic reasons (a
 * missing font drops the text, not the plot).
 *
 * <table>
 *   <caption>The classes</caption>
 *   <tr><th>class</th><th>what it does</th></tr>
 *   <tr><td>{@link calculus.plot.Plot}</td>
 *       <td>the public builder: lines, guides, scatters, trajectories, contours, class regions, vector fields,
 *       points and notes on linear or log axes, and the layout of the whole picture</td></tr>
 *   <tr><td>{@link calculus.plot.Classifier2D}</td>
 *       <td>a decision rule in the plane, for {@link calculus.plot.Plot#regions}</td></tr>
 *   <tr><td>{@link calculus.plot.Diagram}</td>
 *       <td>the public builder for node-and-edge pictures, such as a computational graph</td></tr>
 *   <tr><td>{@code Series}</td><td>one data layer: how it is drawn, clipped, and shown in the legend</td></tr>
 *   <tr><td>{@code Axis}</td><td>a data range mapped to pixels, linearly or by decades</td></tr>
 *   <tr><td>{@code Ticks}</td><td>"nice" tick positions and their labels</td></tr>
 *   <tr><td>{@code Contours}</td><td>marching squares and the choice of contour levels</td></tr>
 *   <tr><td>{@code Legend}</td><td>the legend box, placed where it hides the least data</td></tr>
 *   <tr><td>{@code Colors}</td><td>the tab10 colour cycle, viridis for levels, pale tints for regions</td></tr>
 *   <tr><td>{@code Canvas}</td><td>the image, headless mode, fonts, text, markers and PNG output</td></tr>
 * </table>
 *
 * <p>A figure is a chain of calls ending in {@code save}:
 * <pre>{@code
 * Plot.create("Gradient descent on the Rosenbrock function")
 *     .xLabel("x").yLabel("y").xRange(-2, 2).yRange(-1, 3)
 *     .contour((x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x), 20, true)
 *     .path("learning rate 0.001", xs, ys)
 *     .point("minimum", 1, 1)
 *     .save(Path.of("05-gradient-descent/images/rosenbrock.png"));
 * }</pre>
 */
package calculus.plot;
