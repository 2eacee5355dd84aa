package calculus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * One data layer of a plot (a line, a scatter, a trajectory, a quiver, ...): its data, its colour, how it is
 * drawn, and how it appears in the legend.
 *
 * <p>Lines are drawn point to point in pixel space. A point that cannot be drawn (NaN, infinite, or not positive
 * on a log axis) breaks the line in two, and segments are clipped to the plot before they are drawn, so a diverging
 * trajectory with values near 10<sup>300</sup> still draws correctly up to the edge.
 */
final class Series {

    /** What kind of layer this is. */
    enum Kind { LINE, DASHED, SCATTER, PATH, POINT, ARROWS, CLASSES }

    private static final double LINE_WIDTH = 2.0;
    private static final double DASHED_WIDTH = 1.6;
    private static final double PATH_WIDTH = 1.8;
    // a white outline under a trajectory keeps it readable where it runs along a contour line
    private static final double HALO_WIDTH = 4.5;
    private static final double SCATTER_SIZE = 7;
    private static final double CLASS_SIZE = 8;
    private static final double DOT_SIZE = 4.5;
    private static final double END_SIZE = 11;
    private static final double POINT_SIZE = 17;
    private static final double ARROW_WIDTH = 1.4;
    // the longest arrow of a quiver covers this fraction of the spacing between arrows, so arrows never touch
    private static final double ARROW_FILL = 0.9;
    private static final double MAX_HEAD = 9;
    // above this many arrows the spacing is estimated from the area instead of nearest neighbours (n^2 work)
    private static final int NEIGHBOUR_LIMIT = 2000;
    // visible line length in pixels (about 500 crossings of the plot) up to which lines are anti-aliased
    private static final double SMOOTH_INK = 3e5;
    // visible line length after which further segments are left out: the plot is solid colour long before
    private static final double MAX_INK = 2e7;
    // segments are clipped to the plot enlarged by this margin, so clipped ends are hidden by the plot's clip
    private static final double CLIP_MARGIN = 8;
    private static final Canvas.Marker[] CLASS_MARKERS = {
        Canvas.Marker.CIRCLE, Canvas.Marker.SQUARE, Canvas.Marker.TRIANGLE_UP, Canvas.Marker.DIAMOND,
        Canvas.Marker.TRIANGLE_DOWN,
    };

    private final Kind kind;
    private final String label;
    private final Color color;
    private final double[] x;
    private final double[] y;
    private final double[] dx;
    private final double[] dy;
    private final int[] classes;

    /** A layer of the given kind; the arrays are the caller's copies, kept as they are. */
    Series(Kind kind, String label, Color color, double[] x, double[] y, double[] dx, double[] dy, int[] classes) {
        this.kind = kind;
        this.label = label;
        this.color = color;
        this.x = x;
        this.y = y;
        this.dx = dx;
        this.dy = dy;
        this.classes = classes;
    }

    double[] x() {
        return x;
    }

    double[] y() {
        return y;
    }

    /** One legend entry: a label and the series (and class) whose glyph it shows. */
    record Entry(String label, Series series, int classIndex) {
    }

    /** This layer's legend entries: none without a label, one per class present for a class scatter. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (kind == Kind.CLASSES) {
            TreeSet<Integer> present = new TreeSet<>();
            for (int c : classes) {
                present.add(c);
            }
            for (int c : present) {
                out.add(new Entry("class " + c, this, c));
            }
        } else if (label != null) {
            out.add(new Entry(label, this, -1));
        }
        return out;
    }

    /** The colour class {@code k} gets, in class scatters and class regions alike. */
    static Color classColor(int k) {
        return Colors.cycle(k);
    }

