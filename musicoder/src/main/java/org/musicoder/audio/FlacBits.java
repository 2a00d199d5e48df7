package org.musicoder.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bits of a FLAC stream, most significant first, read through a buffer that keeps every byte since
 * {@link #mark()} (the start of the frame being read) so the frame's CRCs can be checked.
 */
final class FlacBits {
    /** A frame larger than this is corrupt: 65535 samples x 8 channels x 33 bits plus headers is ~2.2 MB. */
    private static final int MAX_BUFFER = 1 << 22;

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    /** Next byte of {@link #buf} to move into {@link #cache}. */
    private int pos;
    /** Bytes of {@link #buf} that hold data. */
    private int limit;
    /** First byte kept for the CRC; bytes before it may be dropped. */
    private int mark;
    /** Unread bits, left-aligned; the bits below the {@link #bits} valid ones are zero. */
    private long cache;
    private int bits;

    FlacBits(InputStream in) {
        this.in = in;
    }

    /** Index in the buffer of the next unread byte; only meaningful at a byte boundary. */
    private int bytePos() {
        return pos - (bits >>> 3);
    }

    /** Drops the bits up to the next byte boundary. */
    void align() {
        int drop = bits & 7;
        cache <<= drop;
        bits -= drop;
    }

    /** Marks the next byte (at a byte boundary) as the first one {@link #crc8} and {@link #crc16} cover. */
    void mark() {
        mark = bytePos();
    }

    /** CRC-8 (polynomial x^8 + x^2 + x + 1, init 0) of the bytes from the mark to the next unread byte. */
    int crc8() {
        int crc = 0;
        for (int i = mark, end = bytePos(); i < end; i++) crc = CRC8[(crc ^ buf[i]) & 0xFF];
        return crc;
    }

    /**
     * CRC-16 (polynomial x^16 + x^15 + x^2 + 1, init 0) of the bytes from the mark to the next unread byte, four
     * bytes a step: the 16-bit register meets only the first two, the last two enter through the tables of a byte
     * followed by one and by no zero byte.
     */
    int crc16() {
        int crc = 0, i = mark, end = bytePos();
        for (; i + 4 <= end; i += 4)
            crc = CRC16_4[((crc >>> 8) ^ buf[i]) & 0xFF] ^ CRC16_3[(crc ^ buf[i + 1]) & 0xFF]
                    ^ CRC16_2[buf[i + 2] & 0xFF] ^ CRC16[buf[i + 3] & 0xFF];
        for (; i < end; i++) crc = ((crc << 8) ^ CRC16[((crc >>> 8) ^ buf[i]) & 0xFF]) & 0xFFFF;
        return crc;
    }

    /** Reads {@code n} (0-32) bits as an unsigned number (the low 32 bits of the result). */
    int readUInt(int n) throws IOException {
        if (n == 0) return 0;
        if (bits < n) need(n);
        int v = (int) (cache >>> (64 - n));
        cache <<= n;
        bits -= n;
        return v;
    }

    /** Reads {@code n} (1-32) bits as a two's complement number. */
    int readSInt(int n) throws IOException {
        int v = readUInt(n);
        return n == 32 ? v : (v << (32 - n)) >> (32 - n);
    }

    /** Reads a unary number: the count of 0 bits before the next 1 bit. */
    int readUnary() throws IOException {
        int q = 0;
        while (true) {
            if (cache != 0) {
                int z = Long.numberOfLeadingZeros(cache);
                cache = z == 63 ? 0 : cache << (z + 1);
                bits -= z + 1;
                return q + z;
            }
            q += bits;
            bits = 0;
            need(1);
        }
    }

    /**
     * Reads {@code to - from} Rice-coded residuals with parameter {@code k} (0-30) into {@code out[from..to)}, as
     * zig-zag signed numbers.
     */
    void readRice(int[] out, int from, int to, int k) throws IOException {
        for (int i = from; i < to; i++) {
            long u = ((long) readUnary() << k) | (readUInt(k) & 0xFFFFFFFFL);
            out[i] = (int) (u >>> 1) ^ -(int) (u & 1);
        }
    }

    /**
     * After the frame that starts at the mark was found invalid: moves to the first later byte pair that looks
     * like a frame sync code ({@code 0xFFF8} or {@code 0xFFF9}); false, at the end, if there is none.
     */
    boolean resync() throws IOException {
        pos = mark + 1;
        cache = 0;
        bits = 0;
        while (true) {
            for (; pos + 1 < limit; pos++)
                if (buf[pos] == (byte) 0xFF && (buf[pos + 1] & 0xFE) == 0xF8) return true;
            mark = pos;
            if (!fill()) {
                pos = limit;
                return false;
            }
        }
    }

    /** Whether the stream has no unread byte left. */
    boolean atEnd() throws IOException {
        if (bits >= 8) return false;
        refill();
        return bits < 8;
    }

    /** Fills the cache to at least {@code n} bits, or throws {@link EOFException}. */
    private void need(int n) throws IOException {
        refill();
        if (bits < n) throw new EOFException("FLAC stream ends inside a frame");
    }

    private void refill() throws IOException {
        if (bits <= 56 && pos + 8 <= limit) { // the whole bytes that fit, in one read
            int take = (64 - bits) >>> 3;
            cache |= ((long) BIG_ENDIAN_LONG.get(buf, pos) >>> (64 - 8 * take)) << (64 - bits - 8 * take);
            pos += take;
            bits += 8 * take;
            return;
        }
        while (bits <= 56) {
            if (pos == limit && !fill()) return;
            cache |= (buf[pos++] & 0xFFL) << (56 - bits);
            bits += 8;
        }
    }

    /** Reads more of the stream into the buffer, keeping the bytes since the mark; false at the end. */
    private boolean fill() throws IOException {
        if (mark > 0) {
            System.arraycopy(buf, mark, buf, 0, limit - mark);
            pos -= mark;
            limit -= mark;
            mark = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_BUFFER) throw new IOException("corrupt FLAC frame: longer than " + MAX_BUFFER
                    + " bytes");
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) return false;
        limit += n;
        return true;
    }

    private static final int[] CRC8 = table(8, 0x07);
    private static final int[] CRC16 = table(16, 0x8005);
    private static final int[] CRC16_2 = shifted(CRC16), CRC16_3 = shifted(CRC16_2), CRC16_4 = shifted(CRC16_3);
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** The CRC-16 table of a byte followed by one more zero byte than {@code t}'s. */
    private static int[] shifted(int[] t) {
        int[] r = new int[256];
        for (int b = 0; b < 256; b++) r[b] = ((t[b] << 8) & 0xFFFF) ^ CRC16[t[b] >>> 8];
        return r;
    }

    /** The byte-wise table of an MSB-first CRC of {@code width} bits with polynomial {@code poly}. */
    private static int[] table(int width, int poly) {
        int[] t = new int[256];
        int top = 1 << (width - 1), mask = (1 << width) - 1;
        for (int b = 0; b < 256; b++) {
            int crc = b << (width - 8);
            for (int i = 0; i < 8; i++) crc = (crc & top) != 0 ? ((crc << 1) ^ poly) & mask : (crc << 1) & mask;
            t[b] = crc;
        }
        return t;
    }
}
