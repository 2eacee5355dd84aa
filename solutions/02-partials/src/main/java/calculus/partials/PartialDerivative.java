package calculus.partials;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The partial derivative &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub> by a central difference.
 *
 * <p>The partial derivative of <em>f</em>: R<sup><em>n</em></sup> → R along coordinate <em>i</em> at <em>x</em> is
 * the ordinary derivative of the {@linkplain Slice slice} through <em>x</em> along <em>i</em>:
 *
 * <p>&part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>) = lim<sub><em>h</em>→0</sub>
 * [<em>f</em>(<em>x</em> + <em>h</em><em>e</em><sub><em>i</em></sub>) − <em>f</em>(<em>x</em>)] / <em>h</em>,
 *
 * <p>where <em>e</em><sub><em>i</em></sub> is the unit vector along axis <em>i</em>: only coordinate <em>i</em>
 * moves. The central difference
 *
 * <p>&part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>) ≈
 * [<em>f</em>(<em>x</em> + <em>h</em><em>e</em><sub><em>i</em></sub>) −
 * <em>f</em>(<em>x</em> − <em>h</em><em>e</em><sub><em>i</em></sub>)] / 2<em>h</em>
 *
 * <p>has truncation error <em>h</em><sup>2</sup>
 * |&part;<sup>3</sup><em>f</em>/&part;<em>x</em><sub><em>i</em></sub><sup>3</sup>| / 6
 * (halving <em>h</em> divides it by 4: order 2) and round-off error about ε |<em>f</em>| / <em>h</em>, with
 * ε ≈ 2.2·10<sup>−16</sup>. The two balance near <em>h</em> ≈ ε<sup>1/3</sup> ≈ 6·10<sup>−6</sup> for a function
 * of scale 1, where the partial is good to about 10<sup>−10</sup>; a much smaller step makes it worse, not better.
 */
public final class PartialDerivative {

    private PartialDerivative() {
    }

    /**
     * &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>) by the central difference
     * [<em>f</em>(<em>x</em> + <em>h</em><em>e</em><sub><em>i</em></sub>) −
     * <em>f</em>(<em>x</em> − <em>h</em><em>e</em><sub><em>i</em></sub>)] / 2<em>h</em>: exactly two evaluations of
     * {@code f}, at points that differ from {@code x} in coordinate {@code i} only.
     *
     * @param f the function of several variables
     * @param x the point; not changed
     * @param i the coordinate to differentiate along, in [0, {@code x.length})
     * @param h the step, positive and finite; about 10<sup>−5</sup> for a function of scale 1
     * @return the central-difference approximation of
     *     &part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>(<em>x</em>)
     * @throws IllegalArgumentException if {@code f} or {@code x} is {@code null}, {@code x} is empty or has a NaN or
     *                                  infinite coordinate, {@code i} is out of range, or {@code h} is not positive
     *                                  and finite
     */
    public static double partial(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
        // BEGIN SOLUTION Task 2.2: return the central-difference estimate of the partial derivative of f along
        //     coordinate i at x (README.md, "Task 2.2"); reject bad input as the Javadoc's @throws says
        DoubleUnaryOperator slice = Slice.along(f, x, i);
        Checks.requirePositive(h, "h");
        double up = x[i] + h;
        double down = x[i] - h;
        // divide by the distance actually stepped: x[i] + h and x[i] - h are rounded, and dividing by their true
        // distance instead of 2h keeps that rounding out of the quotient
        return (slice.applyAsDouble(up) - slice.applyAsDouble(down)) / (up - down);
        // END SOLUTION
    }
}
