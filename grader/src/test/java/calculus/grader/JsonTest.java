package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grader's small JSON writer and reader. */
class JsonTest {

    @Test
    @DisplayName("nested maps and lists of strings, numbers, booleans and null read back as written")
    void nestedValuesRoundTrip() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("empty list", List.of());
        inner.put("empty map", Map.of());
        inner.put("flag", false);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "01-derivatives");
        root.put("score", 42);
        root.put("seed", 123_456_789L);
        root.put("ratio", 0.125);
        root.put("tiny", -2.5e-12);
        root.put("check", true);
        root.put("missing", null);
        root.put("list", Arrays.asList(1, "two", null, List.of(3.5, List.of()), inner));
        root.put("inner", inner);

        Object back = Json.read(Json.write(root));

        // numbers come back as doubles: the reader has one number type
        Map<String, Object> expected = new LinkedHashMap<>(root);
        expected.put("score", 42.0);
        expected.put("seed", 123_456_789.0);
        expected.put("list", Arrays.asList(1.0, "two", null, List.of(3.5, List.of()), inner));
        assertThat(back).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) back).keySet())).as("keys keep their order")
            .isEqualTo(List.copyOf(root.keySet()));
    }

    @Test
    @DisplayName("writing: two-space indentation, integers without a decimal point, a final newline")
    void writesReadableText() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("a", 1);
        root.put("b", List.of(true, 2.5));
        root.put("c", Map.of());

        assertThat(Json.write(root))
            .isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    2.5\n  ],\n  \"c\": {}\n}\n");
        assertThat(Json.write(List.of())).isEqualTo("[]\n");
        assertThat(Json.write(null)).isEqualTo("null\n");
    }

    @Test
    @DisplayName("NaN and infinities, which JSON cannot hold, are written as null")
    void nonFiniteNumbersBecomeNull() {
        List<Object> values = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));

        assertThat((List<?>) Json.read(Json.write(values))).containsExactly(null, null, null);
    }

    @Test
    @DisplayName("strings keep quotes, backslashes, control characters and unicode")
    void stringsAreEscaped() {
        String text = "say \"hi\"\\ path C:\\x\n\r\t\b\f \u0000\u001f \u00e9 \u2202 \ud83d\ude00 /";

        String written = Json.write(text);

        assertThat(written).endsWith("\"\n");
        assertThat(written.substring(0, written.length() - 1)).as("one line, every control character escaped")
            .doesNotContain("\n", "\r", "\t", "\b", "\u0000")
            .contains("\\\"hi\\\"", "\\\\", "\\n", "\\r", "\\t", "\\u0000", "\\u001f", "\u2202");
        assertThat(Json.read(written)).isEqualTo(text);
        assertThat(Json.read("\"\\u00e9\\/\\b\\f\"")).isEqualTo("\u00e9/\b\f");
    }

    @Test
    @DisplayName("white space around values is ignored, and scientific notation reads")
    void lenientWhiteSpace() {
        assertThat(Json.read(" \n\t{ \"a\" :\n[ 1 , -2E3 ,1.5e-1 ] }  \n"))
            .isEqualTo(Map.of("a", List.of(1.0, -2000.0, 0.15)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "}", "[1, 2", "[1,]", "{\"a\" 1}", "{\"a\": }", "{a: 1}", "{\"a\": 1,}",
        "tru", "nul", "\"open", "1 2", "{} []", "@", "--", "1.2.3"})
    @DisplayName("malformed text is rejected with IllegalArgumentException")
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Json.read(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the rejection names what was wrong and where")
    void rejectionSaysWhere() {
        assertThatThrownBy(() -> Json.read("[1, 2 x")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not JSON: expected ']' at character 6");
        assertThatThrownBy(() -> Json.read("{} []")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not JSON: unexpected text after the value at character 3");
        assertThatThrownBy(() -> Json.read("\"open")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not JSON: unterminated string at character 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\\", "\"\\u12", "\"\\u12\""})
    @DisplayName("text that ends inside an escape sequence is rejected with IllegalArgumentException")
    void rejectsTruncatedEscapes(String text) {
        assertThatThrownBy(() -> Json.read(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("not JSON: ");
    }
}
