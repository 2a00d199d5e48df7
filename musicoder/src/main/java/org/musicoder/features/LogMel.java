package org.musicoder.features;

/**
 * Log compression {@code ln(10 S + eps)} of a nonnegative spectrogram: the project's log-mel (and log-CQT), as
 * {@code np.log(10.0 * S + eps)} (natural log; the paper's eps is not given, {@link FeatureConfig#PAPER} uses 1e-6).
 */
public final class LogMel {
    private static final double LN10 = Math.log(10.0);
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

    /**
     * As {@link #of(float[][], double)}, reusing the logs the MFCC needs anyway: where {@code u = eps / (10 s)}
     * is at most 1e-3, {@code ln(10 s + eps) = ln 10 + ln s + ln(1 + u)} with {@code ln(1 + u)} from four terms
     * of its series (error below 1e-15); elsewhere (near-silent bins) the log is taken directly.
     *
     * @param s   mel power, shape {@code [rows][frames]}
     * @param eps floor inside the log, {@code > 0}
     * @param ln  {@code ln(max(Mfcc.AMIN, s))}, same shape ({@link Mfcc#lnPower})
     * @return {@code ln(10 s + eps)}, same shape
     */
    static float[][] of(float[][] s, double eps, double[][] ln) {
        float[][] out = new float[s.length][];
        // s >= 100 eps (so u <= 1e-3) also implies s >= Mfcc.AMIN for the eps of any sensible recipe
        double direct = Math.max(100 * eps, Mfcc.AMIN);
        double[] arg = new double[s.length == 0 ? 0 : s[0].length];
        for (int r = 0; r < s.length; r++) {
            float[] x = s[r];
            double[] l = ln[r];
            if (x.length > arg.length) arg = new double[x.length];
            for (int t = 0; t < x.length; t++) arg[t] = x[t];
            float[] o = new float[x.length];
            for (int t = 0; t < x.length; t++) {
                double v = arg[t];
                if (v >= direct) {
                    double u = eps / (10.0 * v);
                    double series = u * (1 - u * (0.5 - u * (1.0 / 3 - u * 0.25)));
                    o[t] = (float) (LN10 + l[t] + series);
                } else {
                    o[t] = (float) Ln.ln(10.0 * v + eps);
                }
            }
            out[r] = o;
        }
        return out;
    }

    /** As {@link #of(float[][], double)} for double input (the CQT magnitude). */
    public static float[][] of(double[][] s, double eps) {
        float[][] out = new float[s.length][];
        for (int r = 0; r < s.length; r++) {
            double[] x = s[r];
            float[] o = new float[x.length];
            for (int t = 0; t < x.length; t++) o[t] = (float) Ln.ln(10.0 * x[t] + eps);
            out[r] = o;
        }
        return out;
    }
}
