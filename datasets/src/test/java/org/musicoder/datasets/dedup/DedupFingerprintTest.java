package org.musicoder.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musicoder.audio.AudioLoader;
import org.musicoder.datasets.DemoClip;

/**
 * The fingerprint's bit error rate (BER) for the same recording and for unrelated music, on independent encodes
 * (the outside truth: ffmpeg cut the excerpts at the offsets the fixture README gives). Measured when written:
 * same recording 0.000 (FLAC) to 0.049 (2 s of 64 kbit/s MPEG-2 MP3), every offset found to the frame; unrelated
 * music (4418 pairs: demo clips of different tracks, and test30 against each demo clip; the lowest BER over every
 * offset with >= 5 s overlap) 0.430 (two MIDI blues pieces rendered with the same instruments) to 0.487, median
 * 0.474. {@link ContentMatcher#MAX_BIT_ERROR_RATE} = 0.35 sits between, with room on both sides. (Two clips of one
 * track are left out: a piece that repeats a passage verbatim, as MIDI renders and looped game music do, matches
 * itself; the demo corpus has such pairs at 0.12 and 0.22.)
 */
class DedupFingerprintTest {
    private static final int FIVE_SECONDS = (int) Math.ceil(5 / Fingerprint.FRAME_SECONDS);

    /** Worst BER measured for the same recording, over {@link Fixtures#EXCERPTS}. */
    private static double sameRecordingWorst() {
        Fingerprint whole = Fixtures.print("test30.wav");
        double worst = 0;
        for (Map.Entry<String, Double> e : Fixtures.EXCERPTS.entrySet()) {
            double[] best = Fixtures.bestAlignment(whole, Fixtures.print(e.getKey()), 100);
            assertEquals(e.getValue(), best[0] * Fingerprint.FRAME_SECONDS, Fingerprint.FRAME_SECONDS,
                    e.getKey() + ": best offset");
            worst = Math.max(worst, best[1]);
        }
        return worst;
    }

    @Test
    void theSameRecordingReEncodedOrResampledIsFoundAtItsOffsetWithFewBitErrors() {
        Fingerprint whole = Fixtures.print("test30.wav");
        for (Map.Entry<String, Double> e : Fixtures.EXCERPTS.entrySet()) {
            Fingerprint part = Fixtures.print(e.getKey());
            int offset = (int) Math.round(e.getValue() / Fingerprint.FRAME_SECONDS);
            Fingerprint.Alignment a = whole.align(part, offset);
            assertTrue(a.bitErrorRate() < 0.08, e.getKey() + ": BER " + a.bitErrorRate());
            assertEquals(part.length(), a.frames() + quiet(part), e.getKey() + ": every frame of the excerpt is compared");
        }
        // lossless is exact
        assertEquals(0.0, whole.align(Fixtures.print("test30.flac"), 0).bitErrorRate());
    }

    @Test
    void unrelatedMusicDiffersInAboutHalfTheBitsAndTheThresholdSitsInTheGap() {
        List<DemoClip> clips = Fixtures.demoClips();
        List<Double> lowest = new ArrayList<>();
        for (int x = 0; x < clips.size(); x++)
            for (int y = x + 1; y < clips.size(); y++)
                if (!clips.get(x).sourceTrack().equals(clips.get(y).sourceTrack()))
                    lowest.add(Fixtures.lowestBitErrorRate(Fixtures.print(clips.get(x)), Fixtures.print(clips.get(y)),
                            FIVE_SECONDS));
        Fingerprint test30 = Fixtures.print("test30.wav");
        for (DemoClip c : clips) lowest.add(Fixtures.lowestBitErrorRate(test30, Fixtures.print(c), FIVE_SECONDS));
        Collections.sort(lowest);
        assertEquals(4324 + 94, lowest.size());
        double unrelatedBest = lowest.get(0);
        double median = lowest.get(lowest.size() / 2);
        assertTrue(unrelatedBest > 0.40, "lowest BER of unrelated music " + unrelatedBest);
        assertTrue(median > 0.45 && median < 0.5, "median " + median);

        double same = sameRecordingWorst();
        assertTrue(same < 0.08, "worst BER of the same recording " + same);
        double threshold = ContentMatcher.MAX_BIT_ERROR_RATE;
        assertTrue(threshold - same > 0.25, "margin above the same recording: " + (threshold - same));
        assertTrue(unrelatedBest - threshold > 0.05, "margin below unrelated music: " + (unrelatedBest - threshold));
    }

    @Test
    void gainDoesNotChangeTheWordsAndSilenceIsQuiet() throws Exception {
        float[] y = AudioLoader.load(Fixtures.audio("test10_mono22k.wav"), Fingerprint.SAMPLE_RATE, 0, 0).samples();
        float[] soft = y.clone();
        for (int i = 0; i < soft.length; i++) soft[i] *= 0.1f;
        Fingerprint loud = Fingerprint.of(y);
        assertEquals(1 + y.length / Fingerprint.HOP - 1, loud.length());
        assertTrue(loud.align(Fingerprint.of(soft), 0).bitErrorRate() < 0.01);

        Fingerprint silence = Fingerprint.of(new float[3 * Fingerprint.SAMPLE_RATE]);
        assertEquals(0, quiet(silence) - silence.length(), "all frames quiet");
        Fingerprint.Alignment a = silence.align(silence, 0);
        assertEquals(0, a.frames());
        assertTrue(Double.isNaN(a.bitErrorRate()));
        // so silence never matches silence, nor anything else
        assertEquals(0, loud.align(silence, 0).frames());
        assertEquals(0, Fingerprint.of(new float[Fingerprint.HOP - 1]).length());
    }

    private static int quiet(Fingerprint f) {
        int n = 0;
        for (boolean q : f.quiet()) if (q) n++;
        return n;
    }
}
