package calculus.grader.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import calculus.grader.report.ModuleReport;

/**
 * A small exercise module written into a course folder at test time, laid out as the course lays out its modules:
 * {@code <root>/<module>/README.md}, {@code src/main/java} (the code under test), {@code src/test/java} (the visible
 * tests), and, for the instructors, {@code <root>/solutions/<module>/src/main/java} and
 * {@code src/hidden-test/java}. Sources are given as text.
 *
 * <p>The grader runs its tests with this JVM's class path, which in Surefire is the grader's test class path:
 * JUnit, AssertJ, ASM, Gson and the grader's own classes, as in a course build.
 */
final class FixtureModule {

    private final Path root;
    private final String module;

    private FixtureModule(Path root, String module) {
        this.root = root;
        this.module = module;
    }

    /** A module named {@code module} (such as {@code 01-fixture}) in the course folder {@code root}. */
    static FixtureModule in(Path root, String module) {
        return new FixtureModule(root, module);
    }

    /** The module's folder. */
    Path dir() {
        return root.resolve(module);
    }

    /** The course's folder. */
    Path root() {
        return root;
    }

    /** A lesson whose headings give these tasks their titles: {@code lesson("1.1", "Squares", "1.2", "Cubes")}. */
    FixtureModule lesson(String... tasksAndTitles) throws IOException {
        StringBuilder text = new StringBuilder("# " + module + "\n");
        for (int i = 0; i < tasksAndTitles.length; i += 2) {
            text.append("\n## Task ").append(tasksAndTitles[i]).append(": ").append(tasksAndTitles[i + 1])
                .append("\n\nWhat to do.\n");
        }
        return write(dir().resolve("README.md"), text.toString());
    }

    /** A file of the code under test, {@code path} relative to {@code src/main/java}. */
    FixtureModule code(String path, String text) throws IOException {
        return write(code().resolve(path), text);
    }

    /** A file of the visible tests, {@code path} relative to {@code src/test/java}. */
    FixtureModule test(String path, String text) throws IOException {
        return write(tests().resolve(path), text);
    }

    /** A file of the reference solution. */
    FixtureModule solution(String path, String text) throws IOException {
        return write(solutionCode().resolve(path), text);
    }

    /** A file of the instructor's hidden tests. */
    FixtureModule hidden(String path, String text) throws IOException {
        return write(hiddenTests().resolve(path), text);
    }

    Path code() {
        return dir().resolve("src").resolve("main").resolve("java");
    }

    Path tests() {
        return dir().resolve("src").resolve("test").resolve("java");
    }

    Path solutionCode() {
        return root.resolve("solutions").resolve(module).resolve("src").resolve("main").resolve("java");
    }

    Path hiddenTests() {
        return root.resolve("solutions").resolve(module).resolve("src").resolve("hidden-test").resolve("java");
    }

    /** The grader's working folder for the student's code, as the build uses it. */
    Path work() {
        return dir().resolve("target").resolve("grading");
    }

    /** A job that grades the module's own code with its visible tests, every test, with the course's settings. */
    GradingJob job() throws IOException {
        return job(Selection.all(), null, SandboxSettings.defaults());
    }

    /** A job that grades the module's own code with its visible tests (and hidden ones, if written). */
    GradingJob job(Selection selection, ModuleReport earlier, SandboxSettings sandbox) throws IOException {
        List<Path> tests = new ArrayList<>(List.of(tests()));
        if (Files.isDirectory(hiddenTests())) {
            tests.add(hiddenTests());
        }
        return new GradingJob(module, "Title of " + module, module, ModuleReport.EXERCISE, false, "B1", root, code(),
            Course.packages(tests()), tests, classpath(), work(), selection, Map.of(), sandbox, earlier, null);
    }

    /** The course's settings with another CPU backstop per test. */
    static SandboxSettings withCpuBackstop(long millis) {
        SandboxSettings d = SandboxSettings.defaults();
        return new SandboxSettings(d.java(), d.jvmOptions(), d.defaultSteps(), millis, d.wallMillis(),
            d.outputLimit());
    }

    /** This JVM's class path: in Surefire, the grader's test class path. */
    static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.isBlank()).map(Path::of).toList();
    }

    private FixtureModule write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return this;
    }
}
