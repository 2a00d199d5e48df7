package org.musicoder.finetune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The window rule for tracks longer than the model's {@code max_frames} (1600 frames, about 37 s).
 *
 * <p>A clip of {@code n <= max} frames is one window, the clip itself. A longer clip is cut into
 * {@code k = ceil(n / max)} windows of exactly {@code max} frames whose starts are spread evenly from the first
 * frame to the last possible start: window {@code i} starts at {@code floor(i * (n - max) / (k - 1))}. The
 * windows cover every frame, all have the same length, and neighbours overlap by less than {@code max} frames.
 *
 * <p>Training uses every window as an example with the clip's labels. A clip's prediction is the arithmetic
 * mean of its windows' probabilities (softmax or sigmoid outputs, not logits), each window weighted equally.
 */
public final class Windows {
    private Windows() {}

    /**
     * Start frame of each window.
     *
     * @param frames n, the clip's frames (at least 1)
     * @param max the window length (the model's {@code max_frames}, at least 1)
     * @return the starts, ascending; {@code {0}} when {@code n <= max}
     */
    public static int[] starts(int frames, int max) {
        if (frames < 1 || max < 1) throw new IllegalArgumentException("windows: " + frames + " frames, window " + max);
        if (frames <= max) return new int[] {0};
        int k = (frames + max - 1) / max;
        int[] s = new int[k];
        for (int i = 0; i < k; i++) s[i] = (int) ((long) i * (frames - max) / (k - 1));
        return s;
    }

    /**
     * The windows of a clip (copies of row references, not of the rows).
     *
     * @param clip frames {@code [n][d]}
     * @param max the window length
     * @return the windows, {@code [min(n, max)][d]} each, in order
     */
    public static List<float[][]> of(float[][] clip, int max) {
        List<float[][]> w = new ArrayList<>();
        for (int s : starts(clip.length, max)) w.add(Arrays.copyOfRange(clip, s, Math.min(clip.length, s + max)));
        return w;
    }

    /**
     * The clip's prediction from its windows' probabilities: the element-wise arithmetic mean.
     *
     * @param windows one probability vector per window, all of the same length
     * @return their mean
     */
    public static double[] average(List<double[]> windows) {
        if (windows.isEmpty()) throw new IllegalArgumentException("windows: nothing to average");
        double[] mean = new double[windows.get(0).length];
        for (double[] w : windows) {
            if (w.length != mean.length) throw new IllegalArgumentException("windows: " + w.length + " values, expected " + mean.length);
            for (int i = 0; i < mean.length; i++) mean[i] += w[i];
        }
        for (int i = 0; i < mean.length; i++) mean[i] /= windows.size();
        return mean;
    }
}
