package org.musicoder.kernel.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.musicoder.kernel.display.PlotlyJson;
import tech.tablesaw.plotly.components.Figure;

/** Reads figures as plotly JSON in tests. */
final class Figures {
    private Figures() {}

    static JsonObject json(Figure f) {
        return PlotlyJson.of(f);
    }

    static JsonObject trace(Figure f, int i) {
        return json(f).getAsJsonArray("data").get(i).getAsJsonObject();
    }

    static String title(Figure f) {
        return json(f).getAsJsonObject("layout").getAsJsonObject("title").get("text").getAsString();
    }

    static double[] numbers(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble();
        return out;
    }
}
