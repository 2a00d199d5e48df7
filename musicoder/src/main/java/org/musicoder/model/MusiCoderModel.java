package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The MusiCoder encoder with its reconstruction head (paper sections 3.1-3.3): {@link InputProjection}
 * (linear map, sinusoidal positions, dropout), L {@link EncoderLayer}s (post-LayerNorm) and the
 * {@link ReconstructionHead}. Its PyTorch twin is {@code input_proj}, {@code nn.TransformerEncoder} of
 * {@code nn.TransformerEncoderLayer}s and {@code head} (see {@link ModelWeights} for the names).
 *
 * <p>Inputs: frames {@code [B, T, 324]} (float32) and, for a padded batch, {@code padding [B, T]} (boolean,
 * true at padded frames, torch's {@code src_key_padding_mask}). Padded frames are never attended to: their
 * keys get a score of -1e30, which gives them a softmax weight of exactly 0 like torch's -inf, and gives an
 * all-padded row uniform weights instead of NaN. Outputs at padded frames are meaningless. With
 * {@link MusiCoderConfig.Position#ALIBI} the scores also get {@link AttentionBias#scores} (torch: a float {@code mask}
 * of shape {@code [B * A, T, T]}).
 *
 * <p>Outputs: the last layer's hidden states {@code [B, T, H]} and the head's reconstruction
 * {@code [B, T, 324]}.
 */
public final class MusiCoderModel extends AbstractBlock {
    /** Additive score of a padded key. */
    static final float MASKED = -1e30f;

    private final MusiCoderConfig config;
    private final InputProjection input;
    private final List<EncoderLayer> layers = new ArrayList<>();
    private final ReconstructionHead head;

    /**
     * An uninitialised model; call {@link #initialize(NDManager, DataType, Shape...)} with
     * {@code DataType.FLOAT32} and the input shape {@code (B, T, 324)} (any B, T), or let
     * {@link ModelWeights#load} do it.
     *
     * @param config the model size
     */
    public MusiCoderModel(MusiCoderConfig config) {
        this.config = config;
        input = addChildBlock("input", new InputProjection(config));
        for (int i = 0; i < config.layers(); i++) layers.add(addChildBlock("layer" + i, new EncoderLayer(config)));
        head = addChildBlock("head", new ReconstructionHead(config));
    }

    /** The configuration. */
    public MusiCoderConfig config() {
        return config;
    }

    /** The input layer. */
    public InputProjection input() {
        return input;
    }

    /** The encoder layers, first to last. */
    public List<EncoderLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The reconstruction head. */
    public ReconstructionHead head() {
        return head;
    }

    /**
     * Number of parameters, counted over the initialised blocks' arrays.
     *
     * @return the count (equal to {@link MusiCoderConfig#parameterCount()})
     */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : getParameters().values()) n += p.getArray().size();
        return n;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = encode(ps, inputs, training, params);
        return new NDList(hidden, head.forward(ps, new NDList(hidden), training).head());
    }

    /**
     * The encoder alone (input layer and encoder layers, without the reconstruction head), as used by a
     * downstream head.
     *
     * @param ps the parameter store
     * @param inputs frames {@code [B, T, 324]} and optionally {@code padding [B, T]} (true = padded)
     * @param training whether dropout is on
     * @return the last layer's hidden states {@code [B, T, H]}
     */
    public NDArray encode(ParameterStore ps, NDList inputs, boolean training) {
        return encode(ps, inputs, training, null);
    }

    /**
     * As {@link #encode(ParameterStore, NDList, boolean)}, with forward parameters for the input layer (e.g.
     * {@link InputProjection#POSITION_OFFSET}).
     */
    public NDArray encode(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray frames = inputs.get(0);
        if (frames.getShape().dimension() != 3 || frames.getShape().get(2) != config.inputDim())
            throw new IllegalArgumentException("model input must be [batch, frames, " + config.inputDim() + "], got "
                    + frames.getShape());
        NDList layerInputs = new NDList(2);
        layerInputs.add(input.forward(ps, new NDList(frames), training, params).head());
        NDArray mask = inputs.size() > 1 ? keyMask(inputs.get(1)) : null;
        if (config.position() == MusiCoderConfig.Position.ALIBI) {
            NDArray bias = AttentionBias.scores(frames.getManager(), config.heads(), Math.toIntExact(frames.getShape().get(1)));
            mask = mask == null ? bias : mask.add(bias);
        }
        if (mask != null) layerInputs.add(mask);
        for (EncoderLayer layer : layers) layerInputs.set(0, layer.forward(ps, layerInputs, training).head());
        return layerInputs.get(0);
    }

    /** padding [B, T] (true = padded) -> additive scores [B, 1, 1, T]: 0 or {@link #MASKED}. */
    private static NDArray keyMask(NDArray padding) {
        Shape s = padding.getShape();
        return padding.toType(DataType.FLOAT32, false).mul(MASKED).reshape(s.get(0), 1, 1, s.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape x = input.getOutputShapes(new Shape[] {inputs[0]})[0];
        return new Shape[] {x, head.getOutputShapes(new Shape[] {x})[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        input.initialize(manager, dataType, inputShapes[0]);
        Shape x = input.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        for (EncoderLayer layer : layers) layer.initialize(manager, dataType, x);
        head.initialize(manager, dataType, x);
    }
}
