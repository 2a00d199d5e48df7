package org.musicoder.kernel.display;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musicoder.kernel.display.image.FigureImage;
import tech.tablesaw.plotly.components.Figure;

/**
 * One Plotly figure as a MIME bundle: {@code application/vnd.plotly.v1+json} (the figure, see {@link PlotlyJson}),
 * {@code image/png} (the same figure drawn in Java2D by {@link FigureImage}, no browser: title, axes, ticks,
 * colour scale), {@code text/html} (a {@code <div>} holding that image and a script that replaces it with the
 * interactive figure drawn by the notebook's copy of plotly.js, see {@link PlotlyLibrary}), {@code text/plain}
 * (title and trace types).
 *
 * <p>Front ends take the richest type they render: JupyterLab or VS Code with a Plotly renderer the plotly JSON;
 * the classic Notebook and nbconvert's HTML the {@code text/html}, whose script draws the interactive figure when
 * JavaScript runs; with JavaScript off, or in an untrusted notebook (JupyterLab's sanitizer drops the script and
 * keeps the {@code <img>} with its {@code data:} URI), the image shows; front ends without HTML the PNG.
 */
public final class FigureBundle {
    /** HTML-safe JSON (escapes {@code < > & = '}), so a figure's strings cannot end its {@code <script>}. */
    private static final Gson HTML_SAFE = new GsonBuilder().serializeNulls().create();

    private FigureBundle() {}

    /**
     * @param figure     a Tablesaw figure
     * @param withLoader whether the HTML starts with {@link PlotlyLibrary#loaderScript()} (the session's first
     *                   figure, and updates of that display)
     * @return mime type -> data; the plotly value is plain Java ({@code Map}, {@code List}, {@code String},
     *         {@code Number}, {@code Boolean}, {@code null}), the others are strings
     */
    public static Map<String, Object> of(Figure figure, boolean withLoader) {
        return of(figure, withLoader, true);
    }

    /**
     * @param figure     a Tablesaw figure
     * @param withLoader whether the HTML starts with the loader script
     * @param image      whether to draw the static image; a live display's intermediate states leave it out
     *                   (drawing takes 30-150 ms) and its last state carries it
     * @return mime type -> data, as {@link #of(Figure, boolean)}, without {@code image/png} when {@code image}
     *         is false
     */
    public static Map<String, Object> of(Figure figure, boolean withLoader, boolean image) {
        JsonObject json = PlotlyJson.of(figure);
        String png = image ? Base64.getEncoder().encodeToString(FigureImage.png(json)) : null;
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(MimeTypes.PLOTLY, toJava(json));
        bundle.put(MimeTypes.HTML, html(json, png, withLoader));
        if (png != null) bundle.put(MimeTypes.PNG, png);
        bundle.put(MimeTypes.TEXT, text(json));
        return bundle;
    }

    /**
     * @param figure     plotly JSON figure ({@code data}, {@code layout}, optional {@code config})
     * @param png        the figure's static image, PNG in base64, or null for none (the description shows)
     * @param withLoader whether to start with the library's loader script
     * @return a {@code <div>} with a unique id holding the static image, and a script that replaces the image with
     *         the figure drawn by plotly.js, or, when plotly.js is missing (the output that loaded it was cleared),
     *         keeps it and says so under it
     */
    public static String html(JsonObject figure, String png, boolean withLoader) {
        String id = "musicoder-plotly-" + UUID.randomUUID();
        JsonObject config = figure.has("config") ? figure.getAsJsonObject("config") : new JsonObject();
        if (!config.has("responsive")) config.addProperty("responsive", true);
        StringBuilder sb = new StringBuilder();
        if (withLoader) sb.append(PlotlyLibrary.loaderScript());
        sb.append("<div id=\"").append(id).append("\" class=\"musicoder-plotly\">");
        if (png == null) sb.append(Html.escape(text(figure))).append("</div>\n");
        else sb.append("<img class=\"musicoder-static\" alt=\"").append(Html.escape(text(figure))).append("\" width=\"")
                .append(width(figure)).append("\" style=\"max-width: 100%; height: auto;\" src=\"data:image/png;base64,")
                .append(png).append("\"></div>\n");
        sb.append("<script type=\"text/javascript\">\n(function () {\n");
        sb.append("  var el = document.getElementById(\"").append(id).append("\");\n");
        sb.append("  var P = window.").append(PlotlyLibrary.GLOBAL).append(";\n");
        sb.append("  if (!P) { var note = document.createElement(\"div\"); note.textContent = \"Static image: plotly.js "
                + "is not loaded in this page (MusiCoder loads it once per notebook, with the session's first figure; "
                + "run that cell again for the interactive figure).\"; el.appendChild(note); return; }\n");
        sb.append("  el.textContent = \"\";\n");
        sb.append("  P.newPlot(el, ").append(HTML_SAFE.toJson(figure.get("data"))).append(", ")
                .append(HTML_SAFE.toJson(figure.get("layout"))).append(", ")
                .append(HTML_SAFE.toJson(config)).append(");\n");
        sb.append("})();\n</script>\n");
        return sb.toString();
    }

    /** @return the image's width in px, as {@link FigureImage} draws it */
    private static int width(JsonObject figure) {
        return FigureImage.size(figure)[0];
    }

    /** @return {@code Figure "title" (heatmap, scatter)} */
    static String text(JsonObject figure) {
        List<String> types = new ArrayList<>();
        for (JsonElement t : figure.getAsJsonArray("data")) {
            JsonElement type = t.getAsJsonObject().get("type");
            types.add(type == null ? "scatter" : type.getAsString());
        }
        String title = "";
        JsonObject layout = figure.getAsJsonObject("layout");
        if (layout.has("title") && layout.getAsJsonObject("title").has("text")) {
            title = " \"" + layout.getAsJsonObject("title").get("text").getAsString() + "\"";
        }
        return "Figure" + title + " (" + String.join(", ", types) + ")";
    }

    /** @return the JSON as {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}/{@code null} */
    static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) m.put(x.getKey(), toJava(x.getValue()));
            return m;
        }
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            List<Object> l = new ArrayList<>(a.size());
            for (JsonElement x : a) l.add(toJava(x));
            return l;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 && !p.getAsString().contains(".") ? (Object) p.getAsLong() : d;
        }
        return p.getAsString();
    }
}
