package calculus.plot;

import java.awt.Color;

/**
 * The palettes: a ten-colour cycle for series and classes, a viridis-like ramp for contour levels, and the greys
 * of the frame.
 *
 * <p>The cycle is matplotlib's "tab10": ten hues that stay distinct on white and for most colour-blind readers, at
 * least among the first four. Contours use viridis because it is perceptually uniform (equal steps in level look
 * like equal steps in colour) and still readable in greyscale.
 */
final class Colors {

    /** Text, tick marks and the frame: a dark grey, softer than black on white. */
    static final Color INK = new Color(0x262626);
    /** The axes frame. */
    static final Color SPINE = new Color(0x404040);
    /** Grid lines: translucent black, so they stay visible over the pale class regions too. */
    static final Color GRID = new Color(0, 0, 0, 26);
    /** Secondary text, such as the second line of a diagram node. */
    static final Color MUTED = new Color(0x555555);

    private static final Color[] CYCLE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    // viridis sampled at nine equally spaced points; linear interpolation between them is visually exact
    private static final int[] VIRIDIS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21908c, 0x27ad81, 0x5dc863, 0xaadc32, 0xfde725,
    };

    // the last stretch of viridis is a pale yellow that vanishes on a white background
    private static final double VIRIDIS_TOP = 0.88;

    // how much of the class colour a region keeps: pale enough for markers and lines to stand out on top
    private static final double TINT = 0.2;

    private Colors() {
    }

    /** The number of colours in the cycle, after which colours repeat. */
    static int cycleLength() {
        return CYCLE.length;
    }

    /** Colour {@code i} of the cycle (repeating after ten). */
    static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /** The viridis-like colour at {@code t} in [0, 1], from dark purple (0) to yellow-green (1). */
    static Color viridis(double t) {
        double s = Math.max(0, Math.min(1, t)) * VIRIDIS_TOP * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        return mix(new Color(VIRIDIS[i]), new Color(VIRIDIS[i + 1]), s - i);
    }

    /** A pale tint of {@code c}, as for the background of a class region. */
    static Color tint(Color c) {
        return mix(Color.WHITE, c, TINT);
    }

    /** {@code c} with the given opacity in [0, 1]. */
    static Color alpha(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * opacity));
    }

    /** The colour a fraction {@code t} of the way from {@code a} to {@code b}. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
            (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
            (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
            (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
