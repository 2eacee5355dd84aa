package calculus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node-and-edge diagram, drawn to a PNG image: rounded boxes of text joined by labelled arrows, such as a
 * computational graph with each node's value and each edge's local derivative.
 *
 * <pre>{@code
 * Diagram.create("f = (a + b) * b")
 *     .node("a", "a\nvalue = 2", 0.0, 0.2)
 *     .node("b", "b\nvalue = 3", 0.0, 0.8)
 *     .node("s", "a + b\nvalue = 5", 0.5, 0.2)
 *     .node("f", "s * b\nvalue = 15", 1.0, 0.5)
 *     .edge("a", "s", "∂s/∂a = 1")
 *     ...
 *     .save(Path.of("images/graph.png"));
 * }</pre>
 *
 * <p>Nodes are placed by hand, by the centre of their box as a fraction of the drawing area: (0, 0) is the top
 * left, (1, 1) the bottom right. The drawing area is inset by the size of the largest box, so a box at 0 or 1 is
 * never cut off. Each box is sized to its text; its first line is bold, later lines are smaller and grey. An edge is
 * an arrow from the border of one box to the border of the other, with its label on a white backdrop at its middle;
 * two edges between the same nodes in opposite directions are drawn side by side. Drawing runs headless and never
 * fails for cosmetic reasons.
 *
 * <p>A diagram is a mutable builder and not thread-safe.
 */
public final class Diagram {

    static {
        Canvas.useHeadless();
    }

    private static final double TITLE_SIZE = 17;
    private static final double HEAD_SIZE = 15;
    private static final double BODY_SIZE = 14;
    private static final double EDGE_LABEL_SIZE = 14;
    private static final double MARGIN = 16;
    private static final double PAD_X = 16;
    private static final double PAD_Y = 11;
    private static final double RADIUS = 12;
    // the gap between an arrow's ends and the boxes, so the arrowhead does not touch the border
    private static final double GAP = 3;
    private static final double HEAD_LENGTH = 11;
    private static final double HEAD_WIDTH = 8;
    // how far apart two opposite edges between the same nodes are drawn
    private static final double TWIN_OFFSET = 7;
    private static final Color NODE_FILL = new Color(0xeef4fa);
    private static final Color NODE_BORDER = Colors.cycle(0);
    private static final Color EDGE_COLOR = new Color(0x5a5a5a);
    private static final Color EDGE_LABEL = new Color(0xa84300);

    private final String title;
    private int width = Plot.DEFAULT_WIDTH;
    private int height = Plot.DEFAULT_HEIGHT;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private record Node(String id, String[] lines, double x, double y) {
    }

    private record Edge(String from, String to, String label) {
    }

    /** A node's box, laid out. */
    private record Box(double cx, double cy, double halfWidth, double halfHeight) {
    }

    private Diagram(String title) {
        this.title = title == null ? "" : title;
    }

    /**
     * A new, empty diagram of 800 by 560 pixels.
     *
     * @param title the title drawn above the diagram; null or empty for none
     * @return the new diagram
     */
    public static Diagram create(String title) {
        return new Diagram(title);
    }

