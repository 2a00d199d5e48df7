package org.musicoder.features;

/**
 * The five feature blocks of one clip, each {@code [dims][frames]} (librosa's layout).
 *
 * @param chroma    {@code [n_chroma][frames]}, see {@link Chroma}
 * @param mfcc      {@code [n_mfcc][frames]}, see {@link Mfcc}
 * @param mfccDelta {@code [n_mfcc][frames]}, see {@link Delta}
 * @param logMel    {@code [n_mels][frames]}, see {@link LogMel}
 * @param logCqt    {@code [cqt_bins][frames']}, {@code ln(10 |CQT| + eps)}, see {@link Cqt}; {@code frames' >= frames}
 * @param config    the recipe that produced them
 */
public record Features(float[][] chroma, float[][] mfcc, float[][] mfccDelta, float[][] logMel, float[][] logCqt,
                       FeatureConfig config) {

    /** Frames common to all blocks (the shortest block's frame count). */
    public int frames() {
        int n = Integer.MAX_VALUE;
        for (float[][] b : blocks())
            if (b.length > 0) n = Math.min(n, b[0].length);
        return n;
    }

    /**
     * The concatenated feature matrix before normalisation: one row per frame, columns chroma, mfcc, mfcc delta,
     * log-mel, log-CQT (0-11, 12-31, 32-51, 52-179, 180-323 for {@link FeatureConfig#PAPER}).
     *
     * @return {@code [frames()][config.dims()]}
     */
    public float[][] raw() {
        int frames = frames();
        float[][] out = new float[frames][config.dims()];
        int col = 0;
        for (float[][] block : blocks()) {
            for (float[] row : block) {
                for (int t = 0; t < frames; t++) out[t][col] = row[t];
                col++;
            }
        }
        if (col != config.dims())
            throw new IllegalStateException("Features: blocks have " + col + " dims, config says " + config.dims());
        return out;
    }

    /**
     * {@link #raw()} after per-clip {@link Cmvn} with {@code config.stdFloor()}, normalised block row by block row
     * (the same values as {@code Cmvn.apply(raw(), floor)}, without the intermediate matrix).
     *
     * @return {@code [frames()][config.dims()]}
     */
    public float[][] cmvn() {
        int frames = frames();
        if (frames == 0) throw new IllegalArgumentException("Cmvn: no frames");
        float[][] out = new float[frames][config.dims()];
        double[] scratch = new double[frames];
        int col = 0;
        for (float[][] block : blocks())
            for (float[] row : block) Cmvn.column(row, frames, config.stdFloor(), scratch, out, col++);
        if (col != config.dims())
            throw new IllegalStateException("Features: blocks have " + col + " dims, config says " + config.dims());
        return out;
    }

    private float[][][] blocks() {
        return new float[][][] {chroma, mfcc, mfccDelta, logMel, logCqt};
    }
}
