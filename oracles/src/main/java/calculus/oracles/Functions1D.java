package calculus.oracles;

import java.math.BigDecimal;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

import calculus.grader.TestRandom;

/**
 * Seeded random smooth functions of one variable with their exact derivatives and a printable formula: the
 * closed-form oracle for derivatives of one variable.
 *
 * <p>A {@link Function1D} is built from a few elementary functions (polynomials, sin, cos, exp, log, tanh,
 * 1/<em>u</em>) by sums, products and composition. Its derivatives are exact, not estimated: every evaluation
 * runs the same sums, products and compositions on Hipparchus' {@link DerivativeStructure}, which carries
 * <em>f</em>(<em>x</em>), <em>f</em>′(<em>x</em>), ..., <em>f</em><sup>(<em>n</em>)</sup>(<em>x</em>) through
 * every operation (forward-mode automatic differentiation to any order). Derivatives up to order
 * {@value #MAX_ORDER} are available, accurate to a few units in the last place of the larger terms that make them
 * up.
 *
 * <p>{@link #random(TestRandom)} draws a function that varies on the length scale 1: on the interval
 * [−{@value #DOMAIN}, {@value #DOMAIN}] its derivative of order <em>k</em> stays below {@value #BOUND} · <em>k</em>!
 * in absolute value (the <em>k</em>! comes from the rational and tanh terms, whose complex poles lie about 1 away
 * from the real line), so that step sizes and tolerances can be reasoned about. Its formula prints exactly: every
 * drawn coefficient is rounded to two decimals, so a student can type the formula in and reproduce a failure.
 *
 * <p>{@link #random(TestRandom, double)} stretches such a function to the length scale <em>s</em>,
 * <em>f</em>(<em>x</em>) = <em>g</em>(<em>x</em>/<em>s</em>). These are the fair test functions at large
 * |<em>x</em>| for a step rule <em>h</em> ∝ max(1, |<em>x</em>|), which assumes exactly that a function changes on
 * the scale of |<em>x</em>|.
 *
 * <pre>{@code
 * Function1D f = Functions1D.random(random);       // say 0.83*sin(1.27*x + 0.41) + 0.5*exp(-0.3*x)
 * double slope = f.derivative(0.7);                // exact f'(0.7)
 * Function1D g = Functions1D.sin().of(Functions1D.polynomial(0, 0, 1)).times(2);   // 2*sin(x^2)
 * }</pre>
 */
public final class Functions1D {

    /** The highest derivative order available. */
    public static final int MAX_ORDER = 7;
    /** Random functions at scale 1 are meant for points in [−DOMAIN, DOMAIN]. */
    public static final double DOMAIN = 2.0;
    /**
     * On [−DOMAIN, DOMAIN], a random function's derivative of order <em>k</em> stays below BOUND · <em>k</em>!
     * ({@code Functions1DTest} measures it).
     */
    public static final double BOUND = 50.0;

    private static final Function1D X = new Function1D(x -> x, arg -> arg, Precedence.ATOM);

    /** One factory per derivative order: one free variable, derivatives up to that order. */
    private static final DSFactory[] FACTORIES = new DSFactory[MAX_ORDER + 1];

    static {
        for (int order = 0; order <= MAX_ORDER; order++) {
            FACTORIES[order] = new DSFactory(1, order);
        }
    }

    private Functions1D() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // The function type

    /**
     * A smooth function of one variable with exact derivatives up to order {@value Functions1D#MAX_ORDER} and a
     * printable formula. Immutable; {@link #toString()} is the formula, such as {@code 0.5*exp(-0.3*x)}.
     */
    public static final class Function1D implements DoubleUnaryOperator {

        /** The function applied to a derivative structure: f(x) with all its derivatives from those of x. */
        private final UnaryOperator<DerivativeStructure> rule;
        private final UnaryOperator<String> template;
        private final Precedence precedence;

        private Function1D(UnaryOperator<DerivativeStructure> rule, UnaryOperator<String> template,
                           Precedence precedence) {
            this.rule = rule;
            this.template = template;
            this.precedence = precedence;
        }

        /** <em>f</em>(<em>x</em>). */
        @Override
        public double applyAsDouble(double x) {
            return at(x, 0).getValue();
        }

        /** <em>f</em>′(<em>x</em>), exact. */
        public double derivative(double x) {
            return derivative(1, x);
        }

        /** <em>f</em>″(<em>x</em>), exact. */
        public double secondDerivative(double x) {
            return derivative(2, x);
        }

