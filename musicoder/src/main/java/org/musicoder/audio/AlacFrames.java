package org.musicoder.audio;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Apple Lossless (ALAC) frames, decoded after Apple's published format description: per channel element an
 * adaptive Golomb-Rice residual, an adaptive FIR predictor, stereo decorrelation by mix bits/residue, and low bytes
 * sent uncompressed ("shifted"). Output is scaled like libsndfile/ffmpeg: n-bit integers divided by 2^(n-1).
 */
final class AlacFrames extends M4aDecoder.Frames {
    private static final int ID_SCE = 0, ID_CPE = 1, ID_LFE = 3, ID_DSE = 4, ID_FIL = 6, ID_END = 7;
    /** Where ALAC's element order puts each channel in WAV order, by channel count (Apple's channel layouts). */
    private static final int[][] WAV_POSITION = {{0}, {0, 1}, {2, 0, 1}, {2, 0, 1, 3}, {2, 0, 1, 3, 4},
            {2, 0, 1, 4, 5, 3}, {2, 0, 1, 4, 5, 6, 3}, {2, 6, 7, 0, 1, 4, 5, 3}};

    private final int frameLength;
    private final int bitDepth;
    private final int pb;
    private final int mb;
    private final int kb;
    private final float scale;
    private final int[][] work;
    private final int[] shift;
    private float[] pcm;

    private AlacFrames(ByteBuffer c) {
        super(c.getInt(20), c.get(9) & 0xFF);
        frameLength = c.getInt(0);
        bitDepth = c.get(5) & 0xFF;
        pb = c.get(6) & 0xFF;
        mb = c.get(7) & 0xFF;
        kb = c.get(8) & 0xFF;
        scale = (float) Math.scalb(1.0, 1 - bitDepth);
        work = new int[3][frameLength];
        shift = new int[2 * frameLength];
        pcm = new float[frameLength * channels()];
    }

    /** A decoder for the 24-byte ALACSpecificConfig {@code config}. */
    static AlacFrames create(Path file, byte[] config) throws AudioException {
        if (config.length < 24) throw new AudioException(file, "invalid ALAC track: no ALACSpecificConfig");
        ByteBuffer c = ByteBuffer.wrap(config);
        long frameLength = Integer.toUnsignedLong(c.getInt(0));
        int bits = c.get(5) & 0xFF;
        int ch = c.get(9) & 0xFF;
        long rate = Integer.toUnsignedLong(c.getInt(20));
        if (frameLength == 0 || frameLength > 1 << 16 || ch == 0 || ch > 8 || rate == 0 || rate > Integer.MAX_VALUE
                || (bits != 16 && bits != 20 && bits != 24 && bits != 32))
            throw new AudioException(file, "invalid or unsupported ALAC configuration: frame length " + frameLength
                    + ", " + bits + " bits, " + ch + " channels, " + rate + " Hz");
        return new AlacFrames(c);
    }

    @Override
    int decode(byte[] frame, int length, float[][] out) {
        Bits in = new Bits(frame, length);
        int channel = 0;
        int frames = frameLength;
        while (channel < channels()) {
            int tag = in.read(3);
            switch (tag) {
                case ID_SCE, ID_LFE -> {
                    frames = element(in, 1, channel);
                    channel += 1;
                }
                case ID_CPE -> {
                    if (channel + 2 > channels()) throw new IllegalStateException("ALAC: too many channels in frame");
                    frames = element(in, 2, channel);
                    channel += 2;
                }
                case ID_DSE -> {
                    in.read(4);
                    boolean align = in.read(1) != 0;
                    int count = in.read(8);
                    if (count == 255) count += in.read(8);
                    if (align) in.align();
                    in.skip(8L * count);
                }
                case ID_FIL -> {
                    int count = in.read(4);
                    if (count == 15) count += in.read(8) - 1;
                    in.skip(8L * count);
                }
                case ID_END -> throw new IllegalStateException("ALAC: frame ends after " + channel + " of "
                        + channels() + " channels");
                default -> throw new IllegalStateException("ALAC: unsupported element " + tag);
            }
        }
        out[0] = pcm;
        return frames;
    }

