package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;

/**
 * M4A: AAC-LC (ffmpeg's aac encoder, 128 kb/s) of a 5 s excerpt of test30 (frames 441000-661500) against ffmpeg 9's
 * decodes of it (ff_aac*_mono.flac: (l + r) / 2 at 16 bits, edit list applied): with perceptual noise substitution
 * (ffmpeg's default; the substituted noise differs between decoders, hence the low SNR) and without (-aac_pns 0,
 * moov box first); ALAC made by ffmpeg, bit-exact with the PCM it was made from.
 */
class M4aTest {
    private static final String AAC = "audio/test30_10s_5s.m4a";
    private static final String AAC_NO_PNS = "audio/test30_10s_5s_nopns.m4a";
    private static final String ALAC = "audio/test30_10s_2.5s_alac.m4a";

    @TempDir
    Path dir;

    @Test
    void aacMatchesFfmpegAtLagZeroAndSameLength() throws Exception {
        float[] ref = AudioLoader.load(Signals.fixture("audio/ff_aac_mono.flac"), 0, 0).samples();
        Waveform w = AudioLoader.load(Signals.fixture(AAC), 0, 0);
        assertEquals(44100, w.sampleRate());
        assertEquals(220_500, ref.length);
        Signals.assertAlignedLike("aac (PNS) vs ffmpeg", w.samples(), ref, 50_000, 20);
        float[] refNoPns = AudioLoader.load(Signals.fixture("audio/ff_aac_nopns_mono.flac"), 0, 0).samples();
        float[] y = AudioLoader.load(Signals.fixture(AAC_NO_PNS), 0, 0).samples();
        Signals.assertAlignedLike("aac (no PNS) vs ffmpeg", y, refNoPns, 50_000, 48);
    }

    @Test
    void aacWithNoiseSubstitutionDecodesTheSameEveryTime() throws Exception {
        float[] a = AudioLoader.load(Signals.fixture(AAC), 0, 0).samples();
        float[] b = AudioLoader.load(Signals.fixture(AAC), 0, 0).samples();
        assertArrayEquals(a, b);
    }

    @Test
    void aacSpanIsASliceOfTheWholeDecode() throws Exception {
        float[] all = AudioLoader.load(Signals.fixture(AAC), 0, 0).samples();
        float[] y = AudioLoader.load(Signals.fixture(AAC), 1.0, 0.5).samples();
        assertArrayEquals(Arrays.copyOfRange(all, 44_100, 66_150), y);
    }

    @Test
    void truncatedAacGivesTheAudioBeforeTheCut() throws Exception {
        float[] all = AudioLoader.load(Signals.fixture(AAC_NO_PNS), 0, 0).samples();
        Path p = dir.resolve("cut.m4a");
        byte[] b = Files.readAllBytes(Signals.fixture(AAC_NO_PNS));
        Files.write(p, Arrays.copyOf(b, b.length / 2));
        float[] y = AudioLoader.load(p, 0, 0).samples();
        assertTrue(y.length > all.length / 3 && y.length < 2 * all.length / 3, "length " + y.length);
        assertArrayEquals(Arrays.copyOf(all, y.length), y);
    }

    @Test
    void alacIsBitExactWithLibrosaOnTheSourcePcm() throws Exception {
        float[] ref = Arrays.copyOfRange(Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat(), 441_000,
                551_250);
        Waveform w = AudioLoader.load(Signals.fixture(ALAC), 0, 0);
        assertEquals(44100, w.sampleRate());
        assertArrayEquals(ref, w.samples());
    }

    @Test
    void alacThreeChannelsIsBitExactWithFfmpeg() throws Exception {
        for (String bits : new String[] {"s16", "s24"}) {
            float[] ref = AudioLoader.load(Signals.fixture("audio/formats/ff_alac_" + bits + ".wav"), 0, 0).samples();
            Waveform w = AudioLoader.load(Signals.fixture("audio/formats/alac_" + bits + ".m4a"), 0, 0);
            assertEquals(11025, w.sampleRate());
            assertArrayEquals(ref, w.samples(), bits);
        }
    }
}
