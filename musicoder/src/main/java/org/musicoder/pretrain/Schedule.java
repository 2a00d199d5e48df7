package org.musicoder.pretrain;

import java.util.Locale;
import org.musicoder.model.MusiCoderConfig;

/**
 * How long and how fast a pretraining run trains: steps, crops per step, the {@link LearningRate}'s warm-up and
 * scale, and the crop lengths. Each named model size has its default ({@link #defaults}); {@link #paper} is the
 * paper's setting (4.2: batch 64, warm-up 8000, 200k steps for Base and 500k for Large, crops of 10-35 s).
 *
 * @param name {@code paper} or {@code cpu}, or a name given by the caller
 * @param steps optimiser steps of a run
 * @param batch crops per step
 * @param warmup warm-up steps
 * @param lrScale multiplier of the Transformer schedule ({@code 1} = the paper's)
 * @param minFrames shortest crop (frames)
 * @param maxFrames longest crop (frames)
 * @param positionShift whether batches start at random positions ({@link PretrainOptions#positionShift()})
 * @param cropCmvn whether each crop is CMVN-normalised on its own ({@link PretrainOptions#cropCmvn()})
 */
public record Schedule(String name, long steps, int batch, int warmup, double lrScale, int minFrames, int maxFrames,
                       boolean positionShift, boolean cropCmvn) {
    /** The paper's setting for MusiCoder-Base: 200k steps of 64 crops of 10-35 s, warm-up 8000, scale 1. */
    public static final Schedule PAPER_BASE = new Schedule("paper", 200_000, PretrainOptions.BATCH, LearningRate.WARMUP,
            1.0, Crops.MIN_FRAMES, Crops.MAX_FRAMES, false, false);

    /** Checks the values. */
    public Schedule {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("schedule: no name");
        if (steps < 1) throw new IllegalArgumentException("schedule: steps must be >= 1, got " + steps);
        if (batch < 1) throw new IllegalArgumentException("schedule: batch must be >= 1, got " + batch);
        if (warmup < 1) throw new IllegalArgumentException("schedule: warmup must be >= 1, got " + warmup);
        if (!(lrScale > 0) || Double.isInfinite(lrScale))
            throw new IllegalArgumentException("schedule: lr scale must be a finite number > 0, got " + lrScale);
        if (minFrames < 1 || maxFrames < minFrames)
            throw new IllegalArgumentException("schedule: crop lengths " + minFrames + ".." + maxFrames + " are not a range");
    }

    /**
     * The paper's schedule for a model: 500k steps for {@code large}, 200k for any other.
     *
     * @param config the model
     * @return the schedule
     */
    public static Schedule paper(MusiCoderConfig config) {
        return config.name().equals("large") ? PAPER_BASE.withSteps(500_000) : PAPER_BASE;
    }

    /**
     * The default schedule of a model: the paper's for {@code base} and {@code large}, the {@code cpu} schedule
     * (docs/pretraining.md has the study behind it) for {@code tiny}, {@code small} and any other model of fewer
     * than 10M parameters, the paper's for larger ones.
     *
     * @param config the model
     * @return the schedule
     */
    public static Schedule defaults(MusiCoderConfig config) {
        return switch (config.name()) {
            case "base", "large" -> paper(config);
            default -> config.parameterCount() < 10_000_000 ? cpu(config, 4000) : paper(config);
        };
    }

    /** The cpu schedule: peak learning rate 1e-3 after 300 steps, batches of 16 crops of 64-256 frames. */
    private static Schedule cpu(MusiCoderConfig config, long steps) {
        int warmup = 300;
        return new Schedule("cpu", steps, 16, warmup, scaleForPeak(1e-3, config.hidden(), warmup), 64, 256, true, true);
    }

    /**
     * @param name {@code default} (the model's {@link #defaults}) or {@code paper}
     * @param config the model
     * @return the schedule
     * @throws IllegalArgumentException for another name
     */
    public static Schedule named(String name, MusiCoderConfig config) {
        return switch (name) {
            case "default" -> defaults(config);
            case "paper" -> paper(config);
            default -> throw new IllegalArgumentException("schedule: unknown name '" + name + "' (expected default or paper)");
        };
    }

    /**
     * The scale that makes the Transformer schedule of hidden size {@code hidden} peak at {@code peak} after
     * {@code warmup} steps: {@code peak * sqrt(hidden * warmup)}.
     */
    public static double scaleForPeak(double peak, int hidden, int warmup) {
        return peak * Math.sqrt((double) hidden * warmup);
    }

    /** The peak learning rate for a model of hidden size {@code hidden} (reached at step {@code warmup}). */
    public double peak(int hidden) {
        return new LearningRate(hidden, warmup, lrScale).at(warmup);
    }

    /** One line: e.g. {@code schedule cpu: 3000 steps, batch 16, crops 64-256 frames, warm-up 300, peak lr 1.0e-03}. */
    public String describe(int hidden) {
        return String.format(Locale.ROOT, "schedule %s: %d steps, batch %d, crops %d-%d frames%s%s, warm-up %d, peak lr %.1e",
                name, steps, batch, minFrames, maxFrames, cropCmvn ? " (CMVN per crop)" : "",
                positionShift ? " at shifted positions" : "", warmup, peak(hidden));
    }

    /** A copy with another number of steps. */
    public Schedule withSteps(long s) {
        return new Schedule(name, s, batch, warmup, lrScale, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with another batch size. */
    public Schedule withBatch(int b) {
        return new Schedule(name, steps, b, warmup, lrScale, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /**
     * A copy whose Transformer schedule peaks at {@code peak} (at step {@link #warmup()}) for a model of hidden size
     * {@code hidden}.
     *
     * @throws IllegalArgumentException if {@code peak} is not a finite number > 0
     */
    public Schedule withPeak(double peak, int hidden) {
        if (!(peak > 0) || Double.isInfinite(peak))
            throw new IllegalArgumentException("schedule: peak lr must be a finite number > 0, got " + peak);
        return withLrScale(scaleForPeak(peak, hidden, warmup));
    }

    /** A copy with another warm-up and the same peak learning rate (for a model of hidden size {@code hidden}). */
    public Schedule withWarmupKeepingPeak(int w, int hidden) {
        return withWarmup(w).withPeak(peak(hidden), hidden);
    }

    /** A copy with another warm-up (the scale is kept, so the peak moves). */
    public Schedule withWarmup(int w) {
        return new Schedule(name, steps, batch, w, lrScale, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with another learning-rate scale. */
    public Schedule withLrScale(double s) {
        return new Schedule(name, steps, batch, warmup, s, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with or without the position shift. */
    public Schedule withPositionShift(boolean shift) {
        return new Schedule(name, steps, batch, warmup, lrScale, minFrames, maxFrames, shift, cropCmvn);
    }

    /** A copy with or without CMVN per crop. */
    public Schedule withCropCmvn(boolean c) {
        return new Schedule(name, steps, batch, warmup, lrScale, minFrames, maxFrames, positionShift, c);
    }

    /** A copy with other crop lengths. */
    public Schedule withCrops(int min, int max) {
        return new Schedule(name, steps, batch, warmup, lrScale, min, max, positionShift, cropCmvn);
    }
}
