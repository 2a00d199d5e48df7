package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.musicoder.io.Npy;
import org.musicoder.testutil.Fixtures;

/** Cqt on edge cases against librosa 1.0 references made for them (fixtures/cqt_edge, see fixtures README). */
class CqtEdgeCasesTest {
    private static final FeatureConfig AT_48K = new FeatureConfig(48000, 2048, 1024, 12, 20, 128, 9, 144, 24,
            FeatureConfig.PAPER.cqtFmin(), FeatureConfig.CqtVariant.CQT_24_BPO, FeatureConfig.PadMode.CONSTANT,
            1e-6, 1e-8);

    private static float[] clip(int n) throws Exception {
        return Arrays.copyOf(Fixtures.npy("soxr/y2s_44100.npy").toFloat(), n);
    }

    private static void assertMatches(String ref, double[][] got, double tol) throws Exception {
        Npy.Array r = Fixtures.npy("cqt_edge/" + ref + ".npy");
        assertEquals(r.cols(), got[0].length, ref + ": frames");
        double err = CqtTest.relError(r, got, false);
        System.out.printf("%s: %d frames, rel err %.3e%n", ref, r.cols(), err);
        assertTrue(err <= tol, ref + ": relative error " + err);
    }

    @Test
    void silenceGivesZeros() throws Exception {
        double[][] c = Cqt.magnitude(new float[44100], FeatureConfig.PAPER);
        assertEquals(Fixtures.npy("cqt_edge/silence_1s.npy").cols(), c[0].length);
        for (double[] row : c) for (double v : row) assertEquals(0.0, v);
    }

    @Test
    void clipShorterThanOneHop() throws Exception {
        assertMatches("short700", Cqt.magnitude(clip(700), FeatureConfig.PAPER), 1e-3);
    }

    @Test
    void longestClipWithOneStftFrame() throws Exception {
        assertEquals(1, FeatureConfig.PAPER.frames(1023));
        assertMatches("one1023", Cqt.magnitude(clip(1023), FeatureConfig.PAPER), 1e-3);
    }

    @Test
    void otherSampleRate() throws Exception {
        assertMatches("sr48000", Cqt.magnitude(clip(88200), AT_48K), 1e-3);
    }

    @Test
    void chromaCqtVariant() throws Exception {
        FeatureConfig cfg = FeatureConfig.PAPER.withCqtVariant(FeatureConfig.CqtVariant.CHROMA_CQT_144);
        assertMatches("chroma144", Cqt.magnitude(clip(88200), cfg), 1e-3);
    }

    @Test
    void concurrentCallsMatchTheReference() throws Exception {
        float[] y = clip(88200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> Cqt.magnitude(y, AT_48K));
            var b = pool.submit(() -> Cqt.magnitude(y, AT_48K));
            assertMatches("sr48000", a.get(), 1e-3);
            assertMatches("sr48000", b.get(), 1e-3);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void tooShortForEarlyDownsampling() {
        assertThrows(IllegalArgumentException.class, () -> Cqt.magnitude(new float[3], FeatureConfig.PAPER));
    }
}
