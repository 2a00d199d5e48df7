package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;

/**
 * Offset and duration as {@code librosa.load(sr=None, offset, duration)} applies them to test30 (start frames
 * and lengths measured with librosa 1.0, fixtures/audio/formats/meta.json "test30_spans").
 */
class SpanTest {
    /** (offset s, duration s (0 = to the end), librosa's first frame, librosa's length). */
    private static final String SPANS = """
            1.2345, 0.5, 54441, 22050
            0.00001, 0.00002, 0, 0
            29.9, 5.0, 1318590, 4410
            10.0, 0, 441000, 882000
            0.5, 0.000001, 22050, 0
            30.0, 0, 1323000, 0
            """;

    @ParameterizedTest
    @CsvSource(textBlock = SPANS)
    void wavSpanIsLibrosasSlice(double offset, double duration, int start, int length) throws Exception {
        assertSlice("audio/test30.wav", offset, duration, start, length);
    }

    @ParameterizedTest
    @CsvSource(textBlock = SPANS)
    void flacSpanIsLibrosasSlice(double offset, double duration, int start, int length) throws Exception {
        assertSlice("audio/test30.flac", offset, duration, start, length);
    }

    @ParameterizedTest
    @CsvSource(textBlock = SPANS)
    void oggSpanIsFfmpegSlice(double offset, double duration, int start, int length) throws Exception {
        assertLossySlice("audio/test30.ogg", "audio/ff_ogg.s16le", offset, duration, start, length, 65);
    }

    @ParameterizedTest
    @CsvSource(textBlock = SPANS)
    void mp3SpanIsFfmpegSlice(double offset, double duration, int start, int length) throws Exception {
        assertLossySlice("audio/test30.mp3", "audio/ff_mp3.s16le", offset, duration, start, length, 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "flac", "ogg", "mp3"})
    void offsetPastTheEndIsAnError(String ext) {
        AudioException e = assertThrows(AudioException.class,
                () -> AudioLoader.load(Signals.fixture("audio/test30." + ext), 30.5, 0));
        assertTrue(e.getMessage().contains("test30." + ext) && e.reason().contains("past the end"), e.getMessage());
        AudioException far = assertThrows(AudioException.class,
                () -> AudioLoader.load(Signals.fixture("audio/test30." + ext), 1e300, 1));
        assertTrue(far.reason().contains("past the end"), far.getMessage());
    }

    @Test
    void negativeOrNanOffsetIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> AudioLoader.load(Signals.fixture("audio/test30.wav"), -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> AudioLoader.load(Signals.fixture("audio/test30.wav"), Double.NaN, 0));
    }

    private static void assertSlice(String file, double offset, double duration, int start, int length)
            throws Exception {
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        Waveform w = AudioLoader.load(Signals.fixture(file), offset, duration);
        assertArrayEquals(Arrays.copyOfRange(ref, start, start + length), w.samples());
    }

    private static void assertLossySlice(String file, String ffmpeg, double offset, double duration, int start,
                                         int length, double minSnrDb) throws Exception {
        float[] ref = Signals.s16leMono(Signals.fixture(ffmpeg), 2);
        Waveform w = AudioLoader.load(Signals.fixture(file), offset, duration);
        assertEquals(length, w.samples().length);
        if (length == 0) return;
        double snr = Signals.snrDb(w.samples(), Arrays.copyOfRange(ref, start, start + length));
        assertTrue(snr >= minSnrDb, "SNR " + snr + " dB");
    }
}
