package org.musicoder.audio;

import com.jcraft.jogg.Packet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.audio.vorbis.JOrbisPool;
import org.musicoder.audio.vorbis.Synthesis;

/**
 * Ogg Vorbis streams, decoded with JOrbis, which trims the last block to the final granule position as libvorbis
 * does, so the length matches ffmpeg's and soundfile's. Files decode in parallel: each decode has a JOrbis of its
 * own ({@link JOrbisPool}).
 */
final class VorbisDecoder {
    /** Frames per file byte beyond which a pre-size from the last granule is not trusted (growth takes over). */
    private static final long PLAUSIBLE_FRAMES_PER_BYTE = 64;

    private VorbisDecoder() {}

    /**
     * Decodes the Vorbis stream {@code ogg} reads, whose first packet {@code ogg.packet} holds.
     *
     * @return mono float32 samples of {@code span} at the stream's rate
     */
    static Waveform decode(Path file, OggReader ogg, Span span) throws IOException {
        try (JOrbisPool.Lease jorbis = JOrbisPool.lease()) {
            return decode(file, ogg, span, jorbis.synthesis());
        }
    }

    private static Waveform decode(Path file, OggReader ogg, Span span, Synthesis synth) throws IOException {
        readHeaders(file, ogg, synth);
        int rate = synth.rate();
        long start = span.startFrame(rate);
        long end = OggReader.lastGranule(file, ogg.serial());
        long expected = Math.min(end - start, Files.size(file) * PLAUSIBLE_FRAMES_PER_BYTE);
        MonoSink sink = new MonoSink(file.toString(), start, span.maxFrames(rate), expected);
        synth.start();
        float[][][] pcmOut = new float[1][][];
        int[] index = new int[synth.channels()];
        long decoded = 0;
        int r;
        while (!sink.full() && (r = ogg.nextPacket()) != 0) {
            if (r < 0 || !synth.blockIn(ogg.packet)) continue;
            int n;
            while ((n = synth.pcmOut(pcmOut, index)) > 0) {
                decoded += n;
                int from = (int) sink.skip(n);
                if (from < n) mix(sink, pcmOut[0], index, from, n);
                synth.read(n);
            }
            if (ogg.packet.e_o_s != 0) break;
        }
        if (sink.toSkip() > 0) throw span.pastEnd(file, rate, decoded);
        return new Waveform(sink.toArray(), rate);
    }

    /** Reads the three Vorbis header packets, the first of which {@code ogg.packet} holds. */
    private static void readHeaders(Path file, OggReader ogg, Synthesis synth) throws IOException {
        for (int i = 0; i < 3; i++) {
            int r = i == 0 ? 1 : ogg.nextPacket();
            if (r == 0) throw new AudioException(file, "truncated Ogg Vorbis header (header packet " + (i + 1)
                    + " of 3 missing)");
            if (i == 1 && r == 1) checkCommentLengths(file, ogg.packet);
            if (r < 0 || !synth.headerIn(ogg.packet))
                throw new AudioException(file, "invalid Ogg Vorbis header (packet " + (i + 1) + ")");
        }
        if (synth.channels() <= 0) throw new AudioException(file, "invalid Vorbis header: 0 channels");
        if (synth.rate() <= 0) throw new AudioException(file, "invalid Vorbis header: sample rate " + synth.rate());
    }

    /** Offers samples {@code [from, to)} of the block JOrbis returned to the sink, mixed down to mono. */
    private static void mix(MonoSink sink, float[][] pcm, int[] index, int from, int to) throws AudioException {
        int channels = index.length;
        float[] frame = new float[channels];
        for (int i = from; i < to && !sink.full(); i++) {
            for (int c = 0; c < channels; c++) frame[c] = pcm[c][index[c] + i];
            sink.add(ChannelMean.of(frame, channels));
        }
    }

    /**
     * Rejects a comment header whose lengths point past the packet: JOrbis would allocate them as given (up to
     * 2^31 bytes or array slots) before noticing.
     */
    private static void checkCommentLengths(Path file, Packet p) throws AudioException {
        ByteBuffer b = OggReader.bytes(p);
        long at = 7;
        long vendor = at + 4 <= b.limit() ? Integer.toUnsignedLong(b.getInt((int) at)) : -1;
        at += 4 + vendor;
        long count = vendor >= 0 && at + 4 <= b.limit() ? Integer.toUnsignedLong(b.getInt((int) at)) : -1;
        at += 4;
        long i = 0;
        for (; i < count && at + 4 <= b.limit(); i++) at += 4 + Integer.toUnsignedLong(b.getInt((int) at));
        if (count < 0 || i < count || at > b.limit())
            throw new AudioException(file, "corrupt Vorbis comment header: its lengths exceed the " + b.limit()
                    + "-byte packet");
    }
}
