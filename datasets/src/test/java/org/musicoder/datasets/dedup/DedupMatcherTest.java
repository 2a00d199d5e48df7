package org.musicoder.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musicoder.datasets.DemoClip;

/** {@link ContentMatcher}: index lookup, offset votes and verification, on the fixtures and the demo clips. */
class DedupMatcherTest {
    /** The fixture's clip among unrelated ones (the demo clips), so that the matcher has to pick it out. */
    private static List<Fingerprint> amongDemoClips(String fixture) {
        List<Fingerprint> clips = new ArrayList<>();
        for (DemoClip c : Fixtures.demoClips().subList(0, 20)) clips.add(Fixtures.print(c));
        clips.add(7, Fixtures.print(fixture));
        return clips;
    }

    @Test
    void anExcerptIsFoundAtItsOffsetInsideALongerFileOfAnotherCodecAndRate() {
        // downstream: GTZAN-style 22.05 kHz AU of 3-11 s; corpus file: the whole 30 s as 44.1 kHz stereo MP3
        ContentMatcher m = new ContentMatcher(amongDemoClips("gtzan22k.au"));
        ContentMatcher.Match found = m.find(Fixtures.print("test30.mp3")).orElseThrow();
        assertEquals(7, found.clip());
        assertEquals(3.0, found.offsetSeconds(), Fingerprint.FRAME_SECONDS);
        assertTrue(found.bitErrorRate() < 0.08, "BER " + found.bitErrorRate());
        assertTrue(found.frames() * Fingerprint.FRAME_SECONDS > 7.9, "compared " + found.frames() + " frames");

        // 48 kHz 24-bit excerpt at the start, found in the Vorbis file
        found = new ContentMatcher(amongDemoClips("w48k_s24.wav")).find(Fixtures.print("test30.ogg")).orElseThrow();
        assertEquals(7, found.clip());
        assertEquals(0.0, found.offsetSeconds(), Fingerprint.FRAME_SECONDS);
    }

    @Test
    void aCorpusFileThatIsAnExcerptOfADownstreamClipHasANegativeOffset() {
        // downstream: the whole 30 s as FLAC; corpus file: 3-11 s as 22.05 kHz AU
        ContentMatcher.Match found = new ContentMatcher(amongDemoClips("test30.flac")).find(Fixtures.print("gtzan22k.au"))
                .orElseThrow();
        assertEquals(7, found.clip());
        assertEquals(-3.0, found.offsetSeconds(), Fingerprint.FRAME_SECONDS);
        assertTrue(found.bitErrorRate() < 0.08, "BER " + found.bitErrorRate());
        // 10-15 s as unsigned 8-bit mono, in the Vorbis file (5 s long: allow 4 s of overlap)
        found = new ContentMatcher(amongDemoClips("test30.ogg"), ContentMatcher.MAX_BIT_ERROR_RATE, 4)
                .find(Fixtures.print("u8_mono.wav")).orElseThrow();
        assertEquals(7, found.clip());
        assertEquals(-10.0, found.offsetSeconds(), Fingerprint.FRAME_SECONDS);
    }

    @Test
    void unrelatedMusicIsNotFound() {
        List<DemoClip> demo = Fixtures.demoClips();
        List<Fingerprint> a = new ArrayList<>();
        for (DemoClip c : demo) if (c.id().endsWith("-a")) a.add(Fixtures.print(c));
        ContentMatcher m = new ContentMatcher(a);
        assertEquals(Optional.empty(), m.find(Fixtures.print("test30.wav")));
        assertEquals(Optional.empty(), m.find(Fixtures.print("test30.mp3")));
        int found = 0;
        for (DemoClip c : demo) {
            Optional<ContentMatcher.Match> match = m.find(Fixtures.print(c));
            if (c.id().endsWith("-a")) {
                // itself: exact, at offset 0
                ContentMatcher.Match self = match.orElseThrow();
                assertEquals(0.0, self.bitErrorRate());
                assertEquals(0, self.offset());
                found++;
            } else if (match.isPresent()) {
                // a b clip may only match the a clip of its own track (a passage the piece repeats)
                DemoClip other = demo.stream().filter(d -> d.id().endsWith("-a")).toList().get(match.get().clip());
                assertEquals(c.sourceTrack(), other.sourceTrack(), c.id() + " matched " + other.id());
            }
        }
        assertEquals(47, found);
    }

