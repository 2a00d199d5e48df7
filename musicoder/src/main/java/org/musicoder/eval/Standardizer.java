package org.musicoder.eval;

/**
 * Per-column standardisation fitted on training rows, scikit-learn's {@code StandardScaler}: {@code (x - mean) /
 * std}, std with ddof 0, and a column of zero spread divided by 1.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * @param rows training rows, {@code [n][dims]}, {@code n >= 1}
     * @return the fitted standardiser
     */
    public static Standardizer fit(double[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("standardizer: no rows");
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] r : rows) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= rows.length;
        for (double[] r : rows) for (int j = 0; j < d; j++) scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd == 0 ? 1 : sd;
        }
        return new Standardizer(mean, scale);
    }

    /**
     * @param rows rows of the fitted width
     * @return standardised copies
     */
    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length)
                throw new IllegalArgumentException("standardizer: row " + i + " has " + rows[i].length + " columns, fitted on " + mean.length);
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) out[i][j] = (rows[i][j] - mean[j]) / scale[j];
        }
        return out;
    }

    /**
     * The hand-crafted clip descriptor of the baseline: per column of a clip's raw features, the mean then the
     * standard deviation (ddof 0), in double precision.
     *
     * @param raw a clip's raw (pre-CMVN) features, {@code [frames][dims]}, {@code frames >= 1}
     * @return {@code 2 * dims} values: the means, then the standard deviations
     */
    public static double[] clipStatistics(float[][] raw) {
        int d = raw[0].length;
        double[] out = new double[2 * d];
        for (float[] r : raw) for (int j = 0; j < d; j++) out[j] += r[j];
        for (int j = 0; j < d; j++) out[j] /= raw.length;
        for (float[] r : raw) for (int j = 0; j < d; j++) out[d + j] += (r[j] - out[j]) * (r[j] - out[j]);
        for (int j = 0; j < d; j++) out[d + j] = Math.sqrt(out[d + j] / raw.length);
        return out;
    }
}
