package calculus.descent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import calculus.plot.Plot;

/**
 * Draws the paths your optimizers took on the Rosenbrock function during the graded run, so that you can see what
 * your code did: {@code trajectories.png} in the grader's output folder ({@code target/grading/}).
 *
 * <p>The tests {@link #record} the paths they run; the picture is drawn once, after the last test. Drawing is a
 * courtesy, never part of the grade: it catches every problem, draws nothing when no path was recorded (the code
 * is still TODO), and prints one line saying where the picture is.
 */
final class TrajectoryPicture implements BeforeAllCallback {

    /** The picture's file name, in the grader's output folder. */
    static final String FILE = "trajectories.png";
    /** Where the picture goes when the build does not say (an IDE run): the module's target/grading. */
    static final Path DEFAULT_FOLDER = Path.of("target", "grading");
    /** Drawing more points than this per path shows nothing more; longer paths are thinned to about this many. */
    static final int MOST_POINTS = 600;

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(TrajectoryPicture.class);
    private static final List<Recorded> PATHS = new ArrayList<>();

    private record Recorded(String label, double[] x, double[] y) {
    }

    /**
     * Keeps a path for the picture; never throws.
     *
     * @param label  the legend entry
     * @param points the points, each (x, y)
     */
    static void record(String label, List<double[]> points) {
        try {
            int stride = Math.max(1, points.size() / MOST_POINTS);
            List<double[]> kept = new ArrayList<>();
            for (int k = 0; k < points.size(); k += stride) {
                kept.add(points.get(k));
            }
            if ((points.size() - 1) % stride != 0) {
                // always keep the end: where the optimizer stopped is the point of the picture
                kept.add(points.get(points.size() - 1));
            }
            double[] x = new double[kept.size()];
            double[] y = new double[kept.size()];
            for (int k = 0; k < kept.size(); k++) {
                x[k] = kept.get(k)[0];
                y[k] = kept.get(k)[1];
            }
            synchronized (PATHS) {
                PATHS.add(new Recorded(label, x, y));
            }
        } catch (RuntimeException | Error e) {
            // a path that cannot be kept is left out of the picture, nothing more
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            // stored at the root, the drawing is closed (drawn) once, when every test class has finished
            context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Drawing.class, key -> new Drawing(folder(context)), Drawing.class);
        } catch (RuntimeException | Error e) {
            // no picture then; the tests run as ever
        }
    }

    private static Path folder(ExtensionContext context) {
        return context.getConfigurationParameter("calculus.grader.output")
            .map(String::strip)
            .filter(s -> !s.isEmpty() && !s.startsWith("${"))
            .map(Path::of)
            .orElse(DEFAULT_FOLDER);
    }

    /** The picture, drawn when JUnit closes the root store at the end of the run. */
    private static final class Drawing implements AutoCloseable {

        private final Path folder;

        Drawing(Path folder) {
            this.folder = folder;
        }

        @Override
        public void close() {
            List<Recorded> paths;
            synchronized (PATHS) {
                paths = new ArrayList<>(PATHS);
                PATHS.clear();
            }
            if (paths.isEmpty()) {
                return;
            }
            Path file = folder.resolve(FILE).toAbsolutePath();
            try {
                Plot plot = Plot.create("Your optimizers on the Rosenbrock function")
                    .xLabel("x").yLabel("y")
                    .xRange(-2, 2).yRange(-1, 3)
                    .contour(TestObjectives::rosenbrock, 30, true);
                for (Recorded p : paths) {
                    plot.path(p.label(), p.x(), p.y());
                }
                plot.point("minimum (1, 1)", 1, 1).save(file);
                System.out.println("[grading] the paths of your optimizers on the Rosenbrock function: " + file);
            } catch (Throwable t) {
                // the picture is a courtesy: whatever goes wrong (no fonts, no disk), the grade is not affected
                System.out.println("[grading] no picture of your optimizers' paths (" + t + ")");
            }
        }
    }
}
