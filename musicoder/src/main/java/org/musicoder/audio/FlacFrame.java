package org.musicoder.audio;

import java.io.IOException;

/**
 * Decodes FLAC frames (RFC 9639 section 9): the header, each channel's subframe (constant, verbatim, fixed or LPC
 * prediction, Rice-coded residual), the stereo decorrelation, the CRCs. One instance per stream; the samples of
 * the last frame stay in {@link #samples} until the next one.
 */
final class FlacFrame {
    /** Signals data that is not a valid frame. */
    static final class Invalid extends Exception {
        /** Whether the frame's header was valid (its CRC-8 matched), so the damage is inside a frame. */
        final boolean inFrame;

        Invalid(String why, boolean inFrame) {
            super(why, null, false, false);
            this.inFrame = inFrame;
        }

        Invalid(String why) {
            this(why, true);
        }
    }

    private static final int[] SAMPLE_BITS = {0, 8, 12, -1, 16, 20, 24, 32};

    private final FlacBits in;
    private final int streamBits;
    /** Per channel, the decoded samples of the last frame (integers of {@link #bits} bits). */
    int[][] samples = new int[0][];
    int blockSize;
    int channels;
    int bits;
    private final int[] coefficients = new int[32];

    FlacFrame(FlacBits in, int streamBits) {
        this.in = in;
        this.streamBits = streamBits;
    }

    /**
     * Reads the frame that starts at the next byte.
     *
     * @throws Invalid            if the bytes there are not a valid frame
     * @throws java.io.EOFException if the stream ends inside the frame
     */
    void read() throws IOException, Invalid {
        in.mark();
        if (in.readUInt(15) != 0x7FFC) throw new Invalid("no frame sync code", false);
        in.readUInt(1); // blocking strategy: fixed or variable, the same to a decoder
        int sizeCode = in.readUInt(4), rateCode = in.readUInt(4), assignment = in.readUInt(4);
        int bitsCode = in.readUInt(3);
        if (in.readUInt(1) != 0 || sizeCode == 0 || rateCode == 15 || assignment > 10 || bitsCode == 3)
            throw new Invalid("reserved value in frame header", false);
        skipCodedNumber();
        blockSize = sizeCode == 1 ? 192 : sizeCode <= 5 ? 576 << (sizeCode - 2) : sizeCode == 6 ? in.readUInt(8) + 1
                : sizeCode == 7 ? in.readUInt(16) + 1 : 256 << (sizeCode - 8);
        if (rateCode >= 12) in.readUInt(rateCode == 12 ? 8 : 16); // the rate in Hz; STREAMINFO's is used
        bits = bitsCode == 0 ? streamBits : SAMPLE_BITS[bitsCode];
        int crc = in.crc8();
        if (in.readUInt(8) != crc) throw new Invalid("frame header CRC-8 mismatch", false);
        channels = assignment < 8 ? assignment + 1 : 2;
        if (samples.length < channels || samples[0].length < blockSize) samples = new int[channels][blockSize];
        for (int c = 0; c < channels; c++) {
            boolean side = (assignment == 8 && c == 1) || (assignment == 9 && c == 0) || (assignment == 10 && c == 1);
            subframe(samples[c], bits + (side ? 1 : 0));
        }
        decorrelate(assignment);
        in.align();
        int frameCrc = in.crc16();
        if (in.readUInt(16) != frameCrc) throw new Invalid("frame CRC-16 mismatch");
    }

    /** Skips the frame or sample number (1 to 7 bytes, coded like UTF-8). */
    private void skipCodedNumber() throws IOException, Invalid {
        int first = in.readUInt(8);
        int more = first < 0x80 ? 0 : first < 0xC0 ? -1 : first < 0xE0 ? 1 : first < 0xF0 ? 2 : first < 0xF8 ? 3
                : first < 0xFC ? 4 : first < 0xFE ? 5 : first == 0xFE ? 6 : -1;
        if (more < 0) throw new Invalid("invalid coded frame number", false);
        for (int i = 0; i < more; i++)
            if ((in.readUInt(8) & 0xC0) != 0x80) throw new Invalid("invalid coded frame number", false);
    }

