package org.musicoder.experiments;

import org.musicoder.finetune.Grid;
import org.musicoder.model.MusiCoderConfig;

/**
 * The sizes and budgets of an ablation run.
 *
 * @param name {@code demo} or {@code paper}
 * @param base the encoder of the "Base" rows
 * @param large the encoder of the "Large" rows
 * @param pretrainSteps pretraining steps per pretrained model
 * @param pretrainBatch pretraining batch
 * @param warmup pretraining warm-up steps (the schedule {@code H^-0.5 min(step^-0.5, step W^-1.5)})
 * @param grid the fine-tuning grid
 * @param folds at most this many folds are run (GTZAN has ten)
 * @param seed the seed of pretraining and fine-tuning
 */
public record AblationScale(String name, MusiCoderConfig base, MusiCoderConfig large, long pretrainSteps,
                            int pretrainBatch, int warmup, Grid grid, int folds, long seed) {
    /**
     * Demo scale: Base = {@code tiny} (2 layers, H 64), Large = 4 layers of H 64 (twice tiny's depth, so the
     * Base/Large contrast stays cheap); 60 pretraining steps of batch 8 with warm-up 380 (the learning rate rises
     * linearly to 1.0e-3 at the last step, below the peaks that kept tiny on the CFM plateau), the
     * {@link Grid#SMALL} grid, seed 0.
     *
     * @return the demo scale
     */
    public static AblationScale demo() {
        MusiCoderConfig tiny = MusiCoderConfig.named("tiny");
        MusiCoderConfig deep = tiny.withLayers("tiny-4-layers", 4);
        return new AblationScale("demo", tiny, deep, 60, 8, 380, Grid.SMALL, Integer.MAX_VALUE, 0);
    }

    /**
     * The paper's sizes: {@code base} and {@code large}, batch 64, warm-up 8000, the {@link Grid#PAPER} grid, all
     * folds; the number of pretraining steps is the caller's (the paper's is not in our notes).
     *
     * @param pretrainSteps pretraining steps per model
     * @return the scale
     */
    public static AblationScale paper(long pretrainSteps) {
        return new AblationScale("paper", MusiCoderConfig.named("base"), MusiCoderConfig.named("large"), pretrainSteps,
                64, 8000, Grid.PAPER, Integer.MAX_VALUE, 0);
    }

    /** A copy with another grid. */
    public AblationScale withGrid(Grid g) {
        return new AblationScale(name, base, large, pretrainSteps, pretrainBatch, warmup, g, folds, seed);
    }

    /** A copy with at most {@code n} folds. */
    public AblationScale withFolds(int n) {
        return new AblationScale(name, base, large, pretrainSteps, pretrainBatch, warmup, grid, n, seed);
    }

    /** A copy with another number of pretraining steps. */
    public AblationScale withPretrainSteps(long s) {
        return new AblationScale(name, base, large, s, pretrainBatch, warmup, grid, folds, seed);
    }
}
