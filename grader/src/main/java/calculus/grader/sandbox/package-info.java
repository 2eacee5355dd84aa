/**
 * The sandbox in which student code runs under test: a deterministic step budget instead of a wall-clock timeout.
 *
 * <ul>
 * <li>{@link calculus.grader.budget.StepBudget}: the counter that instrumented code calls, armed by the grader
 * before each test; runaway code stops with a {@link calculus.grader.budget.StepBudgetExceeded}, whatever the
 * machine's load.</li>
 * <li>{@link calculus.grader.sandbox.Instrumenter}: inserts a step at every method entry, backward jump and
 * exception handler of a compiled student class.</li>
 * <li>{@link calculus.grader.sandbox.StudentClassLoader}: loads one run's test classes as they are and the student's
 * classes instrumented, below the application class loader, which keeps the grader and the libraries.</li>
 * </ul>
 *
 * <p>Student code never names these classes (the code policy allows its own package and an allow-list of JDK members
 * only); only the inserted calls to {@link calculus.grader.budget.StepBudget} do, so the policy must read the class
 * files as compiled, before instrumentation.
 *
 * <p>For the runner that uses them:
 * <ul>
 * <li>The sandbox JVM's class path holds the grader and the libraries only, never a module's {@code target/classes}
 * or {@code target/test-classes}: the loader asks the application class loader first.</li>
 * <li>Select the test classes by name, loaded through the loader ({@code selectClass(loader.loadClass(name))}), and
 * make the loader the thread's context class loader: JUnit's class path scanning cannot see into it.</li>
 * <li>Keep a budget armed whenever student code can run (see {@link calculus.grader.budget.StepBudget}), arm it on
 * the thread that runs the test, and after a test ask {@link calculus.grader.budget.StepBudget#exhausted()}: a test
 * that catches {@code Throwable} (AssertJ's {@code assertThatThrownBy}, JUnit's {@code assertThrows}) may have
 * swallowed the {@link calculus.grader.budget.StepBudgetExceeded}. Re-arm a small budget before calling
 * {@code getMessage}, {@code toString} or {@code getCause} on anything the student's code threw or returned.</li>
 * <li>Budgets: the reference solutions' heaviest test (06, learning the spirals) takes 3.8·10<sup>8</sup> steps; most
 * take less than 10<sup>6</sup>. A budget is per test, and the counts are the same from run to run.</li>
 * </ul>
 */
package calculus.grader.sandbox;