    /** Decodes one single or channel-pair element into channels {@code first ..} of {@link #pcm}. */
    private int element(Bits in, int n, int first) {
        in.read(4);
        if (in.read(12) != 0) throw new IllegalStateException("ALAC: corrupt element header");
        boolean partial = in.read(1) != 0;
        int bytesShifted = in.read(2);
        boolean verbatim = in.read(1) != 0;
        int frames = partial ? in.read(32) : frameLength;
        if (frames < 0 || frames > frameLength) throw new IllegalStateException("ALAC: " + frames + " samples");
        int shiftBits = 8 * bytesShifted;
        int[] u = work[0], v = work[1];
        int mixBits = 0, mixRes = 0;
        if (!verbatim) {
            int chanBits = bitDepth - shiftBits + (n - 1);
            if (chanBits > 32 || shiftBits >= bitDepth) throw new IllegalStateException("ALAC: bad shift");
            mixBits = in.read(8);
            mixRes = (byte) in.read(8);
            Predictor[] p = new Predictor[n];
            for (int c = 0; c < n; c++) p[c] = Predictor.read(in);
            if (shiftBits > 0) {
                for (int i = 0; i < frames * n; i++) shift[i] = in.read(shiftBits);
            }
            for (int c = 0; c < n; c++) {
                int[] dst = c == 0 ? u : v;
                Rice.decode(in, work[2], frames, chanBits, mb, pb * p[c].pbFactor / 4, kb);
                p[c].apply(work[2], dst, frames, chanBits);
            }
        } else {
            for (int i = 0; i < frames; i++)
                for (int c = 0; c < n; c++) (c == 0 ? u : v)[i] = (in.read(bitDepth) << (32 - bitDepth))
                        >> (32 - bitDepth);
            shiftBits = 0;
        }
        int[] pos = WAV_POSITION[channels() - 1];
        for (int i = 0; i < frames; i++) {
            int a = u[i], b = n == 2 ? v[i] : 0;
            if (n == 2 && mixRes != 0) {
                a = u[i] + v[i] - ((mixRes * v[i]) >> mixBits);
                b = a - v[i];
            }
            if (shiftBits > 0) {
                a = (a << shiftBits) | shift[i * n];
                if (n == 2) b = (b << shiftBits) | shift[i * n + 1];
            }
            pcm[i * channels() + pos[first]] = a * scale;
            if (n == 2) pcm[i * channels() + pos[first + 1]] = b * scale;
        }
        return frames;
    }

    /** A channel's prediction parameters and its adaptive FIR filter. */
    private record Predictor(int mode, int denShift, int pbFactor, short[] coefs) {
        static Predictor read(Bits in) {
            int mode = in.read(4);
            int denShift = in.read(4);
            int pbFactor = in.read(3);
            short[] coefs = new short[in.read(5)];
            for (int i = 0; i < coefs.length; i++) coefs[i] = (short) in.read(16);
            return new Predictor(mode, denShift, pbFactor, coefs);
        }

        /** Turns residuals {@code r} into samples {@code out} ({@code chanBits}-bit, sign-extended). */
        void apply(int[] r, int[] out, int n, int chanBits) {
            if (mode != 0) firstDifference(r, n, chanBits);
            int order = coefs.length;
            int up = 32 - chanBits;
            if (n == 0) return;
            out[0] = r[0];
            if (order == 0) {
                System.arraycopy(r, 0, out, 0, n);
                return;
            }
            for (int j = 1; j <= order && j < n; j++) out[j] = ((r[j] + out[j - 1]) << up) >> up;
            int[] a = new int[order];
            for (int k = 0; k < order; k++) a[k] = coefs[k];
            int half = denShift == 0 ? 0 : 1 << (denShift - 1);
            for (int j = order + 1; j < n; j++) {
                int top = out[j - order - 1];
                int sum = 0;
                for (int k = 0; k < order; k++) sum += a[k] * (out[j - 1 - k] - top);
                int err = r[j];
                out[j] = ((err + top + ((sum + half) >> denShift)) << up) >> up;
                int sg = Integer.signum(err);
                for (int k = order - 1; k >= 0 && sg != 0; k--) {
                    int d = top - out[j - 1 - k];
                    int s = Integer.signum(d) * sg;
                    a[k] -= s;
                    err -= (order - k) * ((s * d) >> denShift);
                    if (sg > 0 ? err <= 0 : err >= 0) break;
                }
            }
        }

