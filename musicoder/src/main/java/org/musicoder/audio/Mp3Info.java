package org.musicoder.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * What the start of an MPEG audio file says about its layout: the first frame's header, and the gapless-playback
 * information of a Xing/Info tag in that frame (frame count) with a LAME-style extension (encoder delay and
 * padding, 12 bits each), read the way ffmpeg reads them.
 *
 * @param firstFrame    byte offset of the first frame (after an ID3v2 tag)
 * @param frameBytes    size of the first frame in bytes (an estimate of later frames for a CBR file)
 * @param sampleRate    Hz
 * @param samplesPerFrame 384 (Layer I), 1152 (Layer II, Layer III MPEG-1) or 576 (Layer III MPEG-2/2.5)
 * @param hasInfoTag    the first frame is a Xing/Info tag frame (decodes to silence; not part of the audio)
 * @param frames        audio frames after the tag frame, from the tag; -1 if unknown
 * @param hasDelays     the tag has an encoder delay/padding field from LAME or ffmpeg (Lavf/Lavc)
 * @param encoderDelay  samples the encoder put before the audio
 * @param padding       samples the encoder appended after the audio
 */
record Mp3Info(long firstFrame, int frameBytes, int sampleRate, int samplesPerFrame, boolean hasInfoTag,
               long frames, boolean hasDelays, int encoderDelay, int padding) {
    /** Delay of the MPEG-1/2 Layer III synthesis: the first decoded sample that belongs to the audio. */
    static final int DECODER_DELAY = 529;
    private static final int SCAN_BYTES = 1 << 16;
    private static final int[][] SAMPLE_RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000},
            {44100, 48000, 32000}};
    /** Bit rates in kbit/s by [MPEG-1 ? 0 : 1][layer - 1][index]. */
    private static final int[][][] BIT_RATES = {
            {{0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
                    {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
                    {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}},
            {{0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
                    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
                    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}}};

    /** Whether {@code b[p..p+3]} is a plausible MPEG audio frame header. */
    static boolean isFrameHeader(byte[] b, int p) {
        if (p + 4 > b.length) return false;
        int b1 = b[p + 1] & 0xFF, b2 = b[p + 2] & 0xFF;
        return (b[p] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0 && ((b1 >> 3) & 3) != 1 && ((b1 >> 1) & 3) != 0
                && (b2 >> 4) != 15 && ((b2 >> 2) & 3) != 3;
    }

    /** Reads the ID3v2 tag size, the first frame header and its Xing/Info/LAME tag. */
    static Mp3Info read(java.nio.file.Path file, FileChannel in) throws IOException {
        long pos = Id3v2.end(in);
        ByteBuffer buf = FileBytes.readAt(in, pos, SCAN_BYTES, ByteOrder.BIG_ENDIAN);
        byte[] b = buf.array();
        int p = 0;
        while (p + 4 <= buf.limit() && !isFrameHeader(b, p)) p++;
        if (p + 4 > buf.limit())
            throw new AudioException(file, "no MPEG audio frame found in the first " + SCAN_BYTES + " bytes"
                    + (pos > 0 ? " after the ID3v2 tag" : ""));
        int b1 = b[p + 1] & 0xFF, b2 = b[p + 2] & 0xFF, b3 = b[p + 3] & 0xFF;
        int version = (b1 >> 3) & 3;
        int layer = 4 - ((b1 >> 1) & 3);
        boolean mpeg1 = version == 3;
        boolean mono = (b3 >> 6) == 3;
        int rate = SAMPLE_RATES[version][(b2 >> 2) & 3];
        int spf = layer == 1 ? 384 : layer == 2 || mpeg1 ? 1152 : 576;
        int kbps = BIT_RATES[mpeg1 ? 0 : 1][layer - 1][b2 >> 4];
        int pad = (b2 >> 1) & 1;
        int frameBytes = kbps == 0 ? 0 : layer == 1 ? (12000 * kbps / rate + pad) * 4
                : spf / 8 * 1000 * kbps / rate + pad;
        long first = pos + p;
        int tag = p + 4 + (layer != 3 ? 0 : mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if (layer != 3 || !isInfoTag(b, tag, buf.limit()))
            return new Mp3Info(first, frameBytes, rate, spf, false, -1, false, 0, 0);
        ByteBuffer t = ByteBuffer.wrap(b, 0, buf.limit());
        int flags = t.getInt(tag + 4);
        int q = tag + 8;
        long frames = -1;
        if ((flags & 1) != 0) {
            frames = Integer.toUnsignedLong(t.getInt(q));
            q += 4;
        }
        if ((flags & 2) != 0) q += 4;
        if ((flags & 4) != 0) q += 100;
        if ((flags & 8) != 0) q += 4;
        int delays = q + 9 + 12;
        boolean lame = delays + 3 <= buf.limit() && (startsWith(b, q, "LAME") || startsWith(b, q, "Lavf")
                || startsWith(b, q, "Lavc"));
        int v = lame ? ((b[delays] & 0xFF) << 16) | ((b[delays + 1] & 0xFF) << 8) | (b[delays + 2] & 0xFF) : 0;
        return new Mp3Info(first, frameBytes, rate, spf, true, frames, lame, v >> 12, v & 0xFFF);
    }

    private static boolean isInfoTag(byte[] b, int p, int limit) {
        return p + 160 <= limit && (startsWith(b, p, "Xing") || startsWith(b, p, "Info"));
    }

    private static boolean startsWith(byte[] b, int p, String s) {
        for (int i = 0; i < s.length(); i++) if (b[p + i] != s.charAt(i)) return false;
        return true;
    }
}
