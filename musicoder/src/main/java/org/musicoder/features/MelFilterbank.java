package org.musicoder.features;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slaney mel filterbank, as {@code librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk=False,
 * norm='slaney')}: {@code n_mels} triangles whose corners are {@code n_mels + 2} points equally spaced on the
 * Slaney mel scale (linear below 1 kHz, logarithmic above), evaluated at the FFT bin frequencies
 * {@code k * sr / n_fft}, each scaled by {@code 2 / (f[i+2] - f[i])} (equal area). Weights are rounded to float32
 * like librosa's. Each band stores only its nonzero bin range. Instances are cached per (sr, n_fft, n_mels) and
 * immutable.
 */
public final class MelFilterbank {
    private static final ConcurrentHashMap<FilterbankKey, MelFilterbank> CACHE = new ConcurrentHashMap<>();
    /** Frames per block when applying the bank (keeps the output block in L1). */
    private static final int BLOCK = 512;
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int bins;
    private final int[] first;
    private final float[][] weights;
    /** Per band, the bins of {@code weights} ({@code first[m] ..}). */
    private final int[][] binIndex;

    private MelFilterbank(FilterbankKey key) {
        int sr = key.sampleRate();
        int nFft = key.nFft();
        int nMels = key.bands();
        bins = 1 + nFft / 2;
        double[] melF = melFrequencies(nMels + 2, 0.0, sr / 2.0);
        first = new int[nMels];
        weights = new float[nMels][];
        float[] row = new float[bins];
        double binHz = 1.0 / (nFft * (1.0 / sr));
        for (int i = 0; i < nMels; i++) {
            double lowDiff = melF[i + 1] - melF[i];
            double highDiff = melF[i + 2] - melF[i + 1];
            double enorm = 2.0 / (melF[i + 2] - melF[i]);
            int lo = bins;
            int hi = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                double lower = -(melF[i] - f) / lowDiff;
                double upper = (melF[i + 2] - f) / highDiff;
                float w = (float) ((double) (float) Math.max(0.0, Math.min(lower, upper)) * enorm);
                row[k] = w;
                if (w > 0) {
                    lo = Math.min(lo, k);
                    hi = k;
                }
            }
            first[i] = hi < 0 ? 0 : lo;
            weights[i] = hi < 0 ? new float[0] : Arrays.copyOfRange(row, lo, hi + 1);
        }
        binIndex = new int[nMels][];
        for (int i = 0; i < nMels; i++) {
            binIndex[i] = new int[weights[i].length];
            for (int j = 0; j < weights[i].length; j++) binIndex[i][j] = first[i] + j;
        }
    }

    /** The cached bank for {@code cfg.sampleRate()}, {@code cfg.nFft()}, {@code cfg.nMels()}. */
    public static MelFilterbank of(FeatureConfig cfg) {
        return CACHE.computeIfAbsent(new FilterbankKey(cfg.sampleRate(), cfg.nFft(), cfg.nMels()), MelFilterbank::new);
    }

    /** Number of mel bands. */
    public int bands() {
        return weights.length;
    }

    /** Dense weights, shape {@code [n_mels][1 + n_fft/2]}, as {@code librosa.filters.mel} returns them. */
    public float[][] weights() {
        float[][] w = new float[weights.length][bins];
        for (int m = 0; m < weights.length; m++) System.arraycopy(weights[m], 0, w[m], first[m], weights[m].length);
        return w;
    }

    /**
     * Mel power spectrogram {@code M = W S}, as {@code librosa.feature.melspectrogram(S=power, ...)}.
     *
     * @param power power spectrogram {@code [1 + n_fft/2][frames]} (from {@link Stft#power})
     * @return mel power, shape {@code [n_mels][frames]}
     */
    public float[][] apply(float[][] power) {
        if (power.length != bins)
            throw new IllegalArgumentException("MelFilterbank: expected " + bins + " frequency bins, got " + power.length);
        int frames = power[0].length;
        float[][] out = new float[weights.length][frames];
        for (int t0 = 0; t0 < frames; t0 += BLOCK) accumulate(power, t0, Math.min(BLOCK, frames - t0), out);
        return out;
    }

    /**
     * Adds the filterbank product of a block of power spectra to {@code out}. Per output value the bins are summed
     * in the same order as by {@link #apply}, so block-wise accumulation gives the same mel power.
     *
     * @param power power spectra {@code [1 + n_fft/2][..]}
     * @param col   first column (frame) of the block, in {@code power} and in {@code out}
     * @param count frames in the block
     * @param out   mel power {@code [n_mels][..]}, zero before the first block; receives columns {@code col .. col + count - 1}
     *              (one index for input and output: C2 vectorizes the loop only then)
     */
    public void accumulate(float[][] power, int col, int count, float[][] out) {
        for (int m = 0; m < weights.length; m++)
            SparseRows.accumulate(power, binIndex[m], weights[m], col, count, out[m]);
    }

    /** {@code n} frequencies (Hz) equally spaced on the Slaney mel scale from {@code fmin} to {@code fmax}. */
    static double[] melFrequencies(int n, double fmin, double fmax) {
        double lo = hzToMel(fmin);
        double hi = hzToMel(fmax);
        double step = (hi - lo) / (n - 1);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = melToHz(i == n - 1 ? hi : lo + i * step);
        return f;
    }

    /** Slaney mel of a frequency in Hz (librosa {@code hz_to_mel(htk=False)}). */
    static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    /** Frequency in Hz of a Slaney mel (librosa {@code mel_to_hz(htk=False)}). */
    static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }
}
