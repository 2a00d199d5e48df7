package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.musicoder.cli.TrainingClips;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Crops;
import org.musicoder.pretrain.LearningRate;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code %pretrain --config C --steps N [--objective O] [--data demo|DIR]}: CFM/CCM pretraining in the session with
 * a live progress bar and loss curve (updated at most once a second); an interrupt stops it between steps and
 * keeps the model trained so far.
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Pretrain a MusiCoder encoder (paper 3.3) with a live progress bar and loss curve; interrupt "
                + "stops it between steps. The model stays in the session.",
                "Binds `pretrained` (Pretrained: model(), trainer(), history(), losses())."})
final class PretrainMagic implements Magic {
    /** PyTorch threads for the magics (this machine class has 2 cores). */
    static final int THREADS = 2;
    private static final long UPDATE_NS = 1_000_000_000L;

    @Option(names = "--config", required = true, paramLabel = "C", completionCandidates = Choices.Configs.class,
            description = "tiny, small, base or large.")
    String config;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Training steps.")
    long steps;

    @Option(names = "--objective", paramLabel = "O", defaultValue = "cfm+ccm", completionCandidates = Choices.Objectives.class,
            description = "cfm, ccm or cfm+ccm (default cfm+ccm).")
    String objective;

    @Option(names = "--data", paramLabel = "demo|DIR", completionCandidates = Choices.Data.class,
            description = "demo (the demo corpus's train split) or a folder of audio (default: the %%dataset selection).")
    String data;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "" + PretrainOptions.BATCH,
            description = "Crops per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "" + LearningRate.WARMUP,
            description = "Warm-up steps of the learning rate (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--lr-scale", paramLabel = "F", defaultValue = "1",
            description = "Multiplier of the paper's learning-rate schedule (default ${DEFAULT-VALUE}).")
    double lrScale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of every draw (default 0).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/model.safetensors at the end.")
    Path out;

    @Override
    public void run(MagicContext ctx) throws Exception {
        if (steps < 1) throw new MagicException("--steps must be >= 1, got " + steps);
        MusiCoderConfig cfg;
        PretrainOptions options;
        try {
            cfg = MusiCoderConfig.named(config);
            options = new PretrainOptions(Objective.parse(objective), 1.0, batch, warmup, lrScale, 0, seed,
                    Crops.MIN_FRAMES, Crops.MAX_FRAMES);
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        Session s = ctx.session();
        String source = data != null ? data : s.dataset().source();
        ctx.out().println("loading the features of " + source + " ...");
        List<float[][]> clips = TrainingClips.load(source, false, s.cache(), THREADS,
                new PrintWriter(ctx.output().err(), true));
        if (ctx.cancelled()) throw new MagicException("interrupted while loading the features");
        Engine engine = Engines.pytorch(THREADS);
        Device device = Engines.device(engine, s.device());
        Pretrained run = new Pretrained(Pretrainer.start(engine, device, cfg, options, clips), source);
        s.pretrained(run);
        ctx.bind(variable(), run, Pretrained.class.getName());
        ctx.out().print(String.format("%s; %s; %d clips from %s on %s%n", cfg.describe(), options.toJson(), clips.size(), source, device));
        TrainingProgress progress = new TrainingProgress(ctx, steps);
        long last = 0;
        boolean stopped = false;
        while (run.trainer().steps() < steps) {
            if (ctx.cancelled()) {
                stopped = true;
                break;
            }
            StepResult r = run.trainer().step();
            run.add(r);
            long now = System.nanoTime();
            if (now - last >= UPDATE_NS || r.step() == steps) {
                progress.update(run);
                last = now;
            }
        }
        progress.update(run);
        Thread.interrupted();
        if (out != null) ModelWeights.save(run.model(), out.resolve("model.safetensors"));
        if (stopped)
            throw new MagicException("interrupted after step " + run.trainer().steps() + " of " + steps
                    + "; the model so far is bound to `pretrained`");
    }

    @Override
    public String afterInterrupt() {
        return "training stops after the running step; `pretrained` holds the model trained so far";
    }

    @Override
    public String variable() {
        return "pretrained";
    }
}
