package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The downstream head of fine-tuning (the "heads"): the last layer's hidden states are averaged over
 * the clip's unpadded frames, then dropout, then {@code classifier} Linear(H, C) gives C logits. The same block
 * serves genre classification (softmax over the logits) and tagging (a sigmoid per logit); see {@link Task}.
 * Its PyTorch twin is {@code nn.Linear(H, C)} named {@code classifier} after a masked mean and
 * {@code nn.Dropout(p)}.
 *
 * <p>Inputs: hidden states {@code [B, T, H]} and optionally {@code padding [B, T]} (boolean, true = padded;
 * without it every frame counts). Output: logits {@code [B, C]}.
 */
public final class ClassificationHead extends AbstractBlock {
    private final Linear classifier;
    private final float dropout;
    private final int classes;

    /**
     * @param hidden H, the encoder's hidden size
     * @param classes C, the number of classes or tags (at least 1)
     * @param dropout dropout rate on the pooled vector while training, in [0, 1)
     */
    public ClassificationHead(int hidden, int classes, float dropout) {
        if (classes < 1) throw new IllegalArgumentException("classification head: " + classes + " classes");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("classification head: dropout " + dropout + " not in [0, 1)");
        this.dropout = dropout;
        this.classes = classes;
        classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
        TorchInit.linear(classifier, hidden);
    }

    /** The Linear(H, C). */
    public Linear classifier() {
        return classifier;
    }

    /** C. */
    public int classes() {
        return classes;
    }

    /** The dropout rate on the pooled vector. */
    public float dropout() {
        return dropout;
    }

    /**
     * Mean of the hidden states over the unpadded frames of each clip.
     *
     * @param hidden {@code [B, T, H]}
     * @param padding {@code [B, T]} boolean, true at padded frames, or null (all frames count)
     * @return {@code [B, H]}
     */
    public static NDArray meanPool(NDArray hidden, NDArray padding) {
        if (padding == null) return hidden.mean(new int[] {1});
        NDArray valid = padding.logicalNot().toType(DataType.FLOAT32, false);
        NDArray sum = hidden.mul(valid.expandDims(2)).sum(new int[] {1});
        return sum.div(valid.sum(new int[] {1}, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pooled = meanPool(inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null);
        NDArray dropped = Dropout.dropout(pooled, dropout, training).head();
        return classifier.forward(ps, new NDList(dropped), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape h = inputShapes[0];
        classifier.initialize(manager, dataType, new Shape(h.get(0), h.get(2)));
    }
}
