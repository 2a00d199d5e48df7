package org.musicoder.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One audio clip of a dataset.
 *
 * @param id     the dataset's own name for the clip (GTZAN {@code blues.00029}, MTG-Jamendo {@code track_0000948},
 *               FMA {@code 2}, a folder's relative path); unique within a dataset
 * @param audio  the audio file
 * @param labels its labels (one genre, or several tags); empty for an unlabelled clip
 * @param artist the artist's id or name when the dataset gives one, else {@code null}
 */
public record Track(String id, Path audio, List<String> labels, String artist) {
    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audio, "audio");
        labels = List.copyOf(labels);
    }
}
