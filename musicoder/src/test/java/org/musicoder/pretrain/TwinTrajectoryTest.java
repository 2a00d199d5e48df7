package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.TorchTwin;

/**
 * Training behaviour against PyTorch: 60 steps of the {@code cpu} schedule (padded crops of 64-256 frames at shifted
 * positions, CMVN per crop, CFM+CCM, warm-up and peak learning rate) from the same initial weights, Java's steps on
 * the batches the trainer draws and the twin's ({@code twin.py train}: nn.TransformerEncoderLayer, torch.optim.Adam)
 * on the same batches at the same learning rates. Dropout is 0, so both compute the same function; the loss of
 * every step agrees within 1e-3 relative, and the curve falls on both sides.
 */
class TwinTrajectoryTest {
    static final int STEPS = 60;

    @TempDir Path dir;

    @Test
    void javaAndTorchTrainTheSameCurve() throws Exception {
        MusiCoderConfig tiny = MusiCoderConfig.named("tiny");
        MusiCoderConfig config = tiny.withDropout(0f);
        Schedule s = Schedule.defaults(config).withBatch(4).withWarmup(20)
                .withLrScale(Schedule.scaleForPeak(2e-3, config.hidden(), 20));
        assertTrue(s.positionShift() && s.cropCmvn(), s.toString());
        PretrainOptions options = PretrainOptions.of(Objective.CFM_CCM, s, 11);
        Engine engine = Engines.pytorch(1);
        float[] java = new float[STEPS];
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), config, options, SyntheticClips.make(3, 5, 400))) {
            ModelWeights.save(p.model(), dir.resolve("init.safetensors"));
            for (int k = 0; k < STEPS; k++) {
                StepBatch b = p.nextBatch();
                write(b, dir.resolve("steps").resolve(Integer.toString(k)));
                try (NDManager sm = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
                    StepResult r = p.step(b.toArrays(sm), b.offset());
                    java[k] = r.loss();
                    Files.writeString(dir.resolve("steps").resolve(Integer.toString(k)).resolve("step.json"),
                            String.format(Locale.ROOT, "{\"lr\": %s, \"offset\": %d}", Double.toString(r.lr()), b.offset()));
                }
            }
        }
        List<Float> torch = new ArrayList<>();
        for (String line : TorchTwin.run("train", dir.resolve("init.safetensors").toString(), dir.resolve("steps").toString(),
                Integer.toString(STEPS)).strip().split("\n"))
            torch.add(Float.parseFloat(line.split(" ")[1]));
        assertEquals(STEPS, torch.size());
        for (int k = 0; k < STEPS; k++)
            assertEquals(torch.get(k), java[k], 1e-3 * Math.abs(torch.get(k)), "step " + (k + 1));
        double first = (java[0] + java[1] + java[2]) / 3;
        double last = (java[STEPS - 1] + java[STEPS - 2] + java[STEPS - 3]) / 3;
        assertTrue(last < 0.8 * first, "the loss falls: " + first + " -> " + last);
        System.out.printf(Locale.ROOT, "trajectory: step 1 %.5f / %.5f, step %d %.5f / %.5f (java / torch)%n", java[0],
                torch.get(0), STEPS, java[STEPS - 1], torch.get(STEPS - 1));
    }

    /** The batch as the twin reads it: input, target, mask (1 in the loss) and padding (1 = padded). */
    static void write(StepBatch b, Path d) throws Exception {
        Files.createDirectories(d);
        Npy.write(d.resolve("input.npy"), b.input(), b.batch(), b.rows(), b.dims());
        Npy.write(d.resolve("target.npy"), b.target(), b.batch(), b.rows(), b.dims());
        float[] mask = new float[b.lossMask().length];
        for (int i = 0; i < mask.length; i++) mask[i] = b.lossMask()[i] ? 1 : 0;
        Npy.write(d.resolve("mask.npy"), mask, b.batch(), b.rows(), b.dims());
        float[] pad = new float[b.padding().length];
        for (int i = 0; i < pad.length; i++) pad[i] = b.padding()[i] ? 1 : 0;
        Npy.write(d.resolve("padding.npy"), pad, b.batch(), b.rows());
    }
}
