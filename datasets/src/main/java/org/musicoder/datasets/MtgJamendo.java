package org.musicoder.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Reads the mood/theme subset of MTG-Jamendo (Bogdanov et al. 2019) from one of its splits,
 * {@code splits/split-N/autotagging_moodtheme-{train,validation,test}.tsv}. Each file has a header line, then one
 * track per line: tab-separated {@code TRACK_ID, ARTIST_ID, ALBUM_ID, PATH, DURATION} and one or more tags
 * {@code mood/theme---<tag>}. The audio is {@code audioRoot/PATH} (e.g. {@code 48/948.mp3}), or, when that is
 * absent, the low-quality download's {@code audioRoot/48/948.low.mp3}.
 * <p>
 * Labels are the full tag strings (e.g. {@code mood/theme---happy}). The vocabulary is derived from the three
 * files (every tag on any line, sorted, whether or not its audio is on disk); the real files have
 * {@value #MOODTHEME_TAGS} tags, and {@link #read(Path, Path)} fails if they do not. Small test trees, with fewer
 * tags, use {@link #read(Path, Path, int, Consumer)} with their own count or 0. Tracks whose audio is missing or
 * fails {@link AudioFiles#problem} are skipped with a warning.
 */
public final class MtgJamendo {
    /** Tags in the real mood/theme vocabulary. */
    public static final int MOODTHEME_TAGS = 56;
    /** Prefix of every mood/theme tag. */
    public static final String TAG_PREFIX = "mood/theme---";
    /** The split files, in train/validation/test order. */
    public static final List<String> FILES = List.of("autotagging_moodtheme-train.tsv",
            "autotagging_moodtheme-validation.tsv", "autotagging_moodtheme-test.tsv");

    private static final Logger LOG = Logger.getLogger(MtgJamendo.class.getName());

    private MtgJamendo() {}

    /** As {@link #read(Path, Path, int, Consumer)} expecting {@value #MOODTHEME_TAGS} tags, warnings logged. */
    public static Dataset read(Path splitDir, Path audioRoot) throws IOException {
        return read(splitDir, audioRoot, MOODTHEME_TAGS, LOG::warning);
    }

    /**
     * Reads one split.
     *
     * @param splitDir     folder holding {@link #FILES} (e.g. {@code .../splits/split-0})
     * @param audioRoot    folder the PATH column is relative to
     * @param expectedTags the vocabulary size the files must have; 0 to accept any
     * @param warn         receives one line per skipped track
     * @return dataset {@code mtg-jamendo-moodtheme} with one split named after {@code splitDir}; tracks in
     *         train, validation, test order, each in file order; artist = ARTIST_ID
     * @throws IOException if a file is missing or malformed (the message names file and line), or the
     *                     vocabulary size differs from {@code expectedTags}
     */
    public static Dataset read(Path splitDir, Path audioRoot, int expectedTags, Consumer<String> warn)
            throws IOException {
        Set<String> vocabulary = new TreeSet<>();
        List<List<Track>> parts = new ArrayList<>();
        for (String name : FILES) parts.add(readFile(splitDir.resolve(name), audioRoot, vocabulary, warn));
        if (expectedTags > 0 && vocabulary.size() != expectedTags)
            throw new IOException(splitDir + ": expected " + expectedTags + " mood/theme tags, found " + vocabulary.size());
        Split split = new Split(splitDir.getFileName().toString(), parts.get(0), parts.get(1), parts.get(2));
        return new Dataset("mtg-jamendo-moodtheme", List.copyOf(vocabulary), split.all(), List.of(split));
    }

    private static List<Track> readFile(Path tsv, Path audioRoot, Set<String> vocabulary, Consumer<String> warn)
            throws IOException {
        if (!Files.isRegularFile(tsv)) throw new IOException(tsv + ": missing MTG-Jamendo split file");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("TRACK_ID"))
            throw new IOException(tsv + ": line 1: expected the header TRACK_ID, ARTIST_ID, ALBUM_ID, PATH, DURATION, TAGS");
        List<Track> tracks = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] f = line.split("\t");
            if (f.length < 6) throw new IOException(tsv + ": line " + (i + 1) + ": expected 5 columns and at least one tag");
            List<String> tags = new ArrayList<>();
            for (int c = 5; c < f.length; c++) {
                String tag = f[c].strip();
                if (tag.isEmpty()) continue;
                if (!tag.startsWith(TAG_PREFIX))
                    throw new IOException(tsv + ": line " + (i + 1) + ": tag '" + tag + "' is not " + TAG_PREFIX + "...");
                tags.add(tag);
            }
            vocabulary.addAll(tags);
            Path audio = audioRoot.resolve(f[3].strip());
            Path low = audioRoot.resolve(f[3].strip().replaceFirst("\\.mp3$", ".low.mp3"));
            if (!Files.exists(audio) && Files.exists(low)) audio = low;
            Optional<String> problem = AudioFiles.problem(audio);
            if (problem.isPresent()) warn.accept(audio + ": " + problem.get() + " (track " + f[0] + " skipped)");
            else tracks.add(new Track(f[0].strip(), audio, tags, f[1].strip()));
        }
        return tracks;
    }
}