        /** Mode 15 sends first differences: integrates {@code r} in place. */
        private static void firstDifference(int[] r, int n, int chanBits) {
            int up = 32 - chanBits;
            for (int j = 1; j < n; j++) r[j] = ((r[j] + r[j - 1]) << up) >> up;
        }
    }

    /** ALAC's adaptive Golomb-Rice code with zero runs. */
    private static final class Rice {
        private static final int QB_SHIFT = 9;
        private static final int MAX_PREFIX = 9;

        static void decode(Bits in, int[] out, int n, int chanBits, int mb0, int pb, int kb) {
            int wb = (1 << kb) - 1;
            int mean = mb0;
            int zero = 0;
            int c = 0;
            while (c < n) {
                int k = Math.min(31 - Integer.numberOfLeadingZeros((mean >>> QB_SHIFT) + 3), kb);
                int x = value(in, k, (1 << k) - 1, chanBits);
                int v = x + zero;
                out[c++] = (v & 1) != 0 ? -((v + 1) >>> 1) : (v + 1) >>> 1;
                mean = Integer.compareUnsigned(x, 0xFFFF) > 0 ? 0xFFFF
                        : mean + pb * v - ((pb * mean) >>> QB_SHIFT);
                zero = 0;
                if (Integer.compareUnsigned(mean << 2, 1 << QB_SHIFT) < 0 && c < n) {
                    zero = 1;
                    int kz = Integer.numberOfLeadingZeros(mean) - 24 + ((mean + 16) >> 6);
                    int run = value(in, kz, ((1 << kz) - 1) & wb, 16);
                    if (c + run > n) throw new IllegalStateException("ALAC: zero run past the frame");
                    for (int j = 0; j < run; j++) out[c++] = 0;
                    if (run >= 0xFFFF) zero = 0;
                    mean = 0;
                }
            }
        }

        /**
         * One code: a unary prefix p, then k bits x giving p * m + x - 1 (only k - 1 bits, giving p * m, when x < 2),
         * or after {@code MAX_PREFIX} ones a raw value of {@code rawBits} bits.
         */
        private static int value(Bits in, int k, int m, int rawBits) {
            int prefix = in.ones(MAX_PREFIX);
            if (prefix >= MAX_PREFIX) return in.read(rawBits);
            if (k <= 1) return prefix * m;
            int x = in.peek(k);
            if (x < 2) {
                in.skip(k - 1);
                return prefix * m;
            }
            in.skip(k);
            return prefix * m + x - 1;
        }
    }

    /** Big-endian bit reader over one frame; reading past its end is an error. */
    private static final class Bits {
        private final byte[] b;
        private final long end;
        private long pos;

        Bits(byte[] b, int length) {
            this.b = b;
            this.end = 8L * length;
        }

        int read(int n) {
            int v = peek(n);
            pos += n;
            return v;
        }

        int peek(int n) {
            if (n == 0) return 0;
            if (pos + n > end) throw new IllegalStateException("ALAC: frame data cut short");
            long v = 0;
            long p = pos;
            int got = 0;
            while (got < n) {
                int byteBits = 8 - (int) (p & 7);
                int take = Math.min(byteBits, n - got);
                int x = (b[(int) (p >>> 3)] >>> (byteBits - take)) & ((1 << take) - 1);
                v = (v << take) | x;
                got += take;
                p += take;
            }
            return (int) v;
        }

        /** Counts 1 bits up to the first 0 (consumed) or up to {@code max} ones (then nothing more is consumed). */
        int ones(int max) {
            int n = 0;
            while (n < max && read(1) == 1) n++;
            return n;
        }

        void skip(long n) {
            if (pos + n > end) throw new IllegalStateException("ALAC: frame data cut short");
            pos += n;
        }

        void align() {
            pos = (pos + 7) & ~7L;
        }
    }
}
