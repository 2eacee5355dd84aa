package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

/**
 * The slope of a secant: the straight line through two points of a graph, rise over run.
 *
 * <p>For a function <em>f</em> and two different numbers <em>a</em> and <em>b</em>, the secant through
 * (<em>a</em>, <em>f</em>(<em>a</em>)) and (<em>b</em>, <em>f</em>(<em>b</em>)) has the slope
 *
 * <blockquote>(<em>f</em>(<em>b</em>) − <em>f</em>(<em>a</em>)) / (<em>b</em> − <em>a</em>).</blockquote>
 *
 * <p>It is the average rate of change of <em>f</em> over [<em>a</em>, <em>b</em>]. As <em>b</em> moves towards
 * <em>a</em> the secant turns into the tangent, and its slope into the derivative <em>f</em>′(<em>a</em>): every
 * difference quotient in this module is a secant slope with a well-chosen pair of points.
 *
 * <p>The slope does not depend on which point comes first. It is exact for a straight line, and for a parabola it
 * equals the derivative at the midpoint (<em>a</em> + <em>b</em>)/2. Numerically, when <em>b</em> − <em>a</em> is
 * tiny the rounding errors of <em>f</em>(<em>a</em>) and <em>f</em>(<em>b</em>), about ε|<em>f</em>| with
 * ε ≈ 2.2·10<sup>−16</sup>, are divided by it and swamp the result (Task 1.4 chooses the distance well).
 */
public final class SecantSlope {

    private SecantSlope() {
    }

    /**
     * The slope of the secant of {@code f} through <em>a</em> and <em>b</em>:
     * (<em>f</em>(<em>b</em>) − <em>f</em>(<em>a</em>)) / (<em>b</em> − <em>a</em>).
     *
     * @param f the function
     * @param a one point, finite
     * @param b another point, finite and different from {@code a}
     * @return the slope, the same as {@code slope(f, b, a)}
     * @throws IllegalArgumentException if {@code f} is null, {@code a} or {@code b} is not finite, or
     *                                  {@code a == b} (one point has no secant)
     */
    public static double slope(DoubleUnaryOperator f, double a, double b) {
        // BEGIN SOLUTION Task 1.1: return the slope of the secant of f between a and b (README.md, "Task 1.1"); reject
        //     bad input as the Javadoc's @throws says, the same point twice included
        Checks.requireNonNull(f, "f");
        Checks.requireFinite(a, "a");
        Checks.requireFinite(b, "b");
        if (a == b) {
            throw new IllegalArgumentException("a and b must differ (one point has no secant), got a = b = " + a);
        }
        double rise = f.applyAsDouble(b) - f.applyAsDouble(a);
        double run = b - a;
        return rise / run;
        // END SOLUTION
    }
}
