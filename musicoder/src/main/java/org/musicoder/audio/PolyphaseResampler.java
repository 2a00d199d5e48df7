package org.musicoder.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rational-ratio resampling by a direct polyphase FIR: output sample {@code m} sits at input time
 * {@code c = m * down / up}; it is {@code sum_n y[n] * s * k(s * (c - n))} with {@link SincKernel} {@code k} and
 * {@code s = min(up, down) / down} (kernel time in lower-rate samples). The {@code up} phases' taps are tabulated
 * when the table is small (at most {@value #MAX_TABLE} values), else computed per output sample (slow, but any
 * ratio works, e.g. 44100 -> 44099).
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
        this.kernel = new SincKernel(Math.max(up, down) / (double) Math.min(up, down));
        this.reach = (int) Math.ceil(kernel.halfWidth / s) + 1;
        long size = (long) up * (2 * reach + 1);
        if (size <= MAX_TABLE) {
            table = new double[up][];
            for (int ph = 0; ph < up; ph++) table[ph] = taps(ph);
        } else {
            table = null;
        }
    }

    /** The (cached, thread-safe) resampler for a reduced ratio {@code up / down}. */
    static PolyphaseResampler of(int up, int down) {
        return CACHE.computeIfAbsent(((long) up << 32) | down, k -> new PolyphaseResampler(up, down));
    }

    private double[] taps(int ph) {
        double[] w = new double[2 * reach + 1];
        double frac = ph / (double) up;
        for (int j = -reach; j <= reach; j++) w[j + reach] = s * kernel.value(s * (frac - j));
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
        for (int m = 0; m < nValid; m++) {
            long num = (long) m * down;
            int q = (int) (num / up);
            int ph = (int) (num % up);
            double[] w = table != null ? table[ph] : taps(ph);
            int lo = Math.max(-reach, -q), hi = Math.min(reach, n - 1 - q);
            double acc = 0;
            for (int j = lo; j <= hi; j++) acc += w[j + reach] * y[q + j];
            out[m] = (float) acc;
        }
    }
}
