package calculus.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A module's grade: every graded test's result, the tasks they add up to, and the problems found with the module
 * itself. It is what {@code target/grading/results.json} holds and what the scoreboards print.
 *
 * @param module the module, for example {@code 01-derivatives}
 * @param title  its title, for example {@code Derivatives}
 * @param role   {@code exercise} (the student's code, or the skeleton) or {@code solution} (the reference)
 * @param check  whether this run is the course check ({@code -Dcheck})
 * @param build  the stamp of the Maven build that ran it, so that stale results can be told apart
 * @param lesson the module's folder relative to the course root, where its lesson and hints are
 * @param titles each task's title from the lesson
 * @param tests  one result per graded test, in the order they were discovered
 * @param errors problems with the module's tests themselves (for the course's authors, never the student's fault)
 * @param rules  breaches of the rules for student code ({@link GradedCode}); while there are any, no test runs
 */
public record ModuleReport(String module, String title, String role, boolean check, String build, String lesson,
                           Map<String, String> titles, List<TestResult> tests, List<String> errors,
                           List<String> rules) {

    /** The points every module is worth. */
    public static final int MODULE_POINTS = 100;

    /** The points earned. */
    public int score() {
        return tests.stream().mapToInt(TestResult::points).sum();
    }

    /** The points available. */
    public int max() {
        return tests.stream().mapToInt(TestResult::max).sum();
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
        String reason = "";
        for (TestResult r : results) {
            status = Status.combine(status, r.status());
            points += r.points();
            max += r.max();
            if (r.status() == Status.PASSED) {
                passed++;
            } else if (reason.isEmpty() && r.status() != Status.TODO && r.status() != Status.SKIPPED) {
                // the message, not the test's name: its first line says what was computed and what came back
                reason = Outcome.brief(r.studentMessage())
                    + (r.seed() == null ? "" : " [seed " + r.seed() + ": rerun with -Dseed=" + r.seed() + "]");
            }
        }
        return new TaskSummary(task, titles.getOrDefault(task, ""), status, points, max, passed, results.size(),
            reason);
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

    /**
     * What the course check finds wrong with this module: a skeleton must leave every graded test TODO (no free
     * points, and no test that fails for another reason), a reference solution must pass every graded test, and the
     * module's points must add up to {@value #MODULE_POINTS}.
     *
     * @return one line per problem, naming the test; empty when the module passes the check
     */
    public List<String> checkViolations() {
        List<String> problems = new ArrayList<>(errors);
        for (String r : rules) {
            problems.add(module + " (" + role + ") breaks the rules for student code: " + r);
        }
        if (tests.isEmpty()) {
            problems.add(module + " (" + role + "): no graded test ran");
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
                    + Outcome.shorten(t.message()));
            } else if (!isSolution() && t.status() == Status.PASSED) {
                problems.add(which + " PASSED against the skeleton: free points. Make the test call the code it "
                    + "grades, or make the skeleton throw.");
            } else if (!isSolution() && t.status() != Status.TODO) {
                problems.add(which + " is " + t.status().label() + " against the skeleton, not TODO: the test "
                    + "fails for another reason than the missing code: " + Outcome.shorten(t.message()));
            }
        }
        return problems;
    }

    /** Whether these are the reference solution's results. */
    public boolean isSolution() {
        return "solution".equals(role);
    }

    /** The JSON document of this report. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("module", module);
        root.put("title", title);
        root.put("role", role);
        root.put("check", check);
        root.put("build", build);
        root.put("lesson", lesson);
        root.put("score", score());
        root.put("max", max());
        List<Object> taskList = new ArrayList<>();
        for (TaskSummary t : tasks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", t.task());
            m.put("title", t.title());
            m.put("status", t.status().name());
            m.put("points", t.points());
            m.put("max", t.max());
            m.put("reason", t.reason());
            taskList.add(m);
        }
        root.put("tasks", taskList);
        List<Object> testList = new ArrayList<>();
        for (TestResult t : tests) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", t.module());
            m.put("task", t.task());
            m.put("name", t.name());
            m.put("method", t.method());
            m.put("points", t.points());
            m.put("max", t.max());
            m.put("status", t.status().name());
            m.put("message", t.message());
            m.put("seed", t.seed());
            m.put("visibility", t.visibility());
            testList.add(m);
        }
        root.put("tests", testList);
        root.put("errors", new ArrayList<Object>(errors));
        root.put("rules", new ArrayList<Object>(rules));
        return Json.write(root);
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such a report
     */
    public static ModuleReport fromJson(String text) {
        try {
            return parse(text);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a module report: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ModuleReport parse(String text) {
        Object parsed = Json.read(text);
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a module report: the JSON is not an object");
        }
        Map<String, Object> root = (Map<String, Object>) parsed;
        Map<String, String> titles = new LinkedHashMap<>();
        for (Object o : (List<Object>) root.getOrDefault("tasks", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            titles.put((String) m.get("task"), (String) m.get("title"));
        }
        List<TestResult> tests = new ArrayList<>();
        for (Object o : (List<Object>) root.getOrDefault("tests", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            Object seed = m.get("seed");
            tests.add(new TestResult((String) m.get("module"), (String) m.get("task"), (String) m.get("name"),
                (String) m.get("method"), ((Number) m.get("points")).intValue(), ((Number) m.get("max")).intValue(),
                Status.parse((String) m.get("status")), (String) m.get("message"),
                seed == null ? null : ((Number) seed).longValue(), (String) m.get("visibility")));
        }
        List<String> errors = strings(root.get("errors"));
        List<String> rules = strings(root.get("rules"));
        return new ModuleReport((String) root.get("module"), (String) root.get("title"), (String) root.get("role"),
            Boolean.TRUE.equals(root.get("check")), (String) root.get("build"), (String) root.get("lesson"), titles,
            tests, errors, rules);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?>) {
            for (Object o : (List<Object>) list) {
                out.add((String) o);
            }
        }
        return out;
    }
}
