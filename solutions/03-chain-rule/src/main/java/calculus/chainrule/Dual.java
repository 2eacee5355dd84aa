package calculus.chainrule;

/**
 * A dual number <em>u</em> + <em>u</em>′ε with ε<sup>2</sup> = 0: a value and its derivative carried together
 * through a computation, which is forward-mode automatic differentiation.
 *
 * <p>Seed the input as a {@linkplain #variable variable} (derivative 1) and every constant as a
 * {@linkplain #constant constant} (derivative 0); each operation then computes its value and, beside it, the
 * derivative of that value by one rule of calculus applied to its operands' values and derivatives. The result's
 * {@link #derivative()} is the derivative of the whole computation, exact up to round-off: the chain rule applied
 * once per operation, with no step size to choose.
 *
 * <pre>{@code
 * Dual x = Dual.variable(2.0);
 * Dual y = x.times(x).plus(x.sin());   // y = x^2 + sin x
 * y.value();       // 4 + sin 2  = 4.909...
 * y.derivative();  // 2*2 + cos 2 = 3.583...
 * }</pre>
 *
 * <p>The algebra behind it: expand <em>f</em>(<em>u</em> + <em>u</em>′ε) in a Taylor series; every term with
 * ε<sup>2</sup> or a higher power vanishes, leaving <em>f</em>(<em>u</em>) + <em>f</em>′(<em>u</em>)<em>u</em>′ε.
 * So the ε-part of a function of a dual number is the chain rule.
 *
 * <p><b>Domains.</b> An operation outside its domain throws an {@link IllegalArgumentException} that names the
 * operation and the offending value, instead of returning NaN as {@link Math#log} does: a NaN in a derivative is
 * found far from where it was made, an exception at once. The domain errors are log of a value ≤ 0, division by a
 * value of 0, 0 to a negative integer power, and a non-integer power of a value ≤ 0. Overflow follows IEEE 754:
 * {@code Dual.variable(1000).exp()} has value and derivative +∞.
 *
 * <p>Instances are immutable.
 */
public final class Dual {

    private final double value;
    private final double derivative;

    /** Every operation ends here: no checks, so that an overflow to ±∞ in one part does not throw. */
    private Dual(double value, double derivative) {
        this.value = value;
        this.derivative = derivative;
    }

