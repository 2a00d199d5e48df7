package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Interleaved uncompressed samples stored at a known place in a file (the data of a WAV or AU file), read by
 * seeking straight to the requested frames and mixing them down to mono.
 *
 * @param dataStart  byte offset of the first frame
 * @param dataBytes  bytes of sample data present in the file (already clamped to the file size)
 * @param channels   interleaved channels per frame (>= 1)
 * @param encoding   sample encoding
 * @param bigEndian  byte order of multi-byte samples
 * @param sampleRate frames per second (Hz, >= 1)
 */
record PcmStream(long dataStart, long dataBytes, int channels, PcmEncoding encoding, boolean bigEndian,
                 int sampleRate) {
    private static final int CHUNK_BYTES = 1 << 16;

    /** Reads a header at {@code start} and says where and how the samples are stored. */
    @FunctionalInterface
    interface Parser {
        PcmStream parse(Path file, FileChannel in, long start) throws IOException;
    }

    /**
     * The decode of an uncompressed format: opens {@code file}, parses its header at {@code byteStart} with
     * {@code parser} and reads the frames selected by {@code span}.
     *
     * @throws AudioException naming the file: the parser's errors, or a read error
     */
    static Waveform decode(Path file, long byteStart, Span span, Parser parser) throws AudioException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return parser.parse(file, in, byteStart).read(file, in, span);
        } catch (AudioException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioException(file.toString(), "read error: " + e.getMessage(), e);
        }
    }

    /** Whole frames present in the file; a trailing partial frame (a truncated file) is ignored. */
    long frames() {
        return dataBytes / frameBytes();
    }

    /**
     * Reads the frames selected by {@code span} as mono float32 (see {@link ChannelMean}).
     *
     * @param file file name for error messages
     * @param in   the open file
     * @throws AudioException if the offset lies past the end, a float sample or the float32 mean of a frame's channels
     *                        is NaN or infinite, or reading fails
     */
    Waveform read(Path file, FileChannel in, Span span) throws AudioException {
        long total = frames();
        long start = span.startFrame(sampleRate);
        if (start > total) throw span.pastEnd(file, sampleRate, total);
        long n = Math.min(total - start, span.maxFrames(sampleRate));
        float[] out = MonoSink.allocate(file.toString(), n);
        int frameBytes = frameBytes();
        int chunkFrames = Math.max(1, CHUNK_BYTES / frameBytes);
        ByteBuffer buf = ByteBuffer.allocate(chunkFrames * frameBytes);
        byte[] b = buf.array();
        long pos = dataStart + start * frameBytes;
        int done = 0;
        try {
            while (done < n) {
                int frames = (int) Math.min(chunkFrames, n - done);
                buf.clear().limit(frames * frameBytes);
                while (buf.hasRemaining()) {
                    int r = in.read(buf, pos + buf.position());
                    if (r < 0) throw new AudioException(file, "file ended while reading sample data (was it truncated"
                            + " while being read?)");
                }
                mix(file, b, frames, out, done, start + done);
                done += frames;
                pos += (long) frames * frameBytes;
            }
        } catch (AudioException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioException(file.toString(), "read error: " + e.getMessage(), e);
        }
        return new Waveform(out, sampleRate);
    }

    private void mix(Path file, byte[] b, int frames, float[] out, int at, long firstFrame) throws AudioException {
        int bytes = encoding.bytes;
        boolean check = encoding.isFloat();
        float[] frame = new float[channels];
        int p = 0;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, p += bytes) {
                float v = encoding.decode(b, p, bigEndian);
                if (check && !Float.isFinite(v))
                    throw new AudioException(file, String.format("sample %d of channel %d is %s (float data must be"
                            + " finite)", firstFrame + f, c, v));
                frame[c] = v;
            }
            float mean = ChannelMean.of(frame, channels);
            if (check && !Float.isFinite(mean))
                throw new AudioException(file, String.format("the mean of frame %d's %d channels is %s (float samples"
                        + " too large to mix down in float32)", firstFrame + f, channels, mean));
            out[at + f] = mean;
        }
    }

    private int frameBytes() {
        return channels * encoding.bytes;
    }
}
