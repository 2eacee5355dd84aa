package calculus.oracles;

import java.util.Arrays;

/**
 * Small entry-wise helpers for the vectors and matrices of the graded tests: the max norm, a matrix read row after
 * row, and a deep copy to check later that the code under test left its input alone.
 */
public final class Entries {

    private Entries() {
    }

    /**
     * The max norm ‖<em>v</em>‖<sub>&infin;</sub> = max |<em>v</em><sub>i</sub>|: 0 for an empty vector, NaN if an
     * entry is NaN.
     *
     * @param v the vector
     * @return the largest |v<sub>i</sub>|
     */
    public static double maxAbs(double[] v) {
        double largest = 0;
        for (double vi : v) {
            largest = Math.max(largest, Math.abs(vi));
        }
        return largest;
    }

    /**
     * The entries of a matrix, row after row: for comparing matrices with the vector measures and diagnoses of
     * {@link Explain}.
     *
     * @param m the matrix; its rows may differ in length
     * @return a new array of every entry, row 0 first
     */
    public static double[] flatten(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * A deep copy of a matrix, row by row, to check later that the code under test left the original alone.
     *
     * @param m the matrix
     * @return a new matrix with new rows holding the same entries
     */
    public static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
