package calculus.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded test, or every graded test of a class, as an instructor's hidden test: it is kept with the
 * solutions, never shipped to students, and listed as {@code hidden} in the grader's results.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Hidden {

    /** Whether a student may see this test's failure message; when {@code false} only its name and points show. */
    boolean showMessage() default true;
}
