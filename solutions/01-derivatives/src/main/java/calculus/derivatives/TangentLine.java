package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * The tangent line of a graph at a point: the straight line that touches the graph there and has its slope,
 *
 * <blockquote><em>t</em>(<em>x</em>) = <em>f</em>(<em>x</em><sub>0</sub>) + <em>f</em>′(<em>x</em><sub>0</sub>)
 * (<em>x</em> − <em>x</em><sub>0</sub>).</blockquote>
 *
 * <p>It is the best straight-line approximation of <em>f</em> near <em>x</em><sub>0</sub>: the gap
 * <em>f</em>(<em>x</em>) − <em>t</em>(<em>x</em>) is about <em>f</em>″(<em>x</em><sub>0</sub>)(<em>x</em> −
 * <em>x</em><sub>0</sub>)<sup>2</sup>/2, shrinking faster than the distance to <em>x</em><sub>0</sub>. Where it crosses
 * zero, <em>x</em><sub>0</sub> − <em>f</em>(<em>x</em><sub>0</sub>)/<em>f</em>′(<em>x</em><sub>0</sub>), is one step
 * of Newton's method ({@link NewtonMethod}).
 *
 * @param x0    the point of contact
 * @param y0    <em>f</em>(<em>x</em><sub>0</sub>)
 * @param slope <em>f</em>′(<em>x</em><sub>0</sub>)
 */
public record TangentLine(double x0, double y0, double slope) {

    /**
     * The tangent of {@code f} at {@code x0}, given the derivative {@code df} of {@code f}.
     *
     * @param f  the function
     * @param df its derivative <em>f</em>′ (exact, or a numerical estimate such as
     *           {@code x -> NumericalDerivative.derivative(f, x)})
     * @param x0 the point of contact, finite
     * @return the line through (<em>x</em><sub>0</sub>, <em>f</em>(<em>x</em><sub>0</sub>)) with slope
     *         <em>f</em>′(<em>x</em><sub>0</sub>)
     * @throws IllegalArgumentException if {@code f} or {@code df} is null, or {@code x0} is not finite
     */
    public static TangentLine at(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0) {
        // BEGIN SOLUTION Task 1.8: return the tangent line of f at x0 (README.md, "Task 1.8"); reject bad input as the
        //     Javadoc's @throws says
        Checks.requireNonNull(f, "f");
        Checks.requireNonNull(df, "df");
        Checks.requireFinite(x0, "x0");
        return new TangentLine(x0, f.applyAsDouble(x0), df.applyAsDouble(x0));
        // END SOLUTION
    }

    /**
     * The height of the line at {@code x}: <em>y</em><sub>0</sub> + slope · (<em>x</em> − <em>x</em><sub>0</sub>).
     *
     * @param x any point
     * @return <em>t</em>(<em>x</em>)
     */
    public double valueAt(double x) {
        // BEGIN SOLUTION Task 1.8: return the height of the tangent line above x (README.md, "Task 1.8")
        return y0 + slope * (x - x0);
        // END SOLUTION
    }

    /**
     * Where the line crosses zero: <em>x</em><sub>0</sub> − <em>y</em><sub>0</sub> / slope.
     *
     * @return the root of the line
     * @throws ArithmeticException if the slope is 0: a horizontal line never crosses zero (or lies on it)
     */
    public double root() {
        // BEGIN SOLUTION Task 1.8: return where the tangent line crosses zero (README.md, "Task 1.8"); a horizontal
        //     line has none: throw the ArithmeticException the Javadoc names
        if (slope == 0) {
            throw new ArithmeticException("the tangent at x0 = " + x0 + " is horizontal (slope 0), so it has no "
                + "root: f'(x0) = 0 there");
        }
        return x0 - y0 / slope;
        // END SOLUTION
    }
}
