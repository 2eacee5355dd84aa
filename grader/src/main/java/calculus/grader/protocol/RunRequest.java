package calculus.grader.protocol;

import java.util.List;
import java.util.Map;

/**
 * What the grader asks its test JVM to run: one module's graded tests against one body of code.
 *
 * @param testClasses    folders of compiled test classes (trusted: the course's visible and hidden tests)
 * @param studentClasses the folder of the compiled code under test (untrusted: instrumented with a step budget)
 * @param tests          the test methods to run, {@code class#method}; every test of the folders if empty
 * @param configuration  JUnit configuration parameters (seeds, the module's settings)
 * @param defaultSteps   the step budget of a test that does not name its own
 * @param cpuMillis      the backstop: the most CPU time one test may use before its JVM is ended
 * @param outputLimit    the most characters of a test's printed output that are kept
 */
public record RunRequest(List<String> testClasses, String studentClasses, List<String> tests,
                         Map<String, String> configuration, long defaultSteps, long cpuMillis, int outputLimit) {

    public RunRequest {
        testClasses = List.copyOf(testClasses);
        tests = List.copyOf(tests);
        configuration = Map.copyOf(configuration);
    }
}
