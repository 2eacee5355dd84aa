package calculus.backprop;

import java.util.Arrays;
import java.util.List;

import calculus.oracles.Entries;

/**
 * What this module's tests share beyond {@link calculus.oracles.Expect} and {@link Entries}: a network's parameters
 * and gradients read as one vector and written back, and small matrix helpers for the oracles.
 */
final class Check {

    private Check() {
    }

    /** The entries of a list of arrays, array after array: the order of a network's parameters and gradients. */
    static double[] flatten(List<double[]> arrays) {
        return arrays.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** A deep copy of a list of arrays. */
    static double[][] copy(List<double[]> arrays) {
        return Entries.copy(arrays.toArray(new double[0][]));
    }

    /** Writes the entries of {@code flat} into the arrays, array after array (the inverse of flatten). */
    static void unflatten(double[] flat, List<double[]> arrays) {
        int k = 0;
        for (double[] a : arrays) {
            System.arraycopy(flat, k, a, 0, a.length);
            k += a.length;
        }
    }

    /** The sum of every entry of the element-wise product: the scalar &lang;R, Y&rang; a gradient check projects on. */
    static double project(double[][] r, double[][] y) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                s += r[i][j] * y[i][j];
            }
        }
        return s;
    }

    /** A matrix of the given shape made from the flat entries, row after row. */
    static double[][] reshape(double[] flat, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, m[i], 0, columns);
        }
        return m;
    }

    /** A matrix printed for a failure message, rows on one line. */
    static String show(double[][] m) {
        return Arrays.deepToString(m);
    }
}