    /**
     * The dual number <em>value</em> + <em>derivative</em>·ε: a quantity whose derivative with respect to the
     * variable of interest is already known.
     *
     * @param value      the value
     * @param derivative its derivative
     * @return the dual number
     * @throws IllegalArgumentException if either is NaN or infinite
     */
    public static Dual of(double value, double derivative) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got value = " + value);
        }
        if (!Double.isFinite(derivative)) {
            throw new IllegalArgumentException("derivative must be finite, got derivative = " + derivative);
        }
        return new Dual(value, derivative);
    }

    /**
     * The variable we differentiate with respect to, at the point {@code x}: d<em>x</em>/d<em>x</em> = 1.
     *
     * @param x the point
     * @return <em>x</em> + 1ε
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static Dual variable(double x) {
        return of(x, 1.0);
    }

    /**
     * A constant: it does not change when the variable does, d<em>c</em>/d<em>x</em> = 0.
     *
     * @param c the constant
     * @return <em>c</em> + 0ε
     * @throws IllegalArgumentException if {@code c} is NaN or infinite
     */
    public static Dual constant(double c) {
        return of(c, 0.0);
    }

    /**
     * The value part <em>u</em>.
     *
     * @return the value
     */
    public double value() {
        return value;
    }

    /**
     * The derivative part <em>u</em>′.
     *
     * @return the derivative with respect to the seeded variable
     */
    public double derivative() {
        return derivative;
    }

    /**
     * The sum <em>u</em> + <em>v</em>, with the sum rule (<em>u</em> + <em>v</em>)′ = <em>u</em>′ + <em>v</em>′.
     *
     * @param other the other operand <em>v</em>
     * @return <em>u</em> + <em>v</em>
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Dual plus(Dual other) {
        // BEGIN SOLUTION Task 3.3: return the dual number of the sum, by the sum rule (README.md, "Task 3.3"); reject
        //     bad input as the Javadoc's @throws says
        requireOperand(other);
        // sum rule: (u + v)' = u' + v'
        return new Dual(value + other.value, derivative + other.derivative);
        // END SOLUTION
    }

    /**
     * The difference <em>u</em> − <em>v</em>, with (<em>u</em> − <em>v</em>)′ = <em>u</em>′ − <em>v</em>′.
     *
     * @param other the operand <em>v</em> subtracted
     * @return <em>u</em> − <em>v</em>
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Dual minus(Dual other) {
        // BEGIN SOLUTION Task 3.3: return the dual number of the difference, by the difference rule
        //     (README.md, "Task 3.3"); reject bad input as the Javadoc's @throws says
        requireOperand(other);
        // difference rule: (u - v)' = u' - v'
        return new Dual(value - other.value, derivative - other.derivative);
        // END SOLUTION
    }

    /**
     * The product <em>u</em><em>v</em>, with the product rule (<em>u</em><em>v</em>)′ = <em>u</em>′<em>v</em> +
     * <em>u</em><em>v</em>′.
     *
     * @param other the other factor <em>v</em>
     * @return <em>u</em><em>v</em>
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Dual times(Dual other) {
        // BEGIN SOLUTION Task 3.3: return the dual number of the product, by the product rule (README.md, "Task 3.3");
        //     reject bad input as the Javadoc's @throws says
        requireOperand(other);
        // product rule: (uv)' = u'v + uv'
        return new Dual(value * other.value, derivative * other.value + value * other.derivative);
        // END SOLUTION
    }

    /**
     * The quotient <em>u</em>/<em>v</em>, with the quotient rule (<em>u</em>/<em>v</em>)′ =
     * (<em>u</em>′<em>v</em> − <em>u</em><em>v</em>′) / <em>v</em><sup>2</sup>.
     *
     * @param other the divisor <em>v</em>
     * @return <em>u</em>/<em>v</em>
     * @throws IllegalArgumentException if {@code other} is null or its value is 0, naming the value
     */
    public Dual dividedBy(Dual other) {
        // BEGIN SOLUTION Task 3.3: return the dual number of the quotient, by the quotient rule
        //     (README.md, "Task 3.3"); reject bad input as the Javadoc's @throws says
        requireOperand(other);
        if (other.value == 0.0) {
            throw new IllegalArgumentException("division by zero: the divisor's value is " + other.value
                + " (dividing " + value + ")");
        }
        double q = value / other.value;
        // quotient rule: (u/v)' = (u'v - uv') / v^2, written as (u' - q v') / v with q = u/v: one division
        // less, and no v^2 that could overflow when v is large
        return new Dual(q, (derivative - q * other.derivative) / other.value);
        // END SOLUTION
    }

    /**
     * The integer power <em>u</em><sup><em>n</em></sup>, with the power rule (<em>u</em><sup><em>n</em></sup>)′ =
     * <em>n</em><em>u</em><sup><em>n</em>−1</sup><em>u</em>′. Defined for every <em>u</em> when <em>n</em> ≥ 0
     * (<em>u</em><sup>0</sup> = 1 with derivative 0, even at <em>u</em> = 0) and for <em>u</em> ≠ 0 when
     * <em>n</em> &lt; 0.
     *
     * @param n the exponent
     * @return <em>u</em><sup><em>n</em></sup>
     * @throws IllegalArgumentException if the value is 0 and {@code n} is negative, naming both
     */
    public Dual pow(int n) {
        // BEGIN SOLUTION Task 3.3: return the dual number of this to the power n, by the power rule
        //     (README.md, "Task 3.3"); reject bad input as the Javadoc's @throws says
        if (n < 0 && value == 0.0) {
            throw new IllegalArgumentException("0 to a negative power is undefined (a division by zero): got value = "
                + value + " and n = " + n);
        }
        if (n == 0) {
            // u^0 = 1 is constant; n u^(n-1) would be 0 * infinity = NaN at u = 0
            return new Dual(1.0, 0.0);
        }
        // power rule: (u^n)' = n u^(n-1) u'
        return new Dual(Math.pow(value, n), n * Math.pow(value, n - 1) * derivative);
        // END SOLUTION
    }

    /**
     * The real power <em>u</em><sup><em>p</em></sup> = e<sup><em>p</em> ln <em>u</em></sup>, with
     * (<em>u</em><sup><em>p</em></sup>)′ = <em>p</em><em>u</em><sup><em>p</em>−1</sup><em>u</em>′. A whole-number
     * exponent (2.0, −3.0) is the same as {@link #pow(int)} and allows any base that one allows; any other exponent
     * needs a positive base, since a negative number has no real square root, for example.
     *
     * @param p the exponent, finite
     * @return <em>u</em><sup><em>p</em></sup>
     * @throws IllegalArgumentException if {@code p} is NaN or infinite, or {@code p} is not a whole number and
     *                                  the value is not positive, naming both
     */
    public Dual pow(double p) {
        // BEGIN SOLUTION Task 3.3: return the dual number of this to the power p, by the power rule
        //     (README.md, "Task 3.3"); reject bad input as the Javadoc's @throws says
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("p must be finite, got p = " + p);
        }
        if (p == Math.rint(p) && Math.abs(p) <= Integer.MAX_VALUE) {
            return pow((int) p);
        }
        if (!(value > 0.0)) {
            throw new IllegalArgumentException("a non-integer power needs a positive base: got value = " + value
                + " and p = " + p);
        }
        double power = Math.pow(value, p);
        // power rule: (u^p)' = p u^(p-1) u' = p (u^p / u) u', reusing u^p instead of a second Math.pow
        return new Dual(power, p * (power / value) * derivative);
        // END SOLUTION
    }

    /**
     * The exponential e<sup><em>u</em></sup>, with (e<sup><em>u</em></sup>)′ = e<sup><em>u</em></sup><em>u</em>′.
     *
     * @return e<sup><em>u</em></sup>; overflows to +∞ for values above about 709.78, as {@link Math#exp} does
     */
    public Dual exp() {
        // BEGIN SOLUTION Task 3.3: return the dual number of the exponential of this (README.md, "Task 3.3")
        double e = Math.exp(value);
        // exp is its own derivative; chain rule: (e^u)' = e^u u'
        return new Dual(e, e * derivative);
        // END SOLUTION
    }

    /**
     * The natural logarithm ln <em>u</em>, with (ln <em>u</em>)′ = <em>u</em>′/<em>u</em>.
     *
     * @return ln <em>u</em>
     * @throws IllegalArgumentException if the value is not positive, naming it
     */
    public Dual log() {
        // BEGIN SOLUTION Task 3.3: return the dual number of the natural logarithm of this (README.md, "Task 3.3");
        //     reject bad input as the Javadoc's @throws says
        if (!(value > 0.0)) {
            throw new IllegalArgumentException("log needs a positive argument, got value = " + value);
        }
        // (ln u)' = u' / u
        return new Dual(Math.log(value), derivative / value);
        // END SOLUTION
    }

    /**
     * The sine sin <em>u</em>, with (sin <em>u</em>)′ = cos(<em>u</em>) <em>u</em>′.
     *
     * @return sin <em>u</em>
     */
    public Dual sin() {
        // BEGIN SOLUTION Task 3.3: return the dual number of the sine of this (README.md, "Task 3.3")
        // (sin u)' = cos(u) u'
        return new Dual(Math.sin(value), Math.cos(value) * derivative);
        // END SOLUTION
    }

    /**
     * The cosine cos <em>u</em>, with (cos <em>u</em>)′ = −sin(<em>u</em>) <em>u</em>′.
     *
     * @return cos <em>u</em>
     */
    public Dual cos() {
        // BEGIN SOLUTION Task 3.3: return the dual number of the cosine of this (README.md, "Task 3.3")
        // (cos u)' = -sin(u) u'
        return new Dual(Math.cos(value), -Math.sin(value) * derivative);
        // END SOLUTION
    }

    /**
     * The hyperbolic tangent tanh <em>u</em>, with (tanh <em>u</em>)′ = (1 − tanh<sup>2</sup><em>u</em>)
     * <em>u</em>′.
     *
     * @return tanh <em>u</em>, in (−1, 1); saturates to ±1 without overflow
     */
    public Dual tanh() {
        // BEGIN SOLUTION Task 3.3: return the dual number of the hyperbolic tangent of this, which saturates without
        //     overflow (README.md, "Task 3.3")
        double t = Math.tanh(value);
        // (tanh u)' = (1 - tanh^2 u) u': the derivative from the value already computed
        return new Dual(t, (1 - t * t) * derivative);
        // END SOLUTION
    }

    /**
     * The logistic sigmoid σ(<em>u</em>) = 1 / (1 + e<sup>−<em>u</em></sup>), with σ′ = σ(1 − σ) =
     * σ(<em>u</em>)σ(−<em>u</em>).
     *
     * <p>Right for every finite <em>u</em>: σ(±800) is 1 or 0 with derivative 0. The plain 1/(1 +
     * e<sup>−<em>u</em></sup>) already is, in IEEE arithmetic (at <em>u</em> = −800, e<sup>800</sup> overflows to
     * ∞ and 1/(1 + ∞) = 0, the right limit); e<sup><em>u</em></sup>/(1 + e<sup><em>u</em></sup>) is not (∞/∞ =
     * NaN at <em>u</em> = 800). What the tails lose is precision: σ(40) rounds to 1, so 1 − σ(40) is 0, not
     * 4·10<sup>−18</sup>.
     *
     * @return σ(<em>u</em>), in [0, 1]
     */
    public Dual sigmoid() {
        // BEGIN SOLUTION Task 3.3: return the dual number of the sigmoid of this, right for every finite value
        //     (README.md, "Task 3.3")
        // only e^(-|u|) is ever computed: it lies in (0, 1], so no infinity is ever formed (1/(1 + e^-u) would be
        // right as well: an overflow to infinity gives 1/infinity = 0)
        double e = Math.exp(-Math.abs(value));
        double s = value >= 0 ? 1 / (1 + e) : e / (1 + e);
        double complement = value >= 0 ? e / (1 + e) : 1 / (1 + e);
        // sigma' = sigma(u) (1 - sigma(u)) u'; 1 - sigma(u) is computed as sigma(-u), which keeps its relative
        // accuracy where sigma(u) rounds to 1 (u > 37) and the subtraction would give 0
        return new Dual(s, s * complement * derivative);
        // END SOLUTION
    }

    @Override
    public String toString() {
        return value + (derivative < 0 || Double.compare(derivative, -0.0) == 0 ? " - " : " + ")
            + Math.abs(derivative) + "\u03b5";
    }

    // BEGIN SOLUTION ONLY
    private static void requireOperand(Dual other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
    }
    // END SOLUTION ONLY
}
