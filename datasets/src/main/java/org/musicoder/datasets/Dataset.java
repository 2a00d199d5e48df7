package org.musicoder.datasets;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A read dataset: its tracks, its label vocabulary and its splits.
 *
 * @param name       e.g. {@code gtzan}, {@code mtg-jamendo-moodtheme}, {@code fma-small}, a folder name
 * @param vocabulary every label that occurs, sorted; a track's labels are drawn from it
 * @param tracks     every usable track, in the reader's documented order
 * @param splits     the dataset's partitions (ten folds, one official split, or none for a plain folder)
 */
public record Dataset(String name, List<String> vocabulary, List<Track> tracks, List<Split> splits) {
    public Dataset {
        vocabulary = List.copyOf(vocabulary);
        tracks = List.copyOf(tracks);
        splits = List.copyOf(splits);
    }

    /** The sorted set of labels used by {@code tracks}. */
    public static List<String> vocabularyOf(List<Track> tracks) {
        Set<String> v = new TreeSet<>();
        for (Track t : tracks) v.addAll(t.labels());
        return List.copyOf(v);
    }
}
