package org.musicoder.features;

import org.musicoder.audio.Resampler;

/**
 * librosa's multirate constant-Q transform ({@code librosa.cqt}, librosa 1.0).
 *
 * <p>The signal is first decimated by a power of two as far as the highest filter allows ("early downsampling";
 * 4:1 to 11025 Hz for the paper's recipe), then each octave, highest first, is the product of a sparse FFT filter
 * basis ({@link CqtPlan}) with a rectangular-window STFT of the current signal (frames centred, zero padded; an FFT
 * per frame, or a sliding DFT for small hops),
 * after which the signal is decimated 2:1 and the hop halved. All decimation is {@link Resampler} (soxr HQ,
 * {@code scale=True}). Octaves are trimmed to the shortest one's frame count and stacked; rows are divided by
 * the square root of their filter length ({@code scale=True}).
 */
public final class Cqt {
    /** librosa's default sparsification quantile of the filter basis. */
    static final double SPARSITY = 0.01;
    /** Frames per batched FFT. */
    private static final int BLOCK = 128;
    /** Sliding-DFT frames transposed at a time (one 64-byte cache line of doubles per bin row). */
    private static final int TILE = 8;
    /** Octaves whose hop is at most {@code nFft / SLIDING_RATIO} use the sliding DFT rather than one FFT per frame
     *  (measured with {@code nFft} 512: hop 32 and below gain, 64 loses). */
    private static final int SLIDING_RATIO = 16;

    private Cqt() {}

    /**
     * CQT magnitude of a waveform, {@code librosa.cqt(y, sr, hop_length, fmin, n_bins, bins_per_octave, tuning=0,
     * filter_scale=1, norm=1, sparsity=0.01, window='hann', scale=True, res_type='soxr_hq')}, or for
     * {@link FeatureConfig.CqtVariant#CHROMA_CQT_144} the chromagram of {@link ChromaCqt}.
     *
     * @param y   mono waveform at {@code cfg.sampleRate()}
     * @param cfg recipe: sample rate, hop, CQT fmin, bins, bins per octave, variant
     * @return {@code |C|}, shape {@code [cfg.cqtBins()][frames]} with {@code frames = min over octaves of
     *         1 + octave length / octave hop}, which is {@code cfg.frames(y.length)} or one more
     * @throws IllegalArgumentException if the filters do not fit below the Nyquist frequency, or {@code y} is
     *                                  shorter than the early downsampling factor
     */
    public static double[][] magnitude(float[] y, FeatureConfig cfg) {
        if (cfg.cqtVariant() == FeatureConfig.CqtVariant.CHROMA_CQT_144) return ChromaCqt.chroma(y, cfg);
        return magnitude(y, cfg.sampleRate(), cfg.hop(), cfg.cqtFmin(), cfg.cqtBins(), cfg.cqtBinsPerOctave());
    }

    /**
     * {@code |librosa.cqt(y, sr, hop_length, fmin, n_bins, bins_per_octave)|} with the other parameters as in
     * {@link #magnitude(float[], FeatureConfig)}.
     *
     * @param y       mono waveform
     * @param sr      its sample rate (Hz)
     * @param hop     frame hop at {@code sr} (samples)
     * @param fmin    lowest bin centre (Hz)
     * @param nBins   number of bins
     * @param bpo     bins per octave
     * @return {@code [nBins][frames]}
     */
    static double[][] magnitude(float[] y, int sr, int hop, double fmin, int nBins, int bpo) {
        if (fmin >= sr / 2.0)
            throw new IllegalArgumentException("CQT: fmin=" + fmin + " Hz must be below sr/2=" + sr / 2.0);
        CqtPlan plan = CqtPlan.of(sr, hop, fmin, nBins, bpo, 1.0, SPARSITY);
        if (plan.earlyFactor > 1) {
            if (y.length < plan.earlyFactor)
                throw new IllegalArgumentException("CQT: input of " + y.length + " samples is too short for a "
                        + plan.octaves.length + "-octave CQT");
            y = Resampler.resample(y, plan.earlyFactor, 1, true);
        }
        int frames = frames(y.length, plan);
        double[][] out = new double[nBins][frames];
        for (int i = 0; i < plan.octaves.length; i++) {
            CqtPlan.Octave oct = plan.octaves[i];
            respond(y, oct.hop(), oct.basis(), out, oct.firstRow(), frames);
            if (plan.decimateAfter[i]) y = Resampler.resample(y, 2, 1, true);
        }
        return out;
    }

    /** Frame count after trimming: the minimum over octaves of {@code 1 + length / hop}. */
    private static int frames(int length, CqtPlan plan) {
        int frames = Integer.MAX_VALUE;
        for (int i = 0; i < plan.octaves.length; i++) {
            frames = Math.min(frames, 1 + length / plan.octaves[i].hop());
            if (plan.decimateAfter[i]) length = (length + 1) / 2;
        }
        return frames;
    }

    /**
     * One octave: rectangular-window STFT frames (centred, zero padded), {@link #BLOCK} at a time, through the
     * sparse basis. The frames' bins come from the batched double-precision FFT, or, for hops up to
     * {@code nFft / }{@value #SLIDING_RATIO}, from the {@link SlidingDft} (same values to ~1e-13, fewer operations).
     */
    private static void respond(float[] y, int hop, SparseBasis basis, double[][] out, int row, int frames) {
        int nFft = basis.nFft, lo = basis.minBin, width = basis.maxBin - lo + 1;
        float[] padded = new float[y.length + nFft];
        System.arraycopy(y, 0, padded, nFft / 2, y.length);
        // bins minBin..maxBin of the block's frames, bin-major so that the basis product runs along frames
        double[][] xr = new double[width][BLOCK], xi = new double[width][BLOCK];
        if (hop * SLIDING_RATIO <= nFft) {
            SlidingDft dft = SlidingDft.of(nFft, hop, lo, width);
            double[][] state = dft.start(padded);
            double[] re = state[0], im = state[1];
            // TILE frames' states frame-major, then written bin-major a cache line per bin at a time
            double[] tileRe = new double[TILE * width], tileIm = new double[TILE * width];
            for (int t0 = 0; t0 < frames; t0 += BLOCK) {
                int count = Math.min(BLOCK, frames - t0);
                for (int f0 = 0; f0 < count; f0 += TILE) {
                    int n = Math.min(TILE, count - f0);
                    for (int g = 0; g < n; g++) {
                        System.arraycopy(re, 0, tileRe, g * width, width);
                        System.arraycopy(im, 0, tileIm, g * width, width);
                        if (t0 + f0 + g + 1 < frames) dft.advance(padded, t0 + f0 + g, state);
                    }
                    for (int j = 0; j < width; j++) {
                        double[] r = xr[j], i = xi[j];
                        for (int g = 0, p = j; g < n; g++, p += width) {
                            r[f0 + g] = tileRe[p];
                            i[f0 + g] = tileIm[p];
                        }
                    }
                }
                basis.magnitudes(xr, xi, out, row, t0, count);
            }
        } else {
            FrameFftDouble batch = FrameFft.of(nFft).doubleBatch(BLOCK);
            for (int t0 = 0; t0 < frames; t0 += BLOCK) {
                int count = Math.min(BLOCK, frames - t0);
                batch.frames(padded, t0 * hop, hop, count);
                batch.transform();
                for (int j = 0; j < width; j++) batch.bin(lo + j, xr[j], xi[j]);
                basis.magnitudes(xr, xi, out, row, t0, count);
            }
        }
    }
}
