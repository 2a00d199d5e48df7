package org.musicoder.kernel.display;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes notebooks whose outputs are our bundles and exports them with Jupyter's nbconvert (Debian's
 * python3-nbconvert, run by /usr/bin/python3), require.js from Debian's libjs-requirejs standing in for the CDN copy
 * the exported page would load: the page then has require.js's {@code define}, as the classic Notebook has.
 */
final class Nbconvert {
    static final Path REQUIRE_JS = Path.of("/usr/share/javascript/requirejs/require.min.js");

    private Nbconvert() {}

    /**
     * @param cells one list of display_data bundles per code cell
     * @return an nbformat 4.5 notebook
     */
    static JsonObject notebook(List<List<Map<String, Object>>> cells) {
        JsonArray cs = new JsonArray();
        int n = 0;
        for (List<Map<String, Object>> outputs : cells) {
            n++;
            JsonArray outs = new JsonArray();
            for (Map<String, Object> bundle : outputs) {
                JsonObject o = new JsonObject();
                o.addProperty("output_type", "display_data");
                o.add("data", new GsonBuilder().serializeNulls().create().toJsonTree(bundle));
                o.add("metadata", new JsonObject());
                outs.add(o);
            }
            JsonObject c = new JsonObject();
            c.addProperty("cell_type", "code");
            c.addProperty("execution_count", n);
            c.addProperty("id", "cell-" + n);
            c.add("metadata", new JsonObject());
            c.addProperty("source", "// cell " + n);
            c.add("outputs", outs);
            cs.add(c);
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", cs);
        JsonObject meta = new JsonObject();
        JsonObject ks = new JsonObject();
        ks.addProperty("name", "musicoder");
        ks.addProperty("display_name", "MusiCoder (Java)");
        ks.addProperty("language", "java");
        meta.add("kernelspec", ks);
        nb.add("metadata", meta);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb;
    }

    /**
     * @param notebook a notebook
     * @param dir      folder for the .ipynb and the .html
     * @param template nbconvert HTML template, {@code lab} or {@code classic}
     * @return the exported page
     */
    static Path toHtml(JsonElement notebook, Path dir, String template) throws IOException, InterruptedException {
        if (!Files.isRegularFile(REQUIRE_JS)) {
            throw new IllegalStateException(REQUIRE_JS + " is missing: apt-get install libjs-requirejs (environment/test.sh does)");
        }
        Path ipynb = dir.resolve("figures-" + template + ".ipynb");
        Files.writeString(ipynb, new GsonBuilder().serializeNulls().create().toJson(notebook), StandardCharsets.UTF_8);
        Path log = dir.resolve("nbconvert-" + template + ".log");
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "nbconvert", "--to", "html", "--template", template,
                "--HTMLExporter.require_js_url=" + REQUIRE_JS.toUri(), "--output-dir", dir.toString(), ipynb.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("nbconvert did not finish within 180 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("nbconvert (python3-nbconvert) exited with " + p.exitValue() + ": " + Files.readString(log));
        }
        return dir.resolve("figures-" + template + ".html");
    }
}
