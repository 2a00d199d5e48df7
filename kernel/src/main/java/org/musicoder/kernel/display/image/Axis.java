package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cartesian axis of a figure ({@code xaxis}, {@code yaxis2}, ...): its type (linear or category), its range
 * (given, or from the data the traces put on it, padded as plotly pads), its pixel span, and its ticks.
 */
final class Axis {
    final String name;
    final boolean vertical;
    final JsonObject spec;
    final boolean category;
    final Map<String, Integer> categories = new LinkedHashMap<>();
    /** Data extents: tight (heatmap bricks, bars' zero) and padded (scatter points, bar ends). */
    private double tightLo = Double.POSITIVE_INFINITY;
    private double tightHi = Double.NEGATIVE_INFINITY;
    private double padLo = Double.POSITIVE_INFINITY;
    private double padHi = Double.NEGATIVE_INFINITY;
    /** Whether a trace on it is a heatmap (plotly then draws outside ticks by default and no grid shows). */
    boolean hasHeatmap;
    /** Whether bars stand on it (plotly then draws no grid along it). */
    boolean barPositions;
    double lo;
    double hi;
    /** Pixel of {@link #lo} and of {@link #hi}. */
    double px0;
    double px1;

    /**
     * @param name     layout key, e.g. {@code xaxis}, {@code yaxis2}
     * @param spec     the layout's object for it (may be empty)
     * @param category whether values are categories
     */
    Axis(String name, JsonObject spec, boolean category) {
        this.name = name;
        this.vertical = name.startsWith("y");
        this.spec = spec;
        this.category = category;
    }

    /**
     * @param name   layout key of the axis
     * @param layout the figure's layout
     * @param data   the values traces put on it (for plotly's type guess: categories if strings that are not
     *               numbers outnumber numbers two to one)
     * @return the axis
     */
    static Axis of(String name, JsonObject layout, List<JsonArray> data) {
        JsonObject spec = Json.obj(layout, name);
        String type = Json.str(spec, "type", "-");
        boolean category;
        if (type.equals("category") || type.equals("multicategory")) category = true;
        else if (!type.equals("-")) category = false;
        else {
            int cats = 0;
            int nums = 0;
            for (JsonArray a : data) {
                for (JsonElement e : a) {
                    if (Json.isCategory(e)) cats++;
                    else if (!Double.isNaN(Json.num(e))) nums++;
                }
            }
            category = cats > 2 * nums;
        }
        return new Axis(name, spec, category);
    }

    /** @return the data value of {@code e} on this axis (a category's index; NaN for a gap) */
    double value(JsonElement e) {
        if (!category) return Json.num(e);
        if (e == null || e.isJsonNull()) return Double.NaN;
        String key = e.isJsonPrimitive() ? e.getAsString() : e.toString();
        return categories.computeIfAbsent(key, k -> categories.size());
    }

    /** Extends the data extent without padding. */
    void tight(double v) {
        if (!Double.isFinite(v)) return;
        tightLo = Math.min(tightLo, v);
        tightHi = Math.max(tightHi, v);
    }

    /** Extends the data extent with plotly's 5 % padding at that end. */
    void padded(double v) {
        if (!Double.isFinite(v)) return;
        padLo = Math.min(padLo, v);
        padHi = Math.max(padHi, v);
    }

