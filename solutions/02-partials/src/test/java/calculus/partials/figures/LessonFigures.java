package calculus.partials.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;

import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.plot.Plot;
import calculus.partials.Hessian;
import calculus.partials.LineLoss;

/**
 * Draws the pictures of the lesson {@code 02-partials/README.md} with the reference solution: the loss of a line
 * over the (w, b) plane with its two slices and partials, the loss along those slices with their tangents, and the
 * quadratic models of a bowl and a saddle from their Hessians.
 *
 * <p>Run by {@code ./mvnw -q process-test-classes -Dcheck -Pfigures -pl solutions/02-partials -am}, which passes
 * the folder to write into, {@code 02-partials/images}.
 */
public final class LessonFigures {

    /** The seed of the figures' data set: fixed, so that the pictures only change when the code does. */
    private static final long SEED = 2;
    /** The point the slices go through, relative to the best line: w off by more than b, so w matters more. */
    private static final double W_OFFSET = 1.5;
    private static final double B_OFFSET = 0.6;
    /** Half the width of the window around the best line, in both w and b. */
    private static final double WINDOW = 2.5;
    /** The distance between the arrows along each slice, in units of w and b. */
    private static final double ARROW_SPACING = 0.5;

    private LessonFigures() {
    }

    /**
     * Writes the lesson's PNG files.
     *
     * @param args one argument, the folder to write into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LessonFigures <folder for the PNG files>");
        }
        Path folder = Path.of(args[0]);
        Datasets.Regression data = Datasets.line(new TestRandom(SEED), 20, 2.0, 1.0, 0.5);
        LineLoss loss = new LineLoss(data.column(0), data.y());
        double[] best = bestLine(data.column(0), data.y());
        double w0 = best[0] + W_OFFSET;
        double b0 = best[1] + B_OFFSET;
        lossContours(loss, best, w0, b0).save(folder.resolve("loss-contours.png"));
        lossSlices(loss, w0, b0).save(folder.resolve("loss-slices.png"));
        bowl().save(folder.resolve("bowl.png"));
        saddle().save(folder.resolve("saddle.png"));
    }

    /**
     * The loss over the (w, b) plane, the two slices through (w0, b0), and along each slice its partial as arrows:
     * the slope of the slice, pointing uphill along it, and zero where the slice bottoms out.
     */
    private static Plot lossContours(LineLoss loss, double[] best, double w0, double b0) {
        double wLow = best[0] - WINDOW;
        double wHigh = best[0] + WINDOW;
        double bLow = best[1] - WINDOW;
        double bHigh = best[1] + WINDOW;
        // arrows every ARROW_SPACING along both slices, through the point itself; one series, so that all arrows
        // share one scale and their lengths compare
        List<double[]> arrows = new ArrayList<>();
        for (double w = w0 - ARROW_SPACING * Math.floor((w0 - wLow) / ARROW_SPACING); w < wHigh; w += ARROW_SPACING) {
            arrows.add(new double[] {w, b0, loss.partialW(w, b0), 0});
        }
        for (double b = b0 - ARROW_SPACING * Math.floor((b0 - bLow) / ARROW_SPACING); b < bHigh; b += ARROW_SPACING) {
            arrows.add(new double[] {w0, b, 0, loss.partialB(w0, b)});
        }
        double[][] columns = new double[4][arrows.size()];
        for (int k = 0; k < arrows.size(); k++) {
            for (int c = 0; c < 4; c++) {
                columns[c][k] = arrows.get(k)[c];
            }
        }
        double dw = loss.partialW(w0, b0);
        double db = loss.partialB(w0, b0);
        return Plot.create("Squared error of a line y = wx + b on 20 noisy points")
            .size(760, 700)
            .xLabel("slope w").yLabel("intercept b")
            .xRange(wLow, wHigh).yRange(bLow, bHigh).equalAspect()
            .contour(loss::value, 14, false)
            .dashed("slice along w: b held still", new double[] {wLow, wHigh}, new double[] {b0, b0})
            .dashed("slice along b: w held still", new double[] {w0, w0}, new double[] {bLow, bHigh})
            .arrows("\u2202L/\u2202w along one slice, \u2202L/\u2202b along the other", columns[0], columns[1],
                columns[2], columns[3])
            .point("the point (w0, b0)", w0, b0)
            .point("the best line", best[0], best[1])
            .text(w0 + 0.1, b0 - 0.25, String.format(Locale.ROOT, "\u2202L/\u2202w = %.2f, \u2202L/\u2202b = %.2f",
                dw, db));
    }

