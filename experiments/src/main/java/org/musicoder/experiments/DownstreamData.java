package org.musicoder.experiments;

import java.util.List;
import org.musicoder.model.Task;

/**
 * A labelled corpus ready for fine-tuning: features and targets of every clip, split by a named protocol.
 *
 * @param corpus e.g. {@code demo corpus}, {@code GTZAN}, {@code MTG-Jamendo moodtheme}
 * @param protocol how it is split, selected on and reported (one sentence, printed beside the results)
 * @param task genre (one-hot targets) or tags (multi-hot targets)
 * @param labels class or tag names, in target order
 * @param folds the partitions (results are averaged over them)
 */
public record DownstreamData(String corpus, String protocol, Task task, List<String> labels, List<Fold> folds) {
    /** Copies the lists. */
    public DownstreamData {
        labels = List.copyOf(labels);
        folds = List.copyOf(folds);
    }

    /** A copy with only the first {@code n} folds (all if n exceeds their number). */
    public DownstreamData firstFolds(int n) {
        return new DownstreamData(corpus, protocol + (n < folds.size() ? " (first " + n + " of " + folds.size() + " folds)" : ""),
                task, labels, folds.subList(0, Math.min(n, folds.size())));
    }
}
