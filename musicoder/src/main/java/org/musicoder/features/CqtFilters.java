package org.musicoder.features;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Constant-Q wavelet filters and their sparse FFT basis, as {@code librosa.filters.wavelet} /
 * {@code wavelet_lengths} and librosa's {@code __vqt_filter_fft} define them (hann window, L1 norm, gamma 0).
 */
final class CqtFilters {
    /** librosa's equivalent noise bandwidth of the hann window ({@code window_bandwidth('hann')}). */
    static final double HANN_BANDWIDTH = 1.50018310546875;

    private CqtFilters() {}

    /** Geometric bin centres {@code fmin * 2^(k / binsPerOctave)}, k = 0..nBins-1 (Hz). */
    static double[] frequencies(double fmin, int nBins, int binsPerOctave) {
        double[] f = new double[nBins];
        for (int k = 0; k < nBins; k++) f[k] = fmin * Math.pow(2.0, k / (double) binsPerOctave);
        return f;
    }

    /**
     * Relative bandwidth {@code alpha} of each bin from the local octave resolution (centred log2 differences,
     * one-sided at the ends): {@code alpha = (2^(2/bpo) - 1) / (2^(2/bpo) + 1)}.
     */
    static double[] relativeBandwidth(double[] freqs) {
        int n = freqs.length;
        double[] alpha = new double[n];
        for (int k = 0; k < n; k++) {
            double bpo;
            if (k == 0) bpo = 1 / (log2(freqs[1]) - log2(freqs[0]));
            else if (k == n - 1) bpo = 1 / (log2(freqs[n - 1]) - log2(freqs[n - 2]));
            else bpo = 2 / (log2(freqs[k + 1]) - log2(freqs[k - 1]));
            double r = Math.pow(2.0, 2 / bpo);
            alpha[k] = (r - 1) / (r + 1);
        }
        return alpha;
    }

    /** Filter lengths {@code Q sr / f} with {@code Q = filterScale / alpha} (samples, fractional). */
    static double[] lengths(double[] freqs, double[] alpha, double sr, double filterScale) {
        double[] len = new double[freqs.length];
        for (int k = 0; k < len.length; k++) len[k] = filterScale / alpha[k] * sr / freqs[k];
        return len;
    }

    /** Highest frequency the filters reach: {@code max f (1 + 0.5 * hannBandwidth * alpha / filterScale)} (Hz). */
    static double cutoff(double[] freqs, double[] alpha, double filterScale) {
        double c = 0;
        for (int k = 0; k < freqs.length; k++)
            c = Math.max(c, freqs[k] * (1 + 0.5 * HANN_BANDWIDTH * alpha[k] / filterScale));
        return c;
    }

    /**
     * The sparse FFT basis of one octave: for each bin a hann-windowed complex exponential of
     * {@code floor(len/2) - floor(-len/2)} samples starting at {@code floor(-len/2)}, L1-normalised, centred in
     * {@code nFft = 2^ceil(log2(max len))} samples, scaled by {@code len / nFft}, Fourier transformed (bins
     * {@code 0..nFft/2}), and sparsified row-wise: magnitudes whose sorted cumulative share stays below
     * {@code sparsity} are zeroed.
     *
     * @param freqs     bin centres of the octave (Hz)
     * @param lengths   their filter lengths at {@code sr} (samples)
     * @param sr        sample rate of the octave (Hz)
     * @param sparsity  librosa's quantile (0.01)
     * @param rowScale  factor applied to each row's kept values (basis rescaling and final length scaling)
     */
    static SparseBasis basis(double[] freqs, double[] lengths, double sr, double sparsity, double[] rowScale) {
        double maxLen = 0;
        for (double l : lengths) maxLen = Math.max(maxLen, l);
        int nFft = 1 << (int) Math.ceil(log2(maxLen));
        int nBins = nFft / 2 + 1;
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        int rows = freqs.length;
        int[] start = new int[rows];
        double[][] re = new double[rows][], im = new double[rows][];
        double[] buf = new double[2 * nFft];
        for (int k = 0; k < rows; k++) {
            java.util.Arrays.fill(buf, 0);
            long a = (long) Math.floor(-lengths[k] / 2), b = (long) Math.floor(lengths[k] / 2);
            int count = (int) (b - a);
            int lpad = (nFft - count) / 2;
            double l1 = 0;
            for (int j = 0; j < count; j++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / count);
                double phase = (a + j) * 2 * Math.PI * freqs[k] / sr;
                buf[2 * (lpad + j)] = w * Math.cos(phase);
                buf[2 * (lpad + j) + 1] = w * Math.sin(phase);
                l1 += w;
            }
            double g = lengths[k] / nFft / l1;
            for (int i = 0; i < 2 * nFft; i++) buf[i] *= g;
            fft.complexForward(buf);
            double[] mag = new double[nBins];
            for (int j = 0; j < nBins; j++) mag[j] = Math.hypot(buf[2 * j], buf[2 * j + 1]);
            double thresh = threshold(mag, sparsity);
            int lo = 0, hi = nBins - 1;
            while (mag[lo] < thresh) lo++;
            while (mag[hi] < thresh) hi--;
            start[k] = lo;
            re[k] = new double[hi - lo + 1];
            im[k] = new double[hi - lo + 1];
            for (int j = lo; j <= hi; j++) {
                if (mag[j] < thresh) continue;
                re[k][j - lo] = buf[2 * j] * rowScale[k];
                im[k][j - lo] = buf[2 * j + 1] * rowScale[k];
            }
        }
        return new SparseBasis(nFft, start, re, im);
    }

    /** Smallest kept magnitude: the first sorted value at which the cumulative share reaches {@code q}. */
    private static double threshold(double[] mag, double q) {
        double[] s = mag.clone();
        java.util.Arrays.sort(s);
        double total = 0;
        for (double v : s) total += v;
        double cum = 0;
        for (double v : s) {
            cum += v / total;
            if (cum >= q) return v;
        }
        return s[0];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
