package org.musicoder.experiments;

import java.util.List;
import org.musicoder.finetune.Example;

/**
 * One train/validation/test partition of labelled clips.
 *
 * @param name e.g. {@code fold-3}, {@code filtered}, {@code split-0}, {@code demo}
 * @param train clips to fine-tune on
 * @param validation clips to choose the grid point on
 * @param test clips to report on; empty when the protocol reports on the validation clips (GTZAN's ten folds)
 */
public record Fold(String name, List<Example> train, List<Example> validation, List<Example> test) {
    /** Copies the lists. */
    public Fold {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** The clips reported on: the test clips, or the validation clips when there are none. */
    public List<Example> reported() {
        return test.isEmpty() ? validation : test;
    }

    /** {@code test} or {@code validation}: which clips {@link #reported()} returns. */
    public String reportedOn() {
        return test.isEmpty() ? "validation" : "test";
    }
}
