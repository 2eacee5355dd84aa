package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the skeletons of the exercise modules from the reference solutions: the reference is the single source,
 * and what the student writes is marked in it.
 *
 * <p>The markers, each a line of its own in {@code solutions/NN-topic/src/main/java}:
 * <ul>
 *   <li>{@code // BEGIN SOLUTION Task 1.3: <TODO text>} ... {@code // END SOLUTION} around a method's body: the
 *       skeleton gets {@code // TODO(Task 1.3): <TODO text>} and
 *       {@code throw new UnsupportedOperationException("Task 1.3: CentralDifference.derivative")} instead. Comment
 *       lines right after the marker that start with {@code //} and two or more spaces continue the TODO text. The
 *       exception names {@code Class.method}, {@code Class.method(Type, ...)} for an overloaded method, or
 *       {@code new Class} for a constructor; {@code // BEGIN SOLUTION Task 5.6 [new Adam(learningRate, ...)]: ...}
 *       names it explicitly.</li>
 *   <li>{@code // BEGIN SOLUTION ONLY} ... {@code // END SOLUTION ONLY} around what only the reference has (helper
 *       methods, fields, a {@code toString}): the skeleton has none of it, nor the blank line before it.</li>
 *   <li>{@code // SOLUTION ONLY FILE} as a file's first line: the skeleton has no such file.</li>
 * </ul>
 * Everything else is copied byte for byte, with two rules of the house applied on the way: an instance field
 * declared {@code final} (at the top level of a class, four spaces in) loses the {@code final}, since students
 * assign fields in their constructors; and an import that nothing in the skeleton uses any more is dropped.
 *
 * <p>Usage: {@code Skeletons --course DIR [--check] [MODULE ...]}: writes the skeletons of the given modules (all by
 * default), or with {@code --check} only reports every difference (exit 1) and writes nothing. See
 * {@link #check(Path, List)} for what the check finds.
 */
public final class Skeletons {

    /** The one command that regenerates every skeleton. */
    static final String REGENERATE = "tools/skeletons";

    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";
    static final String BEGIN_ONLY = "// BEGIN SOLUTION ONLY";
    static final String END_ONLY = "// END SOLUTION ONLY";
    static final String FILE_ONLY = "// SOLUTION ONLY FILE";

    private static final Pattern BEGIN_TASK = Pattern.compile(
        "// BEGIN SOLUTION Task (\\d+\\.\\d+)(?: \\[([^\\]]+)])?: (\\S.*)");
    private static final Pattern CONTINUATION = Pattern.compile("//  +\\S.*");
    /** An instance field of a top-level class declared final: {@code private final double[] c;}. */
    private static final Pattern FINAL_FIELD = Pattern.compile("( {4})((?:private |protected |public )?)final "
        + "((?!class |record |enum |interface )[\\w<>\\[\\],.? ]+ \\w+ ?[=;].*)", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("import (?:static )?([\\w.]+)\\.(\\w+|\\*);\\s*");
    /** A method declared at the top level of a class: four spaces in, types and modifiers, its name, a parenthesis. */
    private static final Pattern DECLARATION = Pattern.compile("^ {4}(?:[\\w<>\\[\\],.?]+\\s+)+(\\w+)\\s*\\(",
        Pattern.MULTILINE);

    private Skeletons() {
    }

    public static void main(String[] args) {
        Args a;
        try {
            a = Args.parse(args, Set.of("course"), Set.of("check"), Integer.MAX_VALUE);
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Skeletons --course DIR [--check] [MODULE ...]");
            System.exit(Args.USAGE);
            return;
        }
        Path course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
        boolean check = a.has("check");
        List<String> modules = new ArrayList<>();
        List<String> all = CourseFiles.modules(course);
        for (String name : a.positional()) {
            if (!all.contains(name)) {
                System.err.println("usage: Skeletons --course DIR [--check] [MODULE ...], with the modules among "
                    + all + ", got " + name);
                System.exit(Args.USAGE);
            }
            modules.add(name);
        }
        if (modules.isEmpty()) {
            modules = all;
        }
        try {
            if (check) {
                List<String> problems = check(course, modules);
                if (!problems.isEmpty()) {
                    System.err.println(report(problems));
                    System.exit(1);
                }
                System.out.println("the skeletons of " + String.join(", ", modules) + " are what the references give");
            } else {
                for (String change : write(course, modules)) {
                    System.out.println(change);
                }
                System.out.println("skeletons of " + String.join(", ", modules) + " written from the references");
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("the skeletons could not be generated: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The problems, one paragraph each, and how to fix them. */
    static String report(List<String> problems) {
        return "the skeletons are not what the references give:\n  - " + String.join("\n  - ", problems)
            + "\nregenerate them with: " + REGENERATE + " (a TODO text or a quoted statement is fixed in the "
            + "reference first)";
    }

    // ---- one reference file

    /** A marked region of a reference: its marker lines (0-based, both included), and for a TODO its task. */
    record Region(int first, int last, String task, String label, List<String> todo) {

        /** Whether the skeleton gets a TODO here (else the region is only removed). */
        boolean isTask() {
            return task != null;
        }
    }

    /** A reference file: its lines (each with its line end) and marked regions. */
    record Reference(String path, List<String> lines, boolean solutionOnly, List<Region> regions) {

        /** The class the file is named after. */
        String className() {
            String file = path.substring(path.lastIndexOf('/') + 1);
            return file.endsWith(".java") ? file.substring(0, file.length() - ".java".length()) : file;
        }

        /** The code of a region: its lines inside the markers, the TODO text left out. */
        String code(Region region) {
            StringBuilder out = new StringBuilder();
            int from = region.first() + 1 + (region.isTask() ? region.todo().size() - 1 : 0);
            for (int i = from; i < region.last(); i++) {
                out.append(lines.get(i));
            }
            return out.toString();
        }

        /** The code the student writes or never sees: every region's, or the whole file that only the reference has. */
        String markedCode() {
            if (solutionOnly) {
                return String.join("", lines);
            }
            StringBuilder out = new StringBuilder();
            for (Region r : regions) {
                out.append(code(r));
            }
            return out.toString();
        }
    }

    /**
     * Reads the markers of a reference file.
     *
     * @param path the file's path, for messages and the class name
     * @throws IllegalArgumentException naming the file and line of a marker that is not closed, not opened, nested
     *                                  or malformed
     */
    static Reference read(String path, String text) {
        List<String> lines = lines(text);
        boolean solutionOnly = !lines.isEmpty() && content(lines.get(0)).startsWith(FILE_ONLY);
        List<Region> regions = new ArrayList<>();
        int i = solutionOnly ? 1 : 0;
        while (i < lines.size()) {
            String line = content(lines.get(i)).strip();
            if (line.startsWith(BEGIN_ONLY)) {
                int end = close(path, lines, i, END_ONLY);
                regions.add(new Region(i, end, null, null, List.of()));
                i = end + 1;
            } else if (line.startsWith(BEGIN)) {
                Matcher m = BEGIN_TASK.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": a solution marker is "
                        + "\"// BEGIN SOLUTION Task M.N: <TODO text>\" or \"// BEGIN SOLUTION ONLY\", got: " + line);
                }
                List<String> todo = new ArrayList<>(List.of(m.group(3)));
                int k = i + 1;
                while (k < lines.size() && CONTINUATION.matcher(content(lines.get(k)).strip()).matches()) {
                    todo.add(content(lines.get(k)).strip().substring(2).strip());
                    k++;
                }
                int end = close(path, lines, i, END);
                regions.add(new Region(i, end, m.group(1), m.group(2), List.copyOf(todo)));
                i = end + 1;
            } else if (line.startsWith(END) || line.startsWith(FILE_ONLY)) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": " + line + " without a "
                    + (line.startsWith(FILE_ONLY) ? "place: it must be the file's first line" : "BEGIN before it"));
            } else {
                i++;
            }
        }
        // the exception's label comes from the declaration, which may be overloaded only in the reference
        List<String> skeletonLines = new ArrayList<>(lines);
        for (Region r : regions) {
            if (!r.isTask()) {
                for (int k = r.first(); k <= r.last(); k++) {
                    skeletonLines.set(k, "\n");
                }
            }
        }
        String skeletonCode = JavaText.blankCommentsAndStrings(String.join("", skeletonLines));
        List<Region> labelled = new ArrayList<>();
        for (Region r : regions) {
            labelled.add(!r.isTask() || r.label() != null ? r
                : new Region(r.first(), r.last(), r.task(), label(path, lines, r.first(), skeletonCode), r.todo()));
        }
        return new Reference(path, lines, solutionOnly, List.copyOf(labelled));
    }

    /** The line that closes the region opened at {@code begin}; nothing else may open or close before it. */
    private static int close(String path, List<String> lines, int begin, String end) {
        for (int k = begin + 1; k < lines.size(); k++) {
            String line = content(lines.get(k)).strip();
            if (line.equals(end)) {
                return k;
            }
            if (line.startsWith(BEGIN) || line.startsWith(END) || line.startsWith(FILE_ONLY)) {
                throw new IllegalArgumentException(path + ":" + (k + 1) + ": " + line + " inside the region opened "
                    + "at line " + (begin + 1) + ", which " + end + " must close first");
            }
        }
        throw new IllegalArgumentException(path + ":" + (begin + 1) + ": " + content(lines.get(begin)).strip()
            + " is never closed by " + end);
    }

    /**
     * What the skeleton's exception names for the method whose body the region at {@code begin} is: the method's
     * declaration ends on the line before; it is overloaded if the skeleton's code declares its name more than once.
     */
    private static String label(String path, List<String> lines, int begin, String skeletonCode) {
        String className = new Reference(path, lines, false, List.of()).className();
        int open = begin - 1;
        if (open < 0 || !content(lines.get(open)).strip().endsWith("{")) {
            throw new IllegalArgumentException(path + ":" + (begin + 1) + ": a BEGIN SOLUTION Task marker must be "
                + "the first line of a method's body, or name what the exception says: [Class.method]");
        }
        int start = open;
        while (start > 0) {
            String before = content(lines.get(start - 1)).strip();
            if (before.isEmpty() || before.endsWith(";") || before.endsWith("}") || before.endsWith("{")
                || before.endsWith("*/") || before.startsWith("@") || before.startsWith("//")) {
                break;
            }
            start--;
        }
        StringBuilder header = new StringBuilder();
        for (int k = start; k <= open; k++) {
            header.append(content(lines.get(k)).strip()).append(' ');
        }
        Matcher name = Pattern.compile("(\\w+)\\s*\\(").matcher(header);
        if (!name.find()) {
            throw new IllegalArgumentException(path + ":" + (begin + 1) + ": no method declaration before this "
                + "BEGIN SOLUTION Task marker: name what the exception says, [Class.method]");
        }
        String method = name.group(1);
        if (method.equals(className)) {
            return "new " + className;
        }
        Matcher declarations = DECLARATION.matcher(skeletonCode);
        int count = 0;
        while (declarations.find()) {
            count += declarations.group(1).equals(method) ? 1 : 0;
        }
        if (count < 2) {
            return className + "." + method;
        }
        int from = name.end();
        int depth = 1;
        int to = from;
        while (to < header.length() && depth > 0) {
            char c = header.charAt(to++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        List<String> types = new ArrayList<>();
        for (String parameter : splitTopLevel(header.substring(from, to - 1))) {
            String p = parameter.replaceAll("@\\w+\\s*", "").replaceAll("\\bfinal\\s+", "").strip();
            if (p.isEmpty()) {
                continue;
            }
            String type = p.substring(0, p.lastIndexOf(' ')).strip();
            type = type.replaceAll("<.*>", "").replaceAll("[\\w$]+\\.(?=[A-Za-z_$])", "").replace(" ", "");
            types.add(type);
        }
        return className + "." + method + "(" + String.join(", ", types) + ")";
    }

    /** The parameters of a parameter list: split at the commas outside angle brackets. */
    private static List<String> splitTopLevel(String parameters) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(parameters.substring(from, i));
                from = i + 1;
            }
        }
        out.add(parameters.substring(from));
        return out;
    }

    /** The skeleton the reference gives, or nothing for a file only the reference has. */
    static Optional<String> skeleton(Reference reference) {
        if (reference.solutionOnly()) {
            return Optional.empty();
        }
        List<String> lines = reference.lines();
        List<String> out = new ArrayList<>();
        int next = 0;
        for (Region r : reference.regions()) {
            for (int i = next; i < r.first(); i++) {
                out.add(withoutFinal(lines.get(i)));
            }
            String begin = lines.get(r.first());
            String indent = begin.substring(0, begin.indexOf("//"));
            String newline = lineEnd(begin);
            if (r.isTask()) {
                out.add(indent + "// TODO(Task " + r.task() + "): " + r.todo().get(0) + newline);
                for (int k = 1; k < r.todo().size(); k++) {
                    out.add(lines.get(r.first() + k));
                }
                out.add(indent + "throw new UnsupportedOperationException(\"Task " + r.task() + ": " + r.label()
                    + "\");" + newline);
            } else if (!out.isEmpty() && content(out.get(out.size() - 1)).isBlank()) {
                // the blank line that separated the removed part from what came before goes with it
                out.remove(out.size() - 1);
            }
            next = r.last() + 1;
        }
        for (int i = next; i < lines.size(); i++) {
            out.add(withoutFinal(lines.get(i)));
        }
        return Optional.of(String.join("", withoutUnusedImports(out)));
    }

    private static String withoutFinal(String line) {
        Matcher m = FINAL_FIELD.matcher(line);
        return m.matches() ? m.group(1) + m.group(2) + m.group(3) : line;
    }

    /** The lines less the imports that nothing else uses, and less a blank line that doubles where they were. */
    private static List<String> withoutUnusedImports(List<String> lines) {
        StringBuilder rest = new StringBuilder();
        for (String line : lines) {
            rest.append(IMPORT.matcher(line).matches() ? "\n" : line);
        }
        String code = JavaText.blankCommentsAndStrings(rest.toString());
        List<String> out = new ArrayList<>();
        boolean dropped = false;
        for (String line : lines) {
            Matcher m = IMPORT.matcher(line);
            if (m.matches() && !m.group(2).equals("*") && !used(m.group(2), code, rest.toString())) {
                dropped = true;
                continue;
            }
            boolean blank = content(line).isBlank();
            if (blank && dropped && !out.isEmpty() && content(out.get(out.size() - 1)).isBlank()) {
                continue;
            }
            dropped = dropped && blank;
            out.add(line);
        }
        return out;
    }

    /** Whether a simple name is used in code, or named by a Javadoc reference (which needs the import too). */
    private static boolean used(String name, String code, String text) {
        String word = "(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])";
        return Pattern.compile(word).matcher(code).find()
            || Pattern.compile("(\\{@link(?:plain)?|@see|@throws|@exception)\\s+" + word).matcher(text).find();
    }

    // ---- a module

    /** The reference files of a module, read, by their path under {@code src/main/java} (with forward slashes). */
    static Map<String, Reference> references(Path course, String module) throws IOException {
        Path root = referenceRoot(course, module);
        Map<String, Reference> out = new TreeMap<>();
        for (String file : files(root)) {
            out.put(file, read("solutions/" + module + "/src/main/java/" + file,
                Files.readString(root.resolve(file), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** What the generator writes for a module: each skeleton file's text, by its path under {@code src/main/java}. */
    static Map<String, String> generate(Path course, String module) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Reference> e : references(course, module).entrySet()) {
            skeleton(e.getValue()).ifPresent(text -> out.put(e.getKey(), text));
        }
        return out;
    }

    /**
     * Writes the skeletons of the modules: every file the generator writes, and no other file under their
     * {@code src/main/java}.
     *
     * @return one line per file written or deleted
     */
    static List<String> write(Path course, List<String> modules) throws IOException {
        List<String> changes = new ArrayList<>();
        for (String module : modules) {
            Path root = skeletonRoot(course, module);
            Map<String, String> generated = generate(course, module);
            for (String file : files(root)) {
                if (!generated.containsKey(file)) {
                    Files.delete(root.resolve(file));
                    changes.add("deleted " + module + "/src/main/java/" + file + " (no reference writes it)");
                }
            }
            for (Map.Entry<String, String> e : generated.entrySet()) {
                Path file = root.resolve(e.getKey());
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                    changes.add("wrote " + module + "/src/main/java/" + e.getKey());
                }
            }
        }
        return changes;
    }

    /**
     * Everything wrong with the committed skeletons of the modules, empty when nothing is:
     * <ul>
     *   <li>a skeleton file that differs from what the generator writes (naming the first line that differs), is
     *       missing, or exists though the generator would not write it;</li>
     *   <li>a skeleton that holds a statement of its reference's marked regions ({@link #secrets});</li>
     *   <li>a TODO that gives a formula or code, or does not point at its lesson section ({@link TodoLint}).</li>
     * </ul>
     */
    static List<String> check(Path course, List<String> modules) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            Path root = skeletonRoot(course, module);
            Map<String, String> generated = generate(course, module);
            Set<String> present = new LinkedHashSet<>(files(root));
            for (String file : present) {
                String shown = module + "/src/main/java/" + file;
                String expected = generated.get(file);
                if (expected == null) {
                    problems.add(shown + " is not written by the generator: no reference "
                        + "solutions/" + shown + " (or it is marked " + FILE_ONLY + ")");
                    continue;
                }
                String actual = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
                if (!actual.equals(expected)) {
                    problems.add(shown + " differs from what the generator writes from solutions/" + shown + ", "
                        + firstDifference(expected, actual));
                }
            }
            for (String file : generated.keySet()) {
                if (!present.contains(file)) {
                    problems.add(module + "/src/main/java/" + file + " is missing (the generator writes it)");
                }
            }
            for (Map.Entry<String, String> secret : secrets(course, module).entrySet()) {
                for (String file : present) {
                    String text = JavaText.searchable(Files.readString(root.resolve(file), StandardCharsets.UTF_8));
                    if (text.contains(secret.getKey())) {
                        problems.add(module + "/src/main/java/" + file + " holds a statement of " + secret.getValue()
                            + ": " + secret.getKey());
                    }
                }
            }
            problems.addAll(TodoLint.check(course, module));
        }
        return problems;
    }

    /** Where two texts first differ: the line number and both lines. */
    static String firstDifference(String expected, String actual) {
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : null;
            String y = i < a.size() ? a.get(i) : null;
            if (x == null || !x.equals(y)) {
                return "first at line " + (i + 1) + ":\n      generator: " + shown(x)
                    + "\n      committed: " + shown(y);
            }
        }
        return "in no line (the texts are equal)";
    }

    private static String shown(String line) {
        if (line == null) {
            return "(end of file)";
        }
        String c = content(line);
        return c + (line.length() - c.length() == 2 ? "  (CRLF)" : line.endsWith("\n") ? "" : "  (no line end)");
    }

    /**
     * The statements a module's skeletons must not hold, each with where it comes from: every statement of the
     * references' marked regions (and of whole files only the reference has), less those the skeletons' own code
     * holds (given code is given), and less single calls of a method the skeletons give (an input check such as
     * {@code Checks.requirePositive(h, "h")}: knowing to call it gives nothing away).
     */
    static Map<String, String> secrets(Path course, String module) throws IOException {
        Map<String, Reference> references = references(course, module);
        StringBuilder handedOut = new StringBuilder();
        Map<String, Set<String>> givenMethods = new LinkedHashMap<>();
        for (Reference r : references.values()) {
            Optional<String> skeleton = skeleton(r);
            if (skeleton.isEmpty()) {
                continue;
            }
            handedOut.append(JavaText.squeeze(JavaText.blankComments(skeleton.get()))).append('\n');
            Set<String> declared = new LinkedHashSet<>();
            Matcher m = DECLARATION.matcher(JavaText.blankCommentsAndStrings(skeleton.get()));
            while (m.find()) {
                declared.add(m.group(1));
            }
            for (Region region : r.regions()) {
                if (region.isTask()) {
                    declared.remove(region.label().replaceAll("^.*\\.|\\(.*$", ""));
                }
            }
            givenMethods.put(r.className(), declared);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Reference r : references.values()) {
            String origin = r.path() + (r.solutionOnly() ? " (a file only the reference has)" : "");
            if (!r.solutionOnly()) {
                for (Region region : r.regions()) {
                    String where = r.path() + (region.isTask() ? ", Task " + region.task() + " (" + region.label()
                        + ")" : ", lines " + (region.first() + 1) + "-" + (region.last() + 1) + " (solution only)");
                    for (String s : JavaText.statements(r.code(region))) {
                        secrets.putIfAbsent(s, where);
                    }
                }
            } else {
                for (String s : JavaText.statements(r.markedCode())) {
                    secrets.putIfAbsent(s, origin);
                }
            }
        }
        String given = handedOut.toString();
        secrets.keySet().removeIf(s -> given.contains(s) || isGivenCall(s, givenMethods));
        return secrets;
    }

    private static boolean isGivenCall(String statement, Map<String, Set<String>> givenMethods) {
        Matcher m = Pattern.compile("(\\w+)\\.(\\w+)\\(.*\\)").matcher(statement);
        return m.matches() && givenMethods.getOrDefault(m.group(1), Set.of()).contains(m.group(2));
    }

    // ---- files and lines

    static Path referenceRoot(Path course, String module) {
        return course.resolve("solutions").resolve(module).resolve("src").resolve("main").resolve("java");
    }

    static Path skeletonRoot(Path course, String module) {
        return course.resolve(module).resolve("src").resolve("main").resolve("java");
    }

    /** Every regular file under a folder, as sorted relative paths with forward slashes; none if it is missing. */
    static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                .sorted().toList();
        }
    }

    /** The lines of a text, each with its line end (the last one may have none). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end + 1;
            out.add(text.substring(from, end));
            from = end;
        }
        return out;
    }

    /** A line without its line end. */
    static String content(String line) {
        return line.replaceFirst("\r?\n$", "");
    }

    private static String lineEnd(String line) {
        return line.substring(content(line).length());
    }
}
