package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/twin.py} (the PyTorch twin) with Debian's {@code /usr/bin/python3} and
 * {@code python3-torch}. Fails the calling test (never skips it) when they are missing.
 */
public final class TorchTwin {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("src/test/python/twin.py");

    private TorchTwin() {}

    /**
     * Runs {@code twin.py ARGS...} and returns its standard output; fails with its standard error when it does
     * not exit with 0.
     */
    public static String run(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON))
            fail("the PyTorch twin needs " + PYTHON + " with torch: apt-get install python3-torch (environment/test.sh does)");
        if (!Files.isRegularFile(SCRIPT)) fail("twin script not found: " + SCRIPT.toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("twin", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("twin.py timed out: " + cmd);
            }
            String stderr = Files.readString(err);
            if (stderr.contains("No module named 'torch'"))
                fail("the PyTorch twin needs torch for " + PYTHON + ": apt-get install python3-torch (environment/test.sh does)");
            if (p.exitValue() != 0) fail("twin.py failed (exit " + p.exitValue() + "): " + cmd + "\n" + stderr);
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
