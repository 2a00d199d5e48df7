package org.musicoder.kernel.display;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

class RenderersTest {
    static Figure line(String title) {
        Table t = Table.create("t", StringColumn.create("k", "a", "b"), DoubleColumn.create("v", 1, 2));
        return LinePlot.create(title, t, "k", "v");
    }

    @Test
    void theFirstFigureOfASessionCarriesPlotlyJsAndLaterOnesOnlyCallIt() {
        Renderers session = new Renderers();
        assertFalse(session.loaderSent());
        Map<String, Object> first = session.render(line("one")).orElseThrow();
        Map<String, Object> second = session.render(line("two")).orElseThrow();
        String h1 = (String) first.get(MimeTypes.HTML);
        String h2 = (String) second.get(MimeTypes.HTML);
        assertTrue(h1.contains(PlotlyLibrary.source()), "first figure defines plotly.js");
        assertTrue(Renderers.carriesLoader(first));
        assertFalse(Renderers.carriesLoader(second));
        assertFalse(h2.contains("module.exports"), "later figures do not carry the library");
        String image = (String) second.get(MimeTypes.PNG);
        assertTrue(h2.contains("src=\"data:image/png;base64," + image + "\""), "the HTML shows the bundle's image");
        assertTrue(h2.length() - image.length() < 10_000, "later figure HTML is small besides its image: " + h2.length());
        assertTrue(h2.contains("window." + PlotlyLibrary.GLOBAL));
        assertTrue(session.loaderSent());

        // update_display_data replaces the shown output: keep the library where it was
        assertTrue(Renderers.carriesLoader(session.update(line("one, later"), Renderers.carriesLoader(first), true)));
        assertFalse(Renderers.carriesLoader(session.update(line("two, later"), Renderers.carriesLoader(second), true)));

        // a restarted kernel (new session) sends it again
        assertTrue(Renderers.carriesLoader(new Renderers().render(line("again")).orElseThrow()));
    }

    @Test
    void theLibraryIsTheShippedPlotlyVersion() {
        assertTrue(PlotlyLibrary.source().startsWith("/**\n* plotly.js v" + PlotlyLibrary.VERSION + "\n"),
                PlotlyLibrary.source().substring(0, 40));
    }

    @Test
    void figureBundlesHoldPlotlyJsonHtmlPngAndText() {
        Map<String, Object> b = new Renderers().render(line("a title")).orElseThrow();
        assertEquals(Set.of(MimeTypes.PLOTLY, MimeTypes.HTML, MimeTypes.PNG, MimeTypes.TEXT), b.keySet());
        JsonObject fig = JsonParser.parseString(new Gson().toJson(b.get(MimeTypes.PLOTLY))).getAsJsonObject();
        JsonArray data = fig.getAsJsonArray("data");
        assertEquals(1, data.size());
        assertEquals("scatter", data.get(0).getAsJsonObject().get("type").getAsString());
        assertEquals("a title", fig.getAsJsonObject("layout").getAsJsonObject("title").get("text").getAsString());
        assertEquals("Figure \"a title\" (scatter)", b.get(MimeTypes.TEXT));
    }

    @Test
    void anIntermediateUpdateLeavesTheImageOutAndDescribesTheFigure() {
        Renderers session = new Renderers();
        session.render(line("first"));
        Map<String, Object> draft = session.update(line("a title"), false, false);
        assertEquals(Set.of(MimeTypes.PLOTLY, MimeTypes.HTML, MimeTypes.TEXT), draft.keySet());
        String html = (String) draft.get(MimeTypes.HTML);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("Figure &quot;a title&quot; (scatter)</div>"), html);
        assertTrue(session.update(line("a title"), false, true).containsKey(MimeTypes.PNG));
    }

    @Test
    void aFigureTitleCannotCloseTheScriptThatDrawsIt() {
        Renderers session = new Renderers();
        session.render(line("first"));
        String html = (String) session.render(line("</script><script>alert(1)</script><!--")).orElseThrow()
                .get(MimeTypes.HTML);
        assertEquals(1, count(html.toLowerCase(), "<script"), html);
        assertEquals(1, count(html.toLowerCase(), "</script"), html);
        assertEquals(0, count(html, "<!--"), html);
    }

    @Test
    void tablesAndLibraryObjectsHaveViewsOtherValuesNone() {
        Renderers session = new Renderers();
        Table t = Table.create("t", DoubleColumn.create("v", 1.5));
        assertEquals(Set.of(MimeTypes.HTML, MimeTypes.TEXT), session.render(t).orElseThrow().keySet());
        float[][] clip = new float[40][324];
        for (int i = 0; i < clip.length; i++) clip[i][i % 324] = 1;
        List<Object> values = List.of(new Masker(Objective.CFM, Ccm.PAPER).mask(clip, 40, new MaskRng(1)),
                new LossCurve("curve"));
        for (Object v : values) {
            assertTrue(session.render(v).orElseThrow().containsKey(MimeTypes.PLOTLY), v.getClass().getName());
        }
        assertTrue(session.render("text").isEmpty());
        assertTrue(session.render(null).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.update(42, false, true));
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void plotlyJsonSurvivesAnyJsonSerializer() {
        Map<String, Object> b = new Renderers().render(line("x")).orElseThrow();
        Object plotly = b.get(MimeTypes.PLOTLY);
        assertInstanceOf(Map.class, plotly);
        JsonElement back = JsonParser.parseString(new Gson().toJson(plotly));
        assertEquals(PlotlyJson.of(line("x")), back);
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
