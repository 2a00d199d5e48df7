package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;

/**
 * The FLAC decoder against librosa (libsndfile + libFLAC) on files made by ffmpeg's encoder so that each part of
 * the format occurs (fixtures/audio/flac, made by make_flac_cases.py: every stereo decorrelation, fixed and LPC
 * predictors up to order 32, 8-bit partitions, 24 bits at 48 kHz, 6 channels, 576-sample blocks), bit for bit;
 * and damaged files: a flipped bit inside a frame is an error naming the place (librosa: "lost sync"), bytes
 * after the last frame are ignored.
 */
class FlacTest {
    private static final Path INDEP = Signals.fixture("audio/flac/flac_indep_s16.flac");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"indep_s16", "left_side_s16", "right_side_s16", "mid_side_s16", "fixed_only_s16",
            "lpc32_s16", "level0_s16", "mono_s16", "s24_48k", "six_ch_s16", "blocksize_576_s16"})
    void matchesLibrosaBitForBit(String name) throws Exception {
        float[] ref = Npy.read(Signals.fixture("audio/flac/flac_" + name + ".npy")).toFloat();
        Waveform w = AudioLoader.load(Signals.fixture("audio/flac/flac_" + name + ".flac"), 0, 0);
        assertEquals(name.endsWith("48k") ? 48000 : 44100, w.sampleRate());
        assertArrayEquals(ref, w.samples(), name);
    }

    @Test
    void aFlippedBitInsideAFrameIsAnErrorSayingWhere() throws Exception {
        byte[] b = Files.readAllBytes(INDEP);
        List<Integer> frames = frameStarts(b);
        assertTrue(frames.size() >= 3, "frames " + frames);
        b[(frames.get(1) + frames.get(2)) / 2] ^= 0x10;
        Path p = write("flipped.flac", b);
        AudioException e = assertThrows(AudioException.class, () -> AudioLoader.load(p, 0, 0));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt FLAC data after 0.093 s"), e.getMessage());
    }

    @Test
    void aDamagedFrameHeaderIsAnError() throws Exception {
        byte[] b = Files.readAllBytes(INDEP);
        int second = frameStarts(b).get(1);
        b[second + 2] ^= 0x01; // a bit of the frame header: its CRC-8 fails
        Path p = write("header.flac", b);
        AudioException e = assertThrows(AudioException.class, () -> AudioLoader.load(p, 0, 0));
        assertTrue(e.getMessage().contains("CRC-8"), e.getMessage());
    }

    @Test
    void bytesAfterTheLastFrameAreIgnored() throws Exception {
        byte[] b = Files.readAllBytes(INDEP);
        byte[] tag = new byte[128]; // an ID3v1 tag, as some taggers append to FLAC files
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        Arrays.fill(tag, 3, 33, (byte) 'x');
        byte[] tagged = Arrays.copyOf(b, b.length + tag.length);
        System.arraycopy(tag, 0, tagged, b.length, tag.length);
        float[] ref = AudioLoader.load(INDEP, 0, 0).samples();
        assertArrayEquals(ref, AudioLoader.load(write("tagged.flac", tagged), 0, 0).samples());
    }

    @Test
    void everyTruncationGivesTheWholeFramesBeforeIt() throws Exception {
        byte[] b = Files.readAllBytes(INDEP);
        float[] ref = AudioLoader.load(INDEP, 0, 0).samples();
        List<Integer> frames = frameStarts(b);
        for (int cut = frames.get(0); cut < b.length; cut += 997) {
            int whole = 0;
            for (int f = 1; f < frames.size(); f++) if (frames.get(f) <= cut) whole = f;
            float[] y = AudioLoader.load(write("cut.flac", Arrays.copyOf(b, cut)), 0, 0).samples();
            assertEquals(whole * 4096, y.length, "cut at byte " + cut);
            assertArrayEquals(Arrays.copyOf(ref, y.length), y);
        }
    }

    /** Offsets of the frame sync codes (0xFFF8) past the metadata; ffmpeg's encoder writes 4096-sample frames. */
    private static List<Integer> frameStarts(byte[] b) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 42; i + 1 < b.length; i++) if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xF8) starts.add(i);
        return starts;
    }

    private Path write(String name, byte[] b) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }
}
