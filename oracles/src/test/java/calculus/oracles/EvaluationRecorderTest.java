package calculus.oracles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The evaluation recorder: what it counts, what it keeps, and which central-difference schemes it accepts. */
class EvaluationRecorderTest {

    private static final ToDoubleFunction<double[]> SUM = new ToDoubleFunction<>() {
        @Override
        public double applyAsDouble(double[] x) {
            return x[0] + x[1];
        }

        @Override
        public String toString() {
            return "x0 + x1";
        }
    };

    @Test
    @DisplayName("the wrappers return f's values, keep copies of the points, and keep f's name")
    void recordsCopies() {
        EvaluationRecorder recorder = new EvaluationRecorder();
        ToDoubleFunction<double[]> f = recorder.scalar(SUM);
        Function<double[], double[]> g = recorder.vector(x -> new double[] {2 * x[0]});
        double[] x = {1, 2};
        assertThat(f.applyAsDouble(x)).isEqualTo(3.0);
        x[0] = 5;
        assertThat(g.apply(x)).containsExactly(10.0);
        assertThat(recorder.count()).isEqualTo(2);
        assertThat(recorder.points().get(0)).containsExactly(1, 2);
        assertThat(recorder.points().get(1)).containsExactly(5, 2);
        assertThat(f).hasToString("x0 + x1");
        recorder.reset();
        assertThat(recorder.count()).isZero();
        assertThat(recorder.points()).isEmpty();
    }

    @Test
    @DisplayName("a central difference that moves each coordinate once each way has no problems")
    void acceptsTheCentralDifference() {
        EvaluationRecorder recorder = new EvaluationRecorder();
        ToDoubleFunction<double[]> f = recorder.scalar(SUM);
        double[] x = {0.3, -1.7};
        double h = 1e-4;
        for (int i = 0; i < x.length; i++) {
            double[] p = x.clone();
            p[i] = x[i] + h;
            f.applyAsDouble(p);
            p[i] = x[i] - h;
            f.applyAsDouble(p);
        }
        assertThat(recorder.centralDifferenceProblems(x, h)).isEmpty();
    }

    @Test
    @DisplayName("each wrong scheme is named: f(x) itself, two coordinates moved, a wrong step, a missing point")
    void namesWhatIsWrong() {
        double[] x = {0.3, -1.7};
        double h = 1e-4;
        assertThat(problems(x, h, new double[] {0.3, -1.7})).contains("x itself");
        assertThat(problems(x, h, new double[] {0.3 + h, -1.7 + h})).contains("coordinates 0 and 1");
        assertThat(problems(x, h, new double[] {0.3 + 2 * h, -1.7})).contains("moved by");
        assertThat(problems(x, h, new double[] {0.3 + h, -1.7}, new double[] {0.3 - h, -1.7}))
            .contains("coordinate 1 was moved up 0 and down 0 times");
        assertThat(problems(x, h, new double[] {0.3})).contains("1 coordinates");
    }

    private static String problems(double[] x, double h, double[]... points) {
        EvaluationRecorder recorder = new EvaluationRecorder();
        ToDoubleFunction<double[]> f = recorder.scalar(p -> 0);
        for (double[] p : points) {
            f.applyAsDouble(p);
        }
        return recorder.centralDifferenceProblems(x, h);
    }
}
