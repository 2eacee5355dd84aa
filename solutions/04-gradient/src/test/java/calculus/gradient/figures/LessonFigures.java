package calculus.gradient.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import calculus.gradient.DirectionalDerivative;
import calculus.gradient.GradientCheck;
import calculus.gradient.LogisticRegressionLoss;
import calculus.gradient.NumericalGradient;
import calculus.gradient.Vectors;
import calculus.grader.TestRandom;
import calculus.oracles.Datasets;
import calculus.plot.Plot;

/**
 * Draws the pictures of lesson 4 ({@code 04-gradient/README.md}) with the reference solution:
 * <ul>
 *   <li>{@code gradient-field.png}: the gradient of a logistic-regression loss as arrows over its contour lines,
 *       every arrow across its contour line at a right angle, pointing uphill;</li>
 *   <li>{@code directional-derivative.png}: the directional derivative at one point as the direction turns a full
 *       circle, largest along the gradient and zero along the contour line;</li>
 *   <li>{@code gradient-check.png}: the relative error of the numerical gradient against the exact one as the
 *       step shrinks, with the truncation and round-off sides of the V and the tolerance 10<sup>−7</sup>.</li>
 * </ul>
 * The data are seeded, so every run draws the same pictures.
 */
public final class LessonFigures {

    /** The seed of the data set every figure uses. */
    private static final long SEED = 4L;
    /** L2 strength of the pictured loss: small, enough to make the bowl closed in every direction. */
    private static final double LAMBDA = 0.05;
    // the window of the contour plot: around the minimum, wide enough to show the bowl's shape
    private static final double W_MIN = -1.2;
    private static final double W_MAX = 3.8;
    private static final double B_MIN = -4.5;
    private static final double B_MAX = 1.5;
    private static final int ARROWS_PER_SIDE = 13;
    // features centred at 1.5 rather than 0 couple w and b (moving w moves every logit by about 1.5 w, which b
    // can undo): the bowl becomes a tilted ellipse, and the arrows visibly do not point at the minimum
    private static final double FEATURE_SHIFT = 1.5;

    private LessonFigures() {
    }

    /**
     * Writes the figures.
     *
     * @param args one argument, the folder to write the PNG files into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LessonFigures <folder for the images>, got " + args.length
                + " arguments");
        }
        Path folder = Path.of(args[0]);
        Datasets.Classification data = shifted(Datasets.logistic(new TestRandom(SEED), 80, new double[] {2.0}, 0.4),
            FEATURE_SHIFT);
        gradientField(data, folder.resolve("gradient-field.png"));
        directionalDerivative(data, folder.resolve("directional-derivative.png"));
        gradientCheck(data, folder.resolve("gradient-check.png"));
    }

    /** The data set with {@code shift} added to every feature. */
    private static Datasets.Classification shifted(Datasets.Classification data, double shift) {
        double[][] x = new double[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {data.x()[i][0] + shift};
        }
        return new Datasets.Classification(x, data.labels(), data.classes());
    }

    /** The loss as a function of the two parameters θ = (w, b) of one-feature logistic regression. */
    private static double loss(Datasets.Classification data, double w, double b) {
        return LogisticRegressionLoss.value(new double[] {w, b}, data.x(), data.labels(), LAMBDA);
    }

    private static double[] gradient(Datasets.Classification data, double[] theta) {
        return LogisticRegressionLoss.gradient(theta, data.x(), data.labels(), LAMBDA);
    }

