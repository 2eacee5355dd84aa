package calculus.plot;

/**
 * One axis of a plot: its data range, linear or logarithmic, and where that range lies in pixels.
 *
 * <p>A log axis maps log<sub>10</sub> <em>v</em> linearly to pixels, so every decade gets the same length. Values
 * that a log axis cannot show (zero, negatives) map to NaN, which the drawing code treats as a gap.
 */
final class Axis {

    private final double min;
    private final double max;
    private final boolean log;
    private final double start;
    private final double end;

    /**
     * An axis from {@code min} at pixel {@code start} to {@code max} at pixel {@code end}. A vertical axis has
     * {@code start > end}, because pixel rows grow downwards.
     */
    Axis(double min, double max, boolean log, double start, double end) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.start = start;
        this.end = end;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    boolean isLog() {
        return log;
    }

    /** The pixel length of the axis. */
    double length() {
        return Math.abs(end - start);
    }

    /** The lower and upper pixel coordinates of the axis, in increasing order. */
    double low() {
        return Math.min(start, end);
    }

    double high() {
        return Math.max(start, end);
    }

    /** Where {@code v} lies as a fraction of the range: 0 at min, 1 at max, NaN where a log axis has no place. */
    double fraction(double v) {
        if (log) {
            return v > 0 ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : Double.NaN;
        }
        return (v - min) / (max - min);
    }

    /** The pixel coordinate of data value {@code v}. */
    double pixel(double v) {
        return pixelAt(fraction(v));
    }

    /** The pixel coordinate at the given fraction of the range. */
    double pixelAt(double fraction) {
        return start + fraction * (end - start);
    }

    /** The fraction of the range at pixel coordinate {@code p}: the inverse of {@link #pixelAt}. */
    double fractionAt(double p) {
        return (p - start) / (end - start);
    }

    /** The data value at the given fraction of the range: the inverse of {@link #fraction}. */
    double valueAt(double fraction) {
        if (log) {
            return Math.pow(10, Math.log10(min) + fraction * (Math.log10(max) - Math.log10(min)));
        }
        return min + fraction * (max - min);
    }

    /** Pixels per data unit at {@code v} (signed: negative on a vertical axis): the local derivative of pixel. */
    double slope(double v) {
        double perFraction = end - start;
        if (log) {
            // d/dv log10(v) = 1 / (v ln 10)
            return perFraction / ((Math.log10(max) - Math.log10(min)) * v * Math.log(10));
        }
        return perFraction / (max - min);
    }

    /** Ticks for this axis, at most about {@code maxCount} of them labelled. */
    Ticks ticks(int maxCount) {
        return log ? Ticks.log(min, max, maxCount) : Ticks.linear(min, max, maxCount);
    }
}
