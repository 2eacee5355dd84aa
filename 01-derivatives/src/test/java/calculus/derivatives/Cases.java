package calculus.derivatives;

import calculus.grader.TestRandom;
import calculus.oracles.Functions1D;
import calculus.oracles.Functions1D.Function1D;

/**
 * Test functions for this module's tests, all from the grader's oracle {@link Functions1D}, so that every expected
 * derivative is exact and never computed by the code under test.
 */
final class Cases {

    /** Draws that give up after this many tries point at a bug in the test, not in the student's code. */
    private static final int MAX_DRAWS = 100_000;

    /** A smallest size for the derivative that sets a method's error, so that the error is well above round-off. */
    private static final double LEADING_AT_LEAST = 0.5;

    /** How much smaller than the leading error term the next one must be, for the order to show cleanly. */
    private static final double NEXT_TERM_AT_MOST = 0.05;

    private Cases() {
    }

    /**
     * A random smooth function and a point in [−2, 2].
     *
     * @param f the function, with exact derivatives
     * @param x the point
     */
    record Case(Function1D f, double x) {
    }

    /**
     * The functions of the worked examples, by the name the tables use.
     *
     * @param name such as {@code "x^3"} or {@code "sin(x)"}
     * @return the function
     */
    static Function1D named(String name) {
        switch (name) {
            case "x^2":
                return Functions1D.polynomial(0, 0, 1);
            case "x^3":
                return Functions1D.polynomial(0, 0, 0, 1);
            case "x^5":
                return Functions1D.polynomial(0, 0, 0, 0, 0, 1);
            case "3x + 1":
                return Functions1D.polynomial(1, 3);
            case "x^2 - 2":
                return Functions1D.polynomial(-2, 0, 1);
            case "x^2 - 1":
                return Functions1D.polynomial(-1, 0, 1);
            case "x^3 - 2x - 5":
                return Functions1D.polynomial(-5, -2, 0, 1);
            case "x^3 - 2x + 2":
                return Functions1D.polynomial(2, -2, 0, 1);
            case "sin(x)":
                return Functions1D.sin();
            case "cos(x)":
                return Functions1D.cos();
            case "exp(x)":
                return Functions1D.exp();
            case "exp(x) - 2":
                return Functions1D.exp().plus(-2);
            case "cos(x) - x":
                return Functions1D.cos().plus(Functions1D.x().times(-1));
            case "log(1 + x^2)":
                return Functions1D.log().of(Functions1D.polynomial(1, 0, 1));
            case "1/(1 + x^2)":
                return Functions1D.reciprocal().of(Functions1D.polynomial(1, 0, 1));
            default:
                throw new IllegalArgumentException("no test function named " + name);
        }
    }

    /**
     * A random function and point at which a difference method's error is ruled by its leading term: the
     * derivative of order {@code leading}, which sets the error, is at least 0.5 in size, and the terms after it
     * are at most 5 percent of it at step {@code h}. Only there does the error fall like a clean power of h; at a
     * point where, say, f‴ happens to vanish, even a correct central difference shows a higher order.
     *
     * @param random  the test's generator
     * @param leading the order of the derivative in the method's leading error term (2 for a one-sided
     *                difference, 3 for a central one, 4 for a second difference, 5 for Richardson)
     * @param h       the largest step the test uses
     * @return the case
     */
    static Case whereLeadingTermRules(TestRandom random, int leading, double h) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            Function1D f = Functions1D.random(random);
            double x = random.uniform(-Functions1D.DOMAIN, Functions1D.DOMAIN);
            double[] d = f.derivatives(Math.min(leading + 2, Functions1D.MAX_ORDER), x);
            double lead = Math.abs(d[leading]);
            boolean ruled = lead >= LEADING_AT_LEAST;
            for (int k = leading + 1; k < d.length; k++) {
                ruled &= Math.abs(d[k]) * Math.pow(h, k - leading) <= NEXT_TERM_AT_MOST * lead;
            }
            if (ruled) {
                return new Case(f, x);
            }
        }
        throw new IllegalStateException("no case found in " + MAX_DRAWS + " draws: a bug in the test");
    }
}
