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
 * The downstream head of fine-tuning (the "heads"): the last layer's hidden states are pooled over the
 * clip's unpadded frames ({@link Pooling}: the mean, the paper's, or the mean and the standard deviation), then
 * dropout, then {@code classifier} Linear(P, C) gives C logits, P = H or 2H. The same block serves genre
 * classification (softmax over the logits) and tagging (a sigmoid per logit); see {@link Task}. Its PyTorch twin is
 * {@code nn.Linear(P, C)} named {@code classifier} after the same pooling and {@code nn.Dropout(p)}.
 *
 * <p>Inputs: hidden states {@code [B, T, H]} and optionally {@code padding [B, T]} (boolean, true = padded;
 * without it every frame counts). Output: logits {@code [B, C]}.
 */
public final class ClassificationHead extends AbstractBlock {
    private final Linear classifier;
    private final float dropout;
    private final int classes;
    private final Pooling pooling;

    /**
     * @param hidden H, the encoder's hidden size
     * @param classes C, the number of classes or tags (at least 1)
     * @param dropout dropout rate on the pooled vector while training, in [0, 1)
     * @param pooling how the frames are summarised
     */
    public ClassificationHead(int hidden, int classes, float dropout, Pooling pooling) {
        if (classes < 1) throw new IllegalArgumentException("classification head: " + classes + " classes");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("classification head: dropout " + dropout + " not in [0, 1)");
        this.dropout = dropout;
        this.classes = classes;
        this.pooling = pooling;
        classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
        TorchInit.linear(classifier, pooling.factor() * hidden);
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

    /** How the frames are summarised. */
    public Pooling pooling() {
        return pooling;
    }

    /**
     * The logits from already pooled vectors (the linear probe pools once, outside the head).
     *
     * @param ps the parameter store
     * @param pooled {@code [B, P]}, from {@link Pooling#pool} with this head's pooling
     * @param training whether dropout is on
     * @return {@code [B, C]}
     */
    public NDArray classify(ParameterStore ps, NDArray pooled, boolean training) {
        NDArray dropped = Dropout.dropout(pooled, dropout, training).head();
        return classifier.forward(ps, new NDList(dropped), training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pooled = pooling.pool(inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null);
        return new NDList(classify(ps, pooled, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape h = inputShapes[0];
        classifier.initialize(manager, dataType, new Shape(h.get(0), pooling.factor() * h.get(2)));
    }
}
