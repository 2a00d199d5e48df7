package org.musicoder.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musicoder.io.TextFiles;

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
    private static final Pattern AUDIO_NAME = Pattern.compile("(\\d+)(?:\\.low)?\\.mp3");

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

    /**
     * The track ids a split lists, whether or not their audio is on disk (to keep them out of a pretraining corpus).
     *
     * @param splitDir folder holding {@link #FILES}
     * @return every TRACK_ID of the three files (e.g. {@code track_0000948})
     * @throws IOException if a file is missing or malformed (the message names file and line)
     */
    public static Set<String> trackIds(Path splitDir) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String name : FILES) for (String[] f : rows(splitDir.resolve(name))) ids.add(f[0]);
        return ids;
    }

    /**
     * The track id of an audio file named as in MTG-Jamendo's audio tree: {@code NN/ID.mp3} or {@code NN/ID.low.mp3},
     * where {@code NN} is {@code ID mod 100} in two digits (e.g. {@code 48/948.mp3} is {@code track_0000948}).
     *
     * @param file a file path (only its last two names are read)
     * @return the id, or empty if the file is not so named
     */
    public static Optional<String> trackId(Path file) {
        Matcher m = AUDIO_NAME.matcher(file.getFileName().toString());
        Path parent = file.getParent();
        if (!m.matches() || parent == null || m.group(1).length() > 7) return Optional.empty();
        long id = Long.parseLong(m.group(1));
        if (!parent.getFileName().toString().equals(String.format(Locale.ROOT, "%02d", id % 100))) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "track_%07d", id));
    }

    private static List<Track> readFile(Path tsv, Path audioRoot, Set<String> vocabulary, Consumer<String> warn)
            throws IOException {
        List<Track> tracks = new ArrayList<>();
        for (String[] f : rows(tsv)) {
            List<String> tags = List.of(f).subList(5, f.length);
            vocabulary.addAll(tags);
            Path audio;
            Path low;
            try {
                audio = audioRoot.resolve(f[3]);
                low = audioRoot.resolve(f[3].replaceFirst("\\.mp3$", ".low.mp3"));
            } catch (InvalidPathException e) {
                throw new IOException(tsv + ": track " + f[0] + ": PATH is not a file path (" + e.getMessage() + ")",
                        e);
            }
            if (!Files.exists(audio) && Files.exists(low)) audio = low;
            Optional<String> problem = AudioFiles.problem(audio);
            if (problem.isPresent()) warn.accept(audio + ": " + problem.get() + " (track " + f[0] + " skipped)");
            else tracks.add(new Track(f[0], audio, tags, f[1]));
        }
        return tracks;
    }

    /** The rows of one split file: the five columns, then the tags, each stripped (empty tags dropped). */
    private static List<String[]> rows(Path tsv) throws IOException {
        if (!Files.isRegularFile(tsv)) throw new IOException(tsv + ": missing MTG-Jamendo split file");
        List<String> lines = TextFiles.lines(tsv);
        if (lines.isEmpty() || !lines.get(0).startsWith("TRACK_ID"))
            throw new IOException(tsv + ": line 1: expected the header TRACK_ID, ARTIST_ID, ALBUM_ID, PATH, DURATION, TAGS");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] f = line.split("\t");
            if (f.length < 6) throw new IOException(tsv + ": line " + (i + 1) + ": expected 5 columns and at least one tag");
            List<String> row = new ArrayList<>();
            for (int c = 0; c < f.length; c++) {
                String v = f[c].strip();
                if (c < 5) {
                    row.add(v);
                } else if (!v.isEmpty()) {
                    if (!v.startsWith(TAG_PREFIX))
                        throw new IOException(tsv + ": line " + (i + 1) + ": tag '" + v + "' is not " + TAG_PREFIX + "...");
                    row.add(v);
                }
            }
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }
}
