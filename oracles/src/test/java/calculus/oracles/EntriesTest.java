package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The entry-wise helpers: the max norm, flattening row after row, and a copy that shares no row. */
class EntriesTest {

    @Test
    @DisplayName("maxAbs is the largest |v_i|: signs do not matter, an empty vector gives 0, a NaN entry gives NaN")
    void maxAbs() {
        assertThat(Entries.maxAbs(new double[] {3, -4, 0.5})).isEqualTo(4.0);
        assertThat(Entries.maxAbs(new double[0])).isEqualTo(0.0);
        assertThat(Entries.maxAbs(new double[] {1, Double.NaN})).isNaN();
    }

    @Test
    @DisplayName("flatten reads a matrix row after row, ragged rows included")
    void flatten() {
        assertThat(Entries.flatten(new double[][] {{1, 2}, {3}, {}, {4, 5}})).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("copy is deep: changing the copy leaves the original alone")
    void copy() {
        double[][] m = {{1, 2}, {3, 4}};
        double[][] c = Entries.copy(m);
        c[1][0] = 99;
        assertThat(m[1]).containsExactly(3, 4);
        assertThat(c).isNotSameAs(m);
        assertThat(c[0]).isNotSameAs(m[0]).containsExactly(1, 2);
    }
}
