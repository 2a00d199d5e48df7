package org.musicoder.pretrain;

/**
 * A padded batch of crops.
 *
 * @param frames features {@code [B][T][324]}, T the longest crop; rows past a crop's length are zeros
 * @param lengths unpadded frames of each crop, each in {@code 1 .. T}
 */
public record Batch(float[][][] frames, int[] lengths) {
    /** Longest crop, the padded length T. */
    public int rows() {
        return frames[0].length;
    }
}
