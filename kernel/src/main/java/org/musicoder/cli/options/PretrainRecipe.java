package org.musicoder.cli.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.Objective;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Crops;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Schedule;
import picocli.CommandLine.Option;

/**
 * How to pretrain: the schedule, the objective, the model's position encoding and the seed, shared by
 * {@code musicoder pretrain} and {@code %pretrain}. Every option left out takes the value the named schedule
 * (or the paper) gives it.
 */
public final class PretrainRecipe {
    @Option(names = "--position", paramLabel = "P",
            description = "alibi (a distance penalty in attention; the default of tiny and small) or sinusoidal (the paper's, "
                    + "the default of base, large and JSON files without \"position\").")
    public String position;

    @Option(names = "--schedule", paramLabel = "S", defaultValue = "default", completionCandidates = Candidates.Schedules.class,
            description = "default (tiny, small: the cpu schedule, which learns here in minutes; base, large: the paper's) "
                    + "or paper (batch 64, warm-up 8000, crops of 10-35 s, 200k steps; large 500k). The options below override it.")
    public String schedule;

    @Option(names = "--steps", paramLabel = "N", description = "Train until step N (default: the schedule's).")
    public Long steps;

    @Option(names = "--objective", paramLabel = "O", completionCandidates = Candidates.Objectives.class,
            description = "cfm, ccm or cfm+ccm (default cfm+ccm).")
    public String objective;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random draw (default 0).")
    public Long seed;

    @Option(names = "--batch", paramLabel = "B", description = "Crops per step (default: the schedule's).")
    public Integer batch;

    @Option(names = "--warmup", paramLabel = "W", description = "Warm-up steps of the learning rate (default: the "
            + "schedule's; the peak stays the schedule's unless --lr or --lr-scale is given).")
    public Integer warmup;

    @Option(names = "--lr", paramLabel = "PEAK", description = "Peak learning rate, reached at the end of the warm-up (default: the schedule's).")
    public Double lr;

    @Option(names = "--lr-scale", paramLabel = "F", description = "Multiply the Transformer schedule by F (the paper's is 1); instead of --lr.")
    public Double lrScale;

    @Option(names = "--crop", paramLabel = "MIN:MAX", description = "Crop lengths in frames (default: the schedule's; paper 431:1508, 10-35 s).")
    public String crop;

    @Option(names = "--position-shift", negatable = true, paramLabel = "BOOL",
            description = "Start each batch at a random position, so short crops train every row of the position table "
                    + "(not in the paper; default: the schedule's, on for cpu, off for paper).")
    public Boolean positionShift;

    @Option(names = "--crop-cmvn", negatable = true, paramLabel = "BOOL",
            description = "CMVN-normalise each crop on its own: the crop is the clip (default: the schedule's, on for cpu, off for paper).")
    public Boolean cropCmvn;

    @Option(names = "--ccm-band", paramLabel = "B", description = "Channels CCM may hide: spectra (log-mel and log-CQT, columns 52-323, the paper's; default) or all.")
    public String ccmBand;

    @Option(names = "--clip-norm", paramLabel = "X", description = "Clip the gradients' global norm to X (default: no clipping).")
    public Double clipNorm;

    @Option(names = "--ccm-max-fraction", paramLabel = "F", description = "Cap CCM's width at F times its band's channels (default 1, the paper's reading; TERA: 0.2).")
    public Double ccmMax;

    /** The model with {@code --position} applied. */
    public MusiCoderConfig config(MusiCoderConfig cfg) {
        return position == null ? cfg : cfg.withPosition(MusiCoderConfig.Position.parse(position));
    }

    /**
     * The named schedule with these overrides.
     *
     * @param cfg the model (the schedule's learning rate depends on its width)
     * @throws IllegalArgumentException for a bad value or {@code --lr} with {@code --lr-scale} (names it)
     */
    public Schedule schedule(MusiCoderConfig cfg) {
        Schedule s = Schedule.named(schedule, cfg);
        if (batch != null) s = s.withBatch(batch);
        if (warmup != null) s = s.withWarmupKeepingPeak(warmup, cfg.hidden());
        if (lr != null && lrScale != null) throw new IllegalArgumentException("give --lr or --lr-scale, not both");
        if (lr != null) s = s.withPeak(lr, cfg.hidden());
        if (lrScale != null) s = s.withLrScale(lrScale);
        if (crop != null) {
            int[] c = Crops.parse(crop);
            s = s.withCrops(c[0], c[1]);
        }
        if (positionShift != null) s = s.withPositionShift(positionShift);
        if (cropCmvn != null) s = s.withCropCmvn(cropCmvn);
        if (steps != null) s = s.withSteps(steps);
        return s;
    }

    /**
     * The pretraining options: objective, schedule, seed, CCM's band and cap, gradient clipping.
     *
     * @throws IllegalArgumentException for a bad value (names it)
     */
    public PretrainOptions options(Schedule sch) {
        return PretrainOptions.of(Objective.parse(objective == null ? "cfm+ccm" : objective), sch, seed == null ? 0 : seed)
                .withCcm(ccmMax == null ? 1.0 : ccmMax, ccmBand == null ? Ccm.Band.SPECTRA : Ccm.Band.parse(ccmBand))
                .withClipNorm(clipNorm == null ? 0 : clipNorm);
    }

    /**
     * The options given that differ from a run's (to refuse resuming it with them).
     *
     * @param o   the run's options
     * @param cfg the run's model
     * @return {@code --name value} of the run for each clash
     */
    public List<String> clashes(PretrainOptions o, MusiCoderConfig cfg) {
        List<String> clash = new ArrayList<>();
        if (position != null && MusiCoderConfig.Position.parse(position) != cfg.position())
            clash.add("--position " + cfg.position().key());
        if (objective != null && Objective.parse(objective) != o.objective()) clash.add("--objective " + o.objective());
        if (seed != null && seed != o.seed()) clash.add("--seed " + o.seed());
        if (batch != null && batch != o.batch()) clash.add("--batch " + o.batch());
        if (warmup != null && warmup != o.warmup()) clash.add("--warmup " + o.warmup());
        if (lrScale != null && lrScale != o.lrScale()) clash.add("--lr-scale " + o.lrScale());
        if (clipNorm != null && clipNorm != o.clipNorm()) clash.add("--clip-norm " + o.clipNorm());
        if (ccmMax != null && ccmMax != o.ccmMaxFraction()) clash.add("--ccm-max-fraction " + o.ccmMaxFraction());
        if (ccmBand != null && Ccm.Band.parse(ccmBand) != o.ccmBand()) clash.add("--ccm-band " + o.ccmBand());
        if (crop != null && !Arrays.equals(Crops.parse(crop), new int[] {o.minFrames(), o.maxFrames()}))
            clash.add("--crop " + o.minFrames() + ":" + o.maxFrames());
        if (lr != null) clash.add("--lr (the checkpoint's schedule continues)");
        if (cropCmvn != null && cropCmvn != o.cropCmvn()) clash.add("--" + (o.cropCmvn() ? "" : "no-") + "crop-cmvn");
        if (positionShift != null && positionShift != o.positionShift())
            clash.add("--" + (o.positionShift() ? "" : "no-") + "position-shift");
        return clash;
    }
}
