package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Explain: failure messages that diagnose the gap")
class ExplainTest {

    @Nested
    @DisplayName("diagnose(expected, received)")
    class Numbers {

        @ParameterizedTest(name = "expected {0}, received {1}: \"{2}\"")
        @CsvSource(delimiter = '|', textBlock = """
            6.0   | 12.0      | twice the expected value
            6.0   | 3.0       | half the expected value
            6.0   | -6.0      | wrong sign
            6.0   | -12.0     | both a wrong sign and a factor of 2
            6.0   | -3.0      | both a wrong sign and a factor of 2
            6.0   | 0.0       | received exactly 0
            0.0   | 0.25      | expected exactly 0
            6.0   | NaN       | received NaN
            6.0   | Infinity  | received Infinity
            6.0   | -Infinity | received -Infinity
            6.0   | 6.0000001 | close, but not close enough
            6.0   | 17.5      | far from the expected value
            """)
        void recognisesTheUsualGaps(double expected, double received, String phrase) {
            assertThat(Explain.diagnose(expected, received)).contains(phrase);
        }

        @Test
        @DisplayName("a factor is recognised within 2 percent only")
        void factorTolerance() {
            assertThat(Explain.diagnose(1.0, 2.03)).contains("twice");
            assertThat(Explain.diagnose(1.0, 2.1)).doesNotContain("twice");
            assertThat(Explain.diagnose(-4.0, 4.05)).contains("wrong sign");
        }

        @Test
        @DisplayName("nothing to say about equal numbers or a non-finite expected value")
        void silentWhenNothingToSay() {
            assertThat(Explain.diagnose(1.5, 1.5)).isEmpty();
            assertThat(Explain.diagnose(Double.NaN, 1.5)).isEmpty();
            assertThat(Explain.diagnose(Double.POSITIVE_INFINITY, 1.5)).isEmpty();
        }
    }

    @Nested
    @DisplayName("diagnose(expected[], received[])")
    class Vectors {

        @Test
        @DisplayName("a wrong sign or a factor 2 in every entry is named once")
        void commonFactor() {
            assertThat(Explain.diagnose(new double[] {1, -2, 0}, new double[] {-1, 2, 0}))
                .startsWith("every entry").contains("wrong sign");
            assertThat(Explain.diagnose(new double[] {1, 3}, new double[] {2, 6}))
                .startsWith("every entry").contains("twice");
        }

        @Test
        @DisplayName("the right numbers in the wrong places are an index mix-up")
        void permutation() {
            assertThat(Explain.diagnose(new double[] {1, 2, 3}, new double[] {3, 1, 2})).contains("wrong places");
        }

