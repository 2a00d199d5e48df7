package org.musicoder.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-written WAV and AU files, and edited Ogg pages, for tests. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private Bytes(ByteOrder order) {
        this.order = order;
    }

    static Bytes le() {
        return new Bytes(ByteOrder.LITTLE_ENDIAN);
    }

    static Bytes be() {
        return new Bytes(ByteOrder.BIG_ENDIAN);
    }

    Bytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    Bytes u8(int v) {
        out.write(v);
        return this;
    }

    Bytes u16(int v) {
        return put(ByteBuffer.allocate(2).order(order).putShort((short) v));
    }

    Bytes u32(long v) {
        return put(ByteBuffer.allocate(4).order(order).putInt((int) v));
    }

    Bytes u64(long v) {
        return put(ByteBuffer.allocate(8).order(order).putLong(v));
    }

    Bytes f32(float v) {
        return put(ByteBuffer.allocate(4).order(order).putFloat(v));
    }

    Bytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A RIFF chunk with its true size, padded to an even length. */
    Bytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A RIFF chunk declaring {@code size} bytes (which may be a lie), padded to an even length. */
    Bytes chunk(String id, long size, byte[] body) {
        ascii(id).u32(size).bytes(body);
        if ((body.length & 1) == 1) u8(0);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** A {@code fmt } chunk body of 16 bytes. */
    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int block = channels * ((bits + 7) / 8);
        return le().u16(tag).u16(channels).u32(rate).u32((long) rate * block).u16(block).u16(bits).toBytes();
    }

    /** A WAV file: RIFF header (size from the content) and the given chunks. */
    static byte[] wav(byte[] chunks) {
        return le().ascii("RIFF").u32(4 + chunks.length).ascii("WAVE").bytes(chunks).toBytes();
    }

    /** Little-endian 16-bit samples. */
    static byte[] s16(int... v) {
        Bytes b = le();
        for (int x : v) b.u16(x);
        return b.toBytes();
    }

    private Bytes put(ByteBuffer b) {
        out.writeBytes(b.array());
        return this;
    }

    /**
     * A mono 8-bit 8 kHz WAV {@code dir/huge.wav} declaring an unknown data size, whose {@code frames} data bytes are
     * a hole (sparse file: reads as 0 bytes, i.e. -1.0).
     */
    static java.nio.file.Path sparseWav(java.nio.file.Path dir, long frames) throws java.io.IOException {
        java.nio.file.Path p = dir.resolve("huge.wav");
        byte[] head = wav(le().chunk("fmt ", fmt(1, 1, 8000, 8)).ascii("data").u32(0xFFFFFFFFL).toBytes());
        try (var f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            f.write(head);
            f.setLength(head.length + frames);
        }
        return p;
    }

    /** Recomputes the CRC of the Ogg page at {@code page} (polynomial 0x04C11DB7, as the Ogg spec defines it). */
    static byte[] withOggCrc(byte[] b, int page) {
        int segments = b[page + 26] & 0xFF;
        int length = 27 + segments;
        for (int i = 0; i < segments; i++) length += b[page + 27 + i] & 0xFF;
        ByteBuffer crcField = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        crcField.putInt(page + 22, 0);
        int crc = 0;
        for (int i = page; i < page + length; i++) {
            crc ^= (b[i] & 0xFF) << 24;
            for (int k = 0; k < 8; k++) crc = crc < 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        crcField.putInt(page + 22, crc);
        return b;
    }
}
