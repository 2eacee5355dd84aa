// SOLUTION ONLY FILE
package calculus.gradient;

/**
 * The affine model <em>w</em>·<em>x</em> + <em>b</em> that linear and logistic regression share, with the
 * parameters packed as θ = (<em>w</em><sub>1</sub>, …, <em>w</em><sub><em>k</em></sub>, <em>b</em>), the bias
 * last: linear regression predicts this number, logistic regression feeds it to the sigmoid as a logit.
 *
 * <p>Not part of any task: the skeleton does not have this class.
 */
final class LinearModel {

    private LinearModel() {
    }

    /** <em>w</em>·<em>x</em> + <em>b</em> for one example. */
    static double apply(double[] theta, double[] features) {
        int k = theta.length - 1;
        double sum = theta[k];
        for (int j = 0; j < k; j++) {
            sum += theta[j] * features[j];
        }
        return sum;
    }

    /** ‖<em>w</em>‖<sup>2</sup>, the bias left out: the bias is not regularised. */
    static double weightsSquared(double[] theta) {
        double sum = 0.0;
        for (int j = 0; j < theta.length - 1; j++) {
            sum += theta[j] * theta[j];
        }
        return sum;
    }

    /**
     * Throws unless θ, the features and λ fit together: {@code x} a data matrix with {@code targets} rows, θ one
     * longer than a row, λ &ge; 0.
     */
    static void check(double[] theta, double[][] x, String targetsName, int targets, double lambda) {
        Checks.requireMatrix(x, "x");
        Checks.requireVector(theta, "theta");
        Checks.requireNonNegative(lambda, "lambda");
        if (targets != x.length) {
            throw new IllegalArgumentException(targetsName + " must have one entry per row of x, got "
                + targetsName + ".length = " + targets + ", x.length = " + x.length);
        }
        int k = x[0].length;
        if (theta.length != k + 1) {
            throw new IllegalArgumentException("theta must hold the k = " + k + " weights and then the bias, got "
                + "theta.length = " + theta.length + " (expected " + (k + 1) + ")");
        }
    }
}
