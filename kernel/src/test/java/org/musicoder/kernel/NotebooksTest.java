package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.cli.Main;
import org.musicoder.kernel.display.Chromium;
import org.musicoder.kernel.display.DevTools;
import org.musicoder.kernel.display.Html;

/**
 * The notebooks as users run them. {@code bin/musicoder demo}'s code path (kernelspec into a temporary prefix, a
 * temporary cache) executes {@code 01-quickstart} with nbconvert; its HTML, opened in Debian's headless Chromium
 * without network, draws every figure of the executed notebook (plotly's {@code svg.main-svg} in each figure's div;
 * screenshot in {@code target/quickstart.png}), and opened with JavaScript off shows every figure's static image
 * ({@code target/quickstart-nojs.png}); the executed notebook stays under {@link #MAX_QUICKSTART_BYTES}. Then
 * every other notebook of {@code notebooks/} is executed by nbclient with the same kernelspec and cache. Any error
 * output fails; notebooks are committed without outputs.
 */
class NotebooksTest {
    static final Path NOTEBOOKS = Path.of("../notebooks").toAbsolutePath().normalize();
    /**
     * The executed quickstart's size limit: it was 11.7 MB on 2026-12-06, plotly.js once (4.6 MB), each figure's
     * JSON twice (plotly MIME type and HTML), their images twice (0.7 MB; docs/figures.md).
     */
    static final long MAX_QUICKSTART_BYTES = 13_000_000;

    @Test
    void demoRunsTheQuickstartAndEveryNotebookRunsWithoutErrors(@TempDir Path tmp) throws Exception {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(5, notebooks.size(), () -> "notebooks: " + notebooks);
        for (Path nb : notebooks) assertTrue(committedWithoutOutputs(nb), nb + " is committed with outputs or execution counts");
        Jupyter jupyter = new Jupyter(tmp);

        Path out = tmp.resolve("demo");
        int code = Main.run("demo", "--cache", tmp.resolve("cache").toString(), "--prefix", tmp.resolve("prefix").toString(),
                "--out", out.toString(), "--notebook", NOTEBOOKS.resolve("01-quickstart.ipynb").toString());
        assertEquals(0, code, () -> "bin/musicoder demo failed; nbconvert log:\n" + read(out.resolve("nbconvert.log")));
        Path executed = out.resolve("01-quickstart.ipynb");
        int figures = checkOutputs(executed);
        assertTrue(figures >= 5, "figures in the executed quickstart: " + figures);
        drawn(out.resolve("01-quickstart.html"), figures, tmp);
        staticImages(out.resolve("01-quickstart.html"), figures, tmp);
        long bytes = Files.size(executed);
        System.out.println("executed quickstart: " + bytes + " bytes, of which image/png " + imageBytes(executed));
        assertTrue(bytes < MAX_QUICKSTART_BYTES, "executed quickstart: " + bytes + " bytes");

        for (Path nb : notebooks.subList(1, notebooks.size())) {
            Path done = tmp.resolve(nb.getFileName());
            Jupyter.Result r = jupyter.python(Jupyter.PYTHON_DIR.resolve("run_notebook.py").toString(), nb.toString(), done.toString());
            assertEquals(0, r.exitCode(), () -> nb.getFileName() + ":\n" + r.output());
            checkOutputs(done);
        }
    }

    /** Asserts that every code cell ran without an error output; returns the number of Plotly figures shown. */
    private static int checkOutputs(Path executed) throws IOException {
        int figures = 0;
        for (JsonElement c : JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            assertTrue(cell.get("execution_count").isJsonPrimitive(), () -> executed.getFileName() + ": a cell did not run: " + cell);
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                assertFalse(out.get("output_type").getAsString().equals("error"), () -> executed.getFileName() + ": " + out);
                if (out.has("data") && out.getAsJsonObject("data").has("application/vnd.plotly.v1+json")) figures++;
            }
        }
        return figures;
    }

    /** Opens the page in headless Chromium: every figure div has a drawn plot. */
    private static void drawn(Path page, int figures, Path tmp) throws Exception {
        Path probed = tmp.resolve("quickstart-probed.html");
        String html = Files.readString(page);
        String probe = "<pre id=\"musicoder-probe\"></pre><script>window.addEventListener('load', function () {"
                + " setTimeout(function () { var d = document.querySelectorAll('div.musicoder-plotly'), n = [];"
                + " for (var i = 0; i < d.length; i++) n.push(d[i].querySelectorAll('svg.main-svg').length);"
                + " document.getElementById('musicoder-probe').textContent = JSON.stringify(n); }, 1000); });</script>";
        Files.writeString(probed, html.replace("</body>", probe + "</body>"));
        Chromium.screenshot(page, Files.createDirectories(tmp.resolve("profile-shot")), Path.of("target/quickstart.png"), 1100, 9000);
        String dom = Chromium.dumpDom(probed, Files.createDirectories(tmp.resolve("profile")), 30000);
        Matcher m = Pattern.compile("<pre id=\"musicoder-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find() && !m.group(1).isEmpty(), "the probe ran");
        JsonArray svgs = JsonParser.parseString(Html.unescape(m.group(1))).getAsJsonArray();
        assertEquals(figures, svgs.size(), "figure divs on the page: " + svgs);
        for (int i = 0; i < svgs.size(); i++) assertTrue(svgs.get(i).getAsInt() >= 1, "figure " + i + " drawn: " + svgs);
    }

    /** Opens the page with JavaScript off: every figure div shows its static image, decoded. */
    private static void staticImages(Path page, int figures, Path tmp) throws Exception {
        JsonObject r;
        try (DevTools chromium = new DevTools(Files.createDirectories(tmp.resolve("profile-nojs")), 1100, 900)) {
            chromium.openWithoutJavaScript(page);
            r = chromium.figureImages();
            chromium.screenshot(Path.of("target/quickstart-nojs.png"));
        }
        assertEquals(0, r.get("svgs").getAsInt(), "scripts ran: " + r);
        JsonArray images = r.getAsJsonArray("images");
        assertEquals(figures, images.size(), "figure divs: " + r);
        for (JsonElement e : images) {
            assertTrue(e.isJsonObject() && e.getAsJsonObject().get("w").getAsInt() > 0
                    && e.getAsJsonObject().get("shown").getAsDouble() > 0, "a figure without its image: " + r);
        }
    }

    /** @return base64 characters of image/png in the notebook's outputs */
    private static long imageBytes(Path nb) throws IOException {
        long n = 0;
        for (JsonElement c : JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonArray outs = c.getAsJsonObject().getAsJsonArray("outputs");
            if (outs == null) continue;
            for (JsonElement o : outs) {
                JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
                if (data == null || !data.has("image/png")) continue;
                JsonElement png = data.get("image/png");             // a string, or nbformat's list of lines
                if (png.isJsonPrimitive()) n += png.getAsString().length();
                else for (JsonElement line : png.getAsJsonArray()) n += line.getAsString().length();
            }
        }
        return n;
    }

    private static boolean committedWithoutOutputs(Path nb) throws IOException {
        for (JsonElement c : JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            if (cell.getAsJsonArray("outputs").size() > 0 || !cell.get("execution_count").isJsonNull()) return false;
        }
        return true;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
