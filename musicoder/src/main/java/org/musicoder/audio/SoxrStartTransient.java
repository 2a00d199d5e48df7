package org.musicoder.audio;

/**
 * soxr's start transient in 4:1 decimation. soxr HQ decimates 4:1 in two stages, a half-band 2:1 filter and then
 * the main 2:1 filter, and starts the second stage at the first stage's sample 0: the half-band filter's response
 * to the first input samples at times before 0 (its "pre-roll") is lost. The overall response is otherwise
 * {@link SincKernel}'s, so soxr's output equals the single-filter output minus the main stage's response to that
 * lost pre-roll. Its effect reaches about the first 100 output samples (up to 2.6e-2 per unit input sample at
 * input 1).
 *
 * <p>The half-band taps at odd offsets 3..15 were measured from soxr 1.0's impulse responses (least squares over
 * impulses at inputs 1..19; residual 3e-8, float precision); offsets from 17 on are zero.
 */
final class SoxrStartTransient {
    /** Half-band taps at offsets 3, 5, ..., 15 (symmetric; the centre tap is 0.5, the offset-1 tap 0.31155). */
    private static final double[] HALF_BAND = {-0.08734490445176657, 0.03681444887611178, -0.015189200406908469,
        0.0054540890310149585, -0.001564377046120169, 0.00031816289573865077, -3.480062397867483e-05};
    private static final int MAX_OFFSET = 2 * HALF_BAND.length + 1;

    private SoxrStartTransient() {}

    /**
     * Subtracts the lost pre-roll's contribution from a 4:1 decimation by {@link FftDecimator}.
     *
     * @param y      input samples
     * @param out    the single-filter 4:1 output, corrected in place
     * @param nValid number of meaningful output samples
     */
    static void correctQuarter(float[] y, float[] out, int nValid) {
        SincKernel k = new SincKernel(4);
        int preroll = (MAX_OFFSET - 1) / 2;
        for (int j = 1; j <= preroll; j++) {
            // first-stage output at half-rate time -j: sum over odd inputs n >= 1 of h[n + 2j] y[n]
            double a = 0;
            for (int n = 1; n + 2 * j <= MAX_OFFSET && n < y.length; n += 2) a += tap(n + 2 * j) * y[n];
            if (a == 0) continue;
            // main stage (22050 -> 11025 for 44100 Hz input): weight of half-rate sample -j in output m
            for (int m = 0; m < nValid; m++) {
                double w = k.value((2 * m + j) / 2.0) / 2;
                if (w == 0 && (2 * m + j) / 2.0 >= k.halfWidth) break;
                out[m] -= (float) (a * w);
            }
        }
    }

    private static double tap(int offset) {
        return HALF_BAND[(offset - 3) / 2];
    }
}
