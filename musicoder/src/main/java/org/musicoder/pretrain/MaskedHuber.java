package org.musicoder.pretrain;

import ai.djl.ndarray.NDArray;
import org.musicoder.model.Scalars;

/**
 * The reconstruction loss: Huber with delta 1 between prediction and target, averaged over the cells of the
 * loss mask only. Per cell with {@code a = |prediction - target|} and {@code q = min(a, 1)}: {@code 0.5 a^2}
 * for {@code a <= 1}, else {@code a - 0.5} (torch's {@code HuberLoss(delta=1)}), computed as
 * {@code q (a - 0.5 q)}. The masked cells are picked out of the prediction first by their flat positions (one
 * gather, {@code torch.take}; its backward scatters into zeros), so the element-wise work and its backward run on
 * the masked cells only. A batch without masked cells has loss 0 (and zero gradients). (A boolean masked select
 * gives the same numbers, bit for bit, but in libtorch 2.7 it made a tiny training step 2-3 ms slower; see
 * docs/benchmarks.md, "Training step".)
 */
public final class MaskedHuber {
    private MaskedHuber() {}

    /**
     * @param prediction the head's output {@code [B, T, D]}
     * @param cells the flat C-order positions of the cells in the loss in {@code prediction}, int64
     *     {@code [cells]} ({@link StepBatch#lossCells()})
     * @param target the original frames at those cells, in the same order, float32 {@code [cells]}
     * @return the scalar loss (differentiable with respect to {@code prediction})
     */
    public static NDArray loss(NDArray prediction, NDArray cells, NDArray target) {
        NDArray a = prediction.take(cells).sub(target).abs();
        NDArray q = Scalars.minimum(a, 1f);
        return Scalars.div(q.mul(a.sub(Scalars.mul(q, 0.5f))).sum(), (float) Math.max(target.size(), 1));
    }
}
