package org.musicoder.datasets.dedup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a mono waveform as 16-bit PCM: WAV (little-endian) or Sun AU (big-endian, as GTZAN's clips). */
final class Pcm16 {
    private Pcm16() {}

    /**
     * @param file       {@code .wav} or {@code .au}; parent folders are created
     * @param y          samples in [-1, 1] (clipped, rounded to 16 bits)
     * @param sampleRate Hz
     */
    static Path write(Path file, float[] y, int sampleRate) throws IOException {
        boolean au = file.getFileName().toString().endsWith(".au");
        int header = au ? 24 : 44;
        ByteBuffer b = ByteBuffer.allocate(header + 2 * y.length);
        if (au) {
            b.order(ByteOrder.BIG_ENDIAN).put(".snd".getBytes()).putInt(24).putInt(2 * y.length).putInt(3)
                    .putInt(sampleRate).putInt(1);
        } else {
            b.order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes()).putInt(36 + 2 * y.length).put("WAVE".getBytes())
                    .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                    .putInt(2 * sampleRate).putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes()).putInt(2 * y.length);
        }
        for (float v : y) b.putShort((short) Math.round(32767 * Math.max(-1, Math.min(1, v))));
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, b.array());
    }
}
