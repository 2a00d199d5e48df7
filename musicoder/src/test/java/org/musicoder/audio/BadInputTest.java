package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be loaded: each gives one AudioException naming the file and the reason, quickly. */
@Timeout(20)
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertFails(dir.resolve("nope.wav"), "no such file");
    }

    @Test
    void directory() {
        assertFails(dir, "is a directory");
    }

    @Test
    void emptyFile() throws Exception {
        assertFails(write(new byte[0]), "empty file");
    }

    @Test
    void garbageBytes() throws Exception {
        byte[] junk = new byte[5000];
        new Random(1).nextBytes(junk);
        junk[0] = 0x12;
        assertFails(write(junk), "not a recognized audio file");
    }

    @Test
    void wavHeaderCutShort() throws Exception {
        byte[] full = Files.readAllBytes(Signals.fixture("audio/test30.wav"));
        assertFails(write(Arrays.copyOf(full, 30)), "truncated WAV header");
        assertFails(write(Arrays.copyOf(full, 8)), "truncated WAV header");
        assertFails(write(Arrays.copyOf(full, 12)), "no fmt chunk");
        assertFails(write(Arrays.copyOf(full, 66)), "no data chunk");
    }

    @Test
    void auHeaderCutShort() throws Exception {
        assertFails(write(Bytes.be().ascii(".snd").u32(24).u32(100).toBytes()), "truncated AU header");
        assertFails(write(Bytes.be().ascii(".snd").u32(4096).u32(100).u32(3).u32(8000).u32(1).toBytes()),
                "past the end of the file");
    }

    @Test
    void aiffHeaderCutShortOrInvalid() throws Exception {
        byte[] full = Files.readAllBytes(Signals.fixture("audio/formats/aiff_s16.aiff"));
        assertFails(write(Arrays.copyOf(full, 10)), "truncated AIFF header");
        assertFails(write(Arrays.copyOf(full, 12)), "no COMM chunk and no SSND chunk");
        assertFails(write(Arrays.copyOf(full, 30)), "COMM chunk cut short");
        assertFails(write(Arrays.copyOf(full, 38)), "no SSND chunk");
        assertFails(write(Bytes.be().ascii("FORM").u32(100).ascii("AIFC").ascii("COMM").u32(22).u16(1).u32(1)
                .u16(16).u16(0x400C).u64(0xAC44000000000000L).ascii("ima4").toBytes()),
                "unsupported AIFF-C compression type 'ima4' (IMA ADPCM)");
        assertFails(write(Bytes.be().ascii("FORM").u32(100).ascii("AIFF").ascii("COMM").u32(18).u16(0).u32(1)
                .u16(16).u16(0x400C).u64(0xAC44000000000000L).toBytes()), "0 channels");
        assertFails(write(Bytes.be().ascii("FORM").u32(100).ascii("AIFF").ascii("COMM").u32(18).u16(1).u32(1)
                .u16(16).u16(0).u64(0).toBytes()), "sample rate 0");
    }

    @Test
    void garbageAfterAnAiffSignature() throws Exception {
        byte[] b = withJunk("FORM????AIFF");
        assertFails(write(b), "AIFF");
    }

    @Test
    void unsupportedWavCodecs() throws Exception {
        assertFails(wav(Bytes.fmt(0x55, 2, 44100, 0), new byte[8]), "format tag 0x0055 (MPEG Layer III)");
        assertFails(wav(Bytes.fmt(2, 1, 8000, 4), new byte[8]), "format tag 0x0002 (Microsoft ADPCM)");
        assertFails(wav(Bytes.fmt(3, 1, 8000, 16), new byte[8]), "16 bits for IEEE float");
    }

    @Test
    void unsupportedExtensibleSubFormat() throws Exception {
        byte[] fmt = Bytes.le().bytes(Bytes.fmt(0xFFFE, 1, 8000, 16)).u16(22).u16(16).u32(4)
                .u32(1).u16(0).u16(0x10).u32(0x12345678).u32(0x9ABCDEF0L).toBytes();
        assertFails(wav(fmt, new byte[8]), "sub-format GUID");
    }

    @Test
    void unsupportedContainers() throws Exception {
        assertFails(write(Bytes.be().ascii("FORM").u32(100).ascii("8SVX").toBytes()), "IFF file of type '8SVX'");
        assertFails(write(Bytes.le().ascii("RIFF").u32(100).ascii("AVI LIST").toBytes()), "is not WAV");
        assertFails(write(Bytes.be().ascii(".snd").u32(24).u32(8).u32(23).u32(8000).u32(1).u64(0).toBytes()),
                "unsupported AU encoding 23");
    }

    @Test
    void oggWithAnotherCodec() {
        assertFails(Signals.fixture("audio/formats/sine_0.1s_flac.oga"), "unsupported Ogg codec: FLAC in Ogg");
    }

    @Test
    void opusCutShortOrInvalid() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/test30_10s_5s.opus"));
        int second = 4;
        while (!new String(b, second, 4, StandardCharsets.ISO_8859_1).equals("OggS")) second++;
        assertFails(write(Arrays.copyOf(b, second)), "truncated Ogg Opus header (OpusTags packet missing)");
        assertFails(write(Arrays.copyOf(b, 40)), "truncated or invalid Ogg file");
        byte[] noChannels = b.clone();
        noChannels[28 + 9] = 0;
        assertFails(write(Bytes.withOggCrc(noChannels, 0)), "invalid Opus header: 0 channels");
        byte[] family = b.clone();
        family[28 + 18] = 2;
        assertFails(write(Bytes.withOggCrc(family, 0)), "unsupported Opus channel mapping family 2");
    }

    @Test
    void oggCommentLengthsBeyondThePacket() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/test30.ogg"));
        int page = 4;
        while (!new String(b, page, 4, StandardCharsets.ISO_8859_1).equals("OggS")) page++;
        int body = page + 27 + (b[page + 26] & 0xFF);
        assertEquals("\u0003vorbis", new String(b, body, 7, StandardCharsets.ISO_8859_1), "comment header");
        ByteBuffer vendor = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int count = body + 11 + vendor.getInt(body + 7);
        byte[] hugeVendor = b.clone();
        ByteBuffer.wrap(hugeVendor).order(ByteOrder.LITTLE_ENDIAN).putInt(body + 7, 0x7FFFFFF0);
        assertFails(write(Bytes.withOggCrc(hugeVendor, page)), "corrupt Vorbis comment header");
        byte[] hugeCount = b.clone();
        ByteBuffer.wrap(hugeCount).order(ByteOrder.LITTLE_ENDIAN).putInt(count, 0x7FFFFFF0);
        assertFails(write(Bytes.withOggCrc(hugeCount, page)), "corrupt Vorbis comment header");
    }

    @Test
    void m4aCutShortOrInvalid() throws Exception {
        byte[] moovLast = Files.readAllBytes(Signals.fixture("audio/test30_10s_5s.m4a"));
        assertFails(write(Arrays.copyOf(moovLast, moovLast.length / 2)), "no moov box");
        byte[] moovFirst = Files.readAllBytes(Signals.fixture("audio/test30_10s_5s_nopns.m4a"));
        assertFails(write(Arrays.copyOf(moovFirst, 600)), "moov box (track index) is cut short");
        byte[] ac3 = moovFirst.clone();
        int at = new String(ac3, StandardCharsets.ISO_8859_1).indexOf("mp4a");
        System.arraycopy("ac-3".getBytes(), 0, ac3, at, 4);
        assertFails(write(ac3), "unsupported MP4 audio codec 'ac-3' (Dolby Digital)");
        assertFails(write(withJunk("\0\0\0\u0018ftypM4A ")), "MP4");
    }

    @Test
    void alacFrameWithGarbage() throws Exception {
        byte[] b = Files.readAllBytes(Signals.fixture("audio/formats/alac_s16.m4a"));
        int mdat = new String(b, StandardCharsets.ISO_8859_1).indexOf("mdat");
        Arrays.fill(b, mdat + 4, mdat + 40, (byte) 0xFF);
        assertFails(write(b), "corrupt or unreadable ALAC data");
    }

    @Test
    void zeroChannels() throws Exception {
        assertFails(wav(Bytes.fmt(1, 0, 8000, 16), new byte[8]), "0 channels");
        assertFails(write(Bytes.be().ascii(".snd").u32(24).u32(8).u32(3).u32(8000).u32(0).u64(0).toBytes()),
                "0 channels");
    }

    @Test
    void zeroSampleRate() throws Exception {
        assertFails(wav(Bytes.fmt(1, 1, 0, 16), new byte[8]), "sample rate 0");
    }

    @Test
    void nonFiniteFloatSamples() throws Exception {
        byte[] nan = Bytes.le().f32(0.5f).f32(0.25f).f32(Float.NaN).f32(0f).toBytes();
        assertFails(wav(Bytes.fmt(3, 2, 8000, 32), nan), "sample 1 of channel 0 is NaN");
        byte[] inf = Bytes.le().f32(0.5f).f32(Float.NEGATIVE_INFINITY).toBytes();
        assertFails(wav(Bytes.fmt(3, 1, 8000, 32), inf), "sample 1 of channel 0 is -Infinity");
    }

    /** Fuzzing finding (AU, 5 channels of float32): finite samples whose mean overflows float32 loaded as infinity. */
    @Test
    void floatSamplesWhoseMeanOverflows() throws Exception {
        byte[] big = Bytes.le().f32(3e38f).f32(3e38f).f32(0.5f).f32(0.5f).toBytes();
        assertFails(wav(Bytes.fmt(3, 2, 8000, 32), big), "the mean of frame 0's 2 channels is Infinity");
    }

    @Test
    void moreSamplesThanAnArrayHolds() throws Exception {
        assertFails(Bytes.sparseWav(dir, 3_000_000_000L), "more than one array can hold");
    }

    @Test
    void moreSamplesThanTheHeapHolds() throws Exception {
        long frames = Runtime.getRuntime().maxMemory() / 4 + 1;
        assertFails(Bytes.sparseWav(dir, frames), frames > MonoSink.MAX_FRAMES ? "more than one array can hold"
                : "more than the maximum heap");
    }

    @Test
    void garbageAfterAFlacSignature() throws Exception {
        assertFails(write(withJunk("fLaC")), "FLAC");
    }

    @Test
    void garbageAfterAnOggSignature() throws Exception {
        assertFails(write(withJunk("OggS")), "Ogg");
    }

    @Test
    void garbageAfterAnId3Tag() throws Exception {
        byte[] b = withJunk("ID3");
        b[3] = 4;
        b[5] = 0;
        Arrays.fill(b, 6, 10, (byte) 0);
        assertFails(write(b), "MPEG");
    }


    private static byte[] withJunk(String magic) {
        byte[] b = new byte[20000];
        new Random(2).nextBytes(b);
        System.arraycopy(magic.getBytes(), 0, b, 0, magic.length());
        return b;
    }

    private Path wav(byte[] fmt, byte[] data) throws Exception {
        return write(Bytes.wav(Bytes.le().chunk("fmt ", fmt).chunk("data", data).toBytes()));
    }

    private Path write(byte[] b) throws Exception {
        Path p = dir.resolve("in.bin");
        Files.write(p, b);
        return p;
    }

    private static void assertFails(Path file, String reason) {
        AudioException e = assertThrows(AudioException.class, () -> AudioLoader.load(file, 0, 0));
        assertEquals(file.toString(), e.file());
        assertTrue(e.reason().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
