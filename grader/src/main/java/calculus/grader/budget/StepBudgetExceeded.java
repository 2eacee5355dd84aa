package calculus.grader.budget;

import java.util.Locale;

/**
 * Thrown by {@link StepBudget} when student code takes more steps than its test allows: usually an endless loop or
 * recursion, or far more work than the task needs. Once the budget is exhausted, every refused step throws the same
 * instance again, until the budget is armed anew.
 *
 * <p>An {@link Error}, not an {@link Exception}, so that {@code catch (Exception e)} in student code lets it through.
 * Code that catches {@code Throwable} or {@code Error} can catch it, but cannot go on for long: the budget stays
 * exhausted and the handler's entry is itself a step, which throws again.
 *
 * <p>The stack trace is kept: its first two frames are {@link StepBudget}'s, the third is the student's method and line
 * where the budget ran out. Creating one must not fail where it is needed most, deep in a runaway recursion: it is
 * created once per exhaustion, the constructor only stores its arguments (the message is built when asked for),
 * suppressed exceptions are disabled, and the JVM caps the recorded stack at {@code -XX:MaxJavaStackTraceDepth}
 * frames (1024 by default). Should the stack be so full that even this overflows, the {@link StackOverflowError}
 * propagates instead, and the next step tries again.
 */
public final class StepBudgetExceeded extends Error {

    private static final long serialVersionUID = 1L;

    /** The steps counted when the budget ran out. */
    private final long steps;
    /** The armed limit. */
    private final long budget;
    /** The class of the JVM error whose handler ran out of budget, or {@code null}. */
    private final Class<?> vmError;

    /**
     * @param steps the steps counted, the refused ones included
     * @param budget the armed limit
     * @param vmError the class of the {@link VirtualMachineError} whose handler ran out of budget, or {@code null}
     */
    StepBudgetExceeded(long steps, long budget, Class<?> vmError) {
        super(null, null, false, true);
        this.steps = steps;
        this.budget = budget;
        this.vmError = vmError;
    }

    /**
     * The steps counted when the budget ran out.
     *
     * @return the steps counted since the budget was armed, the refused ones included: more than {@link #budget()}
     */
    public long steps() {
        return steps;
    }

    /**
     * The budget that was exceeded.
     *
     * @return the armed limit, in steps
     */
    public long budget() {
        return budget;
    }

    /**
     * Says how far the code got and what that usually means, for example "The code ran out of its step budget:
     * 1,000,001 steps against a budget of 1,000,000. This usually means an endless loop or recursion, or far more work
     * than the task needs. (A step is a loop iteration or a method call; catching an exception counts as 1,000.)".
     */
    @Override
    public String getMessage() {
        String message = String.format(Locale.ROOT, "The code ran out of its step budget: %,d steps against a budget "
            + "of %,d. This usually means an endless loop or recursion, or far more work than the task needs. (A step "
            + "is a loop iteration or a method call; catching an exception counts as %,d.)", steps, budget,
            StepBudget.HANDLER_STEPS);
        if (vmError != null) {
            message += String.format(Locale.ROOT, " It had just caught a %s, which counts as %,d steps: a recursion "
                + "too deep for the stack, caught and tried again?", vmError.getName(),
                StepBudget.VM_ERROR_HANDLER_STEPS);
        }
        return message;
    }
}
