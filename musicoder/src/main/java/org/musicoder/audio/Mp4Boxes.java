package org.musicoder.audio;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the boxes of an MP4 {@code moov} box held in memory (ISO/IEC 14496-12; esds per 14496-1). */
final class Mp4Boxes {
    /** Codec frames per track at most (2^24: 100 hours of 44.1 kHz AAC). */
    private static final long MAX_SAMPLES = 1 << 24;

    private Mp4Boxes() {}

    /** The first track whose handler is {@code soun}, with its sample table and edit list. */
    static Mp4Track soundTrack(Path file, ByteBuffer moov, long fileSize) throws AudioException {
        try {
            ByteBuffer mvhd = child(moov, "mvhd");
            long movieScale = mvhd == null ? 0 : timescale(mvhd);
            for (ByteBuffer trak : children(moov, "trak")) {
                ByteBuffer mdia = child(trak, "mdia");
                ByteBuffer hdlr = mdia == null ? null : child(mdia, "hdlr");
                if (hdlr == null || hdlr.limit() < 12 || !FileBytes.fourCc(hdlr, 8).equals("soun")) continue;
                return track(file, trak, mdia, movieScale, fileSize);
            }
            if (child(moov, "mvex") != null)
                throw new AudioException(file, "unsupported MP4 file: fragmented (moof), no sound track in moov");
            throw new AudioException(file, "MP4 file without an audio track");
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new AudioException(file, "invalid MP4 file: a box in moov is cut short or inconsistent");
        }
    }

    private static Mp4Track track(Path file, ByteBuffer trak, ByteBuffer mdia, long movieScale, long fileSize)
            throws AudioException {
        ByteBuffer mdhd = require(file, mdia, "mdhd");
        long scale = timescale(mdhd);
        ByteBuffer stbl = require(file, require(file, mdia, "minf"), "stbl");
        ByteBuffer stsd = require(file, stbl, "stsd");
        ByteBuffer entry = stsd.position(8).slice();
        long entryLen = Integer.toUnsignedLong(entry.getInt(0));
        String codec = FileBytes.fourCc(entry, 4);
        entry.limit((int) Math.min(entry.limit(), entryLen));
        int version = Short.toUnsignedInt(entry.getShort(16));
        int channels = Short.toUnsignedInt(entry.getShort(24));
        int rate = (int) (Integer.toUnsignedLong(entry.getInt(32)) >>> 16);
        int childrenAt = 36 + (version == 1 ? 16 : version == 2 ? 36 : 0);
        ByteBuffer boxes = entry.position(childrenAt).slice();
        byte[] config = new byte[0];
        int objectType = 0;
        if (codec.equals("mp4a")) {
            ByteBuffer esds = child(boxes, "esds");
            ByteBuffer wave = child(boxes, "wave");
            if (esds == null && wave != null) esds = child(wave, "esds");
            if (esds != null) {
                Esds e = Esds.parse(esds.position(4).slice());
                config = e.config;
                objectType = e.objectType;
            }
        } else if (codec.equals("alac")) {
            ByteBuffer alac = child(boxes, "alac");
            if (alac != null && alac.limit() >= 28) config = bytes(alac.position(4).slice(), 24);
        }
        if (!codec.equals("mp4a") && !codec.equals("alac"))
            throw new AudioException(file, "unsupported MP4 audio codec '" + codec + "'" + codecName(codec));
        List<long[]> table = samples(file, stbl, fileSize);
        long[] edit = edit(trak, movieScale, scale);
        return new Mp4Track(codec, channels, rate, config, objectType, table.get(0),
                toInts(table.get(1)), edit[0], edit[1], scale);
    }

    /** Sample offsets and sizes from stsz, stsc and stco/co64; stops at the first sample past the file's end. */
    private static List<long[]> samples(Path file, ByteBuffer stbl, long fileSize) throws AudioException {
        ByteBuffer stsz = require(file, stbl, "stsz");
        ByteBuffer stsc = require(file, stbl, "stsc");
        ByteBuffer stco = child(stbl, "stco");
        ByteBuffer co64 = child(stbl, "co64");
        if (stco == null && co64 == null) throw new AudioException(file, "invalid MP4 file: no stco/co64 box");
        long fixed = Integer.toUnsignedLong(stsz.getInt(4));
        long count = Integer.toUnsignedLong(stsz.getInt(8));
        if (fixed == 0 && count > (stsz.limit() - 12) / 4)
            throw new AudioException(file, "invalid MP4 file: stsz lists " + count + " samples in "
                    + stsz.limit() + " bytes");
        if (fixed > 0) count = Math.min(count, fileSize / fixed);
        if (count > MAX_SAMPLES)
            throw new AudioException(file, "MP4 audio track of " + count + " codec frames is too long (at most "
                    + MAX_SAMPLES + ")");
        boolean wide = stco == null;
        ByteBuffer co = wide ? co64 : stco;
        long chunks = Integer.toUnsignedLong(co.getInt(4));
        long entries = Integer.toUnsignedLong(stsc.getInt(4));
        long[] offsets = new long[(int) count];
        long[] sizes = new long[(int) count];
        int n = 0;
        for (long e = 0; e < entries && n < count; e++) {
            long first = Integer.toUnsignedLong(stsc.getInt(8 + (int) e * 12)) - 1;
            long perChunk = Integer.toUnsignedLong(stsc.getInt(12 + (int) e * 12));
            long last = e + 1 < entries ? Integer.toUnsignedLong(stsc.getInt(20 + (int) e * 12)) - 1 : chunks;
            for (long c = first; c < Math.min(last, chunks) && n < count; c++) {
                long pos = wide ? co.getLong(8 + (int) c * 8) : Integer.toUnsignedLong(co.getInt(8 + (int) c * 4));
                for (long s = 0; s < perChunk && n < count; s++, n++) {
                    long size = fixed > 0 ? fixed : Integer.toUnsignedLong(stsz.getInt(12 + n * 4));
                    if (pos + size > fileSize) return List.of(java.util.Arrays.copyOf(offsets, n),
                            java.util.Arrays.copyOf(sizes, n));
                    offsets[n] = pos;
                    sizes[n] = size;
                    pos += size;
                }
            }
        }
        return List.of(java.util.Arrays.copyOf(offsets, n), java.util.Arrays.copyOf(sizes, n));
    }

