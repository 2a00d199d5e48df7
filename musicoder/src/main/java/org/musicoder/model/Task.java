package org.musicoder.model;

import java.util.Locale;

/**
 * What a {@link ClassificationHead}'s logits mean: one class out of C ({@link #GENRE}: softmax, trained with
 * cross-entropy) or C independent tags ({@link #TAGS}: sigmoid, trained with binary cross-entropy).
 */
public enum Task {
    /** Single-label classification (GTZAN genres): probabilities {@code softmax(logits)}, summing to 1. */
    GENRE,
    /** Multi-label tagging (MTG-Jamendo mood/theme): probabilities {@code sigmoid(logits)}, each in (0, 1). */
    TAGS;

    /**
     * The task named {@code genre} or {@code tags} (case-insensitive).
     *
     * @param name the name
     * @return the task
     * @throws IllegalArgumentException for another name
     */
    public static Task parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "genre" -> GENRE;
            case "tags" -> TAGS;
            default -> throw new IllegalArgumentException("task '" + name + "': expected genre or tags");
        };
    }

    /** The name as written on the command line and in files ({@code genre}, {@code tags}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Probabilities from one clip's logits, computed in double precision: softmax (max subtracted first) for
     * {@link #GENRE}, the logistic function for {@link #TAGS}.
     *
     * @param logits C logits
     * @return C probabilities
     */
    public double[] probabilities(float[] logits) {
        double[] p = new double[logits.length];
        if (this == TAGS) {
            for (int i = 0; i < p.length; i++) p[i] = 1 / (1 + Math.exp(-logits[i]));
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += p[i] = Math.exp(logits[i] - max);
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }
}
