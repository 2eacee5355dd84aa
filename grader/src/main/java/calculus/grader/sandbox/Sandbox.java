package calculus.grader.sandbox;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import calculus.grader.GradingExtension;
import calculus.grader.budget.StepBudget;
import calculus.grader.protocol.Event;
import calculus.grader.protocol.RunRequest;
import calculus.grader.protocol.Wire;

/**
 * The test JVM: runs one module's graded tests against code that is not trusted, and reports each test's outcome
 * to the grader, which computes the grade in its own JVM.
 *
 * <p>It reads {@link RunRequest}s, one JSON line each, on standard input, and answers with {@link Event}s on the
 * standard output it took for itself before any test ran; the code under test prints into a capture instead
 * ({@code System.out} and {@code System.err} are replaced), and the rules for student code keep it from reaching
 * the JVM's real streams, files, threads or the grader's classes. The code under test is loaded by a fresh
 * {@link StudentClassLoader} per request, instrumented with a step budget; a watchdog ends the JVM when one test
 * uses more than its CPU backstop (a loop inside the JDK that the budget cannot see), or when a garbage collection
 * during a test leaves the old generation more than {@link #MEMORY_FRACTION} full (code filling the heap: the serial
 * collector would take minutes to give up), and the grader starts a new one for the tests left. The JVM ends when its standard input closes: when the grader ends, so does it.
 */
public final class Sandbox {

    /** Exit code when the watchdog ended the JVM: a test used more than its CPU time backstop. */
    public static final int BACKSTOP_EXIT = 86;
    /** How often the watchdog looks. */
    private static final long WATCH_MILLIS = 50;
    /**
     * The share of a heap pool that the code under test may still hold after a garbage collection. Past it the code
     * is filling the heap (a loop that keeps adding to a list): the test is stopped at once, rather than after
     * minutes of collections that each free a little (which is how a full heap ends with the serial collector).
     */
    static final double MEMORY_FRACTION = 0.75;

    private final PrintStream wire;
    private final OutputCapture capture;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long runningThread = -1;
    private volatile long cpuAtStart;
    private volatile long cpuLimitNanos = Long.MAX_VALUE;
    private volatile String runningTest = "";
    private volatile long memoryExceededAtStart;
    /** The heap's old generation (Tenured Gen, PS Old Gen, G1 Old Gen), its threshold set. */
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();

    private Sandbox(PrintStream wire, OutputCapture capture) {
        this.wire = wire;
        this.capture = capture;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            // the old generation only: a young pool's survivors fill up after a collection in honest code too
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0
                && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                pool.setCollectionUsageThreshold((long) (max * MEMORY_FRACTION));
                heapPools.add(pool);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // the real standard output is the grader's channel: take it before any other code can run
        PrintStream wire = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int outputLimit = args.length > 0 ? Integer.parseInt(args[0]) : 16_384;
        OutputCapture capture = new OutputCapture(outputLimit);
        PrintStream captured = capture.stream();
        System.setOut(captured);
        System.setErr(captured);
        Sandbox sandbox = new Sandbox(wire, capture);
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readRequests(requests), "grader-requests");
        reader.setDaemon(true);
        reader.start();
        Thread watchdog = new Thread(sandbox::watch, "grader-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        sandbox.emit(Event.of(Event.READY, ""));
        while (true) {
            String line = requests.take();
            try {
                sandbox.run(Wire.request(line));
                sandbox.emit(Event.of(Event.DONE, ""));
            } catch (RuntimeException | LinkageError e) {
                sandbox.emit(Event.of(Event.FATAL, "the test JVM could not run the tests: " + e));
            }
        }
    }

