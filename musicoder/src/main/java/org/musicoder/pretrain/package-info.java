/**
 * CFM/CCM pretraining of the MusiCoder encoder (paper 3.3): random crops of CMVN features ({@link Crops}),
 * masking (from {@code org.musicoder.masking}), the masked Huber loss ({@link MaskedHuber}), Adam written on
 * NDArrays so its state can be saved ({@link Adam}), the warm-up schedule ({@link LearningRate}), atomic
 * checkpoints ({@link Checkpoint}), the per-step log ({@link TrainLog}), the step ({@link Pretrainer}), the run in an output folder
 * ({@link TrainingRun}) and the held-out evaluation against two baselines ({@link MaskedEvaluation}).
 */
package org.musicoder.pretrain;
