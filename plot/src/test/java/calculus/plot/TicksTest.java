package calculus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Ticks: nice linear ticks and decade ticks on log axes")
class TicksTest {

    @Test
    @DisplayName("[0, 1] with at most 6 ticks steps by 0.2, with one decimal on every label")
    void unitInterval() {
        Ticks t = Ticks.linear(0, 1, 6);

        assertThat(t.major()).containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, within(1e-12));
        assertThat(t.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    }

    @ParameterizedTest(name = "[{0}, {1}], at most {2} ticks")
    @CsvSource({
        "0, 1, 6", "-2, 2, 9", "-1, 3, 7", "0.001, 0.0037, 5", "-1e6, 3e6, 8", "12345, 12346, 4", "-7, -3, 3",
        "0, 1e-7, 6", "3, 3.5, 2",
    })
    @DisplayName("linear ticks are inside the range, at most as many as asked (2 or more), one nice step apart")
    void linearTicksAreNice(double min, double max, int maxCount) {
        Ticks t = Ticks.linear(min, max, maxCount);
        double[] m = t.major();
        double step = m[1] - m[0];
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));

        assertThat(m.length).as("number of ticks on [%s, %s]", min, max).isBetween(2, Math.max(2, maxCount));
        assertThat(m[0]).isGreaterThanOrEqualTo(min - 1e-9 * step);
        assertThat(m[m.length - 1]).isLessThanOrEqualTo(max + 1e-9 * step);
        assertThat(mantissa).as("the step %s is 1, 2, 2.5 or 5 times a power of ten", step)
            .satisfiesAnyOf(
                v -> assertThat(v).isCloseTo(1, within(1e-9)), v -> assertThat(v).isCloseTo(2, within(1e-9)),
                v -> assertThat(v).isCloseTo(2.5, within(1e-9)), v -> assertThat(v).isCloseTo(5, within(1e-9)),
                v -> assertThat(v).isCloseTo(10, within(1e-9)));
        assertThat(t.labels()).as("labels are distinct").doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("labels have no negative zero and no round-off digits")
    void cleanLabels() {
        assertThat(Ticks.linear(-1, 1, 5).labels()).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0");
        assertThat(Ticks.linear(0, 0.3, 4).labels()).containsExactly("0.0", "0.1", "0.2", "0.3");
        assertThat(Ticks.linear(0, 100, 5).labels()).containsExactly("0", "25", "50", "75", "100");
    }

    @Test
    @DisplayName("very large and very small steps are labelled in scientific notation")
    void scientificLabels() {
        assertThat(Ticks.linear(0, 1e6, 6).labels()).containsExactly("0", "2e5", "4e5", "6e5", "8e5", "1e6");
        assertThat(Ticks.linear(0, 1e-5, 3).labels()).containsExactly("0", "5e-6", "1e-5");
    }

    @Test
    @DisplayName("a log axis from 1.5e-9 to 0.9 has its ticks at every decade from 1e-8 to 1e-1, not one off")
    void decades() {
        Ticks t = Ticks.log(1.5e-9, 0.9, 10);

        assertThat(t.labels()).containsExactly("1e-8", "1e-7", "1e-6", "1e-5", "1e-4", "1e-3", "1e-2", "1e-1");
        assertThat(t.major()[0]).isEqualTo(1e-8);
        assertThat(t.major()[7]).isEqualTo(0.1);
        assertThat(t.minor()).as("minor ticks at 2..9 times each decade").contains(2e-9, 9e-9, 2e-8, 5e-2);
    }

    @Test
    @DisplayName("a log axis with many decades labels every k-th decade, aligned to multiples of k")
    void decadeStride() {
        Ticks t = Ticks.log(1e-16, 1, 6);

        assertThat(t.labels()).containsExactly("1e-15", "1e-12", "1e-9", "1e-6", "1e-3", "1e0");
        assertThat(t.minor()).as("the decades left unlabelled still get a tick").contains(1e-16, 1e-10, 1e-1);
    }

    @Test
    @DisplayName("decades between 0.001 and 10000 are labelled as plain numbers")
    void plainDecades() {
        assertThat(Ticks.log(0.005, 200, 10).labels()).containsExactly("0.01", "0.1", "1", "10", "100");
    }

    @Test
    @DisplayName("a log axis with fewer than two decades still gets at least two labels")
    void narrowLogAxis() {
        Ticks oneTwoFive = Ticks.log(0.8, 6, 8);
        Ticks linear = Ticks.log(2.2, 4.6, 8);

        assertThat(oneTwoFive.major()).containsExactly(1, 2, 5);
        assertThat(linear.major().length).isGreaterThanOrEqualTo(2);
        assertThat(Arrays.stream(linear.major()).allMatch(v -> v >= 2.2 && v <= 4.6)).isTrue();
    }
}
