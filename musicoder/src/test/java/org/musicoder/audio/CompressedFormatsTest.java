package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;

/**
 * FLAC against librosa's waveform, Ogg Vorbis and MP3 against ffmpeg's decodes of the same 30 s clip and
 * against a slice of librosa's; a file cut in the middle gives the audio before the cut.
 */
class CompressedFormatsTest {
    @TempDir
    Path dir;

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

    @Test
    void oggMatchesLibrosaFloatDecode() throws Exception {
        assertMatchesLibrosa("ogg");
    }

    @Test
    void mp3MatchesLibrosaFloatDecode() throws Exception {
        assertMatchesLibrosa("mp3");
    }

    /** 1 s from 10 s against librosa's own float decode (libvorbis, mpg123): within 1e-6 (measured 1-5e-7). */
    private static void assertMatchesLibrosa(String ext) throws Exception {
        float[] ref = Npy.read(Signals.fixture("audio/librosa_lossy/" + ext + "_10s_1s.npy")).toFloat();
        float[] y = AudioLoader.load(Signals.fixture("audio/test30." + ext), 10.0, 1.0).samples();
        assertArrayEquals(ref, y, 1e-6f);
    }

    @Test
    void mpeg2MonoWithLameTagMatchesFfmpeg() throws Exception {
        assertMatchesFfmpeg("audio/mp3/xing.mp3", "audio/mp3/ff_xing.s16le");
    }

    @Test
    void mp3WithoutXingFrameKeepsEveryDecodedSampleLikeFfmpeg() throws Exception {
        assertMatchesFfmpeg("audio/mp3/noxing.mp3", "audio/mp3/ff_noxing.s16le");
    }

    /** A 2 s mono 22.05 kHz MP3: same length as ffmpeg's decode, no lag, SNR >= 50 dB. */
    private static void assertMatchesFfmpeg(String mp3, String ffmpeg) throws Exception {
        float[] ref = Signals.s16leMono(Signals.fixture(ffmpeg), 1);
        Waveform w = AudioLoader.load(Signals.fixture(mp3), 0, 0);
        assertEquals(22050, w.sampleRate());
        assertEquals(ref.length, w.samples().length);
        assertEquals(0, Signals.bestLag(w.samples(), ref, 5000, 1 << 14, 2500));
        double snr = Signals.snrDb(w.samples(), ref);
        System.out.printf("%s vs ffmpeg: %.2f dB%n", mp3, snr);
        assertTrue(snr >= 50, "SNR " + snr);
    }

    @Test
    void truncatedFlacGivesTheFramesBeforeTheCut() throws Exception {
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        float[] y = AudioLoader.load(cut("audio/test30.flac", 1_000_000), 0, 0).samples();
        assertTrue(y.length > ref.length / 4 && y.length < ref.length / 2, "length " + y.length);
        assertArrayEquals(Arrays.copyOf(ref, y.length), y);
    }

    @Test
    void truncatedOggGivesTheAudioBeforeTheCut() throws Exception {
        float[] ref = Signals.s16leMono(Signals.fixture("audio/ff_ogg.s16le"), 2);
        float[] y = AudioLoader.load(cut("audio/test30.ogg", 300_000), 0, 0).samples();
        assertTrue(y.length > ref.length / 3 && y.length < 2 * ref.length / 3, "length " + y.length);
        assertTrue(Signals.snrDb(y, Arrays.copyOf(ref, y.length)) >= 65);
    }

    @Test
    void truncatedMp3GivesTheAudioBeforeTheCut() throws Exception {
        float[] ref = Signals.s16leMono(Signals.fixture("audio/ff_mp3.s16le"), 2);
        float[] y = AudioLoader.load(cut("audio/test30.mp3", 360_000), 0, 0).samples();
        assertTrue(y.length > ref.length / 3 && y.length < 2 * ref.length / 3, "length " + y.length);
        assertTrue(Signals.snrDb(y, Arrays.copyOf(ref, y.length)) >= 50);
    }

    @Test
    void flacDeclaringAHugeLengthIsNotTrusted() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/test30.flac"));
        ByteBuffer info = ByteBuffer.wrap(b, 18, 8);
        info.putLong(18, info.getLong(18) | 0xFFFFFFFFFL);
        Path p = dir.resolve("huge.flac");
        Files.write(p, b);
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        assertArrayEquals(ref, AudioLoader.load(p, 0, 0).samples());
    }

    @Test
    void flacMetadataWithAbsurdInnerLengthsIsSkipped() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/test30.flac"));
        assertEquals(0, b[4], "STREAMINFO, not the last block");
        byte[] picture = ByteBuffer.allocate(4 + 32).putInt(0x06_000020).putInt(3).putInt(0x7FFFFFF0).array();
        byte[] edited = new byte[b.length + picture.length];
        System.arraycopy(b, 0, edited, 0, 42);
        System.arraycopy(picture, 0, edited, 42, picture.length);
        System.arraycopy(b, 42, edited, 42 + picture.length, b.length - 42);
        Path p = dir.resolve("picture.flac");
        Files.write(p, edited);
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        assertArrayEquals(Arrays.copyOf(ref, 44100), AudioLoader.load(p, 0, 1).samples());
    }

    @Test
    void mp3DeclaringAHugeFrameCountIsNotTrusted() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/test30.mp3"));
        int frames = 0x51 + 8;
        assertEquals(0x47E, ByteBuffer.wrap(b).getInt(frames), "Xing frame count of test30.mp3");
        ByteBuffer.wrap(b).putInt(frames, -1);
        Path p = dir.resolve("huge.mp3");
        Files.write(p, b);
        float[] ref = Signals.s16leMono(Signals.fixture("audio/ff_mp3.s16le"), 2);
        float[] y = AudioLoader.load(p, 0, 0).samples();
        assertTrue(y.length >= ref.length && y.length < ref.length + 2 * 1152, "length " + y.length);
        assertTrue(Signals.snrDb(y, ref) >= 50);
    }

    private Path cut(String fixture, int bytes) throws Exception {
        Path p = dir.resolve("cut.bin");
        Files.write(p, Arrays.copyOf(Files.readAllBytes(Signals.fixture(fixture)), bytes));
        return p;
    }
}
