package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The first audio track of an MP4/M4A/MOV file, from its {@code moov} box: codec, configuration, where each
 * sample (codec frame) lies, and the edit list's start and length, which is how ffmpeg aligns AAC (the 1024 or 2112
 * priming samples are skipped) and trims the end padding. Fragmented files ({@code moof}) are not read.
 *
 * @param codec      the sample entry's four-character code ({@code mp4a}, {@code alac}, ...)
 * @param channels   channels of the sample entry
 * @param sampleRate sample rate of the sample entry (Hz; for AAC the decoder's own rate counts)
 * @param config     the decoder configuration: AAC's AudioSpecificConfig, ALAC's 24-byte cookie; empty if none
 * @param objectType the esds object type of an {@code mp4a} entry (0x40: AAC, 0x69/0x6B: MP3), else 0
 * @param offsets    byte offset of each sample in the file
 * @param sizes      byte size of each sample (samples past the end of a cut file are left out)
 * @param skip       frames to drop at the start (edit list media time, in the track's time scale)
 * @param duration   frames to keep after them (edit list duration, in the track's time scale); -1: all
 * @param timescale  the track's time scale (units per second)
 */
record Mp4Track(String codec, int channels, int sampleRate, byte[] config, int objectType, long[] offsets,
                int[] sizes, long skip, long duration, long timescale) {
    /** Largest {@code moov} box read (its sample tables grow by 4-12 bytes a frame: hours of audio fit). */
    private static final long MAX_MOOV_BYTES = 64L << 20;

    /** Finds the {@code moov} box among the top-level boxes and reads the first sound track from it. */
    static Mp4Track read(Path file, FileChannel in, long start) throws IOException {
        long size = in.size();
        long pos = start;
        while (pos + 8 <= size) {
            ByteBuffer h = FileBytes.readAt(in, pos, 16, ByteOrder.BIG_ENDIAN);
            long len = Integer.toUnsignedLong(h.getInt(0));
            String type = FileBytes.fourCc(h, 4);
            int header = 8;
            if (len == 1) {
                if (h.limit() < 16) break;
                len = h.getLong(8);
                header = 16;
            } else if (len == 0) {
                len = size - pos;
            }
            if (len < header) throw new AudioException(file, "invalid MP4 file: box '" + type + "' of " + len
                    + " bytes at byte " + pos);
            if (type.equals("moov")) {
                long body = len - header;
                if (body > MAX_MOOV_BYTES || pos + len > size)
                    throw new AudioException(file, pos + len > size ? "truncated MP4 file: the moov box (track"
                            + " index) is cut short" : "MP4 moov box of " + body + " bytes is too large");
                ByteBuffer moov = FileBytes.readAt(in, pos + header, (int) body, ByteOrder.BIG_ENDIAN);
                return Mp4Boxes.soundTrack(file, moov, size);
            }
            pos += len;
        }
        throw new AudioException(file, "truncated or invalid MP4 file: no moov box (track index)");
    }

    /** Number of samples (codec frames). */
    int count() {
        return sizes.length;
    }

    /** Reads sample {@code i} into {@code buf} (grown when too small); returns the buffer holding it. */
    byte[] sample(FileChannel in, int i, byte[] buf) throws IOException {
        byte[] b = buf.length >= sizes[i] ? buf : new byte[sizes[i]];
        ByteBuffer bb = ByteBuffer.wrap(b, 0, sizes[i]);
        while (bb.hasRemaining()) if (in.read(bb, offsets[i] + bb.position()) < 0) break;
        return b;
    }
}
