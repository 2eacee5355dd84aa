package calculus.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Text from student code made safe to store and print, and the one-line summaries of the scoreboard. */
class TextTest {

    private static final String EMOJI = "\ud83d\ude00";

    // ---- sanitize

    @Test
    @DisplayName("control characters are dropped, newlines and tabs kept, a CR (with its LF) becomes one newline")
    void controlCharacters() {
        assertThat(Text.sanitize("a\u0000b\u0007c\u001b[31md\u007fe\u0085f\tg\nh\r\ni\rj", 100))
            .isEqualTo("abc[31mdef\tg\nh\ni\nj");
    }

    @Test
    @DisplayName("unpaired surrogates are dropped, pairs kept, wherever they stand")
    void surrogates() {
        String text = "\ud800start " + EMOJI + " lone high \ud83d, lone low \ude00, reversed \ude00\ud83d end\ud83d";

        assertThat(Text.sanitize(text, 200)).isEqualTo("start " + EMOJI + " lone high , lone low , reversed  end");
    }

    @Test
    @DisplayName("the noncharacters U+FFFE and U+FFFF, which XML does not allow, are dropped")
    void xmlNoncharacters() {
        assertThat(Text.sanitize("a\ufffeb\uffffc\ufffdd", 100)).isEqualTo("abc\ufffdd");
    }

    @Test
    @DisplayName("null is empty text; text within the limit comes back as it was")
    void nullAndShortText() {
        String honest = "expected: 2.0\n but was: 1.5 (\u2202f/\u2202x, " + EMOJI + ")";

        assertThat(Text.sanitize(null, 100)).isEmpty();
        assertThat(Text.sanitize(honest, 100)).isEqualTo(honest);
        assertThat(Text.sanitize("x".repeat(100), 100)).isEqualTo("x".repeat(100));
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {32, 33, 100, 8_192})
    @DisplayName("longer text is cut to at most the limit, the cut marked with how much more there was")
    void longTextIsCut(int limit) {
        String text = "y".repeat(3 * limit);

        String safe = Text.sanitize(text, limit);

        assertThat(safe).hasSizeLessThanOrEqualTo(limit).startsWith("yyyy").matches("y+ \\.\\.\\. \\(\\d+ more\\)");
        int kept = safe.indexOf(' ');
        assertThat(safe).endsWith(" ... (" + (text.length() - kept) + " more)");
    }

    @Test
    @DisplayName("a cut never splits a surrogate pair, and a pair at the limit is not let past it")
    void cutKeepsPairs() {
        for (int k = 0; k < 40; k++) {
            String text = "a".repeat(k) + EMOJI.repeat(40);
            String safe = Text.sanitize(text, 40);
            assertThat(safe).as("after %d letters", k).hasSizeLessThanOrEqualTo(40);
            assertThat(Text.sanitize(safe, 1_000)).as("no unpaired surrogate after %d letters", k).isEqualTo(safe);
        }
        assertThat(Text.sanitize("a".repeat(31) + EMOJI, 32)).hasSizeLessThanOrEqualTo(32);
    }

    @Test
    @DisplayName("a limit too small to hold the mark of a cut is rejected, naming the limit")
    void tinyLimitIsRejected() {
        assertThatThrownBy(() -> Text.sanitize("text", 31)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("limit = 31");
    }

    // ---- brief, shorten, cut

    @Test
    @DisplayName("brief is the whole message with white space collapsed, cut to the reason's width")
    void briefWithoutHint() {
        assertThat(Text.brief("\n  derivative of sin at 0.5\n\texpected: 0.8775\r\n   but was:  0.4794  \n"))
            .isEqualTo("derivative of sin at 0.5 expected: 0.8775 but was: 0.4794");
        assertThat(Text.brief("x".repeat(300))).hasSize(Text.REASON_WIDTH).endsWith("...");
    }

    @Test
    @DisplayName("brief keeps the first line and the hint, so that a long message does not cut the hint off")
    void briefWithHint() {
        String message = "received NaN for h = 0.0 " + "and more ".repeat(40) + "\n  input: f(x) = sin(x)\n"
            + "  hint: the step must not be zero";

        String brief = Text.brief(message);

        assertThat(brief).hasSizeLessThanOrEqualTo(Text.REASON_WIDTH).startsWith("received NaN for h = 0.0")
            .endsWith(" -- hint: the step must not be zero");
        assertThat(Text.brief("wrong\nhint: look again")).isEqualTo("wrong -- hint: look again");
    }

    @Test
    @DisplayName("shorten collapses white space and cuts at 200 characters; cut marks its cut with \"...\"")
    void shortenAndCut() {
        assertThat(Text.shorten("  a \n\t b  ")).isEqualTo("a b");
        assertThat(Text.shorten("z".repeat(200))).isEqualTo("z".repeat(200));
        assertThat(Text.shorten("z".repeat(201))).isEqualTo("z".repeat(197) + "...");
        assertThat(Text.cut("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Text.cut("abcdefg", 6)).isEqualTo("abc...");
    }
}
