package calculus.grader.protocol;

/**
 * One message from the test JVM to the grader, one line of JSON on the test JVM's own standard output (student
 * code prints elsewhere: its output is captured and travels inside {@link #output}).
 *
 * @param type       {@link #READY}, {@link #STARTED}, {@link #FINISHED}, {@link #CLASS_FAILED}, {@link #DONE} or
 *                   {@link #FATAL}
 * @param test       the test method, {@code class#method} (for {@link #CLASS_FAILED}: the class)
 * @param invocation which invocation of a parameterized test ({@code #3}), {@link #ALL_INVOCATIONS} when all of
 *                   them are done, or empty for a plain test
 * @param status     for {@link #FINISHED}: a {@code calculus.grader.report.Status} name
 * @param message    the failure message (safe text), or empty
 * @param seed       the seed of the test's random inputs, or {@code null}
 * @param steps      the steps the graded code ran in the test, or -1
 * @param output     what the test printed (capped), or empty
 */
public record Event(String type, String test, String invocation, String status, String message, Long seed,
                    long steps, String output) {

    /** The JVM is up and waits for a {@link RunRequest}. */
    public static final String READY = "ready";
    /** A test (or one invocation of it) started. */
    public static final String STARTED = "started";
    /** The invocation of a parameterized test's container: every case of the test has finished. */
    public static final String ALL_INVOCATIONS = "*";
    /** A test (or one invocation of it, or all of them) finished. */
    public static final String FINISHED = "finished";
    /** A test class failed outside its tests (its setup, its static initialisation). */
    public static final String CLASS_FAILED = "class-failed";
    /** The request is done; the JVM waits for the next one. */
    public static final String DONE = "done";
    /** The runner itself failed: never the student's fault. */
    public static final String FATAL = "fatal";

    /** An event with no test. */
    public static Event of(String type, String message) {
        return new Event(type, "", "", "", message, null, -1, "");
    }
}
