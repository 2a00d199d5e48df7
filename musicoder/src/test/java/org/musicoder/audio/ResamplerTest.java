package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.musicoder.testutil.Fixtures;

/**
 * Resampler against librosa.resample(res_type='soxr_hq') outputs (fixtures/librosa, fixtures/soxr): 2:1, 4:1, 8:1, 1:2,
 * 1:3 and 1:4 reproduce soxr to float precision (>= 120 dB); other ratios, where soxr's internal stages differ
 * from one filter, to >= 60 dB.
 */
class ResamplerTest {
    private static float[] soxr(String name) throws Exception {
        return Fixtures.npy("soxr/" + name + ".npy").toFloat();
    }

    private static void assertClose(float[] ref, float[] got, double minSnrDb, String what) {
        assertEquals(ref.length, got.length, what + ": length");
        double snr = Fixtures.snrDb(ref, got);
        System.out.printf("%s: SNR %.1f dB%n", what, snr);
        assertTrue(snr >= minSnrDb, what + ": SNR " + snr + " dB < " + minSnrDb);
    }

    @Test
    void upsamples22050To44100LikeLibrosa() throws Exception {
        float[] y = Fixtures.wavMono16("audio/test10_mono22k.wav");
        float[] ref = Fixtures.npy("librosa/test10_mono22k/y.npy").toFloat();
        assertClose(ref, Resampler.resample(y, 22050, 44100, false), 120, "22050->44100");
    }

    @Test
    void decimatesBy4And2LikeTheCqtChain() throws Exception {
        float[] y = soxr("y2s_44100");
        assertClose(soxr("dec2"), Resampler.resample(y, 44100, 22050, false), 120, "2:1");
        float[] d = Resampler.resample(y, 4, 1, true);
        assertClose(soxr("dec4_scaled"), d, 120, "4:1 scaled");
        float[] prev = soxr("dec4_scaled");
        for (int i = 1; i <= 3; i++) {
            float[] ref = soxr("dec4_dec2x" + i + "_scaled");
            assertClose(ref, Resampler.resample(prev, 2, 1, true), 120, "2:1 scaled, stage " + i);
            d = Resampler.resample(d, 2, 1, true);
            assertClose(ref, d, 120, "4:1 then 2:1 x" + i + " (own chain)");
            prev = ref;
        }
    }

    @Test
    void handlesOtherRatios() throws Exception {
        float[] y = soxr("y2s_44100");
        assertClose(soxr("r48000_44100"), Resampler.resample(y, 48000, 44100, false), 60, "48000->44100");
        float[] y1 = java.util.Arrays.copyOf(y, 44100);
        assertClose(soxr("r44100_48000"), Resampler.resample(y1, 44100, 48000, false), 60, "44100->48000");
        float[] y8 = java.util.Arrays.copyOf(y, 4000);
        assertClose(soxr("r8000_44100"), Resampler.resample(y8, 8000, 44100, false), 60, "8000->44100");
        assertClose(soxr("r11025_44100"), Resampler.resample(y8, 11025, 44100, false), 120, "11025->44100");
        assertClose(soxr("r3to1_up"), Resampler.resample(y8, 1, 3, false), 120, "1->3");
        float[] y16 = java.util.Arrays.copyOf(y, 8000);
        assertClose(soxr("r8to1"), Resampler.resample(y16, 8, 1, false), 120, "8:1");
        // 44099 phases: too many to tabulate, so the kernel is evaluated per output sample
        assertClose(soxr("r44100_44099"), Resampler.resample(y8, 44100, 44099, false), 60, "44100->44099");
    }

    @Test
    void padsToLibrosaLengthWithZerosAfterSoxrLength() throws Exception {
        float[] y = java.util.Arrays.copyOf(soxr("y2s_44100"), 1001);
        float[] ref = soxr("r1001_4to1");
        float[] got = Resampler.resample(y, 4, 1, false);
        // includes soxr's 4:1 start transient (without it, 59 dB)
        assertClose(ref, got, 120, "1001 samples 4:1");
        assertEquals(0f, ref[250]);
        assertEquals(0f, got[250]);
    }

    @Test
    void nearlyEqualRatesAndEdgeCases() {
        float[] y = new float[500];
        for (int i = 0; i < y.length; i++) y[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 44100.0);
        float[] z = Resampler.resample(y, 44100, 44099, false);
        assertEquals(500, z.length);
        // a 1 kHz tone is in the passband: away from the edges it is the same tone at the new rate
        for (int i = 200; i < 300; i++)
            assertEquals(Math.sin(2 * Math.PI * 1000 * i / 44099.0), z[i], 2e-4, "sample " + i);
        assertEquals(0, Resampler.resample(new float[0], 22050, 44100, false).length);
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(y, 0, 44100, false));
    }
}
