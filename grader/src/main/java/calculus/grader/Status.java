package calculus.grader;

/** How one graded test, or one task, ended. */
public enum Status {
    /** Passed: the points are earned. */
    PASSED("PASSED"),
    /** Not implemented yet: the skeleton's {@code UnsupportedOperationException} is still there. */
    TODO("TODO"),
    /** Implemented, but wrong: an assertion failed or the code threw. */
    FAILED("FAILED"),
    /** Cut off by the time limit: usually an endless loop. */
    TIMED_OUT("TIMED OUT"),
    /** Never finished: the test JVM ended before it (for example {@code System.exit} in student code). */
    NOT_RUN("NOT RUN"),
    /** Left out on purpose, for example by {@code -Dtask=1.3}. */
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
    static Status combine(Status a, Status b) {
        return a.severity() >= b.severity() ? a : b;
    }

    private int severity() {
        switch (this) {
            case TIMED_OUT:
                return 6;
            case FAILED:
                return 5;
            case NOT_RUN:
                return 4;
            case TODO:
                return 3;
            case SKIPPED:
                return 1;
            default:
                return 0;
        }
    }
}
