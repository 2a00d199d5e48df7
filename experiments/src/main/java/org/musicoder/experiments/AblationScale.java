package org.musicoder.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.musicoder.finetune.Grid;
import org.musicoder.masking.Objective;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Schedule;

/**
 * The sizes and budgets of an ablation run.
 *
 * @param name {@code demo} or {@code paper}
 * @param base the encoder of the "Base" rows
 * @param large the encoder of the "Large" rows
 * @param schedule the pretraining schedule's name for {@link Schedule#named}: {@code default} (each model's own:
 *     the {@code cpu} schedule for models under 10M parameters, the paper's for {@code base} and {@code large}) or
 *     {@code paper}
 * @param pretrainSteps pretraining steps per pretrained model (replacing the schedule's)
 * @param grid the fine-tuning grid
 * @param folds at most this many folds are run (GTZAN has ten)
 * @param seeds the replicates: replicate {@code s} pretrains with seed {@code s} and fine-tunes with seed {@code s},
 *     so the spread over seeds covers the whole pipeline
 */
public record AblationScale(String name, MusiCoderConfig base, MusiCoderConfig large, String schedule, long pretrainSteps,
                            Grid grid, int folds, List<Long> seeds) {
    /** Replicates at demo scale (seeds 0, 1, 2). */
    public static final int DEMO_SEEDS = 3;
    /** Pretraining steps at demo scale (about a minute per {@code tiny} encoder with two threads here). */
    public static final long DEMO_PRETRAIN_STEPS = 300;

    /** Checks the values and copies the seeds. */
    public AblationScale {
        if (pretrainSteps < 1) throw new IllegalArgumentException("--pretrain-steps must be >= 1, got " + pretrainSteps);
        if (folds < 1) throw new IllegalArgumentException("--folds must be >= 1, got " + folds);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) throw new IllegalArgumentException("--seeds: no seed");
        if (seeds.stream().distinct().count() < seeds.size()) throw new IllegalArgumentException("--seeds: a seed is repeated in " + seeds);
        Schedule.named(schedule, base);
    }

    /**
     * Demo scale: Base = {@code tiny} (2 layers, H 64, ALiBi), Large = 4 layers of H 64 (twice tiny's depth, so the
     * Base/Large contrast stays cheap); both pretrained with their default schedule, the {@code cpu} one (batch 16,
     * crops of 64-256 frames normalised on their own, position shift, learning rate rising to 1e-3 over 300 steps),
     * for {@value #DEMO_PRETRAIN_STEPS} steps; the {@link Grid#SMALL} grid; seeds 0, 1 and 2.
     *
     * @return the demo scale
     */
    public static AblationScale demo() {
        MusiCoderConfig tiny = MusiCoderConfig.named("tiny");
        MusiCoderConfig deep = tiny.withLayers("tiny-4-layers", 4);
        return new AblationScale("demo", tiny, deep, "default", DEMO_PRETRAIN_STEPS, Grid.SMALL, Integer.MAX_VALUE,
                seeds(DEMO_SEEDS));
    }

    /**
     * The paper's sizes: {@code base} and {@code large} with the paper's schedule (batch 64, warm-up 8000, crops of
     * 10-35 s), the {@link Grid#PAPER} grid, all folds, one seed (0): the paper reports single runs, and one
     * replicate costs days on a CPU. The number of pretraining steps is the caller's (the paper's is not in our
     * notes).
     *
     * @param pretrainSteps pretraining steps per model
     * @return the scale
     */
    public static AblationScale paper(long pretrainSteps) {
        return new AblationScale("paper", MusiCoderConfig.named("base"), MusiCoderConfig.named("large"), "paper", pretrainSteps,
                Grid.PAPER, Integer.MAX_VALUE, List.of(0L));
    }

    /**
     * The scale the CLI's and the magics' options ask for: {@link #demo} or {@link #paper}, with every option given
     * (not null) replacing the scale's value.
     *
     * @param demo demo scale, else the paper's (which needs {@code pretrainSteps})
     * @param pretrainSteps {@code --pretrain-steps}, or null
     * @param grid {@code --grid} ({@link Grid#parse}), or null
     * @param folds {@code --folds}, or null
     * @param seeds {@code --seeds} ({@link #parseSeeds}), or null
     * @return the scale
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public static AblationScale of(boolean demo, Long pretrainSteps, String grid, Integer folds, String seeds) {
        if (!demo && pretrainSteps == null) throw new IllegalArgumentException("--pretrain-steps N is required with --data DIR (paper scale: the budget is the user's)");
        AblationScale s = demo ? demo() : paper(pretrainSteps);
        if (pretrainSteps != null) s = s.withPretrainSteps(pretrainSteps);
        if (grid != null) s = s.withGrid(Grid.parse(grid));
        if (folds != null) s = s.withFolds(folds);
        if (seeds != null) s = s.withSeeds(parseSeeds(seeds));
        return s;
    }

    /**
     * {@code --seeds}: a count {@code N} (seeds 0 to N-1) or a list {@code 0,1,2} (one seed: {@code 7,}).
     *
     * @param spec the option's value
     * @return the seeds, in order
     * @throws IllegalArgumentException if it is neither, a seed is negative or repeated
     */
    public static List<Long> parseSeeds(String spec) {
        String s = spec.trim();
        try {
            if (!s.contains(",")) {
                int n = Integer.parseInt(s);
                if (n < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + n);
                return seeds(n);
            }
            List<Long> out = new ArrayList<>();
            for (String part : s.split(",")) {
                long seed = Long.parseLong(part.trim());
                if (seed < 0) throw new IllegalArgumentException("--seeds: seeds are >= 0, got " + seed);
                if (out.contains(seed)) throw new IllegalArgumentException("--seeds: seed " + seed + " is repeated");
                out.add(seed);
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds: expected a count N or a list such as 0,1,2, got '" + spec + "'");
        }
    }

    private static List<Long> seeds(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) out.add(i);
        return out;
    }

    /** The pretraining schedule of an encoder: {@link #schedule()}'s, with {@link #pretrainSteps()} steps. */
    public Schedule schedule(MusiCoderConfig encoder) {
        return Schedule.named(schedule, encoder).withSteps(pretrainSteps);
    }

    /** The pretraining recipe of an encoder for one replicate: its {@link #schedule(MusiCoderConfig)} and the seed. */
    public PretrainOptions pretrainOptions(Objective objective, MusiCoderConfig encoder, long seed) {
        return PretrainOptions.of(objective, schedule(encoder), seed);
    }

    /**
     * Frames per CMVN piece of the pretraining clips (long tracks are cut into pieces normalised on their own, as
     * {@code pretrain} does): the Base encoder's {@link PretrainOptions#cmvnPieceFrames()}.
     */
    public int cmvnPieceFrames() {
        return pretrainOptions(Objective.CFM_CCM, base, 0).cmvnPieceFrames();
    }

    /** One line: sizes, the Base encoder's schedule, grid, folds and seeds. */
    public String describe() {
        return name + " scale: Base " + base.name() + ", Large " + large.name() + "; " + schedule(base).describe(base.hidden())
                + "; " + grid.points().size() + " grid point(s)" + (folds == Integer.MAX_VALUE ? "" : ", first " + folds + " fold(s)")
                + "; seeds " + seeds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A copy with another grid. */
    public AblationScale withGrid(Grid g) {
        return new AblationScale(name, base, large, schedule, pretrainSteps, g, folds, seeds);
    }

    /** A copy with at most {@code n} folds. */
    public AblationScale withFolds(int n) {
        return new AblationScale(name, base, large, schedule, pretrainSteps, grid, n, seeds);
    }

    /** A copy with another number of pretraining steps. */
    public AblationScale withPretrainSteps(long s) {
        return new AblationScale(name, base, large, schedule, s, grid, folds, seeds);
    }

    /** A copy with other seeds. */
    public AblationScale withSeeds(List<Long> s) {
        return new AblationScale(name, base, large, schedule, pretrainSteps, grid, folds, s);
    }
}
