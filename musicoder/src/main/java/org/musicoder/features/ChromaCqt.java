package org.musicoder.features;

/**
 * The "144-bin chroma CQT" reading of the paper: {@code librosa.feature.chroma_cqt(y, sr, hop_length,
 * n_chroma=144, bins_per_octave=144, n_octaves=7, fmin=C1, tuning=0, norm=inf, threshold=0)}.
 *
 * <p>librosa's default {@code bins_per_octave=36} is not a multiple of 144 (librosa rejects it), so the CQT runs
 * at 144 bins per octave (librosa's choice for {@code bins_per_octave=None}) over its default 7 octaves; tuning is
 * pinned at 0 like the rest of the recipe (librosa would estimate it). With one CQT bin per chroma bin and C1 as
 * the lowest bin, chroma bin {@code c} is the sum of CQT bins {@code c + 144 o} over the octaves {@code o}; each
 * frame is then divided by its maximum (frames whose maximum is below the smallest normal float stay as they are).
 */
final class ChromaCqt {
    /** librosa's default octave count of {@code chroma_cqt}. */
    static final int OCTAVES = 7;

    private ChromaCqt() {}

    /**
     * @param y   mono waveform at {@code cfg.sampleRate()}
     * @param cfg recipe; {@code cfg.cqtBins()} is the number of chroma bins (144)
     * @return chromagram {@code [cfg.cqtBins()][frames]}, each frame's maximum 1
     */
    static double[][] chroma(float[] y, FeatureConfig cfg) {
        int nChroma = cfg.cqtBins();
        double[][] c = Cqt.magnitude(y, cfg.sampleRate(), cfg.hop(), cfg.cqtFmin(), OCTAVES * nChroma, nChroma);
        int frames = c[0].length;
        double[][] out = new double[nChroma][frames];
        for (int k = 0; k < c.length; k++) {
            double[] src = c[k], dst = out[k % nChroma];
            for (int t = 0; t < frames; t++) dst[t] += src[t];
        }
        for (int t = 0; t < frames; t++) {
            double max = 0;
            for (double[] row : out) max = Math.max(max, Math.abs(row[t]));
            if (max < Float.MIN_NORMAL) continue;
            for (double[] row : out) row[t] /= max;
        }
        return out;
    }
}
