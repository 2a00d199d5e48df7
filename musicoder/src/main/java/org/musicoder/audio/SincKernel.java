package org.musicoder.audio;

/**
 * The anti-aliasing low-pass kernel of {@link Resampler}: a Kaiser-windowed sinc on the time axis of the lower of
 * the two sample rates, {@code k(t) = fc * sinc(fc t) * I0(beta sqrt(1 - (t/T)^2)) / I0(beta)} for {@code |t| < T}.
 *
 * <p>The parameters reproduce soxr's "HQ" quality (20-bit precision, linear phase), fitted to soxr 1.0's impulse
 * responses: cutoff (-6 dB) at {@code fc = 0.956872} of the lower Nyquist frequency (passband flat to ~0.91,
 * stopband from 1.0, ~127-137 dB), and a half-length {@code T} and Kaiser {@code beta} that soxr picks per rate
 * ratio {@code r = high / low} and direction; measured at r = 2, 3, 4, 8 (the fitted kernels match soxr's overall
 * responses to -130..-138 dB), interpolated linearly in {@code log2 r} between them, and held beyond.
 */
final class SincKernel {
    /** Cutoff in units of the lower Nyquist frequency. */
    static final double CUTOFF = 0.95687183;
    /** Decimation: ratio, T, beta (measured). */
    private static final double[][] DOWN = {{2, 97.24929899, 13.03984403}, {3, 96.83339752, 13.04005689},
        {4, 102.25013153, 13.71123761}, {8, 105.24816987, 14.10368447}};
    /** Interpolation: ratio, T, beta (measured). */
    private static final double[][] UP = {{2, 97.24929899, 13.03984403}, {3, 96.83360195, 13.04010952},
        {4, 97.12484027, 13.03999337}, {8, 102.25034904, 13.71129456}};

    /** Samples per unit of t in the lookup table of {@link #lookup}. */
    private static final int RESOLUTION = 4096;

    /** Half-length in lower-rate samples. */
    final double halfWidth;
    private final double beta;
    private final double i0Beta;
    /** {@code k(i / RESOLUTION)} for i = 0.. past the half-length, built on first use of {@link #lookup}. */
    private volatile double[] table;

    /**
     * @param ratio      higher rate / lower rate (>= 1); ratios below 2 use the 2:1 design
     * @param decimating true when the output rate is the lower one
     */
    SincKernel(double ratio, boolean decimating) {
        double[][] table = decimating ? DOWN : UP;
        double x = Math.log(Math.min(Math.max(ratio, 2), 8)) / Math.log(2);
        int i = 0;
        while (i < table.length - 2 && Math.log(table[i + 1][0]) / Math.log(2) < x) i++;
        double x0 = Math.log(table[i][0]) / Math.log(2), x1 = Math.log(table[i + 1][0]) / Math.log(2);
        double f = (x - x0) / (x1 - x0);
        this.halfWidth = table[i][1] + f * (table[i + 1][1] - table[i][1]);
        this.beta = table[i][2] + f * (table[i + 1][2] - table[i][2]);
        this.i0Beta = besselI0(beta);
    }

    /**
     * Kernel value.
     *
     * @param t time in lower-rate samples from the kernel's centre
     * @return {@code k(t)}, 0 outside {@code |t| < halfWidth}; integrates to 1 over t
     */
    double value(double t) {
        double u = t / halfWidth;
        if (u <= -1 || u >= 1) return 0;
        double x = Math.PI * CUTOFF * t;
        double sinc = x == 0 ? 1 : Math.sin(x) / x;
        return CUTOFF * sinc * besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
    }

    /**
     * {@link #value} by linear interpolation in a table of {@value #RESOLUTION} points per sample (error below
     * 1e-7 of the peak); for resamplers that need a fresh kernel phase per output sample.
     */
    double lookup(double t) {
        double[] tab = table;
        if (tab == null) {
            tab = new double[(int) Math.ceil(halfWidth * RESOLUTION) + 2];
            for (int i = 0; i < tab.length; i++) tab[i] = value(i / (double) RESOLUTION);
            table = tab;
        }
        double x = Math.abs(t) * RESOLUTION;
        int i = (int) x;
        if (i >= tab.length - 1) return 0;
        double f = x - i;
        return tab[i] + f * (tab[i + 1] - tab[i]);
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges for all x used here). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
