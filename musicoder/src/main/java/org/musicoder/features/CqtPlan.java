package org.musicoder.features;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything librosa's multirate CQT derives from its parameters, computed once and shared (immutable,
 * thread-safe): the early downsampling factor, and per octave (highest first) its hop, first output
 * row and sparse FFT basis. The basis rows already include the octave's rescaling {@code sqrt(sr / octave sr)}
 * and the final {@code 1 / sqrt(length)} of {@code scale=True}.
 */
final class CqtPlan {
    private static final Map<String, CqtPlan> CACHE = new ConcurrentHashMap<>();

    /** One octave of filters. */
    record Octave(int hop, int firstRow, SparseBasis basis) {}

    /** Integer factor of the early downsampling (1 = none). */
    final int earlyFactor;
    /** Octaves, highest first; between consecutive octaves the signal is decimated 2:1. */
    final Octave[] octaves;
    /** Whether octave {@code i + 1} runs on the 2:1 decimated signal of octave {@code i}. */
    final boolean[] decimateAfter;

    private CqtPlan(int sr, int hop, double fmin, int nBins, int bpo, double filterScale, double sparsity) {
        double[] freqs = CqtFilters.frequencies(fmin, nBins, bpo);
        double[] alpha = nBins == 1 ? singleBinAlpha(bpo) : CqtFilters.relativeBandwidth(freqs);
        double cutoff = CqtFilters.cutoff(freqs, alpha, filterScale);
        double nyquist = sr / 2.0;
        if (cutoff > nyquist)
            throw new IllegalArgumentException("CQT: filters reach " + cutoff + " Hz, above the Nyquist frequency "
                    + nyquist + " Hz; use fewer bins");
        int nOctaves = (nBins + bpo - 1) / bpo;
        int nFilters = Math.min(bpo, nBins);
        int count1 = Math.max(0, (int) Math.ceil(Math.log(nyquist / cutoff) / Math.log(2)) - 1 - 1);
        int count2 = Math.max(0, Integer.numberOfTrailingZeros(hop) - nOctaves + 1);
        int early = Math.min(count1, count2);
        this.earlyFactor = 1 << early;
        double baseSr = sr / (double) earlyFactor;
        int myHop = hop / earlyFactor;
        double mySr = baseSr;
        double[] finalLengths = CqtFilters.lengths(freqs, alpha, baseSr, filterScale);
        this.octaves = new Octave[nOctaves];
        this.decimateAfter = new boolean[nOctaves];
        for (int i = 0; i < nOctaves; i++) {
            int hi = nBins - nFilters * i, lo = Math.max(0, hi - nFilters);
            int n = hi - lo;
            double[] f = new double[n], a = new double[n], scale = new double[n];
            for (int k = 0; k < n; k++) {
                f[k] = freqs[lo + k];
                a[k] = alpha[lo + k];
                scale[k] = Math.sqrt(baseSr / mySr) / Math.sqrt(finalLengths[lo + k]);
            }
            double[] len = CqtFilters.lengths(f, a, mySr, filterScale);
            octaves[i] = new Octave(myHop, lo, CqtFilters.basis(f, len, mySr, sparsity, scale));
            if (i < nOctaves - 1 && myHop % 2 == 0 && freqs[lo - 1] <= mySr / 5) {
                decimateAfter[i] = true;
                myHop /= 2;
                mySr /= 2;
            }
        }
    }

    /**
     * The (cached) plan of {@code cqt(sr, hop_length, fmin, n_bins, bins_per_octave, tuning=0, filter_scale,
     * norm=1, sparsity, window='hann', scale=True)}.
     */
    static CqtPlan of(int sr, int hop, double fmin, int nBins, int bpo, double filterScale, double sparsity) {
        String key = sr + " " + hop + " " + fmin + " " + nBins + " " + bpo + " " + filterScale + " " + sparsity;
        return CACHE.computeIfAbsent(key, k -> new CqtPlan(sr, hop, fmin, nBins, bpo, filterScale, sparsity));
    }

    private static double[] singleBinAlpha(int bpo) {
        double r = Math.pow(2, 1.0 / bpo);
        return new double[] {(r * r - 1) / (r * r + 1)};
    }
}
