package org.musicoder.finetune;

/**
 * The fine-tuning learning-rate schedule (BERT's): linear warm-up over the first 10 % of the steps to the grid's
 * lr, then linear decay towards 0. With {@code T} steps, {@code W = max(1, round(0.1 T))} and steps counted from
 * 1: {@code lr(t) = peak * t / W} for {@code t <= W}, else {@code peak * (T - t + 1) / (T - W + 1)} (so the last
 * step still moves, at {@code peak / (T - W + 1)}).
 *
 * @param peak the grid's learning rate
 * @param total T, the steps of the run (at least 1)
 */
public record WarmupLinear(double peak, long total) {
    /** Fraction of the steps spent warming up. */
    public static final double WARMUP_FRACTION = 0.1;

    /** Checks the arguments. */
    public WarmupLinear {
        if (!(peak > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + peak);
        if (total < 1) throw new IllegalArgumentException("schedule: total steps must be >= 1, got " + total);
    }

    /** W, the warm-up steps. */
    public long warmup() {
        return Math.max(1, Math.round(WARMUP_FRACTION * total));
    }

    /**
     * @param step the optimiser step, 1 to T
     * @return its learning rate
     */
    public double at(long step) {
        if (step < 1 || step > total) throw new IllegalArgumentException("schedule: step " + step + " not in 1.." + total);
        long w = warmup();
        return step <= w ? peak * step / w : peak * (total - step + 1) / (total - w + 1);
    }
}
