package org.musicoder.features;

/**
 * The inner product of a filterbank: one output row as a weighted sum of some rows of a spectrogram block, summed
 * in the order given (so that block-wise and whole-clip products agree bit for bit).
 */
final class SparseRows {
    private SparseRows() {}

    /**
     * {@code out[t] += sum_i weights[i] * power[rows[i]][t]} for {@code t = col .. col + count - 1}, adding the
     * terms one by one in order {@code i = 0, 1, ...}.
     *
     * @param power   spectrogram rows (bins), each {@code >= col + count} long
     * @param rows    which rows, in summation order
     * @param weights their weights, as long as {@code rows}
     * @param col     first column (frame)
     * @param count   columns
     * @param out     the output row, {@code >= col + count} long
     */
    static void accumulate(float[][] power, int[] rows, float[] weights, int col, int count, float[] out) {
        int end = col + count;
        int i = 0;
        // four rows per pass: out is loaded and stored once per four products. Products are subtracted with the
        // weight negated (exactly the same sums): with additions C2 may order the operands differently in the
        // unrolled copies of the body and then not vectorize it (see FftLanes).
        for (; i + 4 <= rows.length; i += 4) {
            float[] s0 = power[rows[i]], s1 = power[rows[i + 1]], s2 = power[rows[i + 2]], s3 = power[rows[i + 3]];
            float w0 = -weights[i], w1 = -weights[i + 1], w2 = -weights[i + 2], w3 = -weights[i + 3];
            for (int t = col; t < end; t++) {
                float a = out[t] - w0 * s0[t];
                a = a - w1 * s1[t];
                a = a - w2 * s2[t];
                out[t] = a - w3 * s3[t];
            }
        }
        for (; i < rows.length; i++) {
            float[] s = power[rows[i]];
            float w = -weights[i];
            for (int t = col; t < end; t++) out[t] = out[t] - w * s[t];
        }
    }
}
