package calculus.derivatives;

import java.util.function.DoubleUnaryOperator;

import calculus.oracles.Expect;

/**
 * The input checks every method of the form {@code method(f, x, h)} must make, in one place: a null {@code f}, an
 * {@code x} that is not finite, and a step {@code h} that is not positive and finite are each rejected with an
 * {@link IllegalArgumentException} whose message names the parameter and the value.
 */
final class BadInput {

    private static final double[] BAD_STEPS = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY};
    private static final double[] BAD_POINTS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private BadInput() {
    }

    /** A method that takes a function, a point and a step. */
    @FunctionalInterface
    interface StepMethod {
        double apply(DoubleUnaryOperator f, double x, double h);
    }

    /**
     * Asserts that {@code method} rejects each bad argument with a message that names it.
     *
     * @param name   the method's name as the student knows it, such as {@code "CentralDifference.derivative"}
     * @param method the method
     */
    static void assertRejected(String name, StepMethod method) {
        DoubleUnaryOperator sin = Math::sin;
        Expect.throwsIllegalArgument(() -> method.apply(null, 1.0, 0.1),
            "%s(null, 1.0, 0.1) must throw an IllegalArgumentException whose message names f", name)
            .hasMessageContaining("f");
        for (double x : BAD_POINTS) {
            Expect.throwsIllegalArgument(() -> method.apply(sin, x, 0.1),
                "%s(sin, %s, 0.1) must throw an IllegalArgumentException whose message names x and %s", name, x,
                    x)
                .hasMessageContaining("x")
                .hasMessageContaining(String.valueOf(x));
        }
        for (double h : BAD_STEPS) {
            Expect.throwsIllegalArgument(() -> method.apply(sin, 1.0, h),
                "%s(sin, 1.0, %s) must throw an IllegalArgumentException whose message names h and %s: a step "
                    + "must be positive and finite", name, h, h)
                .hasMessageContaining("h")
                .hasMessageContaining(String.valueOf(h));
        }
    }
}
