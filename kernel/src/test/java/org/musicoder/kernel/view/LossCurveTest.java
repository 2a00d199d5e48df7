package org.musicoder.kernel.view;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.pretrain.StepResult;
import org.musicoder.pretrain.TrainLog;
import tech.tablesaw.plotly.components.Figure;

class LossCurveTest {
    @Test
    void readsWhatTheTrainerLogged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(TrainLog.FILE);
        List<StepResult> steps = List.of(new StepResult(1, 0.91f, 1e-6, 10), new StepResult(2, 0.83f, 2e-6, 12),
                new StepResult(3, 0.7771f, 3.5e-6, 9));
        try (TrainLog log = TrainLog.open(file, 0)) {
            for (StepResult s : steps) log.append(s, s.step() * 0.5);
        }
        LossCurve c = LossCurve.read(file, "run");
        assertEquals(3, c.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(steps.get(i).step(), c.points().get(i).step());
            assertEquals(steps.get(i).loss(), c.points().get(i).loss(), 1e-7);
            assertEquals(steps.get(i).lr(), c.points().get(i).lr(), 0);
        }
        assertEquals(List.of(2L, 3L), c.table(2).longColumn("step").asList());
    }

    @Test
    void aBadLogLineIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"step\":1,\"loss\":0.5,\"lr\":0.001,\"time_s\":1.0}\nnot json\n");
        IOException e = assertThrows(IOException.class, () -> LossCurve.read(file, "run"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void lossOnTheLeftLearningRateOnASecondAxisGrowingAsStepsArrive() {
        LossCurve c = new LossCurve("run");
        Figure empty = c.figure();
        assertEquals(0, Figures.trace(empty, 0).getAsJsonArray("x").size());
        for (int s = 1; s <= 10; s++) c.add(new StepResult(s, 1f / s, s * 1e-5, 1));
        Figure f = c.figure();
        JsonObject json = Figures.json(f);
        assertEquals(10, Figures.trace(f, 0).getAsJsonArray("x").size());
        assertEquals("y2", Figures.trace(f, 1).get("yaxis").getAsString());
        JsonObject y2 = json.getAsJsonObject("layout").getAsJsonObject("yaxis2");
        assertEquals("y", y2.get("overlaying").getAsString());
        assertEquals("right", y2.get("side").getAsString());
        assertEquals("run, step 10, loss 0.1000", Figures.title(f));
    }

    @Test
    void longRunsDrawEveryKthStepAndTheLast() {
        LossCurve c = new LossCurve("run");
        for (int s = 1; s <= 5001; s++) c.add(s, 1.0 / s, 1e-4);
        Figure f = c.figure();
        double[] x = Figures.numbers(Figures.trace(f, 0).getAsJsonArray("x"));
        assertTrue(x.length <= LossCurve.MAX_POINTS + 1, "points drawn: " + x.length);
        assertEquals(1, x[0]);
        assertEquals(4, x[1]);
        assertEquals(5001, x[x.length - 1]);
        assertTrue(Figures.title(f).endsWith("(1 step in 3 drawn)"), Figures.title(f));
    }
}
