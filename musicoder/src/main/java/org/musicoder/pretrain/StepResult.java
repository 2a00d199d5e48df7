package org.musicoder.pretrain;

/**
 * What one training step did.
 *
 * @param step the step's number (from 1)
 * @param loss the masked Huber loss of its batch (before the update)
 * @param lr the learning rate it used
 * @param cells masked cells in its loss
 */
public record StepResult(long step, float loss, double lr, long cells) {}
