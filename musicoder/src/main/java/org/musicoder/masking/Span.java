package org.musicoder.masking;

/**
 * One CFM span: frames {@code [start, start + length)} of a clip.
 *
 * @param start  first frame
 * @param length frames, {@code >= 1}
 * @param action what was done to the span's input frames
 * @param source for {@link SpanAction#RANDOM}, the first original frame copied in (frames
 *               {@code [source, source + length)}); -1 for the other actions
 */
public record Span(int start, int length, SpanAction action, int source) {
    public Span {
        if (start < 0 || length < 1) throw new IllegalArgumentException("Span: bad start/length " + start + "/" + length);
        if ((action == SpanAction.RANDOM) != (source >= 0)) {
            throw new IllegalArgumentException("Span: source " + source + " does not fit action " + action);
        }
    }

    /** @return one past the last frame */
    public int end() {
        return start + length;
    }
}
