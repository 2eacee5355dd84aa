package calculus.plot;

import static calculus.plot.PlotTest.BLUE;
import static calculus.plot.PlotTest.WHITE;
import static calculus.plot.PlotTest.count;
import static calculus.plot.PlotTest.rgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Diagram: boxes and arrows")
class DiagramTest {

    private static final int EDGE = 0x5a5a5a;

    @Test
    @DisplayName("the image has the size asked for and a white background")
    void sizeAndBackground() {
        BufferedImage image = Diagram.create("graph").size(400, 300).node("a", "a", 0.5, 0.5).render();

        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(rgb(image, 0, 0)).isEqualTo(WHITE);
        assertThat(rgb(image, 399, 299)).isEqualTo(WHITE);
    }

    @Test
    @DisplayName("a node is a box outlined in blue around its position, with a box at 0 or 1 still inside the image")
    void nodesAreBoxes() {
        BufferedImage image = Diagram.create("").size(600, 400)
            .node("m", "a * b\nvalue = 6.0", 0.5, 0.5)
            .node("corner", "x", 1, 1)
            .render();

        assertThat(count(image, 200, 150, 400, 250, BLUE, 30)).as("blue border around the centre").isGreaterThan(50);
        assertThat(count(image, 0, 0, 150, 100, BLUE, 30)).as("blue in the empty top left").isZero();
        assertThat(count(image, 450, 300, 600, 400, BLUE, 30)).as("blue border of the corner box").isGreaterThan(20);
        for (int x = 0; x < 600; x++) {
            assertThat(rgb(image, x, 399)).as("bottom row at x = %s", x).isEqualTo(WHITE);
        }
    }

    @Test
    @DisplayName("an edge is a grey arrow between the boxes, not drawn inside them")
    void edgesJoinBoxes() {
        BufferedImage image = Diagram.create("").size(600, 300)
            .node("a", "a", 0, 0.5)
            .node("b", "b", 1, 0.5)
            .edge("a", "b", "da/db = 1")
            .render();

        assertThat(count(image, 170, 146, 190, 155, EDGE, 30)).as("grey shaft left of the label").isPositive();
        assertThat(count(image, 410, 146, 430, 155, EDGE, 30)).as("grey shaft right of the label").isPositive();
        assertThat(count(image, 0, 0, 600, 130, EDGE, 30)).as("grey above the arrow").isZero();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
            bad("unknown target", () -> Diagram.create("t").node("a", "a", 0, 0).edge("a", "zz", "l"), "to", "'zz'"),
            bad("unknown source", () -> Diagram.create("t").node("a", "a", 0, 0).edge(null, "a", "l"), "from = null"),
            bad("a loop", () -> Diagram.create("t").node("a", "a", 0, 0).edge("a", "a", "l"), "from = to = 'a'"),
            bad("duplicate id", () -> Diagram.create("t").node("a", "a", 0, 0).node("a", "b", 1, 1), "id = 'a'"),
            bad("blank id", () -> Diagram.create("t").node(" ", "a", 0, 0), "id = ' '"),
            bad("x outside [0, 1]", () -> Diagram.create("t").node("a", "a", 1.5, 0), "x = 1.5"),
            bad("y is NaN", () -> Diagram.create("t").node("a", "a", 0, Double.NaN), "y = NaN"),
            bad("null label", () -> Diagram.create("t").node("a", null, 0, 0), "label = null"),
            bad("zero height", () -> Diagram.create("t").size(100, 0), "height = 0"));
    }

    private static Arguments bad(String name, ThrowingCallable call, String... fragments) {
        return arguments(name, call, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @DisplayName("bad input is rejected with a message naming the parameter and its value")
    void badInputIsRejected(String name, ThrowingCallable call, String[] fragments) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).satisfies(e -> {
            for (String fragment : fragments) {
                assertThat(e).hasMessageContaining(fragment);
            }
        });
    }
}
