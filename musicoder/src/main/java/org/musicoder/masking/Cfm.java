package org.musicoder.masking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Contiguous frames masking (paper 3.3). Choosing spans, for a clip of {@code frames} unpadded frames:
 * <ol>
 *   <li>the budget is {@code ceil(15 % of frames)} (exact integer arithmetic), so every non-empty clip has at least
 *       one chosen frame and an all-padding clip none;</li>
 *   <li>while fewer than budget frames are chosen: draw a length from {@link SpanLength} and shorten it to the
 *       longest run of not-yet-chosen frames if it does not fit; draw the start uniformly among the starts whose
 *       whole span lies inside the unpadded frames and on not-yet-chosen frames (spans never overlap, may touch,
 *       never run past the end);</li>
 *   <li>stop as soon as the chosen count reaches the budget; the last span is not trimmed, so up to
 *       {@code MAX - 1} = 6 frames more than the budget may be chosen.</li>
 * </ol>
 * Shortening happens only in clips of 14 frames or fewer: with {@code c} frames chosen in {@code k} spans of
 * {@code >= 2}, every free run is {@code <= 6} only if {@code frames - c <= 6 (k + 1) <= 3 c + 6}, impossible for
 * {@code c < 0.15 frames} once {@code frames >= 15}.
 *
 * <p>Then each span draws its action: {@link SpanAction#ZERO} 70 %, {@link SpanAction#RANDOM} 20 %,
 * {@link SpanAction#KEEP} 10 %. A RANDOM span copies the original frames {@code [source, source + length)}, with
 * {@code source} uniform among the starts whose span is disjoint from the chosen span itself (it may overlap other
 * chosen spans: their original values are copied); if no disjoint start exists (fewer than {@code length} frames on
 * either side of the span, e.g. any clip shorter than twice the length) it is uniform among all starts, itself
 * included. Every chosen frame is in the loss.
 *
 * <p>Random draws per span, in order: length, start, action, then source for RANDOM spans.
 */
public final class Cfm {
    /** Budget in percent of the unpadded frames. */
    public static final int BUDGET_PERCENT = 15;
    /** Percent of spans set to 0. */
    public static final int ZERO_PERCENT = 70;
    /** Percent of spans replaced by other frames of the clip (the remaining 10 % are kept). */
    public static final int RANDOM_PERCENT = 20;

    private Cfm() {}

    /**
     * @param frames unpadded frames of the clip, {@code >= 0}
     * @return number of frames to choose at least, {@code ceil(BUDGET_PERCENT * frames / 100)}
     */
    public static int budget(int frames) {
        if (frames < 0) throw new IllegalArgumentException("Cfm: negative frame count " + frames);
        return (int) (((long) frames * BUDGET_PERCENT + 99) / 100);
    }

    /**
     * Draws the spans of one clip (rules in the class comment).
     *
     * @param frames unpadded frames of the clip, {@code >= 0}
     * @param rng    random source (advanced)
     * @return the spans in the order drawn, disjoint, all inside {@code [0, frames)}
     */
    public static List<Span> draw(int frames, MaskRng rng) {
        int budget = budget(frames);
        boolean[] chosen = new boolean[frames];
        int[] starts = new int[frames];
        List<Span> spans = new ArrayList<>();
        int count = 0;
        while (count < budget) {
            int length = Math.min(SpanLength.draw(rng), longestFreeRun(chosen));
            int start = starts[rng.nextInt(freeStarts(chosen, length, starts))];
            for (int t = start; t < start + length; t++) chosen[t] = true;
            count += length;
            SpanAction action = drawAction(rng);
            int source = action == SpanAction.RANDOM ? drawSource(frames, start, length, rng) : -1;
            spans.add(new Span(start, length, action, source));
        }
        return spans;
    }

    /**
     * Applies the spans' actions.
     *
     * @param original the clip's frames, shape {@code [>= frames][dims]}; only read
     * @param spans    spans from {@link #draw}
     * @param out      a copy of {@code original}, same shape; the spans' frames are overwritten
     */
    public static void apply(float[][] original, List<Span> spans, float[][] out) {
        for (Span s : spans) {
            for (int k = 0; k < s.length(); k++) {
                float[] row = out[s.start() + k];
                switch (s.action()) {
                    case ZERO -> Arrays.fill(row, 0f);
                    case RANDOM -> System.arraycopy(original[s.source() + k], 0, row, 0, row.length);
                    case KEEP -> { }
                }
            }
        }
    }

    private static SpanAction drawAction(MaskRng rng) {
        int r = rng.nextInt(100);
        if (r < ZERO_PERCENT) return SpanAction.ZERO;
        return r < ZERO_PERCENT + RANDOM_PERCENT ? SpanAction.RANDOM : SpanAction.KEEP;
    }

    /** Source start uniform among those disjoint from {@code [start, start + length)}, else among all. */
    private static int drawSource(int frames, int start, int length, MaskRng rng) {
        int before = Math.max(0, start - length + 1);                 // sources 0 .. start - length
        int after = Math.max(0, frames - length - (start + length) + 1); // sources start + length .. frames - length
        if (before + after == 0) return rng.nextInt(frames - length + 1);
        int r = rng.nextInt(before + after);
        return r < before ? r : start + length + (r - before);
    }

    private static int longestFreeRun(boolean[] chosen) {
        int best = 0;
        int run = 0;
        for (boolean c : chosen) {
            run = c ? 0 : run + 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Writes into {@code starts} every start whose span of {@code length} is free; returns how many. */
    private static int freeStarts(boolean[] chosen, int length, int[] starts) {
        int n = 0;
        int run = 0;
        for (int t = 0; t < chosen.length; t++) {
            run = chosen[t] ? 0 : run + 1;
            if (run >= length) starts[n++] = t - length + 1;
        }
        return n;
    }
}
