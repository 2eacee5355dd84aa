package calculus.grader.report;

/** How one graded test, or one task, ended. */
public enum Status {
    /** Passed: the points are earned. */
    PASSED("PASSED"),
    /** Not implemented yet: the skeleton's {@code UnsupportedOperationException} is still there. */
    TODO("TODO"),
    /** Implemented, but wrong: an assertion failed, the code threw, or the tests do not compile against it. */
    FAILED("FAILED"),
    /** Stopped: the test ran out of its step budget (an endless loop, most often) or hit the time backstop. */
    TIMED_OUT("TIMED OUT"),
    /** Never ran to the end: the code broke the rules, did not compile, or the test JVM ended before the test. */
    NOT_RUN("NOT RUN"),
    /** Left out of this run on purpose, for example by {@code -Dtask=1.3}. */
    SKIPPED("SKIPPED");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The word the scoreboard prints. */
    public String label() {
        return label;
    }

    /** Parses {@link #name()} or {@link #label()}. */
    public static Status parse(String text) {
        for (Status s : values()) {
            if (s.name().equals(text) || s.label.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status: " + text);
    }

    /**
     * The status of several results taken together (the invocations of one test, the tests of one task): the most
     * telling one wins, so one timeout or one failure is never hidden behind passes.
     */
    public static Status combine(Status a, Status b) {
        return a.severity() >= b.severity() ? a : b;
    }

    private int severity() {
        return switch (this) {
            case TIMED_OUT -> 6;
            case FAILED -> 5;
            case NOT_RUN -> 4;
            case TODO -> 3;
            case SKIPPED -> 1;
            case PASSED -> 0;
        };
    }
}
