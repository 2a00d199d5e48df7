package org.musicoder.experiments;

import java.util.Arrays;
import java.util.Locale;

/**
 * A table line's result over its replicates (one value per seed): how many values are numbers, their mean and their
 * sample standard deviation (ddof 1, so an unbiased variance; NaN for fewer than two values). NaN values (e.g. a
 * ROC-AUC that could not be computed) are left out, as {@link DownstreamRun#mean} leaves out NaN folds.
 *
 * @param n the number of values that are numbers
 * @param mean their mean, NaN if none
 * @param sd their sample standard deviation, NaN if fewer than two
 */
public record SeedSummary(int n, double mean, double sd) {
    /**
     * @param values one value per seed
     * @return their summary
     */
    public static SeedSummary of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        double mean = DownstreamRun.mean(v);
        if (v.length < 2) return new SeedSummary(v.length, mean, Double.NaN);
        double squares = 0; // two passes: the deviations from the mean, not sum(x^2) - n mean^2
        for (double x : v) squares += (x - mean) * (x - mean);
        return new SeedSummary(v.length, mean, Math.sqrt(squares / (v.length - 1)));
    }

    /**
     * As printed in the tables: {@code 0.433 +- 0.058 (n=3)}; {@code 0.850 (n=1)} for one value; {@code n/a (n=0)}
     * for none.
     */
    public String format() {
        if (n == 0) return "n/a (n=0)";
        if (n == 1) return String.format(Locale.ROOT, "%.3f (n=1)", mean);
        return String.format(Locale.ROOT, "%.3f +- %.3f (n=%d)", mean, sd, n);
    }
}
