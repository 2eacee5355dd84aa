package calculus.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method as graded: it earns {@link #points()} points for task {@link #task()} when it passes.
 *
 * <p>Use it beside {@code @Test} (or {@code @ParameterizedTest}, {@code @RepeatedTest}); a method with several
 * invocations earns its points only when every invocation passes. The test's {@code @DisplayName} starts with the
 * task number, so that the number reads the same in the lesson, the skeleton's TODO, the test report and the
 * scoreboard:
 *
 * <pre>{@code
 * @Test
 * @Graded(task = "1.3", points = 5)
 * @DisplayName("1.3 The central difference converges with order 2")
 * void centralDifferenceIsSecondOrder(TestRandom random) { ... }
 * }</pre>
 *
 * <p>A graded test may declare a {@link TestRandom} parameter: it is seeded, and the seed is printed when the
 * test fails. The points of one module add up to 100; the check ({@code ./mvnw test -Dcheck}) enforces it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("graded")
@ExtendWith(GradingExtension.class)
public @interface Graded {

    /** The task number {@code M.N}: module {@code M}, task {@code N}, as in the lesson. */
    String task();

    /** The points this test earns when it passes; at least 1. */
    int points();

    /**
     * The test's step budget (loop iterations and calls the graded code may run), when the default is not enough:
     * a test that trains a network, say. The course check requires every budget to be at least
     * ten times what the reference solution needs. 0 means the default.
     */
    long steps() default 0;
}
