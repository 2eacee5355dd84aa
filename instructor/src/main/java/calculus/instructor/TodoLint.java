package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TODO points, it does not tell (house style, rule 12): it names its task and the lesson's section, and says what
 * the method must return in the words of its contract; the formula belongs in the lesson and the hints, never in a
 * TODO, where a student would type it out without thinking.
 *
 * <p>A TODO here is a line comment {@code // TODO(Task M.N): text} with the comment lines right after it that
 * start with {@code //} and two or more spaces. It must cite its section as {@code (README.md, "Task M.N")}, with
 * its own task number, and the module's lesson must have that section. Its text (the citation left out) is a
 * formula or code, and fails, when it holds any of the {@link #RULES}.
 */
final class TodoLint {

    /** Each rule: what it finds, and the pattern that finds it. */
    static final Map<String, Pattern> RULES = rules();

    private static final Pattern TODO = Pattern.compile("// TODO\\(Task (\\d+\\.\\d+)\\): (.*)");
    private static final Pattern CONTINUATION = Pattern.compile("//  +(\\S.*)");

    private TodoLint() {
    }

    private static Map<String, Pattern> rules() {
        Map<String, Pattern> rules = new java.util.LinkedHashMap<>();
        // "f(b) - f(a)", "x0 - y0 / slope", "w * x[i]", "1/b", "h/2", "dL/dW", "(2/n)": + * / % between two operands,
        // with or without spaces; a minus only with a space on each side (a hyphen joins words: "one-hot")
        rules.put("an operator between operands", Pattern.compile(
            "[\\w)\\]|'′] [-+*/%−] [\\w(|]|[\\w)\\]|'′] ?[+*/%] ?[\\w(|]|\\b[a-zA-Z]-\\d|\\w\\.\\.\\w"));
        // "-a", "-1", "-gradient": a negation (a hyphen inside a word, "non-zero", is none)
        rules.put("a negation", Pattern.compile("(?<![\\w'′-])[-−][\\w(]"));
        // "a b", "c a", "X W": two one-letter names side by side, a product (no word of English is one letter but a)
        rules.put("a product of letters", Pattern.compile("(?<![\\w'′.])[a-zA-Z] [a-zA-Z](?![\\w'′(])"));
        rules.put("an exponent", Pattern.compile("\\^|\\*\\*"));
        // "f(x)", "step(x)", "max(0, a)", "inputs.size()": a name directly followed by a parenthesis; "f′(x)" and
        // "f'(x)", the derivative named, are not calls
        rules.put("a call", Pattern.compile("[A-Za-z0-9_\\]]\\("));
        // "Arrays.equals", "Slice.along", "x.length", "Math.exp": a name of two or more characters, a dot, a name;
        // not "e.g." and not a file name such as README.md
        rules.put("a member of a class or object", Pattern.compile(
            "(?<![\\w.])[A-Za-z_]\\w+\\.(?!md\\b|java\\b)[A-Za-z_]\\w*"));
        rules.put("an assignment, a comparison or a lambda", Pattern.compile(
            "(?<![=!<>])=(?!=)|==|!=|<=|>=|->|\\s[<>]\\s|\\+=|-="));
        rules.put("a square root", Pattern.compile("\\bsqrt\\b|√"));
        rules.put("an absolute value or a norm", Pattern.compile("\\|[^|\\s][^|]*\\|"));
        // "x[i]", "H[i][j]", "sizes[k-1]"; "x_i", "w_j", "partial_i", "z_label": indices and subscripts
        rules.put("an index or a subscript", Pattern.compile(
            "\\w\\[[\\w+-]|\\b[a-zA-Z]_\\w|[a-z]_[a-z0-9]{1,2}\\b"));
        // "2h", "2n calls", "4 D(h/2)": a number multiplying a letter
        rules.put("a number times a letter", Pattern.compile("\\b\\d+[a-zA-Z]\\b"));
        rules.put("a constructor call", Pattern.compile("\\bnew [A-Z]\\w*"));
        return java.util.Collections.unmodifiableMap(rules);
    }

    /**
     * What in a TODO's text (its citation of the lesson left out) makes it a formula or code: one entry per rule that
     * matches, naming the rule and what it found. Empty for a TODO that points without telling.
     */
    static List<String> formulaProblems(String text) {
        String prose = text.replaceAll("\\(README\\.md, \"Task \\d+\\.\\d+\"\\)", "");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Pattern> rule : RULES.entrySet()) {
            Matcher m = rule.getValue().matcher(prose);
            if (m.find()) {
                found.add(rule.getKey() + " (\"" + around(prose, m.start(), m.end()) + "\")");
            }
        }
        return found;
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 8), Math.min(text.length(), end + 8)).strip();
    }

    /**
     * Every TODO of a module's skeletons that gives a formula or code, or does not point at a section of the
     * module's lesson that exists; each problem names the file and line.
     */
    static List<String> check(Path course, String module) throws IOException {
        Path lessonFile = course.resolve(module).resolve("README.md");
        String lesson = Files.isRegularFile(lessonFile) ? Files.readString(lessonFile, StandardCharsets.UTF_8) : "";
        Path root = Skeletons.skeletonRoot(course, module);
        List<String> problems = new ArrayList<>();
        for (String file : Skeletons.files(root)) {
            List<String> lines = Skeletons.lines(Files.readString(root.resolve(file), StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                String line = Skeletons.content(lines.get(i)).strip();
                if (!line.contains("TODO")) {
                    continue;
                }
                String where = module + "/src/main/java/" + file + ":" + (i + 1) + ": ";
                Matcher m = TODO.matcher(line);
                if (!m.matches()) {
                    problems.add(where + "a TODO reads \"// TODO(Task M.N): text\", got: " + line);
                    continue;
                }
                StringBuilder text = new StringBuilder(m.group(2));
                for (int k = i + 1; k < lines.size(); k++) {
                    Matcher more = CONTINUATION.matcher(Skeletons.content(lines.get(k)).strip());
                    if (!more.matches()) {
                        break;
                    }
                    text.append(' ').append(more.group(1));
                }
                problems.addAll(problems(where, m.group(1), text.toString(), lesson));
            }
        }
        return problems;
    }

    /** The problems of one TODO of the given task, its lines joined into one text. */
    static List<String> problems(String where, String task, String text, String lesson) {
        List<String> problems = new ArrayList<>();
        String citation = "(README.md, \"Task " + task + "\")";
        if (!text.contains(citation)) {
            problems.add(where + "the TODO of Task " + task + " does not point at its lesson section " + citation
                + ": " + text);
        } else if (!Pattern.compile("(?m)^## Task " + Pattern.quote(task) + ":").matcher(lesson).find()) {
            problems.add(where + "the TODO points at " + citation + ", but the lesson has no section \"## Task "
                + task + ": ...\"");
        }
        for (String formula : formulaProblems(text)) {
            problems.add(where + "the TODO of Task " + task + " gives a formula or code, " + formula
                + ": say what to return in the contract's words; the formula belongs in the lesson and hints");
        }
        return problems;
    }
}
