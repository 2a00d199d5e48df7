package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-LayerNorm encoder layer with the math of {@code torch.nn.TransformerEncoderLayer(d_model=H,
 * nhead=A, dim_feedforward=F, dropout=p, activation='gelu', layer_norm_eps=1e-5, batch_first=True,
 * norm_first=False)}:
 * <pre>
 *   x = norm1(x + dropout(self_attn(x, key_padding_mask)))
 *   x = norm2(x + dropout(linear2(dropout(gelu(linear1(x))))))
 * </pre>
 * GELU is the exact one, {@code x * Phi(x)} with the normal CDF (erf), not the tanh approximation.
 *
 * <p>Inputs: {@code x [B, T, H]} and optionally the additive key mask {@code [B, 1, 1, T]}. Output:
 * {@code [B, T, H]}.
 */
public final class EncoderLayer extends AbstractBlock {
    /** LayerNorm epsilon of torch's default. */
    static final float EPS = 1e-5f;

    private final SelfAttention selfAttention;
    private final Linear linear1;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final float dropout;

    /**
     * @param config the model size (H, A, FFN size, dropout)
     */
    public EncoderLayer(MusiCoderConfig config) {
        dropout = config.dropout();
        selfAttention = addChildBlock("self_attn", new SelfAttention(config));
        linear1 = addChildBlock("linear1", Linear.builder().setUnits(config.ffn()).build());
        linear2 = addChildBlock("linear2", Linear.builder().setUnits(config.hidden()).build());
        norm1 = addChildBlock("norm1", lastAxisNorm());
        norm2 = addChildBlock("norm2", lastAxisNorm());
        TorchInit.linear(linear1, config.hidden());
        TorchInit.linear(linear2, config.ffn());
    }

    /** LayerNorm over the last axis of a [B, T, H] input, eps 1e-5 (gamma = 1, beta = 0 at start). */
    static LayerNorm lastAxisNorm() {
        return LayerNorm.builder().axis(2).optEpsilon(EPS).build();
    }

    /** The attention sub-layer. */
    public SelfAttention selfAttention() {
        return selfAttention;
    }

    /** First FFN linear, H to F. */
    public Linear linear1() {
        return linear1;
    }

    /** Second FFN linear, F to H. */
    public Linear linear2() {
        return linear2;
    }

    /** LayerNorm after the attention residual. */
    public LayerNorm norm1() {
        return norm1;
    }

    /** LayerNorm after the FFN residual. */
    public LayerNorm norm2() {
        return norm2;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray a = selfAttention.forward(ps, inputs, training).head();
        x = norm1.forward(ps, new NDList(x.add(drop(a, training))), training).head();
        NDArray f = Activation.gelu(linear1.forward(ps, new NDList(x), training).head());
        f = linear2.forward(ps, new NDList(drop(f, training)), training).head();
        return norm2.forward(ps, new NDList(x.add(drop(f, training))), training);
    }

    private NDArray drop(NDArray x, boolean training) {
        return Dropout.dropout(x, dropout, training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        selfAttention.initialize(manager, dataType, inputShapes);
        linear1.initialize(manager, dataType, x);
        linear2.initialize(manager, dataType, linear1.getOutputShapes(new Shape[] {x}));
        norm1.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
    }
}
