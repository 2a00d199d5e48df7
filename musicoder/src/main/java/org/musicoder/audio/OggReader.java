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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The packets of the first logical stream of an Ogg file, read page by page with jogg (pages of other streams are
 * skipped, so chained streams are not read). A file cut short ends after its last complete page.
 */
final class OggReader {
    private static final int READ_BYTES = 1 << 15;
    /** Bytes searched backwards from the end for the last page (a page is at most 65307 bytes). */
    private static final int TAIL_BYTES = 1 << 17;

    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    /** The packet {@link #nextPacket} read last. */
    final Packet packet = new Packet();
    private boolean eof;
    private int serial;

    OggReader(InputStream in) {
        this.in = in;
        sync.init();
    }

    /** Reads the first page and follows its logical stream; false if the file holds no complete page. */
    boolean begin() throws IOException {
        if (!nextPage()) return false;
        serial = page.serialno();
        stream.init(serial);
        stream.pagein(page);
        return true;
    }

    /** Serial number of the stream read. */
    int serial() {
        return serial;
    }

    /**
     * Reads the next packet of the stream into {@link #packet}.
     *
     * @return 1 for a packet, -1 for a gap in the data (lost or corrupt pages) before the next one, 0 at the end
     */
    int nextPacket() throws IOException {
        int r;
        while ((r = stream.packetout(packet)) == 0) {
            if (!nextStreamPage()) return 0;
        }
        return r;
    }

    /** Submits the next page of our logical stream to the stream state; false at the end of the file. */
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

    /** The packet's bytes as a little-endian buffer (position 0 at its first byte). */
    static ByteBuffer bytes(Packet p) {
        return ByteBuffer.wrap(p.packet_base, p.packet, p.bytes).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Whether packet {@code p} starts with {@code magic} (ISO-8859-1). */
    static boolean startsWith(Packet p, String magic) {
        if (p.bytes < magic.length()) return false;
        return new String(p.packet_base, p.packet, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
    }

    /** The codec a stream's first packet announces, for messages. */
    static String codecName(Packet p) {
        if (startsWith(p, "\u0001vorbis")) return "Vorbis";
        if (startsWith(p, "OpusHead")) return "Opus";
        if (startsWith(p, "\u007fFLAC")) return "FLAC in Ogg";
        if (startsWith(p, "Speex")) return "Speex";
        if (startsWith(p, "\u0080theora")) return "Theora (video)";
        if (startsWith(p, "\u0080kate")) return "Kate (text)";
        return "unknown";
    }

    /**
     * The granule position of the last page of logical stream {@code serial}, found in the file's tail; 0 if none
     * is found.
     */
    static long lastGranule(Path file, int serial) throws IOException {
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
