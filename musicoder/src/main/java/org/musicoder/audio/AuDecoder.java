package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Sun/NeXT AU ({@code .au}/{@code .snd}) files, big-endian ({@code .snd}) or little-endian ({@code dns.}):
 * encodings 1 (mu-law), 2/3/4/5 (8/16/24/32-bit PCM), 6/7 (32/64-bit float) and 27 (A-law). GTZAN's clips are
 * encoding 3. A data size of 0xFFFFFFFF ("unknown") or one larger than the file means "to the end of the file".
 */
final class AuDecoder implements AudioDecoder {
    private static final int HEADER_BYTES = 24;

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && (startsWith(head, ".snd") || startsWith(head, "dns."));
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        return PcmStream.decode(file, byteStart, span, AuDecoder::parse);
    }

    private static PcmStream parse(Path file, FileChannel in, long start) throws IOException {
        long size = in.size() - start;
        ByteBuffer h = FileBytes.readAt(in, start, HEADER_BYTES, ByteOrder.BIG_ENDIAN);
        if (h.get(0) == 'd') h.order(ByteOrder.LITTLE_ENDIAN);
        if (h.limit() < HEADER_BYTES) throw new AudioException(file, "truncated AU header (" + size + " bytes)");
        long offset = Integer.toUnsignedLong(h.getInt(4));
        long dataSize = Integer.toUnsignedLong(h.getInt(8));
        long encoding = Integer.toUnsignedLong(h.getInt(12));
        long rate = Integer.toUnsignedLong(h.getInt(16));
        long channels = Integer.toUnsignedLong(h.getInt(20));
        if (offset < HEADER_BYTES)
            throw new AudioException(file, "invalid AU header: data offset " + offset + " (at least 24)");
        if (offset > size)
            throw new AudioException(file, "truncated AU header: data offset " + offset + " is past the end of the"
                    + " file (" + size + " bytes)");
        if (channels == 0) throw new AudioException(file, "invalid AU header: 0 channels");
        if (channels > WavDecoder.MAX_CHANNELS)
            throw new AudioException(file, "invalid AU header: " + channels + " channels (at most "
                    + WavDecoder.MAX_CHANNELS + " supported)");
        if (rate == 0 || rate > Integer.MAX_VALUE)
            throw new AudioException(file, "invalid AU header: sample rate " + rate + " Hz");
        long present = Math.min(dataSize, size - offset);
        return new PcmStream(start + offset, present, (int) channels, encoding(file, encoding),
                h.order() == ByteOrder.BIG_ENDIAN, (int) rate);
    }

    private static PcmEncoding encoding(Path file, long code) throws AudioException {
        return switch ((int) code) {
            case 1 -> PcmEncoding.ULAW;
            case 2 -> PcmEncoding.S8;
            case 3 -> PcmEncoding.S16;
            case 4 -> PcmEncoding.S24;
            case 5 -> PcmEncoding.S32;
            case 6 -> PcmEncoding.F32;
            case 7 -> PcmEncoding.F64;
            case 27 -> PcmEncoding.ALAW;
            default -> throw new AudioException(file, "unsupported AU encoding " + code
                    + (code == 23 || code == 24 || code == 25 || code == 26 ? " (G.72x ADPCM)" : ""));
        };
    }

    private static boolean startsWith(byte[] b, String magic) {
        for (int i = 0; i < magic.length(); i++) if (b[i] != magic.charAt(i)) return false;
        return true;
    }
}
