package org.musicoder.kernel.view;

/**
 * One training step on the loss curve.
 *
 * @param step step number (from 1)
 * @param loss the step's loss
 * @param lr   the learning rate it used
 */
public record LossPoint(long step, double loss, double lr) {}
