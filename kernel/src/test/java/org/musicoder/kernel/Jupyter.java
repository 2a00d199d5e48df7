package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives Debian's Jupyter (through {@code /usr/bin/python3}) against the kernelspec installed into a temporary
 * prefix: JUPYTER_PATH points at it, JUPYTER_DATA_DIR and the feature cache are temporary too.
 */
final class Jupyter {
    static final Path PYTHON_DIR = Path.of("src/test/python").toAbsolutePath();

    private final Path root;

    /**
     * Installs the kernelspec (this JVM's java and class path) under {@code root}.
     *
     * @param root a temporary folder
     */
    Jupyter(Path root) throws IOException, InterruptedException {
        this.root = root;
        KernelSpec.install(KernelSpec.prefixKernels(root.resolve("prefix")), KernelSpec.currentJava(),
                List.of("-Xmx2g"), KernelSpec.currentClassPath(), false);
    }

    /** Environment of the Python side (inherited by the kernels Jupyter starts). */
    Map<String, String> env() {
        return Map.of("JUPYTER_PATH", root.resolve("prefix/share/jupyter").toString(),
                "JUPYTER_DATA_DIR", root.resolve("data").toString(),
                "JUPYTER_RUNTIME_DIR", root.resolve("runtime").toString(),
                "MUSICODER_CACHE", root.resolve("cache").toString(),
                "PYTHONPATH", PYTHON_DIR.toString(),
                "MUSICODER_ROOT", Path.of("..").toAbsolutePath().normalize().toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1");
    }

    /**
     * Runs a Python program of {@code src/test/python}.
     *
     * @param args the script and its arguments
     * @return exit code and output (stdout and stderr merged)
     */
    Result python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-Xfrozen_modules=off"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env());
        Path log = root.resolve("python-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("python " + String.join(" ", args) + " did not finish:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        return new Result(p.exitValue(), out);
    }

    /**
     * Runs a unittest module with {@code run_tests.py} and asserts that every test ran and passed (none skipped).
     *
     * @param module the module name
     * @param expected how many tests it holds
     */
    void unittest(String module, int expected) throws IOException, InterruptedException {
        Result r = python(PYTHON_DIR.resolve("run_tests.py").toString(), module);
        String[] lines = r.output().strip().split("\n");
        JsonObject summary = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        assertEquals(0, summary.getAsJsonArray("failures").size(), () -> "failures: " + summary);
        assertEquals(0, summary.getAsJsonArray("errors").size(), () -> "errors: " + summary);
        assertEquals(0, summary.getAsJsonArray("skipped").size(), () -> "skipped: " + summary);
        assertEquals(expected, summary.get("run").getAsInt(), () -> "tests run: " + summary);
        assertTrue(r.exitCode() == 0, "exit code " + r.exitCode());
    }

    /**
     * @param exitCode the process's exit code
     * @param output   what it printed
     */
    record Result(int exitCode, String output) {}
}
