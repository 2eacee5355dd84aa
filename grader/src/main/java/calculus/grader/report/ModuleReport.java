package calculus.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * A module's grade: every graded test's result, the tasks they add up to, and what kept the module from being
 * graded, if anything. It is what {@code target/grading/results.json} holds and what the scoreboards print. It is
 * written by the grader's own JVM from what it saw, never by the JVM that runs student code.
 *
 * @param module    the module, for example {@code 01-derivatives}
 * @param title     its title, for example {@code Derivatives}
 * @param role      {@link #EXERCISE} (the student's code, or the skeleton) or {@link #SOLUTION} (the reference)
 * @param check     whether this run is the course check ({@code -Dcheck})
 * @param build     the stamp of the build that ran it, so that stale results can be told apart
 * @param lesson    the module's folder relative to the course root, where its lesson and hints are
 * @param titles    each task's title from the lesson
 * @param tests     one result per graded test, tasks in order and each task's tests in the order they are
 *                  written (worked examples first), so that a task's first failure is its most specific one
 * @param errors    problems with the module's tests themselves (for the course's authors, never the student's fault)
 * @param blocker   what kept every test from running (the files, the compiler, the rules for student code, or the
 *                  grader itself), or {@code null}
 * @param selection what this run was asked to grade when it was not everything ({@code "Task 1.3"}), else empty
 */
public record ModuleReport(String module, String title, String role, boolean check, String build, String lesson,
                           Map<String, String> titles, List<TestResult> tests, List<String> errors, Blocker blocker,
                           String selection) {

    /** The points every module's visible tests are worth. */
    public static final int MODULE_POINTS = 100;
    /** The role of a student's code or of the skeleton. */
    public static final String EXERCISE = "exercise";
    /** The role of the reference solution. */
    public static final String SOLUTION = "solution";
    /** The version of the results.json layout. */
    public static final int FORMAT = 2;

    /**
     * What kept a module's tests from running.
     *
     * @param kind  {@link #FILES}, {@link #COMPILE}, {@link #RULES} or {@link #GRADER}
     * @param lines what to fix, one line each (for the grader's own failures: what went wrong)
     */
    public record Blocker(String kind, List<String> lines) {
        /** The submitted files were refused (a link, a file too large, not UTF-8, ...). */
        public static final String FILES = "files";
        /** The code does not compile. */
        public static final String COMPILE = "compile";
        /** The code breaks the rules for student code. */
        public static final String RULES = "rules";
        /** The grader itself failed: never the student's fault. */
        public static final String GRADER = "grader";

        /** Whether this is the grader's fault rather than the code's. */
        public boolean gradersFault() {
            return GRADER.equals(kind);
        }
    }

    public ModuleReport {
        titles = Map.copyOf(titles);
        tests = List.copyOf(tests);
        errors = List.copyOf(errors);
        selection = selection == null ? "" : selection;
    }

    /** The points earned. */
    public int score() {
        return tests.stream().mapToInt(TestResult::points).sum();
    }

    /** The points available. */
    public int max() {
        return tests.stream().mapToInt(TestResult::max).sum();
    }

    /** Whether these are the reference solution's results. */
    public boolean isSolution() {
        return SOLUTION.equals(role);
    }

    /** The tasks in number order, each with its tests taken together. */
    public List<TaskSummary> tasks() {
        Map<String, List<TestResult>> byTask = new TreeMap<>(TaskSummary::compareNumbers);
        for (TestResult t : tests) {
            byTask.computeIfAbsent(t.task(), k -> new ArrayList<>()).add(t);
        }
        List<TaskSummary> tasks = new ArrayList<>();
        byTask.forEach((task, results) -> tasks.add(summarise(task, results)));
        return tasks;
    }

    private TaskSummary summarise(String task, List<TestResult> results) {
        Status status = Status.PASSED;
        int points = 0;
        int max = 0;
        int passed = 0;
        boolean earlier = true;
        TestResult first = null;
        for (TestResult r : results) {
            status = Status.combine(status, r.status());
            points += r.points();
            max += r.max();
            earlier &= r.earlier();
            if (r.status() == Status.PASSED) {
                passed++;
            } else if (first == null && r.status() != Status.TODO && r.status() != Status.SKIPPED) {
                first = r;
            }
        }
        return new TaskSummary(task, titles.getOrDefault(task, ""), status, points, max, passed, results.size(),
            first == null ? "" : reason(first), earlier && !results.isEmpty());
    }

    /** One line on a failed test: what came back and the hint, then how to rerun it with the same inputs. */
    static String reason(TestResult r) {
        return Text.brief(r.studentMessage())
            + (r.seed() == null ? "" : " [seed " + r.seed() + ": rerun with -Dseed=" + r.seed() + "]");
    }

    /** The first task that is not done (skipped tasks aside), or {@code null} when every task is done. */
    public TaskSummary nextTask() {
        for (TaskSummary t : tasks()) {
            if (!t.done() && t.status() != Status.SKIPPED) {
                return t;
            }
        }
        return null;
    }

    /** The failed tests of one task, in the order they are written. */
    public List<TestResult> failures(String task) {
        return tests.stream().filter(t -> t.task().equals(task))
            .filter(t -> t.status() != Status.PASSED && t.status() != Status.SKIPPED).toList();
    }

    /**
     * What the course check finds wrong with this module: a skeleton must leave every graded test TODO (no free
     * points, and no test that fails for another reason), a reference solution must pass every graded test, and the
     * visible tests' points must add up to {@value #MODULE_POINTS}.
     *
     * @return one line per problem, naming the test; empty when the module passes the check
     */
    public List<String> checkViolations() {
        List<String> problems = new ArrayList<>(errors);
        String who = module + " (" + role + ")";
        if (blocker != null) {
            problems.add(who + " was not graded (" + blocker.kind() + "): " + String.join("; ", blocker.lines()));
            return problems;
        }
        if (tests.isEmpty()) {
            problems.add(who + ": no graded test ran");
            return problems;
        }
        int visible = tests.stream().filter(t -> !t.hidden()).mapToInt(TestResult::max).sum();
        if (visible != MODULE_POINTS) {
            problems.add(module + ": the points of the visible tests add up to " + visible + ", not " + MODULE_POINTS);
        }
        for (TestResult t : tests) {
            String which = "Task " + t.task() + " \"" + t.name() + "\" (" + t.method() + ")";
            if (isSolution() && t.status() != Status.PASSED) {
                problems.add(which + " is " + t.status().label() + " against the reference solution: "
                    + Text.shorten(t.message()));
            } else if (!isSolution() && t.status() == Status.PASSED) {
                problems.add(which + " PASSED against the skeleton: free points. Make the test call the code it "
                    + "grades, or make the skeleton throw.");
            } else if (!isSolution() && t.status() != Status.TODO) {
                problems.add(which + " is " + t.status().label() + " against the skeleton, not TODO: the test "
                    + "fails for another reason than the missing code: " + Text.shorten(t.message()));
            }
        }
        return problems;
    }

    // ---- results.json

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .serializeSpecialFloatingPointValues().create();

    /** The JSON document as written: the report with its totals and task summaries, for readers of the file. */
    private record Document(int format, String module, String title, String role, boolean check, String build,
                            String lesson, String selection, int score, int max, List<TaskSummary> tasks,
                            List<TestResult> tests, Blocker blocker, List<String> errors, Map<String, String> titles) {
    }

    /** The JSON document of this report ({@code results.json}). */
    public String toJson() {
        Map<String, String> ordered = new LinkedHashMap<>(new TreeMap<>(titles));
        return GSON.toJson(new Document(FORMAT, module, title, role, check, build, lesson, selection, score(), max(),
            tasks(), tests, blocker, errors, ordered)) + "\n";
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such a report
     */
    public static ModuleReport fromJson(String text) {
        try {
            Document d = GSON.fromJson(text, Document.class);
            if (d == null || d.format() != FORMAT || d.module() == null || d.tests() == null) {
                throw new IllegalArgumentException("not a module report of format " + FORMAT);
            }
            for (TestResult t : d.tests()) {
                // a file that lost a field would fail much later, in the middle of a scoreboard
                if (t == null || t.task() == null || t.method() == null || t.name() == null || t.status() == null
                    || t.visibility() == null || t.message() == null) {
                    throw new IllegalArgumentException("not a module report: a test without its task, name, method, "
                        + "status, visibility or message: " + t);
                }
            }
            return new ModuleReport(d.module(), d.title(), d.role(), d.check(), d.build(), d.lesson(),
                d.titles() == null ? Map.of() : d.titles(), d.tests(), d.errors() == null ? List.of() : d.errors(),
                d.blocker(), d.selection());
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException("not a module report: " + e.getMessage(), e);
        }
    }
}
