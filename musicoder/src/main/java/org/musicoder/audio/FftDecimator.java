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
    private static final Map<Integer, FftDecimator> CACHE = new ConcurrentHashMap<>();

    private final int factor;
    /** Filter taps on each side of the centre (input samples). */
    private final int reach;
    private final int n;
    private final DoubleFFT_1D fft;
    private final DoubleFFT_1D ifft;
    /** The filter's spectrum (taps {@code -reach..reach} shifted to start at 0), JTransforms packed real layout,
     *  times {@code 2 / n} (the fold's mean and the inverse FFT's scale). */
    private final double[] spectrum;

    private FftDecimator(int factor) {
        this.factor = factor;
        SincKernel k = new SincKernel(factor, true);
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
        double scale = 2.0 / n;   // the fold's 1 / factor times JTransforms' inverse scale 2 / (n / factor)
        for (int j = 0; j < n; j++) spectrum[j] *= scale;
    }

    /** The (cached) decimator by {@code factor} (>= 2; {@link Resampler} uses it from 3 on). */
    static FftDecimator of(int factor) {
        return CACHE.computeIfAbsent(factor, FftDecimator::new);
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
            foldProduct(buf, dec, p);
            ifft.realInverse(dec, false);
            int count = Math.min(perBlock, nValid - m0);
            for (int j = 0; j < count; j++) out[m0 + j] = (float) dec[firstJ + j];
        }
    }

    /**
     * Spectrum of every {@code factor}-th sample of the filtered block, {@code D[k] = sum_r C[k + r p]} with
     * {@code C = X H} (the filter's spectrum, which already holds {@code 2 / (M p)}: the fold's mean and the
     * scale of JTransforms' unscaled inverse), {@code k = 0..p/2}, packed for an inverse real FFT of size
     * {@code p}; bins above {@code n/2} are the conjugates of bins below. One pass over the block's spectrum
     * {@code x}: each product is formed where it is folded in.
     */
    private void foldProduct(double[] x, double[] d, int p) {
        double[] h = spectrum;
        int half = n / 2, hp = p / 2;
        for (int k = 1; k < hp; k++) {   // alias 0: bins 1 .. p/2 - 1, all below n/2
            double re = x[2 * k], im = x[2 * k + 1], hr = h[2 * k], hi = h[2 * k + 1];
            d[2 * k] = re * hr - im * hi;
            d[2 * k + 1] = re * hi + im * hr;
        }
        double dcRe = x[0] * h[0], nyRe = productRe(x, hp);
        for (int r = 1; r < factor; r++) {
            int base = r * p;
            // k = 0 and k = p/2 of this alias are real in the folded sum; add their real parts
            dcRe += productRe(x, base);
            nyRe += productRe(x, base + hp);
            int kEnd = Math.min(hp, half - base);
            for (int k = 1; k < kEnd; k++) {
                int i = 2 * (base + k);
                double re = x[i], im = x[i + 1], hr = h[i], hi = h[i + 1];
                d[2 * k] += re * hr - im * hi;
                d[2 * k + 1] += re * hi + im * hr;
            }
            for (int k = Math.max(1, half - base + 1); k < hp; k++) {
                int i = 2 * (n - base - k);
                double re = x[i], im = x[i + 1], hr = h[i], hi = h[i + 1];
                d[2 * k] += re * hr - im * hi;
                d[2 * k + 1] -= re * hi + im * hr;
            }
            if (kEnd >= 1 && kEnd < hp) d[2 * kEnd] += x[1] * h[1];
        }
        d[0] = dcRe;
        d[1] = nyRe;
    }

    /** Real part of {@code X H} at bin {@code idx} (any of {@code 0..n-1}) of packed real spectra. */
    private double productRe(double[] x, int idx) {
        double[] h = spectrum;
        if (idx == 0) return x[0] * h[0];
        if (idx == n / 2) return x[1] * h[1];
        int i = idx < n / 2 ? 2 * idx : 2 * (n - idx);
        return x[i] * h[i] - x[i + 1] * h[i + 1];
    }
}
