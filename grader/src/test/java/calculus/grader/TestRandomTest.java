package calculus.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seeded generator of random test inputs. */
class TestRandomTest {

    /** Draws per property: enough to reach both ends of small ranges, fast enough for the check. */
    private static final int DRAWS = 10_000;

    @Test
    @DisplayName("the same seed draws the same sequence, of every kind of draw; another seed another sequence")
    void reproducible() {
        TestRandom a = new TestRandom(42);
        TestRandom b = new TestRandom(42);

        for (int i = 0; i < 100; i++) {
            assertThat(b.uniform(-1, 1)).isEqualTo(a.uniform(-1, 1));
            assertThat(b.nextGaussian()).isEqualTo(a.nextGaussian());
            assertThat(b.between(-3, 3)).isEqualTo(a.between(-3, 3));
            assertThat(b.unitVector(3)).isEqualTo(a.unitVector(3));
            assertThat(b.split().nextLong()).isEqualTo(a.split().nextLong());
        }
        assertThat(new TestRandom(43).nextLong()).isNotEqualTo(new TestRandom(42).nextLong());
        assertThat(a.seed()).isEqualTo(42);
        assertThat(a).hasToString("TestRandom[seed=42]");
    }

    @Test
    @DisplayName("uniform(lo, hi) stays in [lo, hi) and spreads over it")
    void uniformRange() {
        TestRandom random = new TestRandom(1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            double u = random.uniform(-2, 3);
            assertThat(u).isGreaterThanOrEqualTo(-2).isLessThan(3);
            min = Math.min(min, u);
            max = Math.max(max, u);
            sum += u;
        }
        assertThat(min).isLessThan(-1.99);
        assertThat(max).isGreaterThan(2.99);
        // mean 0.5, standard error 5 / sqrt(12 * 10^4) ~ 0.014: 0.1 is seven standard errors
        assertThat(sum / DRAWS).isCloseTo(0.5, within(0.1));
    }

    @Test
    @DisplayName("logUniform(lo, hi) stays in [lo, hi) and draws each decade about equally often")
    void logUniformRange() {
        TestRandom random = new TestRandom(2);
        int[] decades = new int[4];
        for (int i = 0; i < DRAWS; i++) {
            double v = random.logUniform(1e-3, 10);
            assertThat(v).isGreaterThanOrEqualTo(1e-3 * (1 - 1e-12)).isLessThan(10);
            decades[Math.max(0, (int) Math.floor(Math.log10(v) + 3))]++;
        }
        // each decade expects 2500 draws, standard deviation ~ 43: 2200 is seven below
        assertThat(Arrays.stream(decades).min().orElseThrow()).isGreaterThan(2200);
    }

    @Test
    @DisplayName("between(lo, hi) includes both ends and nothing outside them")
    void betweenIncludesBothEnds() {
        TestRandom random = new TestRandom(3);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            seen.add(random.between(-2, 2));
        }
        assertThat(seen).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
        assertThat(random.between(7, 7)).isEqualTo(7);
    }

    @Test
    @DisplayName("between works over ranges wider than Integer.MAX_VALUE")
    void betweenWideRanges() {
        TestRandom random = new TestRandom(4);

        assertThat(random.between(0, Integer.MAX_VALUE)).isNotNegative();
        assertThat(random.between(Integer.MIN_VALUE, Integer.MAX_VALUE)).isBetween(Integer.MIN_VALUE,
            Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("unitVector(n) has norm 1 in every dimension, and points every way")
    void unitVector() {
        TestRandom random = new TestRandom(5);
        for (int n = 1; n <= 6; n++) {
            for (int k = 0; k < 200; k++) {
                double[] v = random.unitVector(n);
                double norm = 0;
                for (double c : v) {
                    norm += c * c;
                }
                assertThat(v).hasSize(n);
                // a sum of n squares rounded n times: a few ulps of 1
                assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-14));
            }
        }
        Set<Double> signs = new HashSet<>();
        for (int k = 0; k < 100; k++) {
            signs.add(random.unitVector(1)[0]);
        }
        assertThat(signs).containsExactlyInAnyOrder(-1.0, 1.0);
    }

    @Test
    // today's code loops for ever here: the timeout, in a thread of its own, turns that into a failure
    @Timeout(value = 2, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("unitVector rejects a dimension below 1 with IllegalArgumentException")
    void unitVectorRejectsEmpty() {
        TestRandom random = new TestRandom(6);

        assertThatThrownBy(() -> random.unitVector(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("n = 0");
        assertThatThrownBy(() -> random.vector(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("n = -1");
    }

    @Test
    @DisplayName("vector, matrix, sign and pick draw what they say")
    void otherDraws() {
        TestRandom random = new TestRandom(7);

        double[] v = random.vector(5, 1, 2);
        assertThat(v).hasSize(5);
        assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(1.0);
        assertThat(Arrays.stream(v).max().orElseThrow()).isLessThan(2.0);
        double[][] m = random.matrix(3, 4, -1, 0);
        assertThat(m).hasDimensions(3, 4);
        assertThat(Arrays.stream(m).flatMapToDouble(Arrays::stream).allMatch(x -> x >= -1 && x < 0))
            .as("every entry in [-1, 0)").isTrue();
        assertThat(random.vector(0, 0, 1)).isEmpty();
        Set<Double> signs = new HashSet<>();
        Set<String> picks = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            signs.add(random.sign());
            picks.add(random.pick(List.of("sin", "exp", "tanh")));
        }
        assertThat(signs).containsExactlyInAnyOrder(-1.0, 1.0);
        assertThat(picks).containsExactlyInAnyOrder("sin", "exp", "tanh");
    }

    @Test
    @DisplayName("bad ranges are rejected with IllegalArgumentException naming the values")
    void badArguments() {
        TestRandom random = new TestRandom(8);

        assertThatThrownBy(() -> random.uniform(1, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("uniform needs lo < hi, got lo = 1.0, hi = 1.0");
        assertThatThrownBy(() -> random.uniform(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("uniform needs lo < hi, got lo = 0.0, hi = NaN");
        assertThatThrownBy(() -> random.logUniform(0, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("logUniform needs 0 < lo < hi, got lo = 0.0, hi = 1.0");
        assertThatThrownBy(() -> random.logUniform(2, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("logUniform needs 0 < lo < hi, got lo = 2.0, hi = 1.0");
        assertThatThrownBy(() -> random.between(3, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("between needs lo <= hi, got lo = 3, hi = 2");
        assertThatThrownBy(() -> random.vector(2, 1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("uniform needs lo < hi, got lo = 1.0, hi = 0.0");
    }
}
