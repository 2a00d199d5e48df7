package org.musicoder.masking;

/**
 * One CCM block: channels {@code [start, start + width)} (feature dims) set to 0 on every unpadded frame.
 *
 * @param start first channel
 * @param width channels, {@code >= 0} (0: nothing masked)
 */
public record ChannelBlock(int start, int width) {
    public ChannelBlock {
        if (start < 0 || width < 0) throw new IllegalArgumentException("ChannelBlock: bad start/width " + start + "/" + width);
    }

    /**
     * @param channel a feature dim
     * @return whether it is in the block
     */
    public boolean contains(int channel) {
        return channel >= start && channel < start + width;
    }
}
