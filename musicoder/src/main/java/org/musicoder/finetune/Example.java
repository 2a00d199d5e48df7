package org.musicoder.finetune;

/**
 * One labelled clip for fine-tuning or evaluation.
 *
 * @param frames CMVN features {@code [frames][324]}, any length (long clips are cut by {@link Windows})
 * @param target C values: a one-hot vector (genre) or a 0/1 vector per tag (tags)
 * @param statistics the clip's hand-crafted descriptor (per column of the raw features, the mean then the standard
 *     deviation: {@code org.musicoder.eval.Standardizer.clipStatistics}), or null when not computed
 */
public record Example(float[][] frames, float[] target, double[] statistics) {
    /** Checks that there is at least one frame. */
    public Example {
        if (frames.length == 0) throw new IllegalArgumentException("example without frames");
    }

    /** An example without the hand-crafted descriptor. */
    public Example(float[][] frames, float[] target) {
        this(frames, target, null);
    }

    /** The index of the largest target value (the class of a one-hot target). */
    public int classId() {
        int best = 0;
        for (int i = 1; i < target.length; i++) if (target[i] > target[best]) best = i;
        return best;
    }
}
