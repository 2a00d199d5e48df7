package org.musicoder.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Decimation by 2 ({@code y[m] = sum_d h[d] x[2m - d]}, {@code h[d] = k(d / 2) / 2} with the {@link SincKernel}
 * {@code k}) by FFT overlap-save, as {@link FftDecimator} with {@code M = 2} but with the real-signal FFTs written
 * out: a block of {@code n} real samples is read as {@code p = n/2} complex ones {@code z[j] = x[2j] + i x[2j+1]}
 * (the block's layout as it is), transformed by one complex FFT {@code Z}; the filtered, folded spectrum of the
 * output, {@code D[k] = P[k] Z[k] + Q[k] conj(Z[p-k])} for {@code k = 0..p/2}, comes from two precomputed
 * products per bin ({@code P} and {@code Q} hold the filter, the real-FFT split, the fold and the
 * scale); the {@code p} real outputs are then one complex inverse FFT of size {@code p/2}, whose interleaved
 * result is the output block in order. Same values as the real-FFT path up to double rounding, without its two
 * extra passes over the spectrum. Instances are immutable and shared (thread-safe).
 */
final class HalfRateDecimator {
    private static final Map<Integer, HalfRateDecimator> CACHE = new ConcurrentHashMap<>();

    /** Filter taps on each side of the centre (input samples). */
    private final int reach;
    /** Block length (input samples); {@code p = n/2} outputs per block, {@code q = n/4}. */
    private final int n, p, q;
    private final DoubleFFT_1D forward;
    private final DoubleFFT_1D inverse;
    /** {@code P[k]} and {@code Q[k]}, {@code k = 0..q}, interleaved real and imaginary parts. */
    private final double[] pc, qc;
    /** {@code exp(2 pi i k / p)}, {@code k < q}, interleaved. */
    private final double[] rot;

    private HalfRateDecimator(int kernelRatio) {
        SincKernel k = new SincKernel(kernelRatio, true);
        this.reach = (int) Math.ceil(k.halfWidth * 2);
        int taps = 2 * reach + 1;
        // blocks of ~4096 samples: JTransforms runs complex FFTs from 4096 points (8192 doubles) on its thread pool
        this.p = Integer.highestOneBit(Math.max(4, (Math.max(4 * taps, 4096) - 1) / 2)) << 1;
        this.n = 2 * p;
        this.q = p / 2;
        this.forward = new DoubleFFT_1D(p);
        this.inverse = new DoubleFFT_1D(q);
        double[] h = new double[n];
        for (int j = 0; j < taps; j++) h[j] = k.value((j - reach) / 2.0) / 2;
        new DoubleFFT_1D(n).realForward(h);
        pc = new double[2 * (q + 1)];
        qc = new double[2 * (q + 1)];
        double s = 1.0 / p;   // the fold's 1/2 times the 1/q of the half-size inverse
        for (int b = 0; b <= q; b++) {
            // C[b] + conj C[p - b] = E A + O B with E, O the even/odd halves' spectra, X[b] = E + W^b O
            double hr = re(h, b), hi = im(h, b), gr = re(h, p - b), gi = -im(h, p - b);   // H[b], conj H[p-b]
            double ar = hr + gr, ai = hi + gi, tr = hr - gr, ti = hi - gi;
            double w = -2 * Math.PI * b / n, wr = Math.cos(w), wi = Math.sin(w);
            double br = wr * tr - wi * ti, bi = wr * ti + wi * tr;
            // E = (Z[b] + conj Z[p-b]) / 2, O = (Z[b] - conj Z[p-b]) / 2i: P = (A - iB) / 2, Q = (A + iB) / 2
            pc[2 * b] = s * (ar + bi) / 2;
            pc[2 * b + 1] = s * (ai - br) / 2;
            qc[2 * b] = s * (ar - bi) / 2;
            qc[2 * b + 1] = s * (ai + br) / 2;
        }
        rot = new double[2 * q];
        for (int b = 0; b < q; b++) {
            rot[2 * b] = Math.cos(2 * Math.PI * b / p);
            rot[2 * b + 1] = Math.sin(2 * Math.PI * b / p);
        }
    }

    /**
     * The (cached) decimator by 2.
     *
     * @param kernelRatio the overall rate ratio whose {@link SincKernel} to use (2, or {@code 2^k} for the last
     *                    stage of soxr's {@code 2^k}:1)
     */
    static HalfRateDecimator of(int kernelRatio) {
        return CACHE.computeIfAbsent(kernelRatio, HalfRateDecimator::new);
    }

    /**
     * Fills {@code out[0 .. nValid)} with the decimated signal; the rest of {@code out} is left as is.
     *
     * @param y      input samples (zero outside)
     * @param out    output buffer
     * @param nValid number of output samples to compute
     */
    void decimate(float[] y, float[] out, int nValid) {
        int firstJ = reach;   // outputs before it see the block's circular wrap
        int perBlock = p - firstJ;
        double[] buf = new double[n];
        double[] v = new double[p];
        long start = reach - 2L * firstJ;
        for (int m0 = 0; m0 < nValid; m0 += perBlock, start += 2L * perBlock) {
            Segment.load(y, start, buf);
            forward.complexForward(buf);
            spectrum(buf, v);
            inverse.complexInverse(v, false);
            int count = Math.min(perBlock, nValid - m0);
            for (int j = 0; j < count; j++) out[m0 + j] = (float) v[firstJ + j];
        }
    }

    /**
     * From the block's complex spectrum {@code z} to the size-{@code q} spectrum {@code v} whose inverse FFT,
     * read as interleaved pairs, is the output block: the folded, filtered spectrum {@code D[k] = P[k] Z[k] +
     * Q[k] conj(Z[p-k])}, {@code k = 0..q} ({@code Z[p] = Z[0]}), then {@code V[k] = (D[k] + conj D[q-k]) / 2 +
     * i e^{2 pi i k / p} (D[k] - conj D[q-k]) / 2} (the real signal's even and odd samples as real and imaginary
     * parts). One pass over the pairs {@code (k, q - k)}, which need the same four bins of {@code Z}.
     */
    private void spectrum(double[] z, double[] v) {
        for (int b = 0; 2 * b <= q; b++) {
            int m = q - b;
            double dbr = foldRe(z, b), dbi = foldIm(z, b), dmr = foldRe(z, m), dmi = foldIm(z, m);
            unsplit(b, dbr, dbi, dmr, dmi, v);
            if (m != b && m < q) unsplit(m, dmr, dmi, dbr, dbi, v);
        }
    }

    /** Real part of {@code D[b]}. */
    private double foldRe(double[] z, int b) {
        int m = b == 0 ? 0 : 2 * (p - b);
        return (pc[2 * b] * z[2 * b] - pc[2 * b + 1] * z[2 * b + 1]) + (qc[2 * b] * z[m] + qc[2 * b + 1] * z[m + 1]);
    }

    /** Imaginary part of {@code D[b]}. */
    private double foldIm(double[] z, int b) {
        int m = b == 0 ? 0 : 2 * (p - b);
        return (pc[2 * b] * z[2 * b + 1] + pc[2 * b + 1] * z[2 * b]) + (qc[2 * b + 1] * z[m] - qc[2 * b] * z[m + 1]);
    }

    /** {@code V[k]} from {@code D[k] = (dr, di)} and {@code D[q - k] = (er, ei)}. */
    private void unsplit(int k, double dr, double di, double er, double ei, double[] v) {
        // with conj D[q-k] = (er, -ei)
        double sr = 0.5 * (dr + er), si = 0.5 * (di - ei), fr = 0.5 * (dr - er), fi = 0.5 * (di + ei);
        double cr = rot[2 * k], ci = rot[2 * k + 1];
        double gr = cr * fr - ci * fi, gi = cr * fi + ci * fr;
        v[2 * k] = sr - gi;
        v[2 * k + 1] = si + gr;
    }

    /** Real part of bin {@code b} ({@code 0..n/2}) of a JTransforms packed real spectrum of size {@code n}. */
    private double re(double[] h, int b) {
        return b == 0 ? h[0] : b == n / 2 ? h[1] : h[2 * b];
    }

    /** Imaginary part of bin {@code b} ({@code 0..n/2}) of a packed real spectrum ({@code 0} at 0 and {@code n/2}). */
    private double im(double[] h, int b) {
        return b == 0 || b == n / 2 ? 0 : h[2 * b + 1];
    }
}
