package org.musicoder.experiments;

import java.util.Map;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.finetune.GridSearch;
import org.musicoder.model.SafeTensors;

/**
 * One fold's fine-tuning and evaluation.
 *
 * @param fold the fold's name
 * @param search every grid point's validation score and the best point's weights
 * @param reportedOn {@code test} or {@code validation}
 * @param genre accuracy and confusion matrix on the reported clips (genre task), else null
 * @param tags macro ROC-AUC and PR-AUC on the reported clips (tags task), else null
 */
public record FoldResult(String fold, GridSearch.Result<Map<String, SafeTensors.Tensor>> search, String reportedOn,
                         GenreMetrics genre, TagMetrics tags) {
    /** Accuracy (genre) or NaN. */
    public double accuracy() {
        return genre == null ? Double.NaN : genre.accuracy();
    }

    /** Macro ROC-AUC (tags) or NaN. */
    public double rocAuc() {
        return tags == null ? Double.NaN : tags.macroRocAuc();
    }

    /** Macro PR-AUC (tags) or NaN. */
    public double prAuc() {
        return tags == null ? Double.NaN : tags.macroPrAuc();
    }
}
