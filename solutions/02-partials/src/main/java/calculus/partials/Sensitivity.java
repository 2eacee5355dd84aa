package calculus.partials;

import java.util.function.ToDoubleFunction;

/**
 * Reading partial derivatives as sensitivities: how much a loss changes when one parameter is nudged and the others
 * hold still.
 *
 * <p>Near the parameters <em>θ</em>, moving parameter <em>i</em> alone by a small δ changes the loss by about
 *
 * <p><em>L</em>(<em>θ</em> + δ<em>e</em><sub><em>i</em></sub>) − <em>L</em>(<em>θ</em>) ≈
 * &part;<em>L</em>/&part;<em>θ</em><sub><em>i</em></sub>(<em>θ</em>) · δ,
 *
 * <p>with an error of order δ<sup>2</sup> (the first-order Taylor expansion of the slice along <em>i</em>). So the
 * magnitude |&part;<em>L</em>/&part;<em>θ</em><sub><em>i</em></sub>| says how sensitive the loss is to parameter
 * <em>i</em> at <em>θ</em>, and its sign says which way is uphill: a partial of −3 means as much sensitivity as
 * one of +3. The answer belongs to the point: elsewhere another parameter may matter more.
 *
 * <p>{@link #mostSensitive} compares parameters nudged by the same amount, which is fair when they are on
 * comparable scales; a parameter measured in thousands and one measured in thousandths should be compared per unit
 * of their own scale.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /**
     * The parameter the loss is most sensitive to at {@code theta}: the index <em>i</em> with the largest
     * |&part;<em>L</em>/&part;<em>θ</em><sub><em>i</em></sub>(<em>θ</em>)|, each partial by a central difference with
     * step {@code h}. On a tie the smaller index wins.
     *
     * @param loss  the loss, a function of the parameters
     * @param theta the parameters; not changed
     * @param h     the step of the central differences, positive and finite
     * @return the index, in [0, {@code theta.length})
     * @throws IllegalArgumentException if {@code loss} or {@code theta} is {@code null}, {@code theta} is empty or
     *                                  has a NaN or infinite entry, {@code h} is not positive and finite, or a
     *                                  partial is NaN (the loss is not defined near {@code theta})
     */
    public static int mostSensitive(ToDoubleFunction<double[]> loss, double[] theta, double h) {
        // BEGIN SOLUTION Task 2.6: return the index of the parameter the loss is most sensitive to at theta, the first
        //     one on a tie (README.md, "Task 2.6"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(loss, "loss");
        Checks.requireVector(theta, "theta");
        Checks.requirePositive(h, "h");
        int best = -1;
        double largest = -1;
        for (int i = 0; i < theta.length; i++) {
            double partial = PartialDerivative.partial(loss, theta, i, h);
            if (Double.isNaN(partial)) {
                // a NaN would lose every comparison and quietly hand the answer to another parameter
                throw new IllegalArgumentException("the loss is not defined near theta: its partial along "
                    + "parameter " + i + " is NaN");
            }
            // the magnitude, not the value: a steep way down is as sensitive as a steep way up
            double magnitude = Math.abs(partial);
            if (magnitude > largest) {
                largest = magnitude;
                best = i;
            }
        }
        return best;
        // END SOLUTION
    }

    /**
     * The first-order prediction of how much the loss changes when parameter {@code i} alone moves by
     * {@code delta}: &part;<em>L</em>/&part;<em>θ</em><sub><em>i</em></sub>(<em>θ</em>) · δ, the partial by a
     * central difference with step {@code h}. It differs from the true change
     * <em>L</em>(<em>θ</em> + δ<em>e</em><sub><em>i</em></sub>) − <em>L</em>(<em>θ</em>) by about
     * ½ &part;<sup>2</sup><em>L</em>/&part;<em>θ</em><sub><em>i</em></sub><sup>2</sup> δ<sup>2</sup>.
     *
     * @param loss  the loss, a function of the parameters
     * @param theta the parameters; not changed
     * @param i     the parameter that moves, in [0, {@code theta.length})
     * @param delta how far it moves, finite; positive or negative
     * @param h     the step of the central difference, positive and finite
     * @return the predicted change in the loss
     * @throws IllegalArgumentException if {@code loss} or {@code theta} is {@code null}, {@code theta} is empty or
     *                                  has a NaN or infinite entry, {@code i} is out of range, {@code delta} is NaN
     *                                  or infinite, or {@code h} is not positive and finite
     */
    public static double predictedChange(ToDoubleFunction<double[]> loss, double[] theta, int i, double delta,
                                         double h) {
        // BEGIN SOLUTION Task 2.6: return the first-order prediction of the change in the loss when parameter i moves
        //     by delta (README.md, "Task 2.6"); reject bad input as the Javadoc's @throws says
        Checks.requireNonNull(loss, "loss");
        Checks.requireVector(theta, "theta");
        Checks.requireIndex(i, "i", theta.length);
        Checks.requireFinite(delta, "delta");
        Checks.requirePositive(h, "h");
        // first-order Taylor expansion of the slice along i: s(t + delta) - s(t) ~ s'(t) delta
        return PartialDerivative.partial(loss, theta, i, h) * delta;
        // END SOLUTION
    }
}