        @Test
        @DisplayName("lengths, zeros, NaN and the worst entry")
        void otherGaps() {
            assertThat(Explain.diagnose(new double[] {1, 2}, new double[] {1})).contains("1 entries where 2");
            assertThat(Explain.diagnose(new double[] {1, 2}, new double[] {0, 0})).contains("all zeros");
            assertThat(Explain.diagnose(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .startsWith("entry [1]").contains("NaN");
            assertThat(Explain.diagnose(new double[] {1, 2, 3}, new double[] {1, 2, 30}))
                .startsWith("entry [2] is furthest off");
            assertThat(Explain.diagnose(new double[] {1, 2}, null)).contains("null");
            assertThat(Explain.diagnose(new double[] {1, 2}, new double[] {1, 2})).isEmpty();
        }
    }

    @Nested
    @DisplayName("diagnoseOrder(expected, measured)")
    class Orders {

        @ParameterizedTest(name = "expected order {0}, measured {1}: \"{2}\"")
        @CsvSource(delimiter = '|', textBlock = """
            2 | 1.02  | one-sided difference
            4 | 2.01  | without the extrapolation step
            2 | 0.05  | does not shrink at all
            2 | -1.0  | grows as h shrinks
            2 | 4.0   | faster than the method should
            4 | 3.0   | check the coefficients
            2 | NaN   | could not be measured
            """)
        void recognisesTheUsualOrders(double expected, double measured, String phrase) {
            assertThat(Explain.diagnoseOrder(expected, measured)).contains(phrase);
        }

        @Test
        @DisplayName("an order within 0.3 of the expected one needs no explanation")
        void closeEnough() {
            assertThat(Explain.diagnoseOrder(2, 1.8)).isEmpty();
            assertThat(Explain.diagnoseOrder(1, 1.25)).isEmpty();
        }
    }

    @Nested
    @DisplayName("measures")
    class Measures {

        @Test
        @DisplayName("relativeError is relative, absolute at 0, and NaN for NaN")
        void relativeError() {
            assertThat(Explain.relativeError(4.0, 5.0)).isCloseTo(0.25, within(1e-15));
            assertThat(Explain.relativeError(-4.0, -3.0)).isCloseTo(0.25, within(1e-15));
            assertThat(Explain.relativeError(0.0, 1e-3)).isEqualTo(1e-3);
            assertThat(Explain.relativeError(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
            assertThat(Explain.relativeError(1.0, Double.NaN)).isNaN();
        }

        @Test
        @DisplayName("the vector relative error is norm-wise and rejects different lengths")
        void vectorRelativeError() {
            assertThat(Explain.relativeError(new double[] {2, -4}, new double[] {2, -3})).isCloseTo(0.25,
                within(1e-15));
            assertThat(Explain.relativeError(new double[] {0, 0}, new double[] {0, 0.5})).isEqualTo(0.5);
            assertThat(Explain.relativeError(new double[] {1}, new double[] {Double.NaN})).isInfinite();
            assertThatThrownBy(() -> Explain.relativeError(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 and 2");
        }

        @Test
        @DisplayName("measuredOrder is log2 of the ratio of the errors at h and h/2")
        void measuredOrder() {
            assertThat(Explain.measuredOrder(1e-2, 2.5e-3)).isCloseTo(2.0, within(1e-12));
            assertThat(Explain.measuredOrder(-1e-2, 5e-3)).isCloseTo(1.0, within(1e-12));
            assertThat(Explain.measuredOrder(1e-2, 0.0)).isInfinite();
        }
    }

    @Nested
    @DisplayName("the message")
    class Messages {

        @Test
        @DisplayName("reads input, expected, received, relative error, then the hints, one per line")
        void layout() {
            String message = Explain.that("CentralDifference.derivative(f, x, h)")
                .input("f(x)", "x^2", "x", 3.0, "h", 0.5)
                .expected(6.0).received(12.0).within(1e-9)
                .hint("a test's own hint")
                .toString();
            assertThat(message).isEqualTo(String.join("\n",
                "CentralDifference.derivative(f, x, h): expected 6.0, received 12.0",
                "  input           f(x) = x^2, x = 3.0, h = 0.5",
                "  expected        6.0 (within 1.0e-09)",
                "  received        12.0",
                "  relative error  1.0e+00",
                "  hint            twice the expected value: a missing factor 1/2, such as dividing by h where the "
                    + "formula has 2h?",
                "                  a test's own hint"));
        }

        @Test
        @DisplayName("a vague diagnosis (a near miss) comes after the test's own hints")
        void vagueDiagnosisLast() {
            String message = Explain.that("f(x)").input("x", 1.0).expected(6.0).received(6.0000001)
                .hint("a test's own hint").toString();
            assertThat(message).containsSubsequence("hint            a test's own hint", "close, but not close enough")
                .doesNotContain("step").doesNotContain("one-sided");
        }

        @Test
        @DisplayName("a step is blamed only in a computation that has one")
        void stepOnlyWithAStep() {
            String noStep = Explain.that("loss.derivative(w)").input("w", 1.0).expected(1.0).received(4.0).toString();
            assertThat(noStep).contains("factor of 4").doesNotContain("h^2").doesNotContain("2h");
            String step = Explain.that("D(f, x, h)").input("x", 1.0, "h", 0.1).expected(1.0).received(4.0).toString();
            assertThat(step).contains("(2h)^2");
            String inWords = Explain.that("D").input("f(x) = x^2, x = 1.0, h = 0.1").expected(1.0).received(2.0)
                .toString();
            assertThat(inWords).contains("2h");
            assertThat(Explain.that("g").input("x", 1.0).expected(1.0).received(2.0).toString())
                .doesNotContain("2h");
        }

        @Test
        @DisplayName("a ratio equal to the count averaged over is a sum where the mean is asked")
        void countFactor() {
            String sum = Explain.that("gradient").input("w", 1.0).averagedOver(4, "examples").expected(1.5)
                .received(6.0).toString();
            assertThat(sum).contains("there are 4 examples: a sum where the mean is asked").doesNotContain("(2h)^2");
            String twice = Explain.that("gradient").averagedOver(3, "rows").expected(new double[] {3, 6})
                .received(new double[] {1, 2}).toString();
            assertThat(twice).contains("every entry: 1/3 of the expected value");
        }

        @Test
        @DisplayName("a mistake reproduced at the input is named first, alone, and only when it matches")
        void mistakes() {
            String matched = Explain.that("compose(sin, x^2).derivative(x)").input("x", 0.5).expected(0.968)
                .received(-0.968 * 2).mistake("the outer derivative is taken at x", 0.5).mistake("the inner is "
                    + "forgotten", -1.936).hint("a general hint").toString();
            assertThat(matched).containsSubsequence("hint            received exactly what you get when the inner is "
                + "forgotten", "a general hint").doesNotContain("factor of 2").doesNotContain("outer derivative");
            String unmatched = Explain.that("g").input("x", 0.5).expected(1.0).received(2.0).mistake("m", 3.0)
                .toString();
            assertThat(unmatched).contains("twice").doesNotContain("exactly what you get");
            String same = Explain.that("g").expected(1.0).received(1.5).mistake("m", 1.0 + 1e-12).toString();
            assertThat(same).doesNotContain("exactly what you get");
            String vector = Explain.that("g").expected(new double[] {1, 2}).received(new double[] {1, 3})
                .mistake("v", new double[] {1, 3}).toString();
            assertThat(vector).contains("received exactly what you get when v");
            String own = Explain.that("g").expected(1.0).received(-1.0).matched("the test's own match")
                .matched("").toString();
            assertThat(own).contains("hint            the test's own match").doesNotContain("wrong sign");
        }

        @Test
        @DisplayName("vectors show the largest gap; long vectors are shortened")
        void vectors() {
            double[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            double[] received = expected.clone();
            received[6] = 70;
            String message = Explain.that("gradient").expected(expected).received(received).withinRelative(1e-6)
                .toString();
            assertThat(message)
                .startsWith("gradient: entry [6] should be 7.0, is 70.0\n")
                .contains("(relative error at most 1.0e-06)")
                .contains("largest gap     entry [6]: expected 7.0, received 70.0")
                .contains("... (10 entries)]")
                .contains("entry [6] is furthest off");
        }

        @Test
        @DisplayName("an order message carries the order diagnosis and any details")
        void order() {
            String message = Explain.that("CentralDifference.derivative").input("f(x) = sin(x), x = 1.0")
                .order(2, 1.01).detail("errors", "4.2e-3 at h = 0.01, 2.1e-3 at h = 0.005").toString();
            assertThat(message)
                .startsWith("CentralDifference.derivative: expected order 2.00, received order 1.01\n")
                .contains("expected        order 2.00 (the error shrinks like h^2.00)")
                .contains("received        order 1.01")
                .contains("errors          4.2e-3 at h = 0.01")
                .contains("one-sided difference")
                .doesNotContain("relative error");
        }

        @Test
        @DisplayName("results that are not numbers print as they are, without a diagnosis")
        void objects() {
            String message = Explain.that("Newton.solve").expected("CONVERGED").received("NOT_CONVERGED")
                .toString();
            assertThat(message).startsWith("Newton.solve: expected CONVERGED, received NOT_CONVERGED\n")
                .contains("expected        CONVERGED").contains("received        NOT_CONVERGED")
                .doesNotContain("hint");
            String longResult = "x".repeat(60);
            assertThat(Explain.that("f").expected("short").received(longResult).toString())
                .startsWith("f is not what was expected\n").contains(longResult);
        }

        @Test
        @DisplayName("is the AssertJ failure message, rendered the same every time")
        void withAssertJ() {
            Explain explain = Explain.that("slope").input("a", 1.0, "b", 1.0).expected(2.0).received(Double.NaN)
                .within(1e-12);
            assertThat(explain.get()).isEqualTo(explain.toString()).isEqualTo(explain.toString());
            assertThatThrownBy(() -> assertThat(Double.NaN).withFailMessage(explain).isCloseTo(2.0, within(1e-12)))
                .isInstanceOf(AssertionError.class)
                .hasMessage(explain.toString())
                .hasMessageContaining("received NaN");
        }

        @Test
        @DisplayName("ready-made mismatch, and input pairs that do not pair up")
        void mismatchAndBadInput() {
            assertThat(Explain.mismatch("slope", "x = 1.0", 1.0, -1.0, 1e-9)).contains("wrong sign")
                .contains("input           x = 1.0");
            assertThatThrownBy(() -> Explain.that("slope").input("x", 1.0, "h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name-value pairs");
        }
    }

    @Test
    @DisplayName("relativeError, the one measure: 0 for equal values, relative to the expected value above the floor, "
        + "absolute below it and where the expected value is 0")
    void relativeErrorWithFloor() {
        assertThat(Explain.relativeError(2.0, 2.0, 1)).isZero();
        assertThat(Explain.relativeError(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1)).isZero();
        assertThat(Explain.relativeError(100, 101, 1)).isCloseTo(1.0 / 100, within(1e-15));
        assertThat(Explain.relativeError(1e-9, 3e-9, 1)).isCloseTo(2e-9, within(1e-20));
        assertThat(Explain.relativeError(-1, 1, 0.5)).isEqualTo(2.0);
        assertThat(Explain.relativeError(0, 1e-3, 0)).isEqualTo(1e-3);
        assertThat(Explain.relativeError(4, 5)).isEqualTo(Explain.relativeError(4, 5, 0)).isEqualTo(0.25);
        assertThat(Explain.relativeError(Double.NaN, 1, 1)).isNaN();
        assertThat(Explain.largestRelativeError(new double[] {1, 10}, new double[] {1, 11}, 1))
            .isCloseTo(1.0 / 10, within(1e-15));
    }

    @Test
    @DisplayName("largestRelativeError rejects vectors of different lengths, naming both")
    void largestRelativeErrorLengthsMustMatch() {
        assertThatThrownBy(() -> Explain.largestRelativeError(new double[2], new double[3], 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the vectors must have the same length, got 2 and 3");
    }
}