        /** <em>f</em>‴(<em>x</em>), exact. */
        public double thirdDerivative(double x) {
            return derivative(3, x);
        }

        /**
         * The derivative of the given order at {@code x}; order 0 is the value.
         *
         * @throws IllegalArgumentException if {@code order} is not in [0, {@value Functions1D#MAX_ORDER}]
         */
        public double derivative(int order, double x) {
            return derivatives(order, x)[order];
        }

        /**
         * <em>f</em>(<em>x</em>), <em>f</em>′(<em>x</em>), ..., <em>f</em><sup>(order)</sup>(<em>x</em>) in one
         * pass.
         *
         * @throws IllegalArgumentException if {@code order} is not in [0, {@value Functions1D#MAX_ORDER}]
         */
        public double[] derivatives(int order, double x) {
            if (order < 0 || order > MAX_ORDER) {
                throw new IllegalArgumentException("order must be in [0, " + MAX_ORDER + "], got order = " + order);
            }
            DerivativeStructure f = at(x, order);
            double[] d = new double[order + 1];
            for (int k = 0; k <= order; k++) {
                d[k] = f.getPartialDerivative(k);
            }
            return d;
        }

        /** f and its derivatives up to {@code order} at x: the rule applied to the variable x (x′ = 1). */
        private DerivativeStructure at(double x, int order) {
            return rule.apply(FACTORIES[order].variable(0, x));
        }

        /** The function <em>x</em> ↦ <em>f</em>′(<em>x</em>), for code that takes a derivative as an argument. */
        public DoubleUnaryOperator derivativeFunction() {
            return this::derivative;
        }

        /** <em>f</em> + <em>g</em>. */
        public Function1D plus(Function1D g) {
            requireNonNull(g, "g");
            return new Function1D(x -> rule.apply(x).add(g.rule.apply(x)),
                arg -> format(arg) + signed(g.format(arg)), Precedence.SUM);
        }

        /** <em>f</em> + <em>c</em>. */
        public Function1D plus(double c) {
            return plus(constant(c));
        }

        /** <em>f</em> · <em>g</em>. */
        public Function1D times(Function1D g) {
            requireNonNull(g, "g");
            return new Function1D(x -> rule.apply(x).multiply(g.rule.apply(x)),
                arg -> operand(this, arg, Precedence.PRODUCT) + "*" + operand(g, arg, Precedence.PRODUCT),
                Precedence.PRODUCT);
        }

        /** <em>a</em> · <em>f</em>. */
        public Function1D times(double a) {
            if (a == 1) {
                return this;
            }
            return new Function1D(x -> rule.apply(x).multiply(a), arg -> {
                String text = operand(this, arg, Precedence.PRODUCT);
                if (text.startsWith("1/")) {
                    // a/(...) reads better than a*1/(...)
                    return number(a) + text.substring(1);
                }
                return (a == -1 ? "-" : number(a) + "*") + text;
            }, Precedence.PRODUCT);
        }

        /** The composition <em>f</em>(<em>g</em>(<em>x</em>)). */
        public Function1D of(Function1D inner) {
            requireNonNull(inner, "inner");
            // the chain rule to every order is the derivative structure's own composition
            return new Function1D(x -> rule.apply(inner.rule.apply(x)), arg -> format(inner.format(arg)),
                precedence);
        }

        /**
         * This function stretched to the length scale {@code s}: <em>x</em> ↦ <em>f</em>(<em>x</em>/<em>s</em>).
         * Each derivative of order <em>k</em> shrinks by <em>s</em><sup><em>k</em></sup>.
         *
         * @throws IllegalArgumentException if {@code s} is not positive and finite
         */
        public Function1D atScale(double s) {
            if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("the scale s must be positive and finite, got s = " + s);
            }
            if (s == 1.0) {
                return this;
            }
            Function1D xOverS = new Function1D(x -> x.divide(s),
                arg -> operand(X, arg, Precedence.PRODUCT) + "/" + number(s), Precedence.PRODUCT);
            return of(xOverS);
        }

        /** The formula in the variable {@code x}. */
        public String formula() {
            return format("x");
        }

        /** The formula, such as {@code 0.5*exp(-0.3*x)}. */
        @Override
        public String toString() {
            return formula();
        }

