package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** ID3v2 tags at the start of a file (MP3s have them; libsndfile also skips them before WAV, AU and FLAC). */
final class Id3v2 {
    private Id3v2() {}

    /** Byte offset just past the ID3v2 tags at the start of the file (0 if there are none). */
    static long end(FileChannel in) throws IOException {
        long pos = 0;
        ByteBuffer h = FileBytes.readAt(in, 0, 10, ByteOrder.BIG_ENDIAN);
        while (h.limit() == 10 && h.get(0) == 'I' && h.get(1) == 'D' && h.get(2) == '3') {
            long size = ((h.get(6) & 0x7F) << 21) | ((h.get(7) & 0x7F) << 14) | ((h.get(8) & 0x7F) << 7)
                    | (h.get(9) & 0x7F);
            pos += 10 + size + ((h.get(5) & 0x10) != 0 ? 10 : 0);
            h = FileBytes.readAt(in, pos, 10, ByteOrder.BIG_ENDIAN);
        }
        return pos;
    }
}
