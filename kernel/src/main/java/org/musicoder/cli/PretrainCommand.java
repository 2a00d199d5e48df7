package org.musicoder.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicoder.cli.options.Candidates;
import org.musicoder.cli.options.Checkpoints;
import org.musicoder.cli.options.PretrainRecipe;
import org.musicoder.cli.options.RunOptions;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Schedule;
import org.musicoder.pretrain.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder pretrain}: CFM/CCM pretraining with checkpoints, a per-step log and a progress line. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrain a MusiCoder encoder with CFM and/or CCM masking (paper 3.3) on the demo corpus's "
                + "train split or a folder of audio.",
                "Writes OUT/log.jsonl (one line per step), OUT/checkpoint.safetensors (every K steps and at the end, "
                        + "atomically) and OUT/model.safetensors (at the end)."})
final class PretrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", paramLabel = "C", completionCandidates = Candidates.Configs.class,
            description = "tiny, small, base, large or a JSON file (required unless --resume).")
    String config;

    @Option(names = "--data", required = true, paramLabel = "demo|debian-music|DIR",
            completionCandidates = Candidates.PretrainData.class,
            description = "demo (the demo corpus's train split), debian-music (after 'corpus fetch debian-music') or a folder of audio.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin Checkpoints checkpoints;

    @Mixin PretrainRecipe recipe;

    @Mixin RunOptions run;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        Long steps = recipe.steps;
        if (steps != null && steps < 1) return usage(err, "--steps must be >= 1, got " + steps);
        String bad = run.check();
        if (bad == null) bad = checkpoints.check();
        if (bad != null) return usage(err, bad);
        if (!TrainingClips.known(data))
            return usage(err, "--data " + data + ": neither 'demo', 'debian-music' nor an existing folder");
        Path file = out.resolve(Checkpoint.FILE);
        Checkpoint checkpoint = null;
        MusiCoderConfig cfg;
        PretrainOptions options;
        if (checkpoints.resume) {
            try {
                checkpoint = Checkpoints.load(out, config, recipe);
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            cfg = checkpoint.config();
            options = checkpoint.options();
        } else {
            if (config == null) return usage(err, "--config is required (tiny, small, base, large or a JSON file)");
            String taken = Checkpoints.refuseOverwrite(out);
            if (taken != null) return usage(err, taken);
            try {
                cfg = recipe.config(MusiCoderConfig.of(config));
                Schedule sch = recipe.schedule(cfg);
                options = recipe.options(sch);
                if (steps == null) steps = sch.steps();
                err.println("musicoder pretrain: " + sch.describe(cfg.hidden()));
            } catch (IllegalArgumentException | IOException e) {
                return usage(err, e.getMessage());
            }
        }
        Engine engine = Engines.pytorch(run.threads);
        Device dev = Engines.device(engine, run.device);
        List<float[][]> clips = TrainingClips.load(data, false, cache != null ? cache : Cache.defaultDir(), run.threads, err,
                options.cmvnPieceFrames());
        long frames = clips.stream().mapToLong(c -> c.length).sum();
        err.printf("musicoder pretrain: %s; %s; %d clips (%d frames) from %s; %s, %d PyTorch threads%n", cfg.describe(),
                options.toJson(), clips.size(), frames, data, dev, Engines.threads());
        err.flush();
        long from = checkpoint == null ? 0 : checkpoint.step();
        Progress progress = new Progress(err, Progress.stderrIsTerminal(), from);
        try {
            if (checkpoint == null) TrainingRun.start(engine, dev, cfg, options, clips, out, steps, checkpoints.every, progress);
            else TrainingRun.resume(engine, dev, clips, out, steps, checkpoints.every, progress);
        } finally {
            progress.finish();
        }
        outw.printf("%s: %d steps; log %s, checkpoint %s%n", out.resolve(TrainingRun.MODEL), Math.max(steps, from),
                out.resolve("log.jsonl"), file);
        outw.flush();
        return 0;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder pretrain: " + message);
        err.flush();
        return 2;
    }
}
