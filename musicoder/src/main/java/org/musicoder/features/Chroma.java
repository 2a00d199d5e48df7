package org.musicoder.features;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Chromagram from a power spectrogram, as {@code librosa.feature.chroma_stft(S=power, sr, norm=np.inf, tuning=0.0,
 * n_chroma)} with {@code librosa.filters.chroma(sr, n_fft, n_chroma, tuning=0, ctroct=5.0, octwidth=2, norm=2,
 * base_c=True)}.
 *
 * <p>Filterbank: each FFT bin {@code k >= 1} sits at {@code b_k = n_chroma * log2(f_k / 27.5)} chroma bins
 * ({@code f_k = k sr / n_fft}; bin 0 is put 1.5 octaves below bin 1). Its weight for chroma {@code c} is a Gaussian
 * {@code exp(-0.5 (2 d / w_k)^2)} of the circular distance {@code d} from {@code b_k} to {@code c} (in chroma bins,
 * wrapped to [-n_chroma/2, n_chroma/2)), with width {@code w_k = max(b_{k+1} - b_k, 1)}; each bin's weights are
 * scaled to unit L2 norm over chroma, multiplied by the octave weighting {@code exp(-0.5 ((b_k/n_chroma - 5)/2)^2)},
 * and the rows are rotated so that row 0 is C. Weights are rounded to float32 like librosa's; they are all nonzero
 * (Gaussians, no cut-off), but the product skips those below 1e-7 of their bin's largest weight, i.e. below one
 * float32 ulp (above ~370 Hz that is 7 of the 12: the chromagram changes by ~1e-8 relative). Each chroma is
 * summed over its bins in increasing order ({@link SparseRows}). Instances are cached per (sr, n_fft, n_chroma).
 *
 * <p>Normalisation: each frame is divided by its maximum; a frame whose maximum is below the smallest normal
 * float32 ({@code np.finfo(np.float32).tiny}, librosa's threshold for float32 input) is left as it is (for
 * silence: all zeros).
 */
public final class Chroma {
    private static final ConcurrentHashMap<FilterbankKey, Chroma> CACHE = new ConcurrentHashMap<>();
    /** Frames per block when applying the bank (keeps the output block in L1). */
    private static final int BLOCK = 256;
    private static final double A0_HZ = 440.0 / 16;
    private static final double CENTER_OCTAVE = 5.0;
    private static final double OCTAVE_WIDTH = 2.0;
    /** Weights below this fraction of their bin's largest are skipped in {@link #apply}: below one float32 ulp
     *  (1.2e-7) of the bin's largest term (above ~370 Hz the Gaussians are one chroma bin wide: exp(-2 d^2), so the
     *  skipped ones are those at d >= 3, 1.5e-8 and less). */
    private static final double NEGLIGIBLE = 1e-7;

    private final int bins;
    /** Weights transposed, {@code [bin][chroma]}, for a bin-major product. */
    private final float[][] byBin;
    /** Per chroma, the bins whose weight for it is at least {@link #NEGLIGIBLE} of the bin's largest (ascending),
     *  and those weights. */
    private final int[][] bankBins;
    private final float[][] bankWeights;

