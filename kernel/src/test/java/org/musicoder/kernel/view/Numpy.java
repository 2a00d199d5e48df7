package org.musicoder.kernel.view;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a numpy script with Debian's /usr/bin/python3 (python3-numpy) and reads the JSON it prints. */
final class Numpy {
    private Numpy() {}

    /**
     * @param script Python source; {@code sys.argv[1:]} are {@code args}; it prints one JSON value
     * @param args   arguments
     * @return the printed JSON
     */
    static JsonElement run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("numpy script failed: " + out);
        return JsonParser.parseString(out);
    }
}
