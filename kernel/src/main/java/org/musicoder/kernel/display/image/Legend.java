package org.musicoder.kernel.display.image;

import com.google.gson.JsonObject;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/**
 * The legend: one row per listed trace (symbol 40 px, then the name), vertical at the plot's top right by default
 * ({@code x} 1.02, {@code y} 1), or horizontal ({@code orientation: "h"}) wrapping at the figure's width, placed by
 * the layout's {@code x}, {@code y} and {@code yanchor} in plot fractions.
 */
final class Legend {
    static final double ROW = 19;
    final List<Layer> items;
    final JsonObject spec;
    final Font font;

    Legend(List<Layer> items, JsonObject spec, Font font) {
        this.items = items;
        this.spec = spec;
        this.font = font;
    }

    boolean horizontal() {
        return Json.str(spec, "orientation", "v").equals("h");
    }

    /** @return px the vertical legend needs right of the plot, given the plot's width */
    double width(Graphics2D g, double plotWidth) {
        double w = 0;
        for (Layer l : items) w = Math.max(w, 40 + Text.width(g, font, Label.flat(l.name())));
        return (Json.num(spec, "x", 1.02) - 1) * plotWidth + w + 10;
    }

    /**
     * @param g       graphics
     * @param left    plot left (px)
     * @param top     plot top
     * @param width   plot width
     * @param height  plot height
     * @param figureW figure width (px), where a horizontal legend wraps
     */
    void paint(Graphics2D g, double left, double top, double width, double height, double figureW) {
        boolean h = horizontal();
        double x0 = left + Json.num(spec, "x", h ? 0 : 1.02) * width;
        double yRef = top + (1 - Json.num(spec, "y", h ? -0.1 : 1)) * height;
        String anchor = Json.str(spec, "yanchor", "auto");
        int rows = 1;
        if (h) {
            double x = x0;
            for (Layer l : items) {
                double w = 40 + Text.width(g, font, Label.flat(l.name())) + 10;
                if (x > x0 && x + w > figureW) {
                    rows++;
                    x = x0;
                }
                x += w;
            }
        } else {
            rows = items.size();
        }
        double total = rows * ROW;
        double y0 = anchor.equals("bottom") ? yRef - total : anchor.equals("middle") ? yRef - total / 2 : yRef;
        double x = x0;
        double y = y0 + ROW / 2 + 2;
        for (Layer l : items) {
            String name = Label.flat(l.name());
            double w = 40 + Text.width(g, font, name) + 10;
            if (h && x > x0 && x + w > figureW) {
                x = x0;
                y += ROW;
            }
            l.symbol(g, x, y);
            Text.draw(g, name, font, CssColor.INK, x + 40, y, Text.Align.LEFT, 0);
            if (h) x += w;
            else y += ROW;
        }
    }
}
