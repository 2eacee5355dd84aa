package calculus.gradient;

import java.util.ArrayList;
import java.util.List;

import calculus.oracles.Explain;

/**
 * The tests' own definitions of the two losses, written straight from the lesson's formulas, and the diagnosis
 * of a wrong loss or gradient: which of the usual slips (a factor 2, a sum for a mean, the other penalty
 * convention, a regularised bias, a flipped sign) turns the right answer into the one received.
 *
 * <p>The gradients the tests expect come from {@link calculus.oracles.FiniteDifferences} applied to these
 * definitions, never from a formula for the gradient: the definition of the loss is the specification.
 */
final class LossOracle {

    /** How close a slip's result must be to the received one to name that slip. */
    private static final double SLIP_MATCH = 1e-6;

    private LossOracle() {
    }

    /** The data term of linear regression: (1/m) Σ (w·x<sub>i</sub> + b − y<sub>i</sub>)², θ = (w, b). */
    static double meanSquaredError(double[] theta, double[][] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = affine(theta, x[i]) - y[i];
            sum += r * r;
        }
        return sum / x.length;
    }

    /**
     * The data term of logistic regression: (1/m) Σ −log P(label<sub>i</sub>), with −log σ(z) = softplus(−z) and
     * −log(1 − σ(z)) = softplus(z), computed stably.
     */
    static double crossEntropy(double[] theta, double[][] x, int[] labels) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = affine(theta, x[i]);
            sum += labels[i] == 1 ? softplus(-z) : softplus(z);
        }
        return sum / x.length;
    }

    /**
     * The exact gradient of {@link #crossEntropy}: (1/m) Σ (σ(z<sub>i</sub>) − y<sub>i</sub>) (x<sub>i</sub>, 1). Used
     * where finite differences cannot reach (logits of 1000) and as a known-good gradient to plant bugs in.
     */
    static double[] crossEntropyGradient(double[] theta, double[][] x, int[] labels) {
        int k = theta.length - 1;
        double[] g = new double[k + 1];
        for (int i = 0; i < x.length; i++) {
            double error = sigmoid(affine(theta, x[i])) - labels[i];
            for (int j = 0; j < k; j++) {
                g[j] += error * x[i][j] / x.length;
            }
            g[k] += error / x.length;
        }
        return g;
    }

    /** The penalty (λ/2)‖w‖², the bias left out. */
    static double penalty(double[] theta, double lambda) {
        double sum = 0;
        for (int j = 0; j < theta.length - 1; j++) {
            sum += theta[j] * theta[j];
        }
        return 0.5 * lambda * sum;
    }

    /** The gradient of the penalty, λ(w, 0). */
    static double[] penaltyGradient(double[] theta, double lambda) {
        double[] g = new double[theta.length];
        for (int j = 0; j < theta.length - 1; j++) {
            g[j] = lambda * theta[j];
        }
        return g;
    }

    /** σ(z), without overflow. */
    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** log(1 + e<sup>t</sup>), without overflow and exact in both tails. */
    static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    /**
     * Which usual slip turns the right gradient {@code data + penalty} into {@code received}, or "" if none does.
     *
     * @param received the student's gradient
     * @param data     the right gradient of the data term (no penalty)
     * @param theta    the parameters, bias last
     * @param lambda   the regularisation strength
     * @param m        the number of examples
     * @param squared  whether the data term is a mean of squares (linear regression)
     */
    static String diagnoseGradient(double[] received, double[] data, double[] theta, double lambda, int m,
                                   boolean squared) {
        if (received == null || received.length != data.length) {
            return received == null ? "" : "the gradient has one entry per parameter: k = " + (data.length - 1)
                + " weights, then the bias, " + data.length + " entries in all";
        }
        double[] pen = penaltyGradient(theta, lambda);
        double[] right = combine(1, data, 1, pen);
        int k = theta.length - 1;
        List<Slip> slips = new ArrayList<>();
        if (squared) {
            slips.add(new Slip(combine(0.5, data, 1, pen), "half the data term: the square brings down a factor 2, "
                + "d(r^2) = 2 r dr; or the loss was taken as (1/2m) sum r^2, but this course's mean squared error "
                + "has no 1/2 in front"));
        } else {
            slips.add(new Slip(combine(2, data, 1, pen), "twice the data term: the cross-entropy has no square, so "
                + "its gradient has no factor 2: dL_i/dz = sigma(z) - y"));
        }
        slips.add(new Slip(combine(m, data, 1, pen), "m = " + m + " times the data term: a sum over the examples "
            + "where the loss takes their mean; divide by m"));
        slips.add(new Slip(combine(1.0 / m, data, 1, pen), "the data term divided by m twice, once inside and once "
            + "outside the sum?"));
        double[] weightsSummed = right.clone();
        double[] biasSummed = right.clone();
        for (int j = 0; j < k; j++) {
            weightsSummed[j] = m * data[j] + pen[j];
        }
        biasSummed[k] = m * data[k] + pen[k];
        slips.add(new Slip(weightsSummed, "the weights' entries are m = " + m + " times too large while the bias's "
            + "is right: the weights' data term is summed over the examples where the loss takes their mean; divide "
            + "it by m too"));
        slips.add(new Slip(biasSummed, "the bias's entry is m = " + m + " times too large while the weights' are "
            + "right: its data term is summed over the examples where the loss takes their mean; divide it by m too"));
        slips.add(new Slip(combine(1, data, 2, pen), "the penalty's gradient is 2 lambda w, the gradient of lambda "
            + "|w|^2; this course's penalty is (lambda/2)|w|^2, whose gradient is lambda w"));
        slips.add(new Slip(combine(1, data, 0.5, pen), "the penalty's gradient is lambda w / 2; the derivative of "
            + "(lambda/2) w_j^2 is lambda w_j (the 2 of the square cancels the 1/2)"));
        slips.add(new Slip(data, "the penalty's gradient lambda w is missing from the weights' entries"));
        double[] biasRegularised = right.clone();
        biasRegularised[k] += lambda * theta[k];
        slips.add(new Slip(biasRegularised, "the bias is regularised: the penalty is on the weights only, so the "
            + "bias's entry (the last) has no lambda b term"));
        slips.add(new Slip(combine(-1, data, 1, pen), "the data term has the wrong sign: use prediction minus "
            + "target, " + (squared ? "r = w.x + b - y" : "sigma(z) - y") + ", not the other way round"));
        slips.add(new Slip(combine(-1, data, -1, pen), "the whole gradient has the wrong sign: this is the gradient "
            + "of -L. Gradient descent steps along minus the gradient, but the gradient itself points uphill"));
        double[] biasFirst = new double[k + 1];
        biasFirst[0] = right[k];
        System.arraycopy(right, 0, biasFirst, 1, k);
        slips.add(new Slip(biasFirst, "the bias's entry comes first; this course puts it last: theta = (w_1, ..., "
            + "w_k, b) and the gradient in the same order"));
        return match(slips, right, received);
    }

    /**
     * Which usual slip turns the right loss {@code data + penalty} into {@code received}, or "" if none does.
     *
     * @param received the student's loss
     * @param data     the right data term
     * @param theta    the parameters, bias last
     * @param lambda   the regularisation strength
     * @param m        the number of examples
     * @param squared  whether the data term is a mean of squares (linear regression)
     */
    static String diagnoseValue(double received, double data, double[] theta, double lambda, int m,
                                boolean squared) {
        double pen = penalty(theta, lambda);
        double b = theta[theta.length - 1];
        List<Slip> slips = new ArrayList<>();
        if (squared) {
            slips.add(new Slip(new double[] {data / 2 + pen}, "the data term is halved: this course's mean squared "
                + "error is (1/m) sum r^2, with no 1/2 in front"));
            slips.add(new Slip(new double[] {Math.sqrt(data) + pen}, "the square root of the mean squared error "
                + "(the RMSE): the loss is the mean of the squares itself"));
        }
        slips.add(new Slip(new double[] {m * data + pen}, "m = " + m + " times the data term: a sum over the "
            + "examples where the loss takes their mean"));
        slips.add(new Slip(new double[] {data + 2 * pen}, "the penalty is lambda |w|^2; this course's is "
            + "(lambda/2)|w|^2"));
        slips.add(new Slip(new double[] {data + pen + 0.5 * lambda * b * b}, "the bias is in the penalty: only the "
            + "weights are regularised, (lambda/2)(w_1^2 + ... + w_k^2)"));
        slips.add(new Slip(new double[] {data}, "the penalty (lambda/2)|w|^2 is missing"));
        slips.add(new Slip(new double[] {-(data + pen)}, "the loss has the wrong sign: a loss is never negative "
            + "(the cross-entropy is minus the mean log-likelihood)"));
        return match(slips, new double[] {data + pen}, new double[] {received});
    }

    /** a·u + b·v. */
    private static double[] combine(double a, double[] u, double b, double[] v) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = a * u[i] + b * v[i];
        }
        return r;
    }

    private static double affine(double[] theta, double[] features) {
        int k = theta.length - 1;
        double z = theta[k];
        for (int j = 0; j < k; j++) {
            z += theta[j] * features[j];
        }
        return z;
    }

    /** A wrong result and the slip that produces it. */
    private record Slip(double[] result, String explanation) {
    }

    /**
     * The slips whose result is the received one, skipping slips that here give the right result anyway; when
     * several match (m = 2 makes "a sum for a mean" and "a factor 2" the same number), all of them.
     */
    private static String match(List<Slip> slips, double[] right, double[] received) {
        List<String> matches = new ArrayList<>();
        for (Slip slip : slips) {
            boolean distinct = Explain.relativeError(right, slip.result()) > 1e3 * SLIP_MATCH;
            if (distinct && Explain.relativeError(slip.result(), received) <= SLIP_MATCH) {
                matches.add(slip.explanation());
            }
        }
        return String.join(". Or: ", matches);
    }
}
