package org.musicoder.features;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-precision real-input FFT of a power-of-two size {@code n}, computed for many frames at once (and, by
 * {@link #doubleBatch}, the same in double precision).
 *
 * <p>Layout: a {@link Batch} holds {@code width} frames side by side, index-major and frame-minor. Sample pair
 * {@code j} and, after the transform, every intermediate value is a {@code float[width]} row whose lane
 * {@code f} belongs to frame {@code f}, so each butterfly is a plain loop over the lanes with its twiddle factor
 * fixed, which HotSpot C2 (JDK 17, AVX2/AVX-512) compiles to SIMD code. Typical use, e.g. by the STFT or by a CQT
 * that takes the FFTs of frames of a zero-padded signal:
 * <pre>
 * FrameFft.Batch b = FrameFft.of(n).batch(64);      // once per thread; reuse for every block
 * b.frames(0, y, start, hop, count, window);        // lane f = y[start + f*hop ..][0, n) * window
 * b.transform();
 * b.bin(k, re, im);                                 // re[f] + i im[f] = X_k of frame f, k = 0..n/2
 * b.power(out, t0, count);                          // or |X_k|^2 straight into out[k][t0 + f]
 * </pre>
 * For centred frames with zero padding (librosa's {@code center=True, pad_mode='constant'}) pad the signal once
 * with {@code n/2} zeros on each side; frame {@code t} then starts at {@code t * hop} of the padded signal. Stale
 * lanes (beyond the frames loaded) are transformed too and can simply be ignored.
 *
 * <p>Units: {@code X_k = sum_{j<n} x_j w_j exp(-2 pi i j k / n)}, {@code k = 0..n/2}: numpy's {@code rfft} of the
 * windowed frame, unnormalised, in the units of the samples (so {@code librosa.stft}'s value for that frame).
 * Accuracy: max abs error {@literal <=} 3e-7 of the frame's largest {@code |X_k|} against a double-precision FFT, on
 * random and on music frames, sizes 4..8192.
 *
 * <p>Algorithm: the complex FFT of size {@code n/2} of {@code z_j = x_{2j} + i x_{2j+1}} (radix-4 decimation in
 * frequency, a radix-2 stage when {@code log2(n/2)} is odd; stages whose butterflies span fewer rows than fit in
 * L1 run depth first: {@link FftLanes}), then the real-input split {@code X_k = E_k + W_n^k O_k}. Plans (twiddle
 * and bit-reversal tables) are cached per size and immutable; a {@code Batch} is a work area for one thread at a
 * time and allocates nothing after its creation.
 */
public final class FrameFft {
    private static final ConcurrentHashMap<Integer, FrameFft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    /** Size {@code n/2} of the complex FFT. */
    final int m;
    /** {@code W_m^t = cos - i sin} of {@code 2 pi t / m}, {@code t < m}. */
    final double[] cos;
    final double[] sin;
    /** Half of {@code cos} and {@code sin} of {@code 2 pi k / n}, {@code k <= m}, for the split step. */
    final double[] halfCos;
    final double[] halfSin;
    /** Complex bin {@code k} of size {@code m} ends up in row {@code rev[k]} (bit reversal). */
    final int[] rev;

    private FrameFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1)
            throw new IllegalArgumentException("FrameFft: size must be a power of two >= 4, got " + n);
        this.n = n;
        this.m = n / 2;
        cos = new double[m];
        sin = new double[m];
        for (int t = 0; t < m; t++) {
            cos[t] = Math.cos(2 * Math.PI * t / m);
            sin[t] = Math.sin(2 * Math.PI * t / m);
        }
        halfCos = new double[m + 1];
        halfSin = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            halfCos[k] = 0.5 * Math.cos(2 * Math.PI * k / n);
            halfSin[k] = 0.5 * Math.sin(2 * Math.PI * k / n);
        }
        rev = new int[m];
        int bits = Integer.numberOfTrailingZeros(m);
        for (int k = 0; k < m; k++) rev[k] = bits == 0 ? 0 : Integer.reverse(k) >>> (32 - bits);
    }

    /**
     * The cached plan for frames of {@code n} samples.
     *
     * @param n FFT size (samples per frame), a power of two {@code >= 4}
     */
    public static FrameFft of(int n) {
        return PLANS.computeIfAbsent(n, FrameFft::new);
    }

    /** Frame length {@code n} (samples); spectra have {@code n/2 + 1} bins. */
    public int size() {
        return n;
    }

    /**
     * A new work area for {@code width} frames ({@code n width} floats). Use at least 32 (C2 does not vectorize
     * loops that are shorter than its unroll factor, 16 on AVX-512), ideally a multiple of 16; on this project's
     * machines 64 and 128 were fastest for {@code n = 2048}.
     *
     * @param width frames per transform, {@code >= 1}
     */
    public Batch batch(int width) {
        return new Batch(width);
    }

    /**
     * A new double-precision work area for {@code width} frames ({@code n width} doubles); see
     * {@link FrameFftDouble}.
     *
     * @param width frames per transform, {@code >= 1} (at least 16 for SIMD code)
     */
    public FrameFftDouble doubleBatch(int width) {
        return new FrameFftDouble(this, width);
    }

    /** {@code width} frames in the index-major layout, their transform, and their spectra. */
    public final class Batch extends FftLanes {
        /** Input as {@code x_{2j} + i x_{2j+1}} in rows {@code j < m}; overwritten by the complex FFT. */
        private final float[][] zr;
        private final float[][] zi;
        private final float[] rowRe;
        private final float[] rowIm;
        private final float[] rowPower;

        private Batch(int width) {
            super(FrameFft.this, width, 2 * Float.BYTES);
            zr = new float[m][width];
            zi = new float[m][width];
            rowRe = new float[width];
            rowIm = new float[width];
            rowPower = new float[width];
        }

        /**
         * Loads frame {@code f} as {@code src[off + j] * window[j]}, {@code j < n}.
         *
         * @param f      lane, {@code 0 <= f < width}
         * @param src    samples; {@code [off, off + n)} must lie inside it
         * @param off    first sample of the frame
         * @param window {@code n} weights, or {@code null} for all ones
         */
        public void frame(int f, float[] src, int off, float[] window) {
            checkRange(src, off, n);
            for (int j = 0; j < m; j++) {
                float even = src[off + 2 * j];
                float odd = src[off + 2 * j + 1];
                if (window != null) {
                    even *= window[2 * j];
                    odd *= window[2 * j + 1];
                }
                zr[j][f] = even;
                zi[j][f] = odd;
            }
        }

        /**
         * Loads {@code count} frames into lanes {@code lane..lane+count-1}: lane {@code lane + i} gets the frame
         * starting at sample {@code off + i * hop}, weighted as in {@link #frame}. Other lanes keep their contents
         * (stale lanes are transformed too, harmlessly: lanes never mix).
         *
         * @param lane   first lane, {@code >= 0}
         * @param src    samples; all {@code count} frames must lie inside it
         * @param off    first sample of the first frame
         * @param hop    samples between frame starts, {@code >= 1}
         * @param count  frames, {@code >= 1}, with {@code lane + count <= width}
         * @param window {@code n} weights, or {@code null} for all ones
         */
        public void frames(int lane, float[] src, int off, int hop, int count, float[] window) {
            if (lane < 0 || count < 1 || lane + count > width || hop < 1)
                throw new IllegalArgumentException("FrameFft: need lanes [" + lane + ", " + (lane + count)
                        + ") inside [0, " + width + "), count >= 1 and hop >= 1 (hop " + hop + ")");
            checkRange(src, off, (count - 1) * (long) hop + n);
            for (int j = 0; j < m; j += 2) {
                float[] re0 = zr[j], im0 = zi[j], re1 = zr[j + 1], im1 = zi[j + 1];
                float w0 = 1f, w1 = 1f, w2 = 1f, w3 = 1f;
                if (window != null) {
                    w0 = window[2 * j];
                    w1 = window[2 * j + 1];
                    w2 = window[2 * j + 2];
                    w3 = window[2 * j + 3];
                }
                int p = off + 2 * j;
                for (int f = lane; f < lane + count; f++, p += hop) {
                    re0[f] = src[p] * w0;
                    im0[f] = src[p + 1] * w1;
                    re1[f] = src[p + 2] * w2;
                    im1[f] = src[p + 3] * w3;
                }
            }
        }

        private void checkRange(float[] src, int off, long len) {
            if (off < 0 || off + len > src.length)
                throw new IndexOutOfBoundsException("FrameFft: samples [" + off + ", " + (off + len)
                        + ") outside a signal of " + src.length);
        }

        /**
         * Bin {@code k} of every lane, after {@link #transform}: {@code re[f] + i im[f] = X_k} of frame {@code f}.
         *
         * @param k  bin, {@code 0 <= k <= n/2}; its frequency is {@code k * sampleRate / n}
         * @param re receives the real parts, {@code >= width} floats
         * @param im receives the imaginary parts, {@code >= width} floats
         */
        public void bin(int k, float[] re, float[] im) {
            if (k < 0 || k > m) throw new IndexOutOfBoundsException("FrameFft: bin " + k + " outside [0, " + m + "]");
            if (re.length < width || im.length < width)
                throw new IllegalArgumentException("FrameFft: bin rows need " + width + " floats");
            split(k, re, im);
        }

        /**
         * Writes {@code |X_k|^2} of lanes {@code 0..count-1} into {@code out[k][col..col+count-1]} for every bin
         * {@code k <= n/2}, after {@link #transform}.
         *
         * @param out   {@code >= n/2 + 1} rows (bins) of {@code >= col + count} columns (frames)
         * @param col   column of lane 0
         * @param count lanes to write, {@code <= width}
         */
        public void power(float[][] out, int col, int count) {
            if (count < 0 || count > width)
                throw new IllegalArgumentException("FrameFft: count " + count + " outside [0, " + width + "]");
            split(0, rowRe, rowIm);
            for (int f = 0; f < width; f++) rowPower[f] = rowRe[f] * rowRe[f];
            System.arraycopy(rowPower, 0, out[0], col, count);
            split(m, rowRe, rowIm);
            for (int f = 0; f < width; f++) rowPower[f] = rowRe[f] * rowRe[f];
            System.arraycopy(rowPower, 0, out[m], col, count);
            for (int k = 1; k < m; k++) {
                float[] ar = zr[rev[k]], ai = zi[rev[k]], cr = zr[rev[m - k]], ci = zi[rev[m - k]];
                float hs = (float) halfSin[k], nhc = (float) -halfCos[k], nhs = -hs;
                for (int f = 0; f < width; f++) {   // split(k) fused with |.|^2
                    float sr = ar[f] + cr[f], di = ai[f] - ci[f];
                    float si = ai[f] + ci[f], dr = cr[f] - ar[f];
                    float xr = 0.5f * sr - nhc * si - nhs * dr;
                    float xi = 0.5f * di - nhc * dr - hs * si;
                    rowPower[f] = xr * xr - (0f - xi * xi);
                }
                System.arraycopy(rowPower, 0, out[k], col, count);
            }
        }

        @Override
        void sumDiff(int a, int b) {
            float[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
            for (int f = 0; f < width; f++) {
                float xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
                ar[f] = xr + yr;
                ai[f] = xi + yi;
                br[f] = xr - yr;
                bi[f] = xi - yi;
            }
        }

        @Override
        void sumDiffTimesMinusI(int a, int b) {
            float[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
            for (int f = 0; f < width; f++) {
                float xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
                ar[f] = xr + yr;
                ai[f] = xi + yi;
                br[f] = xi - yi;
                bi[f] = yr - xr;
            }
        }

        @Override
        void sumDiffTwiddle(int a, int b, double cd, double sd) {
            float[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
            float c = (float) cd, s = (float) sd, ns = -s;
            for (int f = 0; f < width; f++) {
                float xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
                ar[f] = xr + yr;
                ai[f] = xi + yi;
                float dr = xr - yr, di = xi - yi;
                br[f] = dr * c - di * ns;
                bi[f] = di * c - dr * s;
            }
        }

        @Override
        void sumDiffTwiddle2(int a, int b, double c1d, double s1d, double c3d, double s3d) {
            float[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
            float c1 = (float) c1d, s1 = (float) s1d, c3 = (float) c3d, s3 = (float) s3d, ns1 = -s1, ns3 = -s3;
            for (int f = 0; f < width; f++) {
                float xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
                float ur = xr + yr, ui = xi + yi;
                float dr = xr - yr, di = xi - yi;
                ar[f] = ur * c1 - ui * ns1;
                ai[f] = ui * c1 - ur * s1;
                br[f] = dr * c3 - di * ns3;
                bi[f] = di * c3 - dr * s3;
            }
        }

        /** Bin {@code k} from the half-size complex spectrum: {@code X_k = E_k + W_n^k O_k}. */
        private void split(int k, float[] or, float[] oi) {
            if (k == 0 || k == m) {
                float[] z0r = zr[0], z0i = zi[0];
                if (k == 0) for (int f = 0; f < width; f++) or[f] = z0r[f] + z0i[f];
                else for (int f = 0; f < width; f++) or[f] = z0r[f] - z0i[f];
                Arrays.fill(oi, 0, width, 0f);
                return;
            }
            float[] ar = zr[rev[k]], ai = zi[rev[k]], cr = zr[rev[m - k]], ci = zi[rev[m - k]];
            float hs = (float) halfSin[k], nhc = (float) -halfCos[k], nhs = -hs;
            for (int f = 0; f < width; f++) {
                float sr = ar[f] + cr[f], di = ai[f] - ci[f];
                float si = ai[f] + ci[f], dr = cr[f] - ar[f];
                or[f] = 0.5f * sr - nhc * si - nhs * dr;
                oi[f] = 0.5f * di - nhc * dr - hs * si;
            }
        }
    }
}
