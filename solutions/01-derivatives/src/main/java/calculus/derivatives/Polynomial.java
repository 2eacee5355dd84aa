package calculus.derivatives;

import java.util.Arrays;

/**
 * A polynomial <em>p</em>(<em>x</em>) = <em>c</em><sub>0</sub> + <em>c</em><sub>1</sub><em>x</em> +
 * <em>c</em><sub>2</sub><em>x</em><sup>2</sup> + ... + <em>c</em><sub><em>n</em></sub><em>x</em><sup><em>n</em></sup>
 * with real coefficients: an immutable value.
 *
 * <p>Polynomials are the functions whose derivatives we know exactly, by the power rule
 * (<em>x</em><sup><em>k</em></sup>)′ = <em>k</em><em>x</em><sup><em>k</em>−1</sup>, so
 * <em>p</em>′(<em>x</em>) = <em>c</em><sub>1</sub> + 2<em>c</em><sub>2</sub><em>x</em> + ... +
 * <em>n</em><em>c</em><sub><em>n</em></sub><em>x</em><sup><em>n</em>−1</sup> is again a polynomial. They are
 * evaluated by Horner's rule, <em>p</em>(<em>x</em>) = <em>c</em><sub>0</sub> + <em>x</em>(<em>c</em><sub>1</sub> +
 * <em>x</em>(<em>c</em><sub>2</sub> + ... + <em>x</em><em>c</em><sub><em>n</em></sub>)): <em>n</em> multiplications
 * and <em>n</em> additions, no powers.
 *
 * <p>Coefficients are stored lowest power first, without trailing zeros, so that the degree is the highest power
 * with a non-zero coefficient and equal polynomials have equal coefficients. The zero polynomial has the single
 * coefficient 0 and, by this class's convention, degree 0.
 */
public final class Polynomial {

    /** c[k] multiplies x^k; no trailing zeros except for the zero polynomial, which is {0.0}. */
    private final double[] c;

    /**
     * The polynomial with the given coefficients, lowest power first: {@code new Polynomial(1, -2, 3)} is
     * 1 − 2<em>x</em> + 3<em>x</em><sup>2</sup>. Trailing zeros are dropped; the array is copied.
     *
     * @param coefficients <em>c</em><sub>0</sub>, <em>c</em><sub>1</sub>, ..., at least one, all finite
     * @throws IllegalArgumentException if {@code coefficients} is null or empty, or a coefficient is not finite
     */
    public Polynomial(double... coefficients) {
        // BEGIN SOLUTION Task 1.7: make the polynomial with these coefficients, stored as the field's comment says
        //     (README.md, "Task 1.7"); reject bad input as the Javadoc's @throws says
        if (coefficients == null || coefficients.length == 0) {
            throw new IllegalArgumentException("coefficients must hold at least one number, got "
                + (coefficients == null ? "null" : "an empty array"));
        }
        for (int k = 0; k < coefficients.length; k++) {
            Checks.requireFinite(coefficients[k], "coefficients[" + k + "]");
        }
        int length = coefficients.length;
        while (length > 1 && coefficients[length - 1] == 0) {
            length--;
        }
        double[] copy = new double[length];
        for (int k = 0; k < length; k++) {
            // -0.0 + 0.0 is +0.0: equal polynomials then have equal hash codes and print the same
            copy[k] = coefficients[k] + 0.0;
        }
        this.c = copy;
        // END SOLUTION
    }

    /**
     * The degree: the highest power with a non-zero coefficient, 0 for constants (the zero polynomial included).
     *
     * @return the degree, at least 0
     */
    public int degree() {
        // BEGIN SOLUTION Task 1.7: return the degree of the polynomial, 0 for a constant (README.md, "Task 1.7")
        return c.length - 1;
        // END SOLUTION
    }

