package calculus.partials;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The slice of a function of several variables along one coordinate: one variable moves, the others hold still.
 *
 * <p>For <em>f</em>: R<sup><em>n</em></sup> → R, a point <em>x</em> = (<em>x</em><sub>0</sub>, …,
 * <em>x</em><sub><em>n</em>−1</sub>) and a coordinate <em>i</em>, the slice is the function of one variable
 *
 * <p><em>s</em>(<em>t</em>) = <em>f</em>(<em>x</em><sub>0</sub>, …, <em>x</em><sub><em>i</em>−1</sub>,
 * <em>t</em>, <em>x</em><sub><em>i</em>+1</sub>, …, <em>x</em><sub><em>n</em>−1</sub>),
 *
 * <p>the values of <em>f</em> on the line through <em>x</em> parallel to axis <em>i</em>. It passes through
 * <em>f</em>(<em>x</em>) at <em>t</em> = <em>x</em><sub><em>i</em></sub>, and its ordinary derivative there is the
 * partial derivative: <em>s</em>′(<em>x</em><sub><em>i</em></sub>) =
 * &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>).
 * Every partial derivative of this module is a one-variable derivative of a slice.
 *
 * <p>Coordinates are numbered from 0, as Java arrays are.
 */
public final class Slice {

    private Slice() {
    }

    /**
     * The slice of {@code f} through {@code x} along coordinate {@code i}: the function
     * <em>t</em> ↦ <em>f</em>(<em>x</em> with <em>x</em><sub><em>i</em></sub> replaced by <em>t</em>).
     *
     * <p>The slice never changes {@code x}: it copies the point when it is made, so it stays the same line even if
     * the caller later changes {@code x} (an optimiser updating its parameters in place, say). Each evaluation hands
     * {@code f} a fresh array, so a function that keeps or changes its argument cannot move the line either.
     *
     * @param f the function of several variables
     * @param x the point the slice passes through; not changed
     * @param i the coordinate that moves, in [0, {@code x.length})
     * @return the slice <em>s</em>, with <em>s</em>(<em>x</em><sub><em>i</em></sub>) = <em>f</em>(<em>x</em>)
     * @throws IllegalArgumentException if {@code f} or {@code x} is {@code null}, {@code x} is empty or has a NaN or
     *                                  infinite coordinate, or {@code i} is out of range
     */
    public static DoubleUnaryOperator along(ToDoubleFunction<double[]> f, double[] x, int i) {
        // TODO(Task 2.1): return the slice of f through x along coordinate i, which later changes to x must
        //     not move (README.md, "Task 2.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 2.1: Slice.along");
    }
}
