package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateTest {
    @Test
    void followsTheWarmUpFormula() {
        LearningRate lr = new LearningRate(768, 8000);
        // hand-computed: 768^-0.5 * min(step^-0.5, step * 8000^-1.5)
        assertEquals(0.036084391824351615 * 1 / 715541.7527999327, lr.at(1), 1e-18);
        assertEquals(0.036084391824351615 * 4000 / 715541.7527999327, lr.at(4000), 1e-15);
        double peak = 1 / Math.sqrt(768.0 * 8000); // (H * warmup)^-0.5 at step = warmup
        assertEquals(peak, lr.at(8000), 1e-15);
        assertEquals(0.036084391824351615 / Math.sqrt(32000), lr.at(32000), 1e-15);
        assertEquals(lr.at(8000) / 2, lr.at(32000), 1e-15, "decays as step^-0.5 after warm-up");
        LearningRate tiny = new LearningRate(64, 100);
        assertEquals(0.125 * 0.001, tiny.at(1), 1e-15);
        assertEquals(0.125 / 10, tiny.at(100), 1e-15);
        assertEquals(0.125 / 20, tiny.at(400), 1e-15);
    }

    @Test
    void scaleMultipliesTheWholeSchedule() {
        LearningRate lr = new LearningRate(64, 2000, 0.1);
        // hand-computed: 0.1 * 64^-0.5 * min(step^-0.5, step * 2000^-1.5); 2000^1.5 = 89442.71909999159
        assertEquals(0.1 * 0.125 * 1 / 89442.71909999159, lr.at(1), 1e-18);
        assertEquals(0.1 * 0.125 * 1000 / 89442.71909999159, lr.at(1000), 1e-15);
        assertEquals(0.1 / Math.sqrt(64.0 * 2000), lr.at(2000), 1e-15);
        assertEquals(0.1 * 0.125 / Math.sqrt(8000), lr.at(8000), 1e-15);
        LearningRate paper = new LearningRate(64, 2000);
        for (long step : new long[] {1, 7, 1999, 2000, 2001, 123456})
            assertEquals(0.1 * paper.at(step), lr.at(step), 1e-18, "step " + step);
        assertEquals(1.0, paper.scale());
        assertEquals(lr, PretrainOptions.paper(org.musicoder.masking.Objective.CFM, 0).withWarmup(2000).withLrScale(0.1).schedule(64));
    }

    @Test
    void rejectsStepZeroAndBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(64, 100).at(0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(0, 100));
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(64, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(64, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(64, 100, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(64, 100, Double.POSITIVE_INFINITY));
    }
}
