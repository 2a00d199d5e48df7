package org.musicoder.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musicoder.datasets.DemoEncoder;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderModel;
import org.musicoder.pretrain.MaskedEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder evaluate}: masked loss of a pretrained model on held-out clips against two baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Pretraining check: masked reconstruction loss (Huber, delta 1) of a pretrained model on held-out clips, against "
                + "predicting 0 and linear interpolation across CFM spans, on the same masked cells.",
                "--data demo uses the demo corpus's validation and test splits (not seen by pretrain --data demo).",
                "For downstream metrics (ROC-AUC, PR-AUC, accuracy) of given scores, see 'eval'."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Folder with model.safetensors (or the file).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "demo|DIR", description = "demo (held-out splits) or a folder of audio.")
    String data;

    @Option(names = "--objective", paramLabel = "O", defaultValue = "cfm", description = "cfm, ccm or cfm+ccm (default cfm).")
    String objective;

    @Option(names = "--ccm-max-fraction", paramLabel = "F", defaultValue = "1", description = "CCM width cap (default 1).")
    double ccmMax;

    @Option(names = "--ccm-band", paramLabel = "B", defaultValue = "spectra", description = "Channels CCM may hide: spectra (columns 52-323, the paper's; default) or all.")
    String ccmBand;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "12345", description = "Seed of the masking draws (default 12345).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "PyTorch and feature threads (default 2).")
    int threads;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        Path weights;
        try {
            weights = DemoEncoder.weights(model.toString(), Cache.defaultDir());
        } catch (IOException e) {
            return usage(err, "--model " + e.getMessage());
        }
        if (!TrainingClips.known(data))
            return usage(err, "--data " + data + ": neither 'demo', 'debian-music' nor an existing folder");
        Masker masker;
        try {
            masker = new Masker(Objective.parse(objective), new Ccm(ccmMax, Ccm.Band.parse(ccmBand)));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        List<float[][]> clips = TrainingClips.load(data, true, cache != null ? cache : Cache.defaultDir(), threads, err);
        Engines.pytorch(threads);
        MaskedEvaluation.Result r;
        try (NDManager manager = NDManager.newBaseManager(Engines.PYTORCH)) {
            MusiCoderModel m;
            try {
                m = ModelWeights.load(weights, manager);
            } catch (IOException e) {
                return usage(err, e.getMessage());
            }
            r = MaskedEvaluation.run(m, manager, clips, masker, seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d clips, %d masked cells (%s): model %.4f, predict-zero %.4f, interpolation %.4f%n",
                clips.size(), r.cells(), objective, r.model(), r.zero(), r.interpolation());
        r.parts().forEach((part, l) -> out.printf(Locale.ROOT, "  %-9s %5.1f %% of cells: model %.4f, predict-zero %.4f, interpolation %.4f%n",
                part.name().toLowerCase(Locale.ROOT), 100.0 * l.cells() / r.cells(), l.model(), l.zero(), l.interpolation()));
        out.flush();
        return 0;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder evaluate: " + message);
        err.flush();
        return 2;
    }
}
