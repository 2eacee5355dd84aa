package calculus.grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import calculus.grader.policy.CodePolicy;
import calculus.grader.policy.SubmissionFiles;
import calculus.grader.policy.Violation;
import calculus.grader.protocol.Event;
import calculus.grader.protocol.RunRequest;
import calculus.grader.report.Lesson;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.ModuleReport.Blocker;
import calculus.grader.report.Status;
import calculus.grader.report.Tally;
import calculus.grader.report.TestResult;
import calculus.grader.report.Text;
import calculus.grader.sandbox.Sandbox;

/**
 * Grades one module's code: reads and checks its files, compiles it and the tests, checks it against the rules for
 * student code, runs the tests in test JVMs of its own, and computes the grade from what it saw, in this JVM.
 *
 * <p>What the code under test can do is bounded at every step: its files are read without following links and
 * checked before they are compiled; it compiles against the JDK alone; it runs only if it keeps to the rules (its
 * own package, an allow-list of JDK members), instrumented with a step budget, in a JVM with a bounded heap whose
 * only channel to the grader is the grader's; a test JVM that stops answering or has to be ended is replaced, and
 * the tests left run in the new one. The grade is this JVM's tally of the test JVM's events against its own reading
 * of the tests' points, so nothing the code under test writes counts.
 */
public final class ModuleGrader {

    /** The most test JVMs one module's grading may start (one, plus one per test that had to be stopped). */
    static final int MAX_STARTS = 12;

    private final SourceCompiler compiler = new SourceCompiler();
    private final SandboxPool sandboxes;

    /** A grader that starts a fresh test JVM for every module. */
    public ModuleGrader() {
        this(SandboxPool.fresh());
    }

    /** A grader that takes its test JVMs from a pool (the watch mode keeps one warm). */
    public ModuleGrader(SandboxPool sandboxes) {
        this.sandboxes = sandboxes;
    }

    /**
     * Grades a module.
     *
     * @param job what to grade and how
     * @return the module's report; never throws for anything the code under test does
     * @throws IOException if the grader's own files cannot be written
     */
    public ModuleReport grade(GradingJob job) throws IOException {
        Map<String, String> titles = Lesson.titles(job.courseRoot().resolve(job.lesson()).resolve("README.md"));
        Path classes = job.work().resolve("classes");
        Path testClasses = job.work().resolve("test-classes");
        Files.createDirectories(job.work());

        // 1. the files, read once and checked
        SubmissionFiles.Submission sources = Files.exists(job.code(), LinkOption.NOFOLLOW_LINKS)
            ? SubmissionFiles.read(job.code()) : new SubmissionFiles.Submission(List.of(), List.of(), List.of());
        if (!sources.problems().isEmpty()) {
            return blocked(job, titles, new Blocker(Blocker.FILES, sources.problems()));
        }
        if (sources.sources().isEmpty()) {
            return blocked(job, titles, new Blocker(Blocker.COMPILE, List.of("no Java source files in "
                + job.lesson() + "/src/main/java")));
        }
        // 2. the code, against the JDK alone
        SourceCompiler.Result code = compiler.compileCode(sources.sources(), job.lesson() + "/src/main/java", classes);
        if (!code.ok()) {
            return blocked(job, titles, new Blocker(Blocker.COMPILE, code.errors()));
        }
        // 3. the tests, against the code
        List<Path> cp = new ArrayList<>();
        cp.add(classes);
        cp.addAll(job.classpath());
        SourceCompiler.Result tests = compiler.compileTests(job.testSources(), cp, testClasses);
        List<String> courseFault = testsBrokenAnyway(job, tests);
        if (!courseFault.isEmpty()) {
            return blocked(job, titles, new Blocker(Blocker.GRADER, courseFault));
        }
        TestInventory.Found inventory = TestInventory.read(testClasses)
            .plus(TestInventory.parse(new ArrayList<>(tests.excluded().keySet())));
        // 4. the rules
        List<Violation> violations = CodePolicy.check(classes, job.packages(), testClassNames(testClasses,
            inventory));
        if (!violations.isEmpty()) {
            return blocked(job, titles, inventory, new Blocker(Blocker.RULES,
                violations.stream().map(Violation::message).toList()));
        }
        // 5. the tests that do not compile against this code fail; the others run
        Map<String, TestResult> results = new LinkedHashMap<>();
        Map<String, String> uncompiled = uncompiledTests(tests.excluded(), inventory);
        List<TestInventory.GradedTest> toRun = new ArrayList<>();
        List<String> errors = new ArrayList<>(inventory.errors());
        for (TestInventory.GradedTest t : inventory.tests()) {
            if (uncompiled.containsKey(t.key())) {
                results.put(t.key(), result(job, t, Status.FAILED, "this test does not compile against your code, "
                    + "so it cannot run: " + uncompiled.get(t.key()) + ". Keep the signatures the skeleton gives."));
            } else if (job.selection().selects(t)) {
                toRun.add(t);
            }
        }
        Map<String, TestResult> ran = run(job, classes, testClasses, toRun);
        // 6. the grade, in the inventory's order; tests left out keep their earlier results
        List<TestResult> all = new ArrayList<>();
        for (TestInventory.GradedTest t : inventory.tests()) {
            TestResult r = results.containsKey(t.key()) ? results.get(t.key()) : ran.get(t.key());
            all.add(r != null ? r : earlierOrSkipped(job, t));
        }
        return new ModuleReport(job.module(), job.title(), job.role(), job.check(), job.build(), job.lesson(), titles,
            all, errors, null, job.selection().everything() ? "" : job.selection().describe());
    }

