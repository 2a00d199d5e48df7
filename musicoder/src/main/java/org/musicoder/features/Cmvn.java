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

    /**
     * Cuts a long clip into consecutive pieces of {@code pieceFrames} frames and normalises each as a clip of its own
     * ({@link #apply}): how a track of minutes becomes pretraining clips of the paper's length (4.1: 10-35 s). A last
     * piece shorter than half a piece joins the one before it, so pieces are {@code pieceFrames} to
     * {@code 1.5 * pieceFrames} long; a clip shorter than {@code 1.5 * pieceFrames} stays whole.
     *
     * @param raw raw features {@code [frames][dims]}
     * @param pieceFrames frames per piece, {@code >= 1}, or 0 for the whole clip
     * @param floor smallest standard deviation divided by ({@code 1e-8})
     * @return the normalised pieces, in time order
     */
    public static java.util.List<float[][]> pieces(float[][] raw, int pieceFrames, double floor) {
        if (pieceFrames < 0) throw new IllegalArgumentException("CMVN pieces: negative length " + pieceFrames);
        java.util.List<float[][]> out = new java.util.ArrayList<>();
        if (pieceFrames == 0 || raw.length < pieceFrames + pieceFrames / 2) {
            out.add(apply(raw, floor));
            return out;
        }
        int start = 0;
        while (start < raw.length) {
            int end = raw.length - (start + pieceFrames) < pieceFrames / 2 ? raw.length : start + pieceFrames;
            out.add(apply(java.util.Arrays.copyOfRange(raw, start, end), floor));
            start = end;
        }
        return out;
    }
}