    /**
     * Sets the image size.
     *
     * @param width the width in pixels, 1 to {@value Plot#MAX_SIZE}
     * @param height the height in pixels, 1 to {@value Plot#MAX_SIZE}
     * @return this diagram
     * @throws IllegalArgumentException if a size is not positive or is above {@value Plot#MAX_SIZE}
     */
    public Diagram size(int width, int height) {
        Plot.checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Adds a node: a rounded box of text centred at (x, y), as fractions of the drawing area from its top left.
     *
     * @param id the name edges refer to it by; not blank, and not used by another node
     * @param label the text, with {@code \n} between lines (for example {@code "a * b\nvalue = 6.0"})
     * @param x the horizontal position, 0 (left) to 1 (right)
     * @param y the vertical position, 0 (top) to 1 (bottom)
     * @return this diagram
     * @throws IllegalArgumentException if {@code id} is blank or taken, {@code label} is null, or a position is
     *     outside [0, 1]
     */
    public Diagram node(String id, String label, double x, double y) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must name the node, got id = " + (id == null ? "null" : "'" + id
                + "'"));
        }
        if (nodes.containsKey(id)) {
            throw new IllegalArgumentException("id must be unique, got a second node with id = '" + id + "'");
        }
        if (label == null) {
            throw new IllegalArgumentException("label must be a string, got label = null for node '" + id + "'");
        }
        checkFraction("x", x);
        checkFraction("y", y);
        nodes.put(id, new Node(id, label.split("\n", -1), x, y));
        return this;
    }

    private static void checkFraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 (a fraction of the drawing area), got "
                + name + " = " + v);
        }
    }

    /**
     * Adds an arrow from one node to another, both already added.
     *
     * @param from the id of the node the arrow starts at
     * @param to the id of the node the arrow points to, not {@code from}
     * @param label the text at the middle of the arrow; null or empty for none
     * @return this diagram
     * @throws IllegalArgumentException if {@code from} or {@code to} names no node, or they are the same
     */
    public Diagram edge(String from, String to, String label) {
        checkNode("from", from);
        checkNode("to", to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("from and to must differ, got from = to = '" + from + "'");
        }
        edges.add(new Edge(from, to, label == null ? "" : label));
        return this;
    }

    private void checkNode(String name, String id) {
        if (id == null || !nodes.containsKey(id)) {
            throw new IllegalArgumentException(name + " must be the id of a node added before, got " + name + " = "
                + (id == null ? "null" : "'" + id + "'") + "; the nodes are " + nodes.keySet());
        }
    }

    /**
     * Draws the diagram and writes it as a PNG file, creating its folder if needed.
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
     * Draws the diagram.
     *
     * @return a new RGB image of the diagram's size
     */
    public BufferedImage render() {
        Canvas canvas = new Canvas(width, height);
        Font head = Canvas.font(HEAD_SIZE, true);
        Font body = Canvas.font(BODY_SIZE, false);
        double top = MARGIN;
        if (!title.isEmpty()) {
            Font titleFont = canvas.fitted(title, TITLE_SIZE, false, width - 2 * MARGIN);
            double cap = canvas.capHeight(titleFont);
            canvas.text(canvas.shorten(title, titleFont, width - 2 * MARGIN), titleFont, Colors.INK, width / 2.0,
                MARGIN, 0.5, 0);
            top = 2 * MARGIN + cap;
        }
        Map<String, Box> boxes = layout(canvas, head, body, top);
        for (Edge e : edges) {
            drawEdge(canvas, e, boxes);
        }
        for (Node n : nodes.values()) {
            drawNode(canvas, n, boxes.get(n.id()), head, body);
        }
        for (Edge e : edges) {
            drawEdgeLabel(canvas, e, boxes);
        }
        canvas.graphics().dispose();
        return canvas.image();
    }

    /** Each node's box: sized to its text, placed in the area that keeps the largest box inside the image. */
    private Map<String, Box> layout(Canvas canvas, Font head, Font body, double top) {
        Map<String, double[]> sizes = new LinkedHashMap<>();
        double maxHalfWidth = 0;
        double maxHalfHeight = 0;
        for (Node n : nodes.values()) {
            double w = 0;
            for (int i = 0; i < n.lines().length; i++) {
                w = Math.max(w, canvas.width(n.lines()[i], i == 0 ? head : body));
            }
            double halfWidth = w / 2 + PAD_X;
            double halfHeight = textHeight(canvas, n, head, body) / 2 + PAD_Y;
            sizes.put(n.id(), new double[] {halfWidth, halfHeight});
            maxHalfWidth = Math.max(maxHalfWidth, halfWidth);
            maxHalfHeight = Math.max(maxHalfHeight, halfHeight);
        }
        double left = MARGIN + maxHalfWidth;
        double areaWidth = Math.max(0, width - 2 * left);
        double areaTop = top + maxHalfHeight;
        double areaHeight = Math.max(0, height - MARGIN - maxHalfHeight - areaTop);
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Node n : nodes.values()) {
            double[] s = sizes.get(n.id());
            // centres on pixel centres: a horizontal or vertical edge between them is then crisp, not two grey rows
            double cx = Canvas.crisp(left + n.x() * areaWidth);
            double cy = Canvas.crisp(areaTop + n.y() * areaHeight);
            boxes.put(n.id(), new Box(cx, cy, s[0], s[1]));
        }
        return boxes;
    }

    /** From the top of the first line's capitals to the baseline of the last line. */
    private static double textHeight(Canvas canvas, Node n, Font head, Font body) {
        return canvas.capHeight(head) + (n.lines().length - 1) * canvas.lineHeight(body);
    }

    private void drawNode(Canvas canvas, Node n, Box b, Font head, Font body) {
        Graphics2D g = canvas.graphics();
        RoundRectangle2D shape = new RoundRectangle2D.Double(b.cx() - b.halfWidth(), b.cy() - b.halfHeight(),
            2 * b.halfWidth(), 2 * b.halfHeight(), RADIUS, RADIUS);
        g.setColor(NODE_FILL);
        g.fill(shape);
        g.setColor(NODE_BORDER);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(shape);
        double y = b.cy() - textHeight(canvas, n, head, body) / 2;
        canvas.text(n.lines()[0], head, Colors.INK, b.cx(), y, 0.5, 0);
        double baseline = y + canvas.capHeight(head);
        for (int i = 1; i < n.lines().length; i++) {
            baseline += canvas.lineHeight(body);
            canvas.text(n.lines()[i], body, Colors.MUTED, b.cx(), baseline, 0.5, 1);
        }
    }

    /** The visible part of an edge, from box border to box border, or null if the boxes overlap. */
    private double[] segment(Edge e, Map<String, Box> boxes) {
        Box a = boxes.get(e.from());
        Box b = boxes.get(e.to());
        double dx = b.cx() - a.cx();
        double dy = b.cy() - a.cy();
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return null;
        }
        double shift = twinned(e) ? TWIN_OFFSET : 0;
        // a twin runs parallel, shifted to its own right, so the two opposite arrows stay apart
        double ox = -dy / length * shift;
        double oy = dx / length * shift;
        double leave = exit(a, dx, dy);
        double enter = 1 - exit(b, -dx, -dy);
        if (leave >= enter) {
            return null;
        }
        return new double[] {
            a.cx() + ox + leave * dx, a.cy() + oy + leave * dy, a.cx() + ox + enter * dx, a.cy() + oy + enter * dy,
        };
    }

    /** The fraction of (dx, dy) at which a ray from the box's centre leaves the box (plus the gap). */
    private static double exit(Box box, double dx, double dy) {
        double tx = dx == 0 ? Double.POSITIVE_INFINITY : (box.halfWidth() + GAP) / Math.abs(dx);
        double ty = dy == 0 ? Double.POSITIVE_INFINITY : (box.halfHeight() + GAP) / Math.abs(dy);
        return Math.min(tx, ty);
    }

    private boolean twinned(Edge e) {
        for (Edge other : edges) {
            if (other.from().equals(e.to()) && other.to().equals(e.from())) {
                return true;
            }
        }
        return false;
    }

    private void drawEdge(Canvas canvas, Edge e, Map<String, Box> boxes) {
        double[] s = segment(e, boxes);
        if (s == null) {
            return;
        }
        Graphics2D g = canvas.graphics();
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double length = Math.hypot(dx, dy);
        double head = Math.min(HEAD_LENGTH, 0.5 * length);
        // the shaft ends inside the head, so its round cap does not poke through the tip
        double shaft = (length - 0.6 * head) / length;
        g.setColor(EDGE_COLOR);
        g.setStroke(Canvas.stroke(1.5));
        g.draw(new Line2D.Double(s[0], s[1], s[0] + shaft * dx, s[1] + shaft * dy));
        g.fill(Canvas.arrowHead(s[2], s[3], dx, dy, head, head * HEAD_WIDTH / HEAD_LENGTH));
    }

    private void drawEdgeLabel(Canvas canvas, Edge e, Map<String, Box> boxes) {
        double[] s = segment(e, boxes);
        if (s == null || e.label().isEmpty()) {
            return;
        }
        Font font = Canvas.font(EDGE_LABEL_SIZE, false);
        double w = canvas.width(e.label(), font);
        double cap = canvas.capHeight(font);
        double cx = (s[0] + s[2]) / 2;
        double cy = (s[1] + s[3]) / 2;
        canvas.backdrop(new Rectangle2D.Double(cx - w / 2 - 5, cy - cap / 2 - 5, w + 10, cap + 10), Color.WHITE,
            null, 6);
        canvas.text(e.label(), font, EDGE_LABEL, cx, cy, 0.5, 0.5);
    }
}
