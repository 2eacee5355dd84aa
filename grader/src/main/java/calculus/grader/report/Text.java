package calculus.grader.report;

/**
 * Text that came from student code, made safe to store and print: control characters and unpaired surrogates
 * removed, lengths capped; and the one-line summaries the scoreboard prints.
 */
public final class Text {

    /** The longest reason the scoreboard prints on a task's line; results.json keeps the whole message. */
    public static final int REASON_WIDTH = 200;
    /** The least of a reason that its hint keeps, however long the first line. */
    static final int HINT_WIDTH = 60;
    /** The most of one failure message that is kept: enough for any honest message, bounded for any other. */
    public static final int MESSAGE_LIMIT = 8_192;
    /** The smallest limit {@link #sanitize} takes: a cut text must still hold some text and the cut's mark. */
    public static final int MIN_LIMIT = 32;

    private Text() {
    }

    /**
     * Text made safe: unpaired surrogates, control characters other than newline and tab, and the noncharacters
     * U+FFFE and U+FFFF are dropped (they break JSON, XML and terminals), a carriage return (alone or before a
     * newline) becomes one newline, and at most {@code limit} characters are kept, the cut marked.
     *
     * @param text  any text, or {@code null} (treated as empty)
     * @param limit the most characters to keep, at least {@value #MIN_LIMIT} (room for the mark of a cut)
     * @return the safe text
     * @throws IllegalArgumentException if {@code limit} is below {@value #MIN_LIMIT}
     */
    public static String sanitize(String text, int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("limit must be at least " + MIN_LIMIT + ", got limit = " + limit);
        }
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit));
        int n = text.length();
        int i = 0;
        for (; i < n && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out.length() + 2 > limit) {
                        break; // the pair does not fit: it is cut off whole
                    }
                    out.append(c).append(text.charAt(++i));
                }
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                continue; // unpaired, or not a character at all (XML refuses both)
            } else if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++; // a Windows line end is one line end (AssertJ writes %n)
                }
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        if (i < n) {
            // the mark takes at most 22 characters (" ... (" and " more)" around up to 10 digits)
            int keep = Math.min(out.length(), limit - 24);
            if (keep > 0 && keep < out.length() && Character.isLowSurrogate(out.charAt(keep))) {
                keep--; // do not split a pair
            }
            out.setLength(keep);
            out.append(" ... (").append(n - keep).append(" more)");
        }
        return out.toString();
    }

    /**
     * A message in brief: its first line, and its hint if it has one (a line starting {@code hint:}, as
     * {@code calculus.oracles.Explain} writes them), so that the hint is not the part a short summary cuts off. At
     * most {@link #REASON_WIDTH} characters.
     */
    public static String brief(String message) {
        String[] lines = message.strip().split("\\R");
        String hint = "";
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("hint ") || l.startsWith("hint:")) {
                hint = l.substring(4).replaceFirst("^[:\\s]+", "");
                break;
            }
        }
        if (hint.isEmpty()) {
            return shorten(message);
        }
        // the first line says what came back ("received NaN"): it goes first, the hint gets the rest
        String glue = " -- hint: ";
        String first = cut(shorten(lines[0]), REASON_WIDTH - glue.length() - HINT_WIDTH);
        return first + glue + cut(shorten(hint), REASON_WIDTH - glue.length() - first.length());
    }

    /** Collapses white space and cuts to {@link #REASON_WIDTH} characters. */
    public static String shorten(String text) {
        return cut(text.replaceAll("\\s+", " ").strip(), REASON_WIDTH);
    }

    /** Cuts text to at most {@code width} characters, marking the cut with an ellipsis. */
    public static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
