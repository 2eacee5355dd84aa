/**
 * The trusted side of grading, in the grader's own JVM (Maven's, an instructor tool's, or the watch mode's): it
 * reads and checks the code's files, compiles the code and the tests, checks the code against the rules, runs the
 * tests in a test JVM of their own and computes the grade from what that JVM reports.
 *
 * <ul>
 *   <li>{@link calculus.grader.engine.ModuleGrader}: grades one module's code ({@link calculus.grader.engine.GradingJob});
 *       {@link calculus.grader.engine.SourceCompiler}, {@link calculus.grader.engine.TestInventory} and the test
 *       JVMs ({@code SandboxProcess}, {@link calculus.grader.engine.SandboxPool}) are its parts.</li>
 *   <li>{@link calculus.grader.engine.GradeModule}: the Maven build's entry point; {@link calculus.grader.engine.Watch}:
 *       the watch mode; {@link calculus.grader.engine.Course}: the course as the grader sees it.</li>
 * </ul>
 *
 * <p>Uses: {@code policy}, {@code protocol}, {@code report}, ASM, the JDK's compiler; it starts {@code sandbox} as a
 * separate JVM and never loads student code itself.
 */
package calculus.grader.engine;
