package org.musicoder.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FLAC files (RFC 9639), decoded by {@link FlacFrame}. Samples of n bits become {@code x / 2^(n-1)}, as libsndfile
 * gives them, so the result is bit-exact with {@code librosa.load}. A file cut short ends after its last whole
 * frame, and bytes after the last frame that hold no other frame (a trailing tag) are ignored; damage before that
 * (a frame failing its CRCs or holding reserved codes) is an error naming where, as librosa (libsndfile: "lost
 * sync") refuses such files.
 */
final class FlacDecoder implements AudioDecoder {
    /** A 16-bit stereo stream would need 32:1 compression to exceed this many frames per file byte. */
    private static final long PLAUSIBLE_FRAMES_PER_BYTE = 8;

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && head[0] == 'f' && head[1] == 'L' && head[2] == 'a' && head[3] == 'C';
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(byteStart);
            StreamInfo info = readMetadata(file, in);
            long start = span.startFrame(info.rate);
            long expected = Math.min(info.total > 0 ? info.total - start : 0,
                    Files.size(file) * PLAUSIBLE_FRAMES_PER_BYTE);
            MonoSink sink = new MonoSink(name, start, span.maxFrames(info.rate), expected);
            FlacBits bits = new FlacBits(in);
            FlacFrame frame = new FlacFrame(bits, info.bits);
            long decoded = 0;
            while (!sink.full() && !bits.atEnd()) {
                try {
                    frame.read();
                } catch (FlacFrame.Invalid e) {
                    if (!e.inFrame && !bits.resync()) break; // trailing bytes that hold no frame
                    throw new AudioException(file, String.format("corrupt FLAC data after %.3f s: %s",
                            decoded / (double) info.rate, e.getMessage()));
                } catch (EOFException e) {
                    break; // cut short: the frames before the cut
                }
                int n = frame.blockSize;
                decoded += n;
                int from = (int) sink.skip(n);
                if (from < n) mix(sink, frame.samples, frame.channels, from, n, frame.bits);
            }
            if (sink.toSkip() > 0) throw span.pastEnd(file, info.rate, decoded);
            return new Waveform(sink.toArray(), info.rate);
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AudioException(name, "corrupt or unreadable FLAC data: " + e, e);
        }
    }

    /** The STREAMINFO fields the decoder uses. */
    private record StreamInfo(int rate, int bits, long total) {}

    /**
     * Reads the metadata blocks up to the first frame, keeping STREAMINFO and skipping the others unread (their
     * inner lengths are never allocated).
     */
    private static StreamInfo readMetadata(Path file, InputStream in) throws IOException {
        in.skipNBytes(4); // "fLaC"
        StreamInfo info = null;
        boolean last = false;
        while (!last) {
            byte[] h = in.readNBytes(4);
            if (h.length < 4) throw new AudioException(file, "truncated FLAC header (metadata cut short)");
            last = (h[0] & 0x80) != 0;
            int type = h[0] & 0x7F;
            int length = ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
            if (type == 0 && info == null) {
                byte[] b = in.readNBytes(length);
                if (b.length < 34 || length < 34)
                    throw new AudioException(file, "truncated FLAC header (STREAMINFO cut short)");
                int rate = ((b[10] & 0xFF) << 12) | ((b[11] & 0xFF) << 4) | ((b[12] & 0xFF) >>> 4);
                int bits = (((b[12] & 1) << 4) | ((b[13] & 0xFF) >>> 4)) + 1;
                long total = ((long) (b[13] & 0x0F) << 32) | ((b[14] & 0xFFL) << 24) | ((b[15] & 0xFF) << 16)
                        | ((b[16] & 0xFF) << 8) | (b[17] & 0xFF);
                if (rate <= 0) throw new AudioException(file, "invalid FLAC header: sample rate " + rate + " Hz");
                if (bits < 4) throw new AudioException(file, "invalid FLAC header: " + bits + " bits per sample");
                info = new StreamInfo(rate, bits, total);
            } else {
                try {
                    in.skipNBytes(length);
                } catch (EOFException e) {
                    throw new AudioException(file, "truncated FLAC header (metadata cut short)");
                }
            }
        }
        if (info == null) throw new AudioException(file, "invalid FLAC file: no STREAMINFO block");
        return info;
    }

    /** Offers samples {@code [from, to)} of the decoded frame to the sink, mixed down to mono. */
    private static void mix(MonoSink sink, int[][] data, int channels, int from, int to, int bits)
            throws AudioException {
        float scale = (float) Math.scalb(1.0, 1 - bits);
        float[] frame = new float[channels];
        for (int i = from; i < to && !sink.full(); i++) {
            for (int c = 0; c < channels; c++) frame[c] = data[c][i] * scale;
            sink.add(ChannelMean.of(frame, channels));
        }
    }
}
