package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.musicoder.cli.options.Candidates;
import org.musicoder.cli.options.CorpusOptions;
import org.musicoder.cli.options.FinetuneRecipe;
import org.musicoder.datasets.DemoEncoder;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.experiments.DownstreamRun;
import org.musicoder.experiments.Fold;
import org.musicoder.experiments.FoldResult;
import org.musicoder.finetune.FineTunedModel;
import org.musicoder.finetune.FineTuning;
import org.musicoder.finetune.Grid;
import org.musicoder.finetune.ValidationScore;
import org.musicoder.kernel.view.EvalView;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %finetune --task genre|tags [--data demo|DIR] [--model session|DIR|none] [--probe] [--grid G]}: the library's
 * grid search ({@link FineTuning}, {@link DownstreamRun}) with a live progress bar and loss curve per grid point;
 * the kept model is written to a folder, evaluated on the fold's reported clips and kept in the session.
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Fine-tune an encoder for genre classification or tagging: every grid point is trained and scored "
                + "on validation, the best is kept, written to --out and evaluated (live progress; interrupt stops it).",
                "Binds `finetuned` (FineTuned: model(), dir(), data(), fold(), result())."})
final class FinetuneMagic implements Magic {
    @Option(names = "--data", paramLabel = "demo|DIR", defaultValue = "demo", completionCandidates = Candidates.Data.class,
            description = "demo (the demo corpus: 5 style classes or 16 tags), a GTZAN folder (genre) or an MTG-Jamendo folder (tags); default demo.")
    String data;

    @Option(names = {"--model", "--from"}, paramLabel = "session|demo|DIR|none", defaultValue = "session",
            completionCandidates = Choices.Models.class,
            description = "session (the model %%pretrain trained), demo (the shipped demo encoder), a pretraining folder or "
                    + "model.safetensors, or none (random encoder); default session.")
    String model;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of the fine-tuned model (default: CACHE/finetuned/TASK).")
    Path out;

    @Mixin FinetuneRecipe recipe;

    @Mixin CorpusOptions parts;

    @Override
    public void run(MagicContext ctx) throws Exception {
        Task t;
        Grid g;
        Pooling pool;
        try {
            t = recipe.task();
            pool = recipe.pooling();
            g = recipe.grid(data.equals("demo"));
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        Session s = ctx.session();
        Path dir = out != null ? out : s.cache().resolve("finetuned").resolve(t.label());
        Files.createDirectories(dir);
        MusiCoderConfig encoder;
        Path pretrained;
        if (model.equals("none")) {
            try {
                encoder = MusiCoderConfig.named(recipe.randomEncoder(data.equals("demo")));
            } catch (IllegalArgumentException e) {
                throw new MagicException(e.getMessage());
            }
            pretrained = null;
        } else {
            if (recipe.config != null) throw new MagicException("--config is only for --model none (a pretrained model has its own)");
            if (model.equals("session")) {
                Pretrained p = s.pretrained();
                if (p == null)
                    throw new MagicException("no pretrained model in the session: run %pretrain first, or give --model DIR|none");
                pretrained = dir.resolve("pretrained.safetensors");
                ModelWeights.save(p.model(), pretrained);
                encoder = p.model().config();
            } else {
                try {
                    pretrained = DemoEncoder.weights(model, s.cache());
                } catch (java.io.IOException e) {
                    throw new MagicException(e.getMessage());
                }
                String json = SafeTensors.read(pretrained).metadata().get(ModelWeights.CONFIG_KEY);
                if (json == null) throw new MagicException(pretrained + ": no model config in its metadata");
                encoder = MusiCoderConfig.fromJson(json, pretrained.toString());
            }
        }
        ctx.out().println("loading the features of " + data + " ...");
        DownstreamData d = DownstreamCorpus.load(data, t, parts.filtered, parts.audio, ctx);
        if (recipe.fold < 0 || recipe.fold >= d.folds().size())
            throw new MagicException("--fold " + recipe.fold + ": " + d.corpus() + " has folds 0.." + (d.folds().size() - 1));
        Fold f = d.folds().get(recipe.fold);
        Engine engine = Engines.pytorch(PretrainMagic.THREADS);
        Device device = Engines.device(engine, s.device());
        ctx.out().printf(Locale.ROOT, "%s, %s; %s on %s, fold %s (%d train / %d validation / %d test clips); %s; %d grid points; %s pooling; %s%n",
                recipe.probe ? "linear probe" : "full fine-tuning", encoder.describe(), t.label(), d.corpus(), f.name(),
                f.train().size(), f.validation().size(), f.test().size(),
                pretrained == null ? "no pretraining" : "pretrained " + (model.equals("session") ? "in this session" : pretrained),
                g.points().size(), pool.label(), device);
        ctx.out().println("protocol: " + d.protocol());
        FineTuning.Setup setup = DownstreamRun.setup(d, encoder, pretrained, g, recipe.probe, pool, recipe.seed);
        FoldResult r = DownstreamRun.fold(engine, device, setup, f, new DownstreamProgress(ctx, ValidationScore.name(t)));
        FineTunedModel.write(dir, setup, r.search());
        FineTuned done = new FineTuned(FineTunedModel.of(setup, r.search()), dir, d, f, r);
        s.finetuned(done);
        ctx.out().printf(Locale.ROOT, "kept grid point %d (%s), validation %s %.4f; written to %s%n", r.search().best() + 1,
                r.search().bestPoint(), ValidationScore.name(t), r.search().bestScore(), dir);
        String title = d.corpus() + ", " + r.reportedOn() + " clips of fold " + f.name();
        if (t == Task.GENRE) {
            ctx.display(EvalView.summary(r.genre(), title));
            ctx.display(EvalView.confusion(r.genre(), "confusion matrix, " + title));
        } else {
            ctx.display(EvalView.summary(r.tags(), title));
        }
        ctx.bind(variable(), done, FineTuned.class.getName());
    }

    @Override
    public String afterInterrupt() {
        return "fine-tuning stops after the running step; no model is kept";
    }

    @Override
    public String variable() {
        return "finetuned";
    }
}
