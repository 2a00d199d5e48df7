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
 * Multi-head self-attention with the math of {@code torch.nn.MultiheadAttention(H, A, dropout,
 * batch_first=True)} called as {@code self_attn(x, x, x, key_padding_mask=mask)}:
 * <pre>
 *   [q k v] = x in_proj_weight^T + in_proj_bias          (one packed [3H, H] projection)
 *   per head h (width d = H/A): P_h = softmax(q_h k_h^T / sqrt(d) + mask), dropout(P_h)
 *   out = concat_h(P_h v_h) out_proj.weight^T + out_proj.bias
 * </pre>
 *
 * <p>Inputs: {@code x [B, T, H]} and, optionally, the additive key mask {@code [B, 1, 1, T]} (0 for frames,
 * a large negative number for padding; see {@link MusiCoderModel}). Output: {@code [B, T, H]}.
 */
public final class SelfAttention extends AbstractBlock {
    private final Linear inProj;
    private final Linear outProj;
    private final int hidden;
    private final int heads;
    private final float dropout;

    /**
     * @param config the model size (H, A, dropout)
     */
    public SelfAttention(MusiCoderConfig config) {
        hidden = config.hidden();
        heads = config.heads();
        dropout = config.dropout();
        inProj = addChildBlock("in_proj", Linear.builder().setUnits(3L * hidden).build());
        outProj = addChildBlock("out_proj", Linear.builder().setUnits(hidden).build());
        TorchInit.attention(inProj, outProj, hidden);
    }

    /** The packed q/k/v projection: weight [3H, H] (rows q, then k, then v), bias [3H]. */
    public Linear inProj() {
        return inProj;
    }

    /** The output projection: weight [H, H], bias [H]. */
    public Linear outProj() {
        return outProj;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long d = hidden / heads;
        NDList qkv = inProj.forward(ps, new NDList(x), training).head().split(3, 2);
        NDArray q = Scalars.div(perHead(qkv.get(0), b, t, d), (float) Math.sqrt(d));
        NDArray k = perHead(qkv.get(1), b, t, d);
        NDArray v = perHead(qkv.get(2), b, t, d);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        if (inputs.size() > 1) scores = scores.add(inputs.get(1));
        NDArray weights = Dropout.dropout(scores.softmax(-1), dropout, training).head();
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, hidden);
        return outProj.forward(ps, new NDList(context), training);
    }

    /** [B, T, H] -> [B, A, T, d]. */
    private NDArray perHead(NDArray x, long b, long t, long d) {
        return x.reshape(b, t, heads, d).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inProj.initialize(manager, dataType, inputShapes[0]);
        outProj.initialize(manager, dataType, inputShapes[0]);
    }
}