    /**
     * The coefficient of <em>x</em><sup><em>k</em></sup>: 0 beyond the degree.
     *
     * @param k the power, at least 0
     * @return <em>c</em><sub><em>k</em></sub>
     * @throws IllegalArgumentException if {@code k} is negative
     */
    public double coefficient(int k) {
        // BEGIN SOLUTION Task 1.7: return the coefficient of the k-th power, 0 beyond the degree
        //     (README.md, "Task 1.7"); reject bad input as the Javadoc's @throws says
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0, got k = " + k);
        }
        return k < c.length ? c[k] : 0.0;
        // END SOLUTION
    }

    /**
     * The coefficients, lowest power first, without trailing zeros: a copy, so changing it leaves this polynomial
     * as it is.
     *
     * @return <em>c</em><sub>0</sub>, ..., <em>c</em><sub><em>n</em></sub> with <em>n</em> the degree
     */
    public double[] coefficients() {
        // BEGIN SOLUTION Task 1.7: return a copy of the coefficients, lowest power first (README.md, "Task 1.7")
        return c.clone();
        // END SOLUTION
    }

    /**
     * <em>p</em>(<em>x</em>) by Horner's rule: start from the highest coefficient, then multiply by <em>x</em> and
     * add the next one down, <em>n</em> times.
     *
     * @param x the point; NaN gives NaN, and an infinite {@code x} gives what the arithmetic gives
     * @return <em>p</em>(<em>x</em>)
     */
    public double evaluate(double x) {
        // BEGIN SOLUTION Task 1.7: return the value of the polynomial at x, by Horner's rule (README.md, "Task 1.7")
        double value = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            value = value * x + c[k];
        }
        return value;
        // END SOLUTION
    }

    /**
     * The derivative <em>p</em>′, exactly, by the power rule: the coefficient of <em>x</em><sup><em>k</em>−1</sup>
     * in <em>p</em>′ is <em>k</em><em>c</em><sub><em>k</em></sub>. The derivative of a constant is the zero
     * polynomial.
     *
     * @return <em>p</em>′, of degree one less (0 for a constant)
     */
    public Polynomial derivative() {
        // BEGIN SOLUTION Task 1.7: return the derivative, a new polynomial, by the power rule (README.md, "Task 1.7")
        if (c.length == 1) {
            return new Polynomial(0.0);
        }
        double[] d = new double[c.length - 1];
        for (int k = 1; k < c.length; k++) {
            // power rule: (c_k x^k)' = k c_k x^(k-1)
            d[k - 1] = k * c[k];
        }
        return new Polynomial(d);
        // END SOLUTION
    }

    /**
     * Two polynomials are equal when their coefficients are: 1 + 2<em>x</em> + 0<em>x</em><sup>2</sup> equals
     * 1 + 2<em>x</em>. Coefficients are compared as numbers, so a coefficient −0.0 equals 0.0 (both are zero), and
     * equal polynomials have equal hash codes and print the same.
     */
    @Override
    public boolean equals(Object other) {
        // BEGIN SOLUTION Task 1.7: return whether other is a polynomial with the same coefficients
        //     (README.md, "Task 1.7")
        return other instanceof Polynomial p && Arrays.equals(c, p.c);
        // END SOLUTION
    }

    @Override
    public int hashCode() {
        // BEGIN SOLUTION Task 1.7: return a hash code that agrees with equals (README.md, "Task 1.7")
        return Arrays.hashCode(c);
        // END SOLUTION
    }

    /**
     * The polynomial highest power first, such as {@code 3.0x^2 - 2.0x + 1.0}: terms with a zero coefficient are
     * left out; each coefficient's absolute value is printed by {@link Double#toString(double)}, followed by
     * {@code x} for the power 1 and {@code x^k} for a power <em>k</em> ≥ 2; terms are joined by {@code " + "} or
     * {@code " - "}, and a negative first term starts with {@code "-"}. The zero polynomial is {@code 0.0}.
     */
    @Override
    public String toString() {
        // BEGIN SOLUTION Task 1.7: return the polynomial written out as the Javadoc shows, highest power first
        //     (README.md, "Task 1.7")
        StringBuilder out = new StringBuilder();
        for (int k = c.length - 1; k >= 0; k--) {
            if (c[k] == 0 && c.length > 1) {
                continue;
            }
            String term = Math.abs(c[k]) + (k == 0 ? "" : k == 1 ? "x" : "x^" + k);
            if (out.length() == 0) {
                out.append(c[k] < 0 ? "-" : "").append(term);
            } else {
                out.append(c[k] < 0 ? " - " : " + ").append(term);
            }
        }
        return out.toString();
        // END SOLUTION
    }
}
