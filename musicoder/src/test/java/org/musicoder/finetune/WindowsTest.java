package org.musicoder.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The window rule, checked on hand-computed cases. */
class WindowsTest {
    @Test
    void shortClipsAreOneWindow() {
        assertArrayEquals(new int[] {0}, Windows.starts(1, 1600));
        assertArrayEquals(new int[] {0}, Windows.starts(1600, 1600));
    }

    @Test
    void longClipsGetEvenlySpreadFullWindows() {
        // 1601 frames: ceil(1601/1600) = 2 windows, starts 0 and 1
        assertArrayEquals(new int[] {0, 1}, Windows.starts(1601, 1600));
        // 4000 frames: 3 windows, starts 0, 1200, 2400 (= 4000 - 1600)
        assertArrayEquals(new int[] {0, 1200, 2400}, Windows.starts(4000, 1600));
        // 10 frames, window 4: 3 windows, starts floor(i * 6 / 2) = 0, 3, 6
        assertArrayEquals(new int[] {0, 3, 6}, Windows.starts(10, 4));
        // 9 frames, window 4: 3 windows, starts floor(i * 5 / 2) = 0, 2, 5
        assertArrayEquals(new int[] {0, 2, 5}, Windows.starts(9, 4));
    }

    @Test
    void windowsHoldTheClipsRows() {
        float[][] clip = new float[10][];
        for (int i = 0; i < 10; i++) clip[i] = new float[] {i};
        List<float[][]> w = Windows.of(clip, 4);
        assertEquals(3, w.size());
        for (float[][] x : w) assertEquals(4, x.length);
        assertSame(clip[6], w.get(2)[0]);
        assertSame(clip[9], w.get(2)[3]);
        assertEquals(1, Windows.of(clip, 10).size());
    }

    @Test
    void predictionIsTheMeanOfTheWindowsProbabilities() {
        double[] mean = Windows.average(List.of(new double[] {0.5, 0.5}, new double[] {0.9, 0.1}, new double[] {0.1, 0.9}));
        assertArrayEquals(new double[] {0.5, 0.5}, mean, 1e-15);
        assertArrayEquals(new double[] {0.2, 0.8}, Windows.average(List.of(new double[] {0.2, 0.8})), 0);
    }
}
