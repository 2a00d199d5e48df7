package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The reconstruction head of pretraining (paper section 3.3): {@code out(norm(gelu(dense(h))))} with
 * {@code dense} Linear(H, H), exact (erf) GELU, {@code norm} LayerNorm(H, eps 1e-5) and {@code out}
 * Linear(H, 324).
 *
 * <p>Input: hidden states {@code [B, T, H]}. Output: reconstructed frames {@code [B, T, 324]}.
 */
public final class ReconstructionHead extends AbstractBlock {
    private final Linear dense;
    private final LayerNorm norm;
    private final Linear out;

    /**
     * @param config the model size (H, input dimension)
     */
    public ReconstructionHead(MusiCoderConfig config) {
        dense = addChildBlock("dense", Linear.builder().setUnits(config.hidden()).build());
        norm = addChildBlock("norm", EncoderLayer.lastAxisNorm());
        out = addChildBlock("out", Linear.builder().setUnits(config.inputDim()).build());
        TorchInit.linear(dense, config.hidden());
        TorchInit.linear(out, config.hidden());
    }

    /** Linear(H, H). */
    public Linear dense() {
        return dense;
    }

    /** LayerNorm(H). */
    public LayerNorm norm() {
        return norm;
    }

    /** Linear(H, 324). */
    public Linear out() {
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = Activation.gelu(dense.forward(ps, new NDList(inputs.head()), training).head());
        h = norm.forward(ps, new NDList(h), training).head();
        return out.forward(ps, new NDList(h), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return out.getOutputShapes(inputs);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dense.initialize(manager, dataType, inputShapes[0]);
        norm.initialize(manager, dataType, inputShapes[0]);
        out.initialize(manager, dataType, inputShapes[0]);
    }
}
