package org.musicoder.kernel.display;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The plotly.js bundled in the kernel's jar (npm's {@code plotly.js-dist-min}, {@link #VERSION}; put there by
 * {@code environment/plotly-js.sh} at build time) and the script that defines it in a notebook page.
 *
 * <p>The loader runs plotly's UMD bundle inside a function whose {@code module}/{@code exports} parameters catch
 * the library and whose {@code define}/{@code require} parameters are undefined, so require.js (the classic
 * Notebook has it) never sees an anonymous {@code define} call, and no global {@code Plotly} another extension
 * owns is replaced: our copy is {@code window.musicoderPlotly}. A page that already has it skips the body.
 */
public final class PlotlyLibrary {
    /** plotly.js version shipped. */
    public static final String VERSION = "2.35.3";
    /** Global the loader defines, {@code window.musicoderPlotly}. */
    public static final String GLOBAL = "musicoderPlotly";
    /** Class path resource holding {@code plotly.min.js}. */
    static final String RESOURCE = "/org/musicoder/kernel/display/plotly.min.js";

    private PlotlyLibrary() {}

    /** @return the minified library source, read once from the class path */
    public static String source() {
        return Holder.SOURCE;
    }

    /**
     * @return a {@code <script>} element that defines {@code window.musicoderPlotly} (about 4.6 MB, most of it
     *         the library); safe to run more than once on a page
     */
    public static String loaderScript() {
        return Holder.LOADER;
    }

    private static final class Holder {
        static final String SOURCE = read();
        static final String LOADER = "<script type=\"text/javascript\">\n"
                + "/* plotly.js " + VERSION + " (MIT license, Plotly, Inc.), loaded once per notebook by MusiCoder */\n"
                + "if (!window." + GLOBAL + ") { (function () {\n"
                + "  var module = {exports: {}};\n"
                + "  (function (module, exports, define, require) {\n"
                + SOURCE
                + "\n  })(module, module.exports, undefined, undefined);\n"
                + "  window." + GLOBAL + " = module.exports;\n"
                + "})(); }\n"
                + "</script>\n";

        private static String read() {
            try (InputStream in = PlotlyLibrary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js: " + RESOURCE + " is not on the class path (the kernel "
                            + "build puts it there with environment/plotly-js.sh; rebuild with mvn package)");
                }
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String lower = s.toLowerCase(Locale.ROOT);
                if (lower.contains("</script") || lower.contains("<!--")) {
                    throw new IllegalStateException("plotly.js: " + RESOURCE + " contains '</script' or '<!--' and "
                            + "cannot be inlined in a <script> element");
                }
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("plotly.js: cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }
}
