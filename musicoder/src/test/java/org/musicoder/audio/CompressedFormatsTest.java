package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.musicoder.io.Npy;

/** FLAC against librosa's waveform, Ogg Vorbis and MP3 against ffmpeg's decodes of the same 30 s clip. */
class CompressedFormatsTest {
    @Test
    void flacIsBitExactWithLibrosa() throws Exception {
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        Waveform w = AudioLoader.load(Signals.fixture("audio/test30.flac"), 0, 0);
        assertEquals(44100, w.sampleRate());
        assertArrayEquals(ref, w.samples());
    }

    @Test
    void oggMatchesFfmpeg() throws Exception {
        float[] ref = Signals.s16leMono(Signals.fixture("audio/ff_ogg.s16le"), 2);
        Waveform w = AudioLoader.load(Signals.fixture("audio/test30.ogg"), 0, 0);
        assertEquals(44100, w.sampleRate());
        assertEquals(ref.length, w.samples().length);
        assertEquals(0, Signals.bestLag(w.samples(), ref, 200_000, 1 << 15, 2500));
        double snr = Signals.snrDb(w.samples(), ref);
        System.out.printf("ogg vs ffmpeg: %.2f dB%n", snr);
        assertTrue(snr >= 65, "SNR " + snr);
    }

    @Test
    void mp3MatchesFfmpeg() throws Exception {
        float[] ref = Signals.s16leMono(Signals.fixture("audio/ff_mp3.s16le"), 2);
        Waveform w = AudioLoader.load(Signals.fixture("audio/test30.mp3"), 0, 0);
        assertEquals(44100, w.sampleRate());
        assertEquals(0, Signals.bestLag(w.samples(), ref, 200_000, 1 << 15, 2500));
        double snr = Signals.snrDb(w.samples(), ref);
        System.out.printf("mp3 vs ffmpeg: %.2f dB, length %d vs %d%n", snr, w.samples().length, ref.length);
        assertEquals(ref.length, w.samples().length);
        assertTrue(snr >= 50, "SNR " + snr);
    }
}
