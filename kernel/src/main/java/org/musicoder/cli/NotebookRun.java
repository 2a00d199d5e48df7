package org.musicoder.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a notebook headless with Jupyter's nbconvert (Debian's python3-nbconvert, which runs nbclient, started
 * by {@code /usr/bin/python3}) on the installed {@code musicoder} kernelspec, and exports the executed notebook as
 * HTML. require.js on the page comes from Debian's libjs-requirejs when it is installed (no CDN).
 */
final class NotebookRun {
    static final String PYTHON = "/usr/bin/python3";
    static final Path REQUIRE_JS = Path.of("/usr/share/javascript/requirejs/require.min.js");

    private NotebookRun() {}

    /**
     * @param notebook the notebook to run (not modified)
     * @param out      folder for {@code NAME.ipynb} (executed) and {@code NAME.html}
     * @param env      environment of the kernel (e.g. JUPYTER_PATH, MUSICODER_CACHE)
     * @param timeoutS per-cell timeout in seconds
     * @param log      nbconvert's output goes here
     * @return the executed notebook and its HTML
     * @throws IOException if nbconvert fails (its message names the failing cell) or is missing
     */
    static List<Path> execute(Path notebook, Path out, Map<String, String> env, int timeoutS, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        run(List.of("--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=musicoder",
                "--ExecutePreprocessor.timeout=" + timeoutS, "--output-dir", out.toString(), "--output", name,
                notebook.toString()), env, log);
        Path executed = out.resolve(name + ".ipynb");
        List<String> html = new ArrayList<>(List.of("--to", "html", "--output-dir", out.toString()));
        if (Files.isRegularFile(REQUIRE_JS)) html.add("--HTMLExporter.require_js_url=" + REQUIRE_JS.toUri());
        html.add(executed.toString());
        run(html, env, log);
        return List.of(executed, out.resolve(name + ".html"));
    }

    private static void run(List<String> args, Map<String, String> env, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-m", "nbconvert"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (p.waitFor() != 0) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            String[] lines = text.strip().split("\n");
            throw new IOException("nbconvert " + args.get(1) + " failed (exit " + p.exitValue() + "): "
                    + lines[lines.length - 1] + " (full log: " + log + ")");
        }
    }
}
