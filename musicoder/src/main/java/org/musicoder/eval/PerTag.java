package org.musicoder.eval;

import java.util.function.ToDoubleBiFunction;

/** Applies a one-tag metric to each column of a {@code clips x tags} matrix, with the package's undefined-tag rule. */
final class PerTag {
    private PerTag() {}

    /**
     * @param labels one tag's labels over the evaluated clips
     * @return whether the tag has at least one positive and one negative (else its metrics are undefined)
     */
    static boolean evaluable(boolean[] labels) {
        boolean pos = false;
        boolean neg = false;
        for (boolean l : labels) {
            pos |= l;
            neg |= !l;
        }
        return pos && neg;
    }

    /**
     * @param scores {@code clips x tags}
     * @param labels {@code clips x tags}
     * @param metric the one-tag metric (scores, labels of one column)
     * @return one value per tag; {@code NaN} for a tag that is not {@link #evaluable}
     */
    static double[] values(double[][] scores, boolean[][] labels, ToDoubleBiFunction<double[], boolean[]> metric) {
        int tags = Checks.matrices("scores vs labels", scores, labels);
        double[] out = new double[tags];
        for (int j = 0; j < tags; j++) {
            double[] s = new double[scores.length];
            boolean[] l = new boolean[scores.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = scores[i][j];
                l[i] = labels[i][j];
            }
            Checks.finite("scores of tag " + j, s);
            out[j] = evaluable(l) ? metric.applyAsDouble(s, l) : Double.NaN;
        }
        return out;
    }

    /** Mean of the non-NaN values; {@code NaN} if there is none. */
    static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
