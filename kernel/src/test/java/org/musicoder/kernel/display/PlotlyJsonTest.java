package org.musicoder.kernel.display;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Font;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** Tablesaw's JavaScript read into plotly's current JSON schema (the forms plotly.js 3 reads; 2.35 reads them too). */
class PlotlyJsonTest {
    @Test
    void stringTitlesBecomeTitleObjects() {
        Table t = Table.create("t", StringColumn.create("time", "a", "b"), DoubleColumn.create("loss", 1, 2));
        JsonObject fig = PlotlyJson.of(LinePlot.create("It's \"quoted\" & <ok>", t, "time", "loss"));
        JsonObject layout = fig.getAsJsonObject("layout");
        assertEquals("It's \"quoted\" & <ok>", layout.getAsJsonObject("title").get("text").getAsString());
        assertEquals("time", layout.getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
        assertEquals("loss", layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
    }

    @Test
    void titleFontsMoveIntoTheTitle() {
        Font big = Font.builder().size(21).color("red").build();
        Layout layout = Layout.builder("t").titleFont(big)
                .xAxis(Axis.builder().title("x").titleFont(big).build()).build();
        JsonObject fig = PlotlyJson.of(new Figure(layout, ScatterTrace.builder(new double[] {1}, new double[] {2}).build()));
        assertFalse(fig.toString().contains("titlefont"), fig.toString());
        JsonObject l = fig.getAsJsonObject("layout");
        assertEquals(21, l.getAsJsonObject("title").getAsJsonObject("font").get("size").getAsInt());
        assertEquals("x", l.getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
        assertEquals("red", l.getAsJsonObject("xaxis").getAsJsonObject("title").getAsJsonObject("font").get("color")
                .getAsString());
    }

    @Test
    void nanIsNullAndQuotedNumbersAreNumbers() {
        HeatmapTrace h = HeatmapTrace.builder(new Object[] {0, 1}, new Object[] {"a", "b"},
                new double[][] {{1.5, Double.NaN}, {Double.POSITIVE_INFINITY, -2e-9}}).build();
        ScatterTrace s = ScatterTrace.builder(new double[] {1, 2}, new double[] {3, 4}).opacity(0.5).build();
        Layout layout = Layout.builder("h").xAxis(Axis.builder().range(0, 1).build()).build();
        JsonObject fig = PlotlyJson.of(new Figure(layout, h, s));
        JsonArray z = fig.getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonArray("z");
        assertEquals(1.5, z.get(0).getAsJsonArray().get(0).getAsDouble());
        assertTrue(z.get(0).getAsJsonArray().get(1).isJsonNull());
        assertTrue(z.get(1).getAsJsonArray().get(0).isJsonNull());
        assertEquals(-2e-9, z.get(1).getAsJsonArray().get(1).getAsDouble());
        assertEquals(0.5, fig.getAsJsonArray("data").get(1).getAsJsonObject().get("opacity").getAsDouble());
        assertFalse(fig.getAsJsonObject("layout").getAsJsonObject("xaxis").get("autorange").getAsBoolean());
    }

    @Test
    void configAndPatchesAreMerged() {
        PlotlyFigure f = new PlotlyFigure(Layout.builder("p").build(),
                ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
        f.setConfig(Config.builder().displayModeBar(false).build());
        f.layout("{\"legend\": {\"orientation\": \"h\"}, \"title\": {\"x\": 0.1}}").trace(0, "{\"hoverinfo\": \"x\"}");
        JsonObject fig = PlotlyJson.of(f);
        assertFalse(fig.getAsJsonObject("config").get("displayModeBar").getAsBoolean());
        assertEquals("h", fig.getAsJsonObject("layout").getAsJsonObject("legend").get("orientation").getAsString());
        assertEquals("p", fig.getAsJsonObject("layout").getAsJsonObject("title").get("text").getAsString());
        assertEquals(0.1, fig.getAsJsonObject("layout").getAsJsonObject("title").get("x").getAsDouble());
        assertEquals("x", fig.getAsJsonArray("data").get(0).getAsJsonObject().get("hoverinfo").getAsString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.trace(3, "{}"));
        assertTrue(e.getMessage().contains("no trace 3"), e.getMessage());
    }

    @Test
    void unreadableJavaScriptIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsLiteral.parseAssignment("var x = {a: function () {}};"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
}