    /** Reads request lines; when the grader closes our input (or is gone), the JVM ends at once. */
    private static void readRequests(BlockingQueue<String> requests) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    requests.add(line);
                }
            }
        } catch (IOException e) {
            // the grader is gone
        }
        Runtime.getRuntime().halt(0);
    }

    /** Writes one event to the grader. */
    synchronized void emit(Event event) {
        wire.print(Wire.line(event));
        wire.print('\n');
        wire.flush();
    }

    private void run(RunRequest request) {
        List<Path> testDirs = request.testClasses().stream().map(Path::of).toList();
        StudentClassLoader loader = new StudentClassLoader(testDirs, Path.of(request.studentClasses()));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        cpuLimitNanos = request.cpuMillis() * 1_000_000L;
        try {
            Set<String> wanted = new LinkedHashSet<>(request.tests());
            Set<String> classes = new LinkedHashSet<>();
            for (String test : wanted) {
                classes.add(test.substring(0, test.indexOf('#')));
            }
            List<DiscoverySelector> selectors = classes.stream()
                .map(c -> (DiscoverySelector) DiscoverySelectors.selectClass(load(loader, c))).toList();
            LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(onlyThese(wanted))
                .configurationParameters(configuration(request))
                .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
            StepBudget.arm(request.defaultSteps());
            launcher.execute(discovery, new SandboxListener(this, loader, request.defaultSteps()));
        } finally {
            StepBudget.disarm();
            Thread.currentThread().setContextClassLoader(before);
            cpuLimitNanos = Long.MAX_VALUE;
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no test class " + name, e);
        }
    }

    /** Keeps the wanted test methods (and the containers above them), drops the rest. */
    private static PostDiscoveryFilter onlyThese(Set<String> wanted) {
        return descriptor -> {
            if (descriptor.getSource().orElse(null) instanceof MethodSource m
                && isMethodLevel(descriptor)) {
                String key = m.getClassName() + "#" + m.getMethodName();
                return wanted.contains(key) ? FilterResult.included("selected") : FilterResult.excluded("not selected");
            }
            return FilterResult.included("container");
        };
    }

    private static boolean isMethodLevel(TestDescriptor descriptor) {
        // a test method, or a parameterized test's container: the level graded tests are chosen at
        return descriptor.getParent().map(p -> !(p.getSource().orElse(null) instanceof MethodSource)).orElse(true);
    }

    private static Map<String, String> configuration(RunRequest request) {
        Map<String, String> c = new HashMap<>(request.configuration());
        // the step budget replaces JUnit's wall-clock timeouts, which depend on the machine's load
        c.put("junit.jupiter.execution.timeout.mode", "disabled");
        c.put("junit.jupiter.testmethod.order.default", DeclarationOrder.class.getName());
        c.put("junit.jupiter.testclass.order.default", TaskOrder.class.getName());
        c.put("junit.jupiter.extensions.autodetection.enabled", "false");
        // pruning walks a failure's causes with no budget (a student getCause() that never returns, or makes a new
        // exception each time, would spin or fill the heap): the grader reads failures itself, on a small budget
        c.put("junit.platform.stacktrace.pruning.enabled", "false");
        c.put(GradingExtension.STEPS_PARAMETER, Long.toString(request.defaultSteps()));
        return c;
    }

    // ---- the watchdog: the CPU time backstop

    /** A test (or a container's setup) starts running on the current thread. */
    void started(String test) {
        // the baselines first: the watchdog reads them once it sees the thread
        long thread = Thread.currentThread().getId();
        runningTest = test;
        cpuAtStart = threads.getThreadCpuTime(thread);
        memoryExceededAtStart = memoryExceeded();
        runningThread = thread;
    }

    /** How many collections so far left a heap pool fuller than its threshold. */
    private long memoryExceeded() {
        long n = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            n += pool.getCollectionUsageThresholdCount();
        }
        return n;
    }

    /** Nothing is running. */
    void stopped() {
        runningThread = -1;
    }

    /** Begins keeping the output of a test. */
    void capture() {
        capture.begin();
    }

    /** What the test printed. */
    String captured() {
        return capture.end();
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long thread = runningThread;
            if (thread < 0) {
                continue;
            }
            long used = threads.getThreadCpuTime(thread) - cpuAtStart;
            if (memoryExceeded() > memoryExceededAtStart && runningThread == thread) {
                long held = 0;
                for (MemoryPoolMXBean pool : heapPools) {
                    held += pool.getCollectionUsage().getUsed();
                }
                emit(new Event(Event.FINISHED, runningTest, "", "FAILED", String.format(
                    "OutOfMemoryError: stopped because the code still held %d MB of the test's %d MB of memory "
                        + "after a garbage collection. Does a loop keep adding to a list or array without end?",
                    held >> 20, Runtime.getRuntime().maxMemory() >> 20), null,
                    StepBudget.used(), ""));
                Runtime.getRuntime().halt(BACKSTOP_EXIT);
            }
            if (used > cpuLimitNanos && runningThread == thread) {
                emit(new Event(Event.FINISHED, runningTest, "", "TIMED_OUT", String.format(
                    "stopped after %.0f s of CPU time, the backstop of every test: the code keeps the JDK busy "
                        + "without end (an endless stream?), or does far more work than the task needs",
                    used / 1e9), null, StepBudget.used(), ""));
                Runtime.getRuntime().halt(BACKSTOP_EXIT);
            }
        }
    }
}
