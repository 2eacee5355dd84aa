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

    /** A mistake reproduced with the same few operations matches to round-off; 1e-9 is far above that. */
    static final double MATCH = 1e-9;

    /** An input given in words names a step as "h = ..." or "step = ...". */
    private static final java.util.regex.Pattern STEP_IN_WORDS =
        java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])(h|step)\\s*=");
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
    /** What the numbers' diagnosis may blame: a step h, a count to average over. */
    private boolean stepped;
    private int count;
    private String counted = "";
    /** Mistakes the test reproduced at its input: a description and the value (a Double or a double[]) it gives. */
    private final List<Object[]> mistakes = new ArrayList<>();
    /** Diagnoses the test found itself by matching the received value: they go first, and no guess beside them. */
    private final List<String> matched = new ArrayList<>();

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
        this.stepped |= STEP_IN_WORDS.matcher(this.input).find();
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
        stepped |= isStep(name);
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            text.append(", ").append(moreNamesAndValues[i]).append(" = ").append(show(moreNamesAndValues[i + 1]));
            stepped |= isStep(String.valueOf(moreNamesAndValues[i]));
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
     * Says that the computation takes a step size, so that a factor of 2 or 4 may be blamed on it (h where the
     * formula has 2h). An input named {@code h} or {@code step} says so on its own; without a step, the diagnosis
     * never mentions one.
     */
    public Explain withStep() {
        this.stepped = true;
        return this;
    }

    /**
     * Says that the result is a mean over {@code n} items (examples, a batch's rows), so that a result {@code n}
     * times too large is diagnosed as a sum where the mean is asked, and one {@code n} times too small as a mean
     * taken twice (or where a sum is asked).
     *
     * @param n    the number of items averaged over, at least 2 to be of use
     * @param what what the items are, plural: {@code "examples"}
     */
    public Explain averagedOver(int n, String what) {
        this.count = n;
        this.counted = what == null ? "items" : what;
        return this;
    }

    /**
     * A mistake the test reproduced at its input: when the received value matches {@code value} to round-off (and
     * the expected value does not), the message says "received exactly what you get when {@code description}",
     * first, and leaves out the guesses from the numbers alone.
     *
     * @param description what the code probably did: {@code "the outer derivative is taken at x instead of at g(x)"}
     * @param value       what that mistake returns at this input
     */
    public Explain mistake(String description, double value) {
        mistakes.add(new Object[] {description, value});
        return this;
    }

    /** A mistake the test reproduced at its input, for a vector result: see {@link #mistake(String, double)}. */
    public Explain mistake(String description, double[] value) {
        mistakes.add(new Object[] {description, value == null ? null : value.clone()});
        return this;
    }

    /**
     * A diagnosis the test made itself by matching the received value against a mistake (empty or null when
     * nothing matched, and then ignored): printed first, and the guesses from the numbers alone are left out, so
     * that they cannot contradict it.
     */
    public Explain matched(String diagnosis) {
        if (diagnosis != null && !diagnosis.isBlank()) {
            this.matched.add(diagnosis.strip());
        }
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
        Context context = new Context(stepped, count, counted);
        if (expectedNumber != null && receivedNumber != null) {
            lines.add(line("relative error", sci(relativeError(expectedNumber, receivedNumber))));
            diagnosis = diagnose(expectedNumber, receivedNumber, context);
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
            diagnosis = diagnose(expectedVector, receivedVector, context);
            fromNumbers = true;
        }
        lines.addAll(details);
        // a mistake matched at this input names the slip: it goes first and alone, no guess beside it; a diagnosis
        // from the numbers that names a cause (a sign, a factor) goes before the test's general hints, a vague one
        // (near miss, far off) after them
        List<String> matches = new ArrayList<>();
        if (!matchedMistake().isEmpty()) {
            matches.add(matchedMistake());
        }
        matches.addAll(matched);
        List<String> allHints = new ArrayList<>();
        if (!matches.isEmpty()) {
            allHints.addAll(matches);
            allHints.addAll(hints);
        } else if (!diagnosis.isEmpty() && (generic || !fromNumbers)) {
            if (fromNumbers && isSpecific(diagnosis)) {
                allHints.add(diagnosis);
                allHints.addAll(hints);
            } else {
                allHints.addAll(hints);
                allHints.add(diagnosis);
            }
        } else {
            allHints.addAll(hints);
        }
        for (int i = 0; i < allHints.size(); i++) {
            lines.add(line(i == 0 ? "hint" : "", allHints.get(i)));
        }
        return String.join("\n", lines);
    }

    /** "received exactly what you get when ..." for the first listed mistake the received value matches, or "". */
    private String matchedMistake() {
        for (Object[] m : mistakes) {
            String description = (String) m[0];
            if (m[1] instanceof Double wrong && receivedNumber != null) {
                double scale = expectedNumber == null ? 1.0 : Math.abs(expectedNumber);
                if (matches(receivedNumber, wrong, scale)
                    && (expectedNumber == null || !matches(expectedNumber, wrong, scale))) {
                    return "received exactly what you get when " + description;
                }
            } else if (m[1] instanceof double[] wrong && receivedVector != null
                && wrong.length == receivedVector.length && wrong.length > 0) {
                if (relativeError(wrong, receivedVector) <= MATCH && (expectedVector == null
                    || expectedVector.length != wrong.length || relativeError(wrong, expectedVector) > MATCH)) {
                    return "received exactly what you get when " + description;
                }
            }
        }
        return "";
    }

    /**
     * Whether two numbers agree to round-off, as a mistake reproduced with the same operations does: relatively,
     * or, for numbers near 0, within {@value #MATCH} of a thousandth of {@code scale}, the size of the right answer.
     */
    static boolean matches(double a, double b, double scale) {
        if (a == b) {
            return true;
        }
        double floor = Double.isFinite(scale) && scale > 0 ? 1e-3 * scale : 1e-3;
        return Math.abs(a - b) <= MATCH * Math.max(floor, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Whether a diagnosis from the numbers names a cause, not only a size of the gap. */
    private static boolean isSpecific(String diagnosis) {
        return !(diagnosis.contains("close, but not close enough") || diagnosis.contains("% (relative error")
            || diagnosis.contains("far from the expected value"));
    }

    private static boolean isStep(String name) {
        return name.equals("h") || name.equals("step");
    }

    /** What a diagnosis may blame besides the numbers: a step h, a mean over a count. */
    private record Context(boolean stepped, int count, String counted) {
        static final Context STEP = new Context(true, 0, "");
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
        return diagnose(expected, received, Context.STEP);
    }

    /**
     * The diagnosis of {@link #diagnose(double, double)}, blaming a step only in a computation that has one, and
     * naming a sum-instead-of-mean when the ratio is the count averaged over.
     */
    private static String diagnose(double expected, double received, Context context) {
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
        String counted = countFactor(ratio, context);
        if (!counted.isEmpty()) {
            return counted;
        }
        if (near(ratio, -1)) {
            return "the right size with the wrong sign: " + (context.stepped()
                ? "a difference taken the wrong way round, such as f(x - h) - f(x + h) or (f(a) - f(b)) / (b - a)?"
                : "a difference taken the wrong way round (y - w*x for w*x - y?), a minus lost in a derivative "
                    + "(d/dx cos x = -sin x), or a step taken uphill instead of downhill?");
        }
        if (near(ratio, 2)) {
            return "twice the expected value: a missing factor 1/2" + (context.stepped()
                ? ", such as dividing by h where the formula has 2h?" : ", or a factor 2 counted twice?");
        }
        if (near(ratio, 0.5)) {
            return "half the expected value: a missing factor 2, such as " + (context.stepped()
                ? "dividing by 2h where the formula has h, or " : "") + "the 2 of the power rule in d/dx x^2 = 2x?";
        }
        if (near(ratio, 4) || near(ratio, 0.25)) {
            return "off by a factor of " + significant(ratio) + ": " + (context.stepped()
                ? "a step squared the wrong way, such as h^2 where the formula has (2h)^2, or a factor 2 missed "
                    + "twice?" : "a factor 2 missed twice, or a factor squared that should not be?");
        }
        if (near(ratio, -2) || near(ratio, -0.5)) {
            return "off by a factor of " + significant(ratio) + ": both a wrong sign and a factor of 2?";
        }
        double relativeError = relativeError(expected, received);
        if (relativeError < NEAR_MISS) {
            return "close, but not close enough (relative error " + sci(relativeError) + "): " + (context.stepped()
                ? "the right idea with a less accurate formula (a one-sided difference where a central one is "
                    + "asked? a larger step?), or round-off from a step that is too small?"
                : "nearly the right formula: look for a small term or constant in a slightly wrong place, or an "
                    + "input that was changed while it was still needed.");
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
        return diagnose(expected, received, Context.STEP);
    }

    private static String diagnose(double[] expected, double[] received, Context context) {
        if (expected == null || received == null) {
            return received == null ? "received null instead of an array: a placeholder return value?" : "";
        }
        if (expected.length != received.length) {
            return "received " + received.length + " entries where " + expected.length + " were expected: one entry "
                + "per variable (per parameter, per example)?";
        }
        for (int i = 0; i < received.length; i++) {
            if (!Double.isFinite(received[i])) {
                return "entry [" + i + "]: " + diagnose(expected[i], received[i], context);
            }
        }
        if (Arrays.equals(expected, received)) {
            return "";
        }
        if (Arrays.stream(received).allMatch(v -> v == 0)) {
            return "received all zeros: is a placeholder still there, or are the entries never filled in (or "
                + "overwritten with = where += accumulates)?";
        }
        String common = commonFactor(expected, received, context);
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
        return "entry [" + worst + "] is furthest off: " + diagnose(expected[worst], received[worst], context);
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
     * The course's one measure of how far a received number is from the expected one: |received − expected| over
     * the larger of |expected| and {@code floor}, so relative above the floor and absolute below it (a derivative
     * that is exactly 0 has no relative error to speak of); the absolute error when that larger one is 0. 0 for two
     * equal values (infinities included), NaN when either is NaN.
     */
    public static double relativeError(double expected, double received, double floor) {
        if (expected == received) {
            return 0.0;
        }
        double gap = Math.abs(received - expected);
        double scale = Math.max(Math.abs(expected), floor);
        return scale == 0 ? gap : gap / scale;
    }

    /** {@link #relativeError(double, double, double)} with no floor: relative, absolute only when expected is 0. */
    public static double relativeError(double expected, double received) {
        return relativeError(expected, received, 0);
    }

    /**
     * The largest {@link #relativeError(double, double, double)} over the entries of two vectors of the same length.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double largestRelativeError(double[] expected, double[] received, double floor) {
        if (expected.length != received.length) {
            throw new IllegalArgumentException("the vectors must have the same length, got " + expected.length
                + " and " + received.length);
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, relativeError(expected[i], received[i], floor));
        }
        return worst;
    }

    /**
     * The norm-wise relative error of two vectors of the same length: the same measure as for numbers, taken on the
     * largest entries, the largest |received − expected| over the largest |expected| (absolute when expected is all
     * zeros).
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
    private static String commonFactor(double[] expected, double[] received, Context context) {
        String common = null;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == 0 && received[i] == 0) {
                continue;
            }
            String d = expected[i] == 0 ? "" : factorOnly(received[i] / expected[i], context);
            if (d.isEmpty() || (common != null && !common.equals(d))) {
                return "";
            }
            common = d;
        }
        return common == null ? "" : common;
    }

    private static String factorOnly(double ratio, Context context) {
        if (!countFactor(ratio, context).isEmpty() || near(ratio, -1) || near(ratio, 2) || near(ratio, 0.5)
            || near(ratio, -2) || near(ratio, -0.5) || near(ratio, 4) || near(ratio, 0.25)) {
            return diagnose(1.0, ratio, context);
        }
        return "";
    }

    /** A ratio that is the count averaged over, or its inverse: a sum for a mean, or a mean taken twice. */
    private static String countFactor(double ratio, Context context) {
        int n = context.count();
        if (n < 2) {
            return "";
        }
        if (near(ratio, n)) {
            return significant(ratio) + " times the expected value, and there are " + n + " " + context.counted()
                + ": a sum where the mean is asked (divide by " + n + ")?";
        }
        if (near(ratio, 1.0 / n)) {
            return "1/" + n + " of the expected value, and there are " + n + " " + context.counted() + ": divided by "
                + n + " where no mean is asked, or a mean taken twice?";
        }
        if (near(ratio, -n)) {
            return significant(ratio) + " times the expected value: a wrong sign, and a sum over the " + n + " "
                + context.counted() + " where the mean is asked?";
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
