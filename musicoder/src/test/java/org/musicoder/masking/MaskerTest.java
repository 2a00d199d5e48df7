package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskerTest {
    static final int DIMS = 324;
    static final int[] LENGTHS = {0, 1, 2, 5, 6, 40, 300, 1600};

    /** A padded batch: clip i has LENGTHS[i] frames of nonzero values, then zero padding up to 1600 rows. */
    static float[][][] batch() {
        float[][][] b = new float[LENGTHS.length][1600][DIMS];
        for (int i = 0; i < b.length; i++) {
            for (int t = 0; t < LENGTHS[i]; t++) {
                for (int d = 0; d < DIMS; d++) b[i][t][d] = 1 + i + 0.001f * t + 1e-6f * d;
            }
        }
        return b;
    }

    /** Everything observable of a batch result, to compare runs. */
    static List<Object> summary(List<Masked> masked) {
        List<Object> out = new ArrayList<>();
        for (Masked m : masked) {
            out.add(m.spans());
            out.add(m.channels());
            out.add(List.of(m.input()).stream().map(java.util.Arrays::toString).toList());
        }
        return out;
    }

    @Test
    void sameSeedSameDrawsOtherSeedOtherDraws() {
        Masker masker = new Masker(Objective.CFM_CCM, Ccm.PAPER);
        float[][][] b = batch();
        List<Object> first = summary(masker.maskBatch(b, LENGTHS, new MaskRng(99)));
        assertEquals(first, summary(masker.maskBatch(b, LENGTHS, new MaskRng(99))));
        List<Object> other = summary(masker.maskBatch(b, LENGTHS, new MaskRng(100)));
        for (int i = 5; i < LENGTHS.length; i++) assertNotEquals(first.get(3 * i), other.get(3 * i), "spans of clip " + i);
    }

    /** A run restored from a saved state continues exactly like the uninterrupted one. */
    @Test
    void savedStateResumesIdentically() {
        Masker masker = new Masker(Objective.CFM_CCM, new Ccm(0.2, Ccm.Band.SPECTRA));
        float[][][] b = batch();
        MaskRng run = new MaskRng(4);
        for (int step = 0; step < 3; step++) masker.maskBatch(b, LENGTHS, run);
        long checkpoint = run.state();
        List<Object> uninterrupted = new ArrayList<>();
        for (int step = 0; step < 2; step++) uninterrupted.add(summary(masker.maskBatch(b, LENGTHS, run)));
        MaskRng resumed = new MaskRng(checkpoint);
        List<Object> again = new ArrayList<>();
        for (int step = 0; step < 2; step++) again.add(summary(masker.maskBatch(b, LENGTHS, resumed)));
        assertEquals(uninterrupted, again);
    }

    /** CFM then CCM: block zero on every unpadded frame, loss = union, padding untouched and never in the loss. */
    @Test
    void combinedIsTheUnionAndLeavesPaddingAlone() {
        float[][][] b = batch();
        for (int rep = 0; rep < 20; rep++) {
            List<Masked> all = new Masker(Objective.CFM_CCM, Ccm.PAPER).maskBatch(b, LENGTHS, new MaskRng(rep));
            for (int i = 0; i < all.size(); i++) {
                Masked m = all.get(i);
                ChannelBlock block = m.channels().orElseThrow();
                assertEquals(LENGTHS[i], m.frames());
                CfmTest.assertStructure(m.frames(), m.spans());
                boolean[][] loss = m.lossMask();
                long cells = 0;
                for (int t = 0; t < 1600; t++) {
                    boolean padded = t >= m.frames();
                    if (padded) assertArrayEquals(b[i][t], m.input()[t], "clip " + i + " padded row " + t);
                    for (int d = 0; d < DIMS; d++) {
                        boolean expected = !padded && (m.chosen(t) || block.contains(d));
                        assertEquals(expected, loss[t][d], "clip " + i + " cell " + t + "," + d);
                        assertEquals(expected, m.inLoss(t, d));
                        if (expected) cells++;
                        if (!padded && block.contains(d)) assertEquals(0f, m.input()[t][d]);
                        if (!padded && !m.chosen(t) && !block.contains(d)) assertEquals(b[i][t][d], m.input()[t][d]);
                    }
                }
                assertEquals(cells, m.lossCells());
            }
            assertFalse(all.get(0).chosen(0));
            assertEquals(0, all.get(0).lossCells(), "all-padding clip");
        }
    }

    @Test
    void singleObjectives() {
        float[][][] b = batch();
        for (Masked m : new Masker(Objective.CFM, Ccm.PAPER).maskBatch(b, LENGTHS, new MaskRng(1))) {
            assertTrue(m.channels().isEmpty());
            assertEquals((long) DIMS * m.spans().stream().mapToInt(Span::length).sum(), m.lossCells());
        }
        for (Masked m : new Masker(Objective.CCM, Ccm.PAPER).maskBatch(b, LENGTHS, new MaskRng(1))) {
            assertEquals(List.of(), m.spans());
            assertEquals((long) m.frames() * m.channels().orElseThrow().width(), m.lossCells());
        }
        assertTrue(java.util.Arrays.deepEquals(batch(), b), "the input batch was modified");
    }

    @Test
    void objectiveNamesAndBadInput() {
        assertEquals(Objective.CFM, Objective.parse("cfm"));
        assertEquals(Objective.CCM, Objective.parse("ccm"));
        assertEquals(Objective.CFM_CCM, Objective.parse("cfm+ccm"));
        assertEquals("cfm+ccm", Objective.CFM_CCM.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Objective.parse("mlm"));
        assertTrue(e.getMessage().contains("'mlm'"));
        Masker masker = new Masker(Objective.CFM, Ccm.PAPER);
        assertThrows(IllegalArgumentException.class, () -> masker.mask(new float[3][4], 4, new MaskRng(0)));
        assertThrows(IllegalArgumentException.class, () -> masker.mask(new float[0][4], 0, new MaskRng(0)));
        assertThrows(IllegalArgumentException.class, () -> masker.maskBatch(new float[2][3][4], new int[1], new MaskRng(0)));
    }
}
