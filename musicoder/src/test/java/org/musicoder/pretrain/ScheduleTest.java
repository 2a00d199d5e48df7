package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.musicoder.model.MusiCoderConfig;

class ScheduleTest {
    static final MusiCoderConfig TINY = MusiCoderConfig.named("tiny");
    static final MusiCoderConfig BASE = MusiCoderConfig.named("base");

    /** Paper 4.2: batch 64, warm-up 8000, 200k steps for Base and 500k for Large, the plain Transformer schedule. */
    @Test
    void paperScheduleIsThePapers() {
        Schedule p = Schedule.paper(BASE);
        assertEquals(200_000, p.steps());
        assertEquals(64, p.batch());
        assertEquals(8000, p.warmup());
        assertEquals(1.0, p.lrScale());
        assertEquals(Crops.MIN_FRAMES, p.minFrames());
        assertEquals(Crops.MAX_FRAMES, p.maxFrames());
        assertFalse(p.positionShift());
        assertEquals(500_000, Schedule.paper(MusiCoderConfig.named("large")).steps());
        assertEquals(p, Schedule.defaults(BASE));
        assertEquals(Schedule.paper(TINY).withSteps(200_000), Schedule.named("paper", TINY));
    }

    @Test
    void smallModelsDefaultToTheCpuSchedule() {
        Schedule s = Schedule.defaults(TINY);
        assertEquals("cpu", s.name());
        assertTrue(s.maxFrames() < Crops.MIN_FRAMES && s.positionShift(), s.toString());
        assertEquals(s, Schedule.named("default", TINY));
        assertEquals("cpu", Schedule.defaults(MusiCoderConfig.named("small")).name());
    }

    /** The peak is where the Transformer schedule turns, at step = warm-up. */
    @Test
    void scaleForPeakPeaksThere() {
        double scale = Schedule.scaleForPeak(2e-3, 64, 250);
        LearningRate lr = new LearningRate(64, 250, scale);
        assertEquals(2e-3, lr.at(250), 1e-15);
        assertTrue(lr.at(249) < lr.at(250) && lr.at(251) < lr.at(250));
        assertEquals(2e-3, Schedule.defaults(TINY).withWarmup(250).withLrScale(scale).peak(64), 1e-15);
        assertTrue(Schedule.defaults(TINY).describe(64).contains("peak lr"));
        Schedule moved = Schedule.defaults(TINY).withWarmupKeepingPeak(50, 64);
        assertEquals(50, moved.warmup());
        assertEquals(Schedule.defaults(TINY).peak(64), moved.peak(64), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> moved.withPeak(-1e-3, 64));
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.named("fast", TINY));
        assertThrows(IllegalArgumentException.class, () -> Schedule.paper(BASE).withSteps(0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.paper(BASE).withCrops(10, 5));
        assertThrows(IllegalArgumentException.class, () -> Crops.parse("10:5"));
        assertThrows(IllegalArgumentException.class, () -> Crops.parse("ten"));
        assertEquals(64, Crops.parse("64:256")[0]);
        assertEquals(100, Crops.parse("100")[1]);
    }
}
