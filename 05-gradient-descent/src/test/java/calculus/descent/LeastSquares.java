package calculus.descent;

import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;

/**
 * The closed-form least-squares fit, the oracle for the regression tests: θ minimising ‖<em>X̃</em> θ − <em>y</em>‖,
 * with <em>X̃</em> the features and a column of ones (for the bias, last), solved by Hipparchus' Householder QR
 * decomposition of <em>X̃</em> itself. Unlike the normal equations <em>X̃</em><sup>T</sup><em>X̃</em> θ =
 * <em>X̃</em><sup>T</sup><em>y</em>, QR does not square the condition number, so the oracle keeps nearly all sixteen
 * digits, far beyond the 10<sup>−6</sup> the tests ask of gradient descent.
 */
final class LeastSquares {

    // a diagonal entry of R below this marks X̃ as rank-deficient; the tests' data are far from it
    private static final double SINGULARITY = 1e-12;

    private LeastSquares() {
    }

    /** θ = (w<sub>1</sub>, …, w<sub>k</sub>, b) minimising the mean squared error of w·x + b on the data. */
    static double[] solve(double[][] x, double[] y) {
        double[][] rows = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            rows[i] = withOne(x[i]);
        }
        // QR solves the over-determined system in the least-squares sense; the threshold flags a singular X̃
        DecompositionSolver qr = new QRDecomposition(MatrixUtils.createRealMatrix(rows), SINGULARITY).getSolver();
        return qr.solve(MatrixUtils.createRealVector(y)).toArray();
    }

    /** The mean squared error of θ on the data, computed here so that the tests need not trust the code under test. */
    static double meanSquaredError(double[][] x, double[] y, double[] theta) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double[] row = withOne(x[i]);
            double r = -y[i];
            for (int j = 0; j < row.length; j++) {
                r += theta[j] * row[j];
            }
            sum += r * r;
        }
        return sum / y.length;
    }

    /**
     * The largest eigenvalue's upper bound for the Hessian (2/n) X̃ᵀX̃ of the mean squared error: its trace,
     * (2/n) Σ (‖x<sub>i</sub>‖² + 1). A learning rate of 1/trace is therefore stable.
     */
    static double hessianTrace(double[][] x) {
        double sum = 0;
        for (double[] row : x) {
            sum += TestObjectives.norm(row) * TestObjectives.norm(row) + 1;
        }
        return 2 * sum / x.length;
    }

    /** The largest curvature of a single example's squared error, 2 (‖x<sub>i</sub>‖² + 1), over the examples. */
    static double largestExampleCurvature(double[][] x) {
        double most = 0;
        for (double[] row : x) {
            most = Math.max(most, 2 * (TestObjectives.norm(row) * TestObjectives.norm(row) + 1));
        }
        return most;
    }

    private static double[] withOne(double[] features) {
        double[] row = new double[features.length + 1];
        System.arraycopy(features, 0, row, 0, features.length);
        row[features.length] = 1;
        return row;
    }
}
