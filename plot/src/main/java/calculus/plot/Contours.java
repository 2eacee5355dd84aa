package calculus.plot;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Contour lines by marching squares: sample <em>f</em> on a grid, and in every grid cell whose corners lie on
 * both sides of a level <em>c</em>, join the points on the cell's edges where linear interpolation between the
 * corners equals <em>c</em>.
 *
 * <p>The lines are exact for a function that is linear along each cell edge, so their error is that of linear
 * interpolation, about <em>h</em><sup>2</sup>/8 times the second derivative for a cell of width <em>h</em>: on a
 * 200 by 200 grid, well below a pixel for any smooth function. Cells with a NaN or infinite corner are left
 * empty. A cell whose four corners alternate sides (a saddle) is resolved by the value at its centre.
 */
final class Contours {

    /** Grid points per side: fine enough that a contour's corners cannot be seen at the default plot size. */
    static final int GRID = 200;

    /**
     * Levels placed geometrically above the minimum span this many decades: enough to show the floor of a valley
     * ten thousand times lower than its walls, as in the Rosenbrock function.
     */
    static final double LOG_DECADES = 4;

    private static final double LINE_WIDTH = 1.1;

    private Contours() {
    }

    /** Draws {@code count} contour lines of {@code f} over the axes' ranges, coloured by level. */
    static void draw(Canvas canvas, DoubleBinaryOperator f, int count, boolean logSpacing, Axis x, Axis y) {
        double[][] z = new double[GRID][GRID];
        double[] xs = new double[GRID];
        double[] ys = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            // uniform in pixels, so a log axis gets as many samples per decade as a linear one per unit
            xs[i] = x.valueAt((double) i / (GRID - 1));
            ys[i] = y.valueAt((double) i / (GRID - 1));
        }
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                z[j][i] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        double[] levels = levels(z, count, logSpacing);
        canvas.graphics().setStroke(Canvas.stroke(LINE_WIDTH));
        for (int k = 0; k < levels.length; k++) {
            Path2D.Double path = new Path2D.Double();
            for (double[] s : segments(z, levels[k])) {
                path.moveTo(x.pixelAt(s[0] / (GRID - 1)), y.pixelAt(s[1] / (GRID - 1)));
                path.lineTo(x.pixelAt(s[2] / (GRID - 1)), y.pixelAt(s[3] / (GRID - 1)));
            }
            canvas.graphics().setColor(Colors.viridis(levels.length == 1 ? 0.5 : (double) k / (levels.length - 1)));
            canvas.graphics().draw(path);
        }
    }

    /**
     * {@code count} levels strictly between the smallest and largest finite value of {@code z}: evenly spaced, or
     * (with {@code logSpacing}) spaced geometrically in their height above the minimum. Empty if {@code z} has
     * fewer than two distinct finite values.
     */
    static double[] levels(double[][] z, int count, boolean logSpacing) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double span = max - min;
        if (!(span > 0) || !Double.isFinite(span)) {
            return new double[0];
        }
        double[] levels = new double[count];
        for (int k = 0; k < count; k++) {
            levels[k] = logSpacing
                ? min + span * Math.pow(10, -LOG_DECADES * (count - k) / count)
                : min + span * (k + 1) / (count + 1);
        }
        return levels;
    }

    /**
     * The contour segments of the grid {@code z} (row {@code j}, column {@code i}) at {@code level}, each as
     * {@code {i0, j0, i1, j1}} in fractional grid coordinates.
     */
    static List<double[]> segments(double[][] z, double level) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j + 1 < z.length; j++) {
            for (int i = 0; i + 1 < z[j].length; i++) {
                cell(z, i, j, level, out);
            }
        }
        return out;
    }

    private static void cell(double[][] z, int i, int j, double level, List<double[]> out) {
        // corners counter-clockwise from the lower left; edge k joins corner k to corner k + 1
        double[] v = {z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]};
        int[][] corner = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
        for (double c : v) {
            if (!Double.isFinite(c)) {
                return;
            }
        }
        List<double[]> crossings = new ArrayList<>(4);
        for (int k = 0; k < 4; k++) {
            int next = (k + 1) % 4;
            if ((v[k] >= level) != (v[next] >= level)) {
                double t = (level - v[k]) / (v[next] - v[k]);
                crossings.add(new double[] {
                    corner[k][0] + t * (corner[next][0] - corner[k][0]),
                    corner[k][1] + t * (corner[next][1] - corner[k][1]),
                });
            }
        }
        if (crossings.size() == 2) {
            out.add(join(crossings.get(0), crossings.get(1)));
        } else if (crossings.size() == 4) {
            // a saddle: if the centre is on the side of corner 0, corners 0 and 2 connect through it and the
            // lines cut off corners 1 and 3 (crossings 0-1 and 2-3); otherwise they cut off corners 0 and 2
            double centre = (v[0] + v[1] + v[2] + v[3]) / 4;
            boolean zeroConnects = (centre >= level) == (v[0] >= level);
            if (zeroConnects) {
                out.add(join(crossings.get(0), crossings.get(1)));
                out.add(join(crossings.get(2), crossings.get(3)));
            } else {
                out.add(join(crossings.get(3), crossings.get(0)));
                out.add(join(crossings.get(1), crossings.get(2)));
            }
        }
    }

    private static double[] join(double[] a, double[] b) {
        return new double[] {a[0], a[1], b[0], b[1]};
    }
}
