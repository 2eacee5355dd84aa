package calculus.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the instructor tools need to know about Java source text, without parsing it: where comments and string
 * literals are, and the statements of a piece of code, as fingerprints to look for elsewhere.
 */
final class JavaText {

    /** Shorter statements ({@code return a + b;}) are too common to prove anything. */
    static final int TELLING = 30;

    private static final Pattern COMMENT_LINE_START = Pattern.compile("(?m)^[ \\t]*(?:\\*(?!/)|//)");

    private JavaText() {
    }

    /**
     * The statements of a piece of code worth comparing: comments left out, cut at {@code ;}, <code>{</code> and
     * <code>}</code>, white space removed, at least {@link #TELLING} characters.
     */
    static List<String> statements(String code) {
        List<String> out = new ArrayList<>();
        for (String part : blankComments(code).split("[;{}]")) {
            String s = squeeze(part);
            if (s.length() >= TELLING) {
                out.add(s);
            }
        }
        return out;
    }

    /** The text without any white space: how statements and the files searched for them are compared. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    /**
     * A text as it is searched for statements: squeezed, and each line's leading {@code *} of a Javadoc or
     * {@code //} of a line comment left out, so that a statement quoted over two comment lines is found too.
     */
    static String searchable(String text) {
        return squeeze(COMMENT_LINE_START.matcher(text).replaceAll(""));
    }

    /** Replaces comments by spaces, keeping every line break (and so every offset and line number). */
    static String blankComments(String source) {
        return blank(source, false);
    }

    /** Replaces comments and string and character literals by spaces, keeping every line break. */
    static String blankCommentsAndStrings(String source) {
        return blank(source, true);
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
                if (out.charAt(k) != '\n' && out.charAt(k) != '\r') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
