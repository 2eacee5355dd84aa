package calculus.grader.budget;

/** STAND-IN until the instrumentation lands: the step budget's runtime. */
public final class StepBudget {

    /** No limit: outside tests. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private static long used;
    private static long limit = UNLIMITED;
    private static boolean exhausted;

    private StepBudget() {
    }

    public static void step() {
        if (exhausted || ++used > limit) {
            exhausted = true;
            throw new StepBudgetExceeded(used, limit);
        }
    }

    public static void arm(long steps) {
        used = 0;
        limit = steps;
        exhausted = false;
    }

    public static void disarm() {
        limit = UNLIMITED;
        exhausted = false;
    }

    public static long used() {
        return used;
    }

    public static long limit() {
        return limit;
    }

    public static boolean exhausted() {
        return exhausted;
    }
}
