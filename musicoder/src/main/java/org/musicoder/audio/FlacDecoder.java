package org.musicoder.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC files, decoded with jFLAC. Samples of n bits become {@code x / 2^(n-1)}, as libsndfile gives them, so
 * the result is bit-exact with {@code librosa.load}. A file cut short ends after its last whole frame.
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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(byteStart);
            FLACDecoder flac = new FLACDecoder(withStreamInfoOnly(file, in));
            flac.readMetadata();
            StreamInfo info = flac.getStreamInfo();
            if (info == null) throw new AudioException(file, "invalid FLAC file: no STREAMINFO block");
            int rate = info.getSampleRate();
            if (rate <= 0) throw new AudioException(file, "invalid FLAC header: sample rate " + rate + " Hz");
            if (info.getChannels() <= 0) throw new AudioException(file, "invalid FLAC header: 0 channels");
            long start = span.startFrame(rate);
            long total = info.getTotalSamples();
            long expected = Math.min(total > 0 ? total - start : 0, Files.size(file) * PLAUSIBLE_FRAMES_PER_BYTE);
            MonoSink sink = new MonoSink(name, start, span.maxFrames(rate), expected);
            long decoded = 0;
            while (!sink.full()) {
                Frame frame = nextFrame(flac);
                if (frame == null) break;
                int n = frame.header.blockSize;
                decoded += n;
                int from = (int) sink.skip(n);
                if (from < n) mix(sink, flac.getChannelData(), frame.header.channels, from, n,
                        frame.header.bitsPerSample);
            }
            if (sink.toSkip() > 0) throw span.pastEnd(file, rate, decoded);
            return new Waveform(sink.toArray(), rate);
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AudioException(name, "corrupt or unreadable FLAC data: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new AudioException(name, "corrupt FLAC metadata: reading it needs more memory than the heap has",
                    null);
        }
    }

    /**
     * The stream with every metadata block but STREAMINFO left out. jFLAC allocates the lengths stored inside
     * comment and picture blocks as they are (up to 2^32 bytes); the decoder needs none of them.
     */
    private static InputStream withStreamInfoOnly(Path file, InputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        byte[] streamInfo = null;
        boolean last = false;
        while (!last) {
            byte[] h = in.readNBytes(4);
            if (h.length < 4) throw new AudioException(file, "truncated FLAC header (metadata cut short)");
            last = (h[0] & 0x80) != 0;
            int type = h[0] & 0x7F;
            int length = ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
            if (type == 0 && streamInfo == null) {
                byte[] body = in.readNBytes(length);
                if (body.length < length)
                    throw new AudioException(file, "truncated FLAC header (STREAMINFO cut short)");
                streamInfo = new byte[8 + length];
                System.arraycopy(magic, 0, streamInfo, 0, 4);
                streamInfo[4] = (byte) 0x80;
                System.arraycopy(h, 1, streamInfo, 5, 3);
                System.arraycopy(body, 0, streamInfo, 8, length);
            } else {
                try {
                    in.skipNBytes(length);
                } catch (EOFException e) {
                    throw new AudioException(file, "truncated FLAC header (metadata cut short)");
                }
            }
        }
        if (streamInfo == null) throw new AudioException(file, "invalid FLAC file: no STREAMINFO block");
        return new SequenceInputStream(new ByteArrayInputStream(streamInfo), in);
    }

    /** Reads and decodes the next frame; null at the end of the stream (or where a truncated file stops). */
    private static Frame nextFrame(FLACDecoder flac) throws IOException {
        try {
            return flac.readNextFrame();
        } catch (EOFException e) {
            return null;
        }
    }

    /** Offers samples {@code [from, to)} of the decoded frame to the sink, mixed down to mono. */
    private static void mix(MonoSink sink, ChannelData[] data, int channels, int from, int to, int bits)
            throws AudioException {
        float scale = (float) Math.scalb(1.0, 1 - bits);
        float[] frame = new float[channels];
        for (int i = from; i < to && !sink.full(); i++) {
            for (int c = 0; c < channels; c++) frame[c] = data[c].getOutput()[i] * scale;
            sink.add(ChannelMean.of(frame, channels));
        }
    }
}
