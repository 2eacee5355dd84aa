package calculus.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and their labels for one axis: "nice" numbers on a linear axis, powers of ten on a log axis.
 *
 * <p>A linear axis steps by 1, 2, 2.5 or 5 times a power of ten, the smallest such step that gives at most the
 * requested number of ticks, so labels read 0, 0.5, 1.0 and never 0.33, 0.67. A log axis puts its major ticks at
 * whole decades (every second or third decade when there are many) labelled {@code 1e-8}, with unlabelled minor
 * ticks at 2..9 times each decade. A log axis with fewer than two powers of ten in its range falls back to 1, 2
 * and 5 times powers of ten, or to linear steps if those give fewer than three labels, so it always has at least
 * two labels.
 *
 * @param major the labelled tick positions, increasing, in data units
 * @param labels one label per major tick, with an ASCII minus (the renderer may swap in a typographic one)
 * @param minor unlabelled tick positions, in data units
 */
record Ticks(double[] major, String[] labels, double[] minor) {

    // the mantissas of a nice step; matplotlib's default locator uses the same
    private static final double[] NICE = {1, 2, 2.5, 5};
    // strides between labelled decades on a log axis with too many decades to label each one
    private static final int[] DECADE_STRIDES = {1, 2, 3, 4, 5, 10, 20, 50, 100};
    // a tick that lies within this fraction of a step outside the range still counts, against round-off
    private static final double SLACK = 1e-9;
    // plain decimals read best in this band of decades; outside it, 1e-8 is shorter than 0.00000001
    private static final int PLAIN_MIN_EXPONENT = -3;
    private static final int PLAIN_MAX_EXPONENT = 4;

    /** At least two ticks on [min, max] with a nice step, at most {@code maxCount} unless that is below two. */
    static Ticks linear(double min, double max, int maxCount) {
        double span = max - min;
        if (!(span > 0) || !Double.isFinite(span)) {
            return new Ticks(new double[] {min, max}, new String[] {general(min), general(max)}, new double[0]);
        }
        int limit = Math.max(2, maxCount);
        int k = (int) Math.floor(Math.log10(span / limit)) - 1;
        while (true) {
            for (double m : NICE) {
                double step = m * Math.pow(10, k);
                long first = (long) Math.ceil(min / step - SLACK);
                long last = (long) Math.floor(max / step + SLACK);
                if (last - first + 1 <= limit) {
                    return linearTicks(first, last, step, m, k);
                }
            }
            k++;
        }
    }

    private static Ticks linearTicks(long first, long last, double step, double mantissa, int k) {
        int n = (int) (last - first + 1);
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            // i * step, not a running sum: a sum accumulates round-off and gives 0.30000000000000004
            ticks[i] = (first + i) * step;
        }
        int extra = mantissa == 2.5 ? 1 : 0;
        double largest = Math.max(Math.abs(ticks[0]), Math.abs(ticks[n - 1]));
        boolean scientific = largest >= 1e5 || k < -4;
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = scientific ? scientific(ticks[i], k - extra) : plain(ticks[i], Math.max(0, extra - k));
        }
        return new Ticks(ticks, labels, new double[0]);
    }

    /** Ticks for a log axis on [min, max], 0 &lt; min &lt; max, with at most about {@code maxCount} labels. */
    static Ticks log(double min, double max, int maxCount) {
        int limit = Math.max(2, maxCount);
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        int first = (int) Math.ceil(lo - SLACK);
        int last = (int) Math.floor(hi + SLACK);
        if (last - first + 1 >= 2) {
            return decades(first, last, min, max, limit);
        }
        // under two decades: 1, 2, 5 times powers of ten if that gives three labels, else plain linear steps
        Ticks oneTwoFive = oneTwoFive(lo, hi, min, max);
        if (oneTwoFive.major.length >= 3 && oneTwoFive.major.length <= limit) {
            return oneTwoFive;
        }
        return linear(min, max, limit);
    }

    private static Ticks decades(int first, int last, double min, double max, int limit) {
        int stride = DECADE_STRIDES[DECADE_STRIDES.length - 1];
        for (int s : DECADE_STRIDES) {
            if (Math.floorDiv(last, s) - Math.floorDiv(first + s - 1, s) + 1 <= limit) {
                stride = s;
                break;
            }
        }
        List<Integer> exponents = new ArrayList<>();
        for (int e = Math.floorDiv(first + stride - 1, stride) * stride; e <= last; e += stride) {
            exponents.add(e);
        }
        boolean plain = exponents.get(0) >= PLAIN_MIN_EXPONENT
            && exponents.get(exponents.size() - 1) <= PLAIN_MAX_EXPONENT;
        double[] major = new double[exponents.size()];
        String[] labels = new String[major.length];
        for (int i = 0; i < major.length; i++) {
            int e = exponents.get(i);
            major[i] = powerOfTen(e);
            labels[i] = plain ? BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString() : "1e" + e;
        }
        List<Double> minor = new ArrayList<>();
        for (int e = first - 1; e <= last; e++) {
            if (stride == 1) {
                // 2..9 times each decade, like log graph paper
                for (int j = 2; j <= 9; j++) {
                    addInside(minor, decimal(j, e), min, max);
                }
            } else if (Math.floorMod(e, stride) != 0) {
                addInside(minor, powerOfTen(e), min, max);
            }
        }
        return new Ticks(major, labels, minor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Ticks oneTwoFive(double lo, double hi, double min, double max) {
        List<Double> ticks = new ArrayList<>();
        for (int e = (int) Math.floor(lo) - 1; e <= (int) Math.ceil(hi); e++) {
            for (int m : new int[] {1, 2, 5}) {
                addInside(ticks, decimal(m, e), min, max);
            }
        }
        double[] major = ticks.stream().mapToDouble(Double::doubleValue).toArray();
        String[] labels = new String[major.length];
        for (int i = 0; i < major.length; i++) {
            labels[i] = general(major[i]);
        }
        return new Ticks(major, labels, new double[0]);
    }

    private static void addInside(List<Double> ticks, double v, double min, double max) {
        double slack = SLACK * v;
        if (v >= min - slack && v <= max + slack) {
            ticks.add(v);
        }
    }

    /** 10<sup>e</sup> as the double nearest to it ({@code Math.pow(10, -8)} may be one ulp off). */
    static double powerOfTen(int e) {
        return decimal(1, e);
    }

    /** m 10<sup>e</sup> as the double nearest to it, which is what the literal {@code 5e-2} gives too. */
    private static double decimal(int m, int e) {
        return Double.parseDouble(m + "e" + e);
    }

    /** {@code v} with a fixed number of decimals and no negative zero. */
    static String plain(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** {@code v} as mantissa and exponent, such as {@code 2.5e-6}, exact to the digit 10<sup>k</sup>. */
    static String scientific(double v, int k) {
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, e);
        String digits = plain(mantissa, Math.min(6, Math.max(0, e - k)));
        if (digits.replace("-", "").startsWith("10")) {
            // 9.99999 rounded up to 10.0: move the decimal point instead
            e++;
            digits = plain(v / Math.pow(10, e), Math.min(6, Math.max(0, e - k)));
        }
        if (digits.contains(".")) {
            digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return digits + "e" + e;
    }

    /** A short label for a single value of any size: plain in a middle band of magnitudes, else scientific. */
    static String general(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        if (e >= PLAIN_MIN_EXPONENT && e <= PLAIN_MAX_EXPONENT) {
            return new BigDecimal(Double.toString(v)).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return scientific(v, e - 3);
    }
}
