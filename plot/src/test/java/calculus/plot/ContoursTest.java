package calculus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Contours: marching squares and the choice of levels")
class ContoursTest {

    // grid spacing h = 2/199 on [-1, 1]: linear interpolation of r^2 along a cell edge is off by at most h^2/4
    // in r^2, about 1e-4 in r near r = 0.5, so 1e-3 leaves room
    private static final double ON_CIRCLE = 1e-3;

    private static double[][] grid(int n, double lo, double hi, java.util.function.DoubleBinaryOperator f) {
        double[][] z = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                z[j][i] = f.applyAsDouble(coordinate(i, n, lo, hi), coordinate(j, n, lo, hi));
            }
        }
        return z;
    }

    private static double coordinate(double index, int n, double lo, double hi) {
        return lo + (hi - lo) * index / (n - 1);
    }

    @Test
    @DisplayName("the contour of x^2 + y^2 at level 0.25 is the circle of radius 0.5, closed all the way round")
    void circle() {
        int n = Contours.GRID;
        List<double[]> segments = Contours.segments(grid(n, -1, 1, (x, y) -> x * x + y * y), 0.25);

        assertThat(segments).hasSizeGreaterThan(100);
        double turned = 0;
        for (double[] s : segments) {
            for (int end = 0; end < 4; end += 2) {
                double x = coordinate(s[end], n, -1, 1);
                double y = coordinate(s[end + 1], n, -1, 1);
                assertThat(Math.hypot(x, y)).as("distance from the origin of (%s, %s)", x, y)
                    .isCloseTo(0.5, within(ON_CIRCLE));
            }
            double a0 = Math.atan2(coordinate(s[1], n, -1, 1), coordinate(s[0], n, -1, 1));
            double a1 = Math.atan2(coordinate(s[3], n, -1, 1), coordinate(s[2], n, -1, 1));
            turned += Math.abs(Math.IEEEremainder(a1 - a0, 2 * Math.PI));
        }
        assertThat(turned).as("total angle the segments cover").isCloseTo(2 * Math.PI, within(1e-6));
    }

    @Test
    @DisplayName("cells with a NaN corner are left out instead of drawing a line to nowhere")
    void nanCellsAreSkipped() {
        int n = 50;
        double[][] z = grid(n, -1, 1, (x, y) -> x < 0 ? Double.NaN : x * x + y * y);

        for (double[] s : Contours.segments(z, 0.25)) {
            assertThat(coordinate(Math.min(s[0], s[2]), n, -1, 1)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    @DisplayName("even levels lie strictly between the minimum and the maximum, equally spaced")
    void evenLevels() {
        double[][] z = {{0, 1}, {2, 10}};

        assertThat(Contours.levels(z, 4, false)).containsExactly(new double[] {2, 4, 6, 8}, within(1e-12));
    }

    @Test
    @DisplayName("log-spaced levels rise geometrically above the minimum, over four decades")
    void logLevels() {
        double[][] z = {{5, 6}, {7, 5 + 1e4}};
        double[] levels = Contours.levels(z, 8, true);

        assertThat(levels).hasSize(8);
        assertThat(levels[0] - 5).isCloseTo(1, within(1e-9));
        for (int k = 1; k < levels.length; k++) {
            assertThat((levels[k] - 5) / (levels[k - 1] - 5)).as("ratio of level %s to level %s", k, k - 1)
                .isCloseTo(Math.pow(10, 0.5), within(1e-9));
        }
    }

    @Test
    @DisplayName("a constant or non-finite function has no levels")
    void noLevels() {
        assertThat(Contours.levels(new double[][] {{3, 3}, {3, 3}}, 5, false)).isEmpty();
        assertThat(Contours.levels(new double[][] {{Double.NaN, 1}, {Double.POSITIVE_INFINITY, 1}}, 5, true))
            .isEmpty();
    }
}
