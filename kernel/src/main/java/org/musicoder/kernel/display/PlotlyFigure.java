package org.musicoder.kernel.display;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw figure plus plotly attributes Tablesaw has no builder for (legend placement, colour scales, hover
 * templates, ...), given as JSON and merged into {@link PlotlyJson}'s output: objects merge key by key, other
 * values replace. Tablesaw's own {@link #asJavascript(String)} does not see them.
 */
public class PlotlyFigure extends Figure {
    private final JsonObject layoutPatch = new JsonObject();
    private final Map<Integer, JsonObject> tracePatches = new HashMap<>();

    /**
     * @param layout Tablesaw layout
     * @param traces Tablesaw traces
     */
    public PlotlyFigure(Layout layout, Trace... traces) {
        super(layout, traces);
    }

    /**
     * @param json a JSON object of layout attributes, e.g. {@code {"legend": {"orientation": "h"}}}
     * @return this figure
     */
    public PlotlyFigure layout(String json) {
        merge(layoutPatch, object(json));
        return this;
    }

    /**
     * @param index trace index, {@code 0 <= index < getTraces().length}
     * @param json  a JSON object of that trace's attributes, e.g. {@code {"colorscale": "Viridis"}}
     * @return this figure
     */
    public PlotlyFigure trace(int index, String json) {
        if (index < 0 || index >= getTraces().length) {
            throw new IllegalArgumentException("PlotlyFigure: no trace " + index + " (" + getTraces().length + " traces)");
        }
        merge(tracePatches.computeIfAbsent(index, i -> new JsonObject()), object(json));
        return this;
    }

    /** Merges the patches into plotly JSON made from this figure. */
    void applyTo(JsonObject figure) {
        merge(figure.getAsJsonObject("layout"), layoutPatch);
        for (Map.Entry<Integer, JsonObject> e : tracePatches.entrySet()) {
            merge(figure.getAsJsonArray("data").get(e.getKey()).getAsJsonObject(), e.getValue());
        }
    }

    private static JsonObject object(String json) {
        JsonElement e = JsonParser.parseString(json);
        if (!e.isJsonObject()) throw new IllegalArgumentException("PlotlyFigure: not a JSON object: " + json);
        return e.getAsJsonObject();
    }

    private static void merge(JsonObject into, JsonObject patch) {
        for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
            JsonElement old = into.get(e.getKey());
            if (old != null && old.isJsonObject() && e.getValue().isJsonObject()) {
                merge(old.getAsJsonObject(), e.getValue().getAsJsonObject());
            } else {
                into.add(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
