package org.musicoder.kernel.magic;

import java.nio.file.Path;
import org.musicoder.finetune.FineTunedModel;
import org.musicoder.kernel.view.TagView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %tag PATH|dataset:clip [--model DIR] [--top K]}: a fine-tuned model's label probabilities for a clip. */
@Command(mixinStandardHelpOptions = true,
        description = {"Label a clip with a fine-tuned model (the session's, or a folder written by %%finetune or "
                + "'musicoder finetune'): a bar chart and a table of the K most probable labels (clips longer than "
                + "the model's frames: windows, probabilities averaged).",
                "Binds `tags` (TagResult: clip, labels, probabilities, top(k))."})
final class TagMagic implements Magic {
    @Parameters(paramLabel = "PATH|dataset:clip", description = "An audio file, or dataset:ID (Tab completes the ids).")
    String clip;

    @Option(names = "--model", paramLabel = "DIR", description = "Fine-tuned model folder (default: the session's %%finetune model).")
    Path model;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Labels shown (default ${DEFAULT-VALUE}).")
    int top;

    @Override
    public void run(MagicContext ctx) throws Exception {
        if (top < 1) throw new MagicException("--top must be >= 1, got " + top);
        ClipMatrix m = ClipResolver.features(clip, ctx.session());
        TagResult r;
        if (model != null) {
            FineTunedModel loaded;
            try {
                loaded = FineTunedModel.load(model);
            } catch (java.io.IOException e) {
                throw new MagicException("--model " + e.getMessage());
            }
            try (loaded) {
                r = new TagResult(m.name(), loaded.labels(), loaded.predict(m.cmvn()));
            }
        } else {
            FineTuned f = ctx.session().finetuned();
            if (f == null) throw new MagicException("no fine-tuned model in the session: run %finetune first, or give --model DIR");
            r = new TagResult(m.name(), f.labels(), f.model().predict(m.cmvn()));
        }
        ctx.display(TagView.bars(r.labels(), r.probabilities(), top, m.name()));
        ctx.display(r.top(top));
        ctx.bind(variable(), r, TagResult.class.getName());
    }

    @Override
    public String variable() {
        return "tags";
    }
}
