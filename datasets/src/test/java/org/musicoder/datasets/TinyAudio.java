package org.musicoder.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny audio files with real headers (a few samples), for synthetic dataset trees (also the experiments' tests). */
public final class TinyAudio {
    private TinyAudio() {}

    /** Writes a tiny file whose type follows {@code file}'s extension; creates parent folders. */
    public static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = switch (AudioFiles.extension(file)) {
            case "wav" -> wav();
            case "au", "snd" -> au();
            case "mp3" -> new byte[]{'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0};
            case "flac" -> new byte[]{'f', 'L', 'a', 'C', 0, 0, 0, 34};
            case "ogg" -> new byte[]{'O', 'g', 'g', 'S', 0, 2, 0, 0};
            default -> throw new IllegalArgumentException(file.toString());
        };
        return Files.write(file, bytes);
    }

    /** A 16-bit mono 22.05 kHz WAV of 4 samples. */
    private static byte[] wav() {
        ByteBuffer b = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(22050)
                .putInt(22050 * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(8).putShort((short) 0).putShort((short) 100).putShort((short) -100)
                .putShort((short) 0);
        return b.array();
    }

    /** A 16-bit mono 22.05 kHz Sun .au of 4 samples (big-endian header). */
    private static byte[] au() {
        ByteBuffer b = ByteBuffer.allocate(24 + 8).order(ByteOrder.BIG_ENDIAN);
        b.put(".snd".getBytes()).putInt(24).putInt(8).putInt(3).putInt(22050).putInt(1);
        b.putShort((short) 0).putShort((short) 100).putShort((short) -100).putShort((short) 0);
        return b.array();
    }
}
