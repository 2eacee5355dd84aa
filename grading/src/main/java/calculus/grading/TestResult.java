package calculus.grading;

/**
 * One graded test's result: a record of the machine-readable summary ({@code target/grading/results.json}).
 *
 * @param module     the module, for example {@code 01-derivatives}
 * @param task       the task number, for example {@code 1.3}
 * @param name       the test's display name
 * @param method     the test method, {@code class#method}
 * @param points     the points earned: {@code max} if it passed, else 0
 * @param max        the points it is worth
 * @param status     how it ended
 * @param message    the failure message in full, empty if it passed
 * @param seed       the seed of its random inputs, or {@code null} if it drew none
 * @param visibility {@code visible}, or {@code hidden} for an instructor's hidden test
 */
public record TestResult(String module, String task, String name, String method, int points, int max, Status status,
                         String message, Long seed, String visibility) {
}