    /**
     * The errors of test files that do not compile against the course's own skeleton either: then it is not the
     * code under test that breaks them (a library missing from the grader's class path, a broken test), and the
     * module is not graded rather than graded 0. Empty when there is nothing to blame on the course, or nothing to
     * compare with.
     */
    private List<String> testsBrokenAnyway(GradingJob job, SourceCompiler.Result tests) throws IOException {
        if (tests.excluded().isEmpty() || job.reference() == null) {
            return List.of();
        }
        Path work = job.work().resolve("reference");
        SubmissionFiles.Submission reference = SubmissionFiles.read(job.reference());
        SourceCompiler.Result code = compiler.compileCode(reference.sources(), "reference", work.resolve("classes"));
        if (!code.ok()) {
            return List.of("the course's own skeleton does not compile: " + String.join("; ", code.errors()));
        }
        List<Path> cp = new ArrayList<>();
        cp.add(work.resolve("classes"));
        cp.addAll(job.classpath());
        SourceCompiler.Result again = compiler.compileTests(job.testSources(), cp, work.resolve("test-classes"));
        List<String> broken = new ArrayList<>();
        again.excluded().forEach((file, why) -> broken.add("the test " + file.getFileName() + " does not compile "
            + "against the course's own skeleton either: " + why));
        return broken;
    }

    // ---- running the tests

    private Map<String, TestResult> run(GradingJob job, Path classes, Path testClasses,
                                        List<TestInventory.GradedTest> tests) throws IOException {
        Map<String, TestInventory.GradedTest> byKey = new LinkedHashMap<>();
        tests.forEach(t -> byKey.put(t.key(), t));
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, String> lostTasks = new HashMap<>();
        Set<String> pending = new LinkedHashSet<>(byKey.keySet());
        for (int start = 0; start < MAX_STARTS && !pending.isEmpty(); start++) {
            boolean progress = runOnce(job, classes, testClasses, byKey, pending, tallies, lostTasks);
            // a task whose test stopped its JVM is not tried again: its other tests would most likely do the same
            for (String k : new ArrayList<>(pending)) {
                String why = lostTasks.get(byKey.get(k).task());
                if (why != null) {
                    tallies.computeIfAbsent(k, x -> new Tally()).record(Status.NOT_RUN, why);
                    pending.remove(k);
                }
            }
            if (!progress) {
                break;
            }
        }
        Map<String, TestResult> results = new HashMap<>();
        for (TestInventory.GradedTest t : tests) {
            Tally tally = tallies.getOrDefault(t.key(), new Tally());
            results.put(t.key(), tally.result(job.module(), t.task(), t.name(), t.key(), t.points(), t.visibility(),
                "not run: the test JVM ended before this test could run"));
        }
        return results;
    }

