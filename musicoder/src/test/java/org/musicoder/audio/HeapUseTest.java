package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long file is held in memory once: a JVM whose heap fits the decoded samples about 1.4 times (not twice)
 * loads a 48M-sample WAV (18 min at 44.1 kHz; the data is a sparse hole, so the test needs no disk).
 */
class HeapUseTest {
    private static final long FRAMES = 48L << 20;

    @Test
    @Timeout(120)
    void longWavLoadsInAHeapSmallerThanTwoCopies(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("long.wav");
        byte[] head = Bytes.wav(Bytes.le().chunk("fmt ", Bytes.fmt(1, 1, 44100, 8)).ascii("data").u32(FRAMES)
                .toBytes());
        try (RandomAccessFile f = new RandomAccessFile(wav.toFile(), "rw")) {
            f.write(head);
            f.setLength(head.length + FRAMES);
        }
        long heapMiB = FRAMES * 4 * 14 / 10 >> 20;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMiB + "m", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                wav.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals(Long.toString(FRAMES), out);
    }

    /** Loads the file named by the first argument and prints its length. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            System.out.println(AudioLoader.load(Path.of(args[0]), 0, 0).samples().length);
        }
    }
}
