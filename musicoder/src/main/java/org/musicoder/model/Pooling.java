package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * How a {@link ClassificationHead} summarises a clip's hidden states {@code [B, T, H]} over its unpadded frames.
 *
 * <ul>
 *   <li>{@link #MEAN} (the paper's head): the mean, {@code [B, H]};</li>
 *   <li>{@link #MEAN_STD} (not the paper's; the project's option): the mean, then the standard deviation
 *       {@code sqrt(mean((h - mean)^2) + 1e-6)} (population variance, ddof 0, over the unpadded frames; the 1e-6 keeps
 *       the gradient finite for a one-frame window), {@code [B, 2H]}. Per-clip CMVN removes each clip's mean and
 *       spread from the inputs; the spread of the hidden states over the clip is what a linear probe separates the
 *       demo classes with (docs/finetuning-and-tables.md).</li>
 * </ul>
 * The PyTorch twin ({@code twin.py}, {@code ClassifierTwin}) pools the same way.
 */
public enum Pooling {
    /** The mean over frames: H values. */
    MEAN("mean", 1),
    /** The mean and the standard deviation over frames: 2H values. */
    MEAN_STD("mean+std", 2);

    /** Added to the variance before the square root. */
    public static final float EPSILON = 1e-6f;

    private final String label;
    private final int factor;

    Pooling(String label, int factor) {
        this.label = label;
        this.factor = factor;
    }

    /** The name as written on the command line and in files: {@code mean} or {@code mean+std}. */
    public String label() {
        return label;
    }

    /** The pooled vector's size over H: 1 or 2. */
    public int factor() {
        return factor;
    }

    /**
     * The pooling named {@code mean} or {@code mean+std} (case-insensitive).
     *
     * @param name the name
     * @return the pooling
     * @throws IllegalArgumentException for another name
     */
    public static Pooling parse(String name) {
        for (Pooling p : values()) if (p.label.equals(name.toLowerCase(Locale.ROOT))) return p;
        throw new IllegalArgumentException("pooling '" + name + "': expected mean or mean+std");
    }

    /**
     * Pools hidden states over the unpadded frames of each clip.
     *
     * @param hidden {@code [B, T, H]}
     * @param padding {@code [B, T]} boolean, true at padded frames, or null (every frame counts)
     * @return {@code [B, factor() * H]}
     */
    public NDArray pool(NDArray hidden, NDArray padding) {
        NDArray valid = padding == null ? null : padding.logicalNot().toType(DataType.FLOAT32, false).expandDims(2);
        NDArray count = valid == null ? null : valid.sum(new int[] {1});
        NDArray mean = valid == null ? hidden.mean(new int[] {1}) : hidden.mul(valid).sum(new int[] {1}).div(count);
        if (this == MEAN) return mean;
        NDArray dev = hidden.sub(mean.expandDims(1));
        NDArray sq = dev.mul(dev);
        NDArray var = valid == null ? sq.mean(new int[] {1}) : sq.mul(valid).sum(new int[] {1}).div(count);
        NDArray std = Scalars.add(var, EPSILON).sqrt();
        return mean.concat(std, 1);
    }
}