        private String format(String arg) {
            return template.apply(arg);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building blocks

    /** <em>x</em>. */
    public static Function1D x() {
        return X;
    }

    /** The constant function <em>c</em>. */
    public static Function1D constant(double c) {
        return new Function1D(x -> x.getFactory().constant(c), arg -> number(c),
            c < 0 ? Precedence.SUM : Precedence.ATOM);
    }

    /**
     * The polynomial <em>c</em><sub>0</sub> + <em>c</em><sub>1</sub><em>x</em> + ... +
     * <em>c</em><sub><em>n</em></sub><em>x</em><sup><em>n</em></sup>, lowest power first.
     *
     * @throws IllegalArgumentException if there is no coefficient, or one is not finite
     */
    public static Function1D polynomial(double... coefficients) {
        if (coefficients == null || coefficients.length == 0) {
            throw new IllegalArgumentException("a polynomial needs at least one coefficient");
        }
        double[] c = coefficients.clone();
        for (int k = 0; k < c.length; k++) {
            if (!Double.isFinite(c[k])) {
                throw new IllegalArgumentException("coefficients[" + k + "] must be finite, got " + c[k]);
            }
        }
        return new Function1D(x -> {
            // Horner's rule: p = c_0 + x (c_1 + x (c_2 + ...))
            DerivativeStructure p = x.getFactory().constant(c[c.length - 1]);
            for (int k = c.length - 2; k >= 0; k--) {
                p = p.multiply(x).add(c[k]);
            }
            return p;
        }, arg -> polynomialFormula(c, arg), Precedence.SUM);
    }

    /** sin <em>x</em>. */
    public static Function1D sin() {
        return elementary("sin", DerivativeStructure::sin);
    }

    /** cos <em>x</em>. */
    public static Function1D cos() {
        return elementary("cos", DerivativeStructure::cos);
    }

    /** e<sup><em>x</em></sup>. */
    public static Function1D exp() {
        return elementary("exp", DerivativeStructure::exp);
    }

    /** ln <em>x</em>, NaN for <em>x</em> ≤ 0 (compose it with a positive inner function). */
    public static Function1D log() {
        return elementary("log", DerivativeStructure::log);
    }

    /** 1/<em>x</em>, infinite at 0 (compose it with an inner function that stays away from 0). */
    public static Function1D reciprocal() {
        return new Function1D(DerivativeStructure::reciprocal, arg -> "1/" + operand(X, arg, Precedence.ATOM),
            Precedence.PRODUCT);
    }

    /** tanh <em>x</em>. */
    public static Function1D tanh() {
        return elementary("tanh", DerivativeStructure::tanh);
    }

    /** The affine function <em>a</em><em>x</em> + <em>b</em>. */
    public static Function1D affine(double a, double b) {
        return polynomial(b, a);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Random functions

    /**
     * A random smooth function on the length scale 1, meant for points in [−{@value #DOMAIN}, {@value #DOMAIN}]:
     * one or two terms, each one of <em>a</em> sin(<em>bx</em> + <em>c</em>), <em>a</em> e<sup><em>bx</em></sup>,
     * a cubic, <em>a</em> ln(1 + (<em>bx</em> + <em>c</em>)<sup>2</sup>), <em>a</em> tanh(<em>bx</em> + <em>c</em>),
     * <em>a</em> / (1 + (<em>bx</em> + <em>c</em>)<sup>2</sup>), <em>a</em> sin(<em>bx</em> + <em>c</em>)
     * e<sup><em>dx</em></sup> and <em>a</em> e<sup>sin(<em>bx</em> + <em>c</em>)</sup>, with every coefficient
     * rounded to two decimals, |<em>a</em>| in [0.5, 2] and frequencies |<em>b</em>| at most 1.5.
     *
     * @param random the test's seeded generator
     * @return the function; it is defined and smooth on the whole real line
     */
    public static Function1D random(TestRandom random) {
        requireNonNull(random, "random");
        Function1D f = randomTerm(random);
        if (random.nextBoolean()) {
            f = f.plus(randomTerm(random));
        }
        return f;
    }

    /**
     * A random smooth function on the length scale {@code s}: <em>g</em>(<em>x</em>/<em>s</em>) for a
     * {@linkplain #random(TestRandom) random} <em>g</em>, meant for points with |<em>x</em>| up to
     * {@value #DOMAIN}·<em>s</em>. Its <em>k</em>-th derivative is of order 1/<em>s</em><sup><em>k</em></sup>.
     *
     * <p>These are the fair functions for a step rule <em>h</em> = <em>c</em>·max(1, |<em>x</em>|) at large
     * |<em>x</em>| (draw <em>s</em> of the order of |<em>x</em>|): such a rule assumes that the function varies on the
     * scale of |<em>x</em>|. No step rule of that kind can differentiate sin <em>x</em> at <em>x</em> = 10<sup>6</sup>,
     * where the step would be several units long.
     *
     * @param random the test's seeded generator
     * @param s      the length scale, positive and finite
     * @return the function
     * @throws IllegalArgumentException if {@code s} is not positive and finite
     */
    public static Function1D random(TestRandom random, double s) {
        return random(random).atScale(s);
    }

    /**
     * A random polynomial of the given degree, coefficients in [−2, 2] rounded to two decimals, the leading one at
     * least 0.5 in absolute value (so the degree is what was asked).
     *
     * @throws IllegalArgumentException if {@code degree} is negative
     */
    public static Function1D randomPolynomial(TestRandom random, int degree) {
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be at least 0, got degree = " + degree);
        }
        return polynomial(randomCoefficients(random, degree));
    }

    /**
     * The coefficients of a random polynomial as {@link #randomPolynomial} draws them, lowest power first: for a test
     * that also hands them to the code under test.
     */
    public static double[] randomCoefficients(TestRandom random, int degree) {
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be at least 0, got degree = " + degree);
        }
        double[] c = new double[degree + 1];
        for (int k = 0; k < degree; k++) {
            c[k] = round2(random.uniform(-2, 2));
        }
        c[degree] = random.sign() * round2(random.uniform(0.5, 2));
        return c;
    }

