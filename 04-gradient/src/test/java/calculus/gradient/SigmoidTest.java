package calculus.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.oracles.Expect;
import calculus.oracles.Explain;
import calculus.grader.Graded;
import calculus.grader.TestRandom;

/** Task 4.4: the sigmoid and its logarithm, stable at any logit. */
@DisplayName("Task 4.4: the sigmoid and its logarithm")
class SigmoidTest {

    // the expected values are correctly rounded (computed with 50 digits); exp, log1p and one division each
    // add at most an ulp or so
    private static final double ULPS = 1e-14;
    // sigma(z) and sigma(-z) are each rounded once or twice: their sum is 1 within a few units of 1's last place
    private static final double SUM_OF_TWO_ROUNDINGS = 4 * Math.ulp(1.0);
    private static final int TRIALS = 200;
    // below Double.MIN_NORMAL (about 2.2e-308, reached near |z| = 709) doubles lose digits one by one and no
    // formula keeps a relative accuracy: there any value that small is accepted
    private static final String SUBNORMAL = "%s(%s) should be %s, below the smallest normal double; got %s";

    @ParameterizedTest(name = "z = {0}: sigma = {1}, log sigma = {2}")
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 Worked values of the sigmoid and its logarithm, out to logits of +-1000")
    @CsvSource({
        "0,     0.5,                   -0.6931471805599453",
        "2,     0.8807970779778824,    -0.1269280110429725",
        "-2,    0.11920292202211756,   -2.1269280110429727",
        "40,    1.0,                   -4.248354255291589e-18",
        "-40,   4.248354255291589e-18, -40.0",
        "1000,  1.0,                   0.0",
        "-1000, 0.0,                   -1000.0",
    })
    void workedValues(double z, double sigma, double logSigma) {
        Expect.closeTo(Explain.that("Sigmoid.sigmoid(z)").input("z", z)
            .hint("sigma(z) = 1 / (1 + e^-z); for z < 0 write it e^z / (1 + e^z) so that e^-z cannot overflow"),
            sigma, Sigmoid.sigmoid(z), ULPS);
        Expect.closeTo(Explain.that("Sigmoid.logSigmoid(z)").input("z", z)
            .hint("log sigma(z) = -log(1 + e^-z) = -(max(-z, 0) + log1p(e^-|z|)): Math.log(sigmoid(z)) gives "
                + "-Infinity at z = -1000 and 0 instead of -4.2e-18 at z = 40"),
            logSigma, Sigmoid.logSigmoid(z), ULPS);
    }

    @Test
    @Graded(task = "4.4", points = 2)
    @DisplayName("4.4 sigma(z) + sigma(-z) = 1 at random logits, and sigma never gives NaN for a number")
    void sigmoidIsSymmetricAndNeverNaN(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            // every size of logit, from 1e-3 to 1e4: both tails and the middle
            double z = random.sign() * random.logUniform(1e-3, 1e4);
            double s = Sigmoid.sigmoid(z);
            double expected = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            if (Math.abs(expected) >= Double.MIN_NORMAL) {
                Expect.closeTo(Explain.that("Sigmoid.sigmoid(z)").input("z", z), expected, s, ULPS);
            } else {
                assertThat(Math.abs(s)).as(SUBNORMAL, "sigmoid", z, expected, s).isLessThan(Double.MIN_NORMAL);
            }
            assertThat(s + Sigmoid.sigmoid(-z)).as("sigmoid(%s) + sigmoid(%s) should be 1: sigma(-z) = 1 - sigma(z)",
                z, -z).isCloseTo(1.0, within(SUM_OF_TWO_ROUNDINGS));
        }
        assertThat(Sigmoid.sigmoid(Double.POSITIVE_INFINITY)).as("sigmoid(Infinity)").isEqualTo(1.0);
        assertThat(Sigmoid.sigmoid(Double.NEGATIVE_INFINITY)).as("sigmoid(-Infinity)").isEqualTo(0.0);
        assertThat(Sigmoid.sigmoid(Double.MAX_VALUE)).as("sigmoid(Double.MAX_VALUE): e^z / (1 + e^z) is Infinity / "
            + "Infinity = NaN here; for z >= 0 use 1 / (1 + e^-z)").isEqualTo(1.0);
        assertThat(Sigmoid.sigmoid(-Double.MAX_VALUE)).as("sigmoid(-Double.MAX_VALUE)").isEqualTo(0.0);
    }

    @Test
    @Graded(task = "4.4", points = 3)
    @DisplayName("4.4 logSigmoid is accurate in both tails: no -Infinity at -1000, no 0 at +40")
    void logSigmoidIsAccurateInBothTails(TestRandom random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            double z = random.sign() * random.logUniform(1e-3, 1e4);
            // the exact value, each tail with the form that keeps its digits
            double expected = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
            double received = Sigmoid.logSigmoid(z);
            String hint = "";
            if (received == Double.NEGATIVE_INFINITY) {
                hint = "received -Infinity: sigma(z) underflowed to 0 and log(0) = -Infinity. Write log sigma(z) = "
                    + "-(max(-z, 0) + log1p(e^-|z|)), which never takes the log of something tiny";
            } else if (received == 0 && z > 0) {
                hint = "received exactly 0: 1 + e^-z rounded to 1 and log(1) = 0. Math.log1p(e^-z) keeps the tiny "
                    + "e^-z that 1 + e^-z loses";
            }
            if (Math.abs(expected) >= Double.MIN_NORMAL) {
                Expect.closeTo(Explain.that("Sigmoid.logSigmoid(z)").input("z", z).hint(hint), expected, received,
                    ULPS);
            } else {
                assertThat(Math.abs(received)).as(SUBNORMAL, "logSigmoid", z, expected, received)
                    .isLessThan(Double.MIN_NORMAL);
            }
        }
        // 0.0 or -0.0: both are log 1
        assertThat(Sigmoid.logSigmoid(Double.POSITIVE_INFINITY)).as("logSigmoid(Infinity) = log 1")
            .isCloseTo(0.0, within(0.0));
        assertThat(Sigmoid.logSigmoid(Double.NEGATIVE_INFINITY)).as("logSigmoid(-Infinity) = log 0")
            .isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
