package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CfmTest {
    @Test
    void budgetIsCeilOf15Percent() {
        int[][] cases = {{0, 0}, {1, 1}, {6, 1}, {7, 2}, {20, 3}, {100, 15}, {101, 16}, {1600, 240}};
        for (int[] c : cases) assertEquals(c[1], Cfm.budget(c[0]), "budget of " + c[0] + " frames");
    }

    /** Spans inside the clip, disjoint, stop as soon as the budget is reached, RANDOM sources valid. */
    static void assertStructure(int frames, List<Span> spans) {
        boolean[] taken = new boolean[frames];
        int chosen = 0;
        for (Span s : spans) {
            assertTrue(s.end() <= frames, "span " + s + " past the " + frames + " unpadded frames");
            assertTrue(s.length() <= SpanLength.MAX, "span " + s + " too long");
            for (int t = s.start(); t < s.end(); t++) {
                assertTrue(!taken[t], "frame " + t + " chosen twice in " + spans);
                taken[t] = true;
            }
            assertTrue(chosen < Cfm.budget(frames), "span drawn after the budget was reached: " + spans);
            chosen += s.length();
            if (s.action() == SpanAction.RANDOM) {
                assertTrue(s.source() + s.length() <= frames, "source of " + s + " past the end");
                boolean disjoint = s.source() + s.length() <= s.start() || s.source() >= s.end();
                boolean room = s.start() >= s.length() || frames - s.end() >= s.length();
                assertTrue(disjoint || !room, "source overlaps its span although " + frames + " frames leave room: " + s);
            }
        }
        assertTrue(chosen >= Cfm.budget(frames), "budget not reached: " + spans);
    }

    /**
     * 20,000 clips of 15..400 frames (never shortened), ~170k spans: length distribution and mean, the 70/20/10
     * actions, and starts and RANDOM sources uniform over their candidates (sum of rank deviations over its standard
     * deviation, a discrete uniform on n values having variance (n^2 - 1) / 12).
     */
    @Test
    void spanStatisticsOverManyClips() {
        MaskRng rng = new MaskRng(11);
        SplittableRandom sizes = new SplittableRandom(12);
        long[] lengths = new long[6];
        long[] actions = new long[3];
        long spans = 0;
        long lengthSum = 0;
        double startDeviation = 0; // sum of (rank - mean rank) of each start among the free starts
        double startVariance = 0;
        double rankDeviation = 0; // sum of (rank - mean rank) of each RANDOM source among its valid sources
        double rankVariance = 0;
        for (int i = 0; i < 20_000; i++) {
            int frames = 15 + sizes.nextInt(386);
            List<Span> drawn = Cfm.draw(frames, rng);
            assertStructure(frames, drawn);
            boolean[] taken = new boolean[frames];
            for (Span s : drawn) {
                // the start's rank among the starts whose span lies on frames not taken by earlier spans
                int free = 0;
                int startRank = -1;
                for (int start = 0; start + s.length() <= frames; start++) {
                    boolean ok = true;
                    for (int t = start; t < start + s.length(); t++) ok &= !taken[t];
                    if (ok) {
                        if (start == s.start()) startRank = free;
                        free++;
                    }
                }
                startDeviation += startRank - (free - 1) / 2.0;
                startVariance += ((double) free * free - 1) / 12;
                for (int t = s.start(); t < s.end(); t++) taken[t] = true;
                lengths[s.length() - 2]++;
                lengthSum += s.length();
                actions[s.action().ordinal()]++;
                spans++;
                if (s.action() == SpanAction.RANDOM) {
                    // candidates: starts disjoint from the span, or every start if there is none
                    boolean room = s.start() >= s.length() || frames - s.end() >= s.length();
                    int valid = 0;
                    int rank = -1;
                    for (int src = 0; src + s.length() <= frames; src++) {
                        if (!room || src + s.length() <= s.start() || src >= s.end()) {
                            if (src == s.source()) rank = valid;
                            valid++;
                        }
                    }
                    assertTrue(rank >= 0, "source of " + s + " is not a candidate start");
                    rankDeviation += rank - (valid - 1) / 2.0;
                    rankVariance += ((double) valid * valid - 1) / 12;
                }
            }
        }
        double[] p = new double[6];
        double mean = 0;
        double meanSq = 0;
        for (int l = 2; l <= 7; l++) {
            p[l - 2] = SpanLengthTest.exactProbability(l);
            mean += l * p[l - 2];
            meanSq += l * l * p[l - 2];
        }
        double x2 = Stats.assertFits("CFM span lengths", lengths, p);
        double measured = (double) lengthSum / spans;
        double se = Math.sqrt((meanSq - mean * mean) / spans);
        assertEquals(mean, measured, Stats.Z * se, "mean span length");
        double[] split = {0.7, 0.2, 0.1};
        for (SpanAction a : SpanAction.values()) {
            Stats.assertBinomial("action " + a, actions[a.ordinal()], spans, split[a.ordinal()]);
        }
        double x2a = Stats.assertFits("CFM actions", actions, split);
        double zStart = startDeviation / Math.sqrt(startVariance);
        assertTrue(Math.abs(zStart) <= Stats.Z, "starts not uniform over the free starts: z = " + zStart);
        double zSource = rankDeviation / Math.sqrt(rankVariance);
        assertTrue(Math.abs(zSource) <= Stats.Z, "RANDOM sources not uniform: z = " + zSource);
        System.out.printf("CFM: %d spans, mean length %.4f (exact %.4f, se %.4f), length chi-square %.2f (df 5); "
                        + "actions %.4f/%.4f/%.4f, chi-square %.2f (df 2); start rank z %.2f; source rank z %.2f%n",
                spans, measured, mean, se, x2, (double) actions[0] / spans, (double) actions[1] / spans,
                (double) actions[2] / spans, x2a, zStart, zSource);
    }

    /**
     * 300,000 clips of 20 frames: every span's start is uniform over the starts free of earlier spans, every RANDOM
     * source uniform over its candidates (disjoint starts, or all if none), tested per candidate count (every
     * expected cell count is above 98 with this seed).
     */
    @Test
    void startsAndSourcesAreUniformInShortClips() {
        MaskRng rng = new MaskRng(13);
        int frames = 20;
        Map<Integer, long[]> starts = new TreeMap<>();
        Map<Integer, long[]> sources = new TreeMap<>();
        for (int i = 0; i < 300_000; i++) {
            boolean[] taken = new boolean[frames];
            for (Span s : Cfm.draw(frames, rng)) {
                List<Integer> free = new ArrayList<>();
                for (int start = 0; start + s.length() <= frames; start++) {
                    boolean ok = true;
                    for (int t = start; t < start + s.length(); t++) ok &= !taken[t];
                    if (ok) free.add(start);
                }
                starts.computeIfAbsent(free.size(), n -> new long[n])[free.indexOf(s.start())]++;
                for (int t = s.start(); t < s.end(); t++) taken[t] = true;
                if (s.action() == SpanAction.RANDOM) {
                    List<Integer> candidates = new ArrayList<>();
                    for (int src = 0; src + s.length() <= frames; src++) {
                        if (src + s.length() <= s.start() || src >= s.end()) candidates.add(src);
                    }
                    if (candidates.isEmpty()) {
                        for (int src = 0; src + s.length() <= frames; src++) candidates.add(src);
                    }
                    sources.computeIfAbsent(candidates.size(), n -> new long[n])[candidates.indexOf(s.source())]++;
                }
            }
        }
        double x2s = Stats.assertConditionallyUniform("span starts", starts);
        double x2r = Stats.assertConditionallyUniform("RANDOM sources", sources);
        System.out.printf("CFM 20-frame clips: start chi-square %.1f (df %d), source chi-square %.1f (df %d)%n",
                x2s, df(starts), x2r, df(sources));
    }

    private static int df(Map<Integer, long[]> ranks) {
        return ranks.values().stream().mapToInt(c -> c.length - 1).sum();
    }

    /** Every clip length 0..400, 20 draws each: structure; 2,000 clips of 1600 frames: chosen fraction. */
    @Test
    void budgetOverAllLengths() {
        MaskRng rng = new MaskRng(5);
        for (int frames = 0; frames <= 400; frames++) {
            for (int k = 0; k < 20; k++) assertStructure(frames, Cfm.draw(frames, rng));
        }
        long chosen = 0;
        int clips = 2000;
        for (int k = 0; k < clips; k++) {
            List<Span> spans = Cfm.draw(1600, rng);
            int c = spans.stream().mapToInt(Span::length).sum();
            assertTrue(c >= 240 && c <= 246, "1600 frames: " + c + " chosen");
            chosen += c;
        }
        System.out.printf("CFM: 1600-frame clips choose %.5f of their frames on average (budget 0.15)%n",
                (double) chosen / clips / 1600);
    }

    /** Clips shorter than 7 frames: one span; a drawn length longer than the clip is shortened to the clip. */
    @Test
    void shortClips() {
        MaskRng rng = new MaskRng(8);
        assertEquals(List.of(), Cfm.draw(0, rng));
        for (int k = 0; k < 100; k++) {
            List<Span> one = Cfm.draw(1, rng);
            assertEquals(1, one.size());
            assertEquals(0, one.get(0).start());
            assertEquals(1, one.get(0).length());
            List<Span> two = Cfm.draw(2, rng);
            assertEquals(1, two.size());
            assertEquals(0, two.get(0).start());
            assertEquals(2, two.get(0).length());
        }
        int n = 100_000;
        for (int frames = 3; frames <= 6; frames++) {
            long[] counts = new long[frames - 1];
            double[] p = new double[frames - 1];
            for (int l = 2; l <= 7; l++) p[Math.min(l, frames) - 2] += SpanLengthTest.exactProbability(l);
            for (int k = 0; k < n; k++) {
                List<Span> spans = Cfm.draw(frames, rng);
                assertEquals(1, spans.size(), frames + " frames: " + spans);
                counts[spans.get(0).length() - 2]++;
            }
            Stats.assertFits(frames + "-frame clip span lengths", counts, p);
        }
    }

    /** ZERO spans are 0, RANDOM spans hold the original source frames, everything else (and padding) is unchanged. */
    @Test
    void applyFollowsTheActions() {
        MaskRng rng = new MaskRng(21);
        int rows = 60;
        int dims = 5;
        float[][] clip = new float[rows][dims];
        for (int t = 0; t < rows; t++) {
            for (int d = 0; d < dims; d++) clip[t][d] = 1000 * t + d + 1;
        }
        for (int frames : new int[] {1, 2, 3, 9, 14, 50}) {
            for (int k = 0; k < 200; k++) {
                List<Span> spans = Cfm.draw(frames, rng);
                float[][] out = new float[rows][];
                for (int t = 0; t < rows; t++) out[t] = clip[t].clone();
                Cfm.apply(clip, spans, out);
                float[][] expected = new float[rows][];
                for (int t = 0; t < rows; t++) expected[t] = clip[t].clone();
                for (Span s : spans) {
                    for (int j = 0; j < s.length(); j++) {
                        expected[s.start() + j] = switch (s.action()) {
                            case ZERO -> new float[dims];
                            case RANDOM -> clip[s.source() + j].clone();
                            case KEEP -> clip[s.start() + j].clone();
                        };
                    }
                }
                for (int t = 0; t < rows; t++) assertArrayEquals(expected[t], out[t], frames + " frames, row " + t);
            }
        }
    }
}
