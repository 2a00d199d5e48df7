package org.musicoder.pretrain;

import java.util.List;
import org.musicoder.features.Cmvn;
import org.musicoder.features.FeatureConfig;
import org.musicoder.masking.MaskRng;

/**
 * Draws training batches of random crops from a fixed set of clips. Per crop: a clip uniformly (with
 * replacement), a length uniformly in {@code minFrames .. maxFrames} (capped by the clip: a shorter clip is used
 * whole), a start uniformly among those that fit. The draws come from one {@link MaskRng}, whose state is all a
 * checkpoint needs to continue with the same batches. Optionally each crop is CMVN-normalised on its own (the crop
 * is then the clip the paper normalises; since CMVN undoes any per-column affine map, this equals CMVN of the raw
 * crop).
 */
public final class Crops {
    /** Shortest crop of the paper: 10 s at 44.1 kHz, hop 1024 (431 frames). */
    public static final int MIN_FRAMES = FeatureConfig.PAPER.frames(10L * 44100);
    /** Longest crop of the paper: 35 s (1508 frames). */
    public static final int MAX_FRAMES = FeatureConfig.PAPER.frames(35L * 44100);

    private final List<float[][]> clips;
    private final int batchSize;
    private final int minFrames;
    private final int maxFrames;
    private final MaskRng rng;
    private final boolean cmvn;

    /**
     * @param clips features of each clip, {@code [frames][324]} (at least one clip, each at least one frame)
     * @param batchSize crops per batch, at least 1
     * @param minFrames shortest crop (frames), at least 1
     * @param maxFrames longest crop (frames), at least {@code minFrames} (at most the model's max_frames)
     * @param rng the random source (advanced by {@link #next()})
     */
    public Crops(List<float[][]> clips, int batchSize, int minFrames, int maxFrames, MaskRng rng) {
        this(clips, batchSize, minFrames, maxFrames, rng, false);
    }

    /**
     * @param clips features of each clip, {@code [frames][324]}
     * @param batchSize crops per batch
     * @param minFrames shortest crop (frames)
     * @param maxFrames longest crop (frames)
     * @param rng the random source
     * @param cmvn whether each crop is CMVN-normalised on its own
     */
    public Crops(List<float[][]> clips, int batchSize, int minFrames, int maxFrames, MaskRng rng, boolean cmvn) {
        if (clips.isEmpty()) throw new IllegalArgumentException("crops: no clips");
        for (int i = 0; i < clips.size(); i++)
            if (clips.get(i).length == 0) throw new IllegalArgumentException("crops: clip " + i + " has no frames");
        if (batchSize < 1) throw new IllegalArgumentException("crops: batch size must be >= 1, got " + batchSize);
        if (minFrames < 1 || maxFrames < minFrames)
            throw new IllegalArgumentException("crops: lengths " + minFrames + ".." + maxFrames + " are not a range of positive lengths");
        this.clips = List.copyOf(clips);
        this.batchSize = batchSize;
        this.minFrames = minFrames;
        this.maxFrames = maxFrames;
        this.rng = rng;
        this.cmvn = cmvn;
    }

    /**
     * Parses crop lengths written {@code MIN:MAX} (frames; {@code N} alone is {@code N:N}).
     *
     * @param s the text
     * @return {@code {min, max}}
     * @throws IllegalArgumentException if it is not a range of positive lengths
     */
    public static int[] parse(String s) {
        String[] p = s.trim().split(":", -1);
        try {
            if (p.length > 2) throw new NumberFormatException();
            int min = Integer.parseInt(p[0].trim());
            int max = Integer.parseInt(p[p.length - 1].trim());
            if (min < 1 || max < min) throw new NumberFormatException();
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("crop lengths '" + s + "': expected MIN:MAX frames with 1 <= MIN <= MAX");
        }
    }

    /** The random source (its {@link MaskRng#state()} goes into checkpoints). */
    public MaskRng rng() {
        return rng;
    }

    /**
     * Draws the next batch: per crop a clip index, a length, a start (three draws, in that order).
     *
     * @return the padded batch (the rows are copies)
     */
    public Batch next() {
        float[][][] picked = new float[batchSize][][];
        int[] lengths = new int[batchSize];
        int rows = 0;
        for (int b = 0; b < batchSize; b++) {
            float[][] clip = clips.get(rng.nextInt(clips.size()));
            int want = minFrames + rng.nextInt(maxFrames - minFrames + 1);
            int len = Math.min(want, clip.length);
            int start = rng.nextInt(clip.length - len + 1);
            picked[b] = new float[len][];
            for (int t = 0; t < len; t++) picked[b][t] = clip[start + t];
            if (cmvn) picked[b] = Cmvn.apply(picked[b], FeatureConfig.PAPER.stdFloor());
            lengths[b] = len;
            rows = Math.max(rows, len);
        }
        int dims = picked[0][0].length;
        float[][][] frames = new float[batchSize][rows][];
        for (int b = 0; b < batchSize; b++)
            for (int t = 0; t < rows; t++) frames[b][t] = t < lengths[b] ? picked[b][t].clone() : new float[dims];
        return new Batch(frames, lengths);
    }
}
