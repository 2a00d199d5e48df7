package org.musicoder.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musicoder.features.ClipFeatures;
import org.musicoder.features.FeatureBatch;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musicoder features}: one frames x 324 float32 .npy per audio file. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract the 324-dim MusiCoder features (chroma 12, MFCC 20, MFCC delta 20, log-mel 128, "
                + "log-CQT 144) of audio files, per-clip CMVN unless --raw.",
                "Writes one .npy (float32, little-endian, C order, frames x 324) per input."})
final class FeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "WAV, AU, AIFF, FLAC, Ogg Vorbis, Opus, MP3 or M4A (AAC, ALAC) files.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "Output .npy file (one input) or folder (several inputs; <name>.npy each).")
    Path out;

    @Option(names = "--raw", description = "Skip per-clip CMVN.")
    boolean raw;

    @Option(names = "--offset", paramLabel = "S", defaultValue = "0", description = "Start at S seconds (default 0).")
    double offset;

    @Option(names = "--duration", paramLabel = "S", description = "Read at most S seconds (default: to the end).")
    Double duration;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Files processed at once.")
    int threads;

    @Option(names = "--cqt", paramLabel = "VARIANT", defaultValue = "CQT_24_BPO",
            description = "Reading of the 144 CQT dims: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    FeatureConfig.CqtVariant cqt;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (offset < 0 || Double.isNaN(offset)) return usage(err, "--offset must be >= 0 seconds, got " + offset);
        if (duration != null && !(duration > 0)) return usage(err, "--duration must be > 0 seconds, got " + duration);
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        Map<Path, Path> targets = targets(err);
        if (targets == null) return 2;
        FeatureConfig cfg = FeatureConfig.PAPER.withCqtVariant(cqt);
        double dur = duration == null ? Double.NaN : duration;
        FeaturesProgress bar = new FeaturesProgress(err, Progress.stderrIsTerminal(), inputs.size());
        int failed = FeatureBatch.run(inputs, threads,
                p -> ClipFeatures.compute(p, cfg, offset, dur, !raw),
                r -> {
                    bar.clear();
                    boolean ok = r.ok() && write(r, targets.get(r.input()), cfg.dims(), outw, err);
                    if (!r.ok()) {
                        err.println("musicoder: " + Messages.oneLine(r.input(), r.error()));
                        err.flush();
                    }
                    bar.finished(ok);
                });
        return failed == 0 ? 0 : 1;
    }

    /** Writes one file's features and its line; false (after a message) if it cannot be written. */
    private static boolean write(FeatureBatch.Result r, Path target, int dims, PrintWriter outw, PrintWriter err) {
        try {
            Npy.writeAtomically(target, r.features());
            outw.printf("%s -> %s (%d x %d, %.2f s)%n", r.input(), target, r.features().length, dims, r.seconds());
            outw.flush();
            return true;
        } catch (Exception e) {
            err.println("musicoder: " + target + ": cannot write: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /** Maps each input to its output file; null (after a message) when the outputs cannot be laid out. */
    private Map<Path, Path> targets(PrintWriter err) throws Exception {
        Map<Path, Path> map = new HashMap<>();
        boolean single = inputs.size() == 1 && !Files.isDirectory(out);
        if (single) {
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            map.put(inputs.get(0), out);
            return map;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            usage(err, "--out " + out + " is a file, but " + inputs.size() + " inputs need a folder");
            return null;
        }
        Files.createDirectories(out);
        Map<String, Path> byName = new HashMap<>();
        for (Path in : inputs) {
            String stem = stem(in);
            Path prev = byName.putIfAbsent(stem, in);
            if (prev != null && !prev.equals(in)) {
                usage(err, in + " and " + prev + " would both be written to " + out.resolve(stem + ".npy"));
                return null;
            }
            map.put(in, out.resolve(stem + ".npy"));
        }
        return map;
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static int usage(PrintWriter err, String msg) {
        err.println("musicoder features: " + msg);
        return 2;
    }
}
