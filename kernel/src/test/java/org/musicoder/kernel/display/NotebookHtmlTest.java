package org.musicoder.kernel.display;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.features.Cmvn;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;
import org.musicoder.kernel.display.image.FigureImage;
import org.musicoder.kernel.view.FeatureView;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.kernel.view.MaskView;
import org.musicoder.kernel.view.TagView;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.api.Histogram;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.PiePlot;
import tech.tablesaw.plotly.api.ScatterPlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;

/**
 * The figures as a user sees them in nbconvert's HTML export: a notebook whose outputs are our bundles, exported by
 * Jupyter's nbconvert with require.js on the page (as in the classic Notebook), opened in headless chromium
 * without network. plotly.js itself says whether each figure's JSON is valid ({@code Plotly.validate}) and draws
 * them (its {@code svg.main-svg} elements in each figure's div).
 */
class NotebookHtmlTest {
    /** A title that would end the figure's script or inject markup if anything were left unescaped. */
    static final String HOSTILE = "</script><script>window.injected = 1</script> & 'single' \"double\" <b>x</b>";

    /** The figures of one kernel session and the notebook cells (lists of bundles) that show them. */
    private record Session(List<Figure> figures, List<List<Map<String, Object>>> cells, int stock) {}

    /** Our views (heatmap, masking view, loss curve, tag bars) and Tablesaw's stock plots, as one session shows them. */
    private static Session session() throws Exception {
        Renderers session = new Renderers();
        List<Figure> figures = new ArrayList<>();
        List<List<Map<String, Object>>> cells = new ArrayList<>();

        float[][] clip = Npy.read(Path.of("src/test/resources/librosa/demo_metal-armygeddon-a/features_raw.npy"))
                .toFloat2d();
        float[][] input = Cmvn.apply(clip, FeatureConfig.PAPER.stdFloor());     // what the model sees
        Figure heatmap = FeatureView.heatmap(input, FeatureConfig.PAPER, "metal-armygeddon-a");
        Masked masked = new Masker(Objective.CFM_CCM, new Ccm(0.2, Ccm.Band.SPECTRA)).mask(input, input.length, new MaskRng(7));
        Figure mask = MaskView.figure(masked, FeatureConfig.PAPER, "cfm+ccm");
        LossCurve curve = new LossCurve("pretraining");
        for (int s = 1; s <= 200; s++) curve.add(s, 1.0 / Math.sqrt(s), 1e-4 * Math.min(1.0, s / 50.0));
        Figure tags = TagView.bars(List.of("metal", "ambient", "a<b>&c", "blues"), new double[] {0.7, 0.1, 0.15, 0.05},
                3, "tags");
        Table t = Table.create("t", StringColumn.create("k", "a", "b", "c", "a"), DoubleColumn.create("v", 1, 3, 2, 5));
        List<Figure> stock = List.of(LinePlot.create(HOSTILE, t, "k", "v"), VerticalBarPlot.create("bars", t, "k", "v"),
                ScatterPlot.create("scatter", t, "k", "v"), Histogram.create("histogram", t, "v"),
                BoxPlot.create("box", t, "k", "v"), PiePlot.create("pie", t, "k", "v"));

        cells.add(List.of(session.figure(heatmap), TableBundle.of(FeatureView.summary(clip, FeatureConfig.PAPER))));
        cells.add(List.of(session.figure(mask), TableBundle.of(MaskView.statistics(masked))));
        cells.add(List.of(session.figure(curve.figure()), session.figure(tags)));
        List<Map<String, Object>> stockOut = new ArrayList<>();
        for (Figure f : stock) stockOut.add(session.figure(f));
        cells.add(stockOut);
        figures.add(heatmap);
        figures.add(mask);
        figures.add(curve.figure());
        figures.add(tags);
        figures.addAll(stock);
        return new Session(figures, cells, stock.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab", "classic"})
    void nbconvertPageDrawsEveryFigureOfTheSessionWithOnePlotlyCopyAndRequireJsPresent(String template,
            @TempDir Path dir) throws Exception {
        Session s = session();
        List<Figure> figures = s.figures();
        List<List<Map<String, Object>>> cells = new ArrayList<>(s.cells());
        int stock = s.stock();

        List<Object> json = new ArrayList<>();
        for (List<Map<String, Object>> cell : cells) {
            for (Map<String, Object> b : cell) if (b.containsKey(MimeTypes.PLOTLY)) json.add(b.get(MimeTypes.PLOTLY));
        }
        assertEquals(figures.size(), json.size());
        cells.add(List.of(Map.of(MimeTypes.HTML, probe(json), MimeTypes.TEXT, "probe")));
        Path page = Nbconvert.toHtml(Nbconvert.notebook(cells), dir, template);
        String html = Files.readString(page);
        assertEquals(1, count(html, "window." + PlotlyLibrary.GLOBAL + " = module.exports"), "plotly.js is inlined once");

        // For people to look at (not asserted): target/notebook-html-<template>.png
        Chromium.screenshot(page, Files.createDirectories(dir.resolve("profile-shot")),
                Path.of("target/notebook-html-" + template + ".png"), 1100, 5200);
        String dom = Chromium.dumpDom(page, Files.createDirectories(dir.resolve("profile")), 20000);
        Matcher m = Pattern.compile("<pre id=\"musicoder-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the probe ran");
        String text = Html.unescape(m.group(1));
        assertFalse(text.isEmpty(), "the probe wrote its result");
        JsonObject r = JsonParser.parseString(text).getAsJsonObject();

        assertEquals("function", r.get("define").getAsString(), "require.js's define on the page: " + text);
        assertTrue(r.get("amd").getAsBoolean(), "define.amd present: " + text);
        assertEquals("undefined", r.get("Plotly").getAsString(), "no global Plotly taken: " + text);
        assertEquals(PlotlyLibrary.VERSION, r.get("version").getAsString());
        assertTrue(r.get("injected").isJsonNull(), "a title injected a script: " + text);
        JsonArray svgs = r.getAsJsonArray("mainSvgs");
        assertEquals(figures.size(), svgs.size(), "figure divs on the page: " + text);
        for (int i = 0; i < svgs.size(); i++) {
            assertTrue(svgs.get(i).getAsInt() >= 1, "figure " + i + " drawn (svg.main-svg): " + text);
        }
        assertEquals(0, r.get("images").getAsInt(), "plotly.js replaced every static image: " + text);
        // Our views: nothing to report. Tablesaw's stock plots: at most attributes plotly ignores ("unused",
        // e.g. Histogram's nbinsy without y); no invalid value, no unknown attribute.
        JsonArray invalid = r.getAsJsonArray("validate");
        assertEquals(figures.size(), invalid.size());
        for (int i = 0; i < invalid.size(); i++) {
            for (JsonElement e : invalid.get(i).getAsJsonArray()) {
                boolean unused = e.getAsJsonObject().get("code").getAsString().equals("unused");
                assertTrue(i >= figures.size() - stock && unused, "Plotly.validate of figure " + i + ": " + e);
            }
        }
        List<String> titles = new ArrayList<>();
        for (JsonElement e : r.getAsJsonArray("titles")) titles.add(e.getAsString());
        assertTrue(titles.contains(HOSTILE.replace("<b>x</b>", "x")), "hostile title shown verbatim (plotly bolds <b>): " + titles);
        assertTrue(titles.stream().anyMatch(x -> x.startsWith("metal-armygeddon-a, 431 frames")), titles.toString());
        List<String> ticks = new ArrayList<>();
        for (JsonElement e : r.getAsJsonArray("ticks")) ticks.add(e.getAsString());
        assertTrue(ticks.containsAll(List.of("chroma (12)", "mfcc (20)", "mfcc_delta (20)", "log_mel (128)",
                "log_cqt (144)", "a<b>&c")), ticks.toString());

        // The static images lay out the axes as plotly.js did: same ranges, same tick labels. Figures whose traces
        // the image draws (not the histogram, box and pie, which get a placeholder line).
        JsonArray axes = r.getAsJsonArray("axes");
        for (int i = 0; i < figures.size() - 3; i++) {
            JsonObject plotly = new JsonObject();
            for (JsonElement a : axes.get(i).getAsJsonArray()) plotly.add(a.getAsJsonObject().get("name").getAsString(), a);
            for (FigureImage.AxisView ours : FigureImage.axes(PlotlyJson.of(figures.get(i)))) {
                JsonObject theirs = plotly.getAsJsonObject(ours.name());
                assertNotNull(theirs, "figure " + i + ": plotly has no " + ours.name() + ": " + plotly);
                JsonArray range = theirs.getAsJsonArray("range");
                double lo = Math.min(range.get(0).getAsDouble(), range.get(1).getAsDouble());
                double hi = Math.max(range.get(0).getAsDouble(), range.get(1).getAsDouble());
                double tol = 0.01 * (hi - lo);
                String where = "figure " + i + " " + ours.name() + ": ours " + ours + ", plotly's " + theirs;
                assertEquals(lo, ours.lo(), tol, where);
                assertEquals(hi, ours.hi(), tol, where);
                List<String> texts = new ArrayList<>();
                for (JsonElement e : theirs.getAsJsonArray("ticks")) texts.add(e.getAsString());
                assertEquals(texts, ours.ticks(), where);
            }
        }
    }

    /**
     * The same export opened with JavaScript off (DevTools' {@code Emulation.setScriptExecutionDisabled}): no plotly
     * figure is drawn, and every figure's div shows its static image, decoded at the figure's size.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lab", "classic"})
    void withJavaScriptOffTheNbconvertPageShowsEveryFigureAsItsStaticImage(String template, @TempDir Path dir)
            throws Exception {
        Session s = session();
        Path page = Nbconvert.toHtml(Nbconvert.notebook(s.cells()), dir, template);
        JsonObject r;
        try (DevTools chromium = new DevTools(Files.createDirectories(dir.resolve("profile")), 1100, 900)) {
            chromium.openWithoutJavaScript(page);
            r = chromium.figureImages();
            // For people to look at (not asserted): target/notebook-html-nojs-<template>.png
            chromium.screenshot(Path.of("target/notebook-html-nojs-" + template + ".png"));
        }
        assertEquals(0, r.get("svgs").getAsInt(), "scripts ran: " + r);
        assertFalse(r.get("ran").getAsBoolean(), "plotly.js was defined: " + r);
        JsonArray images = r.getAsJsonArray("images");
        assertEquals(s.figures().size(), images.size(), "figure divs: " + r);
        for (int i = 0; i < images.size(); i++) {
            assertTrue(images.get(i).isJsonObject(), "figure " + i + " has no image: " + r);
            JsonObject img = images.get(i).getAsJsonObject();
            int[] size = FigureImage.size(PlotlyJson.of(s.figures().get(i)));
            assertEquals("data:image/png;base64,", img.get("scheme").getAsString());
            assertTrue(img.get("complete").getAsBoolean(), "figure " + i + ": " + img);
            assertEquals(size[0], img.get("w").getAsInt(), "figure " + i + " decoded width: " + img);
            assertEquals(size[1], img.get("h").getAsInt(), "figure " + i + " decoded height: " + img);
            assertTrue(img.get("shown").getAsDouble() > 100, "figure " + i + " laid out: " + img);
        }
    }

    /** A script that waits for the figures and writes what it finds, as JSON, into a {@code <pre>}. */
    private static String probe(List<Object> figures) {
        Gson gson = new GsonBuilder().serializeNulls().create();
        return "<pre id=\"musicoder-probe\"></pre>\n<script type=\"text/javascript\">\n"
                + "window.addEventListener('load', function () { setTimeout(function () {\n"
                + "  var P = window." + PlotlyLibrary.GLOBAL + ", figs = " + gson.toJson(figures) + ";\n"
                + "  var divs = document.querySelectorAll('div.musicoder-plotly'), svgs = [];\n"
                + "  for (var i = 0; i < divs.length; i++) svgs.push(divs[i].querySelectorAll('svg.main-svg').length);\n"
                + "  var q = function (sel) { return Array.prototype.map.call(document.querySelectorAll(sel),"
                + " function (e) { return e.textContent; }); };\n"
                + "  document.getElementById('musicoder-probe').textContent = JSON.stringify({\n"
                + "    define: typeof window.define, amd: !!(window.define && window.define.amd),\n"
                + "    Plotly: typeof window.Plotly, version: P ? P.version : null, injected: window.injected || null,\n"
                + "    mainSvgs: svgs, titles: q('.gtitle'), ticks: q('.ytick text'),\n"
                + "    images: document.querySelectorAll('div.musicoder-plotly img').length,\n"
                + "    axes: Array.prototype.map.call(divs, function (gd) { var fl = gd._fullLayout || {};\n"
                + "      return Object.keys(fl).filter(function (k) { return /^[xy]axis\\d*$/.test(k); })"
                + ".map(function (k) { return {name: k, range: fl[k].range, ticks: Array.prototype.map.call("
                + "gd.querySelectorAll('g.' + fl[k]._id + 'tick text'), function (e) { return e.textContent; })}; });"
                + " }),\n"
                + "    validate: figs.map(function (f) { return P ? (P.validate(f.data, f.layout) || []) : ['no plotly']; })\n"
                + "  });\n"
                + "}, 1000); });\n</script>\n";
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
