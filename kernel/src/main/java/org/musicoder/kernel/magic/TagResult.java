package org.musicoder.kernel.magic;

import java.util.List;
import org.musicoder.kernel.view.TagView;
import tech.tablesaw.api.Table;

/**
 * What {@code %tag} bound ({@code tags}): a clip's probability for every label of a fine-tuned model.
 *
 * @param clip          the clip's name (file name or {@code dataset:ID})
 * @param labels        label names, in the model's output order
 * @param probabilities one probability per label (softmax for genre models, sigmoid per tag for tag models)
 */
public record TagResult(String clip, List<String> labels, double[] probabilities) {
    /** Copies the arrays. */
    public TagResult {
        labels = List.copyOf(labels);
        probabilities = probabilities.clone();
    }

    /** Copy of the probabilities. */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * @param k labels to keep
     * @return {@code rank, label, probability} of the K most probable labels
     */
    public Table top(int k) {
        return TagView.table(labels, probabilities, k);
    }
}