    /**
     * Runs the pending tests in one new test JVM until they are done or the JVM ends.
     *
     * @return whether any test finished (a JVM that dies before any test does is not started again)
     */
    private boolean runOnce(GradingJob job, Path classes, Path testClasses,
                            Map<String, TestInventory.GradedTest> byKey, Set<String> pending,
                            Map<String, Tally> tallies, Map<String, String> lostTasks) throws IOException {
        SandboxSettings s = job.sandbox();
        boolean progress = false;
        SandboxProcess jvm = sandboxes.acquire(s, job.classpath(), job.work());
        boolean reusable = false;
        try {
            jvm.send(new RunRequest(List.of(testClasses.toString()), classes.toString(), List.copyOf(pending),
                configuration(job), s.defaultSteps(), s.cpuMillis(), s.outputLimit()));
            String current = null; // the test whose case is running, if any
            String last = null; // the test that finished last
            while (true) {
                Event e = jvm.next(s.wallMillis());
                if (e == SandboxProcess.TIMEOUT || e == null) {
                    if (e == SandboxProcess.TIMEOUT) {
                        jvm.kill();
                    }
                    String ended = ended(e == null, jvm, s);
                    if (e == null && last != null && byKey.containsKey(last)
                        && jvm.exitCode() == Sandbox.BACKSTOP_EXIT) {
                        // the watchdog's last word: it stopped that test (CPU time, or a heap it kept filling)
                        lostTasks.putIfAbsent(byKey.get(last).task(), "not run: another test of this task had to "
                            + "be stopped");
                    }
                    if (current != null && byKey.containsKey(current)) {
                        record(tallies, current, e == null ? Status.FAILED : Status.TIMED_OUT, ended);
                        lostTasks.put(byKey.get(current).task(), "not run: another test of this task stopped the "
                            + "test JVM");
                        pending.remove(current);
                        progress = true;
                    }
                    // a test the watchdog stopped reported itself before the JVM ended
                    tallies.forEach((k, t) -> {
                        if (t.status() == Status.TIMED_OUT && byKey.containsKey(k)) {
                            lostTasks.putIfAbsent(byKey.get(k).task(), "not run: another test of this task had to be "
                                + "stopped");
                        }
                    });
                    return progress;
                }
                switch (e.type()) {
                    case Event.STARTED -> current = e.test();
                    case Event.FINISHED -> {
                        if (!byKey.containsKey(e.test())) {
                            // the watchdog's last word on a class's own code (a static initialiser that never
                            // ends): its tests go with it, and the JVM started next runs the classes after it
                            progress |= classFailed(e.test(), status(e.status()), "the test class was stopped "
                                + "before its tests could run: " + e.message(), pending, tallies);
                        } else {
                            Tally t = tallies.computeIfAbsent(e.test(), k -> new Tally());
                            boolean whole = !e.invocation().startsWith("#");
                            // a container that ends well adds nothing: its cases said how they went
                            if (!(Event.ALL_INVOCATIONS.equals(e.invocation()) && "PASSED".equals(e.status())
                                && t.recorded())) {
                                t.record(status(e.status()), Text.sanitize(e.message(), Text.MESSAGE_LIMIT));
                            }
                            t.seed(e.seed());
                            t.steps(e.steps());
                            last = e.test();
                            current = whole ? null : current;
                            if (whole) {
                                pending.remove(e.test());
                                progress = true;
                            } else if (status(e.status()) == Status.TIMED_OUT) {
                                current = e.test(); // the watchdog's last word: the JVM ends next
                            } else {
                                current = null;
                            }
                        }
                    }
                    case Event.CLASS_FAILED -> progress |= classFailed(e.test(), status(e.status()), e.message(),
                        pending, tallies);
                    case Event.DONE -> {
                        // the JVM ran the whole request: a test it did not report, JUnit did not run, and a new JVM
                        // would not run it either (a graded method without @Test, say)
                        for (String k : pending) {
                            record(tallies, k, Status.NOT_RUN, NOT_RUN_BY_JUNIT);
                        }
                        pending.clear();
                        // a JVM in which a test ran out of its budget is not used again (the watch mode reuses JVMs)
                        reusable = tallies.values().stream().noneMatch(x -> x.status() == Status.TIMED_OUT);
                        return true;
                    }
                    case Event.FATAL -> throw new IOException(Text.sanitize(e.message(), 2_000));
                    default -> {
                        // an event this grader does not know: ignored
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while grading " + job.module(), e);
        } finally {
            sandboxes.release(jvm, reusable);
        }
    }

    /** The tests' JUnit configuration: the job's, and where test code may leave files (a picture of the run). */
    private static Map<String, String> configuration(GradingJob job) {
        Map<String, String> c = new HashMap<>(job.configuration());
        c.putIfAbsent("calculus.grader.output", job.work().toString());
        return c;
    }

    /** Why a graded test the test JVM finished its run without reporting did not run. */
    static final String NOT_RUN_BY_JUNIT = "not run: JUnit did not run this graded test (is it a @Test, "
        + "@ParameterizedTest or @RepeatedTest method, neither private nor static, in a class that is not abstract?)";

    /** Why a test JVM stopped: the backstop, a crash, or silence. */
    private static String ended(boolean exited, SandboxProcess jvm, SandboxSettings s) throws InterruptedException {
        if (!exited) {
            return String.format("stopped: no sign of life from the test for %d s (does the code wait for "
                + "something?)", s.wallMillis() / 1000);
        }
        int exit = jvm.exitCode();
        return "the test JVM ended while this test ran (exit code " + exit + "): " + lastLine(jvm.noise());
    }

    /** Records a test class's failure for its pending tests; returns whether it had any. */
    private static boolean classFailed(String className, Status status, String message, Set<String> pending,
                                       Map<String, Tally> tallies) {
        boolean any = false;
        for (String k : new ArrayList<>(pending)) {
            if (k.startsWith(className + "#")) {
                record(tallies, k, status, Text.sanitize(message, Text.MESSAGE_LIMIT));
                pending.remove(k);
                any = true;
            }
        }
        return any;
    }

    private static void record(Map<String, Tally> tallies, String key, Status status, String message) {
        tallies.computeIfAbsent(key, k -> new Tally()).record(status, message);
    }

    private static Status status(String name) {
        try {
            return Status.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Status.FAILED;
        }
    }

    private static String lastLine(String noise) {
        String[] lines = noise.strip().split("\n");
        return Text.sanitize(lines.length == 0 || lines[lines.length - 1].isEmpty() ? "no message"
            : lines[lines.length - 1], 300);
    }

    // ---- results

    private static TestResult result(GradingJob job, TestInventory.GradedTest t, Status status, String message) {
        Tally tally = new Tally();
        tally.record(status, message);
        return tally.result(job.module(), t.task(), t.name(), t.key(), t.points(), t.visibility(), message);
    }

    private static TestResult earlierOrSkipped(GradingJob job, TestInventory.GradedTest t) {
        if (job.earlier() != null) {
            for (TestResult r : job.earlier().tests()) {
                if (r.method().equals(t.key()) && r.max() == t.points()) {
                    return r.asEarlier();
                }
            }
        }
        return result(job, t, Status.SKIPPED, "not run in this run (" + job.selection().describe() + ")");
    }

    private ModuleReport blocked(GradingJob job, Map<String, String> titles, Blocker blocker) throws IOException {
        // the tests could not be compiled: their points are read from their sources
        List<Path> sources = new ArrayList<>();
        for (Path root : job.testSources()) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        return blocked(job, titles, TestInventory.parse(sources), blocker);
    }

    private static ModuleReport blocked(GradingJob job, Map<String, String> titles, TestInventory.Found inventory,
                                        Blocker blocker) {
        String why = switch (blocker.kind()) {
            case Blocker.COMPILE -> "not run: the code does not compile";
            case Blocker.RULES -> "not run: the code breaks the rules for student code";
            case Blocker.FILES -> "not run: the files cannot be graded";
            default -> "not run: the grading failed";
        };
        List<TestResult> all = new ArrayList<>();
        for (TestInventory.GradedTest t : inventory.tests()) {
            all.add(result(job, t, Status.NOT_RUN, why));
        }
        return new ModuleReport(job.module(), job.title(), job.role(), job.check(), job.build(), job.lesson(), titles,
            all, inventory.errors(), blocker, job.selection().everything() ? "" : job.selection().describe());
    }

    /** Graded tests of test files left out of the compilation, with the compiler's reason. */
    private static Map<String, String> uncompiledTests(Map<Path, String> excluded, TestInventory.Found inventory)
        throws IOException {
        Map<String, String> reasons = new HashMap<>();
        if (excluded.isEmpty()) {
            return reasons;
        }
        for (Map.Entry<Path, String> e : excluded.entrySet()) {
            TestInventory.Found inFile = TestInventory.parse(List.of(e.getKey()));
            for (TestInventory.GradedTest t : inFile.tests()) {
                reasons.put(t.key(), e.getValue());
            }
        }
        return reasons;
    }

    /** Every class the tests define: code under test may neither name nor shadow any of them. */
    private static Set<String> testClassNames(Path testClasses, TestInventory.Found inventory) throws IOException {
        Set<String> names = new TreeSet<>(inventory.classNames());
        if (Files.isDirectory(testClasses)) {
            try (Stream<Path> walk = Files.walk(testClasses)) {
                walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> {
                        String rel = testClasses.relativize(p).toString().replace('\\', '/');
                        names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                    });
            }
        }
        return names;
    }
}
