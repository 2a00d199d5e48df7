package org.musicoder.kernel.display;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless chromium (package {@code chromium}, see environment/packages.txt), offline. */
public final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {}

    /**
     * Loads a page, lets its scripts run for {@code virtualMs} of virtual time, and returns the DOM as HTML.
     *
     * @param page      an HTML file
     * @param profile   an empty folder for chromium's profile
     * @param virtualMs virtual time budget
     * @return the serialised DOM after the budget
     */
    public static String dumpDom(Path page, Path profile, int virtualMs) throws IOException, InterruptedException {
        return run(page, profile, virtualMs, "--dump-dom");
    }

    /**
     * Writes a PNG screenshot of a page (for people to look at).
     *
     * @param page    an HTML file
     * @param profile an empty folder for chromium's profile
     * @param png     the image to write
     * @param width   window width (px)
     * @param height  window height (px)
     */
    public static void screenshot(Path page, Path profile, Path png, int width, int height)
            throws IOException, InterruptedException {
        run(page, profile, 10000, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        if (!Files.isRegularFile(png)) throw new IOException("chromium wrote no screenshot " + png);
    }

    private static String run(Path page, Path profile, int virtualMs, String... extra)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install chromium (environment/test.sh does)");
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=" + virtualMs));
        cmd.addAll(List.of(extra));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(profile, "stdout", ".html");
        Path err = Files.createTempFile(profile, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 180 s on " + page);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