    /** Draws the layer; the caller has set the clip to the plot area. */
    void draw(Canvas canvas, Axis xa, Axis ya, Rectangle2D area) {
        Graphics2D g = canvas.graphics();
        switch (kind) {
            case LINE:
                stroke(g, polyline(xa, ya, area), Canvas.stroke(LINE_WIDTH), color);
                break;
            case DASHED:
                stroke(g, polyline(xa, ya, area), Canvas.dashed(DASHED_WIDTH), color);
                break;
            case SCATTER:
                for (int i = 0; i < x.length; i++) {
                    marker(g, Canvas.Marker.CIRCLE, xa.pixel(x[i]), ya.pixel(y[i]), SCATTER_SIZE, color);
                }
                break;
            case CLASSES:
                for (int i = 0; i < x.length; i++) {
                    marker(g, classMarker(classes[i]), xa.pixel(x[i]), ya.pixel(y[i]), CLASS_SIZE,
                        classColor(classes[i]));
                }
                break;
            case PATH:
                drawPath(g, xa, ya, area);
                break;
            case POINT:
                marker(g, Canvas.Marker.STAR, xa.pixel(x[0]), ya.pixel(y[0]), POINT_SIZE, color);
                break;
            case ARROWS:
            default:
                drawArrows(g, xa, ya, area);
                break;
        }
    }

