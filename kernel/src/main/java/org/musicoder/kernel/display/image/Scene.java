package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure laid out for drawing: its size, margins (widened on the right for colour bars and a vertical legend, as
 * plotly's automatic margins do), axes with ranges and pixel spans, and one {@link Layer} per visible trace.
 */
final class Scene {
    static final int DEFAULT_WIDTH = 700;
    static final int DEFAULT_HEIGHT = 450;
    static final int MAX_SIDE = 2400;

    final JsonObject layout;
    final int width;
    final int height;
    final double fontSize;
    final Map<String, Axis> axes = new LinkedHashMap<>();
    final List<Layer> layers = new ArrayList<>();
    final List<ColorBar> colorBars = new ArrayList<>();
    final Legend legend;
    double left;
    double top;
    double plotWidth;
    double plotHeight;

    /**
     * @param figure plotly JSON ({@code data}, {@code layout})
     * @param g      graphics of the target image (text widths), of the size {@link #size} gave
     */
    Scene(JsonObject figure, Graphics2D g) {
        layout = Json.obj(figure, "layout");
        int[] size = size(figure);
        width = size[0];
        height = size[1];
        fontSize = Json.num(Json.obj(layout, "font"), "size", 12);
        JsonArray data = Json.arr(figure, "data");
        List<JsonObject> traces = new ArrayList<>();
        if (data != null) {
            for (JsonElement e : data) {
                if (!e.isJsonObject()) continue;
                String visible = Json.str(e.getAsJsonObject(), "visible", "true");
                if (visible.equals("true")) traces.add(e.getAsJsonObject());
            }
        }
        makeAxes(traces);
        makeLayers(traces);
        for (Layer l : layers) l.extend();
        for (Axis a : axes.values()) a.resolveRange();
        List<Layer> listed = new ArrayList<>();
        for (Layer l : layers) if (l.inLegend()) listed.add(l);
        boolean show = Json.bool(layout, "showlegend", listed.size() > 1);
        Font font = Text.font(fontSize, false);
        legend = show && !listed.isEmpty() ? new Legend(listed, Json.obj(layout, "legend"), font) : null;
        for (Layer l : layers) if (l instanceof HeatmapLayer h && h.showScale()) colorBars.add(new ColorBar(h, font));
        place(g);
    }

    /** @return {@code [width, height]} in px: the layout's, else plotly's 700 x 450, within 50..{@link #MAX_SIDE} */
    static int[] size(JsonObject figure) {
        JsonObject layout = Json.obj(figure, "layout");
        int w = (int) Math.round(Json.num(layout, "width", DEFAULT_WIDTH));
        int h = (int) Math.round(Json.num(layout, "height", DEFAULT_HEIGHT));
        return new int[] {Math.max(50, Math.min(MAX_SIDE, w)), Math.max(50, Math.min(MAX_SIDE, h))};
    }

    private static String axisName(JsonObject trace, String letter) {
        String id = Json.str(trace, letter + "axis", letter);
        return letter + "axis" + (id.length() > 1 ? id.substring(1) : "");
    }

    private void makeAxes(List<JsonObject> traces) {
        Map<String, List<JsonArray>> values = new LinkedHashMap<>();
        values.put("xaxis", new ArrayList<>());
        values.put("yaxis", new ArrayList<>());
        for (String key : layout.keySet()) if (key.matches("[xy]axis\\d*")) values.putIfAbsent(key, new ArrayList<>());
        for (JsonObject t : traces) {
            for (String letter : List.of("x", "y")) {
                List<JsonArray> list = values.computeIfAbsent(axisName(t, letter), k -> new ArrayList<>());
                JsonArray a = Json.arr(t, letter);
                if (a != null) list.add(a);
            }
        }
        values.forEach((name, v) -> axes.put(name, Axis.of(name, layout, v)));
    }

    private void makeLayers(List<JsonObject> traces) {
        int bars = 0;
        int placeholders = 0;
        for (int i = 0; i < traces.size(); i++) {
            JsonObject t = traces.get(i);
            String type = Json.str(t, "type", "scatter");
            Axis x = axes.get(axisName(t, "x"));
            Axis y = axes.get(axisName(t, "y"));
            Layer l = switch (type) {
                case "heatmap", "heatmapgl" -> new HeatmapLayer(t, i, x, y);
                case "scatter", "scattergl" -> new ScatterLayer(t, i, x, y);
                case "bar" -> new BarLayer(t, i, x, y);
                default -> new Placeholder(t, i, axes.get("xaxis"), axes.get("yaxis"), type);
            };
            if (l instanceof BarLayer b) b.slot = bars++;
            if (l instanceof Placeholder p) p.line = placeholders++;
            layers.add(l);
        }
        double bargap = Json.num(layout, "bargap", 0.2);
        boolean overlay = !Json.str(layout, "barmode", "group").equals("group");
        for (Layer l : layers) {
            if (l instanceof BarLayer b) {
                b.slots = overlay ? 1 : bars;
                if (overlay) b.slot = 0;
                b.bargap = bargap;
            }
        }
    }

    /** @return whether axes are drawn: no traces, or a trace drawn on them (not only placeholders) */
    boolean drawsAxes() {
        return layers.isEmpty() || layers.stream().anyMatch(l -> !(l instanceof Placeholder));
    }

    /** Margins and pixel spans: plot area = figure minus margins, widened right for colour bars and legend. */
    private void place(Graphics2D g) {
        JsonObject m = Json.obj(layout, "margin");
        double l = Json.num(m, "l", 80);
        double r = Json.num(m, "r", 80);
        double t = Json.num(m, "t", 100);
        double b = Json.num(m, "b", 80);
        boolean autoexpand = Json.bool(m, "autoexpand", true);
        for (int pass = 0; pass < 2 && autoexpand; pass++) {
            double w = width - l - r;
            double need = 0;
            for (ColorBar c : colorBars) need += c.width(g, w, height - t - b);
            if (legend != null && !legend.horizontal()) need += legend.width(g, w);
            r = Math.max(Json.num(m, "r", 80), need);
        }
        left = l;
        top = t;
        plotWidth = Math.max(10, width - l - r);
        plotHeight = Math.max(10, height - t - b);
        Map<String, Axis> byId = new LinkedHashMap<>();
        for (Axis a : axes.values()) byId.put(a.name.charAt(0) + a.name.substring(5), a);
        for (Axis a : axes.values()) {
            JsonArray domain = Json.arr(a.spec, "domain");
            String over = Json.str(a.spec, "overlaying", "free");
            Axis base = byId.get(over);
            if (base != null && base != a) domain = Json.arr(base.spec, "domain");
            double d0 = domain != null && domain.size() == 2 ? Json.num(domain.get(0)) : 0;
            double d1 = domain != null && domain.size() == 2 ? Json.num(domain.get(1)) : 1;
            if (a.vertical) {
                a.px0 = top + plotHeight * (1 - d0);
                a.px1 = top + plotHeight * (1 - d1);
            } else {
                a.px0 = left + plotWidth * d0;
                a.px1 = left + plotWidth * d1;
            }
            if (a.hi < a.lo) {                          // a reversed range maps its first end to the axis start
                double p = a.px0;
                a.px0 = a.px1;
                a.px1 = p;
                double v = a.lo;
                a.lo = a.hi;
                a.hi = v;
            }
        }
    }

    /** @return the title font: {@code title.font.size}, else 1.4 x the layout's font size */
    Font titleFont() {
        return Text.font(Json.num(Json.obj(Json.obj(layout, "title"), "font"), "size", fontSize * 1.4), false);
    }
}
