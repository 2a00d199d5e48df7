package org.musicoder.features;

/**
 * Cepstral mean and variance normalisation per clip: each column {@code x} becomes
 * {@code (x - mean(x)) / max(std(x), floor)}, with the population standard deviation (ddof 0), all in float64.
 */
public final class Cmvn {
    private Cmvn() {}

    /**
     * @param raw   features, shape {@code [frames][dims]} (at least one frame)
     * @param floor lower bound of the divisor, {@code > 0} (1e-8 in {@link FeatureConfig#PAPER})
     * @return normalised features, shape {@code [frames][dims]}
     */
    public static float[][] apply(float[][] raw, double floor) {
        int frames = raw.length;
        if (frames == 0) throw new IllegalArgumentException("Cmvn: no frames");
        int dims = raw[0].length;
        for (float[] row : raw)
            if (row.length != dims) throw new IllegalArgumentException("Cmvn: ragged rows");
        float[][] out = new float[frames][dims];
        float[] column = new float[frames];
        double[] scratch = new double[frames];
        for (int j = 0; j < dims; j++) {
            for (int t = 0; t < frames; t++) column[t] = raw[t][j];
            column(column, frames, floor, scratch, out, j);
        }
        return out;
    }

    /**
     * Normalises one column given as a row of a {@code [dims][frames]} block and writes it transposed, so that a
     * clip's blocks go straight into the {@code [frames][dims]} matrix.
     *
     * @param x       the column's values, {@code >= frames} long (only the first {@code frames} are used)
     * @param frames  number of values, {@code >= 1}
     * @param floor   lower bound of the divisor, {@code > 0}
     * @param scratch work space, {@code >= frames} long
     * @param out     receives {@code out[t][col]}, {@code t < frames}
     * @param col     the column
     */
    static void column(float[] x, int frames, double floor, double[] scratch, float[][] out, int col) {
        // widened in its own loop: a float->double conversion inside the arithmetic loops runs ~3x slower
        for (int t = 0; t < frames; t++) scratch[t] = x[t];
        double mean = 0;
        for (int t = 0; t < frames; t++) mean += scratch[t];
        mean /= frames;
        double var = 0;
        for (int t = 0; t < frames; t++) {
            double d = scratch[t] - mean;
            var += d * d;
        }
        double div = Math.max(Math.sqrt(var / frames), floor);
        for (int t = 0; t < frames; t++) out[t][col] = (float) ((scratch[t] - mean) / div);
    }
}
