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
import java.nio.FloatBuffer;

/**
 * The input layer (paper section 3.2): {@code x_i = W t_i + b + PE(i)}, then dropout. PE is
 * {@link SinusoidalPositions}, or nothing with {@link MusiCoderConfig.Position#ALIBI} (positions then enter the
 * attention scores, see {@link AttentionBias}); W is [H, 324] and b [H] (PyTorch {@code input_proj}).
 *
 * <p>Input: frames {@code [B, T, 324]}. Output: {@code [B, T, H]}. The positions are {@code 0 .. T-1}, or
 * {@code o .. o+T-1} when the forward call's parameters carry {@link #POSITION_OFFSET} = o (a training-time shift,
 * so that short crops train every row of the table; {@code o + T <= max_frames}).
 */
public final class InputProjection extends AbstractBlock {
    /** Name of the forward parameter (an {@code Integer}) that shifts the positions. */
    public static final String POSITION_OFFSET = "position_offset";

    private final Linear linear;
    private final int hidden;
    private final int maxFrames;
    private final float dropout;
    private final float[] positions; // null without sinusoidal positions

    /**
     * @param config the model size (H, input dimension, max frames, dropout)
     */
    public InputProjection(MusiCoderConfig config) {
        hidden = config.hidden();
        maxFrames = config.maxFrames();
        dropout = config.dropout();
        positions = config.position() == MusiCoderConfig.Position.SINUSOIDAL ? SinusoidalPositions.table(maxFrames, hidden) : null;
        linear = addChildBlock("input_proj", Linear.builder().setUnits(hidden).build());
        TorchInit.linear(linear, config.inputDim());
    }

    /** The linear map W t + b. */
    public Linear linear() {
        return linear;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray frames = inputs.head();
        int t = Math.toIntExact(frames.getShape().get(1));
        int offset = offset(params);
        if (offset < 0 || offset + t > maxFrames)
            throw new IllegalArgumentException("input of " + t + " frames at position " + offset
                    + " exceeds the model's max_frames " + maxFrames);
        NDArray x = linear.forward(ps, new NDList(frames), training).head();
        if (positions != null)
            x = x.add(frames.getManager().create(FloatBuffer.wrap(positions, offset * hidden, t * hidden), new Shape(t, hidden)));
        return Dropout.dropout(x, dropout, training);
    }

    /** The {@link #POSITION_OFFSET} among forward parameters, or 0. */
    public static int offset(PairList<String, Object> params) {
        if (params == null) return 0;
        Object o = params.get(POSITION_OFFSET);
        return o == null ? 0 : (Integer) o;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return linear.getOutputShapes(new Shape[] {inputs[0]});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        linear.initialize(manager, dataType, inputShapes[0]);
    }
}
