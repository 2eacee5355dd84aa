package calculus.derivatives.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import calculus.derivatives.CentralDifference;
import calculus.derivatives.OneSidedDifference;
import calculus.derivatives.RichardsonExtrapolation;
import calculus.derivatives.SecantSlope;
import calculus.derivatives.TangentLine;
import calculus.plot.Plot;

/**
 * Draws the pictures of lesson 1 ({@code 01-derivatives/README.md}) with the reference solution:
 *
 * <ul>
 *   <li>{@code secant-to-tangent.png}: secants of sin through x = 0.5 and 0.5 + h, turning into the tangent as h
 *       shrinks;</li>
 *   <li>{@code error-vs-step.png}: the error of the forward, central and Richardson differences of sin at 1 against
 *       the step h, on log-log axes: truncation error falling with slopes 1, 2 and 4, round-off error rising like
 *       eps/h, and the best step of each method.</li>
 * </ul>
 *
 * <p>Run through Maven (see docs/authoring.md, "Figures"), with the folder to write into as the only argument.
 */
public final class LessonFigures {

    /** The gap between 1 and the next double. */
    private static final double EPS = Math.ulp(1.0);
    /** The slope guides are drawn this factor below the truncation errors they follow. */
    private static final double GUIDE_OFFSET = 0.1;

    private LessonFigures() {
    }

    /**
     * Writes the lesson's PNGs.
     *
     * @param args the folder to write into, {@code 01-derivatives/images}
     * @throws IOException if a picture cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LessonFigures <folder for the PNGs>");
        }
        Path folder = Paths.get(args[0]);
        secantToTangent(folder.resolve("secant-to-tangent.png"));
        errorVersusStep(folder.resolve("error-vs-step.png"));
    }

    /** Secants of sin through a = 0.5 and a + h for shrinking h, and the tangent at a they turn into. */
    static void secantToTangent(Path png) throws IOException {
        DoubleUnaryOperator f = Math::sin;
        double a = 0.5;
        double left = -0.5;
        double right = 3.5;
        double[] x = grid(left, right, 200);
        Plot plot = Plot.create("Secants turn into the tangent as h shrinks")
            .xLabel("x").yLabel("y").xRange(left, right).yRange(-0.6, 1.6)
            .line("f(x) = sin x", x, map(f, x));
        double[] steps = {2.5, 1.5, 0.75, 0.25};
        double[] endX = new double[steps.length];
        double[] endY = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double slope = SecantSlope.slope(f, a, a + steps[i]);
            plot.dashed(String.format(Locale.ROOT, "secant, h = %.2f: slope %.3f", steps[i], slope), x,
                line(f.applyAsDouble(a), slope, a, x));
            endX[i] = a + steps[i];
            endY[i] = f.applyAsDouble(endX[i]);
        }
        TangentLine tangent = TangentLine.at(f, Math::cos, a);
        plot.line(String.format(Locale.ROOT, "tangent: slope f'(0.5) = cos 0.5 = %.3f", tangent.slope()), x,
            map(tangent::valueAt, x));
        plot.scatter("(a + h, f(a + h))", endX, endY);
        plot.point("(a, f(a)), a = 0.5", a, tangent.y0());
        plot.save(png);
    }

    /**
     * The error of three difference quotients of sin at 1, for steps from 1e-16 to 1. Each falls with its order
     * until round-off, about eps |f| / h, takes over; the best step is where the two meet.
     */
    static void errorVersusStep(Path png) throws IOException {
        DoubleUnaryOperator f = Math::sin;
        double x0 = 1.0;
        double exact = Math.cos(x0);
        int n = 241;
        double[] h = new double[n];
        double[] forward = new double[n];
        double[] central = new double[n];
        double[] richardson = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = Math.pow(10, -16 + 16.0 * i / (n - 1));
            forward[i] = Math.abs(OneSidedDifference.forward(f, x0, h[i]) - exact);
            central[i] = Math.abs(CentralDifference.derivative(f, x0, h[i]) - exact);
            richardson[i] = Math.abs(RichardsonExtrapolation.derivative(f, x0, h[i]) - exact);
        }
        Plot plot = Plot.create("Error of difference quotients of sin at x = 1")
            .xLabel("step h").yLabel("|error|").logX().logY().xRange(1e-16, 1).yRange(1e-16, 10)
            .line("forward (f(x+h) - f(x)) / h", h, forward)
            .line("central (f(x+h) - f(x-h)) / 2h", h, central)
            .line("Richardson (4 D(h/2) - D(h)) / 3", h, richardson);
        // guides parallel to the leading truncation terms (h/2)|f''|, (h^2/6)|f'''| and (h^4/480)|f^(5)| of sin
        // at 1, drawn a decade below them so that they do not hide the curves
        plot.dashed("slope 1", decades(-8, 0), power(decades(-8, 0), 1, GUIDE_OFFSET * Math.sin(x0) / 2));
        plot.dashed("slope 2", decades(-6, 0), power(decades(-6, 0), 2, GUIDE_OFFSET * Math.cos(x0) / 6));
        plot.dashed("slope 4", decades(-3.5, 0), power(decades(-3.5, 0), 4, GUIDE_OFFSET * Math.cos(x0) / 480));
        plot.dashed("round-off, about eps |f(x)| / h: slope -1", decades(-16, -4), power(decades(-16, -4), -1,
            EPS * Math.sin(x0)));
        markBest(plot, "forward", h, forward);
        markBest(plot, "central", h, central);
        markBest(plot, "Richardson", h, richardson);
        plot.save(png);
    }

    /**
     * Marks the best step and labels it: the step whose error is smallest once round-off's luck is smoothed away.
     * Near the best step the rounding errors of f(x + h) and f(x) sometimes cancel, and the error dips far below
     * what that step gives in general; so each step is judged by the largest error within half a decade around it
     * (the envelope), and the star sits on that envelope, not on a lucky dip.
     */
    private static void markBest(Plot plot, String method, double[] h, double[] error) {
        int window = 7; // 15 steps a decade: half a decade on each side
        int best = -1;
        double bestEnvelope = Double.POSITIVE_INFINITY;
        for (int i = window; i < h.length - window; i++) {
            double envelope = 0;
            for (int j = i - window; j <= i + window; j++) {
                envelope = Math.max(envelope, error[j]);
            }
            if (envelope > 0 && envelope < bestEnvelope) {
                bestEnvelope = envelope;
                best = i;
            }
        }
        plot.point(null, h[best], bestEnvelope);
        plot.text(h[best], bestEnvelope / 6, String.format(Locale.ROOT, "best %s: h = %.0e", method, h[best]));
    }

    private static double[] grid(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
        }
        return x;
    }

    /** Points spread evenly in log scale from 10^from to 10^to. */
    private static double[] decades(double from, double to) {
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, from + (to - from) * i / (x.length - 1));
        }
        return x;
    }

    private static double[] power(double[] h, double p, double c) {
        double[] y = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            y[i] = c * Math.pow(h[i], p);
        }
        return y;
    }

    private static double[] map(DoubleUnaryOperator f, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    /** The line through (a, fa) with the given slope, at the points x. */
    private static double[] line(double fa, double slope, double a, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = fa + slope * (x[i] - a);
        }
        return y;
    }
}
