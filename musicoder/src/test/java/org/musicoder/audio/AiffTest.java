package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;

/**
 * AIFF beyond the encodings of {@link FormatsTest}: a 1.5 s excerpt of test30 written by ffmpeg (frames 441000 to
 * 507150, 16-bit big-endian) equals librosa's load of test30.wav there; spans; an AIFF-C {@code NONE} file; cut data.
 */
class AiffTest {
    private static final int FROM = 441_000;
    private static final int TO = 507_150;

    @TempDir
    Path dir;

    @Test
    void ffmpegExcerptIsBitExactWithLibrosa() throws Exception {
        float[] ref = Arrays.copyOfRange(Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat(), FROM, TO);
        Waveform w = AudioLoader.load(Signals.fixture("audio/test30_10s_1.5s.aiff"), 0, 0);
        assertEquals(44100, w.sampleRate());
        assertArrayEquals(ref, w.samples());
    }

    @Test
    void spanIsReadLikeLibrosa() throws Exception {
        float[] ref = Arrays.copyOfRange(Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat(), FROM, TO);
        float[] y = AudioLoader.load(Signals.fixture("audio/test30_10s_1.5s.aiff"), 0.25, 0.5).samples();
        assertArrayEquals(Arrays.copyOfRange(ref, 11025, 11025 + 22050), y);
    }

    @Test
    void aifcNoneIsBigEndianPcm() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/formats/aifc_twos16.aifc"));
        int at = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("twos");
        System.arraycopy("NONE".getBytes(), 0, b, at, 4);
        Path p = dir.resolve("none.aifc");
        Files.write(p, b);
        float[] ref = Npy.read(Signals.fixture("audio/formats/aifc_twos16.npy")).toFloat();
        assertArrayEquals(ref, AudioLoader.load(p, 0, 0).samples());
    }

    @Test
    void truncatedDataGivesTheWholeFramesBeforeTheCut() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/formats/aiff_s16.aiff"));
        Path p = dir.resolve("cut.aiff");
        Files.write(p, Arrays.copyOf(b, b.length - 1001));
        float[] ref = Npy.read(Signals.fixture("audio/formats/aiff_s16.npy")).toFloat();
        float[] y = AudioLoader.load(p, 0, 0).samples();
        assertEquals(ref.length - 167, y.length, "1001 bytes = 166.8 frames of 3 x 16 bit");
        assertArrayEquals(Arrays.copyOf(ref, y.length), y);
    }
}
