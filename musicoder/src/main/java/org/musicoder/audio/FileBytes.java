package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Small positional reads of header bytes. */
final class FileBytes {
    private FileBytes() {}

    /**
     * Reads up to {@code n} bytes at byte offset {@code pos}.
     *
     * @return a buffer in {@code order} holding the bytes read (fewer than {@code n} at the end of the file)
     */
    static ByteBuffer readAt(FileChannel in, long pos, int n, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(order);
        while (b.hasRemaining()) {
            int r = in.read(b, pos + b.position());
            if (r < 0) break;
        }
        return b.flip();
    }

    /** Four bytes at {@code p} as ASCII (a chunk id or magic). */
    static String fourCc(ByteBuffer b, int p) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int x = b.get(p + i) & 0xFF;
            c[i] = x >= 0x20 && x < 0x7F ? (char) x : '?';
        }
        return new String(c);
    }
}
