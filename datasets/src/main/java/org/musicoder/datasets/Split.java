package org.musicoder.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * A train/validation/test partition of a dataset's tracks (one fold, or one official split).
 *
 * @param name       e.g. {@code fold-3}, {@code filtered}, {@code split-0}, {@code official}
 * @param train      tracks to fit on
 * @param validation tracks to select models on (for a cross-validation fold: the held-out tracks)
 * @param test       tracks to report on; empty when the protocol has none
 */
public record Split(String name, List<Track> train, List<Track> validation, List<Track> test) {
    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** All tracks of the split: train, then validation, then test. */
    public List<Track> all() {
        List<Track> all = new ArrayList<>(train);
        all.addAll(validation);
        all.addAll(test);
        return all;
    }
}
