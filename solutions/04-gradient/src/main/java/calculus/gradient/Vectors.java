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
        // BEGIN SOLUTION Task 4.1: return the dot product of a and b (README.md, "Task 4.1"); reject bad input as the
        //     Javadoc's @throws says, with the checks of vectors you add to Checks
        Checks.requireSameLength(a, "a", b, "b");
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
        // END SOLUTION
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
        // BEGIN SOLUTION Task 4.1: return the Euclidean norm of v, without overflow or underflow for huge or tiny
        //     entries (README.md, "Task 4.1"); reject bad input as the Javadoc's @throws says
        Checks.requireVector(v, "v");
        double largest = 0.0;
        for (double vi : v) {
            largest = Math.max(largest, Math.abs(vi));
        }
        if (largest == 0.0) {
            return 0.0;
        }
        // every scaled entry is at most 1 in size: its square can neither overflow nor lose the norm to underflow
        double sumOfSquares = 0.0;
        for (double vi : v) {
            double scaled = vi / largest;
            sumOfSquares += scaled * scaled;
        }
        return largest * Math.sqrt(sumOfSquares);
        // END SOLUTION
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
        // BEGIN SOLUTION Task 4.1: return a new vector, the sum of a and b (README.md, "Task 4.1"); reject bad input as
        //     the Javadoc's @throws says
        Checks.requireSameLength(a, "a", b, "b");
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
        // END SOLUTION
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
        // BEGIN SOLUTION Task 4.1: return a new vector, a minus b (README.md, "Task 4.1"); reject bad input as the
        //     Javadoc's @throws says
        Checks.requireSameLength(a, "a", b, "b");
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return difference;
        // END SOLUTION
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
        // BEGIN SOLUTION Task 4.1: return a new vector, v scaled by c (README.md, "Task 4.1"); reject bad input as the
        //     Javadoc's @throws says
        Checks.requireFinite(c, "c");
        Checks.requireVector(v, "v");
        double[] multiple = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            multiple[i] = c * v[i];
        }
        return multiple;
        // END SOLUTION
    }
}
