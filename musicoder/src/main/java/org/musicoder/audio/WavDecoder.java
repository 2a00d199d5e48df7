package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * WAV files (RIFF, big-endian RIFX, and RF64 with a {@code ds64} chunk): integer PCM of 1-32 bits, IEEE float
 * 32/64-bit, G.711 A-law/mu-law, plain or as {@code WAVE_FORMAT_EXTENSIBLE}. Chunks other than {@code fmt },
 * {@code data} and {@code ds64} are skipped (odd sizes padded to even). A {@code data} chunk that claims more bytes
 * than the file holds (a truncated file, or a streaming writer's placeholder size) is read up to the end of the
 * file, in whole frames, as libsndfile does; a file cut short before its data chunk starts is an error.
 */
final class WavDecoder implements AudioDecoder {
    private static final int TAG_PCM = 1;
    private static final int TAG_FLOAT = 3;
    private static final int TAG_ALAW = 6;
    private static final int TAG_MULAW = 7;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    /** Bytes 2-15 of every {@code KSDATAFORMAT_SUBTYPE_*} GUID that wraps a plain format tag. */
    private static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
            (byte) 0x9B, 0x71};
    /** The channel limit of libsndfile. */
    static final int MAX_CHANNELS = 1024;

    @Override
    public boolean recognizes(byte[] head) {
        if (head.length < 4) return false;
        String riff = new String(head, 0, 4, StandardCharsets.ISO_8859_1);
        boolean cut = head.length < 12;
        return (riff.equals("RIFF") || riff.equals("RIFX") || riff.equals("RF64"))
                && (cut || new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WAVE"));
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        return PcmStream.decode(file, byteStart, span, WavDecoder::parse);
    }

    /** Walks the chunks up to the sample data and describes where and how the samples are stored. */
    private static PcmStream parse(Path file, FileChannel in, long start) throws IOException {
        long size = in.size();
        ByteBuffer head = FileBytes.readAt(in, start, 12, ByteOrder.LITTLE_ENDIAN);
        if (head.limit() < 12) throw new AudioException(file, "truncated WAV header (" + (size - start) + " bytes)");
        String kind = FileBytes.fourCc(head, 0);
        ByteOrder order = kind.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Format fmt = null;
        long ds64DataSize = -1;
        long dataStart = -1;
        long dataSize = 0;
        long pos = start + 12;
        while (pos + 8 <= size && !(fmt != null && dataStart >= 0)) {
            ByteBuffer ch = FileBytes.readAt(in, pos, 8, order);
            String id = FileBytes.fourCc(ch, 0);
            long len = Integer.toUnsignedLong(ch.getInt(4));
            long body = pos + 8;
            switch (id) {
                case "fmt " -> fmt = Format.parse(file, FileBytes.readAt(in, body, (int) Math.min(len, 40), order),
                        len);
                case "ds64" -> {
                    ByteBuffer d = FileBytes.readAt(in, body, 16, order);
                    if (d.limit() < 16) throw new AudioException(file, "truncated WAV header (ds64 chunk cut short)");
                    ds64DataSize = d.getLong(8);
                    if (ds64DataSize < 0)
                        throw new AudioException(file, "invalid RF64 header: data size " + ds64DataSize);
                }
                case "data" -> {
                    dataStart = body;
                    dataSize = kind.equals("RF64") && len == 0xFFFFFFFFL && ds64DataSize >= 0 ? ds64DataSize : len;
                    len = dataSize;
                }
                default -> { }
            }
            pos = body + len + (len & 1);
        }
        if (fmt == null)
            throw new AudioException(file, dataStart < 0 ? "truncated or invalid WAV header: no fmt chunk and no"
                    + " data chunk" : "invalid WAV file: no fmt chunk before the end of the file");
        if (dataStart < 0) throw new AudioException(file, "truncated or invalid WAV file: no data chunk");
        long present = Math.min(dataSize, size - dataStart);
        return new PcmStream(dataStart, present, fmt.channels, fmt.encoding, order == ByteOrder.BIG_ENDIAN,
                fmt.sampleRate);
    }

    /** The decoded {@code fmt } chunk. */
    private record Format(int channels, int sampleRate, PcmEncoding encoding) {
        static Format parse(Path file, ByteBuffer b, long declared) throws AudioException {
            if (b.limit() < Math.min(declared, 16))
                throw new AudioException(file, "truncated WAV header (fmt chunk cut short)");
            if (declared < 16)
                throw new AudioException(file, "invalid WAV header: fmt chunk of " + declared + " bytes (16 needed)");
            int tag = Short.toUnsignedInt(b.getShort(0));
            int channels = Short.toUnsignedInt(b.getShort(2));
            long rate = Integer.toUnsignedLong(b.getInt(4));
            int bits = Short.toUnsignedInt(b.getShort(14));
            if (tag == TAG_EXTENSIBLE) tag = subFormat(file, b);
            if (channels == 0) throw new AudioException(file, "invalid WAV header: 0 channels");
            if (channels > MAX_CHANNELS)
                throw new AudioException(file, "invalid WAV header: " + channels + " channels (at most "
                        + MAX_CHANNELS + " supported)");
            if (rate == 0 || rate > Integer.MAX_VALUE)
                throw new AudioException(file, "invalid WAV header: sample rate " + rate + " Hz");
            return new Format(channels, (int) rate, encoding(file, tag, bits));
        }

        private static int subFormat(Path file, ByteBuffer b) throws AudioException {
            if (b.limit() < 40)
                throw new AudioException(file, "invalid WAV header: WAVE_FORMAT_EXTENSIBLE fmt chunk of "
                        + b.limit() + " bytes (40 needed)");
            for (int i = 0; i < GUID_TAIL.length; i++)
                if (b.get(26 + i) != GUID_TAIL[i])
                    throw new AudioException(file, "unsupported WAV codec: WAVE_FORMAT_EXTENSIBLE with sub-format"
                            + " GUID " + guid(b, 24));
            return Short.toUnsignedInt(b.getShort(24));
        }

        private static PcmEncoding encoding(Path file, int tag, int bits) throws AudioException {
            PcmEncoding e = switch (tag) {
                case TAG_PCM -> bits < 1 ? null : bits <= 8 ? PcmEncoding.U8 : bits <= 16 ? PcmEncoding.S16
                        : bits <= 24 ? PcmEncoding.S24 : bits <= 32 ? PcmEncoding.S32 : null;
                case TAG_FLOAT -> bits == 32 ? PcmEncoding.F32 : bits == 64 ? PcmEncoding.F64 : null;
                case TAG_ALAW -> PcmEncoding.ALAW;
                case TAG_MULAW -> PcmEncoding.ULAW;
                default -> throw new AudioException(file, String.format("unsupported WAV codec: format tag 0x%04X%s",
                        tag, codecName(tag)));
            };
            if (e == null)
                throw new AudioException(file, "unsupported WAV sample size: " + bits + " bits for "
                        + (tag == TAG_PCM ? "integer PCM" : "IEEE float"));
            return e;
        }

        private static String codecName(int tag) {
            return switch (tag) {
                case 0x0002 -> " (Microsoft ADPCM)";
                case 0x0011 -> " (IMA ADPCM)";
                case 0x0031 -> " (GSM 6.10)";
                case 0x0050 -> " (MPEG audio)";
                case 0x0055 -> " (MPEG Layer III)";
                case 0x00FF, 0x1610 -> " (AAC)";
                case 0x0161, 0x0162, 0x0163 -> " (Windows Media Audio)";
                default -> "";
            };
        }

        private static String guid(ByteBuffer b, int p) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 16; i++) s.append(String.format("%02X", b.get(p + i)));
            return s.toString();
        }
    }
}
