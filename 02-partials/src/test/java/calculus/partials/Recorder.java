package calculus.partials;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A function of several variables that remembers every point it is evaluated at (a copy of it), for tests that
 * check how many evaluations a method makes and where: only the coordinate that should move may move.
 */
final class Recorder implements ToDoubleFunction<double[]> {

    private final ToDoubleFunction<double[]> f;
    private final List<double[]> points = new ArrayList<>();

    Recorder(ToDoubleFunction<double[]> f) {
        this.f = f;
    }

    @Override
    public double applyAsDouble(double[] x) {
        points.add(x.clone());
        return f.applyAsDouble(x);
    }

    /** How many times the function was evaluated. */
    int count() {
        return points.size();
    }

    /** The points it was evaluated at, in order. */
    List<double[]> points() {
        return points;
    }

    /** Forgets the evaluations so far. */
    void reset() {
        points.clear();
    }

    @Override
    public String toString() {
        return f.toString();
    }
}
