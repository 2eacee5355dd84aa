package calculus.grader.budget;

/**
 * A deterministic limit on how much student code may run: a count of <em>steps</em> against a budget that the grader
 * arms before a test. {@link Instrumenter} puts the counting calls into student bytecode: a method entry and a
 * backward jump (one loop iteration) count one step each ({@link #step()}); entering an exception handler counts
 * {@link #HANDLER_STEPS}, or {@link #VM_ERROR_HANDLER_STEPS} when it caught a {@link VirtualMachineError}
 * ({@link #caught(Throwable)}), because that is what an exception costs the JVM in time. The same code on the same
 * inputs takes the same number of steps on an idle laptop and on a loaded build server, which a wall-clock timeout
 * cannot promise.
 *
 * <p><b>Exhaustion is sticky.</b> The step that passes the budget throws a {@link StepBudgetExceeded}, and every later
 * step throws the same error again, until the grader calls {@link #arm(long)}. Student code may catch
 * {@code Throwable}, but it cannot run on: the handler's entry counts too and throws again, and so does the next loop
 * iteration or call. What still runs after exhaustion is straight-line code without calls or loops, and JDK code,
 * which is not instrumented (see below).
 *
 * <p><b>States.</b> The budget starts <em>unlimited</em>, so that loading and initialising classes in a JVM that runs
 * no tests (a smoke check, an IDE) never throws; {@link #disarm()} returns to that state. An unlimited budget stops
 * nothing: use it only while no student code can run. Student code runs outside the test methods too: a static
 * initialiser runs at the class's first use (which may be test discovery, a {@code @BeforeAll}, an argument source),
 * and JUnit or AssertJ call student {@code toString}, {@code equals} and {@code getMessage} while they report. A runner
 * should therefore keep a budget armed for the whole life of the sandbox JVM: a large one between tests, the test's
 * own around each test, and a small one while it reads a student exception's message.
 *
 * <p><b>One thread, no volatile.</b> The counter is a plain static field, read and written without synchronisation.
 * That is enough because student code runs on one thread: the code policy forbids threads, executors, timers and
 * parallel streams. Within one thread the Java memory model gives program order, so the count is exact and the
 * exhaustion is seen by the very next step. The grader must {@link #arm(long)} on the thread that then runs the
 * student code, or hand over with a happens-before edge (starting a thread, submitting to an executor, joining).
 * JDK threads that could run student code (a finaliser, the common fork-join pool) must be kept out by the policy:
 * on them the count would be racy. A {@code volatile} counter would cost a memory barrier per step, 5 to 10 times the
 * plain running time (measured: see below), and buy nothing on one thread.
 *
 * <p><b>Cost.</b> {@code step()} is a decrement, a store and a sign test; the JIT inlines it. Measured with
 * {@code StepBudgetOverhead} (grader test sources) on JDK 17, 2 cores shared with other builds (load average 2 to
 * 3), median of 15 timed runs after 5 of warm-up, three repetitions: the ratio of instrumented to plain time.
 * <table>
 * <caption>Overhead of the step budget (instrumented / plain)</caption>
 * <tr><th>workload</th><th>steps</th><th>{@code -XX:TieredStopAtLevel=1} (the test JVM)</th><th>default flags</th></tr>
 * <tr><td>Riemann sum of <em>x</em><sup>2</sup>, {@code double} loop</td><td>5·10<sup>7</sup></td>
 * <td>1.02</td><td>0.97 to 0.98</td></tr>
 * <tr><td>polynomial hash, {@code long} multiply-add loop</td><td>5·10<sup>7</sup></td>
 * <td>1.00</td><td>1.02 to 1.03</td></tr>
 * <tr><td>recursive Fibonacci(30), one step per call</td><td>2.7·10<sup>6</sup></td>
 * <td>1.91 to 1.92</td><td>1.91 to 2.37</td></tr>
 * <tr><td>the same three with a {@code volatile} counter</td><td></td><td>4.8 to 9.6</td><td>6.7 to 8.2</td></tr>
 * </table>
 * In a loop the counter's update runs beside the loop's own chain of dependent arithmetic and costs next to nothing.
 * A call that does almost nothing else (Fibonacci) pays about 0.8 ns a step: each step waits for the previous one's
 * store, and there is nothing to overlap it with. Real exercise code does more per call (array access, {@code Math}
 * calls, allocation) and lies between the two. A {@code volatile} counter costs a fence per step, 5 to 10 ns.
 *
 * <p><b>What is not counted.</b> JDK code is not instrumented: a loop inside the JDK counts only the student
 * callbacks it makes ({@code IntStream.iterate(0, i -> i + 1).forEach(...)} counts each lambda call, but
 * {@code LongStream.range(0, Long.MAX_VALUE).sum()} calls none and is not stopped). Blocking calls
 * ({@code Object.wait}, reading {@code System.in}) are not steps either. The code policy's allow-list and a
 * wall-clock backstop that ends the sandbox JVM cover those.
 */
