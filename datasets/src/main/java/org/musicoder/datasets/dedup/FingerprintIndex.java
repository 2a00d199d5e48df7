package org.musicoder.datasets.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * A hash index of the words of many fingerprints: which clips hold a given 32-bit word, and at which frame. Quiet
 * frames are left out. The entries are one sorted {@code long[]} ({@code word << 32 | position}), 8 bytes per
 * frame: 22 MB for GTZAN's 1000 clips of 30 s.
 */
final class FingerprintIndex {
    /** A word held by more frames than this is too common to tell clips apart; lookups skip it. */
    static final int MAX_POSTINGS = 1000;

    private final List<Fingerprint> clips;
    /** {@code starts[c]}: position of clip {@code c}'s frame 0; {@code starts[clips]}: total frames. */
    private final long[] starts;
    private final long[] entries;

    /** Receives one posting of a looked-up word. */
    @FunctionalInterface
    interface Postings {
        /**
         * @param clip  index of the clip in the list the index was built from
         * @param frame the clip's frame that holds the word
         */
        void accept(int clip, int frame);
    }

    /**
     * Indexes every frame that is not quiet.
     *
     * @param clips the fingerprints; at most 2^32 frames in all
     */
    FingerprintIndex(List<Fingerprint> clips) {
        this.clips = List.copyOf(clips);
        starts = new long[clips.size() + 1];
        int n = 0;
        for (int c = 0; c < clips.size(); c++) {
            Fingerprint f = clips.get(c);
            starts[c + 1] = starts[c] + f.length();
            for (boolean q : f.quiet()) if (!q) n++;
        }
        if (starts[clips.size()] > 0xFFFFFFFFL)
            throw new IllegalArgumentException("FingerprintIndex: " + starts[clips.size()] + " frames, at most 2^32");
        entries = new long[n];
        int e = 0;
        for (int c = 0; c < clips.size(); c++) {
            Fingerprint f = clips.get(c);
            for (int j = 0; j < f.length(); j++)
                if (!f.quiet()[j]) entries[e++] = ((long) f.words()[j] << 32) | (starts[c] + j);
        }
        Arrays.sort(entries);
    }

    /** The indexed fingerprints, in the order given. */
    List<Fingerprint> clips() {
        return clips;
    }

    /**
     * Hands every (clip, frame) holding {@code word} to {@code out}, unless more than {@link #MAX_POSTINGS} do.
     *
     * @param word a 32-bit sub-fingerprint
     * @param out  receives the postings
     */
    void lookup(int word, Postings out) {
        int first = Arrays.binarySearch(entries, (long) word << 32);
        if (first < 0) first = -first - 1;
        int end = first;
        while (end < entries.length && (int) (entries[end] >> 32) == word)
            if (++end - first > MAX_POSTINGS) return;
        for (int e = first; e < end; e++) {
            long position = entries[e] & 0xFFFFFFFFL;
            int clip = clipAt(position);
            out.accept(clip, (int) (position - starts[clip]));
        }
    }

    /** The clip holding global frame {@code position}: the last {@code c} with {@code starts[c] <= position}. */
    private int clipAt(long position) {
        int lo = 0, hi = clips.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
