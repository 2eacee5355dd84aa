package calculus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A two-dimensional plot, drawn to a PNG image: lines, scatters, optimizer trajectories, contour lines, class
 * regions and vector fields, with a title, labelled axes (linear or logarithmic), a light grid and a legend.
 *
 * <p>Build it by chaining calls, then {@link #save} or {@link #render} it:
 * <pre>{@code
 * Plot.create("Error of the central difference")
 *     .xLabel("step h").yLabel("|error|").logX().logY()
 *     .line("central", h, error)
 *     .dashed("slope 2", h, guide)
 *     .save(Path.of("images/error.png"));
 * }</pre>
 *
 * <p>The style follows matplotlib's defaults: white background, DejaVu Sans text (the platform's sans-serif if it
 * is not installed), anti-aliased drawing, the ten-colour "tab10" cycle (each series takes the next colour, so the
 * same calls give the same colours), ticks at "nice" numbers (1, 2, 2.5 or 5 times a power of ten) and, on log
 * axes, at powers of ten labelled {@code 1e-8}. An axis without a range set is fitted to the data with 5% padding
 * on each side (measured in decades on a log axis). The legend goes where it covers the least data.
 *
 * <p>Data points that cannot be drawn (NaN, infinite, or not positive on a log axis) are skipped, and break a line
 * in two; points outside the ranges are clipped. Drawing runs headless and never fails for cosmetic reasons: if no
 * font can be loaded, the plot is drawn without text. Class {@code k} (in {@link #scatterByClass} and
 * {@link #regions}) always gets colour {@code k} of the cycle; series added after them start after those colours.
 *
 * <p>A plot is a mutable builder and not thread-safe. It copies the arrays it is given, so they may be reused.
 */
public final class Plot {

    static {
        Canvas.useHeadless();
    }

    /** The default image width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** The default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 560;
    /** The largest accepted width or height: a larger image would not fit the test JVM's memory. */
    public static final int MAX_SIZE = 5000;
    /** The most contour levels: beyond this the lines merge into a solid colour. */
    public static final int MAX_LEVELS = 100;

    private static final double TITLE_SIZE = 17;
    private static final double LABEL_SIZE = 14;
    private static final double TICK_SIZE = 13;
    private static final double TEXT_SIZE = 13;
    private static final double TICK_LENGTH = 5;
    private static final double MINOR_TICK_LENGTH = 3;
    private static final double TICK_PAD = 5;
    private static final double LABEL_GAP = 9;
    private static final double EDGE = 12;
    // the fraction of the data's span added on each side of an automatic range, as matplotlib does
    private static final double PADDING = 0.05;
    // ticks no closer than this many pixels on a horizontal axis (before label widths are checked)
    private static final double X_TICK_SPACING = 80;
    private static final double Y_TICK_SPACING = 50;
    private static final int REGION_CELL = 2;

    private final String title;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
    private boolean logY;
    private boolean equalAspect;
    private double[] xRange;
    private double[] yRange;
    private int nextColor;
    private final List<Series> series = new ArrayList<>();
    private final List<ContourLayer> contours = new ArrayList<>();
    private final List<RegionLayer> regions = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private record ContourLayer(DoubleBinaryOperator f, int levels, boolean logSpacing) {
    }

    private record RegionLayer(Classifier2D classifier, int classes) {
    }

    private record Note(double x, double y, String text) {
    }

    private Plot(String title) {
        this.title = title == null ? "" : title;
    }

    /**
     * A new, empty plot of {@value #DEFAULT_WIDTH} by {@value #DEFAULT_HEIGHT} pixels.
     *
     * @param title the title drawn above the plot; null or empty for none
     * @return the new plot
     */
    public static Plot create(String title) {
        return new Plot(title);
    }

    /**
     * Sets the image size.
     *
     * @param width the width in pixels, 1 to {@value #MAX_SIZE}
     * @param height the height in pixels, 1 to {@value #MAX_SIZE}
     * @return this plot
     * @throws IllegalArgumentException if a size is not positive or is above {@value #MAX_SIZE}
     */
    public Plot size(int width, int height) {
        checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    static void checkSize(int width, int height) {
        if (width < 1 || width > MAX_SIZE) {
            throw new IllegalArgumentException("width must be between 1 and " + MAX_SIZE + " pixels, got width = "
                + width);
        }
        if (height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("height must be between 1 and " + MAX_SIZE + " pixels, got height = "
                + height);
        }
    }

    /**
     * Sets the label under the x axis.
     *
     * @param label the label; null or empty for none
     * @return this plot
     */
    public Plot xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    /**
     * Sets the label beside the y axis, drawn reading upwards.
     *
     * @param label the label; null or empty for none
     * @return this plot
     */
    public Plot yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /**
     * Makes the x axis logarithmic: every decade gets the same length, and x values that are not positive are
     * not drawn.
     *
     * @return this plot
     * @throws IllegalArgumentException if an x range with a minimum that is not positive was set
     */
    public Plot logX() {
        checkLogRange("xRange", xRange);
        logX = true;
        return this;
    }

    /**
     * Makes the y axis logarithmic: every decade gets the same length, and y values that are not positive are
     * not drawn.
     *
     * @return this plot
     * @throws IllegalArgumentException if a y range with a minimum that is not positive was set
     */
    public Plot logY() {
        checkLogRange("yRange", yRange);
        logY = true;
        return this;
    }

    /**
     * Fixes the x range instead of fitting it to the data.
     *
     * @param min the left end, finite (positive on a log axis)
     * @param max the right end, finite and greater than {@code min}
     * @return this plot
     * @throws IllegalArgumentException if {@code min >= max}, either is not finite, or {@code min <= 0} on a log
     *     axis
     */
    public Plot xRange(double min, double max) {
        double[] range = checkRange("xRange", min, max);
        if (logX) {
            checkLogRange("xRange", range);
        }
        xRange = range;
        return this;
    }

    /**
     * Fixes the y range instead of fitting it to the data.
     *
     * @param min the bottom end, finite (positive on a log axis)
     * @param max the top end, finite and greater than {@code min}
     * @return this plot
     * @throws IllegalArgumentException if {@code min >= max}, either is not finite, or {@code min <= 0} on a log
     *     axis
     */
    public Plot yRange(double min, double max) {
        double[] range = checkRange("yRange", min, max);
        if (logY) {
            checkLogRange("yRange", range);
        }
        yRange = range;
        return this;
    }

    private static double[] checkRange(String name, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException(name + " needs finite min < max, got min = " + min + ", max = " + max);
        }
        return new double[] {min, max};
    }

    private static void checkLogRange(String name, double[] range) {
        if (range != null && range[0] <= 0) {
            throw new IllegalArgumentException(name + " on a log axis needs min > 0, got min = " + range[0]);
        }
    }

    /**
     * Gives both axes the same scale (pixels per unit, or per decade on log axes), so circles look round. The plot
     * area shrinks in one direction to achieve it; the ranges stay as they are.
     *
     * @return this plot
     */
    public Plot equalAspect() {
        equalAspect = true;
        return this;
    }

    /**
     * Adds a solid line through the points (x[i], y[i]) in order.
     *
     * @param label the legend entry; null for none
     * @param x the x coordinates
     * @param y the y coordinates, as many as {@code x}
     * @return this plot
     * @throws IllegalArgumentException if {@code x} or {@code y} is null or empty, or their lengths differ
     */
    public Plot line(String label, double[] x, double[] y) {
        return add(Series.Kind.LINE, label, x, y);
    }

    /**
     * Adds a dashed line, for references and guides such as a line of slope 2 on a log-log error plot.
     *
     * @param label the legend entry; null for none
     * @param x the x coordinates
     * @param y the y coordinates, as many as {@code x}
     * @return this plot
     * @throws IllegalArgumentException if {@code x} or {@code y} is null or empty, or their lengths differ
     */
    public Plot dashed(String label, double[] x, double[] y) {
        return add(Series.Kind.DASHED, label, x, y);
    }

    /**
     * Adds unconnected round markers at the points (x[i], y[i]).
     *
     * @param label the legend entry; null for none
     * @param x the x coordinates
     * @param y the y coordinates, as many as {@code x}
     * @return this plot
     * @throws IllegalArgumentException if {@code x} or {@code y} is null or empty, or their lengths differ
     */
    public Plot scatter(String label, double[] x, double[] y) {
        return add(Series.Kind.SCATTER, label, x, y);
    }

    /**
     * Adds an optimizer's trajectory: a line with a small dot at each iterate, an open circle at the start and a
     * filled disc at the end, outlined in white so it stays visible over contour lines.
     *
     * @param label the legend entry; null for none
     * @param x the x coordinates of the iterates, in order
     * @param y the y coordinates, as many as {@code x}
     * @return this plot
     * @throws IllegalArgumentException if {@code x} or {@code y} is null or empty, or their lengths differ
     */
    public Plot path(String label, double[] x, double[] y) {
        return add(Series.Kind.PATH, label, x, y);
    }

    /**
     * Adds labelled points: class {@code k} gets colour {@code k} of the cycle and its own marker shape, and a
     * legend entry "class k".
     *
     * @param x the x coordinates
     * @param y the y coordinates, as many as {@code x}
     * @param classes the class of each point, non-negative, as many as {@code x}
     * @return this plot
     * @throws IllegalArgumentException if an array is null or empty, the lengths differ, or a class is negative
     */
    public Plot scatterByClass(double[] x, double[] y, int[] classes) {
        checkXY(x, y);
        if (classes == null) {
            throw new IllegalArgumentException("classes must be an array, got classes = null");
        }
        if (classes.length != x.length) {
            throw new IllegalArgumentException("x and classes must have the same length, got x.length = " + x.length
                + ", classes.length = " + classes.length);
        }
        int most = 0;
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0) {
                throw new IllegalArgumentException("classes must be non-negative, got classes[" + i + "] = "
                    + classes[i]);
            }
            most = Math.max(most, classes[i]);
        }
        reserveClassColors(most + 1);
        series.add(new Series(Series.Kind.CLASSES, null, null, x.clone(), y.clone(), null, null, classes.clone()));
        return this;
    }

    /**
     * Adds contour lines of {@code f} over the x and y ranges, which must be set first. The function is sampled on
     * a 200 by 200 grid (uniform in pixels, so per decade on a log axis) when the plot is drawn; the lines are
     * thin and coloured by level, from dark purple (low) to green (high), and points where {@code f} is NaN or
     * infinite are left out.
     *
     * @param f the function of (x, y) to contour
     * @param levels how many levels, 1 to {@value #MAX_LEVELS}: evenly spaced strictly between the sampled
     *     minimum and maximum of {@code f}
     * @param logSpacing if true, the levels' heights above the minimum are spaced geometrically over four decades
     *     instead of evenly, which shows the floor of a narrow valley such as Rosenbrock's
     * @return this plot
     * @throws IllegalArgumentException if {@code f} is null, {@code levels} is out of range, or a range is not set
     */
    public Plot contour(DoubleBinaryOperator f, int levels, boolean logSpacing) {
        if (f == null) {
            throw new IllegalArgumentException("f must be a function, got f = null");
        }
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be between 1 and " + MAX_LEVELS + ", got levels = "
                + levels);
        }
        checkRangesSet("contour");
        contours.add(new ContourLayer(f, levels, logSpacing));
        return this;
    }

    /**
     * Shades the background of the x and y ranges, which must be set first, by the class {@code classifier}
     * predicts there: a pale tint of class {@code k}'s colour. Places where it answers a class outside
     * 0..classes-1 stay white.
     *
     * @param classifier the decision rule, called once per 2-by-2-pixel cell when the plot is drawn
     * @param classes how many classes, 1 to 10 (the number of distinct colours)
     * @return this plot
     * @throws IllegalArgumentException if {@code classifier} is null, {@code classes} is out of range, or a range
     *     is not set
     */
    public Plot regions(Classifier2D classifier, int classes) {
        if (classifier == null) {
            throw new IllegalArgumentException("classifier must be a function, got classifier = null");
        }
        if (classes < 1 || classes > Colors.cycleLength()) {
            throw new IllegalArgumentException("classes must be between 1 and " + Colors.cycleLength()
                + ", got classes = " + classes);
        }
        checkRangesSet("regions");
        reserveClassColors(classes);
        regions.add(new RegionLayer(classifier, classes));
        return this;
    }

    /**
     * Adds a vector field (a quiver): an arrow from each (x[i], y[i]) along (dx[i], dy[i]). All arrows share one
     * scale, chosen so that the longest is about as long as the typical distance between neighbouring arrows;
     * relative lengths are therefore exact, absolute lengths are not.
     *
     * @param label the legend entry; null for none
     * @param x the x coordinates of the arrows' tails
     * @param y the y coordinates of the tails, as many as {@code x}
     * @param dx the x components of the vectors, as many as {@code x}
     * @param dy the y components of the vectors, as many as {@code x}
     * @return this plot
     * @throws IllegalArgumentException if an array is null or empty, or the lengths differ
     */
    public Plot arrows(String label, double[] x, double[] y, double[] dx, double[] dy) {
        checkXY(x, y);
        checkSameLength("dx", dx, x.length);
        checkSameLength("dy", dy, x.length);
        series.add(new Series(Series.Kind.ARROWS, label, Colors.cycle(nextColor++), x.clone(), y.clone(),
            dx.clone(), dy.clone(), null));
        return this;
    }

    /**
     * Adds a single highlighted marker (a star), such as the minimum of a function.
     *
     * @param label the legend entry; null for none
     * @param x the x coordinate, finite
     * @param y the y coordinate, finite
     * @return this plot
     * @throws IllegalArgumentException if {@code x} or {@code y} is not finite
     */
    public Plot point(String label, double x, double y) {
        checkFinite("x", x);
        checkFinite("y", y);
        return add(Series.Kind.POINT, label, new double[] {x}, new double[] {y});
    }

    /**
     * Adds a text annotation just right of the point (x, y), vertically centred on it, on a translucent white
     * backdrop. It moves to the left of the point if it would run past the plot's right edge.
     *
     * @param x the x coordinate, finite
     * @param y the y coordinate, finite
     * @param text the text, one line
     * @return this plot
     * @throws IllegalArgumentException if {@code text} is null or a coordinate is not finite
     */
    public Plot text(double x, double y, String text) {
        checkFinite("x", x);
        checkFinite("y", y);
        if (text == null) {
            throw new IllegalArgumentException("text must be a string, got text = null");
        }
        notes.add(new Note(x, y, text));
        return this;
    }

    /**
     * Draws the plot and writes it as a PNG file, creating its folder if needed.
     *
     * @param png the file to write
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if {@code png} is null
     */
    public void save(Path png) throws IOException {
        if (png == null) {
            throw new IllegalArgumentException("png must be a file path, got png = null");
        }
        Canvas.save(render(), png);
    }

    /**
     * Draws the plot.
     *
     * @return a new RGB image of the plot's size
     */
    public BufferedImage render() {
        Canvas canvas = new Canvas(width, height);
        double[] xr = xRange != null ? xRange : autoRange(true);
        double[] yr = yRange != null ? yRange : autoRange(false);
        Frame frame = layout(canvas, xr, yr);
        Graphics2D g = canvas.graphics();
        Shape unclipped = g.getClip();
        g.clip(frame.area);
        drawRegions(canvas, frame);
        drawGrid(g, frame);
        for (ContourLayer c : contours) {
            Contours.draw(canvas, c.f(), c.levels(), c.logSpacing(), frame.x, frame.y);
        }
        for (Series s : series) {
            s.draw(canvas, frame.x, frame.y, frame.area);
        }
        Legend.Occupancy occupied = occupied(frame);
        drawNotes(canvas, frame, occupied);
        g.setClip(unclipped);
        drawFrame(canvas, frame);
        List<Series.Entry> entries = new ArrayList<>();
        for (Series s : series) {
            entries.addAll(s.entries());
        }
        Legend.draw(canvas, entries, frame.area, occupied);
        g.dispose();
        return canvas.image();
    }

    // ---------------------------------------------------------------------------------------------------------
    // building

    private Plot add(Series.Kind kind, String label, double[] x, double[] y) {
        checkXY(x, y);
        series.add(new Series(kind, label, Colors.cycle(nextColor++), x.clone(), y.clone(), null, null, null));
        return this;
    }

    private void reserveClassColors(int classes) {
        nextColor = Math.max(nextColor, classes);
    }

    private static void checkXY(double[] x, double[] y) {
        if (x == null) {
            throw new IllegalArgumentException("x must be an array, got x = null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x must not be empty, got x.length = 0");
        }
        checkSameLength("y", y, x.length);
    }

    private static void checkSameLength(String name, double[] a, int length) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must be an array, got " + name + " = null");
        }
        if (a.length != length) {
            throw new IllegalArgumentException("x and " + name + " must have the same length, got x.length = "
                + length + ", " + name + ".length = " + a.length);
        }
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + name + " = " + v);
        }
    }

    private void checkRangesSet(String method) {
        if (xRange == null || yRange == null) {
            throw new IllegalArgumentException(method + " draws over the x and y ranges, so set them first with"
                + " xRange and yRange; got xRange = " + describe(xRange) + ", yRange = " + describe(yRange));
        }
    }

    private static String describe(double[] range) {
        return range == null ? "unset" : Arrays.toString(range);
    }

    // ---------------------------------------------------------------------------------------------------------
    // layout

    /** Where everything goes: the plot area in pixels, the two axes, and their ticks. */
    private record Frame(Rectangle2D area, Axis x, Axis y, Ticks xTicks, Ticks yTicks, double yLabelWidth) {
    }

    /** The data's range on one axis, padded; [0, 1] (or [1, 10] on a log axis) when there is no data. */
    private double[] autoRange(boolean horizontal) {
        boolean log = horizontal ? logX : logY;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : horizontal ? s.x() : s.y()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            double[] decades = pad(Math.log10(min), Math.log10(max), 0.5);
            return new double[] {Math.pow(10, decades[0]), Math.pow(10, decades[1])};
        }
        return pad(min, max, min == 0 ? 1 : 0.1 * Math.abs(min));
    }

    /** [min, max] widened by 5% of its span on each side, or by {@code flat} if it is a single value. */
    private static double[] pad(double min, double max, double flat) {
        double margin = max > min ? PADDING * (max - min) : flat;
        double lo = min - margin;
        double hi = max + margin;
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            // data at the edge of the double range: no room to pad
            return max > min ? new double[] {min, max} : new double[] {min - 1, min + 1};
        }
        return new double[] {lo, hi};
    }

    private Frame layout(Canvas canvas, double[] xr, double[] yr) {
        Font tickFont = Canvas.font(TICK_SIZE, false);
        Font labelFont = Canvas.font(LABEL_SIZE, false);
        double tickCap = canvas.capHeight(tickFont);
        double labelCap = canvas.capHeight(labelFont);
        double top = title.isEmpty() ? EDGE + tickCap / 2 : 2 * EDGE + canvas.capHeight(titleFont(canvas));
        double bottom = TICK_LENGTH + TICK_PAD + tickCap + EDGE + (xLabel.isEmpty() ? 0 : LABEL_GAP + labelCap + 3);
        double yLabelSpace = yLabel.isEmpty() ? 0 : labelCap + LABEL_GAP + 3;
        double left = EDGE + yLabelSpace + 4 * tickCap;
        double right = EDGE + 8;
        Frame frame = null;
        // two passes: the first measures the y tick labels and the overhang of the last x tick label
        for (int pass = 0; pass < 2; pass++) {
            Rectangle2D box = new Rectangle2D.Double(left, top, Math.max(1, width - left - right),
                Math.max(1, height - top - bottom));
            Rectangle2D area = snap(equalAspect ? shrinkToAspect(box, xr, yr) : box);
            Axis x = new Axis(xr[0], xr[1], logX, area.getMinX(), area.getMaxX());
            Axis y = new Axis(yr[0], yr[1], logY, area.getMaxY(), area.getMinY());
            Ticks xTicks = fitTicks(canvas, tickFont, x, true);
            Ticks yTicks = fitTicks(canvas, tickFont, y, false);
            double yLabelWidth = 0;
            for (String s : yTicks.labels()) {
                yLabelWidth = Math.max(yLabelWidth, canvas.width(Canvas.minus(s, tickFont), tickFont));
            }
            frame = new Frame(area, x, y, xTicks, yTicks, yLabelWidth);
            left = EDGE + yLabelSpace + yLabelWidth + TICK_PAD + TICK_LENGTH;
            double overhang = 0;
            int n = xTicks.major().length;
            if (n > 0) {
                String last = Canvas.minus(xTicks.labels()[n - 1], tickFont);
                overhang = x.pixel(xTicks.major()[n - 1]) + canvas.width(last, tickFont) / 2 - area.getMaxX();
            }
            right = Math.max(EDGE + 8, overhang + EDGE);
        }
        return frame;
    }

    /** The largest box inside {@code box}, centred in it, on which both axes have the same units per pixel. */
    private Rectangle2D shrinkToAspect(Rectangle2D box, double[] xr, double[] yr) {
        double xUnits = span(xr, logX) / box.getWidth();
        double yUnits = span(yr, logY) / box.getHeight();
        if (xUnits > yUnits) {
            double h = span(yr, logY) / xUnits;
            return new Rectangle2D.Double(box.getX(), box.getCenterY() - h / 2, box.getWidth(), h);
        }
        double w = span(xr, logX) / yUnits;
        return new Rectangle2D.Double(box.getCenterX() - w / 2, box.getY(), w, box.getHeight());
    }

    private static double span(double[] range, boolean log) {
        return log ? Math.log10(range[1]) - Math.log10(range[0]) : range[1] - range[0];
    }

    /** {@code r} with whole-pixel edges, so the frame and the grid lines fall on pixel centres and stay crisp. */
    private static Rectangle2D snap(Rectangle2D r) {
        double x0 = Math.round(r.getMinX());
        double y0 = Math.round(r.getMinY());
        double x1 = Math.max(x0 + 1, Math.round(r.getMaxX()));
        double y1 = Math.max(y0 + 1, Math.round(r.getMaxY()));
        return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
    }

    /** The most ticks whose labels do not collide: fewer and fewer until they fit. */
    private static Ticks fitTicks(Canvas canvas, Font font, Axis axis, boolean horizontal) {
        int count = (int) Math.max(2, axis.length() / (horizontal ? X_TICK_SPACING : Y_TICK_SPACING));
        while (true) {
            Ticks ticks = axis.ticks(count);
            if (count <= 2 || fits(canvas, font, axis, ticks, horizontal)) {
                return ticks;
            }
            count--;
        }
    }

    private static boolean fits(Canvas canvas, Font font, Axis axis, Ticks ticks, boolean horizontal) {
        double[] major = ticks.major();
        for (int i = 0; i + 1 < major.length; i++) {
            double gap = Math.abs(axis.pixel(major[i + 1]) - axis.pixel(major[i]));
            double need = horizontal
                ? (canvas.width(ticks.labels()[i], font) + canvas.width(ticks.labels()[i + 1], font)) / 2 + 14
                : canvas.capHeight(font) + 12;
            if (gap < need) {
                return false;
            }
        }
        return true;
    }

    private Font titleFont(Canvas canvas) {
        return canvas.fitted(title, TITLE_SIZE, false, width - 2 * EDGE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // drawing

    private void drawRegions(Canvas canvas, Frame frame) {
        Graphics2D g = canvas.graphics();
        Rectangle2D a = frame.area;
        Color[] tints = new Color[Colors.cycleLength()];
        for (int k = 0; k < tints.length; k++) {
            tints[k] = Colors.tint(Series.classColor(k));
        }
        // whole-pixel cells without anti-aliasing: anti-aliased edges would leave faint seams between cells
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (RegionLayer layer : regions) {
            for (int py = (int) a.getMinY(); py < a.getMaxY(); py += REGION_CELL) {
                double yv = frame.y.valueAt(frame.y.fractionAt(py + REGION_CELL / 2.0));
                for (int px = (int) a.getMinX(); px < a.getMaxX(); px += REGION_CELL) {
                    double xv = frame.x.valueAt(frame.x.fractionAt(px + REGION_CELL / 2.0));
                    int k = layer.classifier().classify(xv, yv);
                    if (k >= 0 && k < layer.classes()) {
                        g.setColor(tints[k]);
                        g.fillRect(px, py, REGION_CELL, REGION_CELL);
                    }
                }
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private static void drawGrid(Graphics2D g, Frame frame) {
        g.setColor(Colors.GRID);
        g.setStroke(new BasicStroke(1f));
        Rectangle2D a = frame.area;
        for (double v : frame.xTicks.major()) {
            double px = Canvas.crisp(frame.x.pixel(v));
            g.draw(new Line2D.Double(px, a.getMinY(), px, a.getMaxY()));
        }
        for (double v : frame.yTicks.major()) {
            double py = Canvas.crisp(frame.y.pixel(v));
            g.draw(new Line2D.Double(a.getMinX(), py, a.getMaxX(), py));
        }
    }

    private void drawFrame(Canvas canvas, Frame frame) {
        Graphics2D g = canvas.graphics();
        Rectangle2D a = frame.area;
        Font tickFont = Canvas.font(TICK_SIZE, false);
        double left = Canvas.crisp(a.getMinX());
        double right = Canvas.crisp(a.getMaxX() - 1);
        double top = Canvas.crisp(a.getMinY());
        double bottom = Canvas.crisp(a.getMaxY() - 1);
        g.setColor(Colors.SPINE);
        g.setStroke(new BasicStroke(1f));
        for (double v : frame.xTicks.minor()) {
            double px = Canvas.crisp(frame.x.pixel(v));
            g.draw(new Line2D.Double(px, bottom, px, bottom + MINOR_TICK_LENGTH));
        }
        for (double v : frame.yTicks.minor()) {
            double py = Canvas.crisp(frame.y.pixel(v));
            g.draw(new Line2D.Double(left - MINOR_TICK_LENGTH, py, left, py));
        }
        double[] xs = frame.xTicks.major();
        for (int i = 0; i < xs.length; i++) {
            double px = Canvas.crisp(frame.x.pixel(xs[i]));
            g.setColor(Colors.SPINE);
            g.draw(new Line2D.Double(px, bottom, px, bottom + TICK_LENGTH));
            canvas.text(Canvas.minus(frame.xTicks.labels()[i], tickFont), tickFont, Colors.INK, px,
                bottom + TICK_LENGTH + TICK_PAD, 0.5, 0);
        }
        double[] ys = frame.yTicks.major();
        for (int i = 0; i < ys.length; i++) {
            double py = Canvas.crisp(frame.y.pixel(ys[i]));
            g.setColor(Colors.SPINE);
            g.draw(new Line2D.Double(left - TICK_LENGTH, py, left, py));
            canvas.text(Canvas.minus(frame.yTicks.labels()[i], tickFont), tickFont, Colors.INK,
                left - TICK_LENGTH - TICK_PAD, py, 1, 0.5);
        }
        g.setColor(Colors.SPINE);
        g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
        Font labelFont = Canvas.font(LABEL_SIZE, false);
        double labelCap = canvas.capHeight(labelFont);
        if (!xLabel.isEmpty()) {
            double y = bottom + TICK_LENGTH + TICK_PAD + canvas.capHeight(tickFont) + LABEL_GAP;
            canvas.text(xLabel, labelFont, Colors.INK, a.getCenterX(), y, 0.5, 0);
        }
        if (!yLabel.isEmpty()) {
            double x = left - TICK_LENGTH - TICK_PAD - frame.yLabelWidth - LABEL_GAP - labelCap / 2;
            canvas.verticalText(yLabel, labelFont, Colors.INK, x, a.getCenterY());
        }
        if (!title.isEmpty()) {
            Font font = titleFont(canvas);
            String shown = canvas.shorten(title, font, width - 2 * EDGE);
            // centred over the plot area, unless that would push it off the image
            double w = canvas.width(shown, font);
            double cx = Math.max(EDGE + w / 2, Math.min(width - EDGE - w / 2, a.getCenterX()));
            canvas.text(shown, font, Colors.INK, cx, a.getMinY() - EDGE, 0.5, 1);
        }
    }

    private void drawNotes(Canvas canvas, Frame frame, Legend.Occupancy occupied) {
        Font font = Canvas.font(TEXT_SIZE, false);
        double cap = canvas.capHeight(font);
        Rectangle2D a = frame.area;
        for (Note n : notes) {
            double px = frame.x.pixel(n.x());
            double py = frame.y.pixel(n.y());
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            double w = canvas.width(n.text(), font);
            double x0 = px + 8;
            if (x0 + w + 3 > a.getMaxX() - 2) {
                x0 = px - 8 - w;
            }
            double yc = Math.max(a.getMinY() + cap, Math.min(a.getMaxY() - cap, py));
            Rectangle2D box = new Rectangle2D.Double(x0 - 3, yc - cap / 2 - 4, w + 6, cap + 8);
            canvas.backdrop(box, Colors.alpha(Color.WHITE, 0.75), null, 4);
            canvas.text(n.text(), font, Colors.INK, x0, yc, 0, 0.5);
            occupied.mark(box);
        }
    }

    /** Pixels covered by data, for the legend to avoid. Contours and regions fill the plot, so they do not count. */
    private Legend.Occupancy occupied(Frame frame) {
        Legend.Occupancy out = new Legend.Occupancy(frame.area);
        for (Series s : series) {
            s.sample(frame.x, frame.y, out);
        }
        return out;
    }
}
