package org.musicoder.kernel.display.image;

import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * A heatmap's colour bar, placed as plotly places it by default: {@code x} 1.02 of the plot width right of the plot,
 * centred on the plot's middle, {@code len} (fraction of the plot height, default 1) long and {@code thickness}
 * (default 30) px wide, with automatic ticks labelled on its right.
 */
final class ColorBar {
    static final double PAD = 10;
    final HeatmapLayer heatmap;
    final JsonObject spec;
    final Font font;

    ColorBar(HeatmapLayer heatmap, Font font) {
        this.heatmap = heatmap;
        this.spec = Json.obj(heatmap.trace, "colorbar");
        this.font = font;
    }

    double thickness() {
        return Json.num(spec, "thickness", 30);
    }

    /** @return px needed right of the plot for the bar and its labels, given the plot's width */
    double width(Graphics2D g, double plotWidth, double plotHeight) {
        double labels = 0;
        for (String s : ticks(plotHeight).texts) labels = Math.max(labels, Text.width(g, font, s));
        return (Json.num(spec, "x", 1.02) - 1) * plotWidth + PAD + thickness() + 4 + labels + PAD;
    }

    private Ticks ticks(double plotHeight) {
        return Ticks.auto(heatmap.zmin, heatmap.zmax, length(plotHeight), true, (int) Json.num(spec, "nticks", 0),
                Json.str(spec, "exponentformat", "B"));
    }

    private double length(double plotHeight) {
        return Math.max(10, Json.num(spec, "len", 1) * plotHeight - 2 * PAD);
    }

    /**
     * @param g      graphics
     * @param left   plot area left (px)
     * @param top    plot area top
     * @param width  plot area width
     * @param height plot area height
     */
    void paint(Graphics2D g, double left, double top, double width, double height) {
        double len = length(height);
        double x0 = left + Json.num(spec, "x", 1.02) * width + PAD;
        double yMid = top + (1 - Json.num(spec, "y", 0.5)) * height;
        double y0 = yMid - len / 2;
        double th = thickness();
        int n = (int) Math.ceil(len);
        for (int i = 0; i < n; i++) {
            double v = heatmap.zmax - (i + 0.5) / n * (heatmap.zmax - heatmap.zmin);
            g.setColor(heatmap.colour(v));
            g.fill(new Rectangle2D.Double(x0, y0 + i * len / n, th, len / n + 0.5));
        }
        g.setColor(CssColor.INK);
        g.setStroke(new BasicStroke(1));
        g.draw(new Rectangle2D.Double(x0, y0, th, len));
        Ticks t = ticks(height);
        for (int i = 0; i < t.values.size(); i++) {
            double y = y0 + (heatmap.zmax - t.values.get(i)) / (heatmap.zmax - heatmap.zmin) * len;
            g.draw(new Line2D.Double(x0 + th, y, x0 + th, y));
            Text.draw(g, t.texts.get(i), font, CssColor.INK, x0 + th + 4, y, Text.Align.LEFT, 0);
        }
    }
}
