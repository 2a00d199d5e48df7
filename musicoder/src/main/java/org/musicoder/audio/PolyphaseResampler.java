package org.musicoder.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rational-ratio resampling by a direct polyphase FIR: output sample {@code m} sits at input time
 * {@code c = m * down / up}; it is {@code sum_n y[n] * s * k(s * (c - n))} with {@link SincKernel} {@code k} and
 * {@code s = min(up, down) / down} (kernel time in lower-rate samples). The {@code up} phases' taps are tabulated
 * when the table is small (at most {@value #MAX_TABLE} values), else computed per output sample from the
 * kernel's interpolation table (slower, but any ratio works, e.g. 44100 -> 44099).
 */
final class PolyphaseResampler {
    private static final int MAX_TABLE = 1 << 21;
    private static final Map<Long, PolyphaseResampler> CACHE = new ConcurrentHashMap<>();

    private final int up, down;
    private final double s;
    private final SincKernel kernel;
    /** Taps per side: input samples {@code q - reach .. q + reach} around {@code q = floor(c)}. */
    private final int reach;
    /** {@code table[ph][j + reach]}: weight of input {@code q + j} at phase {@code ph}, or null. */
    private final double[][] table;

    private PolyphaseResampler(int up, int down) {
        this.up = up;
        this.down = down;
        this.s = Math.min(up, down) / (double) down;
        this.kernel = new SincKernel(Math.max(up, down) / (double) Math.min(up, down), up < down);
        this.reach = (int) Math.ceil(kernel.halfWidth / s) + 1;
        long size = (long) up * (2 * reach + 1);
        if (size <= MAX_TABLE) {
            table = new double[up][];
            for (int ph = 0; ph < up; ph++) table[ph] = taps(ph, true);
        } else {
            table = null;
        }
    }

    /** The (cached, thread-safe) resampler for a reduced ratio {@code up / down}. */
    static PolyphaseResampler of(int up, int down) {
        return CACHE.computeIfAbsent(((long) up << 32) | down, k -> new PolyphaseResampler(up, down));
    }

    /** Weights of inputs {@code q - reach .. q + reach} at phase {@code ph}: exact, or from the kernel table. */
    private double[] taps(int ph, boolean exact) {
        double[] w = new double[2 * reach + 1];
        double frac = ph / (double) up;
        for (int j = -reach; j <= reach; j++) {
            double t = s * (frac - j);
            w[j + reach] = s * (exact ? kernel.value(t) : kernel.lookup(t));
        }
        return w;
    }

    /**
     * Fills {@code out[0 .. nValid)}; the rest of {@code out} is left as is (zeros).
     *
     * @param y      input samples
     * @param out    output buffer, {@code ceil(y.length * up / down)} long
     * @param nValid number of output samples to compute
     */
    void resample(float[] y, float[] out, int nValid) {
        int n = y.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = y[i];
        for (int m = 0; m < nValid; m++) {
            long num = (long) m * down;
            int q = (int) (num / up);
            int ph = (int) (num % up);
            double[] w = table != null ? table[ph] : taps(ph, false);
            int lo = Math.max(-reach, -q), hi = Math.min(reach, n - 1 - q);
            out[m] = (float) dot(w, lo + reach, x, q + lo, hi - lo + 1);
        }
    }

    /** {@code sum_i a[ia + i] * b[ib + i]}, i < len, with four partial sums (instruction-level parallelism). */
    private static double dot(double[] a, int ia, double[] b, int ib, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[ia + i] * b[ib + i];
            s1 += a[ia + i + 1] * b[ib + i + 1];
            s2 += a[ia + i + 2] * b[ib + i + 2];
            s3 += a[ia + i + 3] * b[ib + i + 3];
        }
        for (; i < len; i++) s0 += a[ia + i] * b[ib + i];
        return (s0 + s1) + (s2 + s3);
    }
}
