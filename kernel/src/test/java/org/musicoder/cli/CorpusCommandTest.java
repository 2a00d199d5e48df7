package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus fetch} without Debian's tools (a process whose PATH has no apt-get): one line naming what is missing,
 * exit code 1, nothing written but the folders; an unknown corpus name: exit code 2. (The fetch itself needs Debian's
 * archive, which the tests do not reach.)
 */
class CorpusCommandTest {
    @TempDir Path tmp;

    @Test
    void withoutAptGetOneLineAndExitCode1() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.musicoder.cli.Main", "corpus", "fetch", "debian-music", "--dir", tmp.resolve("c").toString());
        pb.environment().put("PATH", tmp.resolve("empty-bin").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(1, p.exitValue(), out);
        List<String> lines = out.strip().lines().toList();
        assertEquals(1, lines.size(), out);
        assertTrue(lines.get(0).contains("needs Debian's apt-get"), out);
        assertFalse(Files.exists(tmp.resolve("c").resolve("tracks.csv")));

        FeaturesCommandTest.Run r = PretrainCommandTest.run("corpus", "fetch", "fma-large", "--dir", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown corpus 'fma-large'"), r.err());
    }
}
