package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code musicoder kernel install} with {@code --prefix P} (with the class-data archive) and {@code --user
 * --no-archive}, each run as a child JVM: Debian's {@code jupyter kernelspec list --json} then lists
 * {@code musicoder} with its display name, language and message-mode interrupts, and Jupyter's client starts the
 * archived one and gets its kernel_info reply.
 */
class KernelInstallTest {
    @Test
    void prefixInstallIsListedByJupyter(@TempDir Path tmp) throws Exception {
        Path prefix = tmp.resolve("prefix");
        assertEquals(0, run(tmp, Map.of(), KernelSpec.currentJava().toString(), "-cp", KernelSpec.currentClassPath(), "org.musicoder.cli.Main",
                "kernel", "install", "--prefix", prefix.toString()));
        Map<String, String> env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_DATA_DIR", tmp.resolve("empty").toString());
        checkListed(tmp, env, prefix.resolve("share/jupyter/kernels/musicoder"));
        assertEquals(0, run(tmp, env, "/usr/bin/python3", "-c", String.join("\n",
                "from jupyter_client.manager import start_new_kernel",
                "km, kc = start_new_kernel(kernel_name='musicoder', startup_timeout=60)",
                "kc.kernel_info()",
                "reply = kc.get_shell_msg(timeout=60)",
                "print(reply['content']['implementation'], reply['content']['status'])",
                "kc.stop_channels()",
                "km.shutdown_kernel(now=True)")));
        assertEquals("musicoder ok", Files.readString(tmp.resolve("out.txt")).strip());
    }

    @Test
    void userInstallIsListedByJupyter(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        assertEquals(0, run(tmp, env, KernelSpec.currentJava().toString(), "-cp", KernelSpec.currentClassPath(), "org.musicoder.cli.Main",
                "kernel", "install", "--user", "--no-archive"));
        checkListed(tmp, env, tmp.resolve("data/kernels/musicoder"));
    }

    private static void checkListed(Path tmp, Map<String, String> env, Path dir) throws Exception {
        assertEquals(0, run(tmp, env, "jupyter", "kernelspec", "list", "--json"));
        JsonObject specs = JsonParser.parseString(Files.readString(tmp.resolve("out.txt")))
                .getAsJsonObject().getAsJsonObject("kernelspecs");
        JsonObject ours = specs.getAsJsonObject(KernelSpec.NAME);
        assertEquals(dir.toRealPath().toString(), Path.of(ours.get("resource_dir").getAsString()).toRealPath().toString());
        JsonObject spec = ours.getAsJsonObject("spec");
        assertEquals("MusiCoder (Java)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(KernelMain.class.getName(), argv.get(argv.size() - 2));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
    }

    private static int run(Path tmp, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        System.out.print(Files.readString(tmp.resolve("out.txt")) + Files.readString(tmp.resolve("err.txt")));
        return p.exitValue();
    }
}
