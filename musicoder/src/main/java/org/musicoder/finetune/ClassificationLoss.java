package org.musicoder.finetune;

import ai.djl.ndarray.NDArray;
import org.musicoder.model.Scalars;
import org.musicoder.model.Task;

/**
 * The fine-tuning losses on logits {@code x [B, C]} and targets {@code y [B, C]}:
 * <ul>
 *   <li>{@link Task#GENRE}: cross-entropy, {@code mean_b(-sum_c y log_softmax(x)_c)} (torch's
 *       {@code CrossEntropyLoss} with class indices when y is one-hot);</li>
 *   <li>{@link Task#TAGS}: binary cross-entropy on the logits, {@code mean_{b,c}(max(x, 0) - x y + log(1 +
 *       exp(-|x|)))} (torch's {@code BCEWithLogitsLoss}, the overflow-free form).</li>
 * </ul>
 */
public final class ClassificationLoss {
    private ClassificationLoss() {}

    /**
     * @param task genre or tags
     * @param logits {@code [B, C]}
     * @param targets {@code [B, C]} float32
     * @return the scalar loss (differentiable with respect to the logits)
     */
    public static NDArray of(Task task, NDArray logits, NDArray targets) {
        if (task == Task.GENRE) return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
        NDArray softplus = logits.abs().neg().exp().add(1f).log();
        return Scalars.maximum(logits, 0f).sub(logits.mul(targets)).add(softplus).mean();
    }
}
