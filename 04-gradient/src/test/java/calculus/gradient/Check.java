package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import calculus.oracles.Entries;
import calculus.oracles.Explain;
import calculus.grader.TestRandom;
import calculus.oracles.Fields;

/**
 * What this module's tests share beyond {@link calculus.oracles.Expect}: losses compared on the scale of a loss,
 * test points away from stationary points, and the vectors of the worked examples read from text.
 */
final class Check {

    /** The smallest gradient entry a test point must have somewhere (see {@link #pointAwayFromStationary}). */
    static final double GRADIENT_FLOOR = 0.1;
    private static final int MAX_ATTEMPTS = 1000;

    private Check() {
    }

    /**
     * Asserts that {@code received} is within {@code tolerance} max(1, |expected|) of {@code expected}: a relative
     * error for values above 1, an absolute one below. For losses, whose tiny values (every example classified
     * right with certainty) matter only next to the loss's usual size of about 1.
     */
    static void closeToScaled(Explain message, double expected, double received, double tolerance) {
        double allowed = tolerance * Math.max(1.0, Math.abs(expected));
        assertThat(Math.abs(received - expected))
            .withFailMessage(message.expected(expected).received(received).within(allowed))
            .isLessThanOrEqualTo(allowed);
    }

    /**
     * A random point of [−2, 2]<sup>n</sup> where the gradient of {@code f} has an entry of size at least
     * {@link #GRADIENT_FLOOR}. Near a stationary point every gradient is tiny and a relative error measures only
     * round-off; tests that judge gradients by relative error stay away from there.
     */
    static double[] pointAwayFromStationary(TestRandom random, Fields.Field f) {
        double[] x = random.vector(f.dimension(), -2, 2);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && Entries.maxAbs(f.gradient(x)) < GRADIENT_FLOOR; attempt++) {
            x = random.vector(f.dimension(), -2, 2);
        }
        return x;
    }

    /** A vector written as numbers separated by spaces: {@code "3 -4 0.5"}. */
    static double[] vector(String text) {
        return Arrays.stream(text.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
