package calculus.grader.sandbox;

import java.lang.reflect.Method;
import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import calculus.grader.Graded;
import calculus.grader.Hidden;
import calculus.grader.report.TaskSummary;

/** Runs test classes in task order (by the first task a class grades), the instructor's hidden tests last. */
public final class TaskOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> hidden(c.getTestClass()))
            .thenComparing(c -> firstTask(c.getTestClass()), TaskSummary::compareNumbers)
            .thenComparing(c -> c.getTestClass().getName()));
    }

    private static boolean hidden(Class<?> type) {
        return type.isAnnotationPresent(Hidden.class);
    }

    private static String firstTask(Class<?> type) {
        String first = "999.999";
        try {
            for (Method m : type.getDeclaredMethods()) {
                Graded g = m.getAnnotation(Graded.class);
                if (g != null && TaskSummary.compareNumbers(g.task(), first) < 0) {
                    first = g.task();
                }
            }
        } catch (LinkageError e) {
            // a test class that cannot be inspected goes last; running it reports why
        }
        return first;
    }
}
