package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * A bar trace, vertical ({@code orientation: "v"}, the default) or horizontal: bars from 0 to each value (a trace's
 * bars at the same position stack, as plotly stacks them), side by side with the figure's other bar traces
 * ({@code barmode} group) in 80 % of the slot between positions ({@code bargap} 0.2), one colour or one per bar
 * ({@code marker.color}).
 */
final class BarLayer extends Layer {
    final boolean horizontal;
    final Axis pos;
    final Axis val;
    double[] at = new double[0];
    double[] value = new double[0];
    /** Where each bar starts: 0, or the end of the trace's earlier bars at its position with the same sign. */
    double[] base = new double[0];
    /** This trace's place among the figure's bar traces, and their number. */
    int slot;
    int slots = 1;
    /** The layout's {@code bargap}: the fraction of a slot left empty. */
    double bargap = 0.2;
    private double width = 1;

    BarLayer(JsonObject trace, int index, Axis x, Axis y) {
        super(trace, index, x, y);
        horizontal = Json.str(trace, "orientation", "v").equals("h");
        pos = horizontal ? y : x;
        val = horizontal ? x : y;
        pos.barPositions = true;
    }

    @Override
    void extend() {
        JsonArray p = Json.arr(trace, horizontal ? "y" : "x");
        JsonArray v = Json.arr(trace, horizontal ? "x" : "y");
        int n = v == null ? 0 : v.size();
        at = new double[n];
        value = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = p != null && i < p.size() ? pos.value(p.get(i)) : i;
            value[i] = Json.num(v.get(i));
        }
        double[] sorted = Arrays.stream(at).filter(Double::isFinite).sorted().distinct().toArray();
        double gap = 1;
        for (int i = 1; i < sorted.length; i++) {
            gap = i == 1 ? sorted[1] - sorted[0] : Math.min(gap, sorted[i] - sorted[i - 1]);
        }
        width = gap;
        val.tight(0);
        base = new double[n];
        java.util.Map<Double, double[]> stacked = new java.util.HashMap<>();   // position -> {positive, negative}
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(at[i]) || !Double.isFinite(value[i])) continue;
            double[] ends = stacked.computeIfAbsent(at[i], k -> new double[2]);
            int side = value[i] >= 0 ? 0 : 1;
            base[i] = ends[side];
            ends[side] += value[i];
            val.padded(ends[side]);
            pos.tight(at[i] - gap / 2);
            pos.tight(at[i] + gap / 2);
        }
    }

    @Override
    void paint(Graphics2D g) {
        double each = width * (1 - bargap) / slots;
        double explicit = Json.num(trace, "width", Double.NaN);
        if (Double.isFinite(explicit)) each = explicit;
        for (int i = 0; i < at.length; i++) {
            if (!Double.isFinite(at[i]) || !Double.isFinite(value[i])) continue;
            double c = at[i] - each * slots / 2 + each * (slot + 0.5);
            double p0 = pos.px(c - each / 2);
            double p1 = pos.px(c + each / 2);
            double v0 = val.px(base[i]);
            double v1 = val.px(base[i] + value[i]);
            Rectangle2D r = horizontal
                    ? new Rectangle2D.Double(Math.min(v0, v1), Math.min(p0, p1), Math.abs(v1 - v0), Math.abs(p1 - p0))
                    : new Rectangle2D.Double(Math.min(p0, p1), Math.min(v0, v1), Math.abs(p1 - p0), Math.abs(v1 - v0));
            g.setColor(CssColor.fade(barColour(i), opacity()));
            g.fill(r);
        }
    }

    private Color barColour(int i) {
        JsonElement c = Json.obj(trace, "marker").get("color");
        if (c != null && c.isJsonArray() && i < c.getAsJsonArray().size()) {
            JsonElement e = c.getAsJsonArray().get(i);
            return CssColor.parse(e.isJsonPrimitive() ? e.getAsString() : null, CssColor.trace(index));
        }
        return colour();
    }

    @Override
    void symbol(Graphics2D g, double x0, double y0) {
        g.setColor(colour());
        g.fill(new Rectangle2D.Double(x0 + 14, y0 - 6, 12, 12));
    }
}
