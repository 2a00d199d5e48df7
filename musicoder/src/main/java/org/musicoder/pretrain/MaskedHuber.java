package org.musicoder.pretrain;

import ai.djl.ndarray.NDArray;

/**
 * The reconstruction loss: Huber with delta 1 between prediction and target, averaged over the cells of the
 * loss mask only. Per cell with {@code a = |prediction - target|}: {@code 0.5 a^2} for {@code a <= 1}, else
 * {@code a - 0.5} (torch's {@code HuberLoss(delta=1)}, written as {@code 0.5 q^2 + (a - q)} with
 * {@code q = min(a, 1)}). A batch without masked cells has loss 0 (and zero gradients).
 */
public final class MaskedHuber {
    private MaskedHuber() {}

    /**
     * @param prediction the head's output {@code [B, T, D]}
     * @param target the original frames {@code [B, T, D]}
     * @param mask 1 for cells in the loss, 0 elsewhere {@code [B, T, D]} (float32)
     * @param cells number of ones in {@code mask}
     * @return the scalar loss (differentiable with respect to {@code prediction})
     */
    public static NDArray loss(NDArray prediction, NDArray target, NDArray mask, long cells) {
        NDArray a = prediction.sub(target).abs();
        NDArray q = a.minimum(1f);
        NDArray huber = q.mul(q).mul(0.5f).add(a.sub(q));
        return huber.mul(mask).sum().div((float) Math.max(cells, 1));
    }
}
