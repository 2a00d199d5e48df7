package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;
import org.musicoder.fuzz.FuzzFiles;

/**
 * Coverage-guided fuzz targets of the audio decoders (docs/fuzzing.md). Contract: an input loads, with finite samples
 * at a positive rate, or is refused with an {@link AudioException} whose one-line message names the file and the
 * reason; anything else (another exception, an {@link OutOfMemoryError}, more than 10 s) is a finding. {@code mvn
 * test} replays the committed inputs in {@code DecoderFuzzTestInputs/<target>/}; {@code environment/fuzz.sh} fuzzes.
 */
@Timeout(10)
class DecoderFuzzTest {
    /** Format sniffing: the whole of {@link AudioLoader#load(Path, double, double)} on any bytes. */
    @FuzzTest(maxDuration = "30s")
    void sniff(byte[] data) throws IOException {
        Path file = FuzzFiles.write("input.audio", data);
        try {
            check(AudioLoader.load(file, 0, 0));
        } catch (AudioException e) {
            FuzzFiles.assertNamed(e, file);
        }
    }

    /** {@link AudioLoader#load(Path, double, double)} with an offset and a duration from the input. */
    @FuzzTest(maxDuration = "30s")
    void span(FuzzedDataProvider in) throws IOException {
        double offset = in.consumeBoolean() ? in.consumeDouble() : in.consumeProbabilityDouble();
        double duration = in.consumeDouble();
        Path file = FuzzFiles.write("input.audio", in.consumeRemainingAsBytes());
        boolean validOffset = offset >= 0 && Double.isFinite(offset);
        try {
            check(AudioLoader.load(file, offset, duration));
            assertTrue(validOffset, () -> "offset " + offset + " accepted");
        } catch (AudioException e) {
            FuzzFiles.assertNamed(e, file);
        } catch (IllegalArgumentException e) {
            if (validOffset) throw e;
        }
    }

    @FuzzTest(maxDuration = "30s")
    void wav(byte[] data) throws IOException {
        decode(new WavDecoder(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void au(byte[] data) throws IOException {
        decode(new AuDecoder(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void aiff(byte[] data) throws IOException {
        decode(new AiffDecoder(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void flac(byte[] data) throws IOException {
        decode(new FlacDecoder(), data);
    }

    /** Ogg Vorbis, Ogg Opus and Ogg FLAC. */
    @FuzzTest(maxDuration = "30s")
    void ogg(byte[] data) throws IOException {
        decode(new OggDecoder(), data);
    }

    /** MP4/M4A with AAC or ALAC. */
    @FuzzTest(maxDuration = "30s")
    void m4a(byte[] data) throws IOException {
        decode(new M4aDecoder(), data);
    }

    /** MP3 with ID3v2 tags and Xing/LAME headers. */
    @FuzzTest(maxDuration = "30s")
    void mp3(byte[] data) throws IOException {
        decode(new Mp3Decoder(), data);
    }

    /** One decoder on the inputs it recognizes (past ID3v2 tags, as the loader calls it); other inputs are skipped. */
    private static void decode(AudioDecoder decoder, byte[] data) throws IOException {
        Path file = FuzzFiles.write("input." + decoder.getClass().getSimpleName(), data);
        long start;
        byte[] head;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            start = Id3v2.end(in);
            var b = FileBytes.readAt(in, start, AudioDecoder.HEAD_BYTES, ByteOrder.BIG_ENDIAN);
            head = Arrays.copyOf(b.array(), b.remaining());
        }
        if (head.length == 0 || !decoder.recognizes(head)) return;
        try {
            check(decoder.decode(file, start, new Span(0, 0)));
        } catch (AudioException e) {
            FuzzFiles.assertNamed(e, file);
        }
    }

    private static void check(Waveform w) {
        assertTrue(w.sampleRate() > 0, () -> "sample rate " + w.sampleRate());
        for (float x : w.samples()) assertTrue(Float.isFinite(x), "a sample is not finite");
    }
}
