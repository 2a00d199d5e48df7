package org.musicoder.audio;

import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusMSDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ogg Opus streams (RFC 7845), decoded with Concentus (a Java port of libopus). The rate is libsndfile's: the
 * smallest Opus rate (8, 12, 16, 24, 48 kHz) at or above the header's input rate, so 48 kHz for 44.1/48 kHz
 * sources, as ffmpeg always gives. The pre-skip is dropped, the end is trimmed to the last granule position, and
 * the header's output gain is applied, so length and alignment are ffmpeg's and libsndfile's. Channel mapping
 * families 0, 1 and 255.
 */
final class OggOpusDecoder {
    private static final int[] RATES = {8000, 12000, 16000, 24000, 48000};
    /** Frames per file byte beyond which a pre-size from the last granule is not trusted (growth takes over). */
    private static final long PLAUSIBLE_FRAMES_PER_BYTE = 64;

    private OggOpusDecoder() {}

    /**
     * Decodes the Opus stream {@code ogg} reads, whose first packet ({@code OpusHead}) {@code ogg.packet} holds.
     *
     * @return mono float32 samples of {@code span} at the rate chosen above
     */
    static Waveform decode(Path file, OggReader ogg, Span span) throws IOException {
        Head head = Head.parse(file, OggReader.bytes(ogg.packet));
        int r = ogg.nextPacket();
        if (r != 1 || !OggReader.startsWith(ogg.packet, "OpusTags"))
            throw new AudioException(file, r == 0 ? "truncated Ogg Opus header (OpusTags packet missing)"
                    : "invalid Ogg Opus header: second packet is not OpusTags");
        int rate = rate(head.inputRate);
        int factor = 48000 / rate;
        OpusMSDecoder opus = head.decoder(file, rate);
        long preSkip = head.preSkip / factor;
        long granule = OggReader.lastGranule(file, ogg.serial()) / factor;
        long end = granule > 0 ? granule : Long.MAX_VALUE;
        long start = span.startFrame(rate);
        long expected = Math.min(end - preSkip - start, Files.size(file) * PLAUSIBLE_FRAMES_PER_BYTE);
        MonoSink sink = new MonoSink(file.toString(), preSkip + start, span.maxFrames(rate), expected);
        int channels = head.channels;
        int maxFrame = rate * 120 / 1000;
        short[] pcm = new short[maxFrame * channels];
        float[] frame = new float[channels];
        long decoded = 0;
        long packets = 0;
        while (!sink.full() && decoded < end && (r = ogg.nextPacket()) != 0) {
            if (r < 0) continue;
            packets++;
            int n = opus.decodeMultistream(ogg.packet.packet_base, ogg.packet.packet, ogg.packet.bytes, pcm, 0,
                    maxFrame, 0);
            if (n < 0)
                throw new AudioException(file, "corrupt Ogg Opus data: packet " + packets + " does not decode"
                        + " (Opus error " + n + ")");
            int keep = (int) Math.min(n, end - decoded);
            decoded += n;
            int from = (int) sink.skip(keep);
            for (int i = from; i < keep && !sink.full(); i++) {
                for (int c = 0; c < channels; c++) frame[c] = pcm[i * channels + c] * 0x1p-15f;
                sink.add(ChannelMean.of(frame, channels));
            }
            if (ogg.packet.e_o_s != 0) break;
        }
        if (sink.toSkip() > 0) throw span.pastEnd(file, rate, Math.max(0, Math.min(decoded, end) - preSkip));
        return new Waveform(sink.toArray(), rate);
    }

    /** libsndfile's output rate for an Opus stream whose header says {@code inputRate} (0: unknown). */
    static int rate(long inputRate) {
        if (inputRate == 0) return 48000;
        for (int r : RATES) if (inputRate <= r) return r;
        return 48000;
    }

    /** The identification header ({@code OpusHead}). */
    private record Head(int channels, int preSkip, long inputRate, int gain, int streams, int coupled,
                        short[] mapping) {
        static Head parse(Path file, ByteBuffer b) throws AudioException {
            if (b.limit() < 19) throw new AudioException(file, "invalid Opus header: " + b.limit() + " bytes (19"
                    + " needed)");
            int version = b.get(8) & 0xFF;
            int channels = b.get(9) & 0xFF;
            int preSkip = Short.toUnsignedInt(b.getShort(10));
            long inputRate = Integer.toUnsignedLong(b.getInt(12));
            int gain = b.getShort(16);
            int family = b.get(18) & 0xFF;
            if (version >> 4 != 0) throw new AudioException(file, "unsupported Opus header version " + version);
            if (channels == 0) throw new AudioException(file, "invalid Opus header: 0 channels");
            if (family == 0) {
                if (channels > 2)
                    throw new AudioException(file, "invalid Opus header: " + channels + " channels in mapping"
                            + " family 0");
                return new Head(channels, preSkip, inputRate, gain, 1, channels - 1,
                        channels == 1 ? new short[] {0} : new short[] {0, 1});
            }
            if (family != 1 && family != 255)
                throw new AudioException(file, "unsupported Opus channel mapping family " + family);
            if (b.limit() < 21 + channels)
                throw new AudioException(file, "invalid Opus header: channel mapping table cut short");
            int streams = b.get(19) & 0xFF;
            int coupled = b.get(20) & 0xFF;
            short[] mapping = new short[channels];
            for (int c = 0; c < channels; c++) mapping[c] = (short) (b.get(21 + c) & 0xFF);
            if (streams == 0 || coupled > streams)
                throw new AudioException(file, "invalid Opus header: " + streams + " streams, " + coupled
                        + " coupled");
            return new Head(channels, preSkip, inputRate, gain, streams, coupled, mapping);
        }

        /** A Concentus decoder for this stream at {@code rate} Hz, with the header's output gain. */
        OpusMSDecoder decoder(Path file, int rate) throws AudioException {
            try {
                OpusMSDecoder d = OpusMSDecoder.create(rate, channels, streams, coupled, mapping);
                d.setGain(gain);
                return d;
            } catch (OpusException | IllegalArgumentException e) {
                throw new AudioException(file, "invalid Opus header: " + e.getMessage());
            }
        }
    }
}
