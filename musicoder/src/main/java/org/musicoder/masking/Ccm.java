package org.musicoder.masking;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Contiguous channels masking (paper 3.3): one block of consecutive channels set to 0 on every unpadded frame, all of
 * its cells in the loss. The width is uniform in {@code {0, ..., maxWidth}} and, given the width {@code n}, the start
 * is uniform in {@code {0, ..., dims - n}} (draws in that order). The paper reads {@code maxWidth = dims} (324):
 * {@link #PAPER}. The cap is a fraction of the channels, {@code maxWidth = floor(maxFraction * dims)} with the fraction
 * taken as its shortest decimal (so 0.2 of 324 is 64, TERA's 20 %). A width of 0 masks nothing (probability
 * {@code 1 / (maxWidth + 1)}), so a CCM-only clip can have an empty loss mask.
 */
public final class Ccm {
    /** The paper's reading: width uniform over all of {@code {0, ..., dims}}. */
    public static final Ccm PAPER = new Ccm(1.0);
    private final double maxFraction;

    /** @param maxFraction largest block width as a fraction of the channels, in {@code [0, 1]} */
    public Ccm(double maxFraction) {
        if (!(maxFraction >= 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException("Ccm: max width fraction must be in [0, 1], got " + maxFraction);
        }
        this.maxFraction = maxFraction;
    }

    /** @return the largest block width as a fraction of the channels */
    public double maxFraction() {
        return maxFraction;
    }

    /**
     * @param dims channels per frame (324)
     * @return largest block width (channels), {@code floor(maxFraction * dims)}
     */
    public int maxWidth(int dims) {
        return BigDecimal.valueOf(maxFraction).multiply(BigDecimal.valueOf(dims)).intValue();
    }

    /**
     * @param dims channels per frame (324), {@code >= 0}
     * @param rng  random source (advanced by two {@link MaskRng#nextInt} draws: width, then start)
     * @return the block, inside {@code [0, dims)}
     */
    public ChannelBlock draw(int dims, MaskRng rng) {
        if (dims < 0) throw new IllegalArgumentException("Ccm: negative channel count " + dims);
        int width = rng.nextInt(maxWidth(dims) + 1);
        int start = rng.nextInt(dims - width + 1);
        return new ChannelBlock(start, width);
    }

    /**
     * @param block  the block to zero
     * @param frames unpadded frames; padded rows are left alone
     * @param out    input to mask in place, shape {@code [>= frames][dims]}
     */
    public static void apply(ChannelBlock block, int frames, float[][] out) {
        for (int t = 0; t < frames; t++) {
            Arrays.fill(out[t], block.start(), block.start() + block.width(), 0f);
        }
    }
}
