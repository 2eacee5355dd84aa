/**
 * The grader's JUnit runtime: what the course's tests are written with, and what runs inside the test JVM.
 *
 * <ul>
 *   <li>{@link calculus.grader.Graded}, {@link calculus.grader.Hidden} and {@link calculus.grader.TestRandom}: the
 *       annotations and the seeded random source every graded test uses.</li>
 *   <li>{@link calculus.grader.GradingExtension}: seeds, the step budget of each test, {@code -Dtask} in an IDE;
 *       {@link calculus.grader.Outcome}: what a test's throwable means (TODO, FAILED, TIMED OUT).</li>
 *   <li>{@link calculus.grader.GradingListener}: the scoreboard of a test run started from an IDE.</li>
 * </ul>
 *
 * <p>Uses: JUnit, {@code budget}, {@code report}. Used by: the course's tests, {@code sandbox}.
 */
package calculus.grader;
