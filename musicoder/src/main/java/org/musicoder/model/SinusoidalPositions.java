package org.musicoder.model;

/**
 * The fixed sinusoidal position encoding of the paper's equation (1), which is Vaswani et al.'s:
 * <pre>
 *   PE(pos, 2i)     = sin(pos / 10000^(2i / H))
 *   PE(pos, 2i + 1) = cos(pos / 10000^(2i / H))      for pos = 0, 1, ... and i = 0 .. H/2 - 1
 * </pre>
 * Sines on the even columns, cosines on the odd ones (interleaved, not concatenated); the first frame is
 * position 0. Computed in double precision, stored as float.
 */
final class SinusoidalPositions {
    private SinusoidalPositions() {}

    /**
     * The table of positions {@code 0 .. frames-1}.
     *
     * @param frames number of positions
     * @param hidden model width H (even)
     * @return row-major {@code [frames][hidden]}, flattened
     */
    static float[] table(int frames, int hidden) {
        float[] pe = new float[frames * hidden];
        for (int i = 0; i < hidden / 2; i++) {
            double rate = Math.pow(10000.0, -2.0 * i / hidden);
            for (int pos = 0; pos < frames; pos++) {
                double angle = pos * rate;
                pe[pos * hidden + 2 * i] = (float) Math.sin(angle);
                pe[pos * hidden + 2 * i + 1] = (float) Math.cos(angle);
            }
        }
        return pe;
    }
}
