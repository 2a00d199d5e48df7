package org.musicoder.finetune;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;

/**
 * A whole fine-tuning: for every point of the grid, a {@link FineTuner} from the same pretrained weights is
 * trained on the training clips and scored on the validation clips ({@link ValidationScore}); the best point's
 * weights are kept ({@link GridSearch}).
 */
public final class FineTuning {
    private FineTuning() {}

    /**
     * What to fine-tune and how.
     *
     * @param encoder the encoder's size (from the pretrained weights, or chosen for an untrained encoder)
     * @param pretrained pretraining's {@code model.safetensors}, or null to start from random weights
     * @param task genre or tags
     * @param labels class or tag names, in target order
     * @param grid the hyper-parameter grid
     * @param probe true for the frozen-encoder linear probe
     * @param pooling how the head summarises a clip's frames
     * @param seed the seed of every grid point's run
     */
    public record Setup(MusiCoderConfig encoder, Path pretrained, Task task, List<String> labels, Grid grid,
                        boolean probe, Pooling pooling, long seed) {
        /** Copies the labels. */
        public Setup {
            labels = List.copyOf(labels);
        }
    }

    /**
     * Runs the grid.
     *
     * @param engine the PyTorch engine
     * @param device where to train
     * @param setup what and how
     * @param train training clips
     * @param validation validation clips
     * @param listener follows the search (may be null)
     * @return every point's validation score and the best point's weights
     * @throws IOException if the pretrained weights cannot be read
     */
    public static GridSearch.Result<Map<String, SafeTensors.Tensor>> run(Engine engine, Device device, Setup setup,
            List<Example> train, List<Example> validation, GridListener listener) throws IOException {
        if (train.isEmpty() || validation.isEmpty())
            throw new IllegalArgumentException("fine-tuning needs training and validation clips (got " + train.size()
                    + " and " + validation.size() + ")");
        List<float[][]> valFrames = new ArrayList<>();
        for (Example e : validation) valFrames.add(e.frames());
        List<GridPoint> points = setup.grid().points();
        return GridSearch.run(points, (i, p) -> {
            try (FineTuner t = new FineTuner(engine, device, setup.encoder(), setup.pretrained(), setup.task(),
                    setup.labels().size(), p, setup.probe(), setup.pooling(), setup.seed())) {
                int windows = 0;
                for (Example e : train) windows += Windows.starts(e.frames().length, setup.encoder().maxFrames()).length;
                if (listener != null) listener.starting(i, points.size(), p, t.steps(windows));
                t.train(train, listener);
                double score = ValidationScore.of(setup.task(), t.predict(valFrames), validation);
                if (listener != null) listener.scored(i, p, score);
                return new GridSearch.Scored<>(score, t.weights());
            }
        });
    }
}
