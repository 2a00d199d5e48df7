package org.musicoder.masking;

/**
 * CFM span lengths (frames): a geometric distribution truncated to {@code [MIN, MAX]} and renormalised, SpanBERT's
 * reading of "clipped",
 * <pre>
 *   P(l) = p (1-p)^(l-1) / Z   for l in {2, ..., 7},   Z = sum_{l=2..7} p (1-p)^(l-1) = (1-p) - (1-p)^7,
 * </pre>
 * with {@code p = 0.2}: P = 0.2711, 0.2168, 0.1735, 0.1388, 0.1110, 0.0888 and mean 3.8683 frames (the issue's
 * ~3.87). Clamping instead ({@code min(max(g, 2), 7)} of a geometric on {1, 2, ...}) would give mean 4.1514.
 */
public final class SpanLength {
    /** Success probability of the geometric distribution. */
    public static final double P = 0.2;
    /** Shortest span (frames). */
    public static final int MIN = 2;
    /** Longest span (frames). */
    public static final int MAX = 7;
    private static final double[] CDF = cdf();

    private SpanLength() {}

    /**
     * @param length span length (frames)
     * @return its probability; 0 outside {@code [MIN, MAX]}
     */
    public static double probability(int length) {
        if (length < MIN || length > MAX) return 0;
        double z = (1 - P) - Math.pow(1 - P, MAX);
        return P * Math.pow(1 - P, length - 1) / z;
    }

    /** @return the mean span length (frames), 3.8683 */
    public static double mean() {
        double m = 0;
        for (int l = MIN; l <= MAX; l++) m += l * probability(l);
        return m;
    }

    /**
     * Inverse-CDF draw from one {@link MaskRng#nextDouble()}.
     *
     * @param rng random source (advanced by one draw)
     * @return a span length in {@code [MIN, MAX]} (frames)
     */
    public static int draw(MaskRng rng) {
        double u = rng.nextDouble();
        for (int l = MIN; l < MAX; l++) {
            if (u < CDF[l - MIN]) return l;
        }
        return MAX;
    }

    private static double[] cdf() {
        double[] c = new double[MAX - MIN + 1];
        double sum = 0;
        for (int l = MIN; l <= MAX; l++) c[l - MIN] = sum += probability(l);
        return c;
    }
}
