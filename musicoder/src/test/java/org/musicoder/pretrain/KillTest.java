package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.model.Engines;

/**
 * kill -9 at random moments of a run that writes a checkpoint after every step: the checkpoint left behind
 * always loads, and the run resumed after every kill ends with the losses of an uninterrupted run.
 */
class KillTest {
    @Test
    void killsDuringCheckpointWritesLeaveTheOldOrTheNewCheckpointWhole(@TempDir Path out) throws Exception {
        Random random = new Random(7);
        Path log = out.resolveSibling("save-loop.log");
        int partial = 0;
        for (int k = 0; k < 5; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KillChild.class.getName(), out.toString(), "save-loop")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(log).contains("saving") && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(Files.readString(log).contains("saving"), Files.readString(log));
            Thread.sleep(200 + random.nextInt(800));
            child.destroyForcibly().waitFor();
            Checkpoint c = Checkpoint.load(out.resolve(Checkpoint.FILE)); // throws if the kill broke it
            assertTrue(c.step() == 1 || c.step() == 2, "step " + c.step());
            try (Pretrainer p = Pretrainer.resume(Engines.pytorch(1), Device.cpu(), c, ResumeTest.CLIPS)) {
                assertEquals(c.step() + 1, p.step().step());
            }
            if (Files.exists(out.resolve(Checkpoint.FILE + ".tmp"))) partial++;
        }
        System.out.println(partial + " of 5 kills left a partial temporary file behind (ignored by loading)");
    }

    @Test
    void killedRunsLeaveLoadableCheckpointsAndResumeToTheSameLosses(@TempDir Path out) throws Exception {
        Random random = new Random(2024);
        int kills = 0;
        int loaded = 0;
        for (int attempt = 0; attempt < 12 && kills < 6; attempt++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KillChild.class.getName(), out.toString())
                    .redirectErrorStream(true).redirectOutput(out.resolveSibling("child.log").toFile()).start();
            // wait until the child trains (its log grows), then kill it at a random moment
            Path logFile = out.resolve(TrainLog.FILE);
            long before = Files.exists(logFile) ? Files.size(logFile) : 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (child.isAlive() && System.nanoTime() < deadline
                    && (!Files.exists(logFile) || Files.size(logFile) <= before)) Thread.sleep(20);
            boolean done = child.waitFor(random.nextInt(1000), TimeUnit.MILLISECONDS);
            if (done) {
                assertEquals(0, child.exitValue(), Files.readString(out.resolveSibling("child.log")));
                break;
            }
            child.destroyForcibly().waitFor();
            kills++;
            Path file = out.resolve(Checkpoint.FILE);
            if (Files.exists(file)) {
                Checkpoint c = Checkpoint.load(file); // throws if a kill left a broken checkpoint
                assertTrue(c.step() >= 1 && c.step() <= KillChild.STEPS);
                loaded++;
                System.out.println("kill " + kills + ": checkpoint at step " + c.step() + (Files.exists(
                        file.resolveSibling(Checkpoint.FILE + ".tmp")) ? ", a partial temporary file left" : ""));
            }
        }
        assertTrue(kills >= 1 && loaded >= 1, kills + " kills, " + loaded + " checkpoints loaded");
        var engine = Engines.pytorch(1);
        TrainingRun.resume(engine, Device.cpu(), ResumeTest.CLIPS, out, KillChild.STEPS, 1, null);
        List<String> log = Files.readAllLines(out.resolve(TrainLog.FILE));
        assertEquals(KillChild.STEPS, log.size());
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), ResumeTest.TINY, KillChild.options(), ResumeTest.CLIPS)) {
            for (int i = 0; i < KillChild.STEPS; i++) {
                StepResult r = p.step();
                String want = "{\"step\":" + r.step() + ",\"loss\":" + r.loss() + ",";
                assertTrue(log.get(i).startsWith(want), "line " + (i + 1) + ": " + log.get(i) + " vs " + want);
            }
        }
    }
}
