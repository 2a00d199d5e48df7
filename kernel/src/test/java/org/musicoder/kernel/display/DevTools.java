package org.musicoder.kernel.display;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless chromium driven over the Chrome DevTools Protocol (JDK's WebSocket client, no other library):
 * a page loaded with JavaScript turned off ({@code Emulation.setScriptExecutionDisabled}, what Playwright's
 * {@code javaScriptEnabled: false} sends), then read with {@code Runtime.evaluate}, which DevTools may still run.
 */
public final class DevTools implements AutoCloseable {
    private static final int TIMEOUT_S = 120;
    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

    /**
     * Starts chromium with one blank page and connects to it.
     *
     * @param profile an empty folder for chromium's profile
     * @param width   window width (px)
     * @param height  window height (px)
     */
    public DevTools(Path profile, int width, int height) throws IOException, InterruptedException {
        chromium = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(), "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int port = port(chromium);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String ws = null;
        for (JsonElement t : JsonParser.parseString(list).getAsJsonArray()) {
            if (t.getAsJsonObject().get("type").getAsString().equals("page")) {
                ws = t.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
            }
        }
        if (ws == null) throw new IOException("chromium shows no page target: " + list);
        socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new Listener()).join();
    }

    /** Reads "DevTools listening on ws://127.0.0.1:PORT/..." from chromium's stderr. */
    private static int port(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            int at = line.indexOf("ws://127.0.0.1:");
            if (at >= 0) {
                String rest = line.substring(at + "ws://127.0.0.1:".length());
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // keep chromium's stderr pipe from filling
                        }
                    } catch (IOException ignored) {
                        // chromium ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
            }
        }
        throw new IOException("chromium ended without a DevTools port");
    }

    /**
     * Sends one command and waits for its result.
     *
     * @param method e.g. {@code Page.navigate}
     * @param params its parameters (may be null)
     * @return the {@code result} object
     * @throws IOException if chromium answers with an error
     */
    JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        JsonObject msg = new JsonObject();
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", params == null ? new JsonObject() : params);
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(msg.toString(), true).join();
        JsonObject r = reply.get(TIMEOUT_S, TimeUnit.SECONDS);
        if (r.has("error")) throw new IOException(method + ": " + r.get("error"));
        return r.getAsJsonObject("result");
    }

    /** Waits for an event, e.g. {@code Page.loadEventFired}. */
    void await(String method) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (System.nanoTime() < end) {
            String e = events.poll(1, TimeUnit.SECONDS);
            if (method.equals(e)) return;
        }
        throw new IOException("no " + method + " within " + TIMEOUT_S + " s");
    }

    /**
     * Loads a page with scripts off and waits for its load event (images decoded by then).
     *
     * @param page an HTML file
     */
    public void openWithoutJavaScript(Path page) throws Exception {
        call("Page.enable", null);
        JsonObject off = new JsonObject();
        off.addProperty("value", true);
        call("Emulation.setScriptExecutionDisabled", off);
        JsonObject nav = new JsonObject();
        nav.addProperty("url", page.toAbsolutePath().toUri().toString());
        call("Page.navigate", nav);
        await("Page.loadEventFired");
    }

    /**
     * @param expression JavaScript evaluated by DevTools (runs even with the page's scripts off)
     * @return its value, which must be JSON-serialisable
     */
    public JsonElement evaluate(String expression) throws Exception {
        JsonObject p = new JsonObject();
        p.addProperty("expression", expression);
        p.addProperty("returnByValue", true);
        JsonObject r = call("Runtime.evaluate", p);
        if (r.has("exceptionDetails")) throw new IOException("evaluate: " + r.get("exceptionDetails"));
        return r.getAsJsonObject("result").get("value");
    }

    /**
     * @return {@code {svgs: plotly plots on the page, ran: whether plotly.js is defined, images: one per figure div,
     *         {w, h: natural size, complete, shown: laid-out width, scheme: the src's start} or null}}
     */
    public JsonObject figureImages() throws Exception {
        return evaluate("(() => { const divs = [...document.querySelectorAll('div.musicoder-plotly')];"
                + " return {svgs: document.querySelectorAll('svg.main-svg').length, ran: !!window."
                + PlotlyLibrary.GLOBAL + ", images: divs.map(d => { const i = d.querySelector('img');"
                + " return i ? {w: i.naturalWidth, h: i.naturalHeight, complete: i.complete,"
                + " shown: i.getBoundingClientRect().width, scheme: i.src.slice(0, 22)} : null; })}; })()")
                .getAsJsonObject();
    }

    /** Writes a PNG screenshot of the whole page (for people to look at). */
    public void screenshot(Path png) throws Exception {
        JsonObject p = new JsonObject();
        p.addProperty("format", "png");
        p.addProperty("captureBeyondViewport", true);
        JsonObject size = evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})")
                .getAsJsonObject();
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.addProperty("width", size.get("w").getAsInt());
        clip.addProperty("height", Math.min(16000, size.get("h").getAsInt()));
        clip.addProperty("scale", 1);
        p.add("clip", clip);
        String data = call("Page.captureScreenshot", p).get("data").getAsString();
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(20, TimeUnit.SECONDS)) chromium.destroyForcibly();
    }

    /** Collects text frames into messages; routes replies by id and keeps event names. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject m = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                if (m.has("id")) {
                    CompletableFuture<JsonObject> f = replies.remove(m.get("id").getAsInt());
                    if (f != null) f.complete(m);
                } else if (m.has("method")) {
                    events.add(m.get("method").getAsString());
                }
            }
            ws.request(1);
            return null;
        }
    }
}
