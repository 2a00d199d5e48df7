package org.musicoder.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Eval-mode forward passes (dropout off, no gradients) of a {@link MusiCoderModel}, from Java arrays to Java
 * arrays. Every call creates its arrays in a child of the given manager and closes it before returning, so
 * native memory does not grow from call to call.
 */
public final class Inference {
    private Inference() {}

    /**
     * The outputs for one clip.
     *
     * @param hidden last layer's hidden states {@code [frames][H]}
     * @param reconstruction the head's output {@code [frames][324]}
     */
    public record Output(float[][] hidden, float[][] reconstruction) {}

    /**
     * Runs one clip.
     *
     * @param model an initialised model
     * @param manager the manager owning the model's parameters (or one on the same device)
     * @param clip frames {@code [T][324]}, T at most the model's {@code max_frames}
     * @return its outputs
     */
    public static Output run(MusiCoderModel model, NDManager manager, float[][] clip) {
        return run(model, manager, new float[][][] {clip}, new int[] {clip.length}).get(0);
    }

    /**
     * Runs a padded batch: clip {@code b} is {@code batch[b][0 .. lengths[b]-1]}; the frames after it are
     * padding, masked out of attention whatever they hold.
     *
     * @param model an initialised model
     * @param manager the manager owning the model's parameters (or one on the same device)
     * @param batch frames {@code [B][T][324]}, every clip padded to the same T
     * @param lengths valid frames per clip, each in {@code 1 .. T}
     * @return the outputs of each clip, trimmed to its length
     */
    public static List<Output> run(MusiCoderModel model, NDManager manager, float[][][] batch, int[] lengths) {
        int b = batch.length;
        int t = batch[0].length;
        int d = model.config().inputDim();
        int h = model.config().hidden();
        if (lengths.length != b) throw new IllegalArgumentException(b + " clips but " + lengths.length + " lengths");
        float[] frames = new float[b * t * d];
        boolean[] padding = new boolean[b * t];
        for (int i = 0; i < b; i++) {
            if (batch[i].length != t) throw new IllegalArgumentException("clip " + i + " has " + batch[i].length + " frames, not " + t);
            if (lengths[i] < 1 || lengths[i] > t) throw new IllegalArgumentException("clip " + i + ": length " + lengths[i] + " not in 1.." + t);
            for (int f = 0; f < t; f++) {
                if (batch[i][f].length != d) throw new IllegalArgumentException("clip " + i + " frame " + f + " has " + batch[i][f].length + " values, not " + d);
                System.arraycopy(batch[i][f], 0, frames, (i * t + f) * d, d);
                padding[i * t + f] = f >= lengths[i];
            }
        }
        try (NDManager step = manager.newSubManager()) {
            NDList in = new NDList(step.create(frames, new Shape(b, t, d)), step.create(padding, new Shape(b, t)));
            NDList out = model.forward(new ParameterStore(step, false), in, false);
            float[] hidden = out.get(0).toFloatArray();
            float[] recon = out.get(1).toFloatArray();
            List<Output> result = new ArrayList<>(b);
            for (int i = 0; i < b; i++)
                result.add(new Output(rows(hidden, i * t, lengths[i], h), rows(recon, i * t, lengths[i], d)));
            return result;
        }
    }

    private static float[][] rows(float[] flat, int firstRow, int n, int width) {
        float[][] m = new float[n][width];
        for (int r = 0; r < n; r++) System.arraycopy(flat, (firstRow + r) * width, m[r], 0, width);
        return m;
    }
}
