/**
 * The grade as data and as text: {@link calculus.grader.report.ModuleReport} (what {@code results.json} holds),
 * {@link calculus.grader.report.TestResult}, {@link calculus.grader.report.TaskSummary},
 * {@link calculus.grader.report.Status}; the module's {@link calculus.grader.report.Scoreboard} and the course-wide
 * {@link calculus.grader.report.CourseReport}; {@link calculus.grader.report.Text}, which makes text from student
 * code safe to store and print.
 *
 * <p>Uses: Gson, the JDK's StAX (to read the root POM's module list). Depends on no other package of the grader.
 */
package calculus.grader.report;
