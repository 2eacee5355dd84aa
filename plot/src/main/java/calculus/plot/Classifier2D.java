package calculus.plot;

/**
 * A decision rule in the plane: the class predicted at a point, as drawn by {@link Plot#regions}.
 */
@FunctionalInterface
public interface Classifier2D {

    /**
     * The predicted class at (x, y).
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @return the class, 0 to {@code classes - 1} for a plot of that many classes
     */
    int classify(double x, double y);
}
