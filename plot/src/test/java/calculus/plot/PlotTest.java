package calculus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders plots and checks their pixels. The plot area is found in the image by its frame, so the tests depend on
 * what is drawn, not on how the layout is computed.
 */
@DisplayName("Plot: what lands where in the image")
class PlotTest {

    static final int BLUE = 0x1f77b4;
    static final int ORANGE = 0xff7f0e;
    static final int WHITE = 0xffffff;
    private static final int SPINE = 0x404040;
    // a drawn line's core pixels are within this of its colour in every channel; its anti-aliased rim is not
    private static final int CORE = 40;
    // where a line's centre is found in the image versus where the axes say it should be, in pixels
    private static final double PIXEL_TOLERANCE = 1.5;

    // ---------------------------------------------------------------------------------------------------------
    // image helpers, shared with DiagramTest

    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /** Whether {@code rgb} is within {@code tolerance} of {@code target} in each of red, green and blue. */
    static boolean near(int rgb, int target, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** How many pixels of the rectangle are within {@code tolerance} of {@code target}. */
    static int count(BufferedImage image, int x0, int y0, int x1, int y1, int target, int tolerance) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (near(rgb(image, x, y), target, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The plot area as found from its frame: the outermost columns and rows with a long run of frame colour. Data
     * value min of a range sits at pixel coordinate {@code left} (the frame's left edge), max at {@code right + 1}.
     */
    record Frame(int left, int right, int top, int bottom) {

        /** The pixel coordinate (not index) at a fraction of the x range. */
        double x(double fraction) {
            return left + fraction * (right + 1 - left);
        }

        /** The pixel coordinate at a fraction of the y range, which grows upwards. */
        double y(double fraction) {
            return bottom + 1 - fraction * (bottom + 1 - top);
        }
    }

    static Frame frame(BufferedImage image) {
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            if (run(image, x, true) >= 40) {
                columns.add(x);
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            if (run(image, y, false) >= 40) {
                rows.add(y);
            }
        }
        assertThat(columns).as("columns with a frame line").isNotEmpty();
        assertThat(rows).as("rows with a frame line").isNotEmpty();
        return new Frame(columns.get(0), columns.get(columns.size() - 1), rows.get(0), rows.get(rows.size() - 1));
    }

    private static int run(BufferedImage image, int line, boolean column) {
        int longest = 0;
        int current = 0;
        int n = column ? image.getHeight() : image.getWidth();
        for (int i = 0; i < n; i++) {
            int c = column ? rgb(image, line, i) : rgb(image, i, line);
            current = c == SPINE ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return longest;
    }

    /** The mean pixel coordinate of the pixels near {@code target} in one column, between the frame's edges. */
    private static double centreInColumn(BufferedImage image, Frame f, int x, int target) {
        double sum = 0;
        int n = 0;
        for (int y = f.top() + 1; y < f.bottom(); y++) {
            if (near(rgb(image, x, y), target, CORE)) {
                sum += y + 0.5;
                n++;
            }
        }
        assertThat(n).as("pixels of colour %06x in column %s", target, x).isPositive();
        return sum / n;
    }

    /** The folder for files the tests write: inside the build's output folder, as the course's rules require. */
    static Path outputFolder() throws URISyntaxException {
        Path testClasses = Path.of(PlotTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent().resolve("plot-tests");
    }

    // ---------------------------------------------------------------------------------------------------------
    // tests

    @Test
    @DisplayName("the image has the default size 800 x 560, or the size asked for, and a white background")
    void sizeAndBackground() {
        BufferedImage standard = Plot.create("t").line("l", new double[] {0, 1}, new double[] {0, 1}).render();
        BufferedImage custom = Plot.create("t").size(321, 234).render();

        assertThat(standard.getWidth()).isEqualTo(800);
        assertThat(standard.getHeight()).isEqualTo(560);
        assertThat(custom.getWidth()).isEqualTo(321);
        assertThat(custom.getHeight()).isEqualTo(234);
        for (BufferedImage image : List.of(standard, custom)) {
            assertThat(rgb(image, 0, 0)).as("top left corner").isEqualTo(WHITE);
            assertThat(rgb(image, image.getWidth() - 1, image.getHeight() - 1)).as("bottom right").isEqualTo(WHITE);
        }
    }

    @Test
    @DisplayName("drawing runs headless, so it works on a build server without a display")
    void headless() {
        Plot.create("t").render();

        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    @Test
    @DisplayName("a line of y = x crosses the plot corner to corner, and a second series gets the second colour")
    void linesLandWhereTheAxesSay() {
        BufferedImage image = Plot.create("lines").xRange(0, 1).yRange(0, 1)
            .line(null, new double[] {0, 1}, new double[] {0, 1})
            .line(null, new double[] {0, 1}, new double[] {0.25, 0.25})
            .render();
        Frame f = frame(image);

        for (double t : new double[] {0.1, 0.35, 0.5, 0.65, 0.9}) {
            int column = (int) f.x(t);
            // the x the centre of that pixel column stands for
            double x = (column + 0.5 - f.left()) / (f.right() + 1 - f.left());
            assertThat(centreInColumn(image, f, column, BLUE)).as("blue line y = x in the column of x = %s", x)
                .isCloseTo(f.y(x), within(PIXEL_TOLERANCE));
        }
        int column = (int) f.x(0.6);
        assertThat(centreInColumn(image, f, column, ORANGE)).as("orange line y = 0.25")
            .isCloseTo(f.y(0.25), within(PIXEL_TOLERANCE));
    }

    @Test
    @DisplayName("a NaN breaks a line: nothing is drawn between the points on either side of it")
    void nanBreaksTheLine() {
        BufferedImage image = Plot.create("gap").xRange(0, 4).yRange(0, 1)
            .line(null, new double[] {0, 1, 2, 3, 4}, new double[] {0.5, 0.5, Double.NaN, 0.5, 0.5})
            .render();
        Frame f = frame(image);

        assertThat(centreInColumn(image, f, (int) f.x(0.125), BLUE)).isCloseTo(f.y(0.5), within(PIXEL_TOLERANCE));
        assertThat(centreInColumn(image, f, (int) f.x(0.875), BLUE)).isCloseTo(f.y(0.5), within(PIXEL_TOLERANCE));
        assertThat(count(image, (int) f.x(0.3), f.top(), (int) f.x(0.7), f.bottom(), BLUE, CORE))
            .as("blue pixels between x = 1.2 and x = 2.8").isZero();
    }

    @Test
    @DisplayName("log axes give every decade the same length, on x and on y")
    void logAxesSpaceDecadesEqually() {
        double[] decades = {1e-3, 1e-1, 1e1, 1e3};
        BufferedImage image = Plot.create("decades").logX().logY().xRange(1e-4, 1e4).yRange(1e-4, 1e4)
            .scatter(null, decades, decades).render();
        Frame f = frame(image);

        // each marker is a blob of blue: find its centre within a window around where it should be
        for (int k = 0; k < decades.length; k++) {
            double fraction = (2 * k + 1) / 8.0;
            int cx = (int) f.x(fraction);
            int cy = (int) f.y(fraction);
            double sumX = 0;
            double sumY = 0;
            int n = 0;
            for (int y = cy - 10; y <= cy + 10; y++) {
                for (int x = cx - 10; x <= cx + 10; x++) {
                    if (near(rgb(image, x, y), BLUE, CORE)) {
                        sumX += x + 0.5;
                        sumY += y + 0.5;
                        n++;
                    }
                }
            }
            assertThat(n).as("blue pixels near the marker of 1e%s", 2 * k - 3).isGreaterThan(10);
            assertThat(sumX / n).as("x of the marker at 1e%s", 2 * k - 3).isCloseTo(f.x(fraction), within(1.0));
            assertThat(sumY / n).as("y of the marker at 1e%s", 2 * k - 3).isCloseTo(f.y(fraction), within(1.0));
        }
    }

    @Test
    @DisplayName("values a log axis cannot show (0, negatives) are skipped, not drawn and not thrown")
    void nonPositiveValuesOnLogAxesAreSkipped() {
        BufferedImage image = Plot.create("skip").logY()
            .line("l", new double[] {0, 1, 2, 3}, new double[] {-1, 0, 10, 100})
            .render();

        assertThat(count(image, 0, 0, image.getWidth(), image.getHeight(), BLUE, CORE)).isPositive();
    }

    @Test
    @DisplayName("contours of x^2 + y^2 on equal axes are mirror-symmetric left-right and top-bottom, in a square")
    void contourIsSymmetric() {
        BufferedImage image = Plot.create("circles").xRange(-1, 1).yRange(-1, 1).equalAspect()
            .contour((x, y) -> x * x + y * y, 5, false).render();
        Frame f = frame(image);
        boolean[][] coloured = new boolean[image.getWidth()][image.getHeight()];
        int total = 0;
        for (int y = f.top() + 2; y < f.bottom() - 1; y++) {
            for (int x = f.left() + 2; x < f.right() - 1; x++) {
                int c = rgb(image, x, y);
                int max = Math.max(c >> 16, Math.max((c >> 8) & 0xff, c & 0xff));
                int min = Math.min(c >> 16, Math.min((c >> 8) & 0xff, c & 0xff));
                coloured[x][y] = max - min > 40;
                total += coloured[x][y] ? 1 : 0;
            }
        }
        int mirroredX = 0;
        int mirroredY = 0;
        for (int y = f.top() + 2; y < f.bottom() - 1; y++) {
            for (int x = f.left() + 2; x < f.right() - 1; x++) {
                if (coloured[x][y]) {
                    mirroredX += nearby(coloured, f.left() + f.right() - x, y) ? 1 : 0;
                    mirroredY += nearby(coloured, x, f.top() + f.bottom() - y) ? 1 : 0;
                }
            }
        }

        assertThat(f.right() - f.left()).as("frame width versus height").isCloseTo(f.bottom() - f.top(), within(1));
        assertThat(total).as("contour pixels").isGreaterThan(1000);
        assertThat((double) mirroredX / total).as("share of contour pixels mirrored left-right").isGreaterThan(0.99);
        assertThat((double) mirroredY / total).as("share of contour pixels mirrored top-bottom").isGreaterThan(0.99);
    }

    private static boolean nearby(boolean[][] mask, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int u = x + dx;
                int v = y + dy;
                if (u >= 0 && v >= 0 && u < mask.length && v < mask[0].length && mask[u][v]) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    @DisplayName("regions shade each side of a decision boundary with a pale tint of its class colour")
    void regionsAreTinted() {
        BufferedImage image = Plot.create("regions").xRange(-1, 1).yRange(-1, 1)
            .regions((x, y) -> x > 0 ? 1 : 0, 2).render();
        Frame f = frame(image);
        int left = rgb(image, (int) f.x(0.15), (int) f.y(0.4));
        int right = rgb(image, (int) f.x(0.85), (int) f.y(0.4));

        assertThat(left).as("left region").matches(c -> near(c, Colors.tint(Colors.cycle(0)).getRGB() & 0xffffff, 3));
        assertThat(right).as("right region").matches(c -> near(c, Colors.tint(Colors.cycle(1)).getRGB() & 0xffffff, 3));
        assertThat(left).as("a tint is pale").matches(c -> (c & 0xff) > 200 && ((c >> 8) & 0xff) > 200);
    }

    @Test
    @DisplayName("the legend goes to the corner with the least data")
    void legendAvoidsData() {
        BufferedImage lowerLeft = Plot.create("").xRange(0, 1).yRange(0, 1)
            .line("data", new double[] {0, 0.45}, new double[] {0.05, 0.4}).render();
        BufferedImage upperRight = Plot.create("").xRange(0, 1).yRange(0, 1)
            .line("data", new double[] {0.55, 1}, new double[] {0.6, 0.95}).render();

        assertThat(legendText(lowerLeft, 0.5, 1, 0.5, 1)).as("legend text in the upper right").isPositive();
        assertThat(legendText(lowerLeft, 0, 0.5, 0, 0.5)).as("legend text in the lower left").isZero();
        assertThat(legendText(upperRight, 0.5, 1, 0.5, 1)).as("legend text in the upper right").isZero();
        assertThat(legendText(upperRight, 0, 0.5, 0.5, 1)).as("legend text in the upper left").isPositive();
    }

    /** Dark pixels inside part of the plot area, given as fractions: only legend (or note) text is that dark. */
    private static int legendText(BufferedImage image, double x0, double x1, double y0, double y1) {
        Frame f = frame(image);
        int n = 0;
        for (int y = (int) f.y(y1) + 2; y < (int) f.y(y0) - 2; y++) {
            for (int x = (int) f.x(x0) + 2; x < (int) f.x(x1) - 2; x++) {
                int c = rgb(image, x, y);
                n += (c >> 16) < 100 && ((c >> 8) & 0xff) < 100 && (c & 0xff) < 100 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    @DisplayName("paths, arrows, points, class scatters and notes all draw without error, identically every time")
    void everythingDrawsDeterministically() {
        double[] x = {-1.5, -0.5, 0.2, 0.8, 1};
        double[] y = {2, 0.5, 0.1, 0.7, 1};
        Plot plot = Plot.create("all layers").xLabel("x").yLabel("y").xRange(-2, 2).yRange(-1, 3)
            .regions((u, v) -> u + v > 1 ? 1 : 0, 2)
            .contour((u, v) -> (1 - u) * (1 - u) + 100 * (v - u * u) * (v - u * u), 10, true)
            .scatterByClass(x, y, new int[] {0, 1, 0, 1, 0})
            .path("trajectory", x, y)
            .arrows("field", x, y, new double[] {1, 0, -1, 0, 0.5}, new double[] {0, 1, 0, -1, 0.5})
            .dashed("guide", new double[] {-2, 2}, new double[] {-1, 3})
            .point("minimum", 1, 1)
            .text(1, 1, "minimum");
        BufferedImage first = plot.render();
        BufferedImage second = plot.render();

        for (int yy = 0; yy < first.getHeight(); yy++) {
            for (int xx = 0; xx < first.getWidth(); xx++) {
                if (first.getRGB(xx, yy) != second.getRGB(xx, yy)) {
                    throw new AssertionError("the two renderings differ at pixel (" + xx + ", " + yy + ")");
                }
            }
        }
    }

    @Test
    @DisplayName("a trajectory that diverges to 1e300 and then infinity is drawn up to the edge, without error")
    void divergingPath() {
        BufferedImage image = Plot.create("diverging").xRange(-2, 2).yRange(-2, 2)
            .path("lr too big", new double[] {0.5, -1, 1e300, Double.POSITIVE_INFINITY},
                new double[] {0.5, -1, 1e300, Double.NaN})
            .render();
        Frame f = frame(image);

        assertThat(count(image, (int) f.x(0.8), f.top(), f.right(), (int) f.y(0.8), BLUE, CORE))
            .as("blue pixels near the upper right corner, where the line to (1e300, 1e300) leaves").isPositive();
    }

    @Test
    @DisplayName("save writes a PNG, creating its folders, with the pixels render gives")
    void saveWritesPng() throws IOException, URISyntaxException {
        Plot plot = Plot.create("saved").size(300, 200).line("l", new double[] {0, 1}, new double[] {1, 0});
        Path png = outputFolder().resolve("nested/folder/saved.png");
        Files.deleteIfExists(png);

        plot.save(png);
        BufferedImage read = ImageIO.read(png.toFile());

        assertThat(read.getWidth()).isEqualTo(300);
        assertThat(read.getHeight()).isEqualTo(200);
        assertThat(rgb(read, 150, 100)).isEqualTo(rgb(plot.render(), 150, 100));
    }

    static Stream<Arguments> badInput() {
        double[] two = {0, 1};
        return Stream.of(
            bad("lengths differ", () -> Plot.create("t").line("l", two, new double[] {1, 2, 3}),
                "x.length = 2", "y.length = 3"),
            bad("empty arrays", () -> Plot.create("t").scatter("s", new double[0], new double[0]), "x.length = 0"),
            bad("null array", () -> Plot.create("t").path("p", two, null), "y = null"),
            bad("empty range", () -> Plot.create("t").xRange(1, 1), "xRange", "min = 1.0", "max = 1.0"),
            bad("reversed range", () -> Plot.create("t").yRange(2, -2), "yRange", "min = 2.0", "max = -2.0"),
            bad("infinite range", () -> Plot.create("t").xRange(0, Double.POSITIVE_INFINITY), "max = Infinity"),
            bad("non-positive log range", () -> Plot.create("t").logX().xRange(0, 1), "xRange", "min = 0.0"),
            bad("log after a negative range", () -> Plot.create("t").yRange(-1, 1).logY(), "yRange", "min = -1.0"),
            bad("contour without ranges", () -> Plot.create("t").contour((x, y) -> x, 5, false),
                "contour", "xRange = unset"),
            bad("regions without a y range", () -> Plot.create("t").xRange(0, 1).regions((x, y) -> 0, 2),
                "regions", "yRange = unset"),
            bad("zero width", () -> Plot.create("t").size(0, 100), "width = 0"),
            bad("negative height", () -> Plot.create("t").size(100, -5), "height = -5"),
            bad("no contour levels", () -> Plot.create("t").xRange(0, 1).yRange(0, 1)
                .contour((x, y) -> x, 0, false), "levels = 0"),
            bad("negative class", () -> Plot.create("t").scatterByClass(two, two, new int[] {0, -1}),
                "classes[1] = -1"),
            bad("class lengths differ", () -> Plot.create("t").scatterByClass(two, two, new int[] {0}),
                "classes.length = 1"),
            bad("arrows lengths differ", () -> Plot.create("t").arrows("a", two, two, two, new double[] {1}),
                "dy.length = 1"),
            bad("a NaN point", () -> Plot.create("t").point("p", Double.NaN, 1), "x = NaN"),
            bad("null text", () -> Plot.create("t").text(0, 0, null), "text = null"),
            bad("null file", () -> Plot.create("t").save(null), "png = null"));
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
