package org.musicoder.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Java arrays to a padded model input. */
final class Batches {
    private Batches() {}

    /**
     * Windows padded with zeros to the longest, and the padding mask.
     *
     * @param m owns the arrays
     * @param windows {@code [frames][d]} each, at least one frame
     * @return frames {@code [B, T, d]} and padding {@code [B, T]} (true = padded)
     */
    static NDList padded(NDManager m, List<float[][]> windows) {
        int b = windows.size();
        int t = 0;
        for (float[][] w : windows) t = Math.max(t, w.length);
        int d = windows.get(0)[0].length;
        float[] x = new float[b * t * d];
        boolean[] pad = new boolean[b * t];
        for (int i = 0; i < b; i++) {
            float[][] w = windows.get(i);
            for (int f = 0; f < t; f++) {
                if (f < w.length) System.arraycopy(w[f], 0, x, (i * t + f) * d, d);
                else pad[i * t + f] = true;
            }
        }
        return new NDList(m.create(x, new Shape(b, t, d)), m.create(pad, new Shape(b, t)));
    }

    /**
     * Targets as a {@code [B, C]} float32 array.
     *
     * @param m owns the array
     * @param targets C values each
     * @return the array
     */
    static NDArray targets(NDManager m, List<float[]> targets) {
        int c = targets.get(0).length;
        float[] y = new float[targets.size() * c];
        for (int i = 0; i < targets.size(); i++) System.arraycopy(targets.get(i), 0, y, i * c, c);
        return m.create(y, new Shape(targets.size(), c));
    }
}
