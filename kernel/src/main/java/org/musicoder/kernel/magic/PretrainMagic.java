package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.musicoder.cli.TrainingClips;
import org.musicoder.cli.options.Candidates;
import org.musicoder.cli.options.Checkpoints;
import org.musicoder.cli.options.PretrainRecipe;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.RunFolder;
import org.musicoder.pretrain.Schedule;
import org.musicoder.pretrain.TrainLog;
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

    @Option(names = "--config", paramLabel = "C", completionCandidates = Candidates.Configs.class,
            description = "tiny, small, base or large (required unless --resume).")
    String config;

    @Option(names = "--data", paramLabel = "demo|debian-music|DIR", completionCandidates = Candidates.PretrainData.class,
            description = "demo (the demo corpus's train split), debian-music (after 'corpus fetch debian-music') or a "
                    + "folder of audio (default: the %%dataset selection).")
    String data;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/log.jsonl (a line per step), "
            + "DIR/checkpoint.safetensors (every K steps, at the end and when interrupted) and DIR/model.safetensors, "
            + "as 'musicoder pretrain' does; --resume continues it, in this kernel or another.")
    Path out;

    @Mixin Checkpoints checkpoints;

    @Mixin PretrainRecipe recipe;

    @Override
    public void run(MagicContext ctx) throws Exception {
        if (recipe.steps != null && recipe.steps < 1) throw new MagicException("--steps must be >= 1, got " + recipe.steps);
        String bad = checkpoints.check();
        if (bad != null) throw new MagicException(bad);
        if (checkpoints.resume && out == null) throw new MagicException("--resume needs --out DIR, the run's folder");
        Checkpoint from = null;
        MusiCoderConfig cfg;
        PretrainOptions options;
        long steps;
        String plan;
        try {
            if (checkpoints.resume) {
                from = Checkpoints.load(out, config, recipe);
                cfg = from.config();
                options = from.options();
                steps = recipe.steps;
                plan = "resuming " + out.resolve(Checkpoint.FILE) + " at step " + from.step();
            } else {
                if (config == null) throw new MagicException("--config is required (tiny, small, base or large)");
                String taken = out == null ? null : Checkpoints.refuseOverwrite(out);
                if (taken != null) throw new MagicException(taken);
                cfg = recipe.config(MusiCoderConfig.named(config));
                Schedule sch = recipe.schedule(cfg);
                options = recipe.options(sch);
                steps = recipe.steps != null ? recipe.steps : sch.steps();
                plan = sch.describe(cfg.hidden());
            }
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        Session s = ctx.session();
        String source = data != null ? data : s.dataset().source();
        ctx.out().println("loading the features of " + source + " ...");
        List<float[][]> clips = TrainingClips.load(source, false, s.cache(), THREADS,
                new PrintWriter(ctx.output().err(), true), options.cmvnPieceFrames());
        if (ctx.cancelled()) throw new MagicException("interrupted while loading the features");
        Engine engine = Engines.pytorch(THREADS);
        Device device = Engines.device(engine, s.device());
        Pretrainer trainer;
        try {
            trainer = from == null ? Pretrainer.start(engine, device, cfg, options, clips)
                    : Pretrainer.resume(engine, device, from, clips);
        } catch (IllegalArgumentException e) {
            throw new MagicException((from == null ? "" : "--resume: ") + e.getMessage());
        }
        Pretrained run = new Pretrained(trainer, source);
        s.pretrained(run);
        ctx.bind(variable(), run, Pretrained.class.getName());
        ctx.out().print(String.format("%s; %s; %d clips from %s on %s%n", cfg.describe(), plan, clips.size(), source, device));
        boolean stopped = out == null ? train(ctx, run, steps) : train(ctx, run, steps, out);
        if (stopped)
            throw new MagicException("interrupted after step " + trainer.steps() + " of " + steps
                    + "; the model so far is bound to `pretrained`" + (out == null ? "" : " and saved in " + out));
    }

    /** Trains in memory until {@code steps} or an interrupt; @return whether interrupted. */
    private boolean train(MagicContext ctx, Pretrained run, long steps) {
        TrainingProgress progress = new TrainingProgress(ctx, steps);
        try {
            while (run.trainer().steps() < steps) {
                if (ctx.cancelled()) return true;
                run.add(run.trainer().step());
                progress.tick(run);
            }
            return false;
        } finally {
            progress.update(run);
            Thread.interrupted();
        }
    }

    /** Trains in the run folder {@code out} (log, checkpoints, weights; the last step saved when interrupted). */
    private boolean train(MagicContext ctx, Pretrained run, long steps, Path out) throws IOException {
        TrainingProgress progress = new TrainingProgress(ctx, steps);
        boolean stopped = false;
        try (RunFolder folder = RunFolder.open(run.trainer(), out, checkpoints.every, steps)) {
            run.earlier(out.resolve(TrainLog.FILE));
            while (run.trainer().steps() < steps) {
                if (ctx.cancelled()) {
                    stopped = true;
                    break;
                }
                run.add(folder.step());
                progress.tick(run);
            }
            Thread.interrupted();
            folder.finish();
        } finally {
            progress.update(run);
            Thread.interrupted();
        }
        return stopped;
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
