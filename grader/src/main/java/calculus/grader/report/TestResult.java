package calculus.grader.report;

/**
 * One graded test's result, as {@code target/grading/results.json} keeps it.
 *
 * @param module     the module, for example {@code 01-derivatives}
 * @param task       the task number, for example {@code 1.3}
 * @param name       the test's display name
 * @param method     the test method, {@code class#method}
 * @param points     the points earned: {@code max} if it passed, else 0
 * @param max        the points it is worth
 * @param status     how it ended
 * @param message    the failure message, safe text ({@link Text#sanitize}), empty if it passed
 * @param seed       the seed of its random inputs, or {@code null} if it drew none
 * @param visibility {@link #VISIBLE}, {@link #HIDDEN} for an instructor's hidden test, or {@link #WITHHELD} for a
 *                   hidden test whose failure message students must not see
 * @param steps      the steps (loop iterations, calls) the graded code ran in this test (in its busiest invocation,
 *                   for a test of several), or -1 if not counted
 * @param earlier    whether this result comes from an earlier run, because this run left the test out
 *                   ({@code -Dtask}, {@code -Dtest})
 */
public record TestResult(String module, String task, String name, String method, int points, int max, Status status,
                         String message, Long seed, String visibility, long steps, boolean earlier) {

    /** A test that ships with the course. */
    public static final String VISIBLE = "visible";
    /** An instructor's hidden test; its failure message may be shown. */
    public static final String HIDDEN = "hidden";
    /** An instructor's hidden test whose failure message is withheld from students. */
    public static final String WITHHELD = "withheld";

    /** Whether this is one of the instructor's hidden tests. */
    public boolean hidden() {
        return !VISIBLE.equals(visibility);
    }

    /** The message a student may see: the failure message, unless the instructor withheld it. */
    public String studentMessage() {
        return WITHHELD.equals(visibility) && status != Status.PASSED
            ? "a hidden test failed (its message is withheld by the instructor)" : message;
    }

    /** The same result, marked as carried over from an earlier run. */
    public TestResult asEarlier() {
        return new TestResult(module, task, name, method, points, max, status, message, seed, visibility, steps, true);
    }
}
