package calculus.grader.report;

/**
 * One graded test's outcome as its invocations come in (a parameterized test has several): the most telling status
 * wins, and the message is the one that explains it.
 */
public final class Tally {

    private Status status;
    private String message = "";
    private Long seed;
    private long steps = -1;

    /** Adds one invocation's outcome. */
    public void record(Status outcome, String text) {
        Status before = status;
        status = before == null ? outcome : Status.combine(before, outcome);
        if (status != before && status == outcome && outcome != Status.PASSED) {
            message = text == null ? "" : text;
        }
    }

    /** Keeps the first seed seen: the one the message's inputs came from when the first invocation failed. */
    public void seed(Long value) {
        if (seed == null) {
            seed = value;
        }
    }

    /**
     * Adds the steps one invocation ran. The test's steps are those of its busiest invocation: the step budget holds
     * per invocation, and the course check compares the two.
     */
    public void steps(long value) {
        steps = Math.max(steps, value);
    }

    /** Whether any outcome was recorded. */
    public boolean recorded() {
        return status != null;
    }

    /** The status so far, or {@code null}. */
    public Status status() {
        return status;
    }

    /**
     * The test's result.
     *
     * @param module     the module
     * @param task       the task
     * @param name       the test's display name
     * @param method     {@code class#method}
     * @param max        the points it is worth
     * @param visibility its visibility ({@link TestResult#VISIBLE}, ...)
     * @param unfinished the status and message to give it if nothing was recorded
     * @return the result, points earned only if it passed
     */
    public TestResult result(String module, String task, String name, String method, int max, String visibility,
                             String unfinished) {
        Status s = status == null ? Status.NOT_RUN : status;
        String m = status == null ? unfinished : s == Status.PASSED ? "" : message;
        return new TestResult(module, task, name, method, s == Status.PASSED ? max : 0, max, s,
            Text.sanitize(m, Text.MESSAGE_LIMIT), seed, visibility, steps, false);
    }
}
