package org.musicoder.features;

/**
 * Natural logarithm for the feature loops, about twice as fast as {@link Math#log} on C2 and within 1e-12 of it
 * (absolute for {@code |ln x| <= 1}, relative above), far below float32 resolution. Writes {@code x = 2^e m} with
 * {@code m} in {@code [sqrt(1/2), sqrt(2))} and sums {@code ln m = 2 atanh(s)}, {@code s = (m - 1)/(m + 1)}, up to
 * {@code s^13}. Zero, negative, subnormal, infinite and NaN arguments go to {@link Math#log}.
 */
final class Ln {
    private static final double LN2 = 0.6931471805599453;
    /** Bits of 1.0 minus bits of sqrt(1/2): shifts the mantissa range to [sqrt(1/2), sqrt(2)). */
    private static final long SHIFT = 0x3FF0000000000000L - 0x3FE6A09E667F3BCDL;
    private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;

    private Ln() {}

    static double ln(double x) {
        if (!(x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE)) return Math.log(x);
        long bits = Double.doubleToRawLongBits(x) + SHIFT;
        int e = (int) (bits >>> 52) - 1023;
        double m = Double.longBitsToDouble((bits & MANTISSA) + 0x3FF0000000000000L - SHIFT);
        double f = m - 1;
        double s = f / (2 + f);
        double z = s * s;
        double p = 2.0 / 13;
        p = p * z + 2.0 / 11;
        p = p * z + 2.0 / 9;
        p = p * z + 2.0 / 7;
        p = p * z + 2.0 / 5;
        p = p * z + 2.0 / 3;
        p = p * z + 2.0;
        return e * LN2 + s * p;
    }
}
