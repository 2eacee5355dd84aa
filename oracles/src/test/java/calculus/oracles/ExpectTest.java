package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.Outcome;
import calculus.grader.report.Status;

/** The shared assertions: what they accept, what they reject, and what their failure messages say. */
class ExpectTest {

    @Test
    @DisplayName("closeTo(number): a relative error within the tolerance passes, a larger one fails with both values")
    void numbers() {
        assertThatCode(() -> Expect.closeTo(Explain.that("f(x)"), 100, 100.5, 1e-2)).doesNotThrowAnyException();
        assertThatCode(() -> Expect.closeTo(Explain.that("f(x)"), 0, 1e-9, 1e-8)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Expect.closeTo(Explain.that("f(x)"), 100, 102, 1e-2))
            .isInstanceOf(AssertionError.class).hasMessageContaining("f(x)").hasMessageContaining("102");
        assertThatThrownBy(() -> Expect.closeTo(Explain.that("f(x)"), 1, Double.NaN, 1e-2))
            .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("closeTo(vector): judged norm-wise, so a tiny entry's large relative error does not fail alone")
    void vectors() {
        assertThatCode(() -> Expect.closeTo(Explain.that("grad"), new double[] {10, 1e-9}, new double[] {10, 2e-9},
            1e-6)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Expect.closeTo(Explain.that("grad"), new double[] {10, 1}, new double[] {10, 2},
            1e-6)).isInstanceOf(AssertionError.class).hasMessageContaining("grad");
        assertThatThrownBy(() -> Expect.closeTo(Explain.that("grad"), new double[] {1, 2}, new double[] {1}, 1e-6))
            .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Expect.closeTo(Explain.that("grad"), new double[] {1, 2}, null, 1e-6))
            .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("rejects: passes only for an IllegalArgumentException naming the parameter as a word and its value")
    void rejects() {
        assertThatCode(() -> Expect.rejects("g(-1)", () -> fail("h must be positive, got h = -1"), "h", "-1"))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> Expect.rejects("g(-1)", () -> { }, "h", "-1"))
            .isInstanceOf(AssertionError.class).hasMessageContaining("g(-1)").hasMessageContaining("returned normally");
        assertThatThrownBy(() -> Expect.rejects("g(-1)", () -> {
            throw new IllegalStateException("h = -1");
        }, "h", "-1")).isInstanceOf(AssertionError.class).hasMessageContaining("IllegalStateException");
        // "h" only inside "the" and "h0" does not name the parameter h
        assertThatThrownBy(() -> Expect.rejects("g(-1)", () -> fail("the step h0 is -1"), "h", "-1"))
            .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Expect.rejects("g(-1)", () -> fail("h must be positive"), "h", "-1"))
            .isInstanceOf(AssertionError.class).hasMessageContaining("-1");
    }

    @Test
    @DisplayName("rejects: against a skeleton the failure names its UnsupportedOperationException, so it is a TODO")
    void skeletonIsTodo() {
        Throwable failure = catchThrowable(() -> Expect.rejects("g(-1)", () -> {
            throw new UnsupportedOperationException("Task 9.9: g");
        }, "h", "-1"));
        assertThat(Outcome.of(failure).status()).isEqualTo(Status.TODO);
    }

    @Test
    @DisplayName("throwsIllegalArgument: a failure keeps the description and says what happened instead")
    void throwsIllegalArgument() {
        assertThatCode(() -> Expect.throwsIllegalArgument(() -> fail("h = -1"), "g(%s)", -1).hasMessageContaining("h"))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> Expect.throwsIllegalArgument(() -> { }, "g(%s): names h", -1))
            .isInstanceOf(AssertionError.class).hasMessageStartingWith("g(-1): names h")
            .hasMessageContaining("returned normally");
        assertThatThrownBy(() -> Expect.throwsIllegalArgument(() -> {
            throw new ArrayIndexOutOfBoundsException("Index 1 out of bounds for length 1");
        }, "g(x)")).isInstanceOf(AssertionError.class).hasMessageStartingWith("g(x)")
            .hasMessageContaining("java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1")
            .hasMessageContaining("(at ");
        assertThatThrownBy(() -> Expect.throwsIllegalArgument(() -> fail("h = -1"), "g(x)")
            .hasMessageContaining("step")).isInstanceOf(AssertionError.class).hasMessageContaining("[g(x)]");
        Throwable skeleton = catchThrowable(() -> Expect.throwsIllegalState(() -> {
            throw new UnsupportedOperationException("Task 1.1: S.m");
        }, "g(x)"));
        assertThat(skeleton).isInstanceOf(AssertionError.class);
        assertThat(Outcome.of(skeleton).status()).isEqualTo(Status.TODO);
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
