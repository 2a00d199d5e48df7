package org.musicoder.finetune;

import org.musicoder.pretrain.TrainingRun;

/** Follows a grid search: each point's start, every step (as pretraining's listener) and each point's score. */
public interface GridListener extends TrainingRun.Listener {
    /**
     * A grid point starts training.
     *
     * @param index its position, from 0
     * @param total the grid's size
     * @param point its hyper-parameters
     * @param steps the steps it will take
     */
    default void starting(int index, int total, GridPoint point, long steps) {}

    /**
     * A grid point has been scored on validation.
     *
     * @param index its position
     * @param point its hyper-parameters
     * @param score its validation score
     */
    default void scored(int index, GridPoint point, double score) {}
}
