package org.musicoder.features;

/**
 * First-order delta features, as {@code librosa.feature.delta(x, width, order=1, mode='interp')}, i.e.
 * {@code scipy.signal.savgol_filter(x, width, polyorder=1, deriv=1, mode='interp')} along the frame axis.
 *
 * <p>Each output frame is the slope of the least-squares line through {@code width} consecutive frames: the
 * window centred on the frame, or, within {@code width/2} frames of either end, the first or last {@code width}
 * frames of the clip ('interp'). Inside the clip this is {@code sum_k k x[t+k] / sum_k k^2}, {@code |k| <= width/2}.
 *
 * <p>Short clips (librosa raises for fewer frames than {@code width}): the window shrinks to the whole clip, so
 * every frame gets the slope of the line through all frames (what {@code savgol_filter(x, frames, 1, deriv=1,
 * mode='interp')} returns, and what width {@code = frames} gives in librosa); a single frame gets delta 0.
 */
public final class Delta {
    private Delta() {}

    /**
     * @param x     features, shape {@code [dims][frames]}
     * @param width odd window length in frames, {@code >= 3}
     * @return deltas, shape {@code [dims][frames]}
     */
    public static float[][] of(float[][] x, int width) {
        if (width < 3 || width % 2 != 1) throw new IllegalArgumentException("Delta: width must be odd and >= 3, got " + width);
        float[][] out = new float[x.length][];
        for (int d = 0; d < x.length; d++) out[d] = row(x[d], width);
        return out;
    }

    private static float[] row(float[] x, int width) {
        int n = x.length;
        float[] out = new float[n];
        int w = Math.min(width, n);
        if (w < 2) return out;
        double center = (w - 1) / 2.0;
        double denom = 0;
        for (int k = 0; k < w; k++) denom += (k - center) * (k - center);
        int half = width / 2;
        // frames [lo, hi) have their window inside the clip: the terms k = 0..w-1 added in order for all at once
        int lo = w == width ? half : n, hi = w == width ? n - half : n;
        if (lo < hi) {
            double[] wide = new double[n];
            for (int t = 0; t < n; t++) wide[t] = x[t];
            double[] num = new double[hi - lo];
            for (int k = 0; k < w; k++) {
                double negCoef = -(k - center);
                int shift = lo - half + k;
                for (int i = 0; i < num.length; i++) num[i] = num[i] - negCoef * wide[shift + i];   // see SparseRows
            }
            for (int i = 0; i < num.length; i++) out[lo + i] = (float) (num[i] / denom);
        }
        for (int t = 0; t < Math.min(lo, n); t++) out[t] = edge(x, t, w, half, center, denom);
        for (int t = Math.max(hi, lo); t < n; t++) out[t] = edge(x, t, w, half, center, denom);
        return out;
    }

    /** The slope at frame {@code t} through the {@code w} frames of its window, shifted inside the clip. */
    private static float edge(float[] x, int t, int w, int half, double center, double denom) {
        int start = Math.min(Math.max(t - half, 0), x.length - w);
        double num = 0;
        for (int k = 0; k < w; k++) num += (k - center) * x[start + k];
        return (float) (num / denom);
    }
}
