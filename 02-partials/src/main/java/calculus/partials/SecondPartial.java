package calculus.partials;

import java.util.function.ToDoubleFunction;

/**
 * Second partial derivatives: &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>i</em></sub><sup>2</sup>, the
 * curvature of the slice along <em>i</em>, and the mixed partial
 * &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>j</em></sub>&part;<em>x</em><sub><em>i</em></sub> =
 * &part;/&part;<em>x</em><sub><em>j</em></sub>(&part;<em>f</em>/&part;<em>x</em><sub><em>i</em></sub>), how the
 * slope along <em>i</em> changes as <em>x</em><sub><em>j</em></sub> moves.
 *
 * <p>By central differences with step <em>h</em>, writing <em>f</em><sub>±±</sub> for
 * <em>f</em>(<em>x</em> ± <em>h</em><em>e</em><sub><em>i</em></sub> ± <em>h</em><em>e</em><sub><em>j</em></sub>):
 * <ul>
 *   <li><em>i</em> = <em>j</em>: [<em>f</em>(<em>x</em> + <em>h</em><em>e</em><sub><em>i</em></sub>) −
 *       2<em>f</em>(<em>x</em>) + <em>f</em>(<em>x</em> − <em>h</em><em>e</em><sub><em>i</em></sub>)] /
 *       <em>h</em><sup>2</sup>, the second difference of the slice: three evaluations;</li>
 *   <li><em>i</em> ≠ <em>j</em>: [<em>f</em><sub>++</sub> − <em>f</em><sub>−+</sub> − <em>f</em><sub>+−</sub> +
 *       <em>f</em><sub>−−</sub>] / 4<em>h</em><sup>2</sup>, the central difference along <em>j</em> of central
 *       differences along <em>i</em>: four evaluations.</li>
 * </ul>
 *
 * <p>Both have truncation error of order <em>h</em><sup>2</sup> (fourth derivatives times <em>h</em><sup>2</sup>/12
 * or so) and round-off error about ε |<em>f</em>| / <em>h</em><sup>2</sup>: a second difference divides by
 * <em>h</em><sup>2</sup>, so its best step is larger than a first difference's, near ε<sup>1/4</sup> ≈
 * 10<sup>−4</sup> for a function of scale 1, where it is good to about 10<sup>−7</sup>.
 *
 * <p>For a function with continuous second partials the order does not matter (Schwarz's, or Clairaut's, theorem):
 * &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>j</em></sub>&part;<em>x</em><sub><em>i</em></sub> =
 * &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>i</em></sub>&part;<em>x</em><sub><em>j</em></sub>.
 */
public final class SecondPartial {

    private SecondPartial() {
    }

    /**
     * The second partial
     * &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>j</em></sub>&part;<em>x</em><sub><em>i</em></sub>
     * at {@code x}: differentiate along {@code i}, then along {@code j}; for {@code i == j} the pure second
     * partial &part;<sup>2</sup><em>f</em>/&part;<em>x</em><sub><em>i</em></sub><sup>2</sup>.
     *
     * @param f the function of several variables
     * @param x the point; not changed
     * @param i the first coordinate to differentiate along, in [0, {@code x.length})
     * @param j the second coordinate to differentiate along, in [0, {@code x.length}); may equal {@code i}
     * @param h the step, positive and finite; about 10<sup>−4</sup> for a function of scale 1
     * @return the central-difference approximation of the second partial
     * @throws IllegalArgumentException if {@code f} or {@code x} is {@code null}, {@code x} is empty or has a NaN or
     *                                  infinite coordinate, {@code i} or {@code j} is out of range, or {@code h} is
     *                                  not positive and finite
     */
    public static double of(ToDoubleFunction<double[]> f, double[] x, int i, int j, double h) {
        // TODO(Task 2.4): return the estimate of the second partial derivative of f along coordinates i and j
        //     at x, mixed when they differ (README.md, "Task 2.4"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 2.4: SecondPartial.of");
    }
}
