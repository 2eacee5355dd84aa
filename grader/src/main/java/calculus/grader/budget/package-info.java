/**
 * The step budget's runtime: the counter that instrumented student code calls at every method entry, backward jump
 * and exception handler, and the error that stops it. A leaf: it uses nothing of the course, so that the JUnit
 * runtime and the test JVM can both arm it without depending on each other.
 */
package calculus.grader.budget;
