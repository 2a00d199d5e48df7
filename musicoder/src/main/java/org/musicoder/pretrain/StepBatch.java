package org.musicoder.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.musicoder.masking.Masked;

/**
 * One masked batch as flat host arrays in C order, ready to copy to the device: what a training step consumes.
 *
 * @param batch clips B
 * @param rows padded frames T
 * @param dims features per frame D
 * @param input the masked frames {@code [B, T, D]}
 * @param target the original frames {@code [B, T, D]}
 * @param lossMask true at the cells in the loss {@code [B, T, D]}
 * @param padding true at padded frames {@code [B, T]}
 * @param cells cells in the loss
 * @param offset first position of the crops (0, or a random shift: {@link PretrainOptions#positionShift()})
 */
public record StepBatch(int batch, int rows, int dims, float[] input, float[] target, boolean[] lossMask,
                        boolean[] padding, long cells, int offset) {
    /** A batch at positions from 0. */
    public StepBatch(int batch, int rows, int dims, float[] input, float[] target, boolean[] lossMask, boolean[] padding, long cells) {
        this(batch, rows, dims, input, target, lossMask, padding, cells, 0);
    }

    /** A copy at positions from {@code o}. */
    public StepBatch at(int o) {
        return new StepBatch(batch, rows, dims, input, target, lossMask, padding, cells, o);
    }

    /**
     * Flattens a batch of crops and their masking.
     *
     * @param crops the crops (original frames, padded)
     * @param masked each crop's masking, in the same order
     * @return the flat batch
     */
    public static StepBatch of(Batch crops, List<Masked> masked) {
        int b = crops.frames().length;
        int t = crops.rows();
        int d = crops.frames()[0][0].length;
        float[] input = new float[b * t * d];
        float[] target = new float[b * t * d];
        boolean[] lossMask = new boolean[b * t * d];
        boolean[] padding = new boolean[b * t];
        long cells = 0;
        for (int i = 0; i < b; i++) {
            Masked m = masked.get(i);
            int length = crops.lengths()[i];
            for (int f = 0; f < t; f++) {
                int row = (i * t + f) * d;
                System.arraycopy(m.input()[f], 0, input, row, d);
                System.arraycopy(crops.frames()[i][f], 0, target, row, d);
                padding[i * t + f] = f >= length;
                if (f < length)
                    for (int c = 0; c < d; c++)
                        if (m.inLoss(f, c)) {
                            lossMask[row + c] = true;
                            cells++;
                        }
            }
        }
        return new StepBatch(b, t, d, input, target, lossMask, padding, cells);
    }

    /** Whether any frame is padding. */
    public boolean padded() {
        for (boolean p : padding) if (p) return true;
        return false;
    }

    /** The target at the cells in the loss, in C order ({@link #cells()} values). */
    public float[] maskedTarget() {
        float[] t = new float[Math.toIntExact(cells)];
        int n = 0;
        for (int i = 0; i < lossMask.length; i++) if (lossMask[i]) t[n++] = target[i];
        return t;
    }

    /** The flat C-order positions of the cells in the loss, ascending ({@link #cells()} values). */
    public long[] lossCells() {
        long[] at = new long[Math.toIntExact(cells)];
        int n = 0;
        for (int i = 0; i < lossMask.length; i++) if (lossMask[i]) at[n++] = i;
        return at;
    }

    /**
     * Copies what a step needs to the device.
     *
     * @param manager owns the arrays
     * @return the input (float32 {@code [B, T, D]}), the {@link #lossCells()} (int64 {@code [cells]}), the
     *         {@link #maskedTarget()} (float32 {@code [cells]}) and, only if {@link #padded()}, the padding
     *         (boolean {@code [B, T]})
     */
    public NDList toArrays(NDManager manager) {
        Shape shape = new Shape(batch, rows, dims);
        NDList list = new NDList(manager.create(input, shape), manager.create(lossCells()),
                manager.create(maskedTarget(), new Shape(cells)));
        if (padded()) list.add(manager.create(padding, new Shape(batch, rows)));
        return list;
    }
}
