/**
 * The sandbox in which student code runs under test: a deterministic step budget instead of a wall-clock timeout.
 *
 * <ul>
 * <li>{@link calculus.grader.sandbox.StepBudget}: the counter that instrumented code calls, armed by the grader
 * before each test; runaway code stops with a {@link calculus.grader.sandbox.StepBudgetExceeded}, whatever the
 * machine's load.</li>
 * <li>{@link calculus.grader.sandbox.Instrumenter}: inserts a step at every method entry, backward jump and
 * exception handler of a compiled student class.</li>
 * <li>{@link calculus.grader.sandbox.StudentClassLoader}: loads one run's test classes as they are and the student's
 * classes instrumented, below the application class loader, which keeps the grader and the libraries.</li>
 * </ul>
 *
 * <p>Student code never names these classes (the code policy allows its own package and an allow-list of JDK members
 * only, checked on the class files before instrumentation); only the inserted calls to
 * {@link calculus.grader.sandbox.StepBudget#step()} do.
 */
package calculus.grader.sandbox;
