package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameFftTest {
    /** Max abs error over the frame's bins, relative to the largest |X_k| of the double-precision spectrum. */
    private static final double TOL = 1e-5;
    private static final double[] WORST = {0};

    @org.junit.jupiter.api.AfterAll
    static void printWorst() {
        System.out.println("FrameFftTest: worst max abs error / spectrum max = " + WORST[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 32, 256, 512, 1024, 2048, 4096, 8192})
    void randomFramesMatchDoubleFft(int n) {
        Random rnd = new Random(n);
        int width = 19;
        float[] y = new float[n + (width - 1) * 37];
        for (int i = 0; i < y.length; i++) y[i] = (float) (rnd.nextGaussian());
        float[] window = new float[n];
        for (int j = 0; j < n; j++) window[j] = (float) rnd.nextDouble();
        FrameFft.Batch b = FrameFft.of(n).batch(width);
        b.frames(0, y, 0, 37, width, window);
        b.transform();
        for (int f = 0; f < width; f++) assertMatches("n=" + n + " frame " + f, b, n, f, y, f * 37, window);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 32, 512, 2048})
    void doubleBatchMatchesJTransformsToDoublePrecision(int n) {
        Random rnd = new Random(n + 1);
        int width = 21, hop = 13;
        float[] y = new float[n + (width - 1) * hop];
        for (int i = 0; i < y.length; i++) y[i] = (float) rnd.nextGaussian();
        FrameFftDouble b = FrameFft.of(n).doubleBatch(width);
        b.frames(y, 0, hop, width);
        b.transform();
        double[] re = new double[width], im = new double[width];
        for (int f = 0; f < width; f++) {
            double[] ref = reference(y, f * hop, n, null);
            double max = 0, err = 0;
            for (int k = 0; k <= n / 2; k++) {
                b.bin(k, re, im);
                max = Math.max(max, Math.hypot(ref[2 * k], ref[2 * k + 1]));
                err = Math.max(err, Math.max(Math.abs(re[f] - ref[2 * k]), Math.abs(im[f] - ref[2 * k + 1])));
            }
            assertTrue(err <= 1e-13 * max, "n=" + n + " frame " + f + ": max abs error " + err / max);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> b.frames(y, 1, hop, width));
        assertThrows(IllegalArgumentException.class, () -> b.frames(y, 0, hop, width + 1));
    }

    @Test
    void audioFramesMatchDoubleFftWithSingleFrameLoads() {
        float[] y = Fixtures.waveform("librosa/test30_wav");
        int n = 2048;
        float[] window = new float[n];
        for (int j = 0; j < n; j++) window[j] = (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * j / n));
        FrameFft.Batch b = FrameFft.of(n).batch(32);
        for (int block = 0; block < 4; block++) {
            int start = block * 300_000;
            for (int f = 0; f < 32; f++) b.frame(f, y, start + f * 1024, f % 2 == 0 ? window : null);
            b.transform();
            for (int f = 0; f < 32; f++)
                assertMatches("audio frame " + block + "/" + f, b, n, f, y, start + f * 1024, f % 2 == 0 ? window : null);
        }
    }

    @Test
    void powerIsSquaredMagnitudeOfTheSpectrumAndLanesCanBeLoadedInParts() {
        int n = 512;
        float[] y = new float[n + 3 * 100];
        Random rnd = new Random(7);
        for (int i = 0; i < y.length; i++) y[i] = rnd.nextFloat() - 0.5f;
        FrameFft.Batch b = FrameFft.of(n).batch(16);
        b.frames(0, y, 0, 100, 2, null);
        b.frames(2, y, 200, 100, 2, null);
        b.transform();
        float[][] out = new float[n / 2 + 1][10];
        b.power(out, 5, 4);
        for (int f = 0; f < 4; f++) {
            double[] ref = reference(y, f * 100, n, null);
            for (int k = 0; k <= n / 2; k++) {
                double p = ref[2 * k] * ref[2 * k] + ref[2 * k + 1] * ref[2 * k + 1];
                assertTrue(Math.abs(out[k][5 + f] - p) <= 1e-5 * (p + 1), "power bin " + k + " frame " + f);
            }
        }
        for (int k = 0; k <= n / 2; k++) assertTrue(out[k][4] == 0 && out[k][9] == 0, "power wrote outside its columns");
    }

    @Test
    void rejectsBadSizesAndRanges() {
        assertThrows(IllegalArgumentException.class, () -> FrameFft.of(1000));
        assertThrows(IllegalArgumentException.class, () -> FrameFft.of(2));
        FrameFft.Batch b = FrameFft.of(8).batch(4);
        assertThrows(IndexOutOfBoundsException.class, () -> b.frame(0, new float[10], 3, null));
        assertThrows(IndexOutOfBoundsException.class, () -> b.frames(0, new float[20], 0, 7, 3, null));
        assertThrows(IllegalArgumentException.class, () -> b.frames(0, new float[20], 0, 1, 5, null));
        assertThrows(IllegalArgumentException.class, () -> b.frames(2, new float[20], 0, 1, 3, null));
    }

    private static void assertMatches(String what, FrameFft.Batch b, int n, int f, float[] y, int off, float[] window) {
        double[] ref = reference(y, off, n, window);
        int bins = ref.length / 2;
        double max = 0;
        double err = 0;
        float[] re = new float[b.width()];
        float[] im = new float[b.width()];
        for (int k = 0; k < bins; k++) {
            b.bin(k, re, im);
            max = Math.max(max, Math.hypot(ref[2 * k], ref[2 * k + 1]));
            err = Math.max(err, Math.abs(re[f] - ref[2 * k]));
            err = Math.max(err, Math.abs(im[f] - ref[2 * k + 1]));
        }
        WORST[0] = Math.max(WORST[0], err / max);
        assertTrue(err <= TOL * max, what + ": max abs error " + err / max + " of the spectrum max > " + TOL);
    }

    /** Spectrum {@code [re0, im0, re1, im1, ...]} of bins {@code 0..n/2} by JTransforms in double precision. */
    static double[] reference(float[] y, int off, int n, float[] window) {
        double[] a = new double[n];
        for (int j = 0; j < n; j++) a[j] = (double) y[off + j] * (window == null ? 1 : window[j]);
        new DoubleFFT_1D(n).realForward(a);
        double[] out = new double[n + 2];
        System.arraycopy(a, 2, out, 2, n - 2);
        out[0] = a[0];
        out[n] = a[1];
        return out;
    }
}
