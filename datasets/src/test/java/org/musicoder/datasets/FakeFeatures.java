package org.musicoder.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.features.FeatureConfig;

/** A stand-in feature computation: a deterministic function of the file's bytes, {@code 3..7 x 324}. */
final class FakeFeatures {
    private FakeFeatures() {}

    /** As {@link #of} after sleeping {@code ms} milliseconds, to widen races. */
    static float[][] slowly(Path audio, int ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException("interrupted");
        }
        return of(audio);
    }

    static float[][] of(Path audio) throws IOException {
        byte[] b = Files.readAllBytes(audio);
        int sum = 0;
        for (byte x : b) sum += x;
        float[][] f = new float[3 + b.length % 5][FeatureConfig.PAPER.dims()];
        for (int r = 0; r < f.length; r++)
            for (int c = 0; c < f[r].length; c++) f[r][c] = sum * 0.25f + r * 1000 + c + 0.5f;
        return f;
    }
}
