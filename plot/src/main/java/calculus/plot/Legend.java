package calculus.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The legend: a box of entries (glyph and label) placed where it hides the least data.
 *
 * <p>Like matplotlib's {@code loc="best"}, it tries the four corners of the plot and then the middles of its
 * sides, counts the drawn pixels of data each candidate box would cover, and takes the first with the fewest. If
 * every place covers data (a vector field fills the plot) and the image has room right of the plot, as an
 * equal-aspect plot often has, the legend goes there instead, outside the plot.
 */
final class Legend {

    static final double FONT_SIZE = 13;
    private static final double GLYPH_WIDTH = 30;
    private static final double GAP = 8;
    private static final double PAD_X = 10;
    private static final double PAD_Y = 7;
    private static final double ROW = 21;
    // distance from the plot frame, so the box never touches an axis
    private static final double INSET = 10;
    private static final double SAMPLE_STEP = 4;
    private static final Color BORDER = new Color(0xcccccc);

    private Legend() {
    }

    /** Draws {@code entries} in the least crowded place of {@code area}, given the data's samples. */
    static void draw(Canvas canvas, List<Series.Entry> entries, Rectangle2D area, Occupancy occupied) {
        if (entries.isEmpty()) {
            return;
        }
        Font font = Canvas.font(FONT_SIZE, false);
        double labelWidth = 0;
        for (Series.Entry e : entries) {
            labelWidth = Math.max(labelWidth, canvas.width(e.label(), font));
        }
        double w = 2 * PAD_X + GLYPH_WIDTH + GAP + labelWidth;
        double h = 2 * PAD_Y + ROW * entries.size();
        Rectangle2D box = best(area, w, h, occupied, canvas.image().getWidth());
        canvas.backdrop(box, Colors.alpha(Color.WHITE, 0.88), BORDER, 6);
        for (int i = 0; i < entries.size(); i++) {
            Series.Entry e = entries.get(i);
            double yc = box.getY() + PAD_Y + ROW * (i + 0.5);
            e.series().drawGlyph(canvas, e, box.getX() + PAD_X, yc, GLYPH_WIDTH);
            canvas.text(e.label(), font, Colors.INK, box.getX() + PAD_X + GLYPH_WIDTH + GAP, yc, 0, 0.5);
        }
    }

    /**
     * The candidate box of size w by h that covers the fewest occupied pixels, corners winning ties; or a box
     * right of the plot if every candidate covers some and the image is wide enough.
     */
    static Rectangle2D best(Rectangle2D area, double w, double h, Occupancy occupied, double imageWidth) {
        double left = area.getMinX() + INSET;
        double right = area.getMaxX() - INSET - w;
        double top = area.getMinY() + INSET;
        double bottom = area.getMaxY() - INSET - h;
        double centreX = area.getCenterX() - w / 2;
        double centreY = area.getCenterY() - h / 2;
        double[][] candidates = {
            {right, top}, {left, top}, {left, bottom}, {right, bottom},
            {centreX, top}, {centreX, bottom}, {right, centreY}, {left, centreY},
        };
        Rectangle2D best = null;
        long fewest = Long.MAX_VALUE;
        for (double[] c : candidates) {
            Rectangle2D box = new Rectangle2D.Double(c[0], c[1], w, h);
            // a little margin around the box: data that touches the border looks covered too
            Rectangle2D zone = new Rectangle2D.Double(c[0] - 4, c[1] - 4, w + 8, h + 8);
            long covered = occupied.count(zone);
            if (covered < fewest) {
                fewest = covered;
                best = box;
            }
        }
        if (fewest > 0 && area.getMaxX() + INSET + w + 4 <= imageWidth) {
            return new Rectangle2D.Double(area.getMaxX() + INSET, area.getMinY(), w, h);
        }
        return best;
    }

    /**
     * Which small cells of the plot area hold data. A grid rather than a list of points, so that a trajectory of
     * a hundred thousand long steps costs no more memory than a short one.
     */
    static final class Occupancy {

        private final Rectangle2D area;
        private final int columns;
        private final int rows;
        private final boolean[] cells;

        Occupancy(Rectangle2D area) {
            this.area = area;
            this.columns = (int) Math.ceil(area.getWidth() / SAMPLE_STEP) + 1;
            this.rows = (int) Math.ceil(area.getHeight() / SAMPLE_STEP) + 1;
            this.cells = new boolean[columns * rows];
        }

        /** The plot area this grid covers. */
        Rectangle2D area() {
            return area;
        }

        /** How finely lines must be sampled to mark every cell they cross, in pixels. */
        double step() {
            return SAMPLE_STEP;
        }

        /** Marks the cell of pixel (px, py), if it is inside the plot area. */
        void mark(double px, double py) {
            if (area.contains(px, py)) {
                cells[row(py) * columns + column(px)] = true;
            }
        }

        /** Marks every cell that {@code box} overlaps. */
        void mark(Rectangle2D box) {
            for (double y = box.getMinY(); y <= box.getMaxY() + SAMPLE_STEP; y += SAMPLE_STEP) {
                for (double x = box.getMinX(); x <= box.getMaxX() + SAMPLE_STEP; x += SAMPLE_STEP) {
                    mark(Math.min(x, box.getMaxX()), Math.min(y, box.getMaxY()));
                }
            }
        }

        /** The number of marked cells whose centre lies in {@code zone}. */
        long count(Rectangle2D zone) {
            long n = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double x = area.getMinX() + (c + 0.5) * SAMPLE_STEP;
                    double y = area.getMinY() + (r + 0.5) * SAMPLE_STEP;
                    if (cells[r * columns + c] && zone.contains(x, y)) {
                        n++;
                    }
                }
            }
            return n;
        }

        private int column(double px) {
            return Math.min(columns - 1, (int) ((px - area.getMinX()) / SAMPLE_STEP));
        }

        private int row(double py) {
            return Math.min(rows - 1, (int) ((py - area.getMinY()) / SAMPLE_STEP));
        }
    }
}
