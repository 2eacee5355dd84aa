package calculus.grader;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the build tells the grader about the module it grades, through JUnit configuration parameters
 * ({@code calculus.grader.*}, set in the root POM). Run from an IDE, where the build sets nothing, the grader
 * falls back to the working directory: the module's folder.
 *
 * @param module the module, for example {@code 01-derivatives}
 * @param title  its title
 * @param role   {@code exercise} or {@code solution}
 * @param lesson the folder of its lesson, relative to {@code root}
 * @param check  whether this is the course check
 * @param build  the Maven build's stamp
 * @param output where {@code results.json} goes
 * @param root    the course's root folder
 * @param classes the graded code's compiled classes, checked against the rules for student code
 *                ({@link GradedCode})
 * @param testClasses the module's compiled tests: the graded code must stay in their package, and keep off them
 * @param print   whether the test JVM prints the scoreboard; Maven prints it after Surefire's output instead
 */
record ModuleSettings(String module, String title, String role, String lesson, boolean check, String build,
                      Path output, Path root, Path classes, Path testClasses, boolean print) {

    static final String PREFIX = "calculus.grader.";

    static ModuleSettings from(Function<String, Optional<String>> parameters) {
        Path here = Paths.get("").toAbsolutePath();
        Function<String, Optional<String>> p = key -> parameters.apply(PREFIX + key).map(String::strip)
            .filter(v -> !v.isEmpty() && !v.startsWith("${"));
        String module = p.apply("module").orElse(here.getFileName() == null ? "module" : here.getFileName().toString());
        Path root = p.apply("root").map(Paths::get)
            .orElse(here.getParent() == null ? here : here.getParent());
        return new ModuleSettings(module,
            p.apply("title").orElse(module),
            p.apply("role").orElse("exercise"),
            p.apply("lesson").orElse(module),
            p.apply("check").map(Boolean::parseBoolean).orElse(false),
            p.apply("build").orElse(""),
            p.apply("output").map(Paths::get).orElse(here.resolve("target").resolve("grading")),
            root,
            p.apply("classes").map(Paths::get).orElse(here.resolve("target").resolve("classes")),
            p.apply("testClasses").map(Paths::get).orElse(here.resolve("target").resolve("test-classes")),
            p.apply("print").map(Boolean::parseBoolean).orElse(true));
    }

    /** The module's number: the digits its name starts with ({@code 01-derivatives} is module 1), or -1. */
    int number() {
        int end = 0;
        while (end < module.length() && Character.isDigit(module.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(module.substring(0, end));
    }
}
