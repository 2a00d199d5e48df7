package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistical assertions with tolerances from sampling theory. Normal checks allow {@link #Z} standard errors
 * (two-sided p = 6.8e-6); chi-square checks use the upper 1e-5 quantile by Wilson-Hilferty, which is slightly
 * conservative at small df (df 5: 31.90 against scipy's exact 30.86; df 324: 444.32 against 444.22).
 */
final class Stats {
    /** Standard errors allowed in normal-approximation checks. */
    static final double Z = 4.5;
    /** Standard normal upper 1e-5 quantile (scipy.stats.norm.isf(1e-5)). */
    private static final double Z_1E5 = 4.264890793922825;

    private Stats() {}

    /** Upper 1e-5 quantile of chi-square with {@code df} degrees of freedom (Wilson-Hilferty). */
    static double chiSquareCritical(int df) {
        double a = 2.0 / (9.0 * df);
        return df * Math.pow(1 - a + Z_1E5 * Math.sqrt(a), 3);
    }

    /** Pearson's statistic of observed counts against probabilities summing to 1. */
    static double chiSquare(long[] observed, double[] p) {
        long n = 0;
        for (long o : observed) n += o;
        double x2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = n * p[i];
            x2 += (observed[i] - e) * (observed[i] - e) / e;
        }
        return x2;
    }

    /** Asserts the counts fit {@code p} at the 1e-5 level (df = cells - 1); returns the statistic. */
    static double assertFits(String what, long[] observed, double[] p) {
        double x2 = chiSquare(observed, p);
        double crit = chiSquareCritical(observed.length - 1);
        assertTrue(x2 < crit, what + ": chi-square " + x2 + " >= critical " + crit + " (df " + (observed.length - 1) + ")");
        return x2;
    }

    /**
     * Asserts ranks are uniform given their number of candidates: {@code ranks.get(n)[r]} counts draws that picked
     * candidate {@code r} of {@code n}; Pearson's statistic against {@code N_n / n} per cell, df = sum of (n - 1).
     * Returns the statistic.
     */
    static double assertConditionallyUniform(String what, java.util.Map<Integer, long[]> ranks) {
        double x2 = 0;
        int df = 0;
        for (long[] counts : ranks.values()) {
            long total = 0;
            for (long c : counts) total += c;
            double e = (double) total / counts.length;
            for (long c : counts) x2 += (c - e) * (c - e) / e;
            df += counts.length - 1;
        }
        double crit = chiSquareCritical(df);
        assertTrue(x2 < crit, what + ": chi-square " + x2 + " >= critical " + crit + " (df " + df + ")");
        return x2;
    }

    /** Asserts {@code k} successes in {@code n} trials are within {@link #Z} binomial standard errors of {@code p}. */
    static void assertBinomial(String what, long k, long n, double p) {
        double se = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(k - n * p) <= Z * se,
                what + ": " + k + " of " + n + ", expected " + n * p + " +- " + Z * se);
    }
}
