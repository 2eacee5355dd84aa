package calculus.grader.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import calculus.grader.report.ModuleReport;

/**
 * Everything the grader needs to grade one module's code once.
 *
 * @param module        the module, for example {@code 01-derivatives}
 * @param title         its title
 * @param lesson        its folder relative to the course root (where its lesson and hints are)
 * @param role          {@link ModuleReport#EXERCISE} or {@link ModuleReport#SOLUTION}
 * @param check         whether this is the course check
 * @param build         the stamp of this build
 * @param courseRoot    the course's root (the lesson's task titles are read from it)
 * @param code          the source folder of the code under test (may be missing: then nothing compiles)
 * @param packages      the module's own packages: the code may define classes in these only
 * @param testSources   the test source folders: the visible tests, and the hidden ones when grading
 * @param classpath     the grader's libraries, for compiling and running the tests
 * @param work          the folder for compiled classes and the test JVM's working folder
 * @param selection     which tests to run
 * @param configuration JUnit configuration parameters for the tests (the seeds)
 * @param sandbox       how test JVMs are started and limited
 * @param earlier       the module's earlier report, whose results fill in for tests this run leaves out, or
 *                      {@code null}
 * @param reference     code the tests are known to compile against (the course's skeleton), or {@code null}: a test
 *                      that does not compile against either is the course's fault, not the student's
 */
public record GradingJob(String module, String title, String lesson, String role, boolean check, String build,
                         Path courseRoot, Path code, Set<String> packages, List<Path> testSources,
                         List<Path> classpath, Path work, Selection selection, Map<String, String> configuration,
                         SandboxSettings sandbox, ModuleReport earlier, Path reference) {

    public GradingJob {
        packages = Set.copyOf(packages);
        testSources = List.copyOf(testSources);
        classpath = List.copyOf(classpath);
        configuration = Map.copyOf(configuration);
    }

    /** The same job with another selection, earlier results to fill in for the tests left out, and build stamp. */
    public GradingJob select(Selection newSelection, ModuleReport newEarlier, String newBuild) {
        return new GradingJob(module, title, lesson, role, check, newBuild, courseRoot, code, packages, testSources,
            classpath, work, newSelection, configuration, sandbox, newEarlier, reference);
    }

    /** The module's number: the digits its name starts with ({@code 01-derivatives} is module 1), or -1. */
    public int number() {
        int end = 0;
        while (end < module.length() && Character.isDigit(module.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(module.substring(0, end));
    }
}
