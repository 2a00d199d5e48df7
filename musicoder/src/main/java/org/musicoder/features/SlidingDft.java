package org.musicoder.features;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A band of DFT bins of frames that start every {@code hop} samples, by the sliding DFT recurrence instead of one
 * FFT per frame: with {@code X_t[k] = sum_{n<N} x[t hop + n] w^{kn}}, {@code w = exp(-2 pi i / N)},
 * <pre>
 * X_{t+1}[k] = w^{-k hop} (X_t[k] + sum_{n<hop} (x[t hop + N + n] - x[t hop + n]) w^{kn})
 * </pre>
 * which costs {@code O(bins hop)} per frame against {@code O(N log N)} for an FFT, so it wins when the hop is small
 * against {@code N} (the CQT's low octaves: hop 8..64, {@code N = 512}). Double precision; the first frame is summed
 * directly, the recurrence's rounding error grows like the square root of the frame count (~1e-14 of the largest
 * bin after thousands of frames, below a double FFT's noise). Plans (twiddle tables) are cached and immutable.
 */
final class SlidingDft {
    private static final ConcurrentHashMap<String, SlidingDft> PLANS = new ConcurrentHashMap<>();

    private final int nFft, hop, lo, width;
    /** {@code -cos} and {@code sin} of {@code 2 pi (lo + j) n / N}, {@code [n][j]}, {@code n < hop} (negated: see
     *  {@link #advance}). */
    private final double[][] negCos, sin;
    /** {@code w^{-(lo + j) hop}}: real and imaginary parts. */
    private final double[] rotRe, rotIm;
    /** {@code cos} and {@code sin} of {@code 2 pi i / N}, {@code i < N}, for the first frame. */
    private final double[] cosN, sinN;

    private SlidingDft(int nFft, int hop, int lo, int width) {
        this.nFft = nFft;
        this.hop = hop;
        this.lo = lo;
        this.width = width;
        cosN = new double[nFft];
        sinN = new double[nFft];
        for (int i = 0; i < nFft; i++) {
            cosN[i] = Math.cos(2 * Math.PI * i / nFft);
            sinN[i] = Math.sin(2 * Math.PI * i / nFft);
        }
        negCos = new double[hop][width];
        sin = new double[hop][width];
        for (int n = 0; n < hop; n++)
            for (int j = 0; j < width; j++) {
                int i = (int) ((long) (lo + j) * n % nFft);
                negCos[n][j] = -cosN[i];
                sin[n][j] = sinN[i];
            }
        rotRe = new double[width];
        rotIm = new double[width];
        for (int j = 0; j < width; j++) {
            int i = (int) ((long) (lo + j) * hop % nFft);
            rotRe[j] = cosN[i];
            rotIm[j] = sinN[i];
        }
    }

    /**
     * The cached plan.
     *
     * @param nFft  DFT size {@code N} (a power of two)
     * @param hop   samples between frame starts, {@code >= 1}
     * @param lo    first bin
     * @param width number of bins {@code lo .. lo + width - 1}
     */
    static SlidingDft of(int nFft, int hop, int lo, int width) {
        return PLANS.computeIfAbsent(nFft + " " + hop + " " + lo + " " + width, k -> new SlidingDft(nFft, hop, lo, width));
    }

    /** Frame state: the current frame's bins, real and imaginary parts, {@code [2][width]}. */
    double[][] start(float[] x) {
        double[] re = new double[width], im = new double[width];
        for (int j = 0; j < width; j++) {
            int k = lo + j;
            double sr = 0, si = 0;
            for (int n = 0; n < nFft; n++) {
                int i = k * n & (nFft - 1);
                sr += x[n] * cosN[i];
                si -= x[n] * sinN[i];
            }
            re[j] = sr;
            im[j] = si;
        }
        return new double[][] {re, im};
    }

    /**
     * Moves the state from frame {@code t} to frame {@code t + 1}.
     *
     * @param x     the signal; frames {@code t} and {@code t + 1} must lie inside it
     * @param t     current frame
     * @param state from {@link #start}, updated in place
     */
    void advance(float[] x, int t, double[][] state) {
        double[] re = state[0], im = state[1];
        int base = t * hop;
        int n = 0;
        for (; n + 3 < hop; n += 4) {   // four samples per pass over the state: the same operations in the same order
            double d0 = (double) x[base + nFft + n] - x[base + n];
            double d1 = (double) x[base + nFft + n + 1] - x[base + n + 1];
            double d2 = (double) x[base + nFft + n + 2] - x[base + n + 2];
            double d3 = (double) x[base + nFft + n + 3] - x[base + n + 3];
            double[] c0 = negCos[n], c1 = negCos[n + 1], c2 = negCos[n + 2], c3 = negCos[n + 3];
            for (int j = 0; j < width; j++)   // subtractions only: see FftLanes on C2 vectorization
                re[j] = (((re[j] - d0 * c0[j]) - d1 * c1[j]) - d2 * c2[j]) - d3 * c3[j];
            double[] s0 = sin[n], s1 = sin[n + 1], s2 = sin[n + 2], s3 = sin[n + 3];
            for (int j = 0; j < width; j++)
                im[j] = (((im[j] - d0 * s0[j]) - d1 * s1[j]) - d2 * s2[j]) - d3 * s3[j];
        }
        for (; n < hop; n++) {
            double d = (double) x[base + nFft + n] - x[base + n];
            double[] c = negCos[n], s = sin[n];
            for (int j = 0; j < width; j++) {
                re[j] = re[j] - d * c[j];
                im[j] = im[j] - d * s[j];
            }
        }
        for (int j = 0; j < width; j++) {
            double a = re[j], b = im[j];
            re[j] = a * rotRe[j] - b * rotIm[j];
            im[j] = a * rotIm[j] - (0.0 - b * rotRe[j]);
        }
    }
}
