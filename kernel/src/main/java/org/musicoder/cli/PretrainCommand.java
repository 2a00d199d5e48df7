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
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.LearningRate;
import org.musicoder.pretrain.PretrainOptions;
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

    @Option(names = "--data", required = true, paramLabel = "demo|DIR", description = "demo (the demo corpus's train split) or a folder of audio.")
    String data;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Train until step N.")
    long steps;

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

    @Option(names = "--batch", paramLabel = "B", description = "Crops per step (default 64).")
    Integer batch;

    @Option(names = "--warmup", paramLabel = "W", description = "Warm-up steps of the learning rate (default 8000).")
    Integer warmup;

    @Option(names = "--lr-scale", paramLabel = "F", description = "Multiply the learning-rate schedule by F (default 1, the paper's; tiny on the demo corpus: 0.1).")
    Double lrScale;

    @Option(names = "--clip-norm", paramLabel = "X", description = "Clip the gradients' global norm to X (default: no clipping).")
    Double clipNorm;

    @Option(names = "--ccm-max-fraction", paramLabel = "F", description = "Cap CCM's width at F * 324 channels (default 1, the paper's reading; TERA: 0.2).")
    Double ccmMax;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (steps < 1) return usage(err, "--steps must be >= 1, got " + steps);
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        if (every < 1) return usage(err, "--checkpoint-every must be >= 1, got " + every);
        if (!device.equals("cpu") && !device.equals("gpu")) return usage(err, "--device must be cpu or gpu, got " + device);
        if (!data.equals("demo") && !Files.isDirectory(Path.of(data)))
            return usage(err, "--data " + data + ": neither 'demo' nor an existing folder");
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
                options = new PretrainOptions(Objective.parse(objective == null ? "cfm+ccm" : objective),
                        ccmMax == null ? 1.0 : ccmMax, batch == null ? PretrainOptions.BATCH : batch,
                        warmup == null ? LearningRate.WARMUP : warmup, lrScale == null ? 1.0 : lrScale, clipNorm == null ? 0 : clipNorm,
                        seed == null ? 0 : seed, org.musicoder.pretrain.Crops.MIN_FRAMES, org.musicoder.pretrain.Crops.MAX_FRAMES);
            } catch (IllegalArgumentException | IOException e) {
                return usage(err, e.getMessage());
            }
        }
        Engine engine = Engines.pytorch(threads);
        Device dev = Engines.device(engine, device);
        List<float[][]> clips = TrainingClips.load(data, false, cache != null ? cache : Cache.defaultDir(), threads, err);
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

    /** The options given on the command line that differ from the checkpoint's. */
    private List<String> clashes(Checkpoint c) throws IOException {
        List<String> clash = new ArrayList<>();
        PretrainOptions o = c.options();
        if (config != null && !MusiCoderConfig.of(config).equals(c.config())) clash.add("--config " + c.config().name());
        if (objective != null && Objective.parse(objective) != o.objective()) clash.add("--objective " + o.objective());
        if (seed != null && seed != o.seed()) clash.add("--seed " + o.seed());
        if (batch != null && batch != o.batch()) clash.add("--batch " + o.batch());
        if (warmup != null && warmup != o.warmup()) clash.add("--warmup " + o.warmup());
        if (lrScale != null && lrScale != o.lrScale()) clash.add("--lr-scale " + o.lrScale());
        if (clipNorm != null && clipNorm != o.clipNorm()) clash.add("--clip-norm " + o.clipNorm());
        if (ccmMax != null && ccmMax != o.ccmMaxFraction()) clash.add("--ccm-max-fraction " + o.ccmMaxFraction());
        return clash;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder pretrain: " + message);
        err.flush();
        return 2;
    }
}
