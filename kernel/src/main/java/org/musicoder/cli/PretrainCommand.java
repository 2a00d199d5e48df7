package org.musicoder.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.Crops;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Schedule;
import org.musicoder.pretrain.TrainingRun;
import picocli.CommandLine.Command;
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

    @Option(names = "--config", paramLabel = "C", description = "tiny, small, base, large or a JSON file (required unless --resume).")
    String config;

    @Option(names = "--position", paramLabel = "P",
            description = "alibi (a distance penalty in attention; the default of tiny and small) or sinusoidal (the paper's, "
                    + "the default of base, large and JSON files without \"position\").")
    String position;

    @Option(names = "--data", required = true, paramLabel = "demo|debian-music|DIR",
            description = "demo (the demo corpus's train split), debian-music (after 'corpus fetch debian-music') or a folder of audio.")
    String data;

    @Option(names = "--steps", paramLabel = "N", description = "Train until step N (default: the schedule's).")
    Long steps;

    @Option(names = "--schedule", paramLabel = "S", defaultValue = "default",
            description = "default (tiny, small: the cpu schedule, which learns here in minutes; base, large: the paper's) "
                    + "or paper (batch 64, warm-up 8000, crops of 10-35 s, 200k steps; large 500k). The options below override it.")
    String schedule;

    @Option(names = "--objective", paramLabel = "O", description = "cfm, ccm or cfm+ccm (default cfm+ccm).")
    String objective;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random draw (default 0).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "PyTorch threads, also feature threads (default 2).")
    int threads;

    @Option(names = "--resume", description = "Continue from OUT/checkpoint.safetensors.")
    boolean resume;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", description = "Where to train (default cpu).")
    String device;

    @Option(names = "--checkpoint-every", paramLabel = "K", defaultValue = "1000", description = "Checkpoint interval in steps (default 1000).")
    int every;

    @Option(names = "--batch", paramLabel = "B", description = "Crops per step (default: the schedule's).")
    Integer batch;

    @Option(names = "--warmup", paramLabel = "W", description = "Warm-up steps of the learning rate (default: the schedule's; the peak stays the schedule's unless --lr or --lr-scale is given).")
    Integer warmup;

    @Option(names = "--lr", paramLabel = "PEAK", description = "Peak learning rate, reached at the end of the warm-up (default: the schedule's).")
    Double lr;

    @Option(names = "--lr-scale", paramLabel = "F", description = "Multiply the Transformer schedule by F (the paper's is 1); instead of --lr.")
    Double lrScale;

    @Option(names = "--crop", paramLabel = "MIN:MAX", description = "Crop lengths in frames (default: the schedule's; paper 431:1508, 10-35 s).")
    String crop;

    @Option(names = "--position-shift", negatable = true, paramLabel = "BOOL",
            description = "Start each batch at a random position, so short crops train every row of the position table "
                    + "(not in the paper; default: the schedule's, on for cpu, off for paper).")
    Boolean positionShift;

    @Option(names = "--crop-cmvn", negatable = true, paramLabel = "BOOL",
            description = "CMVN-normalise each crop on its own: the crop is the clip (default: the schedule's, on for cpu, off for paper).")
    Boolean cropCmvn;

    @Option(names = "--ccm-band", paramLabel = "B", description = "Channels CCM may hide: spectra (log-mel and log-CQT, columns 52-323, the paper's; default) or all.")
    String ccmBand;

    @Option(names = "--clip-norm", paramLabel = "X", description = "Clip the gradients' global norm to X (default: no clipping).")
    Double clipNorm;

    @Option(names = "--ccm-max-fraction", paramLabel = "F", description = "Cap CCM's width at F times its band's channels (default 1, the paper's reading; TERA: 0.2).")
    Double ccmMax;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (steps != null && steps < 1) return usage(err, "--steps must be >= 1, got " + steps);
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        if (every < 1) return usage(err, "--checkpoint-every must be >= 1, got " + every);
        if (!device.equals("cpu") && !device.equals("gpu")) return usage(err, "--device must be cpu or gpu, got " + device);
        if (!TrainingClips.known(data))
            return usage(err, "--data " + data + ": neither 'demo', 'debian-music' nor an existing folder");
        Path file = out.resolve(Checkpoint.FILE);
        Checkpoint checkpoint = null;
        MusiCoderConfig cfg;
        PretrainOptions options;
        if (resume) {
            if (!Files.isRegularFile(file)) return usage(err, "--resume: " + file + " does not exist");
            try {
                checkpoint = Checkpoint.load(file);
            } catch (IOException e) {
                return usage(err, "--resume: " + e.getMessage());
            }
            cfg = checkpoint.config();
            options = checkpoint.options();
            List<String> clash = clashes(checkpoint);
            if (!clash.isEmpty())
                return usage(err, "--resume: the checkpoint was made with " + String.join(", ", clash)
                        + "; drop those options or use another --out");
        } else {
            if (config == null) return usage(err, "--config is required (tiny, small, base, large or a JSON file)");
            if (Files.exists(file))
                return usage(err, "--out " + out + " already holds a checkpoint: add --resume to continue it, or choose another folder");
            try {
                cfg = MusiCoderConfig.of(config);
                if (position != null) cfg = cfg.withPosition(MusiCoderConfig.Position.parse(position));
                Schedule sch = schedule(cfg);
                options = PretrainOptions.of(Objective.parse(objective == null ? "cfm+ccm" : objective), sch,
                                seed == null ? 0 : seed)
                        .withCcm(ccmMax == null ? 1.0 : ccmMax, ccmBand == null ? Ccm.Band.SPECTRA : Ccm.Band.parse(ccmBand))
                        .withClipNorm(clipNorm == null ? 0 : clipNorm);
                if (steps == null) steps = sch.steps();
                err.println("musicoder pretrain: " + sch.describe(cfg.hidden()));
            } catch (IllegalArgumentException | IOException e) {
                return usage(err, e.getMessage());
            }
        }
        if (steps == null) return usage(err, "--resume: give --steps N, the step to train until");
        Engine engine = Engines.pytorch(threads);
        Device dev = Engines.device(engine, device);
        List<float[][]> clips = TrainingClips.load(data, false, cache != null ? cache : Cache.defaultDir(), threads, err,
                options.cmvnPieceFrames());
        long frames = clips.stream().mapToLong(c -> c.length).sum();
        err.printf("musicoder pretrain: %s; %s; %d clips (%d frames) from %s; %s, %d PyTorch threads%n", cfg.describe(),
                options.toJson(), clips.size(), frames, data, dev, Engines.threads());
        err.flush();
        long from = checkpoint == null ? 0 : checkpoint.step();
        Progress progress = new Progress(err, Progress.stderrIsTerminal(), from);
        try {
            if (checkpoint == null) TrainingRun.start(engine, dev, cfg, options, clips, out, steps, every, progress);
            else TrainingRun.resume(engine, dev, clips, out, steps, every, progress);
        } finally {
            progress.finish();
        }
        outw.printf("%s: %d steps; log %s, checkpoint %s%n", out.resolve(TrainingRun.MODEL), Math.max(steps, from),
                out.resolve("log.jsonl"), file);
        outw.flush();
        return 0;
    }

    /** The named schedule with the command line's overrides. */
    private Schedule schedule(MusiCoderConfig cfg) {
        Schedule s = Schedule.named(schedule, cfg);
        if (batch != null) s = s.withBatch(batch);
        if (warmup != null) s = s.withWarmupKeepingPeak(warmup, cfg.hidden());
        if (lr != null && lrScale != null) throw new IllegalArgumentException("give --lr or --lr-scale, not both");
        if (lr != null) s = s.withPeak(lr, cfg.hidden());
        if (lrScale != null) s = s.withLrScale(lrScale);
        if (crop != null) {
            int[] c = Crops.parse(crop);
            s = s.withCrops(c[0], c[1]);
        }
        if (positionShift != null) s = s.withPositionShift(positionShift);
        if (cropCmvn != null) s = s.withCropCmvn(cropCmvn);
        if (steps != null) s = s.withSteps(steps);
        return s;
    }

    /** The options given on the command line that differ from the checkpoint's. */
    private List<String> clashes(Checkpoint c) throws IOException {
        List<String> clash = new ArrayList<>();
        PretrainOptions o = c.options();
        if (config != null && !MusiCoderConfig.of(config).withPosition(c.config().position()).equals(c.config()))
            clash.add("--config " + c.config().name());
        if (position != null && MusiCoderConfig.Position.parse(position) != c.config().position())
            clash.add("--position " + c.config().position().key());
        if (objective != null && Objective.parse(objective) != o.objective()) clash.add("--objective " + o.objective());
        if (seed != null && seed != o.seed()) clash.add("--seed " + o.seed());
        if (batch != null && batch != o.batch()) clash.add("--batch " + o.batch());
        if (warmup != null && warmup != o.warmup()) clash.add("--warmup " + o.warmup());
        if (lrScale != null && lrScale != o.lrScale()) clash.add("--lr-scale " + o.lrScale());
        if (clipNorm != null && clipNorm != o.clipNorm()) clash.add("--clip-norm " + o.clipNorm());
        if (ccmMax != null && ccmMax != o.ccmMaxFraction()) clash.add("--ccm-max-fraction " + o.ccmMaxFraction());
        if (ccmBand != null && Ccm.Band.parse(ccmBand) != o.ccmBand()) clash.add("--ccm-band " + o.ccmBand());
        if (crop != null && !java.util.Arrays.equals(Crops.parse(crop), new int[] {o.minFrames(), o.maxFrames()}))
            clash.add("--crop " + o.minFrames() + ":" + o.maxFrames());
        if (lr != null) clash.add("--lr (the checkpoint's schedule continues)");
        if (cropCmvn != null && cropCmvn != o.cropCmvn()) clash.add("--" + (o.cropCmvn() ? "" : "no-") + "crop-cmvn");
        if (positionShift != null && positionShift != o.positionShift()) clash.add("--" + (o.positionShift() ? "" : "no-") + "position-shift");
        return clash;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder pretrain: " + message);
        err.flush();
        return 2;
    }
}
