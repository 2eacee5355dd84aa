package calculus.grader;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an IDE run knows about the module it runs: the module is the working directory (IDEs run a module's tests
 * from its folder), the course root its parent, unless JUnit configuration parameters ({@code calculus.grader.*})
 * say otherwise.
 *
 * @param module the module, for example {@code 01-derivatives}
 * @param title  its title
 * @param lesson the folder of its lesson, relative to {@code root}
 * @param root   the course's root folder
 */
record ModuleSettings(String module, String title, String lesson, Path root) {

    static final String PREFIX = "calculus.grader.";

    static ModuleSettings from(Function<String, Optional<String>> parameters) {
        Path here = Paths.get("").toAbsolutePath();
        Function<String, Optional<String>> p = key -> parameters.apply(PREFIX + key).map(String::strip)
            .filter(v -> !v.isEmpty() && !v.startsWith("${"));
        String module = p.apply("module").orElse(here.getFileName() == null ? "module" : here.getFileName().toString());
        Path root = p.apply("root").map(Paths::get).orElse(here.getParent() == null ? here : here.getParent());
        return new ModuleSettings(module, p.apply("title").orElse(module), p.apply("lesson").orElse(module), root);
    }
}
