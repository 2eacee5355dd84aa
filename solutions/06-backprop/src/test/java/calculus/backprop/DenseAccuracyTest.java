package calculus.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reference's {@link Dense} on every path of its kernels ({@link Matrices}: four rows at a time and the rest,
 * rows shorter and longer than {@link Matrices#SHORT_ROW}, fewer outputs than inputs and fewer inputs than examples,
 * where the backward pass computes transposes, and short output rows with a long batch, where the forward pass does:
 * {@link Matrices#forwardAlongTheBatch}), against the textbook sums computed here. The graded
 * tests' layers are narrower than that, so without this test the wide paths would be checked only through
 * training. Not graded; run in the course check by this module's own test profile (its pom.xml).
 */
@DisplayName("The reference's dense layer on every path of its kernels")
class DenseAccuracyTest {

    // sums of at most 40 products of numbers below 1, in another order than here: a few roundings of 1e-16
    private static final double TOLERANCE = 1e-13;

    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 33};

    @Test
    @DisplayName("forward, the weight, bias and input gradients agree with the sums of their definitions")
    void agreesWithTheDefinitions() {
        SplittableRandom random = new SplittableRandom(12);
        for (int batch : SIZES) {
            for (int n : SIZES) {
                for (int m : SIZES) {
                    double[][] w = matrix(random, n, m);
                    double[] b = matrix(random, 1, m)[0];
                    Dense dense = new Dense(w, b);
                    // twice, with another batch first: the buffers must not keep anything of the last pass
                    for (double[][] x : new double[][][] {matrix(random, batch + 1, n), matrix(random, batch, n)}) {
                        double[][] g = matrix(random, x.length, m);
                        String shape = "batch " + x.length + ", " + n + " -> " + m;
                        double[][] y = dense.forward(x);
                        double[][] dx = dense.backward(g);
                        for (int r = 0; r < x.length; r++) {
                            for (int j = 0; j < m; j++) {
                                double expected = b[j];
                                for (int i = 0; i < n; i++) {
                                    expected += x[r][i] * w[i][j];
                                }
                                assertThat(y[r][j]).as("Y[%d][%d], %s", r, j, shape).isCloseTo(expected,
                                    within(TOLERANCE));
                            }
                            for (int i = 0; i < n; i++) {
                                double expected = 0;
                                for (int j = 0; j < m; j++) {
                                    expected += g[r][j] * w[i][j];
                                }
                                assertThat(dx[r][i]).as("dX[%d][%d], %s", r, i, shape).isCloseTo(expected,
                                    within(TOLERANCE));
                            }
                        }
                        for (int j = 0; j < m; j++) {
                            double expectedBias = 0;
                            for (int r = 0; r < x.length; r++) {
                                expectedBias += g[r][j];
                            }
                            assertThat(dense.biasGradient()[j]).as("db[%d], %s", j, shape).isCloseTo(expectedBias,
                                within(TOLERANCE));
                            for (int i = 0; i < n; i++) {
                                double expected = 0;
                                for (int r = 0; r < x.length; r++) {
                                    expected += x[r][i] * g[r][j];
                                }
                                assertThat(dense.weightGradient()[i][j]).as("dW[%d][%d], %s", i, j, shape)
                                    .isCloseTo(expected, within(TOLERANCE));
                            }
                        }
                    }
                }
            }
        }
    }

    private static double[][] matrix(SplittableRandom random, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return a;
    }
}
