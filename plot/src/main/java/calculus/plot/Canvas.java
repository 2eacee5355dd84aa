package calculus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A white image with a high-quality {@link Graphics2D}, and the text, marker and file helpers that {@link Plot}
 * and {@link Diagram} share.
 *
 * <p>Everything here works headless (on a build server, with no display), and text never fails a plot: when the
 * font system is broken, as on a JDK without fontconfig, text is left out and the lines and markers are still
 * drawn.
 */
final class Canvas {

    static {
        useHeadless();
    }

    /** The shape of a marker. */
    enum Marker { CIRCLE, SQUARE, TRIANGLE_UP, DIAMOND, TRIANGLE_DOWN, STAR }

    private static final String PREFERRED_FAMILY = "DejaVu Sans";
    private static final String FAMILY = family();
    // the cap height of DejaVu Sans is 0.73 em; used when the font system cannot measure
    private static final double CAP_HEIGHT_EM = 0.73;
    private static final double AVERAGE_WIDTH_EM = 0.6;
    private static final char TYPOGRAPHIC_MINUS = '\u2212';

    // false once the font system has failed: from then on text is measured by estimate and not drawn
    private static volatile boolean textWorks = true;

    private final BufferedImage image;
    private final Graphics2D g;

    /** A white {@code width} by {@code height} image, ready to draw on with anti-aliasing. */
    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // grey-scale text anti-aliasing: sub-pixel (LCD) text shows colour fringes in a PNG viewed on any screen
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // pure strokes put lines exactly where the math says; the default nudges them by up to half a pixel
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /**
     * Switches AWT to headless mode. The public classes call this from their static initialisers, so it happens
     * before any AWT class looks for a display: a build server has none, and a desktop must not open a window.
     */
    static void useHeadless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static String family() {
        try {
            String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
            if (Arrays.asList(names).contains(PREFERRED_FAMILY)) {
                return PREFERRED_FAMILY;
            }
        } catch (RuntimeException | LinkageError | InternalError e) {
            // a broken font system: a cosmetic problem, handled by falling back (and later by dropping text)
            textWorks = false;
        }
        return Font.SANS_SERIF;
    }

    BufferedImage image() {
        return image;
    }

    Graphics2D graphics() {
        return g;
    }

    /** The body font (DejaVu Sans if installed, else the platform's sans-serif) at {@code size} pixels. */
    static Font font(double size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    /**
     * The body font at {@code size} pixels, or smaller (down to 9 pixels) if {@code s} would be wider than
     * {@code maxWidth}: a long title shrinks rather than being cut off. See {@link #shorten} for what does not fit
     * even then.
     */
    Font fitted(String s, double size, boolean bold, double maxWidth) {
        double fit = size;
        Font font = font(fit, bold);
        while (fit > 9 && width(s, font) > maxWidth) {
            fit -= 1;
            font = font(fit, bold);
        }
        return font;
    }

    /** {@code s}, or as much of it as fits in {@code maxWidth} followed by an ellipsis. */
    String shorten(String s, Font font, double maxWidth) {
        if (width(s, font) <= maxWidth) {
            return s;
        }
        int keep = s.length();
        while (keep > 0 && width(s.substring(0, keep) + "\u2026", font) > maxWidth) {
            keep--;
        }
        return s.substring(0, keep).stripTrailing() + "\u2026";
    }

    /** A solid stroke with round ends and joins, which look best on curves made of many short segments. */
    static Stroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke: dashes and gaps scale with the width so thick dashes do not merge. */
    static Stroke dashed(double width) {
        float unit = (float) Math.max(1, width);
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {3.7f * unit, 1.6f * unit}, 0f);
    }

    /** The coordinate of the centre of the pixel that contains {@code v}: 1-pixel lines there are crisp. */
    static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    /** The width of {@code s} in pixels. */
    double width(String s, Font font) {
        if (textWorks) {
            try {
                return font.getStringBounds(s, g.getFontRenderContext()).getWidth();
            } catch (RuntimeException | LinkageError | InternalError e) {
                textWorks = false;
            }
        }
        return AVERAGE_WIDTH_EM * font.getSize2D() * s.length();
    }

    /** The height of a capital letter (or a digit), which is what the eye centres text by. */
    double capHeight(Font font) {
        if (textWorks) {
            try {
                FontRenderContext frc = g.getFontRenderContext();
                return font.createGlyphVector(frc, "H").getVisualBounds().getHeight();
            } catch (RuntimeException | LinkageError | InternalError e) {
                textWorks = false;
            }
        }
        return CAP_HEIGHT_EM * font.getSize2D();
    }

