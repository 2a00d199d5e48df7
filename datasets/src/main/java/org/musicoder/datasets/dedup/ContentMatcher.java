package org.musicoder.datasets.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds which of many clips a fingerprint contains (or is contained in), at which time offset. Each frame's word is
 * looked up in a {@link FingerprintIndex} of the clips; every hit votes for one (clip, offset) pair; the
 * {@value #CANDIDATES} pairs with the most votes (at least {@value #MIN_VOTES}) are verified by their bit error rate
 * over the whole aligned stretch, one frame either side of the voted offset too. A pair is a match when that stretch
 * is long enough and its bit error rate low enough; the lowest bit error rate wins.
 * <p>
 * Exact word hits are plentiful for the same recording (a third to all of the frames on the test fixtures: MP3,
 * Vorbis, 8-bit, 22.05 and 48 kHz copies) and rare and scattered for unrelated audio, so few pairs need verifying.
 */
public final class ContentMatcher {
    /** Default {@code maxBitErrorRate}: same recording measured at most 0.061, unrelated music at least 0.430. */
    public static final double MAX_BIT_ERROR_RATE = 0.35;
    /** Default {@code minSeconds}: the aligned stretch a match needs. */
    public static final double MIN_SECONDS = 5;
    /** Pairs verified per query. */
    static final int CANDIDATES = 10;
    /** Votes a pair needs to be verified. */
    static final int MIN_VOTES = 2;

    private final FingerprintIndex index;
    private final double maxBitErrorRate;
    private final int minFrames;

    /**
     * One clip found in a query.
     *
     * @param clip         index of the clip in the list the matcher was built from
     * @param offset       the query's frame on which the clip's frame 0 falls (negative: the clip starts before the
     *                     query does); times {@link Fingerprint#FRAME_SECONDS} gives seconds
     * @param bitErrorRate over the aligned, non-quiet frames
     * @param frames       aligned, non-quiet frames compared
     */
    public record Match(int clip, int offset, double bitErrorRate, int frames) {
        /** {@link #offset} in seconds. */
        public double offsetSeconds() {
            return offset * Fingerprint.FRAME_SECONDS;
        }
    }

    /** As {@link #ContentMatcher(List, double, double)} with {@link #MAX_BIT_ERROR_RATE} and {@link #MIN_SECONDS}. */
    public ContentMatcher(List<Fingerprint> clips) {
        this(clips, MAX_BIT_ERROR_RATE, MIN_SECONDS);
    }

    /**
     * Indexes the clips.
     *
     * @param clips           the fingerprints to look for
     * @param maxBitErrorRate a match's bit error rate is below this (in (0, 0.5))
     * @param minSeconds      a match's aligned non-quiet stretch is at least this long (seconds, > 0)
     */
    public ContentMatcher(List<Fingerprint> clips, double maxBitErrorRate, double minSeconds) {
        checkThresholds(maxBitErrorRate, minSeconds);
        this.index = new FingerprintIndex(clips);
        this.maxBitErrorRate = maxBitErrorRate;
        this.minFrames = (int) Math.ceil(minSeconds / Fingerprint.FRAME_SECONDS);
    }

    /**
     * Checks the thresholds a matcher takes.
     *
     * @throws IllegalArgumentException if {@code maxBitErrorRate} is not in (0, 0.5) or {@code minSeconds} is not > 0
     */
    static void checkThresholds(double maxBitErrorRate, double minSeconds) {
        if (!(maxBitErrorRate > 0 && maxBitErrorRate < 0.5))
            throw new IllegalArgumentException("maximum bit error rate must be in (0, 0.5), got " + maxBitErrorRate);
        if (!(minSeconds > 0)) throw new IllegalArgumentException("minimum overlap must be > 0 s, got " + minSeconds);
    }

    /**
     * The best-matching clip in {@code query}, if any.
     *
     * @param query a fingerprint (e.g. a whole track of a pretraining corpus)
     * @return the match with the lowest bit error rate, or empty if no clip matches
     */
    public Optional<Match> find(Fingerprint query) {
        Map<Long, Integer> votes = new HashMap<>();
        for (int i = 0; i < query.length(); i++) {
            if (query.quiet()[i]) continue;
            int at = i;
            index.lookup(query.words()[i], (clip, frame) -> votes.merge(pair(clip, at - frame), 1, Integer::sum));
        }
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : votes.entrySet()) if (e.getValue() >= MIN_VOTES) ranked.add(e);
        ranked.sort(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Match best = null;
        for (Map.Entry<Long, Integer> e : ranked.subList(0, Math.min(CANDIDATES, ranked.size()))) {
            int clip = (int) (e.getKey() >> 32), offset = (int) (long) e.getKey();
            for (int d = offset - 1; d <= offset + 1; d++) {
                Fingerprint.Alignment a = query.align(index.clips().get(clip), d);
                if (a.frames() < minFrames || !(a.bitErrorRate() < maxBitErrorRate)) continue;
                if (best == null || a.bitErrorRate() < best.bitErrorRate()) best = new Match(clip, d, a.bitErrorRate(), a.frames());
            }
        }
        return Optional.ofNullable(best);
    }

    private static long pair(int clip, int offset) {
        return ((long) clip << 32) | (offset & 0xFFFFFFFFL);
    }
}
