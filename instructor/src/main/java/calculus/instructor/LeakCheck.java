package calculus.instructor;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves that no reference method body leaked into the skeletons of a student release.
 *
 * <p>For every method that a skeleton leaves to the student (its body throws the skeleton's
 * {@code UnsupportedOperationException}), the reference solution's body of the same method is cut into
 * statements; each statement long enough to be telling (at least {@value #TELLING} characters without white
 * space) must appear nowhere in the release's skeletons (the exercise modules' {@code src/main}: code, comments and
 * Javadoc), unless the skeleton itself gives that statement in code it hands out complete, or the statement only
 * calls a class the skeleton gives whole (an input check such as {@code Arguments.requirePositive(h, "h")}).
 * Lessons, hints and tests are not searched: they quote formulas and code on purpose.
 */
final class LeakCheck {

    /** Shorter statements ({@code return a + b;}) are too common to prove anything. */
    static final int TELLING = 30;

    private static final Pattern METHOD = Pattern.compile(
        "([A-Za-z_$][\\w$]*)\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)\\s*(?:throws\\s+[\\w$.,\\s]+)?\\{");
    private static final Pattern WORD_BEFORE = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*$");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
        "return", "new", "else", "try", "do");

    private LeakCheck() {
    }

    /**
     * Finds leaks of the course's reference code into a release.
     *
     * @return one line per leaked statement, naming the method it comes from and the file it was found in
     */
    static List<String> leaks(Path course, Path release) throws IOException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Set<String> given = new LinkedHashSet<>();
        Set<String> givenClasses = new LinkedHashSet<>();
        List<Path> skeletonFiles = new ArrayList<>();
        for (String module : CourseFiles.MODULES) {
            Path skeletons = release.resolve(module).resolve("src").resolve("main").resolve("java");
            Path references = course.resolve("solutions").resolve(module).resolve("src").resolve("main")
                .resolve("java");
            if (!Files.isDirectory(skeletons)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(skeletons)) {
                for (Path s : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    skeletonFiles.add(s);
                    String skeletonSource = Files.readString(s, StandardCharsets.UTF_8);
                    if (!skeletonSource.contains("UnsupportedOperationException")) {
                        givenClasses.add(s.getFileName().toString().replace(".java", ""));
                    }
                    Path r = references.resolve(skeletons.relativize(s).toString());
                    if (!Files.isRegularFile(r)) {
                        continue;
                    }
                    Map<String, String> skeletonBodies = bodies(skeletonSource);
                    Map<String, String> referenceBodies = bodies(Files.readString(r, StandardCharsets.UTF_8));
                    for (Map.Entry<String, String> e : skeletonBodies.entrySet()) {
                        if (e.getValue().contains("UnsupportedOperationException")) {
                            String reference = referenceBodies.getOrDefault(e.getKey(), "");
                            for (String statement : statements(reference)) {
                                fingerprints.putIfAbsent(statement, module + " " + e.getKey());
                            }
                        } else {
                            // given code: what the skeleton hands out complete, as the reference has it too
                            List<String> reference = statements(referenceBodies.getOrDefault(e.getKey(), ""));
                            statements(e.getValue()).stream().filter(reference::contains).forEach(given::add);
                        }
                    }
                }
            }
        }
        given.forEach(fingerprints::remove);
        fingerprints.keySet().removeIf(statement -> givenClasses.stream().anyMatch(c -> statement.startsWith(c + ".")));
        List<String> found = new ArrayList<>();
        for (Path file : skeletonFiles) {
            String text;
            try {
                text = squeeze(Files.readString(file, StandardCharsets.UTF_8));
            } catch (MalformedInputException binary) {
                continue;
            }
            for (Map.Entry<String, String> f : fingerprints.entrySet()) {
                if (text.contains(f.getKey())) {
                    found.add(release.relativize(file) + " contains a statement of the reference " + f.getValue()
                        + ": " + f.getKey());
                }
            }
        }
        return found;
    }

    /** Each method's body (the text between its braces), keyed by name and parameter list. */
    static Map<String, String> bodies(String source) {
        String code = blankCommentsAndStrings(source);
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = METHOD.matcher(code);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matchingBrace(code, open);
            if (NOT_METHODS.contains(m.group(1)) || close < 0 || introducedByTypeKeyword(code, m.start())) {
                from = m.end();
                continue;
            }
            String key = m.group(1) + "(" + m.group(2).replaceAll("\\s+", " ").strip() + ")";
            bodies.putIfAbsent(key, source.substring(open + 1, close));
            // methods nest only in local and anonymous classes: carry on inside the body as well
            from = m.end();
        }
        return bodies;
    }

    /** Whether the word before a match is {@code record} or {@code new}: a record header or an anonymous class. */
    private static boolean introducedByTypeKeyword(String code, int start) {
        Matcher before = WORD_BEFORE.matcher(code.substring(Math.max(0, start - 40), start));
        return before.find() && (before.group(1).equals("record") || before.group(1).equals("new"));
    }

    /** The statements of a body worth comparing: white space removed, at least {@link #TELLING} characters. */
    static List<String> statements(String body) {
        List<String> out = new ArrayList<>();
        for (String part : blankCommentsOnly(body).split("[;{}]")) {
            String s = squeeze(part);
            if (s.length() >= TELLING) {
                out.add(s);
            }
        }
        return out;
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Replaces comments and string/char literals by spaces, keeping every offset. */
    static String blankCommentsAndStrings(String source) {
        return blank(source, true);
    }

    private static String blankCommentsOnly(String source) {
        return blank(source, false);
    }

    private static String blank(String source, boolean strings) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            char next = i + 1 < source.length() ? source.charAt(i + 1) : '\0';
            int end;
            if (c == '/' && next == '/') {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (c == '/' && next == '*') {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                if (!strings) {
                    i = end;
                    continue;
                }
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