public final class StepBudget {

    /** The limit of an unlimited budget: {@link #step()} would need 2<sup>63</sup> calls to exhaust it. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * The steps an exception handler's entry counts. Throwing and catching an exception costs the JVM 2 to 60 µs
     * (measured on JDK 17, growing with the depth of the stack the exception records), the time of a thousand loop
     * iterations or more: counted as one step, a runaway {@code try}/{@code catch} loop would take a thousand times
     * longer to stop than a plain one.
     */
    public static final long HANDLER_STEPS = 1_000;

    /**
     * The steps an exception handler's entry counts when it caught a {@link VirtualMachineError}, such as a
     * {@link StackOverflowError}: at the edge of the stack the JVM spends about a millisecond on each (measured, JDK
     * 17), a million loop iterations' worth. Code that catches the overflow and recurses again would otherwise run
     * for hours within an ordinary budget.
     */
    public static final long VM_ERROR_HANDLER_STEPS = 1_000_000;

    /** The armed limit, in steps. */
    private static long limit = UNLIMITED;

    /**
     * Steps left before the budget is exhausted, counted down: one decrement and a sign test per step is the cheapest
     * check there is. Negative once exhausted, and it stays negative (sticky) because later steps keep counting down.
     */
    private static long remaining = UNLIMITED;

    /**
     * The error thrown since the budget ran out, thrown again by every refused step: created once, where the budget
     * ran out, so that a refused step allocates nothing, and code that catches {@code Throwable} in each of the frames
     * of a deep recursion unwinds fast.
     */
    private static StepBudgetExceeded error;

    private StepBudget() {
    }

    /**
     * Counts one step of student code. Called by instrumented code only, at every method entry, backward jump and
     * exception handler entry.
     *
     * @throws StepBudgetExceeded if this step passes the armed budget, or if the budget is already exhausted
     */
    public static void step() {
        if (--remaining < 0) {
            exceeded(null);
        }
    }

    /**
     * Counts the entry into an exception handler, as {@link #HANDLER_STEPS} steps, or {@link #VM_ERROR_HANDLER_STEPS}
     * if it caught a {@link VirtualMachineError}. Called by instrumented code only, at the start of every handler.
     *
     * @param caught what the handler caught
     * @throws StepBudgetExceeded if the budget runs out with these steps, or ran out before
     */
    public static void caught(Throwable caught) {
        if (caught instanceof VirtualMachineError) {
            remaining -= VM_ERROR_HANDLER_STEPS;
            if (remaining < 0) {
                exceeded(caught);
            }
        } else {
            remaining -= HANDLER_STEPS;
            if (remaining < 0) {
                exceeded(null);
            }
        }
    }

    /** Kept out of {@link #step()} so that the hot method stays small enough to be inlined everywhere. */
    private static void exceeded(Throwable vmError) {
        if (error == null) {
            error = new StepBudgetExceeded(limit - remaining, limit, vmError == null ? null : vmError.getClass());
        }
        throw error;
    }

    /**
     * Arms a budget and resets the count: the next {@code limit} steps run, the one after throws.
     *
     * @param limit the number of steps allowed, {@code 0} to refuse every step, {@link #UNLIMITED} for no limit
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public static void arm(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a step budget cannot be negative: limit = " + limit);
        }
        StepBudget.limit = limit;
        StepBudget.remaining = limit;
        StepBudget.error = null;
    }

    /**
     * Makes the budget unlimited and resets the count, as at the start: for trusted code only (see the class notes).
     */
    public static void disarm() {
        arm(UNLIMITED);
    }

    /**
     * The steps counted since the budget was last armed or disarmed. Once the budget is exhausted this includes the
     * refused steps, each of which threw: it is then greater than {@link #limit()}.
     *
     * @return the steps counted, from {@code 0}
     */
    public static long used() {
        return limit - remaining;
    }

    /**
     * The armed limit.
     *
     * @return the steps allowed since the budget was armed; {@link #UNLIMITED} when disarmed
     */
    public static long limit() {
        return limit;
    }

    /**
     * Whether a step has been refused since the budget was last armed. A test that ends while this holds ran out of
     * its budget, whatever it reports: student code or a test assertion such as {@code assertThrows(Throwable.class,
     * ...)} may have caught the {@link StepBudgetExceeded}.
     *
     * @return {@code true} once the budget is exhausted, until it is armed again
     */
    public static boolean exhausted() {
        return remaining < 0;
    }
}
