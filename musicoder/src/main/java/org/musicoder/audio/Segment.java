package org.musicoder.audio;

import java.util.Arrays;

/** Blocks of a signal for block-wise (FFT) filtering. */
final class Segment {
    private Segment() {}

    /** {@code dst[i] = y[start + i]} for {@code i < dst.length}, zero outside {@code y} ({@code start} may be < 0). */
    static void load(float[] y, long start, double[] dst) {
        int lo = (int) Math.max(0, Math.min(dst.length, -start));
        int hi = (int) Math.max(lo, Math.min(dst.length, y.length - start));
        Arrays.fill(dst, 0, lo, 0);
        int off = (int) (start + lo) - lo;   // y[off + i] for lo <= i < hi
        for (int i = lo; i < hi; i++) dst[i] = y[off + i];
        Arrays.fill(dst, hi, dst.length, 0);
    }
}