    private void drawPath(Graphics2D g, Axis xa, Axis ya, Rectangle2D area) {
        Polyline line = polyline(xa, ya, area);
        stroke(g, line, Canvas.stroke(HALO_WIDTH), Colors.alpha(Color.WHITE, 0.8));
        stroke(g, line, Canvas.stroke(PATH_WIDTH), color);
        g.setColor(color);
        int first = -1;
        int last = -1;
        for (int i = 0; i < x.length; i++) {
            double px = xa.pixel(x[i]);
            double py = ya.pixel(y[i]);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                first = first < 0 ? i : first;
                last = i;
                if (area.contains(px, py)) {
                    g.fill(Canvas.marker(Canvas.Marker.CIRCLE, px, py, DOT_SIZE));
                }
            }
        }
        if (first < 0) {
            return;
        }
        // start: an open ring, so the eye finds where the walk began; end: a solid disc where it stopped
        Shape start = Canvas.marker(Canvas.Marker.CIRCLE, xa.pixel(x[first]), ya.pixel(y[first]), END_SIZE);
        g.setColor(Color.WHITE);
        g.fill(start);
        g.setColor(color);
        g.setStroke(new BasicStroke(2.2f));
        g.draw(start);
        marker(g, Canvas.Marker.CIRCLE, xa.pixel(x[last]), ya.pixel(y[last]), END_SIZE, color);
    }

    private void drawArrows(Graphics2D g, Axis xa, Axis ya, Rectangle2D area) {
        int n = x.length;
        double[] px = new double[n];
        double[] py = new double[n];
        double[] vx = new double[n];
        double[] vy = new double[n];
        double longest = 0;
        for (int i = 0; i < n; i++) {
            px[i] = xa.pixel(x[i]);
            py[i] = ya.pixel(y[i]);
            // the arrow in pixels: the data vector times the local pixels-per-unit of each axis
            vx[i] = dx[i] * xa.slope(x[i]);
            vy[i] = dy[i] * ya.slope(y[i]);
            double length = Math.hypot(vx[i], vy[i]);
            if (Double.isFinite(px[i]) && Double.isFinite(py[i]) && Double.isFinite(length)) {
                longest = Math.max(longest, length);
            }
        }
        if (!(longest > 0)) {
            return;
        }
        double scale = ARROW_FILL * spacing(px, py, area) / longest;
        g.setColor(color);
        g.setStroke(Canvas.stroke(ARROW_WIDTH));
        for (int i = 0; i < n; i++) {
            double ax = vx[i] * scale;
            double ay = vy[i] * scale;
            double length = Math.hypot(ax, ay);
            if (!Double.isFinite(px[i]) || !Double.isFinite(py[i]) || !(length > 0.5) || !Double.isFinite(length)) {
                continue;
            }
            arrow(g, px[i], py[i], ax, ay);
        }
    }

    private static void arrow(Graphics2D g, double x0, double y0, double ax, double ay) {
        double length = Math.hypot(ax, ay);
        double head = Math.min(MAX_HEAD, 0.4 * length);
        // the shaft stops inside the head, so its round cap does not poke out of the tip
        double shaft = (length - 0.6 * head) / length;
        g.draw(new Line2D.Double(x0, y0, x0 + shaft * ax, y0 + shaft * ay));
        g.fill(Canvas.arrowHead(x0 + ax, y0 + ay, ax, ay, head, 0.7 * head));
    }

    /** The typical distance between neighbouring arrows, in pixels. */
    private static double spacing(double[] px, double[] py, Rectangle2D area) {
        int n = px.length;
        if (n < 2) {
            return 0.1 * Math.min(area.getWidth(), area.getHeight());
        }
        if (n > NEIGHBOUR_LIMIT) {
            return Math.sqrt(area.getWidth() * area.getHeight() / n);
        }
        double[] nearest = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(px[i] - px[j], py[i] - py[j]);
                if (j != i && d > 0 && d < best) {
                    best = d;
                }
            }
            if (Double.isFinite(best)) {
                nearest[count++] = best;
            }
        }
        if (count == 0) {
            return 0.1 * Math.min(area.getWidth(), area.getHeight());
        }
        Arrays.sort(nearest, 0, count);
        // the median, not the minimum: one pair of close arrows must not shrink the whole field
        return nearest[count / 2];
    }

    /** Draws this layer's legend glyph in the box that starts at {@code x0} and is centred on {@code yc}. */
    void drawGlyph(Canvas canvas, Entry entry, double x0, double yc, double width) {
        Graphics2D g = canvas.graphics();
        double mid = x0 + width / 2;
        Line2D.Double line = new Line2D.Double(x0, yc, x0 + width, yc);
        switch (kind) {
            case LINE:
                stroke(g, line, Canvas.stroke(LINE_WIDTH), color);
                break;
            case DASHED:
                stroke(g, line, Canvas.dashed(DASHED_WIDTH), color);
                break;
            case SCATTER:
                marker(g, Canvas.Marker.CIRCLE, mid, yc, SCATTER_SIZE, color);
                break;
            case CLASSES:
                marker(g, classMarker(entry.classIndex()), mid, yc, CLASS_SIZE, classColor(entry.classIndex()));
                break;
            case PATH:
                stroke(g, line, Canvas.stroke(PATH_WIDTH), color);
                g.setColor(color);
                g.fill(Canvas.marker(Canvas.Marker.CIRCLE, mid, yc, DOT_SIZE));
                break;
            case POINT:
                marker(g, Canvas.Marker.STAR, mid, yc, POINT_SIZE - 3, color);
                break;
            case ARROWS:
            default:
                g.setColor(color);
                g.setStroke(Canvas.stroke(ARROW_WIDTH));
                arrow(g, x0, yc, width, 0);
                break;
        }
    }

    /** Marks the cells of the plot area that this layer covers, for the legend to avoid. */
    void sample(Axis xa, Axis ya, Legend.Occupancy occupied) {
        boolean joined = kind == Kind.LINE || kind == Kind.DASHED || kind == Kind.PATH;
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            double px = xa.pixel(x[i]);
            double py = ya.pixel(y[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                lastX = Double.NaN;
                continue;
            }
            occupied.mark(px, py);
            // only the visible part: a segment to a point far outside must still be sampled where it is seen
            double[] s = joined && Double.isFinite(lastX) ? clip(lastX, lastY, px, py, occupied.area()) : null;
            if (s != null) {
                int pieces = (int) Math.ceil(Math.hypot(s[2] - s[0], s[3] - s[1]) / occupied.step());
                for (int k = 1; k < pieces; k++) {
                    double t = (double) k / pieces;
                    occupied.mark(s[0] + t * (s[2] - s[0]), s[1] + t * (s[3] - s[1]));
                }
                occupied.mark(s[0], s[1]);
                occupied.mark(s[2], s[3]);
            }
            lastX = px;
            lastY = py;
        }
    }

    /** The layer's points joined in pixel space, with gaps at undrawable points and clipped to the area. */
    private Polyline polyline(Axis xa, Axis ya, Rectangle2D area) {
        Rectangle2D box = new Rectangle2D.Double(area.getX() - CLIP_MARGIN, area.getY() - CLIP_MARGIN,
            area.getWidth() + 2 * CLIP_MARGIN, area.getHeight() + 2 * CLIP_MARGIN);
        Path2D.Double path = new Path2D.Double();
        double length = 0;
        boolean open = false;
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            double px = xa.pixel(x[i]);
            double py = ya.pixel(y[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                open = false;
                lastX = Double.NaN;
                continue;
            }
            if (Double.isFinite(lastX)) {
                double[] s = length < MAX_INK ? clip(lastX, lastY, px, py, box) : null;
                if (s == null) {
                    open = false;
                } else {
                    length += Math.hypot(s[2] - s[0], s[3] - s[1]);
                    boolean continues = open && s[0] == lastX && s[1] == lastY;
                    if (!continues) {
                        path.moveTo(s[0], s[1]);
                    }
                    path.lineTo(s[2], s[3]);
                    open = s[2] == px && s[3] == py;
                }
            } else if (i + 1 == x.length || !Double.isFinite(xa.pixel(x[i + 1]))
                || !Double.isFinite(ya.pixel(y[i + 1]))) {
                // an isolated point between two gaps would be invisible as a line: draw it as a dot
                if (box.contains(px, py)) {
                    path.moveTo(px, py);
                    path.lineTo(px, py);
                }
            }
            lastX = px;
            lastY = py;
        }
        return new Polyline(path, length);
    }

    /** A path in pixels and its visible length, which is what drawing it costs. */
    private record Polyline(Path2D.Double path, double length) {
    }

    /**
     * The part of the segment from (x0, y0) to (x1, y1) inside {@code box}, or null if none (Liang-Barsky:
     * intersect the segment's parameter interval [0, 1] with the four half-planes of the box).
     */
    static double[] clip(double x0, double y0, double x1, double y1, Rectangle2D box) {
        double t0 = 0;
        double t1 = 1;
        double ddx = x1 - x0;
        double ddy = y1 - y0;
        double[] p = {-ddx, ddx, -ddy, ddy};
        double[] q = {x0 - box.getMinX(), box.getMaxX() - x0, y0 - box.getMinY(), box.getMaxY() - y0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return null;
                }
                continue;
            }
            double t = q[k] / p[k];
            if (p[k] < 0) {
                t0 = Math.max(t0, t);
            } else {
                t1 = Math.min(t1, t);
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {
            t0 == 0 ? x0 : x0 + t0 * ddx, t0 == 0 ? y0 : y0 + t0 * ddy,
            t1 == 1 ? x1 : x0 + t1 * ddx, t1 == 1 ? y1 : y0 + t1 * ddy,
        };
    }

    private static Canvas.Marker classMarker(int k) {
        return CLASS_MARKERS[Math.floorMod(k, CLASS_MARKERS.length)];
    }

    private static void stroke(Graphics2D g, Shape shape, Stroke stroke, Color color) {
        g.setStroke(stroke);
        g.setColor(color);
        g.draw(shape);
    }

    private static void stroke(Graphics2D g, Polyline line, Stroke stroke, Color color) {
        if (line.length() <= SMOOTH_INK) {
            stroke(g, line.path(), stroke, color);
            return;
        }
        // anti-aliasing costs about the area each segment spans, so a path that bounces across the plot thousands
        // of times would take minutes; drawn aliased, the same tangle takes a second and looks no worse
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        stroke(g, line.path(), stroke, color);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    /** A filled marker with a thin white edge, which separates overlapping markers. */
    private static void marker(Graphics2D g, Canvas.Marker kind, double px, double py, double size, Color color) {
        if (!Double.isFinite(px) || !Double.isFinite(py)) {
            return;
        }
        Shape shape = Canvas.marker(kind, px, py, size);
        g.setColor(color);
        g.fill(shape);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(kind == Canvas.Marker.STAR ? 1.2f : 0.8f));
        g.draw(shape);
    }
}
