package org.musicoder.features;

/** librosa's multirate constant-Q transform. (Being written.) */
public final class Cqt {
    private Cqt() {}

    /**
     * CQT magnitude of a waveform, {@code librosa.cqt(y, sr, hop_length, fmin, n_bins, bins_per_octave, tuning=0,
     * filter_scale=1, norm=1, sparsity=0.01, window='hann', scale=True, res_type='soxr_hq')}.
     *
     * @param y   mono waveform at {@code cfg.sampleRate()}
     * @return {@code |C|}, shape {@code [cfg.cqtBins()][frames]} with {@code frames >= cfg.frames(y.length)}
     */
    public static double[][] magnitude(float[] y, FeatureConfig cfg) {
        throw new UnsupportedOperationException("Cqt is being written");
    }
}
