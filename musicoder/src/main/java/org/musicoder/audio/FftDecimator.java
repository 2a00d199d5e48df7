package org.musicoder.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Integer decimation by {@code M} ({@code y[m] = sum_d h[d] x[mM - d]}, {@code h[d] = k(d / M) / M} with the
 * {@link SincKernel} {@code k}) by FFT overlap-save: each block is convolved in the frequency domain, and its
 * spectrum is folded {@code M} times so that one inverse FFT of size {@code N / M} yields just the kept samples.
 * Instances are immutable and shared (thread-safe).
 */
final class FftDecimator {
    private static final Map<Long, FftDecimator> CACHE = new ConcurrentHashMap<>();

    private final int factor;
    /** Filter taps on each side of the centre (input samples). */
    private final int reach;
    private final int n;
    private final DoubleFFT_1D fft;
    private final DoubleFFT_1D ifft;
    /** The filter's spectrum (taps {@code -reach..reach} shifted to start at 0), JTransforms packed real layout. */
    private final double[] spectrum;

    private FftDecimator(int factor, int kernelRatio) {
        this.factor = factor;
        SincKernel k = new SincKernel(kernelRatio, true);
        this.reach = (int) Math.ceil(k.halfWidth * factor);
        int taps = 2 * reach + 1;
        // blocks of ~4096: JTransforms runs real FFTs from 8192 points on a thread pool (and slower here)
        int p = Integer.highestOneBit(Math.max(2, (Math.max(4 * taps, 4096) - 1) / factor)) << 1;
        this.n = factor * p;
        this.fft = new DoubleFFT_1D(n);
        this.ifft = new DoubleFFT_1D(n / factor);
        this.spectrum = new double[n];
        for (int j = 0; j < taps; j++) spectrum[j] = k.value((j - reach) / (double) factor) / factor;
        fft.realForward(spectrum);
    }

    /**
     * The (cached) decimator by {@code factor} (>= 2).
     *
     * @param kernelRatio the overall rate ratio whose {@link SincKernel} to use ({@code factor} itself, or 4 for
     *                    the second stage of soxr's 4:1)
     */
    static FftDecimator of(int factor, int kernelRatio) {
        return CACHE.computeIfAbsent(((long) factor << 32) | kernelRatio, k -> new FftDecimator(factor, kernelRatio));
    }

    /**
     * Fills {@code out[0 .. nValid)} with the decimated signal; the rest of {@code out} is left as is.
     *
     * @param y      input samples (zero outside)
     * @param out    output buffer
     * @param nValid number of output samples to compute
     */
    void decimate(float[] y, float[] out, int nValid) {
        int p = n / factor;
        int firstJ = (2 * reach + factor - 1) / factor;
        int perBlock = p - firstJ;
        double[] buf = new double[n];
        double[] dec = new double[p];
        long start = reach - (long) factor * firstJ;
        for (int m0 = 0; m0 < nValid; m0 += perBlock, start += (long) perBlock * factor) {
            Segment.load(y, start, buf);
            fft.realForward(buf);
            multiply(buf);
            fold(buf, dec, p);
            ifft.realInverse(dec, true);
            int count = Math.min(perBlock, nValid - m0);
            for (int j = 0; j < count; j++) out[m0 + j] = (float) dec[firstJ + j];
        }
    }

    /** {@code buf *= spectrum}, both in packed real-FFT layout. */
    private void multiply(double[] buf) {
        buf[0] *= spectrum[0];
        buf[1] *= spectrum[1];
        for (int i = 2; i < n; i += 2) {
            double re = buf[i], im = buf[i + 1], hr = spectrum[i], hi = spectrum[i + 1];
            buf[i] = re * hr - im * hi;
            buf[i + 1] = re * hi + im * hr;
        }
    }

    /**
     * Spectrum of every {@code factor}-th sample: {@code D[k] = (1/M) sum_r C[k + r p]}, {@code k = 0..p/2},
     * packed for an inverse real FFT of size {@code p}. Bins above {@code n/2} are the conjugates of bins below.
     */
    private void fold(double[] c, double[] d, int p) {
        int half = n / 2, hp = p / 2;
        java.util.Arrays.fill(d, 0);
        double dcRe = c[0], nyRe = 0;
        for (int r = 0; r < factor; r++) {
            int base = r * p;
            // k = 0 and k = p/2 of this alias are real in the folded sum; add their real parts
            if (r > 0) dcRe += re(c, base);
            nyRe += re(c, base + hp);
            int kEnd = Math.min(hp, half - base);
            for (int k = 1; k < kEnd; k++) {
                d[2 * k] += c[2 * (base + k)];
                d[2 * k + 1] += c[2 * (base + k) + 1];
            }
            for (int k = Math.max(1, half - base + 1); k < hp; k++) {
                int m = n - base - k;
                d[2 * k] += c[2 * m];
                d[2 * k + 1] -= c[2 * m + 1];
            }
            if (kEnd >= 1 && kEnd < hp) {
                d[2 * kEnd] += c[1];
            }
        }
        double inv = 1.0 / factor;
        for (int i = 2; i < p; i++) d[i] *= inv;
        d[0] = dcRe * inv;
        d[1] = nyRe * inv;
    }

    /** Real part of bin {@code idx} (any of {@code 0..n-1}) of a packed real spectrum. */
    private double re(double[] c, int idx) {
        if (idx == 0) return c[0];
        if (idx == n / 2) return c[1];
        return idx < n / 2 ? c[2 * idx] : c[2 * (n - idx)];
    }
}
