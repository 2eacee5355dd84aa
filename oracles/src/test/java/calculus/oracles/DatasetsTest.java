package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.TestRandom;
import calculus.oracles.Datasets.Classification;
import calculus.oracles.Datasets.Regression;

/** The seeded data sets: their sizes, labels, geometry and reproducibility. */
class DatasetsTest {

    @Test
    @DisplayName("line without noise: n points exactly on y = slope x + intercept, x in [-2, 2)")
    void lineWithoutNoise() {
        Regression data = Datasets.line(new TestRandom(1), 50, -1.5, 0.25, 0);

        assertThat(data.size()).isEqualTo(50);
        assertThat(data.x()).hasNumberOfRows(50);
        double[] x = data.column(0);
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.x()[i]).hasSize(1);
            assertThat(x[i]).isBetween(-2.0, 2.0);
            assertThat(data.y()[i]).isCloseTo(-1.5 * x[i] + 0.25, within(1e-15));
        }
    }

    @Test
    @DisplayName("linear with noise: k features, residuals of mean 0 and standard deviation the noise")
    void linearWithNoise() {
        double[] w = {2, -1, 0.5};
        Regression data = Datasets.linear(new TestRandom(2), 4000, w, 1, 0.3);

        double sum = 0;
        double squares = 0;
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.x()[i]).hasSize(3);
            double r = data.y()[i] - (1 + w[0] * data.x()[i][0] + w[1] * data.x()[i][1] + w[2] * data.x()[i][2]);
            sum += r;
            squares += r * r;
        }
        // 4000 normal draws: the mean's standard error is 0.3 / 63 ~ 0.005, the deviation's about 1 %
        assertThat(sum / data.size()).isCloseTo(0, within(0.03));
        assertThat(Math.sqrt(squares / data.size())).isCloseTo(0.3, within(0.03));
    }

    @Test
    @DisplayName("xor: the four corners, labelled by whether their coordinates differ")
    void xor() {
        Classification data = Datasets.xor();

        assertThat(data.size()).isEqualTo(4);
        assertThat(data.classes()).isEqualTo(2);
        for (int i = 0; i < 4; i++) {
            assertThat(data.labels()[i]).isEqualTo(data.x()[i][0] == data.x()[i][1] ? 0 : 1);
        }
    }

    @Test
    @DisplayName("moons: n points, two balanced classes, without noise on their two half circles")
    void moons() {
        for (int n : new int[] {1, 2, 7, 100, 101}) {
            Classification data = Datasets.moons(new TestRandom(n), n, 0);
            assertThat(data.size()).isEqualTo(n);
            assertThat(data.classes()).isEqualTo(2);
            long upper = Arrays.stream(data.labels()).filter(l -> l == 0).count();
            long lower = Arrays.stream(data.labels()).filter(l -> l == 1).count();
            assertThat(upper + lower).as("every label is 0 or 1").isEqualTo(n);
            assertThat(Math.abs(upper - lower)).as("classes of %d points balanced", n).isLessThanOrEqualTo(1);
            for (int i = 0; i < n; i++) {
                double[] p = data.x()[i];
                // upper moon: the unit circle around (0, 0); lower moon: around (1, 1/2)
                double cx = data.labels()[i] == 0 ? 0 : 1;
                double cy = data.labels()[i] == 0 ? 0 : 0.5;
                assertThat(Math.hypot(p[0] - cx, p[1] - cy)).isCloseTo(1, within(1e-12));
                assertThat(data.labels()[i] == 0 ? p[1] : 0.5 - p[1]).as("on the right half").isGreaterThan(-1e-12);
            }
        }
    }

    @Test
    @DisplayName("spirals: perClass * classes points, perClass per label, radii evenly from 0 to 1")
    void spirals() {
        Classification data = Datasets.spirals(new TestRandom(3), 25, 4, 0.2);

        assertThat(data.size()).isEqualTo(100);
        assertThat(data.classes()).isEqualTo(4);
        int[] counts = new int[4];
        for (int i = 0; i < data.size(); i++) {
            counts[data.labels()[i]]++;
            // the noise turns the angle only: the radius stays i / (perClass - 1)
            double r = Math.hypot(data.x()[i][0], data.x()[i][1]);
            assertThat(r).isCloseTo((i % 25) / 24.0, within(1e-12));
        }
        assertThat(counts).containsOnly(25);
        assertThat(Datasets.spirals(new TestRandom(3), 1, 2, 0).size()).isEqualTo(2);
    }

    @Test
    @DisplayName("logistic: labels 0 or 1 that follow the sign of w.x + b when the weights are large")
    void logistic() {
        Classification data = Datasets.logistic(new TestRandom(4), 2000, new double[] {20, -20}, 0.5);

        assertThat(data.size()).isEqualTo(2000);
        int agree = 0;
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.labels()[i]).isBetween(0, 1);
            assertThat(data.x()[i]).hasSize(2);
            double t = 0.5 + 20 * data.x()[i][0] - 20 * data.x()[i][1];
            agree += (t > 0) == (data.labels()[i] == 1) ? 1 : 0;
        }
        // |t| < 3 (where a label may disagree) happens for about 5 % of the points, a disagreement for a third
        assertThat(agree).isGreaterThan(1900);
    }

    @Test
    @DisplayName("the same seed gives the same data set; another seed another")
    void reproducible() {
        Classification a = Datasets.moons(new TestRandom(9), 30, 0.1);
        Classification b = Datasets.moons(new TestRandom(9), 30, 0.1);
        Classification c = Datasets.moons(new TestRandom(10), 30, 0.1);

        assertThat(b.x()).isDeepEqualTo(a.x());
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(c.x()).isNotEqualTo(a.x());
        assertThat(Datasets.spirals(new TestRandom(5), 10, 3, 0.3).x())
            .isDeepEqualTo(Datasets.spirals(new TestRandom(5), 10, 3, 0.3).x());
        assertThat(Datasets.line(new TestRandom(6), 10, 1, 0, 0.5).y())
            .isEqualTo(Datasets.line(new TestRandom(6), 10, 1, 0, 0.5).y());
    }

    @Test
    @DisplayName("bad sizes are rejected with IllegalArgumentException naming the parameter and its value")
    void badArguments() {
        TestRandom random = new TestRandom(7);

        assertThatThrownBy(() -> Datasets.line(random, 0, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("n must be at least 1, got n = 0");
        assertThatThrownBy(() -> Datasets.moons(random, -3, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("n must be at least 1, got n = -3");
        assertThatThrownBy(() -> Datasets.logistic(random, 0, new double[] {1}, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be at least 1, got n = 0");
        assertThatThrownBy(() -> Datasets.spirals(random, 0, 2, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("perClass must be at least 1, got perClass = 0");
        assertThatThrownBy(() -> Datasets.spirals(random, 5, 1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("classes must be at least 2, got classes = 1");
    }
}
