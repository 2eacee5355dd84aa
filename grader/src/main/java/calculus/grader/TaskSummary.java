package calculus.grader;

/**
 * One task's line on the scoreboard: its tests taken together.
 *
 * @param task   the task number, for example {@code 1.3}
 * @param title  the task's title from the lesson, or empty if the lesson has no heading for it
 * @param status PASSED when every test passed; otherwise the most telling status among its tests
 * @param points the points earned by its passing tests
 * @param max    the points the task is worth
 * @param passed how many of its tests passed
 * @param tests  how many tests it has
 * @param reason the first failing test's one-line reason, empty if none failed
 */
public record TaskSummary(String task, String title, Status status, int points, int max, int passed, int tests,
                          String reason) {

    /** Whether nothing is left to do in this task. */
    public boolean done() {
        return status == Status.PASSED;
    }

    /** Orders task numbers as numbers: 1.2 before 1.10. */
    static int compareNumbers(String a, String b) {
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
