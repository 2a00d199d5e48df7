package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.eval.Standardizer;
import org.musicoder.finetune.Example;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Task;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.TrainingRun;
import tech.tablesaw.api.Table;

/**
 * {@link Ablation#run} end to end on synthetic clips at a tiny budget (2 pretraining steps, one fine-tuning step per
 * seed): one pretraining folder per encoder and seed, the seeds' values aggregated per line, a second run reusing
 * every folder and giving the same values (one PyTorch thread: bit-reproducible), a longer budget resuming them, and
 * a folder made on other clips refused.
 */
class AblationRunTest {
    static final String GRID = "batch=16;lr=1e-3;epochs=1;dropout=0.1";
    static Engine engine;
    static Device device;
    static List<float[][]> clips;
    static DownstreamData data;

    @TempDir Path work;

    @BeforeAll
    static void data() {
        engine = Engines.pytorch(1);
        device = Engines.device(engine, "cpu");
        Random r = new Random(5);
        clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) clips.add(clip(r, 300, 0));
        List<List<Example>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int p = 0; p < 3; p++)
            for (int i = 0; i < (p == 0 ? 12 : 6); i++) {
                int c = i % 3;
                float[][] raw = clip(r, 40, c);
                parts.get(p).add(new Example(raw, new float[] {c == 0 ? 1 : 0, c == 1 ? 1 : 0, c == 2 ? 1 : 0},
                        Standardizer.clipStatistics(raw)));
            }
        data = new DownstreamData("synthetic", "synthetic split: chosen on validation, reported on test", Task.GENRE,
                List.of("a", "b", "c"), List.of(new Fold("synthetic", parts.get(0), parts.get(1), parts.get(2))));
    }

    /** Noise whose first channels carry the class. */
    static float[][] clip(Random r, int frames, int cls) {
        float[][] x = new float[frames][324];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) row[j] = (float) r.nextGaussian();
            row[cls] += 2;
        }
        return x;
    }

    /** Collects the phase lines. */
    static final class Phases implements Ablation.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void phase(String line, long steps) {
            lines.add(line);
        }

        @Override
        public void stepped(org.musicoder.pretrain.StepResult r, double seconds, long target) {}

        long count(String s) {
            return lines.stream().filter(l -> l.contains(s)).count();
        }
    }

    AblationTable run(AblationScale scale, List<float[][]> pretrainClips, Phases phases) throws IOException {
        return Ablation.run(engine, device, AblationRow.table5(), scale, pretrainClips, "synthetic (6 clips)", List.of(data), work, phases);
    }

    @Test
    void oneEncoderPerSeedAggregatedAndReused() throws Exception {
        AblationScale scale = AblationScale.of(true, 2L, GRID, null, "2");
        Phases first = new Phases();
        Table t = run(scale, clips, first).table();
        assertEquals(4, first.count(": pretraining "), first.lines.toString());
        List<Path> dirs = new ArrayList<>();
        for (MusiCoderConfig c : List.of(scale.base(), scale.large()))
            for (long seed : List.of(0L, 1L)) {
                Path dir = Ablation.pretrainDir(work, c, org.musicoder.masking.Objective.CFM_CCM, seed);
                assertEquals(work.resolve("pretrain").resolve(c.name() + "-cfm+ccm-seed" + seed), dir);
                Checkpoint ck = Checkpoint.load(dir.resolve(Checkpoint.FILE));
                assertEquals(seed, ck.options().seed());
                assertEquals(2, ck.step());
                assertEquals(scale.pretrainOptions(org.musicoder.masking.Objective.CFM_CCM, c, seed), ck.options());
                dirs.add(dir);
            }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dirs.get(0).resolve(TrainingRun.MODEL)),
                Files.readAllBytes(dirs.get(1).resolve(TrainingRun.MODEL))), "seeds 0 and 1 pretrain differently");

        assertEquals(3, t.rowCount());
        assertEquals(List.of(1, 2, 2), t.intColumn("n").asList());
        for (int i = 1; i < 3; i++) {
            assertEquals("0,1", t.stringColumn("seeds").get(i));
            double[] v = perSeed(t.stringColumn("per seed").get(i));
            assertEquals(2, v.length);
            assertEquals((v[0] + v[1]) / 2, t.doubleColumn("mean").get(i), 1e-4); // per-seed values are printed to 4 digits
            assertEquals(Math.abs(v[0] - v[1]) / Math.sqrt(2), t.doubleColumn("sd").get(i), 1e-4);
            assertEquals("synthetic (6 clips)", t.stringColumn("pretraining corpus").get(i));
        }

        List<FileTime> times = new ArrayList<>();
        for (Path d : dirs) times.add(Files.getLastModifiedTime(d.resolve(TrainingRun.MODEL)));
        Phases second = new Phases();
        Table again = run(scale, clips, second).table();
        assertEquals(0, second.count(": pretraining "), second.lines.toString());
        for (Path d : dirs) assertEquals(1, second.count("reusing " + d.resolve(TrainingRun.MODEL)), second.lines.toString());
        for (int i = 0; i < dirs.size(); i++) assertEquals(times.get(i), Files.getLastModifiedTime(dirs.get(i).resolve(TrainingRun.MODEL)));
        assertEquals(t.doubleColumn("mean").asList(), again.doubleColumn("mean").asList());
        assertArrayEquals(t.stringColumn("per seed").asObjectArray(), again.stringColumn("per seed").asObjectArray());

        Phases longer = new Phases();
        Table one = run(scale.withPretrainSteps(3).withSeeds(List.of(1L)), clips, longer).table();
        assertEquals(2, longer.count("from step 2 to 3"), longer.lines.toString());
        assertEquals(3, Checkpoint.load(dirs.get(1).resolve(Checkpoint.FILE)).step());
        assertEquals(2, Checkpoint.load(dirs.get(0).resolve(Checkpoint.FILE)).step()); // seed 0 untouched
        assertEquals("1", one.stringColumn("seeds").get(1));
        assertTrue(one.doubleColumn("sd").isMissing(1), "one seed: no sd");

        List<float[][]> other = new ArrayList<>(clips.subList(0, 5));
        IOException e = assertThrows(IOException.class, () -> run(scale, other, new Phases()));
        assertTrue(e.getMessage().contains("other clips") && e.getMessage().contains("another work folder"), e.getMessage());
    }

    static double[] perSeed(String cell) {
        return java.util.Arrays.stream(cell.split("; ")).mapToDouble(s -> Double.parseDouble(s.substring(s.indexOf(": ") + 2))).toArray();
    }
}
