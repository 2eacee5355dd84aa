package calculus.grader.report;

/**
 * One task's tests taken together, as the scoreboard shows it.
 *
 * @param task    the task number, for example {@code 1.3}
 * @param title   its title from the lesson, or empty
 * @param status  the most telling status of its tests
 * @param points  the points earned
 * @param max     the points available
 * @param passed  how many of its tests passed
 * @param tests   how many tests it has
 * @param reason  one line on the most specific failure (its message and hint, and the seed to rerun it), or empty
 * @param earlier whether its results come from an earlier run (this run left the task out)
 */
public record TaskSummary(String task, String title, Status status, int points, int max, int passed, int tests,
                          String reason, boolean earlier) {

    /** Whether every test of the task passed. */
    public boolean done() {
        return status == Status.PASSED;
    }

    /** Orders task numbers numerically: 1.2 before 1.10. */
    public static int compareNumbers(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(parse(x[i]), parse(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
