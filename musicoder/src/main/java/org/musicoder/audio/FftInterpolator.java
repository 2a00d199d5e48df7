package org.musicoder.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Integer upsampling by {@code L} ({@code y[m] = sum_n x[n] k(m / L - n)} with the {@link SincKernel} {@code k})
 * by FFT overlap-save: the spectrum of an input block zero-stuffed by {@code L} is the block's spectrum repeated
 * {@code L} times, so each block costs one FFT of the input block and one inverse FFT {@code L} times larger.
 * Instances are immutable and shared (thread-safe).
 */
final class FftInterpolator {
    private static final Map<Integer, FftInterpolator> CACHE = new ConcurrentHashMap<>();

    private final int factor;
    /** Filter taps on each side of the centre (output samples). */
    private final int reach;
    /** Input block size; the output block is {@code factor * p}. */
    private final int p;
    private final DoubleFFT_1D fft;
    private final DoubleFFT_1D ifft;
    /** The filter's spectrum (taps {@code -reach..reach} shifted to start at 0), packed real layout, size L p. */
    private final double[] spectrum;

    private FftInterpolator(int factor) {
        this.factor = factor;
        SincKernel k = new SincKernel(factor, false);
        this.reach = (int) Math.ceil(k.halfWidth * factor);
        int taps = 2 * reach + 1;
        // blocks of ~4096: JTransforms runs real FFTs from 8192 points on a thread pool (and slower here)
        this.p = Integer.highestOneBit(Math.max(2, (Math.max(4 * taps, 4096) - 1) / factor)) << 1;
        int n = factor * p;
        this.fft = new DoubleFFT_1D(p);
        this.ifft = new DoubleFFT_1D(n);
        this.spectrum = new double[n];
        for (int j = 0; j < taps; j++) spectrum[j] = k.value((j - reach) / (double) factor);
        ifft.realForward(spectrum);
    }

    /** The (cached) interpolator by {@code factor} (>= 2). */
    static FftInterpolator of(int factor) {
        return CACHE.computeIfAbsent(factor, FftInterpolator::new);
    }

    /**
     * Fills {@code out[0 .. nValid)} with the upsampled signal; the rest of {@code out} is left as is.
     *
     * @param y      input samples (zero outside)
     * @param out    output buffer
     * @param nValid number of output samples to compute
     */
    void interpolate(float[] y, float[] out, int nValid) {
        int n = factor * p;
        int lead = (reach + factor - 1) / factor;
        int first = reach + factor * lead;
        int step = (n - first) / factor;
        int perBlock = step * factor;
        double[] x = new double[p];
        double[] u = new double[n];
        long start = -lead;
        for (int m0 = 0; m0 < nValid; m0 += perBlock, start += step) {
            Segment.load(y, start, x);
            fft.realForward(x);
            replicate(x, u);
            multiply(u);
            ifft.realInverse(u, true);
            int count = Math.min(perBlock, nValid - m0);
            for (int j = 0; j < count; j++) out[m0 + j] = (float) u[first + j];
        }
    }

    /** Spectrum of the block zero-stuffed by {@code factor}: {@code U[k] = X[k mod p]}, k = 0..n/2, packed. */
    private void replicate(double[] x, double[] u) {
        int n = factor * p, hp = p / 2;
        u[0] = x[0];
        u[1] = factor % 2 == 0 ? x[0] : x[1];
        for (int k = 1; k < n / 2; k++) {
            int r = k % p;
            double re, im;
            if (r == 0) {
                re = x[0];
                im = 0;
            } else if (r == hp) {
                re = x[1];
                im = 0;
            } else if (r < hp) {
                re = x[2 * r];
                im = x[2 * r + 1];
            } else {
                re = x[2 * (p - r)];
                im = -x[2 * (p - r) + 1];
            }
            u[2 * k] = re;
            u[2 * k + 1] = im;
        }
    }

    /** {@code u *= spectrum}, both in packed real-FFT layout. */
    private void multiply(double[] u) {
        u[0] *= spectrum[0];
        u[1] *= spectrum[1];
        for (int i = 2; i < u.length; i += 2) {
            double re = u[i], im = u[i + 1], hr = spectrum[i], hi = spectrum[i + 1];
            u[i] = re * hr - im * hi;
            u[i + 1] = re * hi + im * hr;
        }
    }
}
