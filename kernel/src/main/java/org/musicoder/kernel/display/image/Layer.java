package org.musicoder.kernel.display.image;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;

/** One trace as drawn on its axes: what it adds to their ranges, how it paints, its legend symbol. */
abstract class Layer {
    final JsonObject trace;
    final int index;
    final Axis x;
    final Axis y;

    /**
     * @param trace the trace's JSON
     * @param index its index in {@code data} (default colour)
     * @param x     its x axis
     * @param y     its y axis
     */
    Layer(JsonObject trace, int index, Axis x, Axis y) {
        this.trace = trace;
        this.index = index;
        this.x = x;
        this.y = y;
    }

    /** Reads the data and extends the axes' extents (before the ranges are set). */
    abstract void extend();

    /** Paints the trace, clipped to the plot area by the caller. */
    abstract void paint(Graphics2D g);

    /** @return whether the legend lists it (plotly: named traces with {@code showlegend} not false) */
    boolean inLegend() {
        return Json.bool(trace, "showlegend", true);
    }

    /** Paints the legend symbol in the 40 x {@code h} px box whose left middle is (x, y). */
    void symbol(Graphics2D g, double x, double y) {}

    /** @return the trace's name, or "trace N" as plotly names it */
    String name() {
        String n = Json.str(trace, "name", "");
        return n.isEmpty() ? "trace " + index : n;
    }

    /** @return the trace's colour: {@code marker.color} or {@code line.color} if a colour string, else the default */
    Color colour() {
        String c = Json.str(Json.obj(trace, "marker"), "color", null);
        if (c == null || !Json.obj(trace, "marker").get("color").isJsonPrimitive()) {
            c = Json.str(Json.obj(trace, "line"), "color", null);
        }
        return CssColor.parse(c, CssColor.trace(index));
    }

    /** @return the trace's {@code opacity} (1 by default) */
    double opacity() {
        return Math.max(0, Math.min(1, Json.num(trace, "opacity", 1)));
    }
}
