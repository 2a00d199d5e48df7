package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.finetune.Grid;
import org.musicoder.masking.Objective;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Schedule;

/** The demo and paper scales: schedules, seeds, the options the CLI and the magics share. */
class AblationScaleTest {
    @Test
    void demoPretrainsWithTheCpuScheduleOverThreeSeeds() {
        AblationScale demo = AblationScale.demo();
        assertEquals(List.of(0L, 1L, 2L), demo.seeds());
        assertEquals(300, demo.pretrainSteps());
        for (MusiCoderConfig c : List.of(demo.base(), demo.large())) {
            Schedule s = demo.schedule(c);
            assertEquals("cpu", s.name(), c.name());
            assertEquals(300, s.steps());
            assertEquals(16, s.batch());
            assertEquals(300, s.warmup());
            assertEquals(64, s.minFrames());
            assertEquals(256, s.maxFrames());
            assertTrue(s.cropCmvn() && s.positionShift());
            assertEquals(1e-3, s.peak(c.hidden()), 1e-12);
            PretrainOptions o = demo.pretrainOptions(Objective.CFM, c, 2);
            assertEquals(2, o.seed());
            assertEquals(Objective.CFM, o.objective());
            assertEquals(16, o.batch());
            assertTrue(o.cropCmvn());
        }
        assertEquals("tiny", demo.base().name());
        assertEquals(4, demo.large().layers());
        assertEquals(431, demo.cmvnPieceFrames()); // pieces of 10 s, as pretrain --data debian-music cuts them
        assertEquals(Grid.SMALL, demo.grid());
        assertTrue(demo.describe().contains("schedule cpu: 300 steps, batch 16"), demo.describe());
        assertTrue(demo.describe().endsWith("seeds 0, 1, 2"), demo.describe());
    }

    @Test
    void paperScaleIsOneSeedWithThePapersSchedule() {
        AblationScale paper = AblationScale.paper(1000);
        assertEquals(List.of(0L), paper.seeds());
        Schedule s = paper.schedule(paper.large());
        assertEquals("paper", s.name());
        assertEquals(1000, s.steps()); // not the paper's 500k for large: the caller's budget
        assertEquals(64, s.batch());
        assertEquals(8000, s.warmup());
        assertEquals(PretrainOptions.paper(Objective.CFM_CCM, 0), paper.pretrainOptions(Objective.CFM_CCM, paper.base(), 0));
        assertEquals(1508, paper.cmvnPieceFrames());
    }

    @Test
    void seedsAreACountOrAList() {
        assertEquals(List.of(0L, 1L, 2L), AblationScale.parseSeeds("3"));
        assertEquals(List.of(0L), AblationScale.parseSeeds("1"));
        assertEquals(List.of(4L, 2L, 9L), AblationScale.parseSeeds("4, 2,9"));
        assertEquals(List.of(7L), AblationScale.parseSeeds("7,"));
        for (String bad : List.of("0", "-2", "1,1", "a", "1,-3", "1.5"))
            assertThrows(IllegalArgumentException.class, () -> AblationScale.parseSeeds(bad), bad);
    }

    @Test
    void optionsOverrideTheScale() {
        AblationScale s = AblationScale.of(true, 20L, "batch=16;lr=1e-3;epochs=1;dropout=0.1", 1, "5,6");
        assertEquals("demo", s.name());
        assertEquals(20, s.pretrainSteps());
        assertEquals(20, s.schedule(s.base()).steps());
        assertEquals(1, s.grid().points().size());
        assertEquals(1, s.folds());
        assertEquals(List.of(5L, 6L), s.seeds());
        assertEquals(AblationScale.demo(), AblationScale.of(true, null, null, null, null));
        assertEquals(List.of(0L, 1L), AblationScale.of(false, 10L, null, null, "2").seeds());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AblationScale.of(false, null, null, null, null))
                .getMessage().contains("--pretrain-steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AblationScale.of(true, 0L, null, null, null))
                .getMessage().contains("--pretrain-steps must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AblationScale.of(true, null, null, 0, null))
                .getMessage().contains("--folds must be >= 1"));
    }
}
