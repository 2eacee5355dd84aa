package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.budget.StepBudget;
import calculus.grader.budget.StepBudgetExceeded;

/** The counter on its own, called directly as instrumented code would call it. */
class StepBudgetTest {

    @AfterEach
    void disarm() {
        StepBudget.disarm();
    }

    private static void steps(long n) {
        for (long i = 0; i < n; i++) {
            StepBudget.step();
        }
    }

    @Test
    @DisplayName("disarmed, the budget is unlimited and still counts")
    void disarmedIsUnlimited() {
        StepBudget.disarm();

        steps(1_000);

        assertThat(StepBudget.limit()).isEqualTo(StepBudget.UNLIMITED);
        assertThat(StepBudget.used()).isEqualTo(1_000);
        assertThat(StepBudget.exhausted()).isFalse();
    }

    @Test
    @DisplayName("armed with 3, three steps run and the fourth throws, saying how many steps ran against what budget")
    void fourthStepOfThreeThrows() {
        StepBudget.arm(3);
        steps(3);
        assertThat(StepBudget.exhausted()).isFalse();

        StepBudgetExceeded error = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);

        assertThat(error.steps()).isEqualTo(4);
        assertThat(error.budget()).isEqualTo(3);
        assertThat(error).hasMessage("The code ran out of its step budget: 4 steps against a budget of 3. This usually "
            + "means an endless loop or recursion, or far more work than the task needs. (A step is a loop iteration "
            + "or a method call; catching an exception counts as 1,000.)");
        assertThat(StepBudget.exhausted()).isTrue();
    }

    @Test
    @DisplayName("large counts are written with thousands separators")
    void messageGroupsDigits() {
        StepBudget.arm(1_000_000);
        steps(1_000_000);

        assertThatThrownBy(StepBudget::step)
            .hasMessageStartingWith("The code ran out of its step budget: 1,000,001 steps against a budget of "
                + "1,000,000.");
    }

    @Test
    @DisplayName("exhaustion is sticky: every later step throws the same error and is counted, until re-armed")
    void exhaustionIsSticky() {
        StepBudget.arm(0);
        Throwable first = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);

        Throwable second = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);
        Throwable third = catchThrowableOfType(() -> StepBudget.caught(new IllegalStateException()),
            StepBudgetExceeded.class);

        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        assertThat(StepBudget.used()).isEqualTo(2 + StepBudget.HANDLER_STEPS);
        assertThat(StepBudget.exhausted()).isTrue();
    }

    @Test
    @DisplayName("arming again resets the count and the exhaustion, and a new exhaustion throws a new error")
    void armingResets() {
        StepBudget.arm(0);
        Throwable before = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);

        StepBudget.arm(5);
        steps(5);
        assertThat(StepBudget.used()).isEqualTo(5);
        assertThat(StepBudget.exhausted()).isFalse();
        Throwable after = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);

        assertThat(after).isNotSameAs(before);
        assertThat(StepBudget.limit()).isEqualTo(5);
    }

    @Test
    @DisplayName("a budget of 0 refuses the first step")
    void zeroRefusesEverything() {
        StepBudget.arm(0);

        assertThatThrownBy(StepBudget::step).isInstanceOf(StepBudgetExceeded.class);
    }

    @Test
    @DisplayName("a negative budget is refused, naming the value")
    void negativeBudget() {
        assertThatThrownBy(() -> StepBudget.arm(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("a step budget cannot be negative: limit = -1");
    }

    @Test
    @DisplayName("a handler's entry counts HANDLER_STEPS, or VM_ERROR_HANDLER_STEPS when it caught a JVM error")
    void handlersAreWeighed() {
        StepBudget.arm(StepBudget.UNLIMITED);

        StepBudget.caught(new IllegalArgumentException());
        assertThat(StepBudget.used()).isEqualTo(StepBudget.HANDLER_STEPS);
        StepBudget.caught(new StackOverflowError());
        assertThat(StepBudget.used()).isEqualTo(StepBudget.HANDLER_STEPS + StepBudget.VM_ERROR_HANDLER_STEPS);
    }

    @Test
    @DisplayName("running out in the handler of a StackOverflowError says so")
    void stackOverflowIsNamed() {
        StepBudget.arm(10);

        assertThatThrownBy(() -> StepBudget.caught(new StackOverflowError())).isInstanceOf(StepBudgetExceeded.class)
            .hasMessageEndingWith("It had just caught a java.lang.StackOverflowError, which counts as 1,000,000 "
                + "steps: a recursion too deep for the stack, caught and tried again?");
    }

    @Test
    @DisplayName("the error is an Error, not an Exception: catch (Exception e) lets it through")
    void isAnError() {
        StepBudget.arm(0);

        Throwable error = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);

        assertThat(error).isInstanceOf(Error.class).isNotInstanceOf(Exception.class);
    }

    @Test
    @DisplayName("the error keeps its stack trace, starting in StepBudget, and takes no suppressed exceptions")
    void stackTraceKeptSuppressionOff() {
        StepBudget.arm(0);
        Throwable error = catchThrowableOfType(StepBudget::step, StepBudgetExceeded.class);

        error.addSuppressed(new IllegalStateException("would keep a student's exception alive"));

        assertThat(error.getStackTrace()).isNotEmpty();
        assertThat(error.getStackTrace()[0].getClassName()).isEqualTo(StepBudget.class.getName());
        assertThat(error.getSuppressed()).isEmpty();
        assertThat(error.getCause()).isNull();
    }

    @Test
    @DisplayName("thrown 5,000 calls deep, the error records at most the JVM's 1,024 frames")
    void deepStackIsCapped() {
        StepBudget.arm(4_000);

        StepBudgetExceeded error = catchThrowableOfType(() -> dive(5_000), StepBudgetExceeded.class);

        assertThat(error.getStackTrace()).hasSizeLessThanOrEqualTo(1_024);
        assertThat(error.steps()).isEqualTo(4_001);
    }

    private static int dive(int depth) {
        StepBudget.step();
        return depth == 0 ? 0 : 1 + dive(depth - 1);
    }
}
