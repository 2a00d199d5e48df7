package org.musicoder.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamErrors;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;

/**
 * MPEG audio (MP3, and Layers I/II) decoded with JLayer, aligned like ffmpeg and librosa (libsndfile/mpg123):
 * the Xing/Info tag frame is dropped, then the encoder delay from its LAME tag plus the decoder's own 529-sample
 * delay, and the encoder padding at the end. Without a LAME tag nothing else is dropped (ffmpeg and soundfile
 * both return every decoded sample then; measured on an MP3 written without a Xing frame).
 * Samples are taken from JLayer's synthesis filter as floats (before its 16-bit rounding and clipping) and
 * divided by its output scale, 32700.
 */
final class Mp3Decoder implements AudioDecoder {
    /** JLayer scales its synthesis output by this instead of 32768. */
    private static final float JLAYER_SCALE = 32700f;
    /** A 8 kbit/s MPEG-2.5 stream has about 8 frames per byte; beyond this a tag's count is not trusted. */
    private static final long PLAUSIBLE_FRAMES_PER_BYTE = 16;

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3' || Mp3Info.isFrameHeader(head, 0);
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            Mp3Info info;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                info = Mp3Info.read(file, ch);
            }
            int rate = info.sampleRate();
            long start = span.startFrame(rate);
            long lead = (info.hasInfoTag() ? info.samplesPerFrame() : 0)
                    + (info.hasDelays() ? info.encoderDelay() + Mp3Info.DECODER_DELAY : 0);
            long total = info.hasDelays() && info.frames() >= 0
                    ? info.frames() * info.samplesPerFrame() - info.encoderDelay() - info.padding() : -1;
            if (total >= 0 && start > total) throw span.pastEnd(file, rate, total);
            long limit = Math.min(span.maxFrames(rate), total >= 0 ? total - start : Long.MAX_VALUE);
            long estimate = total >= 0 ? total : info.frameBytes() > 0
                    ? (size - info.firstFrame()) / info.frameBytes() * info.samplesPerFrame() : 0;
            long expected = Math.min(estimate - start, size * PLAUSIBLE_FRAMES_PER_BYTE);
            long skip = start > Long.MAX_VALUE - lead ? Long.MAX_VALUE : lead + start;
            MonoSink sink = new MonoSink(name, skip, limit, expected);
            long decoded = run(file, sink);
            if (decoded == 0) throw new AudioException(file, "no decodable MPEG audio frame");
            if (total < 0 && start > 0 && sink.toSkip() > 0)
                throw span.pastEnd(file, rate, Math.max(0, decoded - lead));
            return new Waveform(sink.toArray(), rate);
        } catch (AudioException e) {
            throw e;
        } catch (IOException | JavaLayerException | RuntimeException e) {
            throw new AudioException(name, "corrupt or unreadable MPEG audio data: " + e, e);
        }
    }

    /** Decodes frames into {@code sink} until it is full or the stream ends; returns the frames decoded. */
    private static long run(Path file, MonoSink sink) throws IOException, JavaLayerException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Bitstream bits = new Bitstream(in);
            Decoder decoder = new Decoder();
            FloatOutput out = new FloatOutput();
            decoder.setOutputBuffer(out);
            long decoded = 0;
            while (!sink.full()) {
                Header h = nextFrame(bits);
                if (h == null) break;
                decoder.decodeFrame(h, bits);
                bits.closeFrame();
                int n = out.length();
                decoded += n;
                int from = (int) sink.skip(n);
                if (from < n) out.mixInto(sink, from, n, h.mode() == Header.SINGLE_CHANNEL ? 1 : 2);
            }
            return decoded;
        }
    }

    /** The next frame header; null at the end of the stream (including one that ends inside a frame). */
    private static Header nextFrame(Bitstream bits) throws BitstreamException {
        try {
            return bits.readFrame();
        } catch (BitstreamException e) {
            if (e.getErrorCode() == BitstreamErrors.STREAM_EOF || e.getErrorCode() == BitstreamErrors.UNEXPECTED_EOF)
                return null;
            throw e;
        }
    }

    /** Collects one decoded frame per channel as JLayer's unrounded synthesis output. */
    private static final class FloatOutput extends javazoom.jl.decoder.Obuffer {
        private final float[][] samples = new float[2][1152];
        private final int[] length = new int[2];

        @Override
        public void appendSamples(int channel, float[] f) {
            float[] dst = samples[channel];
            int at = length[channel];
            if (at + f.length > dst.length) dst = samples[channel] = java.util.Arrays.copyOf(dst, 2 * dst.length);
            System.arraycopy(f, 0, dst, at, f.length);
            length[channel] = at + f.length;
        }

        @Override
        public void append(int channel, short value) {
            appendSamples(channel, new float[] {value});
        }

        int length() {
            return length[0];
        }

        void mixInto(MonoSink sink, int from, int to, int channels) throws AudioException {
            float[] frame = new float[channels];
            for (int i = from; i < to && !sink.full(); i++) {
                for (int c = 0; c < channels; c++) frame[c] = samples[c][i] / JLAYER_SCALE;
                sink.add(ChannelMean.of(frame, channels));
            }
        }

        @Override
        public void write_buffer(int val) {}

        @Override
        public void close() {}

        @Override
        public void clear_buffer() {
            length[0] = 0;
            length[1] = 0;
        }

        @Override
        public void set_stop_flag() {}
    }
}
