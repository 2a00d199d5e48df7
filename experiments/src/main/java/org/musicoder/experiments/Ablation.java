package org.musicoder.experiments;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.finetune.FineTuning;
import org.musicoder.finetune.GridListener;
import org.musicoder.masking.Objective;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import org.musicoder.pretrain.Checkpoint;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.TrainingRun;

/**
 * Runs the rows of the paper's Table 5 or 6 end to end, once per seed of the scale: pretrain each row's encoder (or
 * reuse it), fine-tune it on every downstream corpus given (grid search on validation, per fold), evaluate, and
 * collect the results in an {@link AblationTable} beside the paper's numbers (mean and sd over the seeds).
 *
 * <p>A replicate is one seed {@code s}: the encoders are pretrained with seed {@code s} and fine-tuned with seed
 * {@code s}, so the spread over seeds covers pretraining and fine-tuning. Replicates run one after the other (all rows
 * with seed 0, then all with seed 1, ...), so an interrupted run has a complete table of the seeds it finished.
 *
 * <p>Pretrained encoders live in {@code work/pretrain/<config>-<objective>-seed<s>/} ({@link #pretrainDir}:
 * pretraining's folder with log, checkpoint and {@code model.safetensors}). A folder whose checkpoint has the same
 * model, recipe (schedule and seed) and clips and the run's steps is reused; one with fewer steps (an interrupted or
 * shorter run) is resumed up to them; one made otherwise stops the run with a message (remove it or use another work
 * folder). Rows that share a size and objective (Table 5's rows and Table 6's CFM+CCM rows) share the pretrained
 * encoder of each seed.
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
     * @param scale sizes, budgets and seeds
     * @param pretrainClips CMVN features of the pretraining clips
     * @param pretrainCorpus what they are, for the table
     * @param tasks the downstream corpora (e.g. GTZAN; MTG-Jamendo)
     * @param work the folder of the pretrained encoders
     * @param listener follows the run (may be null)
     * @return the results, one line per row and metric
     * @throws IOException if a pretrained folder cannot be read or written, or holds another run's encoder
     */
    public static AblationTable run(Engine engine, Device device, List<AblationRow> rows, AblationScale scale,
                                    List<float[][]> pretrainClips, String pretrainCorpus, List<DownstreamData> tasks,
                                    Path work, Listener listener) throws IOException {
        AblationTable table = new AblationTable(rows.get(0).table() + " (" + scale.name() + " scale)");
        if (rows.get(0).table().equals("Table 5"))
            for (DownstreamData data : tasks)
                if (data.task() == Task.GENRE) {
                    DownstreamData d = data.firstFolds(scale.folds());
                    phase(listener, "hand-crafted baseline on " + d.corpus() + " (deterministic: once)", 0);
                    List<HandCrafted.Result> results = new ArrayList<>();
                    for (Fold f : d.folds()) results.add(HandCrafted.genre(f, d.labels().size()));
                    table.addHandCrafted(d, results);
                    if (listener != null) listener.added(table);
                }
        String clips = null; // the clips' summary, computed once, when the first checkpoint is checked
        List<Long> seeds = scale.seeds();
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            String replicate = "seed " + seed + " (" + (i + 1) + "/" + seeds.size() + ")";
            for (AblationRow row : rows) {
                MusiCoderConfig config = row.large() ? scale.large() : scale.base();
                Path pretrained = null;
                if (row.objective() != null) {
                    Path dir = pretrainDir(work, config, row.objective(), seed);
                    if (clips == null && Files.isRegularFile(dir.resolve(Checkpoint.FILE))) clips = Pretrainer.describe(pretrainClips);
                    pretrained = pretrain(engine, device, replicate + ", " + row.model(), config,
                            scale.pretrainOptions(row.objective(), config, seed), scale.pretrainSteps(), pretrainClips, clips, dir, listener);
                }
                for (DownstreamData data : tasks) {
                    DownstreamData d = data.firstFolds(scale.folds());
                    phase(listener, replicate + ", " + row.model() + ": fine-tuning on " + d.corpus() + " (" + d.task().label() + ")", 0);
                    FineTuning.Setup setup = DownstreamRun.setup(d, config, pretrained, scale.grid(), false, Pooling.MEAN, seed);
                    List<FoldResult> results = DownstreamRun.all(engine, device, d, setup, listener);
                    table.add(row, config, pretrainCorpus, scale, d, seed, results);
                    if (listener != null) listener.added(table);
                }
            }
        }
        return table;
    }

    /**
     * The folder of one replicate's pretrained encoder: {@code work/pretrain/<config>-<objective>-seed<s>}.
     *
     * @param work the run's work folder
     * @param config the encoder
     * @param objective its pretraining objective
     * @param seed the replicate's seed
     * @return the folder
     */
    public static Path pretrainDir(Path work, MusiCoderConfig config, Objective objective, long seed) {
        return work.resolve("pretrain").resolve(config.name() + "-" + objective + "-seed" + seed);
    }

    /** The encoder's pretrained weights in {@code dir}, pretrained (or resumed) now if needed. */
    static Path pretrain(Engine engine, Device device, String what, MusiCoderConfig config, PretrainOptions options, long steps,
                         List<float[][]> clips, String clipSummary, Path dir, Listener listener) throws IOException {
        Path model = dir.resolve(TrainingRun.MODEL);
        Path file = dir.resolve(Checkpoint.FILE);
        int every = (int) Math.max(1, Math.min(1000, steps));
        if (Files.isRegularFile(file)) {
            Checkpoint c = Checkpoint.load(file);
            String other = !c.config().equals(config) ? "another model (" + c.config().describe() + ")"
                    : !c.options().equals(options) ? "another recipe (" + c.options().toJson() + ")"
                    : !c.data().equals(clipSummary) ? "other clips (" + c.data() + ")"
                    : c.step() > steps ? "more steps (" + c.step() + ")" : null;
            if (other != null)
                throw new IOException(dir + ": was pretrained with " + other + " than this run asks for (" + config.describe() + ", "
                        + options.toJson() + ", " + steps + " steps on " + clipSummary + "); remove it or use another work folder");
            if (c.step() == steps && Files.isRegularFile(model)) {
                phase(listener, what + ": reusing " + model, 0);
                return model;
            }
            phase(listener, what + ": resuming " + dir + " from step " + c.step() + " to " + steps, steps);
            TrainingRun.resume(engine, device, clips, dir, steps, every, listener);
            return model;
        }
        if (Files.isRegularFile(model)) { // weights without a checkpoint (put there by hand): only the model is checked
            String json = SafeTensors.read(model).metadata().get(ModelWeights.CONFIG_KEY);
            if (json == null || !MusiCoderConfig.fromJson(json, model.toString()).equals(config))
                throw new IOException(model + ": holds another model than " + config.describe() + "; remove it or use another work folder");
            phase(listener, what + ": reusing " + model + " (no checkpoint beside it: its recipe and steps are not checked)", 0);
            return model;
        }
        phase(listener, what + ": pretraining " + config.describe() + " with " + options.objective().toString().toUpperCase(java.util.Locale.ROOT)
                + " for " + steps + " steps in " + dir, steps);
        TrainingRun.start(engine, device, config, options, clips, dir, steps, every, listener);
        return model;
    }

    private static void phase(Listener listener, String line, long steps) {
        if (listener != null) listener.phase(line, steps);
    }
}
