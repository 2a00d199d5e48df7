package org.musicoder.kernel.display;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw {@link Figure} as plotly's JSON figure {@code {"data": [...], "layout": {...}, "config": {...}}}, the
 * content of the {@code application/vnd.plotly.v1+json} MIME type and the arguments of {@code Plotly.newPlot}.
 * Tablesaw writes JavaScript, not JSON, and some attributes in forms plotly.js 3 no longer reads; they are
 * rewritten to the current schema, which plotly.js 2.35 reads too:
 * <ul>
 *   <li>{@code title: 'text'} of the layout and of every axis -> {@code title: {text: 'text'}}, and
 *       {@code titlefont} -> {@code title.font};</li>
 *   <li>numbers written as strings in a trace ({@code opacity: '1.0'}) -> numbers, {@code visible: 'true'} ->
 *       {@code true};</li>
 *   <li>{@code NaN} -> {@code null} (a gap);</li>
 *   <li>attributes plotly.js ignores, which its {@code Plotly.validate} reports as unused, are dropped:
 *       {@code line.smoothing} of a line that is not a spline, {@code showtickprefix} / {@code showticksuffix}
 *       of an axis without a prefix / suffix; an axis's {@code autorange: 'false'} becomes {@code false}.</li>
 * </ul>
 * Then the extra attributes of a {@link PlotlyFigure} are merged in. Event handlers (JavaScript functions) have no
 * JSON form and are left out.
 */
public final class PlotlyJson {
    /** Trace attributes Tablesaw writes as quoted numbers. */
    private static final List<String> QUOTED_NUMBERS = List.of("opacity");

    private PlotlyJson() {}

    /**
     * @param figure a Tablesaw figure
     * @return {@code {"data": [trace, ...], "layout": {...}}}, plus {@code "config"} if the figure has one
     * @throws IllegalArgumentException if Tablesaw's JavaScript cannot be read (names where)
     */
    public static JsonObject of(Figure figure) {
        JsonArray data = new JsonArray();
        Trace[] traces = figure.getTraces();
        for (int i = 0; i < traces.length; i++) {
            JsonObject trace = JsLiteral.parseAssignment(traces[i].asJavascript(i)).getAsJsonObject();
            data.add(cleanTrace(trace));
        }
        JsonObject layout = figure.getLayout() == null ? new JsonObject()
                : JsLiteral.parseAssignment(figure.getLayout().asJavascript()).getAsJsonObject();
        JsonObject out = new JsonObject();
        out.add("data", data);
        out.add("layout", cleanLayout(layout));
        Config config = figure.getConfig();
        if (config != null) out.add("config", JsLiteral.parse(config.asJSON()));
        if (figure instanceof PlotlyFigure p) p.applyTo(out);
        return out;
    }

    private static JsonObject cleanTrace(JsonObject trace) {
        for (String key : QUOTED_NUMBERS) {
            JsonElement v = trace.get(key);
            if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                try {
                    trace.add(key, new JsonPrimitive(Double.parseDouble(v.getAsString())));
                } catch (NumberFormatException e) {
                    trace.remove(key);
                }
            }
        }
        JsonElement line = trace.get("line");
        if (line != null && line.isJsonObject()) {
            JsonObject l = line.getAsJsonObject();
            JsonElement shape = l.get("shape");
            if (shape == null || !shape.isJsonPrimitive() || !shape.getAsString().equals("spline")) l.remove("smoothing");
        }
        JsonElement visible = trace.get("visible");
        if (visible != null && visible.isJsonPrimitive() && visible.getAsJsonPrimitive().isString()) {
            String s = visible.getAsString();
            if (s.equals("true") || s.equals("false")) trace.add("visible", new JsonPrimitive(Boolean.parseBoolean(s)));
        }
        return trace;
    }

    private static JsonObject cleanLayout(JsonObject layout) {
        cleanTitle(layout);
        for (Map.Entry<String, JsonElement> e : layout.entrySet()) {
            if (isAxis(e.getKey()) && e.getValue().isJsonObject()) cleanAxis(e.getValue().getAsJsonObject());
            if (e.getKey().equals("scene") && e.getValue().isJsonObject()) {
                for (Map.Entry<String, JsonElement> s : e.getValue().getAsJsonObject().entrySet()) {
                    if (isAxis(s.getKey()) && s.getValue().isJsonObject()) cleanAxis(s.getValue().getAsJsonObject());
                }
            }
        }
        return layout;
    }

    private static boolean isAxis(String key) {
        return key.matches("[xyz]axis\\d*");
    }

    private static void cleanAxis(JsonObject axis) {
        cleanTitle(axis);
        if (!axis.has("tickprefix")) axis.remove("showtickprefix");
        if (!axis.has("ticksuffix")) axis.remove("showticksuffix");
        JsonElement auto = axis.get("autorange");
        if (auto != null && auto.isJsonPrimitive() && auto.getAsJsonPrimitive().isString()) {
            String s = auto.getAsString();
            if (s.equals("true") || s.equals("false")) axis.add("autorange", new JsonPrimitive(Boolean.parseBoolean(s)));
        }
    }

    /** {@code title: 'text', titlefont: {...}} -> {@code title: {text: 'text', font: {...}}}. */
    private static void cleanTitle(JsonObject o) {
        JsonElement title = o.get("title");
        JsonElement font = o.remove("titlefont");
        JsonObject t;
        if (title != null && title.isJsonObject()) {
            t = title.getAsJsonObject();
        } else {
            t = new JsonObject();
            if (title != null && !title.isJsonNull()) t.add("text", title);
        }
        if (font != null && !t.has("font")) t.add("font", font);
        if (t.size() > 0) o.add("title", t);
        else o.remove("title");
    }
}
