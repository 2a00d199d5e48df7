package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FrameFftDouble's frame loading (overlapping frames are partly copied between lanes) against JTransforms. */
class FrameFftDoubleTest {
    @ParameterizedTest
    @CsvSource({"512, 256, 40, 40", "512, 128, 40, 17", "512, 64, 33, 33", "512, 8, 20, 1", "512, 512, 9, 9",
                "512, 600, 9, 5", "256, 100, 12, 12", "64, 2, 64, 63", "8, 6, 5, 5"})
    void overlappingFramesMatchJTransforms(int n, int hop, int width, int count) {
        Random rnd = new Random(31L * n + hop);
        float[] y = new float[3 + n + (count - 1) * hop];
        for (int i = 0; i < y.length; i++) y[i] = (float) rnd.nextGaussian();
        FrameFftDouble b = FrameFft.of(n).doubleBatch(width);
        // a first block leaves transformed data in every row; the second load must not depend on it
        b.frames(y, 0, hop, Math.min(width, count));
        b.transform();
        b.frames(y, 3, hop, count);
        b.transform();
        double[] re = new double[width], im = new double[width];
        for (int f = 0; f < count; f++) {
            double[] ref = FrameFftTest.reference(y, 3 + f * hop, n, null);
            double max = 0, err = 0;
            for (int k = 0; k <= n / 2; k++) {
                b.bin(k, re, im);
                max = Math.max(max, Math.hypot(ref[2 * k], ref[2 * k + 1]));
                err = Math.max(err, Math.max(Math.abs(re[f] - ref[2 * k]), Math.abs(im[f] - ref[2 * k + 1])));
            }
            assertTrue(err <= 1e-13 * max, "n=" + n + " hop=" + hop + " frame " + f + ": max abs error " + err / max);
        }
    }
}
