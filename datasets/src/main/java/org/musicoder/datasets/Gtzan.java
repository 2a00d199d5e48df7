package org.musicoder.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.musicoder.io.TextFiles;

/**
 * Reads GTZAN (Tzanetakis and Cook 2002): 10 genres x 100 clips of 30 s, 22.05 kHz mono, laid out as
 * {@code ROOT/genres/<genre>/<genre>.000NN.au} (or {@code .wav}); {@code ROOT} may also be the {@code genres}
 * folder itself. Genre folders are read in sorted order, clips within a genre sorted by id; counts and sample
 * rates are not enforced (a partial copy reads fine). Skipped with a warning: {@value #CORRUPT} (known to be
 * corrupt), files that fail {@link AudioFiles#problem}, audio files not named {@code <genre>.NNNNN.ext}, and the
 * second of two files with the same id ({@code .au} is kept over {@code .wav}).
 */
public final class Gtzan {
    /** The clip known to be corrupt in the distributed GTZAN archive. */
    public static final String CORRUPT = "jazz.00054";
    /** The fault-filtered split's list files (Kereliuk, Sturm and Larsen 2015), in train/validation/test order. */
    public static final List<String> FILTERED_LISTS =
            List.of("train_filtered.txt", "valid_filtered.txt", "test_filtered.txt");

    private static final Logger LOG = Logger.getLogger(Gtzan.class.getName());
    private static final Pattern NAME = Pattern.compile("([A-Za-z]+)\\.(\\d{5})\\.(au|wav)", Pattern.CASE_INSENSITIVE);

    private Gtzan() {}

    /** As {@link #read(Path, long, Consumer)} with {@link GtzanFolds#DEFAULT_SEED}, warnings logged. */
    public static Dataset read(Path root) throws IOException {
        return read(root, GtzanFolds.DEFAULT_SEED, LOG::warning);
    }

    /**
     * Reads GTZAN with the paper's ten folds.
     *
     * @param root the folder holding {@code genres/}, or the {@code genres} folder itself
     * @param seed base seed of {@link GtzanFolds#folds}
     * @param warn receives one line per skipped file
     * @return dataset {@code gtzan}: one genre label per track, vocabulary = the genres, splits {@code fold-0..9}
     * @throws IOException if no clip is found or a folder cannot be listed
     */
    public static Dataset read(Path root, long seed, Consumer<String> warn) throws IOException {
        List<Track> tracks = tracks(root, warn);
        return new Dataset("gtzan", Dataset.vocabularyOf(tracks), tracks, GtzanFolds.folds(tracks, seed));
    }

    /** As {@link #readFiltered(Path, Path, Consumer)}, warnings logged. */
    public static Dataset readFiltered(Path root, Path listDir) throws IOException {
        return readFiltered(root, listDir, LOG::warning);
    }

    /**
     * Reads GTZAN with the fault-filtered, artist-disjoint split of Kereliuk, Sturm and Larsen (2015).
     *
     * @param root    the folder holding {@code genres/}, or the {@code genres} folder itself
     * @param listDir folder with {@link #FILTERED_LISTS}; each line names a clip like {@code blues/blues.00029.wav}
     *                (matched by its id {@code blues.00029}, whatever the extension on disk)
     * @param warn    receives one line per skipped file and per listed clip that is not on disk
     * @return dataset {@code gtzan-filtered}: only the listed clips, one split {@code filtered}
     * @throws IOException if a list is missing, a list names no clip on disk, or a clip is listed twice (in one
     *                     list or in two: train, validation and test must be disjoint)
     */
    public static Dataset readFiltered(Path root, Path listDir, Consumer<String> warn) throws IOException {
        Map<String, Track> byId = new HashMap<>();
        for (Track t : tracks(root, warn)) byId.put(t.id(), t);
        Map<String, Path> listed = new HashMap<>();
        List<List<Track>> parts = new ArrayList<>();
        for (String name : FILTERED_LISTS) {
            Path list = listDir.resolve(name);
            if (!Files.isRegularFile(list)) throw new IOException(list + ": missing GTZAN filtered-split list");
            List<Track> part = new ArrayList<>();
            for (String line : TextFiles.lines(list)) {
                if (line.isBlank()) continue;
                Path clip;
                try {
                    clip = Path.of(line.strip()).getFileName();
                } catch (InvalidPathException e) {
                    throw new IOException(list + ": " + e.getMessage() + " is not a clip path", e);
                }
                if (clip == null) throw new IOException(list + ": " + line.strip() + " is not a clip path");
                String id = AudioFiles.stem(clip);
                Path first = listed.putIfAbsent(id, list);
                if (first != null)
                    throw new IOException(list + ": " + id + " is already listed in " + first
                            + " (the split's lists must be disjoint)");
                Track t = byId.get(id);
                if (t == null) warn.accept(list + ": " + line.strip() + " is not on disk (skipped)");
                else part.add(t);
            }
            if (part.isEmpty()) throw new IOException(list + ": names no GTZAN clip found under " + root);
            parts.add(part);
        }
        Split split = new Split("filtered", parts.get(0), parts.get(1), parts.get(2));
        List<Track> all = split.all();
        return new Dataset("gtzan-filtered", Dataset.vocabularyOf(all), all, List.of(split));
    }

    /** The usable clips under {@code root}, by genre then id. */
    static List<Track> tracks(Path root, Consumer<String> warn) throws IOException {
        Path genres = Files.isDirectory(root.resolve("genres")) ? root.resolve("genres") : root;
        if (!Files.isDirectory(genres)) throw new IOException(root + ": not a folder");
        List<Track> tracks = new ArrayList<>();
        for (Path dir : sortedChildren(genres)) {
            if (!Files.isDirectory(dir)) continue;
            String genre = dir.getFileName().toString();
            Map<String, Path> seen = new HashMap<>();
            for (Path f : sortedChildren(dir)) {
                if (!Files.isRegularFile(f) || !AudioFiles.isAudio(f)) continue;
                var m = NAME.matcher(f.getFileName().toString());
                String id = AudioFiles.stem(f);
                if (!m.matches() || !m.group(1).equals(genre)) {
                    warn.accept(f + ": not named " + genre + ".NNNNN.au/.wav (skipped)");
                } else if (id.equals(CORRUPT)) {
                    warn.accept(f + ": known corrupt GTZAN clip (skipped)");
                } else if (seen.containsKey(id)) {
                    warn.accept(f + ": duplicate of " + seen.get(id) + " (skipped)");
                } else {
                    Optional<String> problem = AudioFiles.problem(f);
                    if (problem.isPresent()) {
                        warn.accept(f + ": " + problem.get() + " (skipped)");
                    } else {
                        seen.put(id, f);
                        tracks.add(new Track(id, f, List.of(genre), null));
                    }
                }
            }
        }
        if (tracks.isEmpty()) throw new IOException(root + ": no GTZAN clips (expected genres/<genre>/<genre>.NNNNN.au)");
        return tracks;
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
