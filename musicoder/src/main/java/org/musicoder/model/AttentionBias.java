package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The distance penalty of {@link MusiCoderConfig.Position#ALIBI} (Press, Smith and Lewis, "Train Short, Test Long",
 * ICLR 2022): head {@code h} adds {@code -m_h |i - j|} to the score of query frame {@code i} on key frame {@code j}.
 * The slopes form a geometric sequence, {@code m_h = 2^(2 - 8 (h + 1) / A)} for heads {@code h = 0 .. A-1}; for 4
 * heads 1, 1/4, 1/16 and 1/64 (a frame is 23 ms: the first head looks a few frames around, the last across the clip).
 * This is the paper's sequence {@code 2^(-8 (h + 1) / A)} times 4: at 4 heads its sharpest head (1/4) is too blunt to
 * find the frames next to a masked span quickly (docs/pretraining.md).
 */
public final class AttentionBias {
    private AttentionBias() {}

    /**
     * @param heads attention heads A, {@code >= 1}
     * @return the slopes {@code m_0 .. m_{A-1}}, decreasing
     */
    public static float[] slopes(int heads) {
        float[] m = new float[heads];
        for (int h = 0; h < heads; h++) m[h] = (float) Math.pow(2, 2 - 8.0 * (h + 1) / heads);
        return m;
    }

    /**
     * The additive scores of all heads.
     *
     * @param manager where the array is made
     * @param heads attention heads A
     * @param frames sequence length T
     * @return {@code [1, A, T, T]}, entry {@code (0, h, i, j) = -m_h |i - j|}
     */
    public static NDArray scores(NDManager manager, int heads, int frames) {
        float[] m = slopes(heads);
        for (int h = 0; h < heads; h++) m[h] = -m[h];
        NDArray pos = manager.arange(0f, (float) frames, 1f, DataType.FLOAT32);
        NDArray distance = pos.reshape(frames, 1).sub(pos.reshape(1, frames)).abs().reshape(1, 1, frames, frames);
        return manager.create(m, new Shape(1, heads, 1, 1)).mul(distance);
    }
}
