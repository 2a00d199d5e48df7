package org.musicoder.features;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/** Shared JTransforms plans by size (a plan only holds precomputed tables, so it is safe to share). */
final class Fft {
    private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

    private Fft() {}

    /** The plan for {@code n}-point transforms. */
    static DoubleFFT_1D of(int n) {
        return PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
    }
}
