package org.musicoder.features;

/**
 * The butterfly schedule of {@link FrameFft}'s complex FFT of size {@code m}, shared by its single-precision
 * ({@link FrameFft.Batch}) and double-precision ({@link FrameFftDouble}) work areas: radix-4 decimation in
 * frequency, a radix-2 stage when {@code log2 m} is odd, stages whose butterflies span fewer rows than fit in L1
 * run depth first; the result is in bit-reversed row order. Subclasses hold the rows ({@code width} lanes each,
 * one lane per frame) and implement the four lane loops, which is where all the arithmetic happens.
 */
abstract class FftLanes {
    /** Work rows of up to this many bytes are transformed depth first (a typical L1 data cache). */
    private static final int L1_BYTES = 32 * 1024;

    /** Complex FFT size (rows). */
    final int m;
    /** Frames per transform (lanes per row). */
    final int width;
    private final double[] cos;
    private final double[] sin;
    /** Butterflies of at most this span run depth first, on rows that fit the L1 cache. */
    private final int leaf;

    /**
     * @param plan         the plan whose twiddle factors to use
     * @param width        lanes per row
     * @param bytesPerLane bytes of one lane of one complex row (real and imaginary part)
     */
    FftLanes(FrameFft plan, int width, int bytesPerLane) {
        if (width < 1) throw new IllegalArgumentException("FrameFft: batch width must be >= 1, got " + width);
        this.m = plan.m;
        this.width = width;
        this.cos = plan.cos;
        this.sin = plan.sin;
        int span = 4;
        while (span < m && (long) span * width * bytesPerLane <= L1_BYTES) span *= 2;
        leaf = span;
    }

    /** Frames per transform. */
    public int width() {
        return width;
    }

    /**
     * Transforms all {@code width} lanes in place (the loaded frames are overwritten); then read the spectra.
     */
    public void transform() {
        int q = m / 4;
        for (; q >= 1 && 4 * q > leaf; q /= 4) radix4(0, m, q);
        int span = Math.max(4 * q, 2);
        for (int g = 0; g < m; g += span) {
            for (int r = q; r >= 1; r /= 4) radix4(g, g + span, r);
            if (Integer.numberOfTrailingZeros(m) % 2 == 1) radix2(g, g + span);
        }
    }

    /**
     * Radix-4 decimation-in-frequency stage on rows {@code [lo, hi)}, butterflies of span {@code 4q}, as two
     * radix-2 steps on the same four rows (still in L1 for the second step): outputs 0, 2, 1, 3 of each
     * 4-point DFT go to rows {@code a, a+q, a+2q, a+3q}, times {@code W^0, W^2j, W^j, W^3j}, which keeps the
     * result in bit-reversed order.
     */
    private void radix4(int lo, int hi, int q) {
        int stride = m / (4 * q);
        for (int g = lo; g < hi; g += 4 * q) {
            for (int j = 0; j < q; j++) {
                int a = g + j, b = a + q, c = b + q, d = c + q;
                sumDiff(a, c);
                sumDiffTimesMinusI(b, d);
                if (j == 0) {
                    sumDiff(a, b);
                    sumDiff(c, d);
                } else {
                    int t = j * stride;
                    sumDiffTwiddle(a, b, cos[2 * t], sin[2 * t]);
                    sumDiffTwiddle2(c, d, cos[t], sin[t], cos[3 * t], sin[3 * t]);
                }
            }
        }
    }

    /** Last radix-2 stage (span 2, no twiddles) on rows {@code [lo, hi)}. */
    private void radix2(int lo, int hi) {
        for (int a = lo; a < hi; a += 2) sumDiff(a, a + 1);
    }

    /* The lane loops of the subclasses are small (C2 in JDK 17 unrolls, hence vectorizes, only loop bodies of up
       to about 60 nodes) and combine products by subtraction, never addition: C2 may order the operands of an
       addition differently in the unrolled copies of the body and then, depending on the run, gives up
       vectorizing. Math.fma is avoided too: without hardware FMA it falls back to BigDecimal. */

    /** Rows {@code (a, b) = (a + b, a - b)} lane by lane. */
    abstract void sumDiff(int a, int b);

    /** Rows {@code (a, b) = (a + b, -i (a - b))} lane by lane. */
    abstract void sumDiffTimesMinusI(int a, int b);

    /** Rows {@code (a, b) = (a + b, (a - b)(c - i s))} lane by lane. */
    abstract void sumDiffTwiddle(int a, int b, double c, double s);

    /** Rows {@code (a, b) = ((a + b)(c1 - i s1), (a - b)(c3 - i s3))} lane by lane. */
    abstract void sumDiffTwiddle2(int a, int b, double c1, double s1, double c3, double s3);
}
