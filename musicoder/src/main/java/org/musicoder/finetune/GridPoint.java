package org.musicoder.finetune;

import java.util.Locale;

/**
 * One setting of the hyper-parameter grid (paper Table 4).
 *
 * @param batch clips (windows) per step
 * @param lr peak learning rate of {@link WarmupLinear}
 * @param epochs passes over the training windows
 * @param dropout dropout everywhere while fine-tuning: the encoder's (input, attention, residual, FFN) and the
 *     head's on the pooled vector
 */
public record GridPoint(int batch, double lr, int epochs, float dropout) {
    /** Checks the values. */
    public GridPoint {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (!(lr > 0)) throw new IllegalArgumentException("lr must be > 0, got " + lr);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }

    /** E.g. {@code batch 16, lr 2e-05, epochs 3, dropout 0.1}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "batch %d, lr %.0e, epochs %d, dropout %s", batch, lr, epochs, dropout);
    }
}
