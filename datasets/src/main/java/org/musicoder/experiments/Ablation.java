package org.musicoder.experiments;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.musicoder.finetune.FineTuning;
import org.musicoder.finetune.GridListener;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.TrainingRun;

/**
 * Runs the rows of the paper's Table 5 or 6 end to end: pretrain each row's encoder (or reuse it), fine-tune it on
 * every downstream corpus given (grid search on validation, per fold), evaluate, and collect the results in an
 * {@link AblationTable} beside the paper's numbers.
 *
 * <p>Pretrained encoders live in {@code work/pretrain/<config>-<objective>/} (pretraining's folder: log,
 * checkpoint, {@code model.safetensors}). A folder with {@code model.safetensors} of the same configuration is
 * reused; one with only a checkpoint (an interrupted run) is resumed; otherwise pretraining starts. Rows that share
 * a size and objective (Table 5's rows and Table 6's CFM+CCM rows) share the pretrained encoder.
 */
public final class Ablation {
    private Ablation() {}

    /** Follows a run: one line per phase, then the pretraining or grid search steps. */
    public interface Listener extends GridListener {
        /**
         * A phase starts (pretraining or fine-tuning of a row).
         *
         * @param line what starts
         * @param steps its steps (pretraining), or 0 (fine-tuning: {@link #starting} follows)
         */
        default void phase(String line, long steps) {}

        /**
         * A row's results on one corpus were added (so a caller can save the table so far).
         *
         * @param table the table, with every result so far
         */
        default void added(AblationTable table) {}
    }

    /**
     * @param engine the PyTorch engine
     * @param device where to train
     * @param rows the table's rows ({@link AblationRow#table5()} or {@link AblationRow#table6()})
     * @param scale sizes and budgets
     * @param pretrainClips CMVN features of the pretraining clips
     * @param pretrainCorpus what they are, for the table
     * @param tasks the downstream corpora (e.g. GTZAN; MTG-Jamendo)
     * @param work the folder of the pretrained encoders
     * @param listener follows the run (may be null)
     * @return the results, one line per row and metric
     * @throws IOException if a pretrained folder cannot be read or written
     */
    public static AblationTable run(Engine engine, Device device, List<AblationRow> rows, AblationScale scale,
                                    List<float[][]> pretrainClips, String pretrainCorpus, List<DownstreamData> tasks,
                                    Path work, Listener listener) throws IOException {
        AblationTable table = new AblationTable(rows.get(0).table() + " (" + scale.name() + " scale)");
        if (rows.get(0).table().equals("Table 5"))
            for (DownstreamData data : tasks)
                if (data.task() == Task.GENRE) {
                    DownstreamData d = data.firstFolds(scale.folds());
                    if (listener != null) listener.phase("hand-crafted baseline on " + d.corpus(), 0);
                    List<HandCrafted.Result> results = new java.util.ArrayList<>();
                    for (Fold f : d.folds()) results.add(HandCrafted.genre(f, d.labels().size()));
                    table.addHandCrafted(d, results);
                    if (listener != null) listener.added(table);
                }
        for (AblationRow row : rows) {
            MusiCoderConfig config = row.large() ? scale.large() : scale.base();
            Path pretrained = row.objective() == null ? null
                    : pretrain(engine, device, row, config, scale, pretrainClips, work, listener);
            for (DownstreamData data : tasks) {
                DownstreamData d = data.firstFolds(scale.folds());
                if (listener != null) listener.phase(row.model() + ": fine-tuning on " + d.corpus() + " (" + d.task().label() + ")", 0);
                FineTuning.Setup setup = DownstreamRun.setup(d, config, pretrained, scale.grid(), false, scale.seed());
                List<FoldResult> results = DownstreamRun.all(engine, device, d, setup, listener);
                table.add(row, config, pretrainCorpus, scale, d, results);
                if (listener != null) listener.added(table);
            }
        }
        return table;
    }

    /** The row's pretrained weights, pretrained now if needed. */
    private static Path pretrain(Engine engine, Device device, AblationRow row, MusiCoderConfig config, AblationScale scale,
                                 List<float[][]> clips, Path work, Listener listener) throws IOException {
        Path dir = work.resolve("pretrain").resolve(config.name() + "-" + row.objective());
        Path model = dir.resolve(TrainingRun.MODEL);
        if (Files.isRegularFile(model)) {
            String json = SafeTensors.read(model).metadata().get(ModelWeights.CONFIG_KEY);
            if (json == null || !MusiCoderConfig.fromJson(json, model.toString()).equals(config))
                throw new IOException(model + ": holds another model than " + config.describe() + "; remove it or use another work folder");
            if (listener != null) listener.phase(row.model() + ": reusing " + model, 0);
            return model;
        }
        PretrainOptions options = PretrainOptions.paper(row.objective(), scale.seed()).withBatch(scale.pretrainBatch())
                .withWarmup(scale.warmup());
        int every = (int) Math.max(1, Math.min(1000, scale.pretrainSteps()));
        if (listener != null) listener.phase(row.model() + ": pretraining " + config.describe() + " with " + row.pretraining()
                + " for " + scale.pretrainSteps() + " steps in " + dir, scale.pretrainSteps());
        if (Files.isRegularFile(dir.resolve(Checkpoint.FILE)))
            TrainingRun.resume(engine, device, clips, dir, scale.pretrainSteps(), every, listener);
        else TrainingRun.start(engine, device, config, options, clips, dir, scale.pretrainSteps(), every, listener);
        return model;
    }
}
