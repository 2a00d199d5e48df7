package org.musicoder.features;

/**
 * Log compression {@code ln(10 S + eps)} of a nonnegative spectrogram: the project's log-mel (and log-CQT), as
 * {@code np.log(10.0 * S + eps)} (natural log; the paper's eps is not given, {@link FeatureConfig#PAPER} uses 1e-6).
 */
public final class LogMel {
    private LogMel() {}

    /**
     * @param s   nonnegative values, shape {@code [rows][frames]} (mel power, or CQT magnitude)
     * @param eps floor inside the log, {@code > 0}
     * @return {@code ln(10 s + eps)}, same shape
     */
    public static float[][] of(float[][] s, double eps) {
        float[][] out = new float[s.length][];
        double[] arg = new double[s.length == 0 ? 0 : s[0].length];
        for (int r = 0; r < s.length; r++) {
            float[] x = s[r];
            if (x.length > arg.length) arg = new double[x.length];
            // two loops: a float->double conversion next to the log call runs ~3x slower on C2
            for (int t = 0; t < x.length; t++) arg[t] = 10.0 * x[t] + eps;
            float[] o = new float[x.length];
            for (int t = 0; t < x.length; t++) o[t] = (float) Ln.ln(arg[t]);
            out[r] = o;
        }
        return out;
    }

    /** As {@link #of(float[][], double)} for double input (the CQT magnitude). */
    public static float[][] of(double[][] s, double eps) {
        float[][] out = new float[s.length][];
        double[] arg = new double[s.length == 0 ? 0 : s[0].length];
        for (int r = 0; r < s.length; r++) {
            double[] x = s[r];
            if (x.length > arg.length) arg = new double[x.length];
            for (int t = 0; t < x.length; t++) arg[t] = 10.0 * x[t] + eps;
            float[] o = new float[x.length];
            for (int t = 0; t < x.length; t++) o[t] = (float) Ln.ln(arg[t]);
            out[r] = o;
        }
        return out;
    }
}
