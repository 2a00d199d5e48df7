package org.musicoder.kernel.display.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;

/**
 * Draws an axis as plotly does by default: grid lines (#eee) at the ticks, a zero line (#444) where 0 is in the
 * range, tick marks when {@code ticks} asks (heatmap axes: outside), tick labels (12 px, #444; x labels turned 30
 * degrees, reading down to the right, when they would overlap), and the axis title (14 px; a y title reads bottom
 * to top).
 */
final class AxisPainter {
    static final Color GRID = new Color(0xee, 0xee, 0xee);

    private AxisPainter() {}

    /** Grid and zero line, under the traces. */
    static void grid(Graphics2D g, Axis a, Scene s) {
        g.setStroke(new BasicStroke(1));
        if (a.showGrid()) {
            g.setColor(CssColor.parse(Json.str(a.spec, "gridcolor", null), GRID));
            for (double v : a.ticks().values) line(g, a, s, a.px(v));
        }
        if (!a.category && Json.bool(a.spec, "zeroline", true) && 0 >= a.lo && 0 <= a.hi) {
            g.setColor(CssColor.parse(Json.str(a.spec, "zerolinecolor", null), CssColor.INK));
            line(g, a, s, a.px(0));
        }
    }

    private static void line(Graphics2D g, Axis a, Scene s, double p) {
        double q = Math.round(p) + 0.5;
        if (a.vertical) g.draw(new Line2D.Double(s.left, q, s.left + s.plotWidth, q));
        else g.draw(new Line2D.Double(q, s.top, q, s.top + s.plotHeight));
    }

    /** Ticks, labels and title, over the traces. */
    static void labels(Graphics2D g, Axis a, Scene s) {
        Font font = Text.font(Json.num(Json.obj(a.spec, "tickfont"), "size", s.fontSize), false);
        Color ink = CssColor.parse(Json.str(a.spec, "tickcolor", null), CssColor.INK);
        Ticks t = a.ticks();
        double len = a.tickLength();
        boolean opp = a.opposite();
        double edge = a.vertical ? (opp ? s.left + s.plotWidth : s.left) : (opp ? s.top : s.top + s.plotHeight);
        double dir = opp ? -1 : 1;                                      // outward: left/down = +1 for y/x
        double spacing = a.length();
        for (int i = 1; i < t.values.size(); i++) {
            spacing = Math.min(spacing, Math.abs(a.px(t.values.get(i)) - a.px(t.values.get(i - 1))));
        }
        double widest = 0;
        for (String text : t.texts) widest = Math.max(widest, Text.width(g, font, text));
        boolean turn = !a.vertical && widest > spacing - 6 && t.values.size() > 1;
        boolean show = Json.bool(a.spec, "showticklabels", true);
        g.setStroke(new BasicStroke((float) Json.num(a.spec, "tickwidth", 1)));
        for (int i = 0; i < t.values.size(); i++) {
            double p = a.px(t.values.get(i));
            g.setColor(ink);
            if (len > 0) {
                if (a.vertical) g.draw(new Line2D.Double(edge, p, edge - dir * len, p));
                else g.draw(new Line2D.Double(p, edge, p, edge + dir * len));
            }
            if (!show) continue;
            String text = t.texts.get(i);
            if (a.vertical) {
                double x = opp ? edge + len + 3 : edge - len - 3;
                Text.draw(g, text, font, CssColor.INK, x, p, opp ? Text.Align.LEFT : Text.Align.RIGHT, 0);
            } else if (turn) {
                Text.Align from = opp ? Text.Align.RIGHT : Text.Align.LEFT;    // plotly: down to the right of the tick
                Text.draw(g, text, font, CssColor.INK, p - 2, edge + dir * (len + 8), from, 30);
            } else {
                Text.draw(g, text, font, CssColor.INK, p, edge + dir * (len + 3 + font.getSize2D() * 0.6),
                        Text.Align.CENTER, 0);
            }
        }
        String title = Label.flat(a.title());
        if (title.isEmpty()) return;
        Font tf = Text.font(Json.num(Json.obj(Json.obj(a.spec, "title"), "font"), "size", s.fontSize * 14 / 12), false);
        if (a.vertical) {
            double depth = show ? widest : 0;
            double x = edge - dir * (len + 3 + depth + 10 + tf.getSize2D() / 2);
            Text.draw(g, title, tf, CssColor.INK, x, (a.px0 + a.px1) / 2, Text.Align.CENTER, -90);
        } else {
            double depth = !show ? 0 : turn ? widest * 0.5 + font.getSize2D() : font.getSize2D() * 1.2;
            double y = edge + dir * (len + 3 + depth + 8 + tf.getSize2D() / 2);
            Text.draw(g, title, tf, CssColor.INK, (a.px0 + a.px1) / 2, y, Text.Align.CENTER, 0);
        }
    }
}
