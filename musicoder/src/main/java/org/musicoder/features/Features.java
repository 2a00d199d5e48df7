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
    /** Frames transposed together (through a buffer of {@code TILE x dims} floats). */
    private static final int TILE = 16;

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
        float[][] columns = columns();
        float[][] out = new float[frames][columns.length];
        float[] tile = new float[columns.length * TILE];
        for (int t0 = 0; t0 < frames; t0 += TILE) {
            int n = Math.min(TILE, frames - t0);
            for (int j = 0; j < columns.length; j++) System.arraycopy(columns[j], t0, tile, j * TILE, n);
            for (int k = 0; k < n; k++) {
                float[] o = out[t0 + k];
                for (int j = 0, p = k; j < o.length; j++, p += TILE) o[j] = tile[p];
            }
        }
        return out;
    }

    /**
     * {@link #raw()} after per-clip {@link Cmvn} with {@code config.stdFloor()}, normalised in place
     * (the same values as {@code Cmvn.apply(raw(), floor)}, without a second matrix).
     *
     * @return {@code [frames()][config.dims()]}
     */
    public float[][] cmvn() {
        if (frames() == 0) throw new IllegalArgumentException("Cmvn: no frames");
        float[][] m = raw();
        Cmvn.normalize(m, m, config.stdFloor());
        return m;
    }

    /** The rows of all blocks in column order; checks that they are {@code config.dims()}. */
    private float[][] columns() {
        float[][] out = new float[config.dims()][];
        int col = 0;
        for (float[][] block : blocks()) {
            for (float[] row : block) {
                if (col < out.length) out[col] = row;
                col++;
            }
        }
        if (col != config.dims())
            throw new IllegalStateException("Features: blocks have " + col + " dims, config says " + config.dims());
        return out;
    }

    private float[][][] blocks() {
        return new float[][][] {chroma, mfcc, mfccDelta, logMel, logCqt};
    }
}
