package calculus.gradient;

/**
 * The few operations on vectors that gradients need, on plain {@code double[]} arrays: the dot product, the
 * Euclidean norm, the sum, the difference and the multiple.
 *
 * <p>A vector <em>v</em> = (<em>v</em><sub>1</sub>, …, <em>v</em><sub><em>n</em></sub>) of R<sup><em>n</em></sup>
 * is a {@code double[]} of length <em>n</em> &ge; 1. Every method leaves its arguments unchanged and returns a new
 * array, so a caller can keep using its vectors (a gradient, a point) after asking for a sum.
 *
 * <p>Inputs are checked: a {@code null} or empty vector, two vectors of different lengths, or an entry that is
 * NaN or infinite gets an {@link IllegalArgumentException} naming the parameter and its value. A length mismatch
 * is the most common bug in vector code (a bias forgotten, a feature too many), and caught here it names itself.
 *
 * <p>The norm does not overflow: ‖(3·10<sup>200</sup>, 4·10<sup>200</sup>)‖ = 5·10<sup>200</sup>, although
 * (3·10<sup>200</sup>)<sup>2</sup> is beyond the largest {@code double}.
 */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The dot product <em>a</em>·<em>b</em> = <em>a</em><sub>1</sub><em>b</em><sub>1</sub> + … +
     * <em>a</em><sub><em>n</em></sub><em>b</em><sub><em>n</em></sub>.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return <em>a</em>·<em>b</em>
     * @throws IllegalArgumentException if {@code a} or {@code b} is null or empty, has a NaN or infinite entry, or
     *                                  if their lengths differ
     */
    public static double dot(double[] a, double[] b) {
        // TODO(Task 4.1): return the dot product of a and b (README.md, "Task 4.1"); reject bad input as the
        //     Javadoc's @throws says, with the checks of vectors you add to Checks
        throw new UnsupportedOperationException("Task 4.1: Vectors.dot");
    }

    /**
     * The Euclidean norm ‖<em>v</em>‖ = √(<em>v</em><sub>1</sub><sup>2</sup> + … +
     * <em>v</em><sub><em>n</em></sub><sup>2</sup>) = √(<em>v</em>·<em>v</em>), the length of <em>v</em>.
     *
     * <p>Computed as <em>s</em> ‖<em>v</em>/<em>s</em>‖ with <em>s</em> = max |<em>v</em><sub><em>i</em></sub>|,
     * so that no square overflows (entries near 10<sup>200</sup>) or underflows to zero (entries near
     * 10<sup>−200</sup>); the result is within a few units in the last place of the exact norm.
     *
     * @param v a vector
     * @return ‖<em>v</em>‖ &ge; 0, zero only for the zero vector
     * @throws IllegalArgumentException if {@code v} is null or empty, or has a NaN or infinite entry
     */
    public static double norm(double[] v) {
        // TODO(Task 4.1): return the Euclidean norm of v, without overflow or underflow for huge or tiny
        //     entries (README.md, "Task 4.1"); reject bad input as the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.1: Vectors.norm");
    }

    /**
     * The sum <em>a</em> + <em>b</em>, entry by entry.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return a new vector with entries <em>a</em><sub><em>i</em></sub> + <em>b</em><sub><em>i</em></sub>
     * @throws IllegalArgumentException if {@code a} or {@code b} is null or empty, has a NaN or infinite entry, or
     *                                  if their lengths differ
     */
    public static double[] add(double[] a, double[] b) {
        // TODO(Task 4.1): return a new vector, the sum of a and b (README.md, "Task 4.1"); reject bad input as
        //     the Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.1: Vectors.add");
    }

    /**
     * The difference <em>a</em> − <em>b</em>, entry by entry.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return a new vector with entries <em>a</em><sub><em>i</em></sub> − <em>b</em><sub><em>i</em></sub>
     * @throws IllegalArgumentException if {@code a} or {@code b} is null or empty, has a NaN or infinite entry, or
     *                                  if their lengths differ
     */
    public static double[] subtract(double[] a, double[] b) {
        // TODO(Task 4.1): return a new vector, a minus b (README.md, "Task 4.1"); reject bad input as the
        //     Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.1: Vectors.subtract");
    }

    /**
     * The multiple <em>c</em> <em>v</em>, every entry times the scalar <em>c</em>.
     *
     * @param c a finite number
     * @param v a vector
     * @return a new vector with entries <em>c</em> <em>v</em><sub><em>i</em></sub>
     * @throws IllegalArgumentException if {@code c} is NaN or infinite, or if {@code v} is null or empty, or has a
     *                                  NaN or infinite entry
     */
    public static double[] scale(double c, double[] v) {
        // TODO(Task 4.1): return a new vector, v scaled by c (README.md, "Task 4.1"); reject bad input as the
        //     Javadoc's @throws says
        throw new UnsupportedOperationException("Task 4.1: Vectors.scale");
    }
}
