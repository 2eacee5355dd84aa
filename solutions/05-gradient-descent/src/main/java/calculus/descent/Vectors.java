// SOLUTION ONLY FILE
package calculus.descent;

/** The little vector arithmetic the optimizers share. */
final class Vectors {

    private Vectors() {
    }

    /**
     * The Euclidean norm ‖<em>v</em>‖, scaled by the largest |<em>v</em><sub><em>i</em></sub>| first so that
     * squaring neither overflows (a gradient of 10<sup>200</sup> is large, not infinite) nor underflows.
     */
    static double norm(double[] v) {
        double scale = 0;
        for (double vi : v) {
            scale = Math.max(scale, Math.abs(vi));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            // all zeros, or an infinite or NaN coordinate (Math.max passes NaN on): the norm is that scale
            return scale;
        }
        double sum = 0;
        for (double vi : v) {
            double t = vi / scale;
            sum += t * t;
        }
        return scale * Math.sqrt(sum);
    }

    /** Whether every coordinate is finite. */
    static boolean allFinite(double[] v) {
        for (double vi : v) {
            if (!Double.isFinite(vi)) {
                return false;
            }
        }
        return true;
    }

    /** The dot product. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
