package org.musicoder.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musicoder.cli.options.Candidates;
import org.musicoder.cli.options.FinetuneRecipe;
import org.musicoder.cli.options.RunOptions;
import org.musicoder.datasets.DemoEncoder;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.experiments.DownstreamRun;
import org.musicoder.experiments.Fold;
import org.musicoder.experiments.FoldResult;
import org.musicoder.finetune.FineTunedModel;
import org.musicoder.finetune.FineTuning;
import org.musicoder.finetune.Grid;
import org.musicoder.finetune.ValidationScore;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder finetune}: grid search on validation, the kept model written as a folder, evaluated. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Fine-tune a pretrained MusiCoder encoder for genre classification or tagging (full fine-tuning, "
                + "or a frozen-encoder linear probe with --probe): every grid point is trained on the training clips and "
                + "scored on validation (accuracy, or macro ROC-AUC for tags); the best is kept, written to OUT "
                + "(config.json, labels.txt, model.safetensors, validation.json) and evaluated on the test clips.",
                "--data demo: the demo corpus (style classes or tags); DIR: GTZAN (genre; ten folds, or --filtered) or "
                        + "MTG-Jamendo moodtheme (tags; DIR holds split-0's files, --audio the audio)."})
final class FinetuneCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "demo|DIR", completionCandidates = Candidates.Data.class,
            description = "demo (the demo corpus: 5 style classes or 16 tags), a GTZAN folder (genre) or an MTG-Jamendo folder (tags).")
    String data;

    @Option(names = {"--model", "--from"}, required = true, paramLabel = "demo|DIR|none",
            description = "demo (the shipped demo encoder), a pretraining folder (model.safetensors), or none for a randomly initialised encoder.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the fine-tuned model.")
    Path out;

    @Mixin FinetuneRecipe recipe;

    @Mixin RunOptions run;

    @Mixin DownstreamOptions corpus;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        String bad = run.check();
        if (bad != null) return usage(err, bad);
        if (!data.equals("demo") && !java.nio.file.Files.isDirectory(Path.of(data)))
            return usage(err, "--data " + data + ": neither 'demo' nor an existing folder");
        Task t;
        Grid g;
        MusiCoderConfig encoder;
        Path pretrained = null;
        Pooling pool;
        try {
            t = recipe.task();
            pool = recipe.pooling();
            g = recipe.grid(data.equals("demo"));
            if (model.equals("none")) {
                encoder = MusiCoderConfig.of(recipe.randomEncoder(data.equals("demo")));
            } else {
                try {
                    pretrained = DemoEncoder.weights(model, Cache.defaultDir());
                } catch (java.io.IOException e) {
                    return usage(err, "--model " + e.getMessage());
                }
                if (recipe.config != null) return usage(err, "--config is only for --model none (the pretrained model has its own)");
                String json = SafeTensors.read(pretrained).metadata().get(ModelWeights.CONFIG_KEY);
                if (json == null) return usage(err, pretrained + ": no model config in its metadata");
                encoder = MusiCoderConfig.fromJson(json, pretrained.toString());
            }
        } catch (IllegalArgumentException | IOException e) {
            return usage(err, e.getMessage());
        }
        Engine engine = Engines.pytorch(run.threads);
        Device dev = Engines.device(engine, run.device);
        DownstreamData d = corpus.load(data, t, run.threads, err);
        if (recipe.fold < 0 || recipe.fold >= d.folds().size())
            return usage(err, "--fold " + recipe.fold + ": " + d.corpus() + " has folds 0.." + (d.folds().size() - 1));
        Fold f = d.folds().get(recipe.fold);
        err.printf(Locale.ROOT, "musicoder finetune: %s, %s; %s on %s, fold %s (%d train / %d validation / %d test clips); "
                        + "%s; %d grid points; %s pooling; %s, %d PyTorch threads%n", recipe.probe ? "linear probe" : "full fine-tuning",
                encoder.describe(), t.label(), d.corpus(), f.name(), f.train().size(), f.validation().size(), f.test().size(),
                pretrained == null ? "no pretraining" : "pretrained " + pretrained, g.points().size(), pool.label(), dev,
                Engines.threads());
        err.printf("protocol: %s%n", d.protocol());
        err.flush();
        FineTuning.Setup setup = DownstreamRun.setup(d, encoder, pretrained, g, recipe.probe, pool, recipe.seed);
        FineTuneProgress progress = new FineTuneProgress(err, ValidationScore.name(t));
        FoldResult r;
        try {
            r = DownstreamRun.fold(engine, dev, setup, f, progress);
        } finally {
            progress.finish();
        }
        FineTunedModel.write(out, setup, r.search());
        outw.printf(Locale.ROOT, "%s: kept grid point %d (%s), validation %s %.4f%n", out, r.search().best() + 1,
                r.search().bestPoint(), ValidationScore.name(t), r.search().bestScore());
        if (t == Task.GENRE) {
            outw.printf(Locale.ROOT, "%s accuracy: %.4f (%d clips)%n", r.reportedOn(), r.accuracy(), f.reported().size());
            outw.println(r.genre().confusion());
        } else {
            outw.printf(Locale.ROOT, "%s macro ROC-AUC %.4f, macro PR-AUC %.4f (%d clips, %d of %d tags evaluable)%n",
                    r.reportedOn(), r.rocAuc(), r.prAuc(), f.reported().size(), r.tags().evaluatedTags(), d.labels().size());
        }
        outw.flush();
        return 0;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder finetune: " + message);
        err.flush();
        return 2;
    }
}
