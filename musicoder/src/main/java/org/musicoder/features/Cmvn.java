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
        // each row is widened in its own loop: a float->double conversion inside the arithmetic loops runs ~3x slower
        double[] x = new double[dims];
        double[] mean = new double[dims];
        for (float[] row : raw) {
            widen(row, x);
            for (int j = 0; j < dims; j++) mean[j] += x[j];
        }
        for (int j = 0; j < dims; j++) mean[j] /= frames;
        double[] var = new double[dims];
        for (float[] row : raw) {
            widen(row, x);
            for (int j = 0; j < dims; j++) x[j] -= mean[j];
            for (int j = 0; j < dims; j++) var[j] += x[j] * x[j];
        }
        double[] div = new double[dims];
        for (int j = 0; j < dims; j++) div[j] = Math.max(Math.sqrt(var[j] / frames), floor);
        float[][] out = new float[frames][dims];
        for (int i = 0; i < frames; i++) {
            widen(raw[i], x);
            for (int j = 0; j < dims; j++) x[j] = (x[j] - mean[j]) / div[j];
            float[] o = out[i];
            for (int j = 0; j < dims; j++) o[j] = (float) x[j];
        }
        return out;
    }

    private static void widen(float[] row, double[] x) {
        if (row.length != x.length) throw new IllegalArgumentException("Cmvn: ragged rows");
        for (int j = 0; j < x.length; j++) x[j] = row[j];
    }
}
