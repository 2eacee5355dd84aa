package calculus.grader.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How test JVMs are started and what limits their tests get.
 *
 * @param java         the {@code java} launcher
 * @param jvmOptions   the JVM's options: a bounded heap, a fast start
 * @param defaultSteps a test's step budget unless it names its own
 * @param cpuMillis    the CPU time backstop of one test
 * @param wallMillis   the wall-clock backstop: the longest the grader waits for any sign of life from the JVM
 * @param outputLimit  the most characters of a test's printed output that are kept
 */
public record SandboxSettings(Path java, List<String> jvmOptions, long defaultSteps, long cpuMillis, long wallMillis,
                              int outputLimit) {

    /**
     * The default step budget of a test: loop iterations and calls of the graded code. The course check requires
     * it to be at least ten times what the reference solution needs in every test (most need far less), and an
     * endless loop reaches it in a second or two.
     */
    public static final long DEFAULT_STEPS = 200_000_000L;
    /**
     * The CPU backstop: a test that uses this much CPU time without running out of steps keeps the JDK busy
     * (an endless stream, say). It measures the test's own thread, so it does not depend on the machine's load.
     */
    public static final long DEFAULT_CPU_MILLIS = 20_000;
    /** The wall-clock backstop, for a JVM that makes no progress at all; generous, since it is only a backstop. */
    public static final long DEFAULT_WALL_MILLIS = 180_000;
    /** The heap of a test JVM: a runaway allocation fails its test, and Gradescope's 768 MB container holds it. */
    public static final String HEAP = "-Xmx384m";

    public SandboxSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The course's settings, with the {@code java} of the JVM the grader runs in. */
    public static SandboxSettings defaults() {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        // C1 only and the serial collector start fastest; the tests are short
        List<String> options = List.of(HEAP, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:-UsePerfData", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");
        return new SandboxSettings(java, options, DEFAULT_STEPS, DEFAULT_CPU_MILLIS, DEFAULT_WALL_MILLIS, 16_384);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
