package org.musicoder.features;

/**
 * Cepstral mean and variance normalisation per clip: each column {@code x} becomes
 * {@code (x - mean(x)) / max(std(x), floor)}, with the population standard deviation (ddof 0); mean and
 * standard deviation in float64, the subtraction and the division (a multiplication by the divisor's reciprocal)
 * in float32 to within 2 ulp of the float64 result.
 */
public final class Cmvn {
    private Cmvn() {}

    /**
     * @param raw   features, shape {@code [frames][dims]} (at least one frame)
     * @param floor lower bound of the divisor, {@code > 0} (1e-8 in {@link FeatureConfig#PAPER})
     * @return normalised features, shape {@code [frames][dims]}
     */
    public static float[][] apply(float[][] raw, double floor) {
        if (raw.length == 0) throw new IllegalArgumentException("Cmvn: no frames");
        int dims = raw[0].length;
        for (float[] row : raw)
            if (row.length != dims) throw new IllegalArgumentException("Cmvn: ragged rows");
        float[][] out = new float[raw.length][dims];
        normalize(raw, out, floor);
        return out;
    }

    /**
     * Normalises the columns of {@code in} into {@code out} (which may be {@code in} itself). Three passes over
     * the rows, each a loop over all columns at once; every column's sums run over the frames in order.
     *
     * @param in    features, shape {@code [frames][dims]}, {@code frames >= 1}
     * @param out   receives the normalised features, same shape
     * @param floor lower bound of the divisor, {@code > 0}
     */
    static void normalize(float[][] in, float[][] out, double floor) {
        int frames = in.length;
        int dims = in[0].length;
        double[] mean = new double[dims];
        double[] var = new double[dims];
        // widened in its own loop: a float->double conversion inside the arithmetic loops runs ~3x slower
        double[] wide = new double[dims];
        for (float[] row : in) {
            for (int j = 0; j < dims; j++) wide[j] = row[j];
            for (int j = 0; j < dims; j++) mean[j] += wide[j];
        }
        for (int j = 0; j < dims; j++) mean[j] /= frames;
        for (float[] row : in) {
            for (int j = 0; j < dims; j++) wide[j] = row[j];
            for (int j = 0; j < dims; j++) {
                double d = wide[j] - mean[j];
                var[j] += d * d;
            }
        }
        // the last pass in float (a double->float conversion does not vectorize on C2): x - mean as
        // (x - hi) - lo with mean = hi + lo split into floats, then times the reciprocal divisor; within 2 ulp of
        // the result of the double arithmetic, and exactly 0 for a constant column
        float[] hi = new float[dims];
        float[] lo = new float[dims];
        float[] inv = new float[dims];
        for (int j = 0; j < dims; j++) {
            hi[j] = (float) mean[j];
            lo[j] = (float) (mean[j] - hi[j]);
            inv[j] = (float) (1.0 / Math.max(Math.sqrt(var[j] / frames), floor));
        }
        for (int t = 0; t < frames; t++) {
            float[] row = in[t];
            float[] o = out[t];
            for (int j = 0; j < dims; j++) o[j] = ((row[j] - hi[j]) - lo[j]) * inv[j];
        }
    }
}
