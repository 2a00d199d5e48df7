package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A MusiCoder encoder with a {@link ClassificationHead} on its last layer: frames to logits. The encoder is a
 * whole {@link MusiCoderModel} (its reconstruction head is kept, so the weights stay loadable by every tool that
 * reads pretraining weights, but it is not run here).
 *
 * <p>Inputs: frames {@code [B, T, 324]} and optionally {@code padding [B, T]} (true = padded). Output: logits
 * {@code [B, C]}.
 */
public final class MusiCoderClassifier extends AbstractBlock {
    private final MusiCoderModel encoder;
    private final ClassificationHead head;
    private final Task task;

    /**
     * An uninitialised classifier; {@link #initialize} it with the input shape {@code (B, T, 324)}.
     *
     * @param config the encoder's size (its dropout is the encoder's dropout while training)
     * @param task genre (softmax) or tags (sigmoid)
     * @param classes number of classes or tags
     * @param headDropout dropout on the pooled vector
     * @param pooling how the head summarises the frames
     */
    public MusiCoderClassifier(MusiCoderConfig config, Task task, int classes, float headDropout, Pooling pooling) {
        this.task = task;
        encoder = addChildBlock("encoder", new MusiCoderModel(config));
        head = addChildBlock("head", new ClassificationHead(config.hidden(), classes, headDropout, pooling));
    }

    /** The encoder. */
    public MusiCoderModel encoder() {
        return encoder;
    }

    /** The head. */
    public ClassificationHead head() {
        return head;
    }

    /** Genre or tags. */
    public Task task() {
        return task;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = encoder.encode(ps, inputs, training);
        NDList headIn = new NDList(hidden);
        if (inputs.size() > 1) headIn.add(inputs.get(1));
        return head.forward(ps, headIn, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape h = encoder.getOutputShapes(inputs)[0];
        return head.getOutputShapes(new Shape[] {h});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, encoder.getOutputShapes(new Shape[] {inputShapes[0]})[0]);
    }
}
