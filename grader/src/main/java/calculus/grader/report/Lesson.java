package calculus.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads task titles from a lesson, so that the scoreboard and the lesson never disagree: a heading such as
 * {@code ## Task 1.3: Central difference} gives task {@code 1.3} the title {@code Central difference}.
 */
public final class Lesson {

    private static final Pattern HEADING =
        Pattern.compile("^#{1,6}\\s*Task\\s+(\\d+\\.\\d+)\\s*[:.\\u2013\\u2014-]*\\s*(.*?)\\s*$");

    private Lesson() {
    }

    /** The task titles in a Markdown file, or none if it cannot be read. */
    public static Map<String, String> titles(Path markdown) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (!Files.isRegularFile(markdown)) {
            return titles;
        }
        try {
            boolean inCode = false;
            for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
                if (line.strip().startsWith("```")) {
                    inCode = !inCode;
                }
                Matcher m = HEADING.matcher(line);
                if (!inCode && m.matches()) {
                    titles.putIfAbsent(m.group(1), m.group(2).replace("`", "").replace("$", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // A lesson that cannot be read costs the titles, never the grade.
            return titles;
        }
        return titles;
    }
}