    private void subframe(int[] s, int sampleBits) throws IOException, Invalid {
        if (in.readUInt(1) != 0) throw new Invalid("subframe padding bit set");
        int type = in.readUInt(6);
        int wasted = in.readUInt(1) == 1 ? in.readUnary() + 1 : 0;
        int width = sampleBits - wasted;
        if (width <= 0) throw new Invalid("subframe wastes all its bits");
        if (width > 32) throw new Invalid("samples wider than 32 bits are not supported");
        int n = blockSize;
        if (type == 0) {
            java.util.Arrays.fill(s, 0, n, in.readSInt(width));
        } else if (type == 1) {
            for (int i = 0; i < n; i++) s[i] = in.readSInt(width);
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            warmUp(s, order, width);
            residual(s, order);
            fixed(s, order, n);
        } else if (type >= 32) {
            int order = type - 31;
            warmUp(s, order, width);
            int precision = in.readUInt(4) + 1;
            if (precision == 16) throw new Invalid("invalid LPC precision");
            int shift = in.readSInt(5);
            if (shift < 0) throw new Invalid("negative LPC shift");
            for (int j = 0; j < order; j++) coefficients[j] = in.readSInt(precision);
            residual(s, order);
            lpc(s, order, shift, n);
        } else {
            throw new Invalid("reserved subframe type " + type);
        }
        if (wasted > 0) for (int i = 0; i < n; i++) s[i] <<= wasted;
    }

    private void warmUp(int[] s, int order, int width) throws IOException, Invalid {
        if (order > blockSize) throw new Invalid("predictor order " + order + " exceeds block size " + blockSize);
        for (int i = 0; i < order; i++) s[i] = in.readSInt(width);
    }

    /** Reads the partitioned Rice residual into {@code s[order..blockSize)}. */
    private void residual(int[] s, int order) throws IOException, Invalid {
        int method = in.readUInt(2);
        if (method > 1) throw new Invalid("reserved residual coding method");
        int paramBits = method == 0 ? 4 : 5, escape = (1 << paramBits) - 1;
        int partitionOrder = in.readUInt(4);
        int per = blockSize >> partitionOrder;
        if (per << partitionOrder != blockSize || per < order) throw new Invalid("invalid residual partition order");
        int at = order;
        for (int p = 0; p < 1 << partitionOrder; p++) {
            int end = at + per - (p == 0 ? order : 0);
            int k = in.readUInt(paramBits);
            if (k == escape) {
                int width = in.readUInt(5);
                for (int i = at; i < end; i++) s[i] = width == 0 ? 0 : in.readSInt(width);
            } else {
                in.readRice(s, at, end, k);
            }
            at = end;
        }
    }

    /** Adds the fixed polynomial predictions of order 0-4 to the residuals in {@code s[order..n)}. */
    private static void fixed(int[] s, int order, int n) {
        switch (order) {
            case 1 -> { for (int i = 1; i < n; i++) s[i] += s[i - 1]; }
            case 2 -> { for (int i = 2; i < n; i++) s[i] += 2 * s[i - 1] - s[i - 2]; }
            case 3 -> { for (int i = 3; i < n; i++) s[i] += 3 * s[i - 1] - 3 * s[i - 2] + s[i - 3]; }
            case 4 -> { for (int i = 4; i < n; i++) s[i] += 4 * s[i - 1] - 6 * s[i - 2] + 4 * s[i - 3] - s[i - 4]; }
            default -> { }
        }
    }

    /** Adds the LPC predictions {@code (sum_j c[j] s[i-1-j]) >> shift} to the residuals in {@code s[order..n)}. */
    private void lpc(int[] s, int order, int shift, int n) {
        int[] c = coefficients;
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) sum += (long) c[j] * s[i - 1 - j];
            s[i] += (int) (sum >> shift);
        }
    }

    /** Turns left/side, side/right and mid/side pairs into left and right. */
    private void decorrelate(int assignment) {
        int[] a = samples[0], b = samples[1 % samples.length];
        int n = blockSize;
        switch (assignment) {
            case 8 -> { for (int i = 0; i < n; i++) b[i] = a[i] - b[i]; }
            case 9 -> { for (int i = 0; i < n; i++) a[i] += b[i]; }
            case 10 -> {
                for (int i = 0; i < n; i++) {
                    int mid = (a[i] << 1) | (b[i] & 1), side = b[i];
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
            default -> { }
        }
    }
}
