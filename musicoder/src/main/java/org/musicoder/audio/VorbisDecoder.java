package org.musicoder.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.musicoder.audio.vorbis.JOrbisPool;
import org.musicoder.audio.vorbis.Synthesis;

/**
 * Ogg Vorbis files, decoded with JOrbis, which trims the last block to the final granule position as libvorbis
 * does, so the length matches ffmpeg's and soundfile's. Only the first logical stream is read (no chained streams).
 * A file cut short ends after its last complete page. Files decode in parallel: each decode has a JOrbis of its
 * own ({@link JOrbisPool}).
 */
final class VorbisDecoder implements AudioDecoder {
    private static final int READ_BYTES = 1 << 15;
    /** Bytes searched backwards from the end for the last page (a page is at most 65307 bytes). */
    private static final int TAIL_BYTES = 1 << 17;
    /** Frames per file byte beyond which a pre-size from the last granule is not trusted (growth takes over). */
    private static final long PLAUSIBLE_FRAMES_PER_BYTE = 64;

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && head[0] == 'O' && head[1] == 'g' && head[2] == 'g' && head[3] == 'S';
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        try (InputStream in = Files.newInputStream(file); JOrbisPool.Lease jorbis = JOrbisPool.lease()) {
            return new Stream(file, in, jorbis.synthesis()).decode(span);
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AudioException(file.toString(), "corrupt or unreadable Ogg Vorbis data: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new AudioException(file.toString(), "corrupt Ogg Vorbis headers: decoding them needs more memory"
                    + " than the heap has", null);
        }
    }

    /** One decoding pass over a file: the jogg/jorbis state and the read loop. */
    private static final class Stream {
        private final Path file;
        private final InputStream in;
        private final SyncState sync = new SyncState();
        private final StreamState stream = new StreamState();
        private final Page page = new Page();
        private final Packet packet = new Packet();
        private final Synthesis synth;
        private boolean eof;
        private int serial;

        Stream(Path file, InputStream in, Synthesis synth) {
            this.file = file;
            this.in = in;
            this.synth = synth;
            sync.init();
        }

        Waveform decode(Span span) throws IOException {
            readHeaders();
            int rate = synth.rate();
            long start = span.startFrame(rate);
            long end = lastGranule(file, serial);
            long expected = Math.min(end - start, Files.size(file) * PLAUSIBLE_FRAMES_PER_BYTE);
            MonoSink sink = new MonoSink(file.toString(), start, span.maxFrames(rate), expected);
            synth.start();
            float[][][] pcmOut = new float[1][][];
            int[] index = new int[synth.channels()];
            long decoded = 0;
            boolean last = false;
            while (!last && !sink.full() && nextStreamPage()) {
                last = page.eos() != 0;
                while (!sink.full() && stream.packetout(packet) == 1) {
                    if (!synth.blockIn(packet)) continue;
                    int n;
                    while ((n = synth.pcmOut(pcmOut, index)) > 0) {
                        decoded += n;
                        int from = (int) sink.skip(n);
                        if (from < n) mix(sink, pcmOut[0], index, from, n);
                        synth.read(n);
                    }
                }
            }
            if (sink.toSkip() > 0) throw span.pastEnd(file, rate, decoded);
            return new Waveform(sink.toArray(), rate);
        }

        /** Reads the three Vorbis header packets of the first logical stream. */
        private void readHeaders() throws IOException {
            if (!nextPage()) throw new AudioException(file, "truncated or invalid Ogg file: no complete first page");
            serial = page.serialno();
            stream.init(serial);
            stream.pagein(page);
            for (int i = 0; i < 3; i++) {
                int r;
                while ((r = stream.packetout(packet)) == 0)
                    if (!nextStreamPage()) throw new AudioException(file, "truncated Ogg Vorbis header (header"
                            + " packet " + (i + 1) + " of 3 missing)");
                if (i == 1 && r == 1) checkCommentLengths(file, packet);
                if (r < 0 || !synth.headerIn(packet))
                    throw new AudioException(file, i == 0 ? "unsupported Ogg codec: " + codecName(packet)
                            : "invalid Ogg Vorbis header (packet " + (i + 1) + ")");
            }
            if (synth.channels() <= 0) throw new AudioException(file, "invalid Vorbis header: 0 channels");
            if (synth.rate() <= 0) throw new AudioException(file, "invalid Vorbis header: sample rate " + synth.rate());
        }

        /** Submits the next page of our logical stream to {@link #stream}; false at the end of the file. */
        private boolean nextStreamPage() throws IOException {
            while (nextPage()) {
                if (page.serialno() == serial) {
                    stream.pagein(page);
                    return true;
                }
            }
            return false;
        }

        /** Reads the next complete page of any logical stream into {@link #page}; false at the end of the file. */
        private boolean nextPage() throws IOException {
            while (true) {
                if (sync.pageout(page) == 1) return true;
                if (eof) return false;
                int at = sync.buffer(READ_BYTES);
                int n = in.read(sync.data, at, READ_BYTES);
                if (n <= 0) eof = true;
                else sync.wrote(n);
            }
        }
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
        ByteBuffer b = ByteBuffer.wrap(p.packet_base, p.packet, p.bytes).slice().order(ByteOrder.LITTLE_ENDIAN);
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

    private static String codecName(Packet p) {
        String s = new String(p.packet_base, p.packet, Math.min(p.bytes, 8), StandardCharsets.ISO_8859_1);
        if (s.startsWith("OpusHead")) return "Opus";
        if (s.startsWith("\u007fFLAC")) return "FLAC in Ogg";
        if (s.startsWith("Speex")) return "Speex";
        if (s.startsWith("\u0080theora")) return "Theora (video)";
        return "not Vorbis";
    }

    /**
     * The granule position (total frames) of the last page of logical stream {@code serial}, found in the
     * file's tail; 0 if none is found.
     */
    private static long lastGranule(Path file, int serial) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer b = FileBytes.readAt(ch, size - n, n, ByteOrder.LITTLE_ENDIAN);
            for (int p = b.limit() - 27; p >= 0; p--) {
                if (b.get(p) != 'O' || b.get(p + 1) != 'g' || b.get(p + 2) != 'g' || b.get(p + 3) != 'S'
                        || b.get(p + 4) != 0 || b.getInt(p + 14) != serial) continue;
                long granule = b.getLong(p + 6);
                if (granule >= 0) return granule;
            }
            return 0;
        }
    }
}
