package calculus.grader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import calculus.grader.report.TaskSummary;

/**
 * Which graded tests a run grades: all of them, the tests of some tasks ({@code -Dtask=1.3,1.4}), or the tests
 * whose class (and method) match a pattern, as Surefire reads {@code -Dtest=SecantSlopeTest#exact*}.
 *
 * @param tasks the task numbers asked for; empty for every task
 * @param tests the {@code -Dtest} patterns; empty for every test
 */
public record Selection(List<String> tasks, List<String> tests) {

    public Selection {
        tasks = List.copyOf(tasks);
        tests = List.copyOf(tests);
    }

    /** Every test. */
    public static Selection all() {
        return new Selection(List.of(), List.of());
    }

    /**
     * Reads {@code -Dtask} and {@code -Dtest} values; an unset Maven property ({@code ${task}}) or an empty one
     * selects everything.
     */
    public static Selection of(String task, String test) {
        return new Selection(split(task), split(test));
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value == null || value.startsWith("${")) {
            return parts;
        }
        for (String p : value.split(",")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    /** Whether everything is selected. */
    public boolean everything() {
        return tasks.isEmpty() && tests.isEmpty();
    }

    /** Whether a test is selected. */
    public boolean selects(TestInventory.GradedTest t) {
        boolean task = tasks.isEmpty() || tasks.contains(t.task());
        boolean test = tests.isEmpty() || tests.stream().anyMatch(p -> matches(p, t));
        return task && test;
    }

    /** The tasks asked for that belong to a module but that it does not have: a typo, most likely. */
    public List<String> unknownTasks(int module, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String t : tasks) {
            if (t.startsWith(module + ".") && !known.contains(t)) {
                unknown.add(t);
            }
        }
        return unknown;
    }

    /** Whether this selection concerns a module at all (a task of it, or a test pattern). */
    public boolean concerns(int module) {
        return everything() || !tests.isEmpty() || tasks.stream().anyMatch(t -> t.startsWith(module + "."));
    }

    /**
     * Whether a {@code -Dtest} pattern can match a test class of these source folders (judged by file names, before
     * anything is compiled); always true without patterns.
     */
    public boolean matchesAnyClass(List<java.nio.file.Path> testSources) throws java.io.IOException {
        if (tests.isEmpty()) {
            return true;
        }
        for (java.nio.file.Path root : testSources) {
            if (!java.nio.file.Files.isDirectory(root)) {
                continue;
            }
            try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root)) {
                for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) walk::iterator) {
                    String file = root.relativize(f).toString().replace(java.io.File.separatorChar, '.');
                    if (!file.endsWith(".java")) {
                        continue;
                    }
                    String name = file.substring(0, file.length() - ".java".length());
                    String simple = name.substring(name.lastIndexOf('.') + 1);
                    for (String p : tests) {
                        String cls = p.contains("#") ? p.substring(0, p.indexOf('#')) : p;
                        if (glob(cls).matcher(simple).matches() || glob(cls).matcher(name).matches()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Says what was selected, for the scoreboard: {@code "Task 1.3"}, {@code "-Dtest=SecantSlopeTest"}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!tasks.isEmpty()) {
            parts.add((tasks.size() == 1 ? "Task " : "Tasks ") + String.join(", ", tasks));
        }
        if (!tests.isEmpty()) {
            parts.add("-Dtest=" + String.join(",", tests));
        }
        return String.join(" and ", parts);
    }

    /** The module's tasks, in order, for a message that lists them. */
    static String list(Set<String> known) {
        Set<String> sorted = new TreeSet<>(TaskSummary::compareNumbers);
        sorted.addAll(known);
        return String.join(", ", sorted);
    }

    /** Surefire's pattern: a class name (simple or qualified, * and ? wildcards), optionally #method pattern. */
    private static boolean matches(String pattern, TestInventory.GradedTest t) {
        String classPart = pattern;
        String methodPart = "*";
        int hash = pattern.indexOf('#');
        if (hash >= 0) {
            classPart = pattern.substring(0, hash);
            methodPart = pattern.substring(hash + 1).isEmpty() ? "*" : pattern.substring(hash + 1);
        }
        String simple = t.className().substring(t.className().lastIndexOf('.') + 1);
        boolean cls = glob(classPart).matcher(simple).matches() || glob(classPart).matcher(t.className()).matches();
        return cls && glob(methodPart).matcher(t.method()).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
