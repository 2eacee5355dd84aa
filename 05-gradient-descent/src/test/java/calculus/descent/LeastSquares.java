package calculus.descent;

/**
 * The closed-form least-squares fit, the oracle for the regression tests: the normal equations
 * <em>X̃</em><sup>T</sup><em>X̃</em> <em>θ</em> = <em>X̃</em><sup>T</sup><em>y</em>, with <em>X̃</em> the
 * features and a column of ones (for the bias, last), solved by Gaussian elimination with partial pivoting.
 *
 * <p>The normal equations square the condition number of <em>X̃</em>; the tests' data (a few features uniform in
 * [−2, 2], tens of examples) are far from collinear, so this costs a few digits out of sixteen, well within the
 * 10<sup>−6</sup> the tests ask of gradient descent.
 */
final class LeastSquares {

    private LeastSquares() {
    }

    /** θ = (w<sub>1</sub>, …, w<sub>k</sub>, b) minimising the mean squared error of w·x + b on the data. */
    static double[] solve(double[][] x, double[] y) {
        int k = x[0].length;
        int d = k + 1;
        double[][] a = new double[d][d];
        double[] rhs = new double[d];
        for (int i = 0; i < y.length; i++) {
            double[] row = withOne(x[i]);
            for (int p = 0; p < d; p++) {
                rhs[p] += row[p] * y[i];
                for (int q = 0; q < d; q++) {
                    a[p][q] += row[p] * row[q];
                }
            }
        }
        return gaussianElimination(a, rhs);
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

    /** Solves a x = b for a square a; a and b are overwritten. */
    private static double[] gaussianElimination(double[][] a, double[] b) {
        int n = b.length;
        for (int p = 0; p < n; p++) {
            // the largest pivot in the column keeps the multipliers at most 1, so errors do not grow
            int max = p;
            for (int i = p + 1; i < n; i++) {
                if (Math.abs(a[i][p]) > Math.abs(a[max][p])) {
                    max = i;
                }
            }
            double[] rowSwap = a[p];
            a[p] = a[max];
            a[max] = rowSwap;
            double bSwap = b[p];
            b[p] = b[max];
            b[max] = bSwap;
            for (int i = p + 1; i < n; i++) {
                double factor = a[i][p] / a[p][p];
                b[i] -= factor * b[p];
                for (int j = p; j < n; j++) {
                    a[i][j] -= factor * a[p][j];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= a[i][j] * x[j];
            }
            x[i] = sum / a[i][i];
        }
        return x;
    }
}
