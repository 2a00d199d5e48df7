package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;

/**
 * WAV/AU container layouts written by hand: chunks to skip, odd padding, sizes that lie, truncation. Expected
 * samples follow soundfile's rules (PCM16 x / 32768; mean of channels; a truncated data chunk gives the whole
 * frames present, as soundfile returned 249980 frames for test30.wav cut to 1000001 bytes).
 */
class WavLayoutTest {
    @TempDir
    Path dir;

    @Test
    void skipsUnknownChunksAndOddPadding() throws Exception {
        byte[] chunks = Bytes.le()
                .chunk("junk", new byte[] {1, 2, 3})
                .chunk("fmt ", Bytes.fmt(1, 2, 8000, 16))
                .chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 9})
                .chunk("data", Bytes.s16(1000, 3000, -32768, -32768, 32767, 1, 0, -1)).toBytes();
        Waveform w = load(Bytes.wav(chunks));
        assertEquals(8000, w.sampleRate());
        assertArrayEquals(new float[] {2000 / 32768f, -1f, 32768 / 2f / 32768f, -0.5f / 32768f}, w.samples());
    }

    @Test
    void emptyDataChunkGivesNoSamples() throws Exception {
        Waveform w = load(Bytes.wav(Bytes.le().chunk("fmt ", Bytes.fmt(1, 1, 8000, 16)).chunk("data", new byte[0])
                .toBytes()));
        assertEquals(0, w.samples().length);
    }

    @Test
    void dataSizeZeroMeansNoSamplesEvenWithBytesAfterIt() throws Exception {
        // soundfile returned (0, 2) for this file; with size 0xFFFFFFFF it returned all 4 frames
        byte[] chunks = Bytes.le().chunk("fmt ", Bytes.fmt(1, 2, 8000, 16)).ascii("data").u32(0)
                .bytes(Bytes.s16(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000)).toBytes();
        assertEquals(0, load(Bytes.wav(chunks)).samples().length);
    }

    @Test
    void bigEndianRifx() throws Exception {
        byte[] fmt = Bytes.be().u16(1).u16(1).u32(16000).u32(32000).u16(2).u16(16).toBytes();
        byte[] data = Bytes.be().u16(256).u16(-2).toBytes();
        byte[] body = Bytes.be().ascii("WAVE").ascii("fmt ").u32(16).bytes(fmt).ascii("data").u32(4).bytes(data)
                .toBytes();
        Waveform w = load(Bytes.be().ascii("RIFX").u32(body.length).bytes(body).toBytes());
        assertArrayEquals(new float[] {256 / 32768f, -2 / 32768f}, w.samples());
    }

    @Test
    void dataSizeBeyondTheFileIsClampedToWholeFrames() throws Exception {
        byte[] data = Bytes.le().bytes(Bytes.s16(100, 200, 300, 400, 500)).u8(7).toBytes();
        byte[] chunks = Bytes.le().chunk("fmt ", Bytes.fmt(1, 2, 8000, 16)).ascii("data").u32(0x7FFFFFF0L)
                .bytes(data).toBytes();
        Waveform w = load(Bytes.wav(chunks));
        assertArrayEquals(new float[] {150 / 32768f, 350 / 32768f}, w.samples());
    }

    @Test
    void truncatedDataGivesTheFramesPresent() throws Exception {
        byte[] full = Files.readAllBytes(Signals.fixture("audio/test30.wav"));
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        Waveform w = load(Arrays.copyOf(full, 1000001));
        assertArrayEquals(Arrays.copyOf(ref, 249980), w.samples());
    }

    @Test
    void auWithUnknownDataSizeReadsToTheEnd() throws Exception {
        byte[] au = Bytes.be().ascii(".snd").u32(28).u32(0xFFFFFFFFL).u32(3).u32(22050).u32(1).u32(0)
                .u16(-16384).u16(8192).u16(1).toBytes();
        Waveform w = load(au);
        assertEquals(22050, w.sampleRate());
        assertArrayEquals(new float[] {-0.5f, 0.25f, 1 / 32768f}, w.samples());
    }

    @Test
    void skipsAnId3TagBeforeWavOrFlacAsLibsndfileDoes() throws Exception {
        byte[] tag = Bytes.be().ascii("ID3").u8(4).u8(0).u8(0).u32(10).bytes(new byte[10]).toBytes();
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        for (String ext : new String[] {"wav", "flac"}) {
            byte[] audio = Files.readAllBytes(Signals.fixture("audio/test30." + ext));
            Waveform w = load(Bytes.be().bytes(tag).bytes(audio).toBytes());
            assertArrayEquals(ref, w.samples(), ext);
        }
    }

    @Test
    void recognizesContentNotExtension() throws Exception {
        Path p = dir.resolve("clip.mp3");
        Files.copy(Signals.fixture("audio/test30.flac"), p);
        float[] ref = Npy.read(Signals.fixture("librosa/test30_wav/y.npy")).toFloat();
        assertArrayEquals(Arrays.copyOf(ref, 4410), AudioLoader.load(p, 0, 0.1).samples());
    }

    @Test
    void seeksInsteadOfReadingAHugeFile() throws Exception {
        long frames = 3_000_000_000L;
        Path p = Bytes.sparseWav(dir, frames);
        long t0 = System.nanoTime();
        Waveform w = AudioLoader.load(p, (frames - 80) / 8000.0, 0);
        assertTrue(System.nanoTime() - t0 < 5e9, "took too long");
        float[] silence = new float[80];
        Arrays.fill(silence, -1f);
        assertArrayEquals(silence, w.samples());
    }


    private Waveform load(byte[] file) throws Exception {
        Path p = dir.resolve("t.bin");
        Files.write(p, file);
        return AudioLoader.load(p, 0, 0);
    }
}
