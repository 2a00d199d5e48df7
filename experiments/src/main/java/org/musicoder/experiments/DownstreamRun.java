package org.musicoder.experiments;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.finetune.Example;
import org.musicoder.finetune.FineTunedModel;
import org.musicoder.finetune.FineTuning;
import org.musicoder.finetune.Grid;
import org.musicoder.finetune.GridListener;
import org.musicoder.finetune.GridSearch;
import org.musicoder.finetune.ValidationScore;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;

/** Fine-tunes on each fold of a {@link DownstreamData} (grid search on validation) and evaluates the kept model. */
public final class DownstreamRun {
    private DownstreamRun() {}

    /**
     * The setup of one fine-tuning on {@code data}.
     *
     * @param data the corpus
     * @param encoder the encoder's size
     * @param pretrained pretraining's {@code model.safetensors}, or null for no pretraining
     * @param grid the grid
     * @param probe frozen-encoder linear probe instead of full fine-tuning
     * @param pooling how the head summarises a clip's frames
     * @param seed the seed
     * @return the setup
     */
    public static FineTuning.Setup setup(DownstreamData data, MusiCoderConfig encoder, Path pretrained, Grid grid,
                                         boolean probe, Pooling pooling, long seed) {
        return new FineTuning.Setup(encoder, pretrained, data.task(), data.labels(), grid, probe, pooling, seed);
    }

    /**
     * Fine-tunes on one fold and evaluates the best grid point on the fold's reported clips.
     *
     * @param engine the PyTorch engine
     * @param device where to train
     * @param setup what and how
     * @param fold the fold
     * @param listener follows the grid search (may be null)
     * @return the result
     * @throws IOException if the pretrained weights cannot be read
     */
    public static FoldResult fold(Engine engine, Device device, FineTuning.Setup setup, Fold fold, GridListener listener)
            throws IOException {
        GridSearch.Result<Map<String, SafeTensors.Tensor>> search =
                FineTuning.run(engine, device, setup, fold.train(), fold.validation(), listener);
        List<float[][]> clips = new ArrayList<>();
        for (Example e : fold.reported()) clips.add(e.frames());
        double[][] p;
        try (FineTunedModel m = FineTunedModel.of(setup, search)) {
            p = m.predict(clips);
        }
        if (setup.task() == Task.GENRE) {
            int[] truth = fold.reported().stream().mapToInt(Example::classId).toArray();
            return new FoldResult(fold.name(), search, fold.reportedOn(), GenreMetrics.ofScores(p, truth, setup.labels()), null);
        }
        return new FoldResult(fold.name(), search, fold.reportedOn(), null,
                TagMetrics.of(p, ValidationScore.labels(fold.reported()), setup.labels()));
    }

    /**
     * Every fold.
     *
     * @param engine the PyTorch engine
     * @param device where to train
     * @param data the corpus
     * @param setup what and how
     * @param listener follows the grid searches (may be null)
     * @return one result per fold
     * @throws IOException if the pretrained weights cannot be read
     */
    public static List<FoldResult> all(Engine engine, Device device, DownstreamData data, FineTuning.Setup setup,
                                       GridListener listener) throws IOException {
        List<FoldResult> r = new ArrayList<>();
        for (Fold f : data.folds()) r.add(fold(engine, device, setup, f, listener));
        return r;
    }

    /**
     * The mean of a metric over folds (NaN folds left out).
     *
     * @param values one value per fold
     * @return their mean, NaN if none is a number
     */
    public static double mean(double[] values) {
        double s = 0;
        int n = 0;
        for (double v : values)
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        return n == 0 ? Double.NaN : s / n;
    }
}
