package org.musicoder.pretrain;

/**
 * The Transformer warm-up schedule times a scale: {@code lr(step) = scale * H^-0.5 * min(step^-0.5, step *
 * warmup^-1.5)}, rising linearly to its peak {@code scale * (H * warmup)^-0.5} at {@code step = warmup}, then
 * decaying as {@code step^-0.5}. The paper's schedule is scale 1.
 *
 * @param hidden the model's hidden size H
 * @param warmup warm-up steps, at least 1
 * @param scale multiplier of the whole schedule, {@code > 0}
 */
public record LearningRate(int hidden, int warmup, double scale) {
    /** Warm-up steps of the paper's setting. */
    public static final int WARMUP = 8000;

    /** Checks the arguments. */
    public LearningRate {
        if (hidden < 1) throw new IllegalArgumentException("learning rate: hidden size must be >= 1, got " + hidden);
        if (warmup < 1) throw new IllegalArgumentException("learning rate: warmup must be >= 1, got " + warmup);
        if (!(scale > 0) || Double.isInfinite(scale))
            throw new IllegalArgumentException("learning rate: scale must be a finite number > 0, got " + scale);
    }

    /**
     * The paper's schedule (scale 1).
     *
     * @param hidden the model's hidden size H
     * @param warmup warm-up steps, at least 1
     */
    public LearningRate(int hidden, int warmup) {
        this(hidden, warmup, 1.0);
    }

    /**
     * @param step the optimiser step, counted from 1
     * @return the learning rate of that step
     */
    public double at(long step) {
        if (step < 1) throw new IllegalArgumentException("learning rate: step must be >= 1, got " + step);
        return scale * Math.pow(hidden, -0.5) * Math.min(Math.pow(step, -0.5), step * Math.pow(warmup, -1.5));
    }
}