    /** The distance from one baseline to the next for lines of text in {@code font}. */
    double lineHeight(Font font) {
        return 1.2 * font.getSize2D();
    }

    /** {@code s} with typographic minus signs, for numbers, if the font has the glyph. */
    static String minus(String s, Font font) {
        try {
            return font.canDisplay(TYPOGRAPHIC_MINUS) ? s.replace('-', TYPOGRAPHIC_MINUS) : s;
        } catch (RuntimeException | LinkageError | InternalError e) {
            return s;
        }
    }

    /**
     * Draws {@code s} anchored at (x, y). The anchor is a point of the text's cap box: {@code ax} 0, 0.5 or 1 for
     * its left, centre or right; {@code ay} 0, 0.5 or 1 for the top of the capitals, their middle or the baseline.
     */
    void text(String s, Font font, Color color, double x, double y, double ax, double ay) {
        if (!textWorks || s.isEmpty()) {
            return;
        }
        try {
            double baseline = y + (1 - ay) * capHeight(font);
            g.setFont(font);
            g.setColor(color);
            g.drawString(s, (float) (x - ax * width(s, font)), (float) baseline);
        } catch (RuntimeException | LinkageError | InternalError e) {
            textWorks = false;
        }
    }

    /** Draws {@code s} turned a quarter left (reading upwards), centred on (x, y). */
    void verticalText(String s, Font font, Color color, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(s, font, color, 0, 0, 0.5, 0.5);
        g.setTransform(saved);
    }

    /** A rounded box behind text, such as a legend or an edge label. */
    void backdrop(Rectangle2D box, Color fill, Color border, double radius) {
        Shape shape = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(),
            box.getHeight(), radius, radius);
        g.setColor(fill);
        g.fill(shape);
        if (border != null) {
            g.setColor(border);
            g.setStroke(new BasicStroke(1f));
            g.draw(shape);
        }
    }

    /** A marker of the given shape and overall size (in pixels) centred on (x, y). */
    static Shape marker(Marker kind, double x, double y, double size) {
        double r = size / 2;
        switch (kind) {
            case SQUARE:
                // a square looks bigger than a circle of the same width
                double s = 0.85 * r;
                return new Rectangle2D.Double(x - s, y - s, 2 * s, 2 * s);
            case TRIANGLE_UP:
                return polygon(x, y, 1.15 * r, 3, -Math.PI / 2);
            case TRIANGLE_DOWN:
                return polygon(x, y, 1.15 * r, 3, Math.PI / 2);
            case DIAMOND:
                return polygon(x, y, 1.1 * r, 4, -Math.PI / 2);
            case STAR:
                return star(x, y, 1.25 * r);
            case CIRCLE:
            default:
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private static Shape polygon(double x, double y, double r, int corners, double angle) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < corners; i++) {
            double a = angle + 2 * Math.PI * i / corners;
            if (i == 0) {
                p.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
            } else {
                p.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star(double x, double y, double r) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            // plumper than a regular star (inner radius 0.38): at marker size thin points vanish
            double radius = i % 2 == 0 ? r : 0.45 * r;
            double a = -Math.PI / 2 + Math.PI * i / 5;
            if (i == 0) {
                p.moveTo(x + radius * Math.cos(a), y + radius * Math.sin(a));
            } else {
                p.lineTo(x + radius * Math.cos(a), y + radius * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    /** A filled arrowhead with its tip at (x, y), pointing along (dx, dy). */
    static Shape arrowHead(double x, double y, double dx, double dy, double length, double width) {
        double norm = Math.hypot(dx, dy);
        double ux = dx / norm;
        double uy = dy / norm;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x - length * ux - width / 2 * uy, y - length * uy + width / 2 * ux);
        // a slight notch at the back makes the head read as an arrow, not a triangle
        p.lineTo(x - 0.8 * length * ux, y - 0.8 * length * uy);
        p.lineTo(x - length * ux + width / 2 * uy, y - length * uy - width / 2 * ux);
        p.closePath();
        return p;
    }

    /** Writes {@code image} as a PNG file, creating the folders it goes in. */
    static void save(BufferedImage image, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JDK has no PNG writer, so " + png + " was not written");
            }
        }
    }
}
