package calculus.oracles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Failure messages that teach: what was computed, from which input, what was expected, what was received, how far
 * apart they are, and what such a gap usually means. The assertion output is all a student has to debug.
 *
 * <p>An {@code Explain} is a message under construction; it is a {@code Supplier<String>}, so AssertJ renders it
 * only when the assertion fails:
 *
 * <pre>{@code
 * assertThat(received)
 *     .withFailMessage(Explain.that("CentralDifference.derivative(f, x, h)")
 *         .input("f(x)", f, "x", x, "h", h)
 *         .expected(expected).received(received).within(TOLERANCE))
 *     .isCloseTo(expected, within(TOLERANCE));
 * }</pre>
 *
 * <p>which, for a student who divided by {@code h} instead of {@code 2h}, reads
 *
 * <pre>
 * CentralDifference.derivative(f, x, h): expected 6.0, received 12.0
 *   input           f(x) = x^2, x = 3.0, h = 0.5
 *   expected        6.0 (within 1.0e-09)
 *   received        12.0
 *   relative error  1.0e+00
 *   hint            twice the expected value: a missing factor 1/2, such as dividing by h where the formula has 2h?
 * </pre>
 *
 * <p>The diagnoses ({@link #diagnose(double, double)}, {@link #diagnose(double[], double[])},
 * {@link #diagnoseOrder(double, double)}) recognise the usual mistakes from the numbers alone: a factor of 2, a wrong
 * sign, a placeholder 0, NaN or infinity, a near miss, and a convergence order that gives away a one-sided
 * difference. A test adds what only it can know with {@link #hint(String)}.
 */
public final class Explain implements Supplier<String> {

    /** How close a ratio must be to 2, 1/2 or −1 to be recognised as that factor (2 percent). */
    static final double FACTOR_TOLERANCE = 0.02;
    /** A relative error below this is a near miss: the right idea, not accurate enough. */
    static final double NEAR_MISS = 1e-3;
    /** How far a measured convergence order may be from the expected one and still count as that order. */
    static final double ORDER_TOLERANCE = 0.3;
    /** Arrays longer than this print their first entries only. */
    static final int SHOWN_ENTRIES = 8;

    private static final String INDENT = "  ";
    private static final int LABEL_WIDTH = 16;
    /** Results longer than this are left out of the title line. */
    private static final int BRIEF_LENGTH = 40;

    private final String what;
    private String input = "";
    private String expected = "";
    private String received = "";
    private String tolerance = "";
    /** Short forms for the title line, which is all a one-line summary such as the scoreboard's shows. */
    private String expectedBrief = "";
    private String receivedBrief = "";
    /** The numbers or vectors compared, when the result is one: null otherwise. */
    private Double expectedNumber;
    private Double receivedNumber;
    private double[] expectedVector;
    private double[] receivedVector;
    private boolean receivedArray;
    /** The diagnosis of a convergence order, which the numbers alone cannot give. */
    private String orderDiagnosis = "";
    private final List<String> details = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    private boolean generic = true;

    private Explain(String what) {
        this.what = what;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building a message

    /**
     * Starts the message about one computed result.
     *
     * @param what the computation, as the student wrote it: {@code "CentralDifference.derivative(f, x, h)"}
     * @return the message, to be completed with input, expected and received
     */
    public static Explain that(String what) {
        return new Explain(what == null ? "the result" : what);
    }

    /** The input, in words: {@code "the data set x = [1, 2], y = [2, 4]"}. */
    public Explain input(String description) {
        this.input = String.valueOf(description);
        return this;
    }

    /**
     * The input as names and values: {@code input("x", 0.5, "h", 1e-3)} reads {@code x = 0.5, h = 0.001}. Doubles
     * print in full, as Java reads them back; arrays print their entries.
     *
     * @throws IllegalArgumentException if a name has no value
     */
    public Explain input(String name, Object value, Object... moreNamesAndValues) {
        if (moreNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("input needs name-value pairs, got " + (moreNamesAndValues.length + 2)
                + " arguments");
        }
        StringBuilder text = new StringBuilder(name + " = " + show(value));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            text.append(", ").append(moreNamesAndValues[i]).append(" = ").append(show(moreNamesAndValues[i + 1]));
        }
        this.input = text.toString();
        return this;
    }

    /** The expected number. */
    public Explain expected(double value) {
        clearExpected();
        this.expected = show(value);
        this.expectedBrief = expected;
        this.expectedNumber = value;
        return this;
    }

    /** The received number; the diagnosis compares it with the expected one. */
    public Explain received(double value) {
        clearReceived();
        this.received = show(value);
        this.receivedBrief = received;
        this.receivedNumber = value;
        return this;
    }

    /** The expected vector. */
    public Explain expected(double[] value) {
        clearExpected();
        this.expected = show(value);
        this.expectedVector = value == null ? null : value.clone();
        return this;
    }

    /** The received vector; the diagnosis compares it with the expected one, entry by entry. */
    public Explain received(double[] value) {
        clearReceived();
        this.received = show(value);
        this.receivedVector = value == null ? null : value.clone();
        this.receivedArray = true;
        return this;
    }

    /** The expected result, in words or as its {@code toString()}, for results that are not numbers. */
    public Explain expected(Object value) {
        clearExpected();
        this.expected = show(value);
        this.expectedBrief = brief(expected);
        return this;
    }

    /** The received result, in words or as its {@code toString()}, for results that are not numbers. */
    public Explain received(Object value) {
        clearReceived();
        this.received = show(value);
        this.receivedBrief = brief(received);
        return this;
    }

    /** The absolute tolerance the assertion allows. */
    public Explain within(double absoluteTolerance) {
        this.tolerance = "within " + sci(absoluteTolerance);
        return this;
    }

    /** The relative tolerance the assertion allows. */
    public Explain withinRelative(double relativeTolerance) {
        this.tolerance = "relative error at most " + sci(relativeTolerance);
        return this;
    }

    /**
     * A convergence order: the expected one and the one measured, with the diagnosis of the gap (see
     * {@link #diagnoseOrder(double, double)}).
     */
    public Explain order(double expectedOrder, double measuredOrder) {
        clearExpected();
        clearReceived();
        this.expected = "order " + fixed(expectedOrder) + " (the error shrinks like h^" + fixed(expectedOrder) + ")";
        this.received = "order " + fixed(measuredOrder);
        this.expectedBrief = "order " + fixed(expectedOrder);
        this.receivedBrief = "order " + fixed(measuredOrder);
        this.tolerance = "";
        this.orderDiagnosis = diagnoseOrder(expectedOrder, measuredOrder);
        return this;
    }

    /** One more labelled line, for what the reader needs besides input and result: {@code detail("errors", ...)}. */
    public Explain detail(String label, String text) {
        details.add(line(label, text));
        return this;
    }

    /**
     * Leaves out the diagnosis from the numbers alone, for a test whose own {@link #hint(String)} already names
     * the mistake, or whose quantity the generic diagnoses do not fit (a step size, a count).
     */
    public Explain withoutDiagnosis() {
        this.generic = false;
        return this;
    }

    /** A hint only the test can give (task-specific); printed before the diagnosis from the numbers. */
    public Explain hint(String text) {
        if (text != null && !text.isBlank()) {
            hints.add(text.strip());
        }
        return this;
    }

    /** The message. */
    @Override
    public String get() {
        return toString();
    }

    /** The message: a title line, then one labelled line each for input, expected, received, error and hints. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add(title());
        if (!input.isEmpty()) {
            lines.add(line("input", input));
        }
        if (!expected.isEmpty()) {
            lines.add(line("expected", expected + (tolerance.isEmpty() ? "" : " (" + tolerance + ")")));
        }
        if (!received.isEmpty()) {
            lines.add(line("received", received));
        }
        String diagnosis = orderDiagnosis;
        boolean fromNumbers = false;
        if (expectedNumber != null && receivedNumber != null) {
            lines.add(line("relative error", sci(relativeError(expectedNumber, receivedNumber))));
            diagnosis = diagnose(expectedNumber, receivedNumber);
            fromNumbers = true;
        } else if (expectedVector != null && receivedArray) {
            if (receivedVector != null && expectedVector.length == receivedVector.length
                && expectedVector.length > 0) {
                lines.add(line("relative error", sci(relativeError(expectedVector, receivedVector))
                    + " (largest gap / largest expected entry)"));
                int worst = worstEntry(expectedVector, receivedVector);
                lines.add(line("largest gap", "entry [" + worst + "]: expected " + show(expectedVector[worst])
                    + ", received " + show(receivedVector[worst])));
            }
            diagnosis = diagnose(expectedVector, receivedVector);
            fromNumbers = true;
        }
        lines.addAll(details);
        List<String> allHints = new ArrayList<>(hints);
        if (!diagnosis.isEmpty() && (generic || !fromNumbers)) {
            allHints.add(diagnosis);
        }
        for (int i = 0; i < allHints.size(); i++) {
            lines.add(line(i == 0 ? "hint" : "", allHints.get(i)));
        }
        return String.join("\n", lines);
    }

    /**
     * The first line, the gist: what was computed, what was expected and what came back, so that a summary that
     * keeps only the start of the message still says what went wrong.
     */
    private String title() {
        if (expectedVector != null && receivedVector != null && expectedVector.length == receivedVector.length
            && expectedVector.length > 0) {
            int worst = worstEntry(expectedVector, receivedVector);
            return what + ": entry [" + worst + "] should be " + show(expectedVector[worst]) + ", is "
                + show(receivedVector[worst]);
        }
        if (!expectedBrief.isEmpty() && !receivedBrief.isEmpty()) {
            return what + ": expected " + expectedBrief + ", received " + receivedBrief;
        }
        return what + " is not what was expected";
    }

    /** A value short enough for the title line, or nothing. */
    private static String brief(String text) {
        return text.length() <= BRIEF_LENGTH && !text.contains("\n") ? text : "";
    }

    private void clearExpected() {
        expectedBrief = "";
        expectedNumber = null;
        expectedVector = null;
        orderDiagnosis = "";
    }

    private void clearReceived() {
        receivedBrief = "";
        receivedNumber = null;
        receivedVector = null;
        receivedArray = false;
        orderDiagnosis = "";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ready-made messages

    /**
     * The message for a number that is not within an absolute tolerance of the expected one.
     *
     * @param what      the computation, such as {@code "CentralDifference.derivative(f, x, h)"}
     * @param input     the input in words, such as {@code "f(x) = sin(x), x = 1.0, h = 0.001"}
     * @param expected  the expected value
     * @param received  the value the code returned
     * @param tolerance the absolute tolerance allowed
     * @return the message, with the diagnosis of the gap
     */
    public static String mismatch(String what, String input, double expected, double received, double tolerance) {
        return that(what).input(input).expected(expected).received(received).within(tolerance).toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Diagnoses

    /**
     * What a gap between two numbers usually means, in one sentence; empty when there is nothing to say (equal
     * numbers, or an expected value that is not finite).
     *
     * <p>Recognised, in this order: NaN; an infinity; exactly 0 received (a placeholder, or one point used twice);
     * a wrong sign (ratio −1); a factor of 2 or 1/2, with or without a wrong sign; a near miss (relative error below
     * {@value #NEAR_MISS}); anything else is "far off".
     *
     * @param expected the value the test expected
     * @param received the value the code returned
     * @return the diagnosis, or the empty string
     */
    public static String diagnose(double expected, double received) {
        if (Double.isNaN(received)) {
            return "received NaN, the result of 0/0, infinity - infinity or a NaN input: a division by a step or a "
                + "width that is 0 (h = 0? a == b?), or a function evaluated outside its domain?";
        }
        if (Double.isInfinite(received)) {
            return "received " + received + ": a division by 0 (a step h = 0, a width b - a = 0?) or an overflow "
                + "(a huge intermediate value, such as exp of a large number)?";
        }
        if (!Double.isFinite(expected) || received == expected) {
            return "";
        }
        if (received == 0) {
            return "received exactly 0: is a placeholder return value still there, or do two terms cancel that "
                + "should not (the same point used twice, as in f(x + h) - f(x + h))?";
        }
        if (expected == 0) {
            return "expected exactly 0, for example a difference that should cancel: is a term left over, or a sign "
                + "wrong inside a sum?";
        }
        double ratio = received / expected;
        if (near(ratio, -1)) {
            return "the right size with the wrong sign: a difference taken the wrong way round, such as "
                + "f(x - h) - f(x + h), (f(a) - f(b)) / (b - a), or y - w*x for w*x - y?";
        }
        if (near(ratio, 2)) {
            return "twice the expected value: a missing factor 1/2, such as dividing by h where the formula has 2h?";
        }
        if (near(ratio, 0.5)) {
            return "half the expected value: a missing factor 2, such as dividing by 2h where the formula has h, or "
                + "the 2 of the power rule in d/dx x^2 = 2x?";
        }
        if (near(ratio, 4) || near(ratio, 0.25)) {
            return "off by a factor of " + significant(ratio) + ": a step squared the wrong way, such as h^2 where "
                + "the formula has (2h)^2, or a factor 2 missed twice?";
        }
        if (near(ratio, -2) || near(ratio, -0.5)) {
            return "off by a factor of " + significant(ratio) + ": both a wrong sign and a factor of 2?";
        }
        double relativeError = relativeError(expected, received);
        if (relativeError < NEAR_MISS) {
            return "close, but not close enough (relative error " + sci(relativeError) + "): the right idea with a "
                + "less accurate formula (a one-sided difference where a central one is asked? a larger step?), or "
                + "round-off from a step that is too small?";
        }
        if (relativeError < 0.1) {
            return "off by " + significant(100 * relativeError) + "% (relative error " + sci(relativeError) + "): a "
                + "term missing or a constant slightly wrong? Compare the formula with the lesson term by term.";
        }
        return "far from the expected value (received " + significant(ratio) + " times expected): compare the formula "
            + "with the lesson term by term, at this input.";
    }

    /**
     * What a gap between two vectors usually means: different lengths, a NaN entry, the same diagnosis for every
     * entry (a wrong sign or a factor 2 throughout), all zeros, the right numbers in the wrong places, or else the
     * diagnosis of the entry with the largest gap.
     *
     * @param expected the vector the test expected
     * @param received the vector the code returned
     * @return the diagnosis, or the empty string
     */
    public static String diagnose(double[] expected, double[] received) {
        if (expected == null || received == null) {
            return received == null ? "received null instead of an array: a placeholder return value?" : "";
        }
        if (expected.length != received.length) {
            return "received " + received.length + " entries where " + expected.length + " were expected: one entry "
                + "per variable (per parameter, per example)?";
        }
        for (int i = 0; i < received.length; i++) {
            if (!Double.isFinite(received[i])) {
                return "entry [" + i + "]: " + diagnose(expected[i], received[i]);
            }
        }
        if (Arrays.equals(expected, received)) {
            return "";
        }
        if (Arrays.stream(received).allMatch(v -> v == 0)) {
            return "received all zeros: is a placeholder still there, or are the entries never filled in (or "
                + "overwritten with = where += accumulates)?";
        }
        String common = commonFactor(expected, received);
        if (!common.isEmpty()) {
            return "every entry: " + common;
        }
        double[] e = expected.clone();
        double[] r = received.clone();
        Arrays.sort(e);
        Arrays.sort(r);
        // a permutation only if sorting removes nearly all of the gap: a near miss is near after sorting too
        double sortedGap = relativeError(e, r);
        if (sortedGap < NEAR_MISS && sortedGap < 0.01 * relativeError(expected, received)) {
            return "the right numbers in the wrong places: an index mix-up, such as i and j exchanged or a row read "
                + "as a column?";
        }
        int worst = worstEntry(expected, received);
        return "entry [" + worst + "] is furthest off: " + diagnose(expected[worst], received[worst]);
    }

    /**
     * What a measured convergence order usually means when it is not the expected one; empty when it is within
     * {@value #ORDER_TOLERANCE} of it. An order of about 1 where 2 is expected gives away a one-sided difference;
     * about 2 where 4 is expected, a missing extrapolation step; about 0, an error that does not shrink with h.
     *
     * @param expectedOrder the order p of the method, error ∝ h<sup>p</sup>
     * @param measuredOrder the order measured, for example with {@link #measuredOrder(double, double)}
     * @return the diagnosis, or the empty string
     */
    public static String diagnoseOrder(double expectedOrder, double measuredOrder) {
        if (!Double.isFinite(measuredOrder)) {
            return "the order could not be measured: an error was 0, NaN or infinite. Does the code return NaN or "
                + "infinity for a small h, or the exact answer by a shortcut?";
        }
        if (Math.abs(measuredOrder - expectedOrder) <= ORDER_TOLERANCE) {
            return "";
        }
        String measured = "the error shrinks like h^" + fixed(measuredOrder) + ", not h^" + fixed(expectedOrder);
        if (Math.abs(measuredOrder) <= ORDER_TOLERANCE) {
            return measured + ": it does not shrink at all when h does. Is h used, or is a fixed step used inside, or "
                + "is the formula wrong by a term that does not vanish as h -> 0?";
        }
        if (measuredOrder < 0) {
            return measured + ": it grows as h shrinks. Is the step used upside down (multiplied where it should "
                + "divide), or is round-off swamping a very small step?";
        }
        if (Math.abs(measuredOrder - 1) <= ORDER_TOLERANCE && expectedOrder >= 2) {
            return measured + ": halving h only halves the error. A one-sided difference such as "
                + "(f(x + h) - f(x)) / h where a central one, (f(x + h) - f(x - h)) / 2h, is asked?";
        }
        if (Math.abs(measuredOrder - 2) <= ORDER_TOLERANCE && expectedOrder >= 3) {
            return measured + ": the plain central difference without the extrapolation step, or the extrapolation "
                + "with the wrong weights (it is (4 D(h/2) - D(h)) / 3)?";
        }
        if (measuredOrder > expectedOrder) {
            return measured + ": faster than the method should. Is it a different, more accurate method than the one "
                + "asked for?";
        }
        return measured + ": check the coefficients of the formula against the lesson.";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Measures

    /**
     * The relative error |received − expected| / |expected|; the absolute error |received| when expected is 0, so
     * that the measure stays finite. 0 for two equal values (infinities included), NaN when either is NaN.
     */
    public static double relativeError(double expected, double received) {
        if (expected == received) {
            return 0.0;
        }
        double gap = Math.abs(received - expected);
        return expected == 0 ? gap : gap / Math.abs(expected);
    }

    /**
     * The norm-wise relative error of two vectors of the same length: the largest entry of |received − expected|
     * over the largest entry of |expected| (over 1 when expected is all zeros).
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double relativeError(double[] expected, double[] received) {
        if (expected.length != received.length) {
            throw new IllegalArgumentException("the vectors must have the same length, got " + expected.length
                + " and " + received.length);
        }
        double gap = 0;
        double size = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = expected[i] == received[i] ? 0 : Math.abs(received[i] - expected[i]);
            gap = Math.max(gap, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
            size = Math.max(size, Math.abs(expected[i]));
        }
        return size == 0 ? gap : gap / size;
    }

    /**
     * The order <em>p</em> of a method whose error behaves like <em>C</em><em>h</em><sup><em>p</em></sup>, measured
     * from its errors at <em>h</em> and at <em>h</em>/2: log<sub>2</sub>(error(<em>h</em>) / error(<em>h</em>/2)).
     * Halving <em>h</em> halves a first-order error (p = 1) and quarters a second-order one (p = 2).
     *
     * @param errorAtH     |approximation(h) − exact|
     * @param errorAtHalfH |approximation(h/2) − exact|
     * @return the measured order; NaN or infinite when an error is 0 or not finite
     */
    public static double measuredOrder(double errorAtH, double errorAtHalfH) {
        return Math.log(Math.abs(errorAtH) / Math.abs(errorAtHalfH)) / Math.log(2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Formatting

    /** A value as the message shows it: doubles in full (as Java reads them back), arrays entry by entry. */
    static String show(Object value) {
        if (value instanceof double[] v) {
            return show(v);
        }
        if (value instanceof int[] v) {
            return Arrays.toString(v);
        }
        if (value instanceof Object[] v) {
            return Arrays.deepToString(v);
        }
        return String.valueOf(value);
    }

    private static String show(double[] v) {
        if (v == null) {
            return "null";
        }
        if (v.length <= SHOWN_ENTRIES) {
            return Arrays.toString(v);
        }
        String head = Arrays.toString(Arrays.copyOf(v, SHOWN_ENTRIES));
        return head.substring(0, head.length() - 1) + ", ... (" + v.length + " entries)]";
    }

    private static String line(String label, String text) {
        String pad = " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
        return INDENT + label + pad + text;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }

    private static String significant(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static boolean near(double ratio, double factor) {
        return Math.abs(ratio - factor) <= FACTOR_TOLERANCE * Math.abs(factor);
    }

    /** The diagnosis shared by every entry (a wrong sign or a factor 2 throughout), or the empty string. */
    private static String commonFactor(double[] expected, double[] received) {
        String common = null;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == 0 && received[i] == 0) {
                continue;
            }
            String d = expected[i] == 0 ? "" : factorOnly(received[i] / expected[i]);
            if (d.isEmpty() || (common != null && !common.equals(d))) {
                return "";
            }
            common = d;
        }
        return common == null ? "" : common;
    }

    private static String factorOnly(double ratio) {
        if (near(ratio, -1) || near(ratio, 2) || near(ratio, 0.5) || near(ratio, -2) || near(ratio, -0.5)) {
            return diagnose(1.0, ratio);
        }
        return "";
    }

    /** The entry with the largest absolute gap (NaN first), or -1 for empty vectors. */
    private static int worstEntry(double[] expected, double[] received) {
        int worst = -1;
        double largest = -1;
        for (int i = 0; i < expected.length; i++) {
            double gap = expected[i] == received[i] ? 0 : Math.abs(received[i] - expected[i]);
            if (Double.isNaN(gap)) {
                return i;
            }
            if (gap > largest) {
                largest = gap;
                worst = i;
            }
        }
        return worst;
    }
}
