package org.musicoder.masking;

/** What CFM does to the input frames of a chosen span (all chosen frames are in the loss whatever the action). */
public enum SpanAction {
    /** All the span's frames set to 0 (70 %). */
    ZERO,
    /** Replaced by a contiguous span of the same length from the same clip's original frames (20 %). */
    RANDOM,
    /** Left unchanged (10 %). */
    KEEP
}
