package org.musicoder.kernel.display.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/** Text drawn the way plotly places it: by an anchor point, horizontally left/centre/right, vertically by centre. */
final class Text {
    /** Horizontal anchor. */
    enum Align { LEFT, CENTER, RIGHT }

    private Text() {}

    /** @return the sans-serif font at {@code px} pixels (plotly's "Open Sans", verdana, arial, sans-serif) */
    static Font font(double px, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) px);
    }

    /** @return the width of {@code s} in pixels with {@code font} */
    static double width(Graphics2D g, Font font, String s) {
        return g.getFontMetrics(font).getStringBounds(s, g).getWidth();
    }

    /**
     * Draws one line of text whose vertical centre (of its capitals) is at {@code y}.
     *
     * @param g     graphics
     * @param s     the text
     * @param font  its font
     * @param color its colour
     * @param x     anchor x (px)
     * @param y     anchor y (px), the middle of the capitals
     * @param align horizontal anchor
     * @param angle rotation in degrees about the anchor (plotly's convention: clockwise, -90 reads bottom to top)
     */
    static void draw(Graphics2D g, String s, Font font, Color color, double x, double y, Align align, double angle) {
        if (s == null || s.isEmpty()) return;
        FontMetrics m = g.getFontMetrics(font);
        double w = m.getStringBounds(s, g).getWidth();
        double dx = align == Align.LEFT ? 0 : align == Align.CENTER ? -w / 2 : -w;
        double dy = font.getSize2D() * 0.35;            // about half a capital's height: centre -> baseline
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (angle != 0) g.rotate(Math.toRadians(angle));
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, (float) dx, (float) dy);
        g.setTransform(saved);
    }
}