    @Test
    void anOverlapShorterThanTheMinimumIsNotAMatch() {
        // 2 s of MP3 at 5 s: too short for the default 5 s, found when 1.5 s suffice
        List<Fingerprint> clips = List.of(Fixtures.print("test30.wav"));
        assertEquals(Optional.empty(), new ContentMatcher(clips).find(Fixtures.print("mp3/xing.mp3")));
        ContentMatcher.Match found = new ContentMatcher(clips, ContentMatcher.MAX_BIT_ERROR_RATE, 1.5)
                .find(Fixtures.print("mp3/xing.mp3")).orElseThrow();
        assertEquals(-5.0, found.offsetSeconds(), Fingerprint.FRAME_SECONDS);
    }

    @Test
    void votesOnlyNominateTheBitErrorRateDecides() {
        // a clip of random words, and copies with every 10th word exact (so the offset gets votes) and each bit of
        // the others flipped with probability p
        java.util.Random random = new java.util.Random(7);
        int[] words = random.ints(1000).toArray();
        ContentMatcher m = new ContentMatcher(List.of(new Fingerprint(words, new boolean[words.length])));
        for (double p : new double[]{0.2, 0.3, 0.4, 0.5}) {
            int[] copy = new int[200 + words.length];
            for (int i = 0; i < 200; i++) copy[i] = random.nextInt();
            for (int j = 0; j < words.length; j++) {
                int flips = 0;
                for (int b = 0; b < 32 && j % 10 != 0; b++) if (random.nextDouble() < p) flips |= 1 << b;
                copy[200 + j] = words[j] ^ flips;
            }
            Optional<ContentMatcher.Match> found = m.find(new Fingerprint(copy, new boolean[copy.length]));
            double ber = 0.9 * p;
            assertEquals(ber < ContentMatcher.MAX_BIT_ERROR_RATE, found.isPresent(), "p = " + p);
            found.ifPresent(f -> {
                assertEquals(200, f.offset());
                assertEquals(ber, f.bitErrorRate(), 0.01);
            });
        }
    }

    @Test
    void badThresholdsAreRefused() {
        List<Fingerprint> none = List.of();
        assertThrows(IllegalArgumentException.class, () -> new ContentMatcher(none, 0.5, 5));
        assertThrows(IllegalArgumentException.class, () -> new ContentMatcher(none, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ContentMatcher(none, 0.3, 0));
        assertEquals(Optional.empty(), new ContentMatcher(none).find(Fixtures.print("test30.wav")));
    }

    @Test
    void theIndexNamesClipAndFrameSkipsQuietFramesAndTooCommonWords() {
        Fingerprint a = new Fingerprint(new int[]{5, 7, 5, Integer.MIN_VALUE}, new boolean[4]);
        Fingerprint empty = new Fingerprint(new int[0], new boolean[0]);
        Fingerprint b = new Fingerprint(new int[]{5, 9, -1}, new boolean[]{true, false, false});
        int[] common = new int[FingerprintIndex.MAX_POSTINGS + 1];
        java.util.Arrays.fill(common, 3);
        FingerprintIndex index = new FingerprintIndex(
                List.of(a, empty, b, new Fingerprint(common, new boolean[common.length])));
        assertEquals(List.of("0@0", "0@2"), postings(index, 5));
        assertEquals(List.of("2@1"), postings(index, 9));
        assertEquals(List.of("2@2"), postings(index, -1));
        assertEquals(List.of("0@3"), postings(index, Integer.MIN_VALUE));
        assertEquals(List.of(), postings(index, 4));
        assertEquals(List.of(), postings(index, 3), "a word in more than MAX_POSTINGS frames");
    }

    private static List<String> postings(FingerprintIndex index, int word) {
        List<String> out = new ArrayList<>();
        index.lookup(word, (clip, frame) -> out.add(clip + "@" + frame));
        return out;
    }
}
