package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * AIFF and AIFF-C files ({@code FORM}/{@code AIFF}, {@code FORM}/{@code AIFC}) holding uncompressed samples:
 * big-endian signed PCM of 1-32 bits, and the AIFF-C compression types libsndfile reads without a codec:
 * {@code NONE}/{@code twos}/{@code in24}/{@code in32} (big-endian), {@code sowt}/{@code 42n1}/{@code 23ni}
 * (little-endian), {@code raw } (unsigned 8-bit), {@code fl32}/{@code fl64} (IEEE float, either case),
 * {@code ulaw}/{@code alaw} (G.711). The rate is the COMM chunk's 80-bit float truncated to whole Hz, as libsndfile
 * does. The frames are those of the SSND chunk (past its offset field), clamped to the end of the file like WAV data.
 */
final class AiffDecoder implements AudioDecoder {
    private static final int COMM_BYTES = 18;

    @Override
    public boolean recognizes(byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 12), StandardCharsets.ISO_8859_1);
        return s.startsWith("FORM") && (s.length() < 12 || s.startsWith("AIFF", 8) || s.startsWith("AIFC", 8));
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        return PcmStream.decode(file, byteStart, span, AiffDecoder::parse);
    }

    /** Walks the chunks to COMM and SSND and describes where and how the samples are stored. */
    private static PcmStream parse(Path file, FileChannel in, long start) throws IOException {
        long size = in.size();
        if (size - start < 12) throw new AudioException(file, "truncated AIFF header (" + (size - start) + " bytes)");
        boolean aifc = FileBytes.fourCc(FileBytes.readAt(in, start + 8, 4, ByteOrder.BIG_ENDIAN), 0).equals("AIFC");
        Comm comm = null;
        long dataStart = -1;
        long dataSize = 0;
        long pos = start + 12;
        while (pos + 8 <= size && !(comm != null && dataStart >= 0)) {
            ByteBuffer ch = FileBytes.readAt(in, pos, 8, ByteOrder.BIG_ENDIAN);
            String id = FileBytes.fourCc(ch, 0);
            long len = Integer.toUnsignedLong(ch.getInt(4));
            long body = pos + 8;
            if (id.equals("COMM")) {
                int n = (int) Math.min(len, COMM_BYTES + 4);
                comm = Comm.parse(file, FileBytes.readAt(in, body, n, ByteOrder.BIG_ENDIAN), len, aifc);
            } else if (id.equals("SSND")) {
                ByteBuffer s = FileBytes.readAt(in, body, 8, ByteOrder.BIG_ENDIAN);
                if (s.limit() < 8) throw new AudioException(file, "truncated AIFF header (SSND chunk cut short)");
                long offset = Integer.toUnsignedLong(s.getInt(0));
                dataStart = body + 8 + offset;
                dataSize = Math.max(0, len - 8 - offset);
            }
            pos = body + len + (len & 1);
        }
        if (comm == null)
            throw new AudioException(file, dataStart < 0 ? "truncated or invalid AIFF header: no COMM chunk and no"
                    + " SSND chunk" : "invalid AIFF file: no COMM chunk before the end of the file");
        if (dataStart < 0) throw new AudioException(file, "truncated or invalid AIFF file: no SSND chunk");
        long present = Math.max(0, Math.min(dataSize, size - dataStart));
        return new PcmStream(dataStart, present, comm.channels, comm.encoding, comm.bigEndian, comm.sampleRate);
    }

    /** The decoded COMM chunk. */
    private record Comm(int channels, int sampleRate, PcmEncoding encoding, boolean bigEndian) {
        static Comm parse(Path file, ByteBuffer b, long declared, boolean aifc) throws AudioException {
            int need = aifc ? COMM_BYTES + 4 : COMM_BYTES;
            if (b.limit() < Math.min(declared, need))
                throw new AudioException(file, "truncated AIFF header (COMM chunk cut short)");
            if (declared < need)
                throw new AudioException(file, "invalid AIFF header: COMM chunk of " + declared + " bytes (" + need
                        + " needed)");
            int channels = Short.toUnsignedInt(b.getShort(0));
            int bits = Short.toUnsignedInt(b.getShort(6));
            long rate = extendedToHz(b, 8);
            if (channels == 0) throw new AudioException(file, "invalid AIFF header: 0 channels");
            if (channels > WavDecoder.MAX_CHANNELS)
                throw new AudioException(file, "invalid AIFF header: " + channels + " channels (at most "
                        + WavDecoder.MAX_CHANNELS + " supported)");
            if (rate <= 0 || rate > Integer.MAX_VALUE)
                throw new AudioException(file, "invalid AIFF header: sample rate " + rate + " Hz");
            String type = aifc ? FileBytes.fourCc(b, COMM_BYTES) : "NONE";
            return switch (type) {
                case "NONE", "twos" -> new Comm(channels, (int) rate, integer(file, bits), true);
                case "sowt" -> new Comm(channels, (int) rate, integer(file, bits), false);
                case "in24" -> new Comm(channels, (int) rate, PcmEncoding.S24, true);
                case "in32" -> new Comm(channels, (int) rate, PcmEncoding.S32, true);
                case "42n1" -> new Comm(channels, (int) rate, PcmEncoding.S24, false);
                case "23ni" -> new Comm(channels, (int) rate, PcmEncoding.S32, false);
                case "raw " -> new Comm(channels, (int) rate, PcmEncoding.U8, true);
                case "fl32", "FL32" -> new Comm(channels, (int) rate, PcmEncoding.F32, true);
                case "fl64", "FL64" -> new Comm(channels, (int) rate, PcmEncoding.F64, true);
                case "ulaw", "ULAW" -> new Comm(channels, (int) rate, PcmEncoding.ULAW, true);
                case "alaw", "ALAW" -> new Comm(channels, (int) rate, PcmEncoding.ALAW, true);
                default -> throw new AudioException(file, "unsupported AIFF-C compression type '" + type + "'"
                        + (type.equalsIgnoreCase("ima4") ? " (IMA ADPCM)" : ""));
            };
        }

        /** Signed big- or little-endian PCM of {@code bits} bits, stored in whole bytes. */
        private static PcmEncoding integer(Path file, int bits) throws AudioException {
            if (bits < 1 || bits > 32)
                throw new AudioException(file, "unsupported AIFF sample size: " + bits + " bits");
            return bits <= 8 ? PcmEncoding.S8 : bits <= 16 ? PcmEncoding.S16 : bits <= 24 ? PcmEncoding.S24
                    : PcmEncoding.S32;
        }

        /**
         * The 80-bit IEEE extended float at {@code p} (sign, 15-bit exponent, 64-bit mantissa with explicit integer
         * bit) truncated to a whole number; 0 for negative or below 1, {@code Long.MAX_VALUE} when too large.
         */
        private static long extendedToHz(ByteBuffer b, int p) {
            int signExp = Short.toUnsignedInt(b.getShort(p));
            long mantissa = b.getLong(p + 2);
            int shift = (signExp & 0x7FFF) - 16383 - 63;
            if ((signExp & 0x8000) != 0 || mantissa == 0 || shift < -63) return 0;
            if (shift > 0) return Long.MAX_VALUE;
            return mantissa >>> -shift;
        }
    }
}
