package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;

/**
 * Ogg Opus: a 5 s excerpt of test30 (frames 441000-661500, libopus 96 kb/s by ffmpeg) against ffmpeg 9's decode of
 * it (ff_opus_mono.flac: (l + r) / 2 at 16 bits), and against libsndfile's float decode at 16 kHz.
 */
class OpusTest {
    private static final String OPUS = "audio/test30_10s_5s.opus";

    @TempDir
    Path dir;

    @Test
    void matchesFfmpegAtLagZeroAndSameLength() throws Exception {
        float[] ref = AudioLoader.load(Signals.fixture("audio/ff_opus_mono.flac"), 0, 0).samples();
        Waveform w = AudioLoader.load(Signals.fixture(OPUS), 0, 0);
        assertEquals(48000, w.sampleRate());
        assertEquals(240_000, ref.length);
        Signals.assertAlignedLike("opus vs ffmpeg", w.samples(), ref, 50_000, 55);
    }

    @Test
    void spanIsASliceOfTheWholeDecode() throws Exception {
        float[] all = AudioLoader.load(Signals.fixture(OPUS), 0, 0).samples();
        float[] y = AudioLoader.load(Signals.fixture(OPUS), 1.0, 0.5).samples();
        assertArrayEquals(Arrays.copyOfRange(all, 48_000, 72_000), y);
    }

    @Test
    void sixteenKiloHertzInputDecodesAtSixteenKiloHertzLikeLibsndfile() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture(OPUS));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(28 + 12, 16000);
        Path p = dir.resolve("in16k.opus");
        Files.write(p, Bytes.withOggCrc(b, 0));
        Waveform w = AudioLoader.load(p, 0, 0);
        assertEquals(16000, w.sampleRate());
        assertEquals(80_000, w.samples().length);
        float[] ref = Npy.read(Signals.fixture("audio/librosa_lossy/opus16k_1s_1s.npy")).toFloat();
        double snr = Signals.snrDb(Arrays.copyOfRange(w.samples(), 16_000, 32_000), ref);
        System.out.printf("opus at 16 kHz vs libsndfile: %.2f dB%n", snr);
        assertTrue(snr >= 60, "SNR " + snr);
    }

    @Test
    void shortMonoFileHasTheGranuleLength() throws Exception {
        Waveform w = AudioLoader.load(Signals.fixture("audio/formats/sine_0.1s.opus"), 0, 0);
        assertEquals(48000, w.sampleRate());
        assertEquals(4800, w.samples().length);
    }

    @Test
    void truncatedFileGivesTheAudioBeforeTheCut() throws Exception {
        float[] all = AudioLoader.load(Signals.fixture(OPUS), 0, 0).samples();
        Path p = dir.resolve("cut.opus");
        Files.write(p, Arrays.copyOf(Files.readAllBytes(Signals.fixture(OPUS)), 30_000));
        float[] y = AudioLoader.load(p, 0, 0).samples();
        assertTrue(y.length > all.length / 3 && y.length < 2 * all.length / 3, "length " + y.length);
        assertArrayEquals(Arrays.copyOf(all, y.length), y);
    }
}