    private static Function1D randomTerm(TestRandom random) {
        double a = random.sign() * round2(random.uniform(0.5, 2));
        double b = random.sign() * round2(random.uniform(0.3, 1.5));
        double c = round2(random.uniform(-1.5, 1.5));
        switch (random.nextInt(8)) {
            case 0:
                return sin().of(affine(b, c)).times(a);
            case 1:
                // |b| <= 1 keeps e^(bx) below e^2 on [-2, 2]
                return exp().of(affine(round2(b / 1.5), 0)).times(a);
            case 2:
                return randomPolynomial(random, 3);
            case 3:
                return log().of(polynomial(1, 0, 1).of(affine(b, c))).times(a);
            case 4:
                return tanh().of(affine(b, c)).times(a);
            case 5:
                return reciprocal().of(polynomial(1, 0, 1).of(affine(b, c))).times(a);
            case 6:
                return sin().of(affine(b, c)).times(exp().of(affine(round2(b / 3), 0))).times(a);
            default:
                return exp().of(sin().of(affine(b, c))).times(a);
        }
    }

    private static Function1D elementary(String name, UnaryOperator<DerivativeStructure> rule) {
        return new Function1D(rule, arg -> name + "(" + arg + ")", Precedence.ATOM);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Formulas

    /** How tightly a formula binds, to parenthesise it only where needed. */
    private enum Precedence {
        SUM, PRODUCT, ATOM
    }

    /** g's formula as an operand of an operator of the given precedence. */
    private static String operand(Function1D g, String arg, Precedence context) {
        String text = g.format(arg);
        boolean needsParentheses = g.precedence.compareTo(context) < 0 || (g == X && !isAtom(arg));
        return needsParentheses ? "(" + text + ")" : text;
    }

    /** Whether a formula is a name, a number or a call such as sin(...), safe beside any operator. */
    private static boolean isAtom(String text) {
        return text.matches("[A-Za-z0-9.]+") || text.matches("[A-Za-z]+\\(.*\\)") && balancedCall(text);
    }

    /** Whether the parenthesis after the name closes at the very end: sin(x)*cos(x) is not one call. */
    private static boolean balancedCall(String text) {
        int depth = 0;
        int open = text.indexOf('(');
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String signed(String term) {
        return term.startsWith("-") ? " - " + term.substring(1) : " + " + term;
    }

    private static String polynomialFormula(double[] c, String arg) {
        String x = isAtom(arg) ? arg : "(" + arg + ")";
        StringBuilder out = new StringBuilder();
        for (int k = c.length - 1; k >= 0; k--) {
            if (c[k] == 0 && !(k == 0 && out.length() == 0)) {
                continue;
            }
            String magnitude = number(Math.abs(c[k]));
            String power = k == 0 ? "" : k == 1 ? x : x + "^" + k;
            String term = k == 0 ? magnitude : Math.abs(c[k]) == 1 ? power : magnitude + "*" + power;
            if (out.length() == 0) {
                out.append(c[k] < 0 ? "-" : "").append(term);
            } else {
                out.append(c[k] < 0 ? " - " : " + ").append(term);
            }
        }
        return out.toString();
    }

    /** The shortest decimal that reads back as the same double, without an exponent: 0.5, 2, 1000000. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /** The house rule for a missing argument: an IllegalArgumentException that names it. */
    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
