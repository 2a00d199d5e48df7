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
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.Schedule;
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

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: the schedule's).")
    Long steps;

    @Option(names = "--schedule", paramLabel = "S", defaultValue = "default", completionCandidates = Choices.Schedules.class,
            description = "default (tiny, small: the cpu schedule; base, large: the paper's) or paper; the options below override it.")
    String schedule;

    @Option(names = "--objective", paramLabel = "O", defaultValue = "cfm+ccm", completionCandidates = Choices.Objectives.class,
            description = "cfm, ccm or cfm+ccm (default cfm+ccm).")
    String objective;

    @Option(names = "--data", paramLabel = "demo|DIR", completionCandidates = Choices.Data.class,
            description = "demo (the demo corpus's train split) or a folder of audio (default: the %%dataset selection).")
    String data;

    @Option(names = "--batch", paramLabel = "B", description = "Crops per step (default: the schedule's).")
    Integer batch;

    @Option(names = "--warmup", paramLabel = "W", description = "Warm-up steps (default: the schedule's; the peak stays the schedule's unless --lr is given).")
    Integer warmup;

    @Option(names = "--lr", paramLabel = "PEAK", description = "Peak learning rate, reached at the end of the warm-up (default: the schedule's).")
    Double lr;

    @Option(names = "--crop", paramLabel = "MIN:MAX", description = "Crop lengths in frames (default: the schedule's).")
    String crop;

    @Option(names = "--position", paramLabel = "P",
            description = "alibi (default of tiny and small) or sinusoidal (the paper's; default of base and large).")
    String position;

    @Option(names = "--position-shift", negatable = true, description = "Start each batch at a random position (default: the schedule's).")
    Boolean positionShift;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of every draw (default 0).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/model.safetensors at the end.")
    Path out;

    @Override
    public void run(MagicContext ctx) throws Exception {
        if (steps != null && steps < 1) throw new MagicException("--steps must be >= 1, got " + steps);
        MusiCoderConfig cfg;
        Schedule sch;
        PretrainOptions options;
        try {
            cfg = MusiCoderConfig.named(config);
            if (position != null) cfg = cfg.withPosition(MusiCoderConfig.Position.parse(position));
            sch = Schedule.named(schedule, cfg);
            if (warmup != null) sch = sch.withWarmupKeepingPeak(warmup, cfg.hidden());
            if (lr != null) sch = sch.withPeak(lr, cfg.hidden());
            if (batch != null) sch = sch.withBatch(batch);
            if (crop != null) {
                int[] c = Crops.parse(crop);
                sch = sch.withCrops(c[0], c[1]);
            }
            if (steps != null) sch = sch.withSteps(steps);
            if (positionShift != null) sch = sch.withPositionShift(positionShift);
            options = PretrainOptions.of(Objective.parse(objective), sch, seed);
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
