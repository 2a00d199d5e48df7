/**
 * Fine-tuning a pretrained MusiCoder encoder for genre classification and tagging (paper section 4): full
 * fine-tuning and a frozen-encoder linear probe ({@link org.musicoder.finetune.FineTuner}), windows for long
 * tracks ({@link org.musicoder.finetune.Windows}), the paper's hyper-parameter grid
 * ({@link org.musicoder.finetune.Grid}, {@link org.musicoder.finetune.GridSearch}) and the fine-tuned model folder
 * ({@link org.musicoder.finetune.FineTunedModel}).
 */
package org.musicoder.finetune;