    /**
     * The first non-empty edit: {media time to skip, duration to keep} in the track's time scale; {0, -1} without
     * an edit list.
     */
    private static long[] edit(ByteBuffer trak, long movieScale, long scale) {
        ByteBuffer edts = child(trak, "edts");
        ByteBuffer elst = edts == null ? null : child(edts, "elst");
        if (elst == null || movieScale == 0) return new long[] {0, -1};
        int version = elst.get(0);
        long count = Integer.toUnsignedLong(elst.getInt(4));
        int at = 8;
        for (long i = 0; i < count; i++) {
            long duration = version == 1 ? elst.getLong(at) : Integer.toUnsignedLong(elst.getInt(at));
            long mediaTime = version == 1 ? elst.getLong(at + 8) : elst.getInt(at + 4);
            at += version == 1 ? 20 : 12;
            if (mediaTime < 0) continue;
            long keep = duration == 0 ? -1 : Math.round(duration * (double) scale / movieScale);
            return new long[] {mediaTime, keep};
        }
        return new long[] {0, -1};
    }

    /** The decoder config and object type of an esds box body (after version and flags). */
    private record Esds(byte[] config, int objectType) {
        static Esds parse(ByteBuffer b) {
            byte[] config = new byte[0];
            int objectType = 0;
            while (b.remaining() >= 2) {
                int tag = b.get() & 0xFF;
                int len = descriptorLength(b);
                int end = Math.min(b.limit(), b.position() + len);
                switch (tag) {
                    case 3 -> {   // ES_Descriptor: ES_ID, flags, optional fields, then nested descriptors
                        b.getShort();
                        int flags = b.get() & 0xFF;
                        if ((flags & 0x80) != 0) b.getShort();
                        if ((flags & 0x40) != 0) b.position(b.position() + 1 + (b.get(b.position()) & 0xFF));
                        if ((flags & 0x20) != 0) b.getShort();
                        continue;
                    }
                    case 4 -> {   // DecoderConfigDescriptor, then nested DecoderSpecificInfo
                        objectType = b.get() & 0xFF;
                        b.position(b.position() + 12);
                        continue;
                    }
                    case 5 -> config = bytes(b.slice(), end - b.position());
                    default -> { }
                }
                b.position(end);
            }
            return new Esds(config, objectType);
        }

        private static int descriptorLength(ByteBuffer b) {
            int len = 0;
            for (int i = 0; i < 4 && b.hasRemaining(); i++) {
                int x = b.get() & 0xFF;
                len = (len << 7) | (x & 0x7F);
                if ((x & 0x80) == 0) break;
            }
            return len;
        }
    }

    private static String codecName(String codec) {
        return switch (codec) {
            case "ac-3", "ec-3" -> " (Dolby Digital)";
            case "Opus" -> " (Opus in MP4)";
            case "fLaC" -> " (FLAC in MP4)";
            case "twos", "sowt", "lpcm", "in24", "in32", "fl32", "fl64" -> " (PCM in MP4/MOV)";
            default -> "";
        };
    }

    /** The timescale of an mvhd or mdhd box body. */
    private static long timescale(ByteBuffer b) {
        return Integer.toUnsignedLong(b.getInt(b.get(0) == 1 ? 20 : 12));
    }

    /** The body of the first child box of {@code type} in {@code parent}'s body, or null. */
    static ByteBuffer child(ByteBuffer parent, String type) {
        List<ByteBuffer> all = find(parent, type, true);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<ByteBuffer> children(ByteBuffer parent, String type) {
        return find(parent, type, false);
    }

    private static List<ByteBuffer> find(ByteBuffer parent, String type, boolean first) {
        List<ByteBuffer> out = new ArrayList<>();
        int pos = 0;
        while (pos + 8 <= parent.limit()) {
            long len = Integer.toUnsignedLong(parent.getInt(pos));
            int header = 8;
            if (len == 1 && pos + 16 <= parent.limit()) {
                len = parent.getLong(pos + 8);
                header = 16;
            } else if (len == 0) {
                len = parent.limit() - pos;
            }
            if (len < header || pos + len > parent.limit()) break;
            if (FileBytes.fourCc(parent, pos + 4).equals(type)) {
                out.add(parent.slice(pos + header, (int) len - header).order(parent.order()));
                if (first) break;
            }
            pos += (int) len;
        }
        return out;
    }

    private static ByteBuffer require(Path file, ByteBuffer parent, String type) throws AudioException {
        ByteBuffer b = child(parent, type);
        if (b == null) throw new AudioException(file, "invalid MP4 file: no " + type + " box in the audio track");
        return b;
    }

    private static byte[] bytes(ByteBuffer b, int n) {
        byte[] a = new byte[Math.max(0, Math.min(n, b.remaining()))];
        b.get(a);
        return a;
    }

    private static int[] toInts(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (int) Math.min(a[i], Integer.MAX_VALUE);
        return r;
    }
}
