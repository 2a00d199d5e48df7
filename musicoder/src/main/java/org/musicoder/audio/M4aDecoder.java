package org.musicoder.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * MP4 audio ({@code .m4a}, {@code .mp4}, {@code .mov} with an {@code ftyp} box): AAC (LC, and HE-AAC through the
 * decoder's SBR/PS) with {@link AacFrames}, Apple Lossless with {@link AlacFrames}. Frames are aligned and trimmed
 * by the track's edit list, as ffmpeg does (for ffmpeg's and Apple's AAC this drops the encoder priming); without
 * one every decoded frame is kept. A file cut short ends after its last complete codec frame.
 */
final class M4aDecoder implements AudioDecoder {
    /** Frames per file byte beyond which a pre-size from the track's length is not trusted. */
    private static final long PLAUSIBLE_FRAMES_PER_BYTE = 64;

    /** One codec's frame decoder. */
    abstract static class Frames {
        private final int sampleRate;
        private final int channels;

        Frames(int sampleRate, int channels) {
            this.sampleRate = sampleRate;
            this.channels = channels;
        }

        /** Output rate (Hz). */
        final int sampleRate() {
            return sampleRate;
        }

        /** Output channels. */
        final int channels() {
            return channels;
        }

        /**
         * Decodes one codec frame of {@code length} bytes into {@code out} (interleaved, float32 in [-1, 1],
         * channels in WAV order).
         *
         * @return frames decoded
         */
        abstract int decode(byte[] frame, int length, float[][] out) throws IOException;
    }

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 8 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp");
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        String codec = "MP4";
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Mp4Track t = Mp4Track.read(file, in, byteStart);
            Frames frames = switch (t.codec()) {
                case "alac" -> AlacFrames.create(file, t.config());
                default -> AacFrames.create(file, t);
            };
            codec = t.codec().equals("alac") ? "ALAC" : "AAC";
            return decode(file, in, t, frames, span);
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AudioException(file.toString(), "corrupt or unreadable " + codec + " data: " + e, e);
        }
    }

    private static Waveform decode(Path file, FileChannel in, Mp4Track t, Frames frames, Span span)
            throws IOException {
        int rate = frames.sampleRate();
        int channels = frames.channels();
        double perUnit = t.timescale() > 0 ? rate / (double) t.timescale() : 1;
        long skip = Math.round(t.skip() * perUnit);
        long end = t.duration() < 0 ? Long.MAX_VALUE : skip + Math.round(t.duration() * perUnit);
        long start = span.startFrame(rate);
        long total = Math.min(end, (long) t.count() * 1024 * Math.max(1, rate / Math.max(1, t.sampleRate())));
        long expected = Math.min(total - skip - start, in.size() * PLAUSIBLE_FRAMES_PER_BYTE);
        MonoSink sink = new MonoSink(file.toString(), skip + start, span.maxFrames(rate), expected);
        float[][] out = new float[1][];
        float[] frame = new float[channels];
        byte[] buf = new byte[1 << 12];
        long decoded = 0;
        for (int i = 0; i < t.count() && !sink.full() && decoded < end; i++) {
            buf = t.sample(in, i, buf);
            int n = frames.decode(buf, t.sizes()[i], out);
            int keep = (int) Math.min(n, end - decoded);
            decoded += n;
            int from = (int) sink.skip(keep);
            float[] pcm = out[0];
            for (int f = from; f < keep && !sink.full(); f++) {
                System.arraycopy(pcm, f * channels, frame, 0, channels);
                sink.add(ChannelMean.of(frame, channels));
            }
        }
        if (sink.toSkip() > 0) throw span.pastEnd(file, rate, Math.max(0, Math.min(decoded, end) - skip));
        return new Waveform(sink.toArray(), rate);
    }
}