    /** The loss along each slice through (w0, b0), against how far the one parameter moves, with tangent lines. */
    private static Plot lossSlices(LineLoss loss, double w0, double b0) {
        int samples = 121;
        double reach = 1.5;
        double[] s = new double[samples];
        double[] alongW = new double[samples];
        double[] alongB = new double[samples];
        double[] tangentW = new double[samples];
        double[] tangentB = new double[samples];
        double value = loss.value(w0, b0);
        double dw = loss.partialW(w0, b0);
        double db = loss.partialB(w0, b0);
        for (int k = 0; k < samples; k++) {
            s[k] = -reach + 2 * reach * k / (samples - 1);
            alongW[k] = loss.value(w0 + s[k], b0);
            alongB[k] = loss.value(w0, b0 + s[k]);
            // the tangent of a slice: its value at the point plus the partial times the distance moved
            tangentW[k] = value + dw * s[k];
            tangentB[k] = value + db * s[k];
        }
        return Plot.create("The loss along its two slices through (w0, b0)")
            .size(760, 520)
            .xLabel("distance s that one parameter moves").yLabel("loss L")
            .xRange(-reach, reach).yRange(0, Math.max(max(alongW), max(alongB)))
            .line("L(w0 + s, b0): only w moves", s, alongW)
            .dashed(String.format(Locale.ROOT, "its tangent: slope \u2202L/\u2202w = %.2f", dw), s, tangentW)
            .line("L(w0, b0 + s): only b moves", s, alongB)
            .dashed(String.format(Locale.ROOT, "its tangent: slope \u2202L/\u2202b = %.2f", db), s, tangentB)
            .point("s = 0: the point (w0, b0)", 0, value);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            m = Math.max(m, e);
        }
        return m;
    }

    /** The quadratic model of the line loss on the lesson's three points: its Hessian is positive definite. */
    private static Plot bowl() {
        LineLoss loss = new LineLoss(new double[] {0, 1, 2}, new double[] {1, 3, 5});
        double[][] h = Hessian.of(theta -> loss.value(theta[0], theta[1]), new double[] {2, 1}, 1e-3);
        return quadraticModel(h, "Bowl: the line loss, H = [10/3 2; 2 2]", "w", "b");
    }

    /** The quadratic model of x^2 y + 3y at (2, 5): its Hessian is not positive definite. */
    private static Plot saddle() {
        ToDoubleFunction<double[]> f = p -> p[0] * p[0] * p[1] + 3 * p[1];
        double[][] h = Hessian.of(f, new double[] {2, 5}, 1e-3);
        return quadraticModel(h, "Saddle: x\u00b2y + 3y at (2, 5), H = [10 4; 4 0]", "x", "y");
    }

    /**
     * Contours of the quadratic model ½ d'Hd of a symmetric 2 x 2 matrix around a point, with its two principal
     * directions (the eigenvectors), each labelled by whether the function curves up or down along it.
     */
    private static Plot quadraticModel(double[][] h, String title, String first, String second) {
        double a = h[0][0];
        double b = h[0][1];
        double c = h[1][1];
        DoubleBinaryOperator model = (x, y) -> 0.5 * (a * x * x + 2 * b * x * y + c * y * y);
        // contour sign(q) sqrt(|q|) instead of q: the same curves (a monotone function of q has the same level
        // sets), but levels spaced evenly in distance, so the flat and the steep directions both get lines
        DoubleBinaryOperator spread = (x, y) -> {
            double q = model.applyAsDouble(x, y);
            return Math.signum(q) * Math.sqrt(Math.abs(q));
        };
        // eigenvalues of [a b; b c]: the mean of the diagonal plus or minus the radius of Mohr's circle
        double mean = 0.5 * (a + c);
        double radius = Math.hypot(0.5 * (a - c), b);
        double[] lambdas = {mean + radius, mean - radius};
        Plot plot = Plot.create(title)
            .size(540, 540)
            .xLabel("how far " + first + " moves").yLabel("how far " + second + " moves")
            // the lines below reach 1 from the centre: the margin beyond it leaves the legend a place off them
            .xRange(-1.5, 1.5).yRange(-1.5, 1.5).equalAspect()
            .contour(spread, 16, false);
        for (double lambda : lambdas) {
            // (b, lambda - a) is an eigenvector of [a b; b c] for the eigenvalue lambda (b != 0 here)
            double vx = b;
            double vy = lambda - a;
            double norm = Math.hypot(vx, vy);
            vx /= norm;
            vy /= norm;
            String label = String.format(Locale.ROOT, "%s along this line (eigenvalue %.2f)",
                lambda > 0 ? "curves up" : "curves down", lambda);
            plot.dashed(label, new double[] {-vx, vx}, new double[] {-vy, vy});
        }
        plot.point(Hessian.isPositiveDefinite(h) ? "a minimum: H is positive definite"
            : "a saddle point: H is not positive definite", 0, 0);
        return plot;
    }

    /** The least-squares line of the data, from the normal equations: {slope, intercept}. */
    private static double[] bestLine(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int k = 0; k < n; k++) {
            meanX += x[k] / n;
            meanY += y[k] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int k = 0; k < n; k++) {
            covariance += (x[k] - meanX) * (y[k] - meanY);
            variance += (x[k] - meanX) * (x[k] - meanX);
        }
        double slope = covariance / variance;
        return new double[] {slope, meanY - slope * meanX};
    }
}
