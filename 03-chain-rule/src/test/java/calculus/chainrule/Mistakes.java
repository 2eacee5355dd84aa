package calculus.chainrule;

/**
 * Recognises the usual mistakes of this module from the number they produce: a test lists what each mistake would
 * have returned at its input (the outer derivative taken at x, the inner derivative forgotten, ...), and the hint
 * names the one the student's result matches. {@link calculus.oracles.Explain} adds the diagnoses that need no
 * knowledge of the task (a wrong sign, a factor of 2, NaN).
 */
final class Mistakes {

    /**
     * A mistake reproduced with the same few operations matches the received value to round-off; 10<sup>−9</sup>
     * relative is far above that and far below the gap between two different formulas at a random input.
     */
    private static final double MATCH = 1e-9;

    private Mistakes() {
    }

    /**
     * The hint for a received value: "that is what ... gives" for the first listed mistake it matches, or the
     * empty string (when it matches none, or when the expected value is indistinguishable from the mistake's).
     *
     * @param expected      the right answer
     * @param received      the student's answer
     * @param mistakeValues pairs of a description (what the code probably did) and the value that mistake gives
     * @return the hint, or ""
     */
    static String hint(double expected, double received, Object... mistakeValues) {
        for (int k = 0; k + 1 < mistakeValues.length; k += 2) {
            String description = (String) mistakeValues[k];
            double wrong = ((Number) mistakeValues[k + 1]).doubleValue();
            if (matches(received, wrong) && !matches(expected, wrong)) {
                return "received exactly what you get when " + description;
            }
        }
        return "";
    }

    /** Whether two numbers agree to round-off. */
    static boolean matches(double a, double b) {
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= MATCH * Math.max(1e-3, Math.max(Math.abs(a), Math.abs(b)));
    }
}