    private Chroma(FilterbankKey key) {
        int sr = key.sampleRate();
        int nFft = key.nFft();
        int nChroma = key.bands();
        bins = 1 + nFft / 2;
        double[] binPos = new double[nFft];
        double step = (double) sr / nFft;
        for (int k = 1; k < nFft; k++) binPos[k] = nChroma * log2(k * step / A0_HZ);
        binPos[0] = binPos[1] - 1.5 * nChroma;
        double half = Math.rint(nChroma / 2.0);
        int roll = 3 * (nChroma / 12);
        byBin = new float[bins][nChroma];
        double[] col = new double[nChroma];
        for (int k = 0; k < bins; k++) {
            double width = k + 1 < nFft ? Math.max(binPos[k + 1] - binPos[k], 1.0) : 1.0;
            double norm2 = 0;
            for (int c = 0; c < nChroma; c++) {
                double d = remainder(binPos[k] - c + half + 10 * nChroma, nChroma) - half;
                double g = 2 * d / width;
                col[c] = Math.exp(-0.5 * g * g);
                norm2 += col[c] * col[c];
            }
            double octave = (binPos[k] / nChroma - CENTER_OCTAVE) / OCTAVE_WIDTH;
            double octaveWeight = Math.exp(-0.5 * octave * octave);
            double norm = Math.sqrt(norm2);
            for (int c = 0; c < nChroma; c++)
                byBin[k][c] = (float) (col[(c + roll) % nChroma] / norm * octaveWeight);
        }
        bankBins = new int[nChroma][];
        bankWeights = new float[nChroma][];
        float[] binMax = new float[bins];
        for (int k = 0; k < bins; k++)
            for (float w : byBin[k]) binMax[k] = Math.max(binMax[k], w);
        int[] idx = new int[bins];
        float[] ws = new float[bins];
        for (int c = 0; c < nChroma; c++) {
            int n = 0;
            for (int k = 0; k < bins; k++) {
                if (byBin[k][c] >= NEGLIGIBLE * binMax[k]) {
                    idx[n] = k;
                    ws[n++] = byBin[k][c];
                }
            }
            bankBins[c] = java.util.Arrays.copyOf(idx, n);
            bankWeights[c] = java.util.Arrays.copyOf(ws, n);
        }
    }

    /** The cached filterbank for {@code cfg.sampleRate()}, {@code cfg.nFft()}, {@code cfg.nChroma()}. */
    public static Chroma of(FeatureConfig cfg) {
        return CACHE.computeIfAbsent(new FilterbankKey(cfg.sampleRate(), cfg.nFft(), cfg.nChroma()),
                Chroma::new);
    }

    /** Dense filterbank, shape {@code [n_chroma][1 + n_fft/2]}, as {@code librosa.filters.chroma} returns it. */
    public float[][] weights() {
        int nChroma = byBin[0].length;
        float[][] w = new float[nChroma][bins];
        for (int k = 0; k < bins; k++)
            for (int c = 0; c < nChroma; c++) w[c][k] = byBin[k][c];
        return w;
    }

    /**
     * Max-normalised chromagram.
     *
     * @param power power spectrogram {@code [1 + n_fft/2][frames]} (from {@link Stft#power})
     * @return chroma, shape {@code [n_chroma][frames]}, each frame's maximum 1 (unless the frame is silent)
     */
    public float[][] apply(float[][] power) {
        if (power.length != bins)
            throw new IllegalArgumentException("Chroma: expected " + bins + " frequency bins, got " + power.length);
        int frames = power[0].length;
        float[][] out = new float[byBin[0].length][frames];
        for (int t0 = 0; t0 < frames; t0 += BLOCK) accumulate(power, t0, Math.min(BLOCK, frames - t0), out);
        normalize(out);
        return out;
    }

    /**
     * Adds the filterbank product of a block of power spectra to {@code out} (the unnormalised chromagram; finish
     * with {@link #normalize}). Per output value the bins are summed in increasing order, as by {@link #apply}.
     *
     * @param power power spectra {@code [1 + n_fft/2][..]}
     * @param col   first column (frame) of the block, in {@code power} and in {@code out}
     * @param count frames in the block
     * @param out   chroma sums {@code [n_chroma][..]}, zero before the first block; receives columns {@code col .. col + count - 1}
     *              (one index for input and output: C2 vectorizes the loop only then)
     */
    public void accumulate(float[][] power, int col, int count, float[][] out) {
        for (int c = 0; c < bankBins.length; c++)
            SparseRows.accumulate(power, bankBins[c], bankWeights[c], col, count, out[c]);
    }

    /**
     * Divides each frame of the chroma sums by its maximum, in place; a frame whose maximum is below the smallest
     * normal float32 is left as it is.
     *
     * @param chroma {@code [n_chroma][frames]}
     */
    public static void normalize(float[][] chroma) {
        int frames = chroma[0].length;
        for (int t = 0; t < frames; t++) {
            float max = 0;
            for (float[] row : chroma) max = Math.max(max, row[t]);
            if (max < Float.MIN_NORMAL) continue;
            for (float[] row : chroma) row[t] /= max;
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** numpy's {@code remainder} for a positive divisor: the result has the divisor's sign. */
    private static double remainder(double a, double b) {
        double r = a % b;
        return r < 0 ? r + b : r;
    }
}