    /** Contours of the loss, the gradient at a grid of points, and the minimum. */
    private static void gradientField(Datasets.Classification data, Path file) throws IOException {
        List<double[]> tails = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < ARROWS_PER_SIDE; i++) {
            for (int j = 0; j < ARROWS_PER_SIDE; j++) {
                double w = W_MIN + (W_MAX - W_MIN) * (i + 0.5) / ARROWS_PER_SIDE;
                double b = B_MIN + (B_MAX - B_MIN) * (j + 0.5) / ARROWS_PER_SIDE;
                tails.add(new double[] {w, b});
                vectors.add(gradient(data, new double[] {w, b}));
            }
        }
        double[] minimum = minimum(data);
        Plot.create("The gradient of the logistic-regression loss L(w, b)")
            .size(700, 760)
            .xLabel("weight w").yLabel("bias b")
            .xRange(W_MIN, W_MAX).yRange(B_MIN, B_MAX).equalAspect()
            .contour((w, b) -> loss(data, w, b), 14, true)
            .arrows("gradient of L (points uphill)", column(tails, 0), column(tails, 1), column(vectors, 0),
                column(vectors, 1))
            .point("minimum, where the gradient is 0", minimum[0], minimum[1])
            .save(file);
    }

    /**
     * The directional derivative at one point of the loss, against the angle of the direction: a cosine whose peak
     * is at the gradient's angle and whose height is the gradient's length.
     */
    private static void directionalDerivative(Datasets.Classification data, Path file) throws IOException {
        double[] theta = {3.0, 1.0};
        double[] g = gradient(data, theta);
        int samples = 361;
        double[] degrees = new double[samples];
        double[] rate = new double[samples];
        for (int k = 0; k < samples; k++) {
            double angle = Math.toRadians(k);
            degrees[k] = k;
            rate[k] = DirectionalDerivative.fromGradient(g, new double[] {Math.cos(angle), Math.sin(angle)});
        }
        double norm = Vectors.norm(g);
        double[] ascent = DirectionalDerivative.steepestAscent(g);
        double[] descent = DirectionalDerivative.steepestDescent(g);
        double up = Math.floorMod(Math.round(Math.toDegrees(Math.atan2(ascent[1], ascent[0]))), 360);
        double down = Math.floorMod(Math.round(Math.toDegrees(Math.atan2(descent[1], descent[0]))), 360);
        double[] ends = {0, 360};
        Plot.create("Directional derivative of L at (w, b) = (3, 1), direction by direction")
            .size(760, 480)
            .xLabel("angle of the unit direction u (degrees)").yLabel("rate of change of L along u")
            .xRange(0, 360)
            .line("gradient . u", degrees, rate)
            .dashed("+|gradient| and -|gradient|", new double[] {0, 360, Double.NaN, 0, 360},
                new double[] {norm, norm, Double.NaN, -norm, -norm})
            .dashed(null, ends, new double[] {0, 0})
            .point("steepest ascent: u = gradient / |gradient|", up, norm)
            .point("steepest descent: u = -gradient / |gradient|", down, -norm)
            .text(Math.floorMod((long) up + 90, 360), 0.0, "0 along the contour line")
            .save(file);
    }

    /**
     * The relative error of the numerical gradient of the loss against its exact gradient, for steps from
     * 10<sup>−12</sup> to 10<sup>−1</sup>: a V with truncation error (slope 2) on the right and round-off
     * (slope −1) on the left, lowest near the default step.
     */
    private static void gradientCheck(Datasets.Classification data, Path file) throws IOException {
        double[] theta = {3.0, 1.0};
        double[] exact = gradient(data, theta);
        int samples = 67;
        double[] steps = new double[samples];
        double[] errors = new double[samples];
        for (int k = 0; k < samples; k++) {
            double h = Math.pow(10, -12 + 11.0 * k / (samples - 1));
            double[] numerical = NumericalGradient.gradient(t -> loss(data, t[0], t[1]), theta, h);
            steps[k] = h;
            errors[k] = GradientCheck.relativeError(exact, numerical);
        }
        double[] ends = {1e-12, 1e-1};
        double tolerance = GradientCheck.DEFAULT_TOLERANCE;
        double chosen = NumericalGradient.DEFAULT_STEP;
        double[] right = {chosen};
        double[] rightError = {GradientCheck.relativeError(exact,
            NumericalGradient.gradient(t -> loss(data, t[0], t[1]), theta, chosen))};
        Plot.create("Gradient check: numerical against exact gradient of L")
            .size(760, 480)
            .xLabel("step h").yLabel("relative error").logX().logY()
            .xRange(1e-12, 1e-1).yRange(1e-13, 1e-1)
            .line("|numerical - exact| / |exact|", steps, errors)
            .dashed("tolerance 1e-7 of GradientCheck", ends, new double[] {tolerance, tolerance})
            .scatter("DEFAULT_STEP = 1e-5", right, rightError)
            .text(1e-11, 1e-4, "round-off ~ eps |L| / h")
            .text(2e-5, 3e-5, "truncation ~ h^2")
            .save(file);
    }

    /** The minimum of the loss, by plain gradient descent from the origin: the picture's star. */
    private static double[] minimum(Datasets.Classification data) {
        double[] theta = {0, 0};
        for (int step = 0; step < 20_000; step++) {
            theta = Vectors.subtract(theta, Vectors.scale(0.5, gradient(data, theta)));
        }
        return theta;
    }

    private static double[] column(List<double[]> rows, int j) {
        double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows.get(i)[j];
        }
        return c;
    }
}