    /** Sets the range: the layout's {@code range} unless {@code autorange} is true, else from the extents. */
    void resolveRange() {
        JsonArray r = Json.arr(spec, "range");
        String auto = Json.str(spec, "autorange", r == null ? "true" : "false");
        if (r != null && r.size() == 2 && !auto.equals("true") && !auto.equals("reversed")) {
            lo = category ? numberOrCategory(r.get(0)) : Json.num(r.get(0));
            hi = category ? numberOrCategory(r.get(1)) : Json.num(r.get(1));
            if (Double.isFinite(lo) && Double.isFinite(hi) && lo != hi) return;
        }
        if (Json.str(spec, "rangemode", "normal").equals("tozero")) tight(0);
        double a = Math.min(tightLo, padLo);
        double b = Math.max(tightHi, padHi);
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            a = category ? -0.5 : -1;
            b = category ? Math.max(0.5, categories.size() - 0.5) : 4;
        }
        if (a == b) {
            a -= 1;
            b += 1;
        } else {
            boolean pa = padLo <= tightLo && padLo == a;
            boolean pb = padHi >= tightHi && padHi == b;
            double total = (b - a) / (1 - 0.05 * ((pa ? 1 : 0) + (pb ? 1 : 0)));
            if (pa) a -= 0.05 * total;
            if (pb) b += 0.05 * total;
        }
        lo = a;
        hi = b;
        if (auto.equals("reversed")) {
            lo = b;
            hi = a;
        }
    }

    private double numberOrCategory(JsonElement e) {
        double v = Json.num(e);
        return Double.isNaN(v) && e != null && e.isJsonPrimitive() ? value(e) : v;
    }

    /** @return the pixel of data value {@code v} (may lie outside the plot) */
    double px(double v) {
        return px0 + (v - lo) / (hi - lo) * (px1 - px0);
    }

    /** @return the data value at pixel {@code p} */
    double data(double p) {
        return lo + (p - px0) / (px1 - px0) * (hi - lo);
    }

    /** @return the axis length in pixels */
    double length() {
        return Math.abs(px1 - px0);
    }

    /** @return the axis title, or "" */
    String title() {
        return Json.str(Json.obj(spec, "title"), "text", "");
    }

    /** @return whether it is drawn on the right (y) or top (x) */
    boolean opposite() {
        String side = Json.str(spec, "side", vertical ? "left" : "bottom");
        return side.equals("right") || side.equals("top");
    }

    /** @return whether gridlines are drawn (plotly: yes, except along bar positions) */
    boolean showGrid() {
        return Json.bool(spec, "showgrid", !barPositions);
    }

    /** @return tick mark length in px: {@code ticklen} when {@code ticks} is outside/inside (default for heatmaps) */
    double tickLength() {
        String ticks = Json.str(spec, "ticks", hasHeatmap ? "outside" : "");
        return ticks.isEmpty() ? 0 : Json.num(spec, "ticklen", 5);
    }

    /** @return the ticks: the layout's {@code tickvals}/{@code ticktext}, the categories, or automatic ones */
    Ticks ticks() {
        Ticks t = new Ticks();
        if (!Json.bool(spec, "showticklabels", true) && tickLength() == 0) return t;
        JsonArray vals = Json.arr(spec, "tickvals");
        if (vals != null && !Json.str(spec, "tickmode", "array").equals("auto")) {
            JsonArray texts = Json.arr(spec, "ticktext");
            for (int i = 0; i < vals.size(); i++) {
                double v = category ? numberOrCategory(vals.get(i)) : Json.num(vals.get(i));
                if (!inside(v)) continue;
                t.values.add(v);
                boolean named = texts != null && i < texts.size();
                t.texts.add(named ? Label.flat(texts.get(i).getAsString()) : Ticks.plain(v));
            }
            return t;
        }
        if (category) {
            List<String> names = new ArrayList<>(categories.keySet());
            int step = (int) Math.ceil(Math.max(1, names.size() / Math.max(1, length() / 15)));
            for (int i = 0; i < names.size(); i += step) {
                if (!inside(i)) continue;
                t.values.add((double) i);
                t.texts.add(Label.flat(names.get(i)));
            }
            return t;
        }
        int nticks = (int) Json.num(spec, "nticks", 0);
        return Ticks.auto(lo, hi, length(), vertical, nticks, Json.str(spec, "exponentformat", "B"));
    }

    private boolean inside(double v) {
        double a = Math.min(lo, hi);
        double b = Math.max(lo, hi);
        double eps = (b - a) * 1e-9;
        return v >= a - eps && v <= b + eps;
    }
}
