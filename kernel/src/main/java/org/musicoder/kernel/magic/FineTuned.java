package org.musicoder.kernel.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.experiments.Fold;
import org.musicoder.experiments.FoldResult;
import org.musicoder.finetune.FineTunedModel;
import org.musicoder.finetune.ValidationScore;

/**
 * A model {@code %finetune} fine-tuned in this session ({@code finetuned}): the kept grid point as a model, the
 * folder it was written to, the corpus and fold it was trained on, and the fold's result. Kept until the next
 * {@code %finetune} replaces it; {@code %tag} and {@code %eval} use it by default.
 */
public final class FineTuned implements AutoCloseable {
    private final FineTunedModel model;
    private final Path dir;
    private final DownstreamData data;
    private final Fold fold;
    private final FoldResult result;

    FineTuned(FineTunedModel model, Path dir, DownstreamData data, Fold fold, FoldResult result) {
        this.model = model;
        this.dir = dir;
        this.data = data;
        this.fold = fold;
        this.result = result;
    }

    /** The model (predict with {@code model().predict(features.cmvn())}). */
    public FineTunedModel model() {
        return model;
    }

    /** The folder holding it (config.json, labels.txt, model.safetensors, validation.json): {@code %tag --model}. */
    public Path dir() {
        return dir;
    }

    /** The corpus, its protocol and its folds. */
    public DownstreamData data() {
        return data;
    }

    /** The fold it was fine-tuned on (train, validation, test clips). */
    public Fold fold() {
        return fold;
    }

    /** The grid search (every point's validation score) and the metrics on the reported clips. */
    public FoldResult result() {
        return result;
    }

    /** Class or tag names, in output order. */
    public List<String> labels() {
        return model.labels();
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s model in %s: %s, fold %s, grid point %s, validation %s %.4f",
                data.task().label(), dir, data.corpus(), fold.name(), result.search().bestPoint(),
                ValidationScore.name(data.task()), result.search().bestScore());
    }
}
