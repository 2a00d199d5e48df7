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
        double[] mean = new double[dims];
        for (float[] row : raw)
            for (int j = 0; j < dims; j++) mean[j] += row[j];
        for (int j = 0; j < dims; j++) mean[j] /= frames;
        double[] var = new double[dims];
        for (float[] row : raw)
            for (int j = 0; j < dims; j++) {
                double d = row[j] - mean[j];
                var[j] += d * d;
            }
        double[] div = new double[dims];
        for (int j = 0; j < dims; j++) div[j] = Math.max(Math.sqrt(var[j] / frames), floor);
        float[][] out = new float[frames][dims];
        for (int i = 0; i < frames; i++)
            for (int j = 0; j < dims; j++) out[i][j] = (float) ((raw[i][j] - mean[j]) / div[j]);
        return out;
    }
}
