package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;

/** With one thread and the same seed, a run resumed from a checkpoint repeats an uninterrupted one exactly. */
class ResumeTest {
    static final MusiCoderConfig TINY = MusiCoderConfig.named("tiny");
    static final List<float[][]> CLIPS = SyntheticClips.make(7, 6, 120);

    static PretrainOptions options(Objective o, long seed) {
        return PretrainOptions.paper(o, seed).withBatch(3).withWarmup(10).withLrScale(0.3).withCrops(40, 100).withClipNorm(1.0);
    }

    static float[] losses(Pretrainer p, int n) {
        float[] l = new float[n];
        for (int i = 0; i < n; i++) l[i] = p.step().loss();
        return l;
    }

    @Test
    void resumedRunGivesTheSameLossesAndWeights(@TempDir Path dir) throws Exception {
        Engine engine = Engines.pytorch(1);
        int n = 8;
        PretrainOptions opts = options(Objective.CFM_CCM, 42);
        float[] straight;
        Checkpoint end;
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), TINY, opts, CLIPS)) {
            straight = losses(p, n);
            end = p.checkpoint();
        }
        float[] resumed = new float[n];
        Path file = dir.resolve(Checkpoint.FILE);
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), TINY, opts, CLIPS)) {
            System.arraycopy(losses(p, n / 2), 0, resumed, 0, n / 2);
            p.checkpoint().save(file);
            losses(p, 1); // diverge from the checkpoint in memory: the resumed run must not see this step
        }
        Checkpoint loaded = Checkpoint.load(file);
        assertEquals(n / 2, loaded.step());
        try (Pretrainer p = Pretrainer.resume(engine, Device.cpu(), loaded, CLIPS)) {
            System.arraycopy(losses(p, n - n / 2), 0, resumed, n / 2, n - n / 2);
            Checkpoint c = p.checkpoint();
            for (String name : end.weights().keySet())
                assertArrayEquals(end.weights().get(name).data(), c.weights().get(name).data(), name);
            assertEquals(end.maskState(), c.maskState());
            assertEquals(end.dataState(), c.dataState());
        }
        var other = SyntheticClips.make(8, 6, 120);
        var ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Pretrainer.resume(engine, Device.cpu(), loaded, other));
        assertTrue(ex.getMessage().contains("made on 6 clips, 720 frames"), ex.getMessage());
        System.out.println("losses " + java.util.Arrays.toString(straight));
        assertArrayEquals(straight, resumed);
        // the losses change from step to step and dropout is on: the equality above is not of constants
        assertNotEquals(straight[0], straight[1]);
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), TINY, options(Objective.CFM_CCM, 43), CLIPS)) {
            assertNotEquals(straight[0], p.step().loss(), "another seed draws other weights, crops and masks");
        }
    }

    @Test
    void dropoutIsOnAndSeededPerStep() {
        Engine engine = Engines.pytorch(1);
        PretrainOptions opts = options(Objective.CFM, 5);
        float a;
        float b;
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), TINY, opts, CLIPS)) {
            a = p.step().loss();
        }
        MusiCoderConfig noDropout = TINY.withDropout(0f);
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), noDropout, opts, CLIPS)) {
            b = p.step().loss();
        }
        assertNotEquals(a, b, "same weights, batch and masks: only dropout differs");
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), TINY, opts, CLIPS)) {
            assertEquals(a, p.step().loss(), "same seed, same first step");
            for (var e : org.musicoder.model.ModelWeights.byTorchName(p.model()).entrySet())
                try (var g = e.getValue().getArray().getGradient()) {
                    assertEquals(0f, g.abs().max().getFloat(), e.getKey() + ": gradients are zeroed after the update");
                }
        }
    }

    @Test
    void trainingRunWritesLogCheckpointAndModelAndTruncatesTheLogOnResume(@TempDir Path out) throws Exception {
        Engine engine = Engines.pytorch(1);
        PretrainOptions opts = options(Objective.CCM, 3);
        List<StepResult> seen = new ArrayList<>();
        TrainingRun.start(engine, Device.cpu(), TINY, opts, CLIPS, out, 6, 4, (r, s, target) -> seen.add(r));
        assertEquals(6, seen.size());
        List<String> log = Files.readAllLines(out.resolve(TrainLog.FILE));
        assertEquals(6, log.size());
        assertTrue(log.get(5).matches("\\{\"step\":6,\"loss\":[0-9.E-]+,\"lr\":[0-9.E-]+,\"time_s\":[0-9.]+\\}"), log.get(5));
        assertEquals(6, Checkpoint.load(out.resolve(Checkpoint.FILE)).step(), "a checkpoint after the last step");
        assertTrue(Files.isRegularFile(out.resolve(TrainingRun.MODEL)));
        // a crash after step 6 that left log lines of steps 7-8 (and a cut line) behind
        Files.writeString(out.resolve(TrainLog.FILE), "{\"step\":7,\"loss\":1,\"lr\":1,\"time_s\":1}\n{\"step\":8,\"lo",
                java.nio.file.StandardOpenOption.APPEND);
        TrainingRun.resume(engine, Device.cpu(), CLIPS, out, 9, 4, null);
        log = Files.readAllLines(out.resolve(TrainLog.FILE));
        assertEquals(9, log.size(), String.join("\n", log));
        for (int i = 0; i < 9; i++) assertTrue(log.get(i).startsWith("{\"step\":" + (i + 1) + ","), log.get(i));
        assertNotEquals("{\"step\":7,\"loss\":1,\"lr\":1,\"time_s\":1}", log.get(6));
    }
}
