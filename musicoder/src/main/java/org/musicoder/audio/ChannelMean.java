package org.musicoder.audio;

/**
 * The mean of one frame's channels exactly as librosa 1.0's {@code to_mono} computes it on soundfile's float32
 * data: numpy's {@code add.reduce} over the channel axis (contiguous, so pairwise: sequential below 8 values,
 * 8 interleaved partial sums up to 128, halves beyond), added to a zero-filled output and divided by the channel
 * count, all in float32. A mono sample passes through that zero output too, so -0.0 becomes +0.0.
 */
final class ChannelMean {
    private static final int UNROLL = 8;
    private static final int BLOCK = 128;

    private ChannelMean() {}

    /**
     * @param frame    one sample per channel, {@code frame[0 .. channels)}
     * @param channels number of channels (>= 1)
     * @return the float32 mean, bit-identical to librosa's mono mixdown
     */
    static float of(float[] frame, int channels) {
        return channels == 1 ? 0f + frame[0] : (0f + sum(frame, 0, channels)) / channels;
    }

    private static float sum(float[] a, int from, int n) {
        if (n < UNROLL) {
            float r = 0f;
            for (int i = 0; i < n; i++) r += a[from + i];
            return r;
        }
        if (n <= BLOCK) {
            float[] r = new float[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int i = UNROLL;
            for (; i < n - n % UNROLL; i += UNROLL)
                for (int j = 0; j < UNROLL; j++) r[j] += a[from + i + j];
            float s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) s += a[from + i];
            return s;
        }
        int half = n / 2;
        half -= half % UNROLL;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }
}
