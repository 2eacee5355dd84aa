package calculus.grader;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import calculus.grader.policy.CodePolicy;
import calculus.grader.policy.Violation;

/**
 * The rules for student code ({@link CodePolicy}) as a module's build applies them: its compiled classes are
 * checked, with the module's package taken from its tests. The tests are the course's, so a student's code can
 * neither move its own package nor claim the grader's, and it may not take a test's name.
 */
final class GradedCode {

    private GradedCode() {
    }

    /**
     * The graded code's breaches, one line each as the scoreboard lists them.
     *
     * @param classes     the graded code's compiled classes; a folder that does not exist holds nothing to check
     * @param testClasses the module's compiled tests
     * @return the breaches; empty when the code keeps every rule
     */
    static List<String> violations(Path classes, Path testClasses) {
        if (!Files.exists(classes, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Set<String> tests = CodePolicy.classNames(testClasses);
        Set<String> packages = packages(tests);
        if (packages.isEmpty()) {
            return List.of("the module's tests were not found in " + testClasses + ", so the grader cannot tell "
                + "which package the code must stay in");
        }
        return CodePolicy.check(classes, packages, tests).stream().map(Violation::message).toList();
    }

    /**
     * The packages of some classes, each package inside another left out: {@code calculus.derivatives} for the
     * classes of {@code calculus.derivatives} and {@code calculus.derivatives.figures}. The default package is
     * no module's.
     */
    static Set<String> packages(Set<String> classNames) {
        Set<String> all = new TreeSet<>();
        for (String name : classNames) {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                all.add(name.substring(0, dot));
            }
        }
        Set<String> outermost = new TreeSet<>();
        for (String p : all) {
            if (all.stream().noneMatch(q -> p.startsWith(q + "."))) {
                outermost.add(p);
            }
        }
        return outermost;
    }
}
