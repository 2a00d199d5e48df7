package org.musicoder.audio;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: fixture paths, ffmpeg reference decodes, alignment and error measures. */
final class Signals {
    private Signals() {}

    /** A file under {@code src/test/resources/fixtures/}. */
    static Path fixture(String relative) {
        try {
            return Path.of(Signals.class.getResource("/fixtures/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ffmpeg decode (raw s16le, interleaved) mixed down to mono float32 like librosa: (l + r) / 2 / 32768. */
    static float[] s16leMono(Path raw, int channels) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        float[] y = new float[b.remaining() / 2 / channels];
        for (int i = 0; i < y.length; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += b.getShort() / 32768f;
            y[i] = sum / channels;
        }
        return y;
    }

    /**
     * The lag (in samples) at which {@code y} best matches {@code ref}: the lag {@code l} in [-maxLag, maxLag]
     * maximizing the normalized cross-correlation of {@code y[start + l ..]} with {@code ref[start ..]} over
     * {@code window} samples. A positive lag means {@code y} is late.
     */
    static int bestLag(float[] y, float[] ref, int start, int window, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double dot = 0, yy = 0;
            for (int i = 0; i < window; i++) {
                double a = y[start + lag + i];
                dot += a * ref[start + i];
                yy += a * a;
            }
            double score = dot / Math.sqrt(yy + 1e-30);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    /** Signal-to-noise ratio of {@code y} against {@code ref} over their common length, in dB. */
    static double snrDb(float[] y, float[] ref) {
        double signal = 0, noise = 0;
        int n = Math.min(y.length, ref.length);
        for (int i = 0; i < n; i++) {
            signal += (double) ref[i] * ref[i];
            double d = (double) y[i] - ref[i];
            noise += d * d;
        }
        return 10 * Math.log10(signal / noise);
    }

    /**
     * Asserts that a lossy decode {@code y} has the reference decode's length, lag 0 (searched over +-2500 samples
     * from sample {@code start}) and an SNR of at least {@code minSnrDb}, and prints the SNR.
     *
     * @return the SNR in dB
     */
    static double assertAlignedLike(String label, float[] y, float[] ref, int start, double minSnrDb) {
        org.junit.jupiter.api.Assertions.assertEquals(ref.length, y.length, label + ": length");
        org.junit.jupiter.api.Assertions.assertEquals(0, bestLag(y, ref, start, 1 << 15, 2500), label + ": lag");
        double snr = snrDb(y, ref);
        System.out.printf("%s: %.2f dB%n", label, snr);
        org.junit.jupiter.api.Assertions.assertTrue(snr >= minSnrDb, label + ": SNR " + snr + " dB");
        return snr;
    }
}
