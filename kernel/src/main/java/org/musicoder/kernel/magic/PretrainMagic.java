package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.musicoder.cli.TrainingClips;
import org.musicoder.cli.options.Candidates;
import org.musicoder.cli.options.PretrainRecipe;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.Schedule;
import org.musicoder.pretrain.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--config", required = true, paramLabel = "C", completionCandidates = Candidates.Configs.class,
            description = "tiny, small, base or large.")
    String config;

    @Option(names = "--data", paramLabel = "demo|debian-music|DIR", completionCandidates = Candidates.PretrainData.class,
            description = "demo (the demo corpus's train split), debian-music (after 'corpus fetch debian-music') or a "
                    + "folder of audio (default: the %%dataset selection).")
    String data;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/model.safetensors at the end.")
    Path out;

    @Mixin PretrainRecipe recipe;

    @Override
    public void run(MagicContext ctx) throws Exception {
        if (recipe.steps != null && recipe.steps < 1) throw new MagicException("--steps must be >= 1, got " + recipe.steps);
        MusiCoderConfig cfg;
        Schedule sch;
        PretrainOptions options;
        try {
            cfg = recipe.config(MusiCoderConfig.named(config));
            sch = recipe.schedule(cfg);
            options = recipe.options(sch);
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        long steps = sch.steps();
        Session s = ctx.session();
        String source = data != null ? data : s.dataset().source();
        ctx.out().println("loading the features of " + source + " ...");
        List<float[][]> clips = TrainingClips.load(source, false, s.cache(), THREADS,
                new PrintWriter(ctx.output().err(), true), options.cmvnPieceFrames());
        if (ctx.cancelled()) throw new MagicException("interrupted while loading the features");
        Engine engine = Engines.pytorch(THREADS);
        Device device = Engines.device(engine, s.device());
        Pretrained run = new Pretrained(Pretrainer.start(engine, device, cfg, options, clips), source);
        s.pretrained(run);
        ctx.bind(variable(), run, Pretrained.class.getName());
        ctx.out().print(String.format("%s; %s; %d clips from %s on %s%n", cfg.describe(), sch.describe(cfg.hidden()), clips.size(), source, device));
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
