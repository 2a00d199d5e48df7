package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Loads audio files as mono float waveforms, the way {@code librosa.load} does: WAV (incl. RF64, float, A/mu-law),
 * AU, AIFF/AIFF-C (PCM, float, A/mu-law), FLAC, Ogg Vorbis, Ogg Opus, MP4/M4A (AAC, ALAC) and MP3, recognized by
 * their content, not their file name (past any ID3v2 tags, which libsndfile also skips).
 *
 * <p>Damaged files: a file whose sample data is cut short gives the audio before the cut (whole frames for
 * WAV/AU, as soundfile does; the last complete FLAC frame, Ogg page or MP3 frame otherwise); a file whose header
 * is cut short, a missing or empty file, an unknown format or codec, 0 channels, NaN/infinite float samples (or
 * float samples whose float32 mean of channels overflows), a
 * FLAC frame failing its CRC (librosa: "lost sync") are errors. Sizes in headers are never trusted for allocation:
 * a data size beyond the end of the file is clamped to the file, declared lengths of compressed streams only
 * pre-size the output when plausible for the file size,
 * and a result that cannot fit in one array or in the heap is an error saying so, not an
 * {@link OutOfMemoryError}. The decoded samples are held once: WAV/AU/AIFF read straight into the exactly sized
 * output, compressed formats decode block by block into it.
 */
public final class AudioLoader {
    private static final AudioDecoder MP3 = new Mp3Decoder();
    private static final List<AudioDecoder> DECODERS = List.of(new WavDecoder(), new AuDecoder(), new AiffDecoder(),
            new FlacDecoder(), new OggDecoder(), new M4aDecoder(), MP3);

    private static final String FORMATS = "WAV, AU, AIFF, FLAC, Ogg Vorbis/Opus, MP4/M4A (AAC, ALAC) and MP3";

    private AudioLoader() {}

    /**
     * Decodes {@code path} to mono (mean of channels, float32 values in [-1, 1] as libsndfile gives them) at its
     * native rate. Like {@code librosa.load(path, sr=None, offset=..., duration=...)}, the first sample returned is
     * frame {@code floor(offsetSeconds * sr)} and at most {@code floor(durationSeconds * sr)} frames are
     * returned. WAV, AU and AIFF read only the requested bytes; compressed formats are decoded from the start and
     * decoding stops once the requested span is complete.
     *
     * @param path            the audio file
     * @param offsetSeconds   start reading this many seconds in (finite, >= 0); an offset past the end is an error,
     *                        one exactly at the end gives an empty waveform
     * @param durationSeconds read at most this many seconds; {@code <= 0} or NaN reads to the end
     * @return the samples (length {@code min(frames - start, floor(durationSeconds * sr))}) and the native rate
     * @throws AudioException           if the file is missing, unreadable, not a supported format, or corrupt;
     *                                  the message names the file and the reason
     * @throws IllegalArgumentException if {@code offsetSeconds} is negative, NaN or infinite
     */
    public static Waveform load(Path path, double offsetSeconds, double durationSeconds) throws AudioException {
        Span span = new Span(offsetSeconds, durationSeconds);
        checkFile(path);
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer first = FileBytes.readAt(in, 0, AudioDecoder.HEAD_BYTES, ByteOrder.BIG_ENDIAN);
            if (!first.hasRemaining()) throw new AudioException(path, "empty file (0 bytes)");
            long start = Id3v2.end(in);
            byte[] head = bytes(start == 0 ? first : FileBytes.readAt(in, start, AudioDecoder.HEAD_BYTES,
                    ByteOrder.BIG_ENDIAN));
            for (AudioDecoder d : DECODERS) if (d.recognizes(head)) return d.decode(path, start, span);
            if (start > 0) return MP3.decode(path, 0, span);
            throw new AudioException(path, unrecognized(head));
        } catch (AudioException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioException(path.toString(), "cannot read: " + e, e);
        }
    }

    /** As {@link #load(Path, double, double)}, then resampled to {@code sampleRate} with {@link Resampler}. */
    public static Waveform load(Path path, int sampleRate, double offsetSeconds, double durationSeconds)
            throws AudioException {
        Waveform w = load(path, offsetSeconds, durationSeconds);
        if (w.sampleRate() == sampleRate) return w;
        return new Waveform(Resampler.resample(w.samples(), w.sampleRate(), sampleRate, false), sampleRate);
    }

    private static void checkFile(Path path) throws AudioException {
        if (!Files.exists(path)) throw new AudioException(path, "no such file");
        if (Files.isDirectory(path)) throw new AudioException(path, "is a directory, not an audio file");
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** A chunk id as text, bytes outside printable ASCII as {@code \xNN} (a message stays one line). */
    private static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) sb.append(c);
            else sb.append(String.format("\\x%02X", (int) c));
        }
        return sb.toString();
    }

    private static String unrecognized(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (s.startsWith("FORM") && s.length() >= 12)
            return "IFF file of type '" + printable(s.substring(8, 12)) + "' is not AIFF";
        if (s.startsWith("caff"))
            return "unsupported audio format: CAF (only " + FORMATS + " are read)";
        if (s.startsWith("RIFF") && s.length() >= 12)
            return "RIFF file of type '" + printable(s.substring(8, 12)) + "' is not WAV";
        StringBuilder hex = new StringBuilder();
        for (byte b : head) hex.append(String.format(" %02X", b));
        return "not a recognized audio file (" + FORMATS + "); first bytes:" + hex;
    }
}
