package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpanLengthTest {
    /**
     * Exact weights of the truncated geometric with p = 1/5 on {2..7}: P(l) is proportional to (4/5)^(l-1),
     * i.e. to 4^(l-1) 5^(7-l) = 12500, 10000, 8000, 6400, 5120, 4096 (sum 46116).
     */
    static final long[] WEIGHTS = {12500, 10000, 8000, 6400, 5120, 4096};
    static final long TOTAL = 46116;

    static double exactProbability(int length) {
        return (double) WEIGHTS[length - 2] / TOTAL;
    }

    @Test
    void meanIs3_87Analytically() {
        long sum = 0;
        for (int l = 2; l <= 7; l++) {
            sum += l * WEIGHTS[l - 2];
            assertEquals(exactProbability(l), SpanLength.probability(l), 1e-15, "P(" + l + ")");
        }
        assertEquals(178392, sum);
        double mean = (double) sum / TOTAL; // 178392 / 46116 = 3.868297...
        assertEquals(3.87, mean, 0.005);
        assertEquals(mean, SpanLength.mean(), 1e-14);
        assertEquals(0, SpanLength.probability(1));
        assertEquals(0, SpanLength.probability(8));
    }

    /** One million draws: chi-square over the six lengths and the mean within 4.5 standard errors. */
    @Test
    void drawsFollowTheDistribution() {
        MaskRng rng = new MaskRng(20240601);
        int n = 1_000_000;
        long[] counts = new long[6];
        long total = 0;
        for (int i = 0; i < n; i++) {
            int l = SpanLength.draw(rng);
            counts[l - 2]++;
            total += l;
        }
        double[] p = new double[6];
        double mean = 0;
        double meanSq = 0;
        for (int l = 2; l <= 7; l++) {
            p[l - 2] = exactProbability(l);
            mean += l * p[l - 2];
            meanSq += l * l * p[l - 2];
        }
        double x2 = Stats.assertFits("span lengths", counts, p);
        double se = Math.sqrt((meanSq - mean * mean) / n);
        double measured = (double) total / n;
        System.out.printf("SpanLength: %d draws, mean %.5f (exact %.5f, se %.5f), chi-square %.2f (df 5)%n",
                n, measured, mean, se, x2);
        assertEquals(mean, measured, Stats.Z * se);
    }
}
